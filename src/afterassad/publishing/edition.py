"""This edition of the report: its version, its suggested citation, and the PDF's title page and
metadata, all read from CITATION.cff, so the book, the PDF and the citation file say one thing.

tests/test_project.py checks that CITATION.cff, pyproject.toml, the data package and _config.yml
carry one version.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import yaml

from afterassad.core.paths import repo_root
from afterassad.core.text import latex, md


@lru_cache(maxsize=1)
def citation_file() -> dict:
    return yaml.safe_load((repo_root() / "CITATION.cff").read_text(encoding="utf-8"))


def version() -> str:
    return str(citation_file()["version"])


def authors() -> str:
    names = []
    for person in citation_file()["authors"]:
        names.append(person.get("name") or f"{person['family-names']}, {person['given-names']}")
    return "; ".join(names)


def title_parts() -> tuple[str, str]:
    """('After Assad', 'the fall of the Assad regime, …'): the short title and the subtitle."""
    title, _, subtitle = str(citation_file()["title"]).partition(": ")
    return title, subtitle


def year() -> int:
    released = citation_file()["date-released"]
    return (released if isinstance(released, dt.date) else dt.date.fromisoformat(str(released))).year


def suggested_citation(markup: str = "text") -> str:
    """'Authors (year). Title: subtitle. Version x. Report and data.' in text, MyST or LaTeX."""
    title, subtitle = title_parts()
    full = f"{title}: {subtitle}" if subtitle else title
    if markup == "md":
        return f"{md(authors())} ({year()}). *{md(full)}.* Version {md(version())}. Report and data."
    if markup == "latex":
        return f"{latex(authors())} ({year()}). \\textit{{{latex(full)}.}} Version {latex(version())}. Report and data."
    return f"{authors()} ({year()}). {full}. Version {version()}. Report and data."


def evidence_cutoff() -> str:
    """How far the evidence reaches, as the landing page says it: the newest source, dated to the day."""
    from afterassad.core.dates import long_date
    from afterassad.data.loader import load
    from afterassad.data.sources import newest_dated

    return long_date(newest_dated(load("sources")))


def latex_title_page() -> str:
    """The PDF's first page: title, authors, version, build date (Sphinx's \\date, the build day)
    and the suggested citation."""
    title, subtitle = title_parts()
    return rf"""
\begin{{titlepage}}
\begin{{center}}
\vspace*{{2.5cm}}
{{\sffamily\bfseries\fontsize{{34}}{{40}}\selectfont {latex(title)}\par}}
\vspace{{0.8cm}}
{{\sffamily\Large {latex(subtitle[:1].upper() + subtitle[1:])}\par}}
\vspace{{1.6cm}}
{{\large {latex(authors())}\par}}
\vspace{{0.6cm}}
{{\sffamily Evidence to {latex(evidence_cutoff())} (the newest source cited)\quad\textbullet\quad Edition {latex(version())}\quad\textbullet\quad \aabuilddate\par}}
\vfill
\begin{{minipage}}{{0.82\textwidth}}
\small\textbf{{Suggested citation}}\par\smallskip
{suggested_citation("latex")}\par\medskip
Please also cite the sources the report gives for each fact.
Text and data: {latex(str(citation_file().get("license", "")).replace("-", " "))}; code: MIT.
\end{{minipage}}
\vspace{{1.5cm}}
\end{{center}}
\end{{titlepage}}
"""


def latex_preamble() -> str:
    """Document metadata (title, author, subject, keywords) and the build date macro."""
    title, subtitle = title_parts()
    keywords = ", ".join(map(str, citation_file().get("keywords", [])))
    return (
        r"\makeatletter\newcommand{\aabuilddate}{\@date}\makeatother"
        "\n"
        # the bibliography's chapter carries the name the web edition's page has
        r"\AtBeginEnvironment{sphinxthebibliography}{\renewcommand{\bibname}{References}}"
        "\n"
        rf"\hypersetup{{pdftitle={{{latex(title)}}}, pdfauthor={{{latex(authors())}}}, "
        rf"pdfsubject={{{latex(subtitle)}}}, pdfkeywords={{{latex(keywords)}}}, "
        r"bookmarksnumbered=true, bookmarksopen=true, bookmarksopenlevel=1}"
        "\n"
    )

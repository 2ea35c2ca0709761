"""The bibliography, generated from the source registry (data/sources.csv): no second list.

Citations read as author-year labels, outlet and year ("Reuters 2024c"), so a reader knows who
said it without scrolling to the end; the full reference is a hover or a click away (HTML) or
in the bibliography (PDF). The outlet is the one that wrote the story, not the site that
syndicated it. Entries are listed in label order.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from afterassad.core.text import latex
from afterassad.data.loader import load
from afterassad.data.sources import ARTICLE_UNDER_TEST, outlet  # noqa: F401 (the reference generator names outlets; others import it from here too)

# Printed kinds of source; any other is its value in words.
SOURCE_TYPE_WORDS = {"seed_article": "article under test"}

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def bib_text(value) -> str:
    """Escape a registry cell for a BibTeX field, so that it prints as written. A dollar sign stays as
    it is: pybtex reads it as text (Sphinx's writers escape it for each output), while an escaped one
    (\\$) would print with its backslash."""
    return latex(value).replace("\\$", "$")


def _letters(n: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa: the suffix that tells apart one outlet's pieces of one year."""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def citation_labels(sources: pd.DataFrame) -> pd.Series:
    """'Outlet year', with a letter when an outlet has several pieces in a year (in date order);
    'n.d.' when the piece is undated ('n.d.-a', 'n.d.-b' for several). Unique by construction."""
    frame = sources.assign(
        _outlet=[outlet(r) for _, r in sources.iterrows()],
        _year=[str(d.year) if pd.notna(d) else "n.d." for d in sources["date_published"]],
    )
    frame = frame.sort_values(["_outlet", "_year", "date_published", "source_id"], na_position="last")
    labels = {}
    for (name, year), group in frame.groupby(["_outlet", "_year"], sort=False):
        if name.startswith(ARTICLE_UNDER_TEST):
            labels.update({sid: name for sid in group["source_id"]})
        elif len(group) == 1:
            labels[group["source_id"].iloc[0]] = f"{name} {year}"
        else:
            joint = "-" if year == "n.d." else ""  # "n.d.-a", as APA writes it
            labels.update({sid: f"{name} {year}{joint}{_letters(i)}" for i, sid in enumerate(group["source_id"])})
    return sources["source_id"].map(labels).rename("label")


def bib_entry(row: pd.Series, label: str = "", position: int = 0) -> str:
    publisher = bib_text(row["publisher"])
    if pd.notna(row["original_publisher"]) and row["original_publisher"]:
        publisher += f" (syndicated from {bib_text(row['original_publisher'])})"
    fields = {"title": "{" + bib_text(row["title"]) + "}", "howpublished": publisher}
    precision = row["date_published_precision"]
    if pd.notna(row["date_published"]):
        fields["year"] = str(row["date_published"].year)
        # The plain style prints "month year"; a day-precise date reads "14 December 2024".
        if precision in ("day", "month"):
            fields["month"] = _MONTHS[row["date_published"].month - 1]
        if precision == "day":
            fields["month"] = f"{row['date_published'].day} {fields['month']}"
    notes = [
        f"{SOURCE_TYPE_WORDS.get(row['source_type'], row['source_type'].replace('_', ' ')).capitalize()}, reliability {row['reliability'].replace('_', ' ')}",
        f"accessed {row['date_accessed']:%Y-%m-%d}",
    ]
    if precision == "undated":
        notes.append("publication date not stated")
    if row["title_kind"] == "from_url":
        notes.append("title taken from the web address, as the page shows none")
    elif row["title_kind"] == "descriptive":
        notes.append("descriptive title written for this report, as the copy shows none or is not in English")
    if row["source_type"] == "seed_article":  # a locator alone does not make a source an article under test
        notes.append("one of the two articles under test")
    fields["note"] = bib_text("; ".join(notes)) + "."
    if pd.notna(row["url"]) and row["url"]:
        fields["url"] = row["url"].replace("{", "%7B").replace("}", "%7D")
    if label:
        # Plain text, not LaTeX: the label is printed by Sphinx's own writers, which escape it.
        fields["shortlabel"] = label.replace("{", "(").replace("}", ")")
        fields["sortkey"] = f"{position:05d}"
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
    return f"@misc{{{row['source_id']},\n{body}\n}}\n"


def _label_order(sources: pd.DataFrame) -> list:
    """The articles under test first, then by outlet, year and letter (2024z before 2024aa)."""

    def key(i):
        label = sources.at[i, "label"]
        head, _, tail = label.rpartition(" ")
        year, letters = tail[:4], tail[4:]
        return (not label.startswith(ARTICLE_UNDER_TEST), head.casefold(), year, len(letters), letters)

    return sorted(sources.index, key=key)


def write_bib(path: Path) -> int:
    sources = load("sources")
    path.parent.mkdir(parents=True, exist_ok=True)
    sources = sources.assign(label=citation_labels(sources))
    entries = [bib_entry(sources.loc[i], sources.at[i, "label"], position) for position, i in enumerate(_label_order(sources))]
    path.write_text("\n".join(entries), encoding="utf-8")
    return len(entries)


def register_pybtex_style() -> None:
    """A pybtex style 'afterassad': the plain style, labelled by each entry's `shortlabel`
    (from citation_labels) and sorted by its `sortkey` (label order, numbers in natural order)."""
    from pybtex.plugin import register_plugin
    from pybtex.style.formatting.plain import Style as Plain
    from pybtex.style.labels import BaseLabelStyle
    from pybtex.style.sorting import BaseSortingStyle

    class ShortLabels(BaseLabelStyle):
        def format_labels(self, sorted_entries):
            for entry in sorted_entries:
                yield entry.fields["shortlabel"]

    class LabelOrder(BaseSortingStyle):
        def sorting_key(self, entry):
            return entry.fields["sortkey"]

    class Style(Plain):
        default_label_style = "afterassad"
        default_sorting_style = "afterassad"

    register_plugin("pybtex.style.labels", "afterassad", ShortLabels, force=True)
    register_plugin("pybtex.style.sorting", "afterassad", LabelOrder, force=True)
    register_plugin("pybtex.style.formatting", "afterassad", Style, force=True)

"""What reference managers, search engines and link previews read, all generated from CITATION.cff
and data/datapackage.json, so the pages, the citation files and the PDF say one thing.

- Highwire Press tags (`citation_*`), which Zotero's embedded-metadata translator and Google
  Scholar read: the report's title, or the chapter's with the report as its book; authors; date;
  version; the PDF.
- A page description (from the page's opening paragraph), and Open Graph and Twitter card tags.
- schema.org JSON-LD: the report as a `Report` with its chapters as parts (a `Chapter` on chapter
  pages), and the data package as a `Dataset`.
- BibTeX, RIS and CSL-JSON for the report and for each chapter, and the `.zenodo.json` record.

Every value here is escaped for where it goes (text.html for tags); nothing is written twice.
"""

from __future__ import annotations

import html as _html
import json
import re
from dataclasses import dataclass

from afterassad.core.paths import repo_root
from afterassad.publishing import edition

PDF_NAME = "after-assad.pdf"
CITE_DIR = "cite"  # the citation files, in the built site
PREVIEW_DIR = "_static/previews"
DESCRIPTION_CHARS = 200  # search engines show about 155 to 200 characters
_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Page:
    """One page of the book, as the metadata needs it."""

    name: str  # Sphinx docname, e.g. "book/01_collapse"
    title: str  # the page's own title
    description: str  # one or two sentences from its opening
    chapter: int | None  # the chapter's number in the book, for chapter pages
    site_url: str  # the site's address ('' for a local build)

    @property
    def depth(self) -> int:
        return self.name.count("/")

    def url(self, path: str) -> str:
        """`path` (from the site root) as an absolute URL on the published site, or relative to
        this page on a local build."""
        return self.site_url + path if self.site_url else "../" * self.depth + path

    @property
    def html_path(self) -> str:
        return f"{self.name}.html"

    @property
    def slug(self) -> str:
        return self.name.rsplit("/", 1)[-1]


# ------------------------------------------------------------------ the report
def report_title() -> str:
    return str(edition.citation_file()["title"])


def author_names() -> list[str]:
    return [p.get("name") or f"{p['given-names']} {p['family-names']}" for p in edition.citation_file()["authors"]]


def date_released() -> str:
    return str(edition.citation_file()["date-released"])


def abstract() -> str:
    return _SPACE.sub(" ", str(edition.citation_file().get("abstract", ""))).strip()


def keywords() -> list[str]:
    return [str(k) for k in edition.citation_file().get("keywords", [])]


def licence_url() -> str:
    spdx = str(edition.citation_file().get("license", ""))
    return {"CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/"}.get(spdx, spdx)


def page_description(body: str) -> str:
    """The page's opening in plain text: its first paragraph of at least 60 characters, cut at a
    sentence or word boundary near DESCRIPTION_CHARS."""
    body = re.sub(r"<aside.*?</aside>", "", body, flags=re.S)  # the data box is not the page's opening
    for paragraph in re.findall(r"<p[^>]*>(.*?)</p>", body, re.S):
        text = _SPACE.sub(" ", _html.unescape(_TAGS.sub("", paragraph))).strip()
        text = re.sub(r"^(Overview|Summary)\.\s*", "", text)  # the chapters' run-in label
        if len(text) >= 60:
            return _shorten(text)
    return _shorten(abstract())


def _shorten(text: str) -> str:
    if len(text) <= DESCRIPTION_CHARS:
        return text
    cut = text[:DESCRIPTION_CHARS]
    sentence = cut.rfind(". ")
    if sentence > DESCRIPTION_CHARS // 2:
        return cut[: sentence + 1]
    return cut.rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


# ------------------------------------------------------------------ tags in the page head
def _meta(attr: str, key: str, value: str) -> str:
    return f'<meta {attr}="{_html.escape(key, quote=True)}" content="{_html.escape(value, quote=True)}" />'


def preview_image(page: Page) -> str:
    return page.url(f"{PREVIEW_DIR}/{page.slug if page.chapter else 'report'}.png")


def head_tags(page: Page) -> str:
    """The description, Highwire, Open Graph and Twitter tags and the JSON-LD for one page."""
    report = report_title()
    is_chapter = page.chapter is not None
    title = f"{page.title} ({report.split(':')[0]})" if is_chapter else page.title
    tags = [_meta("name", "description", page.description)]
    # Highwire Press: a chapter is a part of the report (Zotero: book section); other pages cite the report.
    tags.append(_meta("name", "citation_title", page.title if is_chapter else report))
    if is_chapter:
        tags.append(_meta("name", "citation_inbook_title", report))
    tags += [_meta("name", "citation_author", name) for name in author_names()]
    tags += [
        _meta("name", "citation_publication_date", date_released().replace("-", "/")),
        _meta("name", "citation_date", date_released().replace("-", "/")),
        _meta("name", "citation_technical_report_number", f"Version {edition.version()}"),
        _meta("name", "citation_pdf_url", page.url(PDF_NAME)),
        _meta("name", "citation_language", "en"),
        _meta("name", "citation_keywords", "; ".join(keywords())),
    ]
    if page.site_url:
        tags.append(_meta("name", "citation_public_url", page.url(page.html_path)))
    # Link previews.
    tags += [
        _meta("property", "og:title", title),
        _meta("property", "og:description", page.description),
        _meta("property", "og:type", "article"),
        _meta("property", "og:site_name", report.split(":")[0]),
        _meta("property", "og:image", preview_image(page)),
        _meta("property", "og:image:width", "1200"),
        _meta("property", "og:image:height", "630"),
        _meta(
            "property",
            "og:image:alt",
            f"{page.title}: title card with the chapter's lead figure" if is_chapter else f"{report.split(':')[0]}: title card",
        ),
        _meta("property", "og:locale", "en_GB"),
        _meta("name", "twitter:card", "summary_large_image"),
        _meta("name", "twitter:title", title),
        _meta("name", "twitter:description", page.description),
        _meta("name", "twitter:image", preview_image(page)),
    ]
    if page.site_url:
        tags.append(_meta("property", "og:url", page.url(page.html_path)))
    return "\n".join(tags) + "\n" + json_ld_script(chapter_ld(page) if is_chapter else report_ld(page))


def json_ld_script(record: dict) -> str:
    # "</" cannot end the script early once escaped; JSON stays valid.
    text = json.dumps(record, ensure_ascii=False, indent=None).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


def _authors_ld() -> list[dict]:
    return [{"@type": "Organization", "name": name} for name in author_names()]


def report_ld(page: Page, chapters: list[tuple[int, str, str]] | None = None) -> dict:
    """schema.org Report; its chapters as parts when they are known (number, title, docname)."""
    record = {
        "@context": "https://schema.org",
        "@type": "Report",
        "name": report_title(),
        "headline": report_title().split(":")[0],
        "description": abstract(),
        "author": _authors_ld(),
        "datePublished": date_released(),
        "version": edition.version(),
        "inLanguage": "en",
        "license": licence_url(),
        "keywords": keywords(),
        "encoding": {"@type": "MediaObject", "encodingFormat": "application/pdf", "contentUrl": page.url(PDF_NAME)},
        "url": page.url("book/index.html"),
    }
    if chapters:
        record["hasPart"] = [{"@type": "Chapter", "position": n, "name": t, "url": page.url(f"{d}.html")} for n, t, d in chapters]
    return record


def chapter_ld(page: Page) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Chapter",
        "name": page.title,
        "position": page.chapter,
        "description": page.description,
        "author": _authors_ld(),
        "datePublished": date_released(),
        "inLanguage": "en",
        "license": licence_url(),
        "url": page.url(page.html_path),
        "isPartOf": {"@type": "Report", "name": report_title(), "version": edition.version(), "url": page.url("book/index.html")},
    }


# ------------------------------------------------------------------ the data package as a Dataset
def dataset_ld(package: dict, page: Page, date_range: tuple[str, str], zip_name: str) -> dict:
    """schema.org Dataset for dataset search: generated from datapackage.json and CITATION.cff."""
    files = [
        {
            "@type": "DataDownload",
            "name": r["name"],
            "description": r.get("description", ""),
            "encodingFormat": "text/csv",
            "contentUrl": page.url(f"data/{r['path']}"),
        }
        for r in package["resources"]
    ]
    files.append(
        {
            "@type": "DataDownload",
            "name": "data package (zip)",
            "encodingFormat": "application/zip",
            "contentUrl": page.url(f"data/{zip_name}"),
        }
    )
    files.append(
        {
            "@type": "DataDownload",
            "name": "datapackage.json",
            "encodingFormat": "application/json",
            "contentUrl": page.url("data/datapackage.json"),
        }
    )
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": package.get("title", report_title()),
        "description": package.get("description") or abstract(),
        "version": package.get("version", edition.version()),
        "license": licence_url(),
        "creator": _authors_ld(),
        "keywords": keywords(),
        "isAccessibleForFree": True,
        "datePublished": date_released(),
        "temporalCoverage": f"{date_range[0]}/{date_range[1]}",
        "spatialCoverage": [{"@type": "Place", "name": n} for n in ("Syria", "Libya", "Afghanistan")],
        "url": page.url(page.html_path),
        "distribution": files,
        "isBasedOn": page.url("book/references.html"),
        "citation": edition.suggested_citation("text"),
    }


# ------------------------------------------------------------------ citation files
def _address(chapter: tuple[int, str, str] | None, site_url: str) -> str:
    return site_url + (f"{chapter[2]}.html" if chapter else "book/index.html")


def _bib_escape(text: str) -> str:
    return re.sub(r"([{}&%$#_])", r"\\\1", text)


def bibtex(chapter: tuple[int, str, str] | None, site_url: str) -> str:
    """A @techreport for the report, or an @incollection for one of its chapters."""
    year = date_released()[:4]
    authors = " and ".join("{" + _bib_escape(a) + "}" for a in author_names())
    fields = {
        "author": authors,
        "year": year,
        "version": edition.version(),
        "note": f"Version {edition.version()}",
        "institution": "The After Assad contributors",
        "license": "CC BY 4.0",
    }
    if site_url:  # a local build has no address to give
        fields["url"] = _address(chapter, site_url)
    if chapter:
        key, kind = f"afterassad{year}ch{chapter[0]}", "incollection"
        fields = {
            "title": "{" + _bib_escape(chapter[1]) + "}",
            "booktitle": "{" + _bib_escape(report_title()) + "}",
            "chapter": str(chapter[0]),
            "publisher": "The After Assad contributors",
            **fields,
        }
        fields.pop("institution")
    else:
        key, kind = f"afterassad{year}", "techreport"
        fields = {"title": "{" + _bib_escape(report_title()) + "}", "type": "Open executable report", **fields}
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
    return f"@{kind}{{{key},\n{body}\n}}\n"


def ris(chapter: tuple[int, str, str] | None, site_url: str) -> str:
    lines = [("TY", "CHAP" if chapter else "RPRT")]
    if chapter:
        lines += [("TI", chapter[1]), ("T2", report_title()), ("SE", f"Chapter {chapter[0]}")]
    else:
        lines += [("TI", report_title())]
    lines += [("AU", a) for a in author_names()]
    lines += [
        ("PY", date_released()[:4]),
        ("DA", date_released().replace("-", "/")),
        ("ET", f"Version {edition.version()}"),
        ("PB", "The After Assad contributors"),
        ("LA", "en"),
    ]
    if site_url:
        lines.append(("UR", _address(chapter, site_url)))
    lines += [("KW", k) for k in keywords()]
    if not chapter:
        lines.append(("AB", abstract()))
    lines.append(("ER", ""))
    return "\n".join(f"{tag}  - {value}".rstrip() for tag, value in lines) + "\n"


def csl_json(chapter: tuple[int, str, str] | None, site_url: str) -> list[dict]:
    y, m, d = (int(x) for x in date_released().split("-"))
    item = {
        "id": f"afterassad-{'ch' + str(chapter[0]) if chapter else 'report'}",
        "type": "chapter" if chapter else "report",
        "title": chapter[1] if chapter else report_title(),
        "author": [{"literal": a} for a in author_names()],
        "issued": {"date-parts": [[y, m, d]]},
        "version": edition.version(),
        "publisher": "The After Assad contributors",
        "language": "en",
    }
    if site_url:
        item["URL"] = _address(chapter, site_url)
    if chapter:
        item["container-title"] = report_title()
        item["chapter-number"] = str(chapter[0])
    else:
        item["abstract"] = abstract()
        item["genre"] = "Open executable report"
    return [item]


def cite_line(chapter: tuple[int, str, str], site_url: str, depth: int) -> str:
    """'Cite this chapter' for the end of a chapter page: the reference and its files."""
    up = "../" * depth
    base = f"{up}{CITE_DIR}/{chapter[2].rsplit('/', 1)[-1]}"
    year = date_released()[:4]
    text = (
        f"{', '.join(author_names())} ({year}). {chapter[1]}. Chapter {chapter[0]} of <i>{_html.escape(report_title())}</i>. "
        f"Version {edition.version()}."
    )
    return (
        f'<aside class="aa-cite" aria-label="Cite this chapter"><p class="aa-cite-title">Cite this chapter</p>'
        f'<p>{text}</p><p><a href="{base}.bib" download>BibTeX</a> · <a href="{base}.ris" download>RIS</a> · '
        f'<a href="{base}.json" download>CSL-JSON</a> · <a href="{up}{CITE_DIR}/after-assad.bib" download>'
        f"the whole report (BibTeX)</a></p></aside>"
    )


def citation_files_markdown() -> str:
    """The how-to-cite page's list of reference files (the chapters' titles come from their notebooks)."""
    lines = ["- The report: " + _files("after-assad")]
    for path in sorted((repo_root() / "book").glob("0*_*.ipynb")):
        title = _notebook_title(path)
        lines.append(f"- {title}: " + _files(path.stem))
    return (
        "::::{only} html\n" + "\n".join(lines) + "\n::::\n\n::::{only} latex\n"
        "The files are published with the data files of the report.\n::::"
    )


def _files(stem: str) -> str:
    # Raw HTML links: the files are written into the built site, not read by Sphinx as documents.
    return " · ".join(
        f'<a href="../{CITE_DIR}/{stem}.{ext}" download>{label}</a>'
        for ext, label in (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))
    )


def _notebook_title(path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    first = "".join(next(c for c in cells if c["cell_type"] == "markdown")["source"])
    return first.splitlines()[0].lstrip("# ").strip()


# ------------------------------------------------------------------ Zenodo
def zenodo_record() -> dict:
    """The .zenodo.json a release deposit reads, from CITATION.cff."""
    return {
        "title": report_title(),
        "upload_type": "publication",
        "publication_type": "report",
        "description": abstract(),
        "creators": [{"name": a} for a in author_names()],
        "version": edition.version(),
        "publication_date": date_released(),
        "license": "cc-by-4.0",
        "keywords": keywords(),
        "language": "eng",
        "access_right": "open",
    }


def zenodo_file_text() -> str:
    return json.dumps(zenodo_record(), indent=2, ensure_ascii=False) + "\n"


def zenodo_path():
    return repo_root() / ".zenodo.json"

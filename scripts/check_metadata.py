"""Read the built site's metadata the way the real clients do, and fail on anything missing.

- extruct (the extractor that scholarly and search tools are modelled on) for Open Graph and
  JSON-LD on every page; the Highwire `citation_*` tags from the page head with lxml, as Zotero's
  embedded-metadata translator reads them;
- the data package's `Dataset` record against what dataset search requires and recommends;
- the BibTeX files with pybtex, the RIS files with rispy, and the CSL-JSON files for their fields;
- each preview image is 1200 x 630, and each page has one viewport tag.

Usage: python scripts/check_metadata.py _build/html
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import extruct
import rispy
from lxml import html as lxml_html
from PIL import Image
from pybtex.database import parse_string

from afterassad.publishing import metadata

CHAPTER_PREFIX = "book/0"


def meta_tags(page: str) -> dict[str, list[str]]:
    tree = lxml_html.fromstring(page)
    out: dict[str, list[str]] = {}
    for node in tree.xpath("//head/meta[@name]"):
        out.setdefault(node.get("name"), []).append(node.get("content", ""))
    return out


def check_page(site: Path, path: Path, chapters: int) -> list[str]:
    rel = path.relative_to(site).as_posix()
    page = path.read_text(encoding="utf-8")
    problems = []
    tags = meta_tags(page)
    data = extruct.extract(page, base_url=f"http://localhost/{rel}", syntaxes=["json-ld", "opengraph"], uniform=True)
    og = data["opengraph"][0] if data["opengraph"] else {}
    ld = {item.get("@type"): item for item in data["json-ld"]}
    is_chapter = rel.startswith(CHAPTER_PREFIX)
    for name in (
        "description",
        "citation_title",
        "citation_author",
        "citation_publication_date",
        "citation_pdf_url",
        "twitter:card",
        "twitter:title",
        "twitter:image",
    ):
        if not tags.get(name) or not tags[name][0].strip():
            problems.append(f"{rel}: no {name} meta tag")
    if len(tags.get("viewport", [])) != 1:
        problems.append(f"{rel}: {len(tags.get('viewport', []))} viewport tags, not one")
    description = (tags.get("description") or [""])[0]
    if not 50 <= len(description) <= metadata.DESCRIPTION_CHARS + 1:
        problems.append(f"{rel}: description of {len(description)} characters: {description!r}")
    if "Data for this chapter" in description or "data package" in description[:40]:
        problems.append(f"{rel}: the description is the data box, not the page's opening")
    for prop in ("og:title", "og:description", "og:image", "@type"):  # extruct's uniform form: og:type is @type
        if not og.get(prop):
            problems.append(f"{rel}: no {prop} (extruct, Open Graph)")
    image = og.get("og:image", "")
    if image and not image.startswith("http"):
        file = (path.parent / image).resolve()
        if not file.is_file():
            problems.append(f"{rel}: og:image {image} is not in the site")
        elif Image.open(file).size != (1200, 630):
            problems.append(f"{rel}: og:image {image} is {Image.open(file).size}, not 1200 x 630")
    pdf = (tags.get("citation_pdf_url") or [""])[0]
    if pdf and not pdf.startswith("http") and not (path.parent / pdf).resolve().is_file():
        problems.append(f"{rel}: citation_pdf_url {pdf} is not in the site")
    if is_chapter:
        if not tags.get("citation_inbook_title"):
            problems.append(f"{rel}: a chapter needs citation_inbook_title (the report)")
        chapter = ld.get("Chapter")
        if not chapter or chapter.get("isPartOf", {}).get("@type") != "Report" or not chapter.get("position"):
            problems.append(f"{rel}: no schema.org Chapter that is part of the Report")
        if 'class="aa-cite"' not in page:
            problems.append(f"{rel}: no 'Cite this chapter' line")
    elif rel == "book/index.html":
        report = ld.get("Report")
        if not report or len(report.get("hasPart", [])) != chapters:
            problems.append(f"{rel}: the Report record must list its {chapters} chapters as parts")
    elif "Report" not in ld:
        problems.append(f"{rel}: no schema.org Report record")
    if rel == "book/data_dictionary.html":
        problems += check_dataset(ld.get("Dataset"), rel)
    if rel == "book/claims_audit.html" and "ClaimReview" not in ld:
        problems.append(f"{rel}: the ClaimReview records are gone")
    return problems


def check_dataset(record: dict | None, rel: str) -> list[str]:
    """Dataset search requires name and description; it recommends the rest checked here."""
    if not record:
        return [f"{rel}: no schema.org Dataset record"]
    problems = []
    for field in (
        "name",
        "description",
        "license",
        "version",
        "creator",
        "temporalCoverage",
        "spatialCoverage",
        "distribution",
        "keywords",
        "url",
    ):
        if not record.get(field):
            problems.append(f"{rel}: Dataset has no {field}")
    if not 50 <= len(record.get("description", "")) <= 5000:
        problems.append(f"{rel}: Dataset description must be 50 to 5000 characters")
    for item in record.get("distribution", []):
        if not item.get("contentUrl") or not item.get("encodingFormat"):
            problems.append(f"{rel}: a Dataset distribution lacks contentUrl or encodingFormat: {item.get('name')}")
    if "/" not in record.get("temporalCoverage", ""):
        problems.append(f"{rel}: temporalCoverage is not a start/end range")
    return problems


def check_citation_files(folder: Path, chapters: int) -> list[str]:
    problems = []
    stems = sorted(p.stem for p in folder.glob("*.bib"))
    if len(stems) != chapters + 1:
        problems.append(f"{folder}: {len(stems)} BibTeX files for {chapters} chapters and the report")
    for stem in stems:
        entries = parse_string((folder / f"{stem}.bib").read_text(encoding="utf-8"), "bibtex").entries
        entry = next(iter(entries.values()))
        if not entry.fields.get("title") or not entry.persons.get("author") or not entry.fields.get("year"):
            problems.append(f"{stem}.bib: title, author or year missing")
        if stem != "after-assad" and (entry.type != "incollection" or not entry.fields.get("booktitle")):
            problems.append(f"{stem}.bib: a chapter is an @incollection with the report as booktitle")
        records = rispy.loads((folder / f"{stem}.ris").read_text(encoding="utf-8"))
        if len(records) != 1 or not records[0].get("title") or not records[0].get("authors"):
            problems.append(f"{stem}.ris: one record with title and authors expected")
        csl = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
        if not all(item.get(k) for item in csl for k in ("id", "type", "title", "author", "issued")):
            problems.append(f"{stem}.json: CSL-JSON needs id, type, title, author and issued")
    return problems


def main(site: Path) -> int:
    pages = sorted((site / "book").glob("*.html"))
    chapters = sum(1 for p in pages if p.relative_to(site).as_posix().startswith(CHAPTER_PREFIX))
    problems = [p for page in pages for p in check_page(site, page, chapters)]
    problems += check_citation_files(site / metadata.CITE_DIR, chapters)
    if problems:
        print("\n".join(f"FAIL {p}" for p in problems))
        return 1
    print(
        f"metadata: {len(pages)} pages (citation, Open Graph, Twitter, JSON-LD, one viewport), "
        f"{chapters + 1} sets of BibTeX, RIS and CSL-JSON, all read back"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html")))

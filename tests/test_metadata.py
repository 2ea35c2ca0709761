"""Citation, link-preview and schema.org metadata, and the citation files, read back by real parsers."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import extruct
import pytest
import rispy
from PIL import Image
from pybtex.database import parse_string

from afterassad.publishing import edition, metadata
from afterassad.publishing.sphinxext import one_viewport

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = (2, 'The "collapse" & after', "book/01_collapse")


def _checker():
    spec = importlib.util.spec_from_file_location("check_metadata", ROOT / "scripts" / "check_metadata.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def chapter_page(site_url: str = "") -> metadata.Page:
    return metadata.Page(
        name=CHAPTER[2],
        title=CHAPTER[1],
        description="A government lost its capital in days. " * 3,
        chapter=CHAPTER[0],
        site_url=site_url,
    )


def test_a_chapter_page_carries_highwire_open_graph_and_a_chapter_record():
    page = f"<html><head>{metadata.head_tags(chapter_page('https://example.org/aa/'))}</head><body></body></html>"
    data = extruct.extract(
        page, base_url="https://example.org/aa/book/01_collapse.html", syntaxes=["json-ld", "opengraph"], uniform=True
    )
    og = data["opengraph"][0]
    assert og["og:title"].startswith('The "collapse" & after')  # escaped in, unescaped out
    assert og["og:image"] == "https://example.org/aa/_static/previews/01_collapse.png"
    assert og["og:url"] == "https://example.org/aa/book/01_collapse.html"
    chapter = next(r for r in data["json-ld"] if r["@type"] == "Chapter")
    assert chapter["position"] == 2 and chapter["isPartOf"]["@type"] == "Report"
    tags = _checker().meta_tags(page)
    assert tags["citation_title"] == [CHAPTER[1]]
    assert tags["citation_inbook_title"] == [metadata.report_title()]
    assert tags["citation_author"] == metadata.author_names()
    assert tags["citation_pdf_url"] == ["https://example.org/aa/after-assad.pdf"]
    assert tags["citation_publication_date"] == [str(edition.citation_file()["date-released"]).replace("-", "/")]


def test_a_local_build_links_relative_to_the_page():
    page = chapter_page("")
    assert page.url("after-assad.pdf") == "../after-assad.pdf"
    assert 'property="og:url"' not in metadata.head_tags(page)  # no address to give


def test_the_description_is_the_opening_not_the_data_box():
    body = (
        '<h1>Title</h1><aside class="aa-data-box"><p>Data for this chapter: the whole data package and more words here</p></aside>'
        "<p><strong>Overview.</strong> Russia drew down in Syria but kept its air base, and the record shows how, week by week.</p>"
    )
    assert (
        metadata.page_description(body)
        == "Russia drew down in Syria but kept its air base, and the record shows how, week by week."
    )
    long = "<p>" + "word " * 100 + "</p>"
    cut = metadata.page_description(long)
    assert len(cut) <= metadata.DESCRIPTION_CHARS + 1 and cut.endswith("…")


def test_citation_files_parse_with_real_parsers():
    for chapter in (None, CHAPTER):
        entry = next(iter(parse_string(metadata.bibtex(chapter, "https://example.org/aa/"), "bibtex").entries.values()))
        assert entry.type == ("incollection" if chapter else "techreport")
        assert [str(p) for p in entry.persons["author"]] == [f"{{{a}}}" for a in metadata.author_names()]  # one corporate author
        assert entry.fields["year"] == metadata.date_released()[:4]
        record = rispy.loads(metadata.ris(chapter, "https://example.org/aa/"))[0]
        assert record["type_of_reference"] == ("CHAP" if chapter else "RPRT")
        assert record["urls"][0].startswith("https://example.org/aa/book/")
        csl = metadata.csl_json(chapter, "")[0]
        assert csl["type"] == ("chapter" if chapter else "report") and "URL" not in csl
    assert entry.fields["booktitle"] == "{" + metadata.report_title() + "}"


def test_the_dataset_record_has_what_dataset_search_needs():
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    page = metadata.Page("book/data_dictionary", "Data dictionary", "x" * 80, None, "")
    record = metadata.dataset_ld(package, page, ("2005-01-01", "2026-01-27"), "after-assad-data-0.1.0.zip")
    assert _checker().check_dataset(record, "page") == []
    assert len(record["distribution"]) == len(package["resources"]) + 2  # every CSV, the zip, the descriptor
    broken = {k: v for k, v in record.items() if k != "license"}
    assert _checker().check_dataset(broken, "page") == ["page: Dataset has no license"]


def test_the_page_check_fails_on_a_missing_tag(tmp_path):
    site = tmp_path / "site"
    (site / "book").mkdir(parents=True)
    (site / "_static" / "previews").mkdir(parents=True)
    Image.new("RGB", (1200, 630)).save(site / "_static" / "previews" / "01_collapse.png")
    (site / "after-assad.pdf").write_bytes(b"%PDF")
    good = (
        f'<html><head><meta name="viewport" content="width=device-width" />{metadata.head_tags(chapter_page())}'
        '</head><body><aside class="aa-cite"></aside></body></html>'
    )
    path = site / "book" / "01_collapse.html"
    path.write_text(good, encoding="utf-8")
    assert _checker().check_page(site, path, chapters=1) == []
    path.write_text(good.replace('<meta name="citation_title"', '<meta name="x"'), encoding="utf-8")
    assert any("no citation_title" in p for p in _checker().check_page(site, path, chapters=1))


def test_only_one_viewport_tag_is_kept():
    page = (
        '<head><meta name="viewport" content="a" />\n<meta name="viewport" content="b" />'
        '<meta name="viewport" content="c"/></head>'
    )
    assert one_viewport(page).count('name="viewport"') == 1 and 'content="a"' in one_viewport(page)


def test_zenodo_record_is_generated_from_citation_cff():
    committed = (ROOT / ".zenodo.json").read_text(encoding="utf-8")
    assert committed == metadata.zenodo_file_text(), "regenerate .zenodo.json: python -m afterassad zenodo"
    record = json.loads(committed)
    assert record["version"] == edition.version() and record["title"] == metadata.report_title()


@pytest.mark.parametrize("with_figure", [True, False])
def test_preview_cards_are_1200_by_630(with_figure):
    from afterassad.publishing.previews import card

    figure = Image.new("RGB", (1600, 900), "grey") if with_figure else None
    assert card("A long chapter title " * 4, "After Assad · Chapter 2", figure).size == (1200, 630)

"""Long tables on the web: the first rows and a button for the rest, sortable columns; the PDF keeps every row.

afterassad.core.text.Table marks the table, _static/after-assad.css hides rows only while scripting is on,
_static/aa-tables.js adds the controls, and the Sphinx extension loads that script (deferred) only on pages
that need it. The last test runs the real stylesheet and script in Debian's headless Chromium.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

from afterassad.core.text import MIN_HIDDEN_ROWS, SHOWN_ROWS, Table, column_widths, is_long
from afterassad.publishing.sphinxext import TABLE_SCRIPT, accessible_tables, with_table_script

ROOT = Path(__file__).resolve().parent.parent
CSS = ROOT / "_static" / "after-assad.css"
SCRIPT = ROOT / TABLE_SCRIPT
LONG = SHOWN_ROWS + MIN_HIDDEN_ROWS  # the shortest table that is cut
WRAP = re.compile(r'<div class="aa-table-wrap"([^>]*)>')


def frame(rows: int) -> pd.DataFrame:
    """Rows whose cells can each be found again: a name, a number with a thousands comma, a word."""
    return pd.DataFrame(
        {
            "Name": [f"row-{i:03d}" for i in range(rows)],
            "Count": [f"{(i * 7919) % 5000:,}" for i in range(rows)],
            "Kind": ["alpha" if i % 3 else "beta" for i in range(rows)],
        }
    )


def wrapper_attrs(html: str) -> str:
    return WRAP.search(html).group(1)


def test_a_long_table_is_marked_and_keeps_every_row_in_the_html():
    data = frame(21)
    html = Table(data, caption="Twenty-one rows.")._repr_html_()
    attrs = wrapper_attrs(html)
    assert 'data-aa-rows="21"' in attrs and "data-aa-sort" in attrs
    body = html.split("<tbody>", 1)[1]
    assert body.count("<tr") == 21  # nothing is left out of the page: hiding is the stylesheet's, under scripting
    assert all(f"<td>{name}</td>" in body for name in data["Name"])
    assert "display" not in html and "hidden" not in html


def test_a_table_is_cut_only_when_the_button_would_hide_enough_rows():
    assert not is_long(LONG - 1) and is_long(LONG)
    assert wrapper_attrs(Table(frame(LONG - 1))._repr_html_()) == ""  # not marked, not sortable
    assert f'data-aa-rows="{LONG}"' in wrapper_attrs(Table(frame(LONG))._repr_html_())
    assert wrapper_attrs(Table(frame(3))._repr_html_()) == ""


def test_sorting_follows_length_unless_the_table_says_otherwise():
    assert wrapper_attrs(Table(frame(3), sortable=True)._repr_html_()) == " data-aa-sort"
    assert wrapper_attrs(Table(frame(30), sortable=False)._repr_html_()) == ' data-aa-rows="30"'


def test_the_pdf_prints_every_row_of_a_long_table_as_before():
    data = frame(25)
    expected = "\n".join(
        [
            "```{list-table} Twenty\\-five rows\\.",
            ":header-rows: 1",
            ":widths: " + " ".join(str(w) for w in column_widths(data)),
            ":class: longtable aa-table",
            "",
            "* - Name",
            "  - Count",
            "  - Kind",
        ]
        + [
            line
            for name, count, kind in data.itertuples(index=False)
            for line in (f"* - row\\-{name[4:]}", "  - " + count.replace(",", "\\,"), f"  - {kind}")
        ]
        + ["```"]
    )
    for sortable in (None, True, False):
        assert Table(data, caption="Twenty-five rows.", sortable=sortable)._repr_markdown_() == expected


def test_the_page_fix_keeps_the_marks_and_names_the_region():
    long_html = Table(frame(LONG), caption="Rows.")._repr_html_()
    out = accessible_tables(f"<h2>Section</h2>{long_html}{Table(frame(LONG))._repr_html_()}")
    wraps = WRAP.findall(out)
    assert wraps[0] == f' data-aa-rows="{LONG}" data-aa-sort role="region" tabindex="0" aria-labelledby="aa-table-caption-1"'
    assert wraps[1] == f' data-aa-rows="{LONG}" data-aa-sort role="region" tabindex="0" aria-label="Table: Section"'


def test_the_table_script_loads_deferred_and_only_where_a_table_needs_it():
    import importlib.util

    from sphinx.builders.html._assets import _JavaScript

    theme = [_JavaScript("_static/doctools.js", defer="defer")]
    page = accessible_tables(Table(frame(LONG))._repr_html_())
    added = with_table_script(theme, page)
    assert added[:-1] == theme
    assert str(added[-1].filename) == TABLE_SCRIPT == "_static/aa-tables.js" and added[-1].attributes == {"defer": "defer"}
    assert SCRIPT.is_file()
    # a page with only short tables, or the explorer's own DataTables table, loads nothing more
    explorer = (
        '<div class="aa-explorer-wrap" role="region" tabindex="0"><table class="display compact aa-explorer"></table></div>'
    )
    assert with_table_script(theme, accessible_tables(Table(frame(5))._repr_html_()) + explorer) == theme
    # and the head check finds no render-blocking script in the tag Sphinx writes for it
    spec = importlib.util.spec_from_file_location("check_site", ROOT / "scripts" / "check_site.py")
    check_site = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "scripts"))
    spec.loader.exec_module(check_site)
    tag = f'<head><script defer="defer" src="../{TABLE_SCRIPT}?v=1"></script></head>'
    assert check_site.render_blocking(tag) == []


def test_the_script_the_stylesheet_and_the_python_agree_on_the_rows_shown():
    script, css = SCRIPT.read_text(encoding="utf-8"), CSS.read_text(encoding="utf-8")
    assert re.search(r"const SHOWN = (\d+);", script).group(1) == str(SHOWN_ROWS)
    hidden = re.search(r"@media screen and \(scripting: enabled\) \{[^@]*?tbody tr:nth-child\(n\+(\d+)\)", css)
    assert hidden and int(hidden.group(1)) == SHOWN_ROWS + 1


def test_the_table_rules_survive_css_pruning(tmp_path):
    """cssprune keeps a rule only if the site's pages or scripts name its classes: the classes the script adds
    at run time must be found in it, the wrapper's in the pages."""
    from afterassad.publishing.cssprune import names_in_site, prune_stylesheet

    (tmp_path / "_static").mkdir()
    shutil.copy(SCRIPT, tmp_path / "_static" / SCRIPT.name)
    (tmp_path / "page.html").write_text(accessible_tables(Table(frame(LONG))._repr_html_()), encoding="utf-8")
    pruned = prune_stylesheet(CSS.read_text(encoding="utf-8"), names_in_site(tmp_path))
    pruned = pruned.replace("/**/", "")  # tinycss2 writes n+11 as n/**/+11, which browsers read the same
    for selector in (
        ".aa-table-wrap[data-aa-rows]:not(.aa-open) tbody tr:nth-child(n+11)",
        ".aa-table-wrap[data-aa-rows]:not(.aa-ready)",
        ".aa-table-wrap.aa-ready",
        ".aa-table-more",
        ".aa-open + .aa-table-more::after",
        ".aa-sort::before",
        '[aria-sort="descending"] > .aa-sort::after',
        ".aa-table-more:focus-visible",
    ):
        assert selector in pruned, selector
    assert "@media screen and (scripting: enabled){" in pruned


# ------------------------------------------------------------------ in a browser
CHROMIUM = Path("/usr/bin/chromium")
VISIBLE = "id => [...document.querySelectorAll(`#${id} tbody tr`)].filter(r => r.offsetParent).map(r => r.cells[0].textContent)"
IN_VIEW = """id => { const r = document.querySelector(`[aria-controls="${id}"]`).getBoundingClientRect();
  return r.top > -1 && r.bottom < innerHeight + 1; }"""
COLUMN = "([id, c]) => [...document.querySelectorAll(`#${id} tbody tr`)].map(r => r.cells[c].textContent)"


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("no Chromium (scripts/install_system.sh installs it)")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


def _page(tmp_path: Path) -> str:
    data = frame(21).assign(When=[f"{1 + i % 28} {'March' if i % 2 else 'January'} 2025" for i in range(21)])
    explorer = "".join(f"<tr><td>x{i}</td></tr>" for i in range(30))
    body = accessible_tables(
        Table(data, caption="Long.")._repr_html_()
        + Table(frame(5))._repr_html_()
        + f'<div class="aa-explorer-wrap"><table id="explorer" class="aa-explorer"><thead><tr><th>X</th></tr></thead>'
        f"<tbody>{explorer}</tbody></table></div>"
    )
    shutil.copy(CSS, tmp_path / CSS.name)
    shutil.copy(SCRIPT, tmp_path / SCRIPT.name)
    page = tmp_path / "page.html"
    page.write_text(
        f'<!doctype html><html lang="en"><head><link rel="stylesheet" href="{CSS.name}">'
        f'<script defer src="{SCRIPT.name}"></script></head><body>{body}</body></html>',
        encoding="utf-8",
    )
    return page.as_uri()


def test_in_a_browser_a_long_table_shows_its_first_rows_and_a_button_for_the_rest(browser, tmp_path):
    page = browser.new_page(viewport={"width": 800, "height": 250})
    page.goto(_page(tmp_path))
    more = page.locator("button.aa-table-more")
    assert more.count() == 1  # the short table and the explorer get none
    table_id = more.get_attribute("aria-controls")
    assert page.locator(f"#{table_id}").count() == 1
    assert page.evaluate(VISIBLE, table_id) == [f"row-{i:03d}" for i in range(SHOWN_ROWS)]
    assert (more.text_content(), more.get_attribute("aria-expanded")) == ("Show all 21 rows", "false")
    more.focus()
    at = page.evaluate("scrollY")
    page.keyboard.press("Enter")
    assert len(page.evaluate(VISIBLE, table_id)) == 21
    assert (more.text_content(), more.get_attribute("aria-expanded")) == (f"Show first {SHOWN_ROWS} rows", "true")
    assert page.evaluate("scrollY") == at  # the reader goes on reading at row 11, not taken past the new rows
    more.evaluate("b => b.scrollIntoView({block: 'end'})")  # read to the end of the table, then cut it again
    page.keyboard.press("Space")
    assert len(page.evaluate(VISIBLE, table_id)) == SHOWN_ROWS
    assert page.evaluate(IN_VIEW, table_id)  # after "Show first rows" the button is still where the reader is
    assert len(page.evaluate(VISIBLE, "explorer")) == 30 and page.locator("#explorer button").count() == 0
    page.close()


def test_in_a_browser_columns_sort_as_numbers_dates_or_words_and_return_to_the_table_order(browser, tmp_path):
    page = browser.new_page()
    page.goto(_page(tmp_path))
    table_id = page.locator("button.aa-table-more").get_attribute("aria-controls")
    original = page.evaluate(COLUMN, [table_id, 0])
    count = page.locator(f"#{table_id} th:nth-child(2)")
    count.locator("button.aa-sort").click()
    assert count.get_attribute("aria-sort") == "ascending"
    numbers = [int(c.replace(",", "")) for c in page.evaluate(COLUMN, [table_id, 1])]
    assert numbers == sorted(numbers) and len(numbers) == 21  # as numbers: "1,234" after "987"
    count.locator("button.aa-sort").click()
    assert count.get_attribute("aria-sort") == "descending"
    assert [int(c.replace(",", "")) for c in page.evaluate(COLUMN, [table_id, 1])] == sorted(numbers, reverse=True)
    count.locator("button.aa-sort").click()
    assert count.get_attribute("aria-sort") is None and page.evaluate(COLUMN, [table_id, 0]) == original
    # dates by date, not by their words: every January before every March
    page.locator(f"#{table_id} th:nth-child(4) button.aa-sort").click()
    months = [d.split()[1] for d in page.evaluate(COLUMN, [table_id, 3])]
    assert months == ["January"] * 11 + ["March"] * 10
    assert page.locator(f"#{table_id} th:nth-child(2)").get_attribute("aria-sort") is None  # one sorted column at a time
    # a column with one value throughout ("Kind" has two, so it sorts; the short table none) gets no button
    assert page.locator(f"#{table_id} th button.aa-sort").count() == 4
    page.close()


def test_in_a_browser_without_scripts_every_row_shows(browser, tmp_path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(_page(tmp_path))
    table = page.locator("table.aa-table").first
    assert table.locator("tbody tr:visible").count() == 21 and page.locator("button").count() == 0
    context.close()


def test_a_reference_table_can_keep_every_row_in_view():
    frame = pd.DataFrame({"Column": [f"field_{i}" for i in range(30)]})
    page = Table(frame, shorten=False)._repr_html_()
    assert "data-aa-rows" not in page and page.count("<tr") == 31


def test_the_table_script_jupyter_book_adds_to_every_head_is_dropped_and_added_back_deferred():
    from sphinx.builders.html._assets import _JavaScript

    from afterassad.publishing.sphinxext import _keep

    auto = _JavaScript("_static/aa-tables.js")
    assert not _keep(auto, "<p>no table</p>")
    marked = '<div class="aa-table-wrap" data-aa-rows="20"><table></table></div>'
    added = with_table_script([s for s in [auto] if _keep(s, marked)], marked)
    assert [(str(s.filename), s.attributes.get("defer")) for s in added] == [("_static/aa-tables.js", "defer")]

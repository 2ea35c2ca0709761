"""The HTML pages' accessibility and weight fixes (afterassad.sphinxext, _static/icons.css)."""

from __future__ import annotations

import sys
from pathlib import Path

from afterassad.publishing.sphinxext import accessible_body, accessible_page, accessible_tables

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def test_table_scroll_boxes_take_focus_and_are_named_by_caption_or_heading():
    body = (
        '<h2>2.3. Who took ground<a class="headerlink" href="#x" title="Link to this heading">#</a></h2>'
        '<div class="aa-table-wrap"><table></table></div>'
        '<div class="aa-table-wrap"><p class="aa-table-caption">Places &amp; dates.</p><table></table></div>'
        '<p id="table-claims"><strong>Seed-article claims</strong>: claims.csv</p>'
        '<div class="aa-table-wrap"><table></table></div>'
    )
    out = accessible_tables(body)
    assert '<div class="aa-table-wrap" role="region" tabindex="0" aria-label="Table: 2.3. Who took ground">' in out
    assert (
        '<div class="aa-table-wrap" role="region" tabindex="0" aria-labelledby="aa-table-caption-2">'
        '<p class="aa-table-caption" id="aa-table-caption-2">Places &amp; dates.</p>'
    ) in out
    assert 'aria-label="Table: Seed-article claims"' in out
    assert out.count('tabindex="0"') == 3


def test_reference_list_entries_are_list_items():
    body = '<div role="list" class="citation-list"><div class="citation" id="a" role="doc-biblioentry">A</div></div>'
    assert 'role="listitem"' in accessible_body(body) and "doc-biblioentry" not in accessible_body(body)


def test_pages_drop_fontawesome_and_the_search_button_is_named_by_its_text():
    page = (
        '<script defer src="../_static/scripts/fontawesome.js?digest=55c2"></script>\n'
        '<button class="btn search-button-field search-button__button pst-js-only" title="Search" aria-label="Search" '
        'data-bs-toggle="tooltip"><span>Search</span><kbd>Ctrl</kbd>+<kbd>K</kbd></button>'
        '<button class="btn btn-sm pst-navbar-icon search-button search-button__button" title="Search" aria-label="Search">'
    )
    out = accessible_page(page)
    assert "fontawesome" not in out
    assert '<button class="btn search-button-field search-button__button pst-js-only" title="Search" data-bs-toggle' in out
    assert out.count('aria-label="Search"') == 1  # the icon-only button keeps its label


def test_icon_stylesheet_is_current():
    """_static/icons.css is what scripts/make_icons.py makes from the pinned theme's icons."""
    import make_icons

    assert (ROOT / "_static" / "icons.css").read_text() == make_icons.css()


def test_the_publishing_workflow_sets_the_site_address_for_canonical_links_and_claim_reviews(monkeypatch):
    from types import SimpleNamespace

    from afterassad.publishing.sphinxext import _edition

    config = SimpleNamespace(myst_substitutions={}, latex_elements={}, html_baseurl="")
    _edition(None, config)
    assert config.html_baseurl == ""  # a local build keeps _config.yml's value
    monkeypatch.setenv("AFTERASSAD_SITE_URL", "https://example.org/after-assad")
    _edition(None, config)
    assert config.html_baseurl == "https://example.org/after-assad/"


def test_unused_theme_scripts_are_dropped_and_the_rest_deferred():
    from sphinx.builders.html._assets import _JavaScript

    from afterassad.publishing.sphinxext import lighter_scripts

    scripts = [
        _JavaScript("_static/documentation_options.js"),
        _JavaScript("_static/doctools.js"),
        _JavaScript("_static/copybutton.js"),
        _JavaScript("_static/togglebutton.js"),
        _JavaScript("_static/searchtools.js"),
        _JavaScript("_static/plotly-basic.min.js"),
    ]
    kept = {str(s.filename): s.attributes for s in lighter_scripts(scripts, "book/02_withdrawal")}
    assert set(kept) == {"_static/documentation_options.js", "_static/doctools.js", "_static/plotly-basic.min.js"}
    assert kept["_static/doctools.js"].get("defer")
    assert "defer" not in kept["_static/documentation_options.js"]
    on_search = {str(s.filename) for s in lighter_scripts(scripts, "search")}
    assert "_static/searchtools.js" in on_search


def test_the_search_index_loads_only_on_the_search_page():
    from afterassad.publishing.sphinxext import search_only_when_searching

    tags = '<script src="../_static/searchtools.js"></script>\n<script src="../searchindex.js"></script>'
    assert "searchindex" not in search_only_when_searching(f"<head>{tags}</head><body>page</body>")
    search = f"<script>DOCUMENTATION_OPTIONS.pagename = 'search';</script>{tags}"
    assert "searchindex" in search_only_when_searching(search)


def test_the_head_check_names_a_blocking_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("check_site", ROOT / "scripts" / "check_site.py")
    check_site = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_site)
    head = (
        '<head><script src="_static/documentation_options.js"></script><script defer src="a.js"></script>'
        '<script src="_static/plotly.js?v=1"></script></head><script src="late.js"></script>'
    )
    assert check_site.render_blocking(head) == ["_static/plotly.js"]


def test_plotly_never_loads_in_the_head_and_the_loader_points_at_it():
    from afterassad.figures.render import PLOTLY_BUNDLE
    from afterassad.publishing.sphinxext import _keep, figure_loader

    assert not _keep(f"_static/{PLOTLY_BUNDLE}", '<div class="plotly-graph-div"></div>')
    loader = figure_loader("book/02_withdrawal")
    assert f'"../_static/{PLOTLY_BUNDLE}"' in loader and "window.aaFigures" in loader


def test_the_reference_list_is_budgeted_per_entry_and_every_other_page_flat():
    from check_site import BUDGET_HTML, BUDGET_HTML_PER_REFERENCE, REFERENCE_PAGE, html_budget

    entries = b'<div class="citation">x</div>' * 1000
    assert html_budget(REFERENCE_PAGE, entries) == 1000 * BUDGET_HTML_PER_REFERENCE > BUDGET_HTML
    assert html_budget(REFERENCE_PAGE, b'<div class="citation">x</div>') == BUDGET_HTML
    assert html_budget("book/explorer.html", entries) == BUDGET_HTML


def test_pages_drop_the_stylesheets_of_features_they_do_not_use():
    from afterassad.publishing.sphinxext import lighter_styles

    styles = [
        "_static/pygments.css",
        "_static/togglebutton.css",
        "_static/copybutton.css",
        "_static/sphinx-thebe.css",
        "_static/sphinx-design.min.css",
        "_static/itables/main.css",
        "_static/after-assad.css",
    ]
    assert lighter_styles(styles, "<p>text</p>") == ["_static/pygments.css", "_static/after-assad.css"]
    with_card = lighter_styles(styles, '<div class="sd-card sd-shadow">x</div>')
    assert "_static/sphinx-design.min.css" in with_card and "_static/togglebutton.css" not in with_card


def test_the_theme_stylesheet_keeps_only_rules_the_site_can_use():
    from afterassad.publishing.cssprune import prune_stylesheet

    css = (
        ".used{color:red}.unused{color:blue}.used .unused, .used p{margin:0}"
        "body{margin:0}@media (min-width:960px){.unused{x:1}.used{y:2}}@font-face{font-family:x}"
        "a:not(.unused){z:3}"
    )
    pruned = prune_stylesheet(css, {"used"})
    assert ".used{color:red}" in pruned and ".unused{color:blue}" not in pruned
    assert ".used p{margin:0}" in pruned and ".used .unused" not in pruned  # one selector of a list kept
    assert "body{margin:0}" in pruned and "@font-face" in pruned
    assert "@media (min-width:960px){.used{y:2}}" in pruned
    assert "a:not(.unused){z:3}" in pruned  # a negated class does not have to occur


def test_the_corrections_log_is_budgeted_per_correction():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from check_site import BUDGET_HTML, BUDGET_HTML_PER_CORRECTION, CORRECTIONS_PAGE, html_budget

    entries = "".join(f"<p><strong>3 December 2026</strong> · corr_{i} · fact changed</p>" for i in range(2000)).encode()
    assert html_budget(CORRECTIONS_PAGE, entries) == 2000 * BUDGET_HTML_PER_CORRECTION > BUDGET_HTML
    assert html_budget(CORRECTIONS_PAGE, b"<p>corr_1 without the separators</p>") == BUDGET_HTML

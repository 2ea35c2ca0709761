"""A small Sphinx extension for the book's pages.

- Drops sphinx-thebe's scripts: the book has no live-code button, and thebe's config names a
  CDN URL (and Jupyter Book 1 emits it twice, a console error).
- Loads the self-hosted plotly.js only on pages that hold a plotly figure.
- Sets the edition (version, suggested citation, the PDF's title page and metadata) from CITATION.cff.
- Registers the bibliography style that labels citations by outlet and year.
- Drops the theme's fontawesome.js (1.45 MB on every page); _static/icons.css draws the few
  icons the pages use (scripts/make_icons.py).
- Accessibility fixes the theme and the bibliography extension need (axe-core, run by
  scripts/check_site.py): the sidebar search button is named by its visible text; a wide table's
  scroll box can be reached and scrolled from the keyboard and is named; the reference list's
  entries are list items.
- Publishes the claims audit as schema.org ClaimReview records: JSON-LD in the head of the
  claims-audit page, and the same records as a file the page links to for download. Their URLs
  rest on `html_baseurl` (`html.baseurl` in _config.yml), empty until the site has an address.

No notebook output depends on this file (scripts/execute_notebooks.py leaves it out of the
digest that decides when a notebook must be re-run).
"""
from __future__ import annotations

import html as _html
import os
import re
from pathlib import Path

from . import edition, factcheck
from .figures import PLOTLY_BUNDLE
from .references import register_pybtex_style

_FONTAWESOME = re.compile(r'\s*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')
# The search button shows "Search Ctrl+K" but was named "Search": a name that differs from the
# visible text fails WCAG 2.5.3 (label in name). Without aria-label it is named by what it shows.
_SEARCH_FIELD = re.compile(r'(<button class="btn search-button-field[^"]*"[^>]*?) aria-label="[^"]*"')
# What names a table without a caption: the heading of its section, or the run-in title of the
# paragraph that introduces it (the data dictionary's <p id="table-…"><strong>Title</strong>).
_HEADING_OR_TABLE = re.compile(r'<h[1-6][^>]*>(?P<heading>.*?)</h[1-6]>'
                               r'|<p id="table-[^"]*"><strong>(?P<runin>.*?)</strong>'
                               r'|<div class="aa-table-wrap">(?P<caption><p class="aa-table-caption">)?', re.S)
_TAGS = re.compile(r"<[^>]+>")
_HEADERLINK = re.compile(r'<a class="headerlink".*?</a>', re.S)


def _keep(script, body: str) -> bool:
    name = getattr(script, "filename", None) or str(script)
    inline = (getattr(script, "attributes", {}) or {}).get("body", "")
    if "thebe" in (name or "") or "THEBE" in inline:
        return False
    if (name or "").endswith(PLOTLY_BUNDLE) and "plotly-graph-div" not in body:
        return False
    return True


def _heading_text(fragment: str) -> str:
    text = _html.unescape(_TAGS.sub("", _HEADERLINK.sub("", fragment))).strip()
    return re.sub(r"\s+", " ", text)


def accessible_tables(body: str) -> str:
    """Each table's scroll box: focusable (tabindex=0, so a keyboard can scroll it), a named region.

    Named by its caption when it has one, otherwise by the heading of the section it sits in.
    """
    heading = ""
    count = 0
    out = []
    last = 0
    for m in _HEADING_OR_TABLE.finditer(body):
        if m.group("heading") is not None or m.group("runin") is not None:
            heading = _heading_text(m.group("heading") or m.group("runin"))
            continue
        count += 1
        out.append(body[last:m.start()])
        if m.group("caption"):
            cid = f"aa-table-caption-{count}"
            out.append(f'<div class="aa-table-wrap" role="region" tabindex="0" aria-labelledby="{cid}">'
                       f'<p class="aa-table-caption" id="{cid}">')
        else:
            name = _html.escape(f"Table: {heading}" if heading else "Table", quote=True)
            out.append(f'<div class="aa-table-wrap" role="region" tabindex="0" aria-label="{name}">')
        last = m.end()
    out.append(body[last:])
    return "".join(out)


def accessible_body(body: str) -> str:
    body = accessible_tables(body)
    # sphinxcontrib-bibtex (through docutils) writes <div role="list"> holding role="doc-biblioentry"
    # entries; a list must hold list items (and doc-biblioentry is deprecated in ARIA 1.2).
    body = body.replace('role="doc-biblioentry"', 'role="listitem"')
    return body


def accessible_page(page: str) -> str:
    """Template-level fixes, on the rendered page."""
    page = _FONTAWESOME.sub("", page)
    page = _SEARCH_FIELD.sub(r"\1", page)
    return page


def _page_context(app, pagename, templatename, context, doctree):
    body = context.get("body", "")
    scripts = context.get("script_files")
    if scripts is not None:
        context["script_files"] = [s for s in scripts if _keep(s, body)]
    if body:
        context["body"] = accessible_body(body)


def _edition(app, config):
    """Version, suggested citation and the PDF's title page and metadata, from CITATION.cff."""
    config.version = config.release = edition.version()
    config.myst_substitutions = {**config.myst_substitutions, "version": edition.version(),
                                 "citation": edition.suggested_citation("md"),
                                 "rating_scale": factcheck.scale_markdown()}
    elements = dict(config.latex_elements)
    elements["maketitle"] = edition.latex_title_page()
    elements["preamble"] = elements.get("preamble", "") + edition.latex_preamble()
    config.latex_elements = elements


def _wrap_renderer(app):
    """Pass every rendered page through accessible_page (the theme's templates stay untouched)."""
    templates = getattr(app.builder, "templates", None)
    if templates is None or getattr(templates, "_afterassad", False):
        return
    render = templates.render

    def render_page(template, context):
        return accessible_page(render(template, context))

    templates.render = render_page
    templates._afterassad = True


# Where the downloadable records are written before Sphinx reads the pages (beside references.bib).
CLAIMREVIEW_FILE = Path("_build") / "generated" / factcheck.FILE_NAME


def _claim_reviews(app) -> list[dict]:
    from .data import load  # validates the data: bad data stop the build here too

    return factcheck.claim_reviews(load("claims"), load("sources"), load("corrections"),
                                   site_url=app.config.html_baseurl or "")


def _write_claimreview_file(app):
    """Write the records for the page's {download} link; only when they change, so that an
    unchanged build stays a no-op, and atomically, since the HTML and PDF builds run side by side."""
    target = Path(app.srcdir) / CLAIMREVIEW_FILE
    text = factcheck.to_json(_claim_reviews(app), indent=1) + "\n"
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(f".{target.name}.{os.getpid()}")
    scratch.write_text(text, encoding="utf-8")
    os.replace(scratch, target)


def _embed_claimreview(app, pagename, templatename, context, doctree):
    if pagename == factcheck.PAGE and app.builder.format == "html":
        context["metatags"] = context.get("metatags", "") + factcheck.script_element(_claim_reviews(app))


def setup(app):
    register_pybtex_style()
    app.connect("config-inited", _edition)
    app.connect("builder-inited", _wrap_renderer)
    app.connect("html-page-context", _page_context, priority=900)
    app.connect("builder-inited", _write_claimreview_file)
    app.connect("html-page-context", _embed_claimreview)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""A small Sphinx extension for the book's pages.

- Drops sphinx-thebe's scripts: the book has no live-code button, and thebe's config names a
  CDN URL (and Jupyter Book 1 emits it twice, a console error).
- Loads the self-hosted plotly.js only on pages that hold a plotly figure.
- Sets the edition (version, suggested citation, the PDF's title page and metadata) from CITATION.cff.
- Registers the bibliography style that labels citations by outlet and year.
"""
from __future__ import annotations

from . import edition
from .figures import PLOTLY_BUNDLE
from .references import register_pybtex_style


def _keep(script, body: str) -> bool:
    name = getattr(script, "filename", None) or str(script)
    inline = (getattr(script, "attributes", {}) or {}).get("body", "")
    if "thebe" in (name or "") or "THEBE" in inline:
        return False
    if (name or "").endswith(PLOTLY_BUNDLE) and "plotly-graph-div" not in body:
        return False
    return True


def _filter_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if scripts is None:
        return
    body = context.get("body", "")
    context["script_files"] = [s for s in scripts if _keep(s, body)]


def _edition(app, config):
    """Version, suggested citation and the PDF's title page and metadata, from CITATION.cff."""
    config.version = config.release = edition.version()
    config.myst_substitutions = {**config.myst_substitutions, "version": edition.version(),
                                 "citation": edition.suggested_citation("md")}
    elements = dict(config.latex_elements)
    elements["maketitle"] = edition.latex_title_page()
    elements["preamble"] = elements.get("preamble", "") + edition.latex_preamble()
    config.latex_elements = elements


def setup(app):
    register_pybtex_style()
    app.connect("config-inited", _edition)
    app.connect("html-page-context", _filter_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

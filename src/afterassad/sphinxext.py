"""A small Sphinx extension for the book's pages.

- Drops sphinx-thebe's scripts: the book has no live-code button, and thebe's config names a
  CDN URL (and Jupyter Book 1 emits it twice, a console error).
- Loads the self-hosted plotly.js only on pages that hold a plotly figure.
"""
from __future__ import annotations


def _keep(script, body: str) -> bool:
    name = getattr(script, "filename", None) or str(script)
    inline = (getattr(script, "attributes", {}) or {}).get("body", "")
    if "thebe" in (name or "") or "THEBE" in inline:
        return False
    if (name or "").endswith("plotly.min.js") and "plotly-graph-div" not in body:
        return False
    return True


def _filter_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if scripts is None:
        return
    body = context.get("body", "")
    context["script_files"] = [s for s in scripts if _keep(s, body)]


def setup(app):
    app.connect("html-page-context", _filter_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""A small Sphinx extension for the book's pages.

- Drops sphinx-thebe's scripts: the book has no live-code button, and thebe's config names a
  CDN URL (and Jupyter Book 1 emits it twice, a console error).
- Loads the self-hosted plotly.js only on pages that hold a plotly figure, and the small table script
  (_static/aa-tables.js: a long table's "Show all" button, sorting by a column) only on pages that
  hold a long or sortable table.
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

- For readers: anchors on the references page (#src-<source_id>) that the evidence explorer links
  to; a "Data for this chapter" box on every chapter page; the date each page's content last
  changed (from git: the page and the tables it reads); the data files and the versioned data
  package zip in the built site (package.py).

No notebook output depends on this file (scripts/execute_notebooks.py leaves it out of the
digest that decides when a notebook must be re-run).
"""

from __future__ import annotations

import html as _html
import json
import os
import re
import subprocess
from functools import lru_cache
from pathlib import Path

import pandas as pd

from afterassad.core.dates import long_date
from afterassad.core.paths import repo_root
from afterassad.data.loader import load
from afterassad.figures.render import PLOTLY_BUNDLE, STATIC_FIGURES
from afterassad.publishing import cssprune, edition, factcheck, metadata, package
from afterassad.publishing.references import citation_labels, register_pybtex_style

_FONTAWESOME = re.compile(r'\s*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')
# The search button shows "Search Ctrl+K" but was named "Search": a name that differs from the
# visible text fails WCAG 2.5.3 (label in name). Without aria-label it is named by what it shows.
_SEARCH_FIELD = re.compile(r'(<button class="btn search-button-field[^"]*"[^>]*?) aria-label="[^"]*"')
# What names a table without a caption: the heading of its section, or the run-in title of the
# paragraph that introduces it (the data dictionary's <p id="table-…"><strong>Title</strong>).
_HEADING_OR_TABLE = re.compile(
    r"<h[1-6][^>]*>(?P<heading>.*?)</h[1-6]>"
    r'|<p id="table-[^"]*"><strong>(?P<runin>.*?)</strong>'
    r'|<div class="aa-table-wrap"(?P<marks>[^>]*)>(?P<caption><p class="aa-table-caption">)?',
    re.S,
)
_TAGS = re.compile(r"<[^>]+>")
_CHAPTER_PAGE = re.compile(r"book/0\d[a-z]?_")  # chapter files: numbered in reading order
_HEADERLINK = re.compile(r'<a class="headerlink".*?</a>', re.S)


# Theme scripts the book does not use: no code cell has a copy button worth its weight, no cell
# toggles, no tabs. Search scripts are needed only on the search page itself.
_UNUSED_SCRIPTS = ("clipboard.min.js", "copybutton.js", "togglebutton.js", "design-tabs.js")
_SEARCH_SCRIPTS = ("searchtools.js", "language_data.js")
# Stylesheets of features the book does not use (no toggles, no copy buttons, no live code). Each is
# a render-blocking request before first paint; sphinx-design's is kept only on a page that uses it.
_UNUSED_STYLES = ("togglebutton.css", "copybutton.css", "sphinx-thebe.css")
_DESIGN_STYLE = "sphinx-design.min.css"
_DESIGN_CLASS = re.compile(r'class="(?:[^"]* )?sd-')


def lighter_styles(styles: list, body: str) -> list:
    """The page's stylesheets without those of unused features."""

    def name(style) -> str:
        return getattr(style, "filename", None) or str(style)

    kept = [s for s in styles if not name(s).endswith(_UNUSED_STYLES) and "itables/" not in name(s)]
    if not _DESIGN_CLASS.search(body):
        kept = [s for s in kept if not name(s).endswith(_DESIGN_STYLE)]
    return kept


# Scripts the first paint does not need: they run after the page is parsed, in order. (The small
# documentation_options.js stays blocking: inline theme scripts read what it defines.)
_DEFERRED_SCRIPTS = ("doctools.js", "sphinx_highlight.js", "sphinx-book-theme.js")


def _script_name(script) -> str:
    return str(getattr(script, "filename", None) or script)


def lighter_scripts(scripts: list, pagename: str) -> list:
    """Drop the scripts a page does not use and defer those its first paint does not need."""
    from sphinx.builders.html._assets import _JavaScript

    out = []
    for script in scripts:
        name = _script_name(script).split("?")[0]
        if name.endswith(_UNUSED_SCRIPTS) or (name.endswith(_SEARCH_SCRIPTS) and pagename != "search"):
            continue
        if name.endswith(_DEFERRED_SCRIPTS) and isinstance(script, _JavaScript):
            script = _JavaScript(script.filename, priority=script.priority, **{**script.attributes, "defer": "defer"})
        out.append(script)
    return out


# A long table's "Show all" button and a sortable table's header buttons (afterassad.core.text.Table
# marks those tables): a small script of the book's own, deferred, and only on pages that have one.
TABLE_SCRIPT = "_static/aa-tables.js"
_MARKED_TABLE = re.compile(r'<div class="aa-table-wrap"[^>]* data-aa-(?:rows|sort)\b')


def with_table_script(scripts: list, body: str) -> list:
    """The page's scripts, and the table script (deferred) when the page has a long or sortable table."""
    from sphinx.builders.html._assets import _JavaScript

    if not _MARKED_TABLE.search(body):
        return scripts
    return [*scripts, _JavaScript(TABLE_SCRIPT, priority=800, defer="defer")]


def _keep(script, body: str) -> bool:
    name = getattr(script, "filename", None) or str(script)
    inline = (getattr(script, "attributes", {}) or {}).get("body", "")
    if "thebe" in (name or "") or "THEBE" in inline:
        return False
    if (name or "").endswith(PLOTLY_BUNDLE):  # loaded on demand by figure_loader, never in the head
        return False
    # Jupyter Book adds every script in _static to every page's head, blocking; with_table_script
    # adds the table script back, deferred, only where a page has a table that needs it.
    if (name or "").split("?")[0].endswith(TABLE_SCRIPT.split("/")[-1]):
        return False
    return "itables/" not in (name or "")  # the explorer imports its table library as a module itself


# Figures show their static image first; plotly.js (about 400 KB) loads on the reader's first
# scroll, tap or key press, then draws every figure the page queued in window.aaFigures.
FIGURE_LOADER = """<script>
(function () {
  var loading = false, events = ["scroll", "wheel", "pointerdown", "keydown", "touchstart"];
  function draw() {
    var queued = window.aaFigures || [];
    window.aaFigures = {push: function (f) { f(); }};
    queued.forEach(function (f) { f(); });
    document.querySelectorAll(".aa-figure-frame").forEach(function (frame) { frame.classList.add("aa-drawn"); });
  }
  function load() {
    if (loading) return;
    loading = true;
    events.forEach(function (e) { window.removeEventListener(e, load); });
    var script = document.createElement("script");
    script.src = "%s";
    script.onload = draw;
    document.head.appendChild(script);
  }
  events.forEach(function (e) { window.addEventListener(e, load, {passive: true}); });
})();
</script>"""


def figure_loader(pagename: str) -> str:
    depth = pagename.count("/")
    return FIGURE_LOADER % ("../" * depth + "_static/" + PLOTLY_BUNDLE)


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
        out.append(body[last : m.start()])
        wrap = f'<div class="aa-table-wrap"{m.group("marks")} role="region" tabindex="0"'
        if m.group("caption"):
            cid = f"aa-table-caption-{count}"
            out.append(f'{wrap} aria-labelledby="{cid}"><p class="aa-table-caption" id="{cid}">')
        else:
            name = _html.escape(f"Table: {heading}" if heading else "Table", quote=True)
            out.append(f'{wrap} aria-label="{name}">')
        last = m.end()
    out.append(body[last:])
    return "".join(out)


def accessible_body(body: str) -> str:
    body = accessible_tables(body)
    # sphinxcontrib-bibtex (through docutils) writes <div role="list"> holding role="doc-biblioentry"
    # entries; a list must hold list items (and doc-biblioentry is deprecated in ARIA 1.2).
    body = body.replace('role="doc-biblioentry"', 'role="listitem"')
    return body


_VIEWPORT = re.compile(r'\s*<meta name="viewport"[^>]*>')


def one_viewport(page: str) -> str:
    """Sphinx and two themes each write a viewport tag; keep the first."""
    seen = []

    def keep_first(m: re.Match) -> str:
        seen.append(m)
        return m.group(0) if len(seen) == 1 else ""

    return _VIEWPORT.sub(keep_first, page)


_SEARCH_TAGS = re.compile(
    r'\s*<script src="[^"]*(searchtools|language_data)\.js[^"]*"></script>'
    r'|\s*<script src="[^"]*searchindex\.js[^"]*"></script>'
)


def search_only_when_searching(page: str) -> str:
    """The theme loads the search index (about 23 KB gzip) and its tools on every page; only the
    search page, where the sidebar's search box sends the reader, uses them."""
    if "DOCUMENTATION_OPTIONS.pagename = 'search'" in page:
        return page
    return _SEARCH_TAGS.sub("", page)


def accessible_page(page: str) -> str:
    """Template-level fixes, on the rendered page."""
    page = search_only_when_searching(page)
    page = _FONTAWESOME.sub("", page)
    page = _SEARCH_FIELD.sub(r"\1", page)
    return one_viewport(page)


_CITATION_ENTRY = re.compile(
    r'(<div class="citation" id="[^"]+" role="doc-biblioentry">)\s*'
    r'<span class="label"><span class="fn-bracket">\[</span>(.*?)<span class="fn-bracket">'
)


def source_anchors(body: str, source_of_label: dict[str, str]) -> str:
    """An anchor, #src-<source_id>, on each reference entry, so other pages can link to a source."""

    def add(m: re.Match) -> str:
        sid = source_of_label.get(_html.unescape(m.group(2)))
        anchor = f'<span id="src-{_html.escape(sid)}"></span>' if sid else ""
        return m.group(1) + anchor + m.group(0)[len(m.group(1)) :]

    return _CITATION_ENTRY.sub(add, body)


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    sources = load("sources")
    return dict(zip(citation_labels(sources), sources["source_id"]))


def _tables_read(source: Path) -> list[str]:
    """The tables a notebook reads, as recorded when it last ran (scripts/execute_notebooks.py)."""
    if source.suffix != ".ipynb":
        return []
    return json.loads(source.read_text(encoding="utf-8")).get("metadata", {}).get("afterassad", {}).get("tables", [])


@lru_cache(maxsize=64)
def last_changed(paths: tuple[str, ...]) -> str:
    """The date of the last commit that touched any of these files ('' outside a git checkout).
    AFTERASSAD_GIT_DIR points at the repository when the build runs in a copy of it."""
    git = ["git"] + (["--git-dir", os.environ["AFTERASSAD_GIT_DIR"]] if os.environ.get("AFTERASSAD_GIT_DIR") else [])
    try:
        out = subprocess.run(
            git + ["log", "-1", "--format=%cs", "--", *paths], cwd=repo_root(), capture_output=True, text=True, timeout=30
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    return long_date(pd.Timestamp(out)) if out else ""


def data_box(page: str, tables: list[str]) -> str:
    """'Data for this chapter': the CSVs it reads, the whole data package, and its notebook."""
    csvs = "".join(f'<li><a href="../data/{t}.csv"><code>{t}.csv</code></a></li>' for t in tables)
    return (
        f'<aside class="aa-data-box" aria-label="Data for this chapter"><p class="aa-data-box-title">Data for this chapter</p>'
        f'<ul>{csvs}</ul><p><a href="../data/{package.zip_name()}">The whole data package</a> (version '
        f'{_html.escape(edition.version())}, Frictionless, zip) · <a href="../data/datapackage.json">its descriptor</a> · '
        f'<a href="../_sources/{page}.ipynb" download>this chapter\'s notebook</a></p></aside>'
    )


def _page_context(app, pagename, templatename, context, doctree):
    body = context.get("body", "")
    scripts = context.get("script_files")
    if scripts is not None:
        context["script_files"] = with_table_script(lighter_scripts([s for s in scripts if _keep(s, body)], pagename), body)
    styles = context.get("css_files")
    if styles is not None:  # (the explorer links its table's stylesheet itself; no other page needs it)
        context["css_files"] = lighter_styles(styles, body)
    source = Path(app.srcdir) / f"{pagename}.ipynb"
    source = source if source.exists() else Path(app.srcdir) / f"{pagename}.md"
    if source.exists() and app.builder.format == "html":
        root = Path(app.srcdir)
        tables = _tables_read(source)
        changed = last_changed(tuple([str(source.relative_to(root))] + [f"data/{t}.csv" for t in tables]))
        if changed:
            context["last_updated"] = changed
        if body and _CHAPTER_PAGE.match(pagename) and tables:
            body = re.sub(r"(</h1>)", lambda m: m.group(1) + data_box(pagename, tables), body, count=1)
    if body and pagename == "book/references":
        body = source_anchors(body, _labels())
    if body and "window.aaFigures" in body:
        body += figure_loader(pagename)
    if body:
        context["body"] = accessible_body(body)


def _publish_data(app, exception):
    """The CSVs, the descriptor and the versioned zip, in the built site's data/ folder; and each
    figure's static image, which the page shows until plotly.js has drawn the figure."""
    if exception is None and app.builder.format == "html":
        package.publish(Path(app.outdir))
        write_static_figures(Path(app.srcdir), Path(app.outdir) / STATIC_FIGURES)
        write_explorer_data(Path(app.outdir))
        cssprune.prune_theme_css(Path(app.outdir))  # last: it reads every built page


def write_explorer_data(outdir: Path) -> Path:
    """The explorer's rows, which its page fetches: the same Explorer the notebook builds, from the data."""
    from afterassad.chapters import evidence as E

    sources = load("sources")
    facts = E.facts({name: load(name) for name in E.FACT_TABLES}, load("actors"), load("places"), sources)
    labels = pd.Series(citation_labels(sources).values, index=sources["source_id"])
    target = outdir / "book" / E.EXPLORER_DATA
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(E.Explorer(facts, labels, edition.version(), load("evidence")).rows_json(), encoding="utf-8")
    return target


_FIGURE_ID = re.compile(r'id="([a-z0-9-]+)-plot"')


def write_static_figures(srcdir: Path, dest: Path, width: int = 1000) -> list[Path]:
    """The PNG of every figure in the book's notebooks (the PDF's image), at most `width` px wide."""
    import base64
    import io

    from PIL import Image

    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for notebook in sorted((srcdir / "book").glob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8")).get("cells", []):
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                found = _FIGURE_ID.search("".join(data.get("text/html", "")))
                if not found or "image/png" not in data:
                    continue
                image = Image.open(io.BytesIO(base64.b64decode("".join(data["image/png"])))).convert("RGB")
                if image.width > width:
                    image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
                path = dest / f"{found.group(1)}.png"
                image.save(path, optimize=True)
                written.append(path)
    return written


def _edition(app, config):
    """Version, suggested citation and the PDF's title page and metadata, from CITATION.cff."""
    config.version = config.release = edition.version()
    config.myst_substitutions = {
        **config.myst_substitutions,
        "version": edition.version(),
        "citation": edition.suggested_citation("md"),
        "rating_scale": factcheck.scale_markdown(),
        "citation_files": metadata.citation_files_markdown(),
    }
    # The publishing workflow knows the site's address; a local build keeps _config.yml's (empty).
    if os.environ.get("AFTERASSAD_SITE_URL"):
        config.html_baseurl = os.environ["AFTERASSAD_SITE_URL"].rstrip("/") + "/"
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
    from afterassad.data.loader import load  # validates the data: bad data stop the build here too

    return factcheck.claim_reviews(load("claims"), load("sources"), load("corrections"), site_url=app.config.html_baseurl or "")


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


def chapters(app) -> list[tuple[int, str, str]]:
    """(number, title, docname) of each chapter, in book order, from the toctree's numbering."""
    env = app.env
    out = []
    for doc, numbers in env.toc_secnumbers.items():
        if _CHAPTER_PAGE.match(doc) and numbers.get(""):
            out.append((numbers[""][0], env.titles[doc].astext(), doc))
    return sorted(out)


def _page(app, pagename, context) -> metadata.Page:
    number = next((n for n, _, d in chapters(app) if d == pagename), None)
    # The theme's title carries the section number ("2. The collapse…"); the citation does not.
    title = re.sub(r"^\d+(\.\d+)*\.?\s+", "", _html.unescape(_TAGS.sub("", context.get("title", "") or "")).strip())
    return metadata.Page(
        name=pagename,
        title=title,
        description=metadata.page_description(context.get("body", "")),
        chapter=number,
        site_url=app.config.html_baseurl or "",
    )


def _metadata(app, pagename, templatename, context, doctree):
    """Citation, description, link-preview and JSON-LD tags for every page; the Dataset record on the
    data dictionary; 'Cite this chapter' at the end of each chapter."""
    if app.builder.format != "html" or not context.get("body"):
        return
    page = _page(app, pagename, context)
    tags = metadata.head_tags(page)
    if pagename == "book/index":
        tags = tags.rsplit("<script", 1)[0] + metadata.json_ld_script(metadata.report_ld(page, chapters(app)))
    if pagename == "book/data_dictionary":
        tags += "\n" + metadata.json_ld_script(
            metadata.dataset_ld(load_package_descriptor(), page, data_date_range(), package.zip_name())
        )
    context["metatags"] = context.get("metatags", "") + tags
    if page.chapter is not None:
        chapter = (page.chapter, page.title, pagename)
        context["body"] = context["body"] + metadata.cite_line(chapter, page.site_url, page.depth)


def load_package_descriptor() -> dict:
    from afterassad.data.loader import load_package

    return load_package()


def data_date_range() -> tuple[str, str]:
    """The span of dated facts: the Dataset's temporal coverage."""
    dates = pd.concat(
        [
            load(t)[c].dropna()
            for t, c in (
                ("events", "date"),
                ("movements", "date"),
                ("estimates", "as_of"),
                ("equipment", "as_of"),
                ("site_status", "date"),
                ("deliveries", "date"),
            )
        ]
    )
    return dates.min().strftime("%Y-%m-%d"), dates.max().strftime("%Y-%m-%d")


def _citation_files(app, exception):
    """BibTeX, RIS and CSL-JSON for the report and each chapter, and the link-preview images."""
    if exception is not None or app.builder.format != "html":
        return
    from afterassad.publishing.previews import write_previews

    site = app.config.html_baseurl or ""
    folder = Path(app.outdir) / metadata.CITE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for chapter in [None] + chapters(app):
        stem = "after-assad" if chapter is None else chapter[2].rsplit("/", 1)[-1]
        (folder / f"{stem}.bib").write_text(metadata.bibtex(chapter, site), encoding="utf-8")
        (folder / f"{stem}.ris").write_text(metadata.ris(chapter, site), encoding="utf-8")
        (folder / f"{stem}.json").write_text(
            json.dumps(metadata.csl_json(chapter, site), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    write_previews(Path(app.srcdir), Path(app.outdir) / metadata.PREVIEW_DIR, chapters(app))


def claim_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """{claim}`c000_p01_s01_a, c000_p05_s02_a` cites the claims audit's cards by their verdicts,
    e.g. "verdicts: wrong, correct", each word a link to its card: prose and the PDF show what the
    audit concluded, never a claim's id, and the words cannot drift from the audit's data."""
    from docutils import nodes
    from sphinx import addnodes

    from afterassad.chapters.claims import verdict_citation

    ids = [part.strip() for part in text.split(",") if part.strip()]
    try:
        lead, cited = verdict_citation(ids, load("claims"))
    except KeyError as error:
        message = inliner.reporter.error(str(error), line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    result: list = [nodes.Text(f"{lead}: ")]
    for number, (label, words) in enumerate(cited):
        if number:
            result.append(nodes.Text(", "))
        ref = addnodes.pending_xref(
            "",
            refdomain="std",
            reftype="ref",
            reftarget=label,
            refexplicit=True,
            refwarn=True,
            refdoc=inliner.document.settings.env.docname,
        )
        ref += nodes.inline(words, words, classes=["xref", "std", "std-ref"])
        result.append(ref)
    return result, []


# The PDF is the report to read and cite; these appendices are tools for the screen (a filterable
# explorer, the full data dictionary, the corrections log) and stay in the web edition, each
# replaced in the PDF by a pointer to it. Method sections about tooling are web-only likewise.
WEB_ONLY_PAGES = {
    "book/explorer": "the evidence explorer, which lists every fact with its sources and filters them",
    "book/data_dictionary": "the data dictionary, which describes every table and column of the data",
    "book/corrections": "the corrections log, which lists every published value changed since the first release",
}
WEB_ONLY_SECTIONS = {"book/method": ("verdicts-as-data", "maps", "reproducibility")}


WEB_ONLY_POINTER = (
    "Three appendices are in the web edition only, and are left out of this PDF: "
    + "; ".join(WEB_ONLY_PAGES.values())
    + ". The same records are in the data files published with the report."
)


def _web_only_in_pdf(app, doctree):
    """For the LaTeX builder: leave the web-only pages out of the PDF's contents (one paragraph on the
    how-to-cite page names them), and drop the method's tooling sections.

    The pages are still read, and the toctree collector has already recorded them by the time this
    runs (doctree-read, after the built-in collectors), so Sphinx does not warn that they are outside
    every toctree; only the nodes the LaTeX builder inlines lose them."""
    from docutils import nodes
    from sphinx import addnodes

    if app.builder.name != "latex":
        return
    docname = app.env.docname
    for toctree in doctree.findall(addnodes.toctree):
        toctree["entries"] = [(title, ref) for title, ref in toctree["entries"] if ref not in WEB_ONLY_PAGES]
        toctree["includefiles"] = [ref for ref in toctree["includefiles"] if ref not in WEB_ONLY_PAGES]
    # The references page holds the bibliography, which LaTeX sets at the end of the book under a chapter
    # heading of its own (named "References" by the preamble); the page's own heading and introduction would
    # print as an empty chapter, so only what the bibliography needs is kept.
    if docname == "book/references":
        top = next(iter(doctree.findall(nodes.section)))
        kept = [child for child in top.children if not isinstance(child, (nodes.title, nodes.paragraph))]
        top.replace_self(kept)
    if docname == "book/how_to_cite":
        top = next(iter(doctree.findall(nodes.section)))
        top += nodes.paragraph(text=WEB_ONLY_POINTER)
    for section_id in WEB_ONLY_SECTIONS.get(docname, ()):
        for section in list(doctree.findall(nodes.section)):
            if section_id in section["ids"]:
                section.parent.remove(section)


def setup(app):
    register_pybtex_style()
    app.connect("doctree-read", _web_only_in_pdf)
    app.add_role("claim", claim_role)
    app.connect("config-inited", _edition)
    app.connect("builder-inited", _wrap_renderer)
    app.connect("html-page-context", _page_context, priority=900)
    app.connect("build-finished", _publish_data)
    app.connect("builder-inited", _write_claimreview_file)
    app.connect("html-page-context", _embed_claimreview)
    app.connect("html-page-context", _metadata, priority=950)
    app.connect("build-finished", _citation_files)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

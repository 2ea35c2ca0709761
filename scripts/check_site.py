"""Open every page of the built site in Debian's headless Chromium and check what a reader sees.

Fails on: a console error, a failed or non-local request (no CDN, no network), a plotly figure
that did not draw, an image that did not load; an accessibility violation of impact "serious" or
"critical" found by axe-core (WCAG 2.0/2.1 A and AA, and axe's best practices), at desktop width
(1280 px), at phone width (390 px) and in the theme's dark mode (1280 px); a page over its weight budget on a first visit with an
empty cache (everything it loads, gzip-compressed as a static host serves it); JSON-LD that does
not parse, a ClaimReview whose card is not on its page, and a downloadable claimreview.json that
differs from the page's records.

Saves a full-page screenshot of each page in each view in _build/screenshots/ and writes the
page-weight table to _build/page-weight.md. Usage: python scripts/check_site.py _build/html
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import re
import sys
import threading
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = ROOT / ".cache" / "axe-core" / "axe.min.js"  # the Makefile installs it (make setup)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAIL_IMPACTS = {"serious", "critical"}
# Each page is opened in each view: (width, height, colour mode). Weight is measured on the first.
VIEWS = {"desktop": (1280, 900, "light"), "phone": (390, 844, "light"), "dark": (1280, 900, "dark")}

# Page-weight budgets, in bytes after gzip (level 6): a whole first visit, and the page's own HTML.
BUDGET_FIRST_VISIT = 1_500_000
MAX_SHOT_PX = 8000
BUDGET_HTML = 100_000
# The reference list is the one page whose HTML grows with the data: one entry per source, text only, no
# script. It is budgeted per entry instead (about what an entry with a long address costs after gzip).
BUDGET_HTML_PER_REFERENCE = 130
REFERENCE_PAGE = "book/references.html"
# The corrections log grows with every correction in the same way (text only, no script): so much an entry.
BUDGET_HTML_PER_CORRECTION = 80
CORRECTIONS_PAGE = "book/corrections.html"
# How each long list marks its entries: a reference's citation, a correction's "· corr_<n> ·".
PER_ENTRY = {
    REFERENCE_PAGE: (re.compile(rb'class="citation"'), BUDGET_HTML_PER_REFERENCE),
    CORRECTIONS_PAGE: (re.compile(rb"\xc2\xb7 corr_\d+ \xc2\xb7"), BUDGET_HTML_PER_CORRECTION),
}


def html_budget(rel: str, body: bytes) -> int:
    """The page's HTML budget: the flat one, or for a list that grows with the data (the references,
    the corrections log) so much per entry, whichever is larger."""
    if rel not in PER_ENTRY:
        return BUDGET_HTML
    marker, per_entry = PER_ENTRY[rel]
    return max(BUDGET_HTML, per_entry * len(marker.findall(body)))


DRAWN = """() => [...document.querySelectorAll('.plotly-graph-div')].map(d => ({
  id: d.id, drawn: !!d.querySelector('svg.main-svg') && d.getBoundingClientRect().height > 50 }))"""
JSONLD = """() => [...document.querySelectorAll('script[type="application/ld+json"]')].map(s => s.textContent)"""
IDS = """() => [...document.querySelectorAll('[id]')].map(e => e.id)"""
DOWNLOADS = """() => [...document.querySelectorAll('a.download')].map(a => a.getAttribute('href'))"""
ALL_DRAWN = """() => [...document.querySelectorAll('.plotly-graph-div')].every(d => d.querySelector('svg.main-svg'))"""
# A figure's static image is lazy and hidden once plotly has drawn over it, so a reader who scrolls
# may never fetch it: it is checked by a request of its own instead.
STATIC_FIGURES = """() => [...document.querySelectorAll('img.aa-figure-static')].map(i => i.src)"""
IMAGES = """() => [...document.images].filter(i => !i.classList.contains('aa-figure-static'))
    .map(i => ({ src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0 }))"""
AXE_RUN = """async (tags) => {
  const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(' ')) }));
}"""
LOAD_MS = """() => { const n = performance.getEntriesByType('navigation')[0];
  return n ? Math.round(n.loadEventEnd - n.startTime) : null; }"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def pages(folder: Path) -> list[Path]:
    skip = {"search.html", "genindex.html"}
    return sorted(
        p for p in folder.rglob("*.html") if p.name not in skip and "_static" not in p.parts and "_sources" not in p.parts
    )


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def new_context(browser, base: str, view: tuple[int, int, str]):
    """A fresh context per page: an empty cache, so every asset counts as on a first visit."""
    width, height, mode = view
    context = browser.new_context(viewport={"width": width, "height": height})
    if mode != "light":  # the theme keeps the reader's choice in localStorage
        context.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")
    # Anything not served by our own server is refused, so a stray CDN link fails loudly.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    return context


def audit(page) -> tuple[list[dict], Counter]:
    """axe-core's violations: (those that fail the check, counts of the rest by impact)."""
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(AXE_RUN, AXE_TAGS)
    failing = [v for v in violations if v["impact"] in FAIL_IMPACTS]
    minor = Counter()
    for v in violations:
        if v["impact"] not in FAIL_IMPACTS:
            minor[f"{v['id']} ({v['impact']})"] += len(v["targets"])
    return failing, minor


def describe(violation: dict, limit: int = 6) -> str:
    targets = violation["targets"]
    shown = ", ".join(targets[:limit]) + (f", … {len(targets) - limit} more" if len(targets) > limit else "")
    return f"axe {violation['id']} ({violation['impact']}, {len(targets)} node(s)): {violation['help']} [{shown}]"


def check_claim_reviews(page, rel: str) -> list[str]:
    """Every JSON-LD block parses; each ClaimReview's URL points at a card on this page; a
    downloadable claimreview.json holds the same records."""
    problems, reviews = [], []
    for text in page.evaluate(JSONLD):
        try:
            data = json.loads(text)
        except ValueError as err:
            problems.append(f"JSON-LD does not parse: {err}")
            continue
        reviews += [d for d in (data if isinstance(data, list) else [data]) if d.get("@type") == "ClaimReview"]
    ids = set(page.evaluate(IDS))
    for review in reviews:
        fragment = review.get("url", "").partition("#")[2]
        if fragment not in ids:
            problems.append(f"ClaimReview {review.get('identifier')}: no element with id '{fragment}' on the page")
    downloads = [h for h in page.evaluate(DOWNLOADS) if h.endswith("claimreview.json")]
    if rel == "book/claims_audit.html" and not (reviews and downloads):
        problems.append(f"the claims audit has {len(reviews)} ClaimReview records and {len(downloads)} link(s) to them")
    for href in downloads:
        body = page.request.get(urljoin(page.url, href)).text()
        if json.loads(body) != reviews:
            problems.append(f"{href} does not hold the page's {len(reviews)} ClaimReview records")
    return problems


def check_page(browser, base: str, root: Path, rel: str, shots: Path, view: str) -> tuple[list[str], dict]:
    problems: list[str] = []
    context = new_context(browser, base, VIEWS[view])
    page = context.new_page()
    responses = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} ({r.failure})"))

    def on_request(request):
        if not request.url.startswith((base, "data:", "blob:", "about:")):
            problems.append(f"request leaves the site: {request.url}")

    def on_response(response):
        if response.status >= 400:
            problems.append(f"HTTP {response.status}: {response.url}")
        if "fontawesome" in response.url:  # the icons come from _static/icons.css (scripts/make_icons.py)
            problems.append(f"Font Awesome is loaded: {response.url}")
        responses.append(response)

    page.on("request", on_request)
    page.on("response", on_response)
    # "load", not "networkidle": a long page can go quiet on the network while its parser is still
    # running plotly's inline scripts, and figures further down would not exist yet.
    target = f"{base}/{rel}"
    page.goto(target, wait_until="load")
    if 'http-equiv="refresh"' in (root / rel).read_text(errors="replace").lower():
        # A redirect page (the site root): measure and check the page it leads to, once loaded.
        page.wait_for_url(lambda url: url != target, wait_until="load")
    page.wait_for_timeout(500)
    load_ms = page.evaluate(LOAD_MS)
    # Figures load plotly.js on the reader's first scroll, and lazy images load as they come into
    # view: scroll through the page as a reader would, then check that everything drew.
    if page.query_selector(".aa-figure-frame"):
        page.mouse.wheel(0, 200)
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        with contextlib.suppress(Exception):  # a figure that did not draw is reported below, figure by figure
            page.wait_for_function(ALL_DRAWN, timeout=20_000)
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_timeout(300)
    figures = page.evaluate(DRAWN)
    for src in page.evaluate(STATIC_FIGURES):
        reply = page.request.get(src)
        if reply.status != 200 or reply.headers.get("content-type", "") != "image/png":
            problems.append(f"static figure image missing: {src} (HTTP {reply.status})")
    for fig in figures:
        if not fig["drawn"]:
            problems.append(f"plotly figure {fig['id']} did not draw")
    for img in page.evaluate(IMAGES):
        if not img["ok"]:
            problems.append(f"image did not load: {img['src']}")
    if view == "desktop":
        problems += check_claim_reviews(page, rel)

    # Weight of the first visit: every response so far (before axe is injected), gzip-compressed.
    landed = urlsplit(page.url).path.lstrip("/")
    weight = {"page": rel if landed == rel else f"{rel} → {landed}", "html": 0, "total": 0, "requests": 0, "load_ms": load_ms}
    for response in list(responses):
        if not response.url.startswith(base):
            continue
        try:
            body = response.body()
        except Exception:  # a body the browser no longer holds: read the served file instead
            local = root / unquote(urlsplit(response.url).path).lstrip("/")
            body = local.read_bytes() if local.is_file() else b""
        size = gzip_size(body)
        weight["total"] += size
        weight["requests"] += 1
        if urlsplit(response.url).path in (f"/{rel}", f"/{landed}"):
            weight["html"] += size
    if view == "desktop":
        if weight["total"] > BUDGET_FIRST_VISIT:
            problems.append(
                f"page weight: first visit {weight['total']:,} bytes gzip, over the budget of "
                f"{BUDGET_FIRST_VISIT:,} ({weight['requests']} requests)"
            )
        budget = weight["html_budget"] = html_budget(rel, (root / rel).read_bytes())
        if weight["html"] > budget:
            problems.append(f"page weight: its HTML is {weight['html']:,} bytes gzip, over the budget of {budget:,}")

    failing, minor = audit(page)
    problems.extend(describe(v) for v in failing)

    suffix = "" if view == "desktop" else f"@{view}"
    shot = shots / (rel.replace("/", "__").removesuffix(".html") + suffix + ".png")
    # Chromium cannot capture a page taller than about 16,000 px in one image, and a very tall one is
    # slow to draw (the corrections log at phone width): the screenshot keeps the top 8,000 px.
    height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_SHOT_PX)
    try:
        page.screenshot(
            path=str(shot),
            full_page=True,
            timeout=90_000,
            clip={"x": 0, "y": 0, "width": page.viewport_size["width"], "height": height},
        )
    except PlaywrightTimeout:  # the picture is for people to look at; the checks above are the test
        print(f"  note: no screenshot of {rel} ({view_name(view)}): the browser took too long to draw it")
    context.close()
    info = ", ".join(f"{k} ×{n}" for k, n in sorted(minor.items())) or "none"
    print(
        f"  {rel} ({view_name(view)}): {len(figures)} figure(s); axe serious/critical: {len(failing)}; "
        f"moderate/minor: {info}; {'OK' if not problems else 'PROBLEMS'}",
        flush=True,
    )
    return problems, weight


def view_name(view: str) -> str:
    width, _, mode = VIEWS[view]
    return f"{width} px" + ("" if mode == "light" else f", {mode} mode")


def weight_table(rows: list[dict]) -> str:
    lines = ["| Page | HTML gzip (KB) | First visit gzip (KB) | Requests | Load (ms) |", "|---|---:|---:|---:|---:|"]
    for r in rows:
        over = " (over budget)" if r["total"] > BUDGET_FIRST_VISIT or r["html"] > r.get("html_budget", BUDGET_HTML) else ""
        lines.append(
            f"| {r['page']}{over} | {r['html'] / 1000:.1f} | {r['total'] / 1000:.1f} | {r['requests']} | "
            f"{r['load_ms'] if r['load_ms'] is not None else '–'} |"
        )
    lines.append("")
    lines.append(
        f"Budgets: first visit at most {BUDGET_FIRST_VISIT / 1000:,.0f} KB gzip, a page's own HTML at most "
        f"{BUDGET_HTML / 1000:,.0f} KB gzip ({BUDGET_HTML_PER_REFERENCE} bytes an entry for the reference list, "
        f"{BUDGET_HTML_PER_CORRECTION} for the corrections log) (gzip level 6, 1 KB = 1,000 bytes; empty cache; "
        "load time from navigation to the load event, from a local server, at 1280 px)."
    )
    return "\n".join(lines) + "\n"


WORKERS = 2


def run_jobs(jobs: list[tuple[str, str]], base: str, root: str, shots: str) -> dict:
    """Check some (view, page) pairs in a browser of this process's own."""
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for view, rel in jobs:
            out[(view, rel)] = check_page(browser, base, Path(root), rel, Path(shots), view)
        browser.close()
    return out


# A script in the head that is neither deferred nor async blocks the first paint. The theme's tiny
# documentation_options.js may: the inline theme scripts after it read what it defines.
_HEAD_SCRIPT = re.compile(r"<script\b([^>]*)\bsrc=\"([^\"]+)\"([^>]*)>", re.I)
ALLOWED_BLOCKING = ("documentation_options.js",)


def render_blocking(page: str) -> list[str]:
    """The external scripts in a page's head that block its first paint."""
    head = page.split("</head>", 1)[0]
    out = []
    for m in _HEAD_SCRIPT.finditer(head):
        attrs = (m.group(1) + m.group(3)).lower()
        src = m.group(2).split("?")[0]
        if not re.search(r"\b(defer|async)\b|type=\"module\"", attrs) and not src.endswith(ALLOWED_BLOCKING):
            out.append(src)
    return out


def main(folder: str) -> int:
    root = Path(folder)
    if not AXE.is_file():
        print(f"missing {AXE}: run make setup (it installs axe-core from npm)", file=sys.stderr)
        return 2
    shots = root.parent / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    server, base = serve(root)
    failures: dict[str, list[str]] = {}
    for path in pages(root):
        blocking = render_blocking(path.read_text(encoding="utf-8"))
        if blocking:
            failures[f"{path.relative_to(root).as_posix()} (head)"] = [f"render-blocking script: {s}" for s in blocking]
    jobs = [(view, path.relative_to(root).as_posix()) for view in VIEWS for path in pages(root)]
    results: dict[tuple[str, str], tuple[list[str], dict]] = {}
    try:
        # Two browsers side by side (one per core), each with its share of the pages and views.
        with ProcessPoolExecutor(max_workers=WORKERS, mp_context=get_context("spawn")) as pool:
            for part in pool.map(
                run_jobs,
                [jobs[i::WORKERS] for i in range(WORKERS)],
                [base] * WORKERS,
                [str(root)] * WORKERS,
                [str(shots)] * WORKERS,
            ):
                results.update(part)
    finally:
        server.shutdown()
    weights = [results[job][1] for job in jobs if job[0] == "desktop"]
    for view, rel in jobs:
        if results[(view, rel)][0]:
            failures[f"{rel} ({view_name(view)})"] = results[(view, rel)][0]
    table = weight_table(weights)
    (root.parent / "page-weight.md").write_text(table)
    print("\nPage weight (first visit, empty cache):\n")
    print(table)
    if failures:
        for where, problems in failures.items():
            print(f"FAIL {where}", file=sys.stderr)
            for problem in dict.fromkeys(problems):
                print(f"  - {problem}", file=sys.stderr)
        return 1
    print(
        f"browser check: {len(pages(root))} pages OK ({'; '.join(view_name(v) for v in VIEWS)}); "
        f"screenshots in {shots}; page weight in {root.parent / 'page-weight.md'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "_build/html"))

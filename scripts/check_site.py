"""Open every page of the built site in Debian's headless Chromium and check what a reader sees.

Fails on: a console error, a failed or non-local request (no CDN, no network), a plotly figure
that did not draw, an image that did not load. Saves a full-page screenshot of each page in
_build/screenshots/. Usage: python scripts/check_site.py _build/html
"""
from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

DRAWN = """() => [...document.querySelectorAll('.plotly-graph-div')].map(d => ({
  id: d.id, drawn: !!d.querySelector('svg.main-svg') && d.getBoundingClientRect().height > 50 }))"""
IMAGES = """() => [...document.images].map(i => ({ src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0 }))"""


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
    return sorted(p for p in folder.rglob("*.html")
                  if p.name not in skip and "_static" not in p.parts and "_sources" not in p.parts)


def check_page(context, base: str, rel: str, shots: Path) -> list[str]:
    problems: list[str] = []
    page = context.new_page()
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} ({r.failure})"))

    def on_request(request):
        if not request.url.startswith((base, "data:", "blob:", "about:")):
            problems.append(f"request leaves the site: {request.url}")

    def on_response(response):
        if response.status >= 400:
            problems.append(f"HTTP {response.status}: {response.url}")

    page.on("request", on_request)
    page.on("response", on_response)
    page.goto(f"{base}/{rel}", wait_until="networkidle")
    page.wait_for_timeout(300)
    for fig in page.evaluate(DRAWN):
        if not fig["drawn"]:
            problems.append(f"plotly figure {fig['id']} did not draw")
    for img in page.evaluate(IMAGES):
        if not img["ok"]:
            problems.append(f"image did not load: {img['src']}")
    shot = shots / (rel.replace("/", "__").removesuffix(".html") + ".png")
    page.screenshot(path=str(shot), full_page=True)
    figures = len(page.evaluate(DRAWN))
    page.close()
    print(f"  {rel}: {figures} figure(s), {'OK' if not problems else 'PROBLEMS'}")
    return problems


def main(folder: str) -> int:
    root = Path(folder)
    shots = root.parent / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    server, base = serve(root)
    failures = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            # Anything not served by our own server is refused, so a stray CDN link fails loudly.
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                          else route.abort())
            for path in pages(root):
                rel = path.relative_to(root).as_posix()
                problems = check_page(context, base, rel, shots)
                if problems:
                    failures[rel] = problems
            browser.close()
    finally:
        server.shutdown()
    if failures:
        for rel, problems in failures.items():
            print(f"FAIL {rel}", file=sys.stderr)
            for problem in dict.fromkeys(problems):
                print(f"  - {problem}", file=sys.stderr)
        return 1
    print(f"browser check: {len(pages(root))} pages OK; screenshots in {shots}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "_build/html"))

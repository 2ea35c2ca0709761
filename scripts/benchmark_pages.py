"""Lighthouse (npm, mobile profile: simulated slow 4G and 4x CPU slowdown) on every page of the
built site, served gzipped as a static host serves it. Writes _build/lighthouse.md and prints it.

Scores are noisy, so this is a benchmark (`make bench`), not a test: `make test` checks what is
structural instead (no render-blocking script, the byte budgets).

Usage: python scripts/benchmark_pages.py [_build/html] [page ...]
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path

LIGHTHOUSE = Path(".cache/lighthouse/node_modules/.bin/lighthouse")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files gzip-compressed when the client accepts it, as a static host does."""

    def log_message(self, *args):  # quiet
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Bytes(body)


class _Bytes:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def audit(url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                f"--only-categories={','.join(CATEGORIES)}",
            ],
            check=True,
            env=env,
            timeout=300,
        )
        report = json.loads(out.read_text())
    audits = report["audits"]
    return {
        "scores": {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES},
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
    }


def main(site: Path, pages: list[str]) -> int:
    if not LIGHTHOUSE.exists():
        print(f"no {LIGHTHOUSE}: run `make bench`, which installs lighthouse@12 from npm", file=sys.stderr)
        return 2
    pages = pages or sorted(p.relative_to(site).as_posix() for p in (site / "book").glob("*.html"))
    server, port = serve(site)
    rows = [
        "| page | performance | accessibility | best practices | SEO | first paint (s) | largest paint (s) | blocking (ms) | layout shift |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    try:
        for page in pages:
            r = audit(f"http://127.0.0.1:{port}/{page}")
            s = r["scores"]
            rows.append(
                f"| {page} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} | "
                f"{r['fcp']:.1f} | {r['lcp']:.1f} | {r['tbt']:.0f} | {r['cls']:.3f} |"
            )
            print(rows[-1], flush=True)
    finally:
        server.shutdown()
    table = "\n".join(rows) + "\n"
    Path("_build/lighthouse.md").write_text(table, encoding="utf-8")
    print("\n" + table)
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    site = Path(args.pop(0)) if args and not args[0].endswith(".html") else Path("_build/html")
    sys.exit(main(site, args))

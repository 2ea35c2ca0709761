"""Build the book a second time, from the same commit, with no network, and compare.

- Copies the committed files (git ls-files) to _build/repro/tree, with the installed
  dependencies (.venv, .cache, the plotly.js bundle) linked in, not copied.
- Inside a network namespace with only the loopback up (unshare -rn; the Jupyter kernel talks
  over loopback), it regenerates the processed data (the bibliography) and builds the HTML.
  Any attempt to reach the network fails there, so the build is shown to need none.
- Compares the processed data and every file of the second HTML build with the first build
  (_build/html, made by `make html`), after masking the build date. Any other difference fails.

The notebooks' text outputs are compared by nbval, which the Makefile runs in the same kind of
network namespace: a second execution, offline, must give the committed outputs.
Usage: python scripts/check_reproducible.py
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "_build" / "repro"
TREE = WORK / "tree"
LINKED = [".venv", ".cache"]
COPIED = ["_static/plotly-basic.min.js", "_static/itables"]  # built by `make setup`, not in git
PROCESSED = ["_build/generated/references.bib"]
# A build date is allowed to differ between builds ("22 November 2026", "Nov 22, 2026", ISO dates).
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
SHORT = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
DATE = re.compile(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b|\b(?:{SHORT}) \d{{1,2}}, \d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}T[\d:.+Z-]+")
# Sphinx adds "?v=<digest of the file>" to asset links only when the file existed before the
# build; the files themselves are compared, so the digest in the link is masked.
CACHE_BUSTER = re.compile(r"\?v=[0-9a-f]{8}\b")
# An incremental build leaves words no page holds any more in the search index, with no pages.
EMPTY_POSTING = re.compile(r'"[^"]*": \[\], ')
SKIP = {".buildinfo"}  # Sphinx's own build hash, not content
TEXT = {".html", ".js", ".css", ".txt", ".bib", ".json", ".svg", ".xml", ".inv"}


def offline(command: str) -> list[str]:
    """A shell command in a new network namespace where only the loopback is up."""
    return ["unshare", "--map-root-user", "--net", "sh", "-c", f"ip link set lo up && {command}"]


def copy_tree() -> None:
    if TREE.exists():
        shutil.rmtree(TREE)
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True).stdout.split(b"\0")
    for name in filter(None, (f.decode() for f in files)):
        source = ROOT / name
        if source.is_file():
            (TREE / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, TREE / name)
    for name in LINKED:
        (TREE / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(ROOT / name, TREE / name)
    for name in COPIED:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, TREE / name)


def normalise(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix in TEXT:
        text = data.decode("utf-8", errors="replace").replace(str(TREE), "<root>").replace(str(ROOT), "<root>")
        text = CACHE_BUSTER.sub("", DATE.sub("<date>", text))
        if path.name == "searchindex.js":
            text = EMPTY_POSTING.sub("", text)
        return text.encode()
    return data


def compare(first: Path, second: Path, label: str) -> list[str]:
    """Files that differ (or exist in only one build) between two folders, with a short diff."""
    problems = []
    a = {p.relative_to(first) for p in first.rglob("*") if p.is_file() and p.name not in SKIP}
    b = {p.relative_to(second) for p in second.rglob("*") if p.is_file() and p.name not in SKIP}
    for rel in sorted(b - a):
        problems.append(f"{label}/{rel}: only in the second build")
    for rel in sorted(a & b):
        x, y = normalise(first / rel), normalise(second / rel)
        if x != y:
            diff = ""
            if rel.suffix in TEXT:
                lines = difflib.unified_diff(x.decode().splitlines(), y.decode().splitlines(), lineterm="", n=0)
                diff = " | ".join(line[:160] for line in list(lines)[2:6])
            problems.append(f"{label}/{rel}: differs {diff}")
    stale = sorted(a - b)
    if stale:
        print(
            f"  note: {len(stale)} file(s) only in {first} (left by earlier builds; `make clean` removes them): "
            f"{', '.join(map(str, stale[:5]))}"
        )
    return problems


def main() -> int:
    if not (ROOT / "_build" / "html" / "index.html").is_file():
        print("FAIL: build the HTML first (make html)", file=sys.stderr)
        return 1
    start = time.monotonic()
    copy_tree()
    env = {
        **os.environ,
        "PYTHONPATH": str(TREE / "src"),
        "AFTERASSAD_ROOT": str(TREE),
        "AFTERASSAD_GIT_DIR": str(ROOT / ".git"),
    }  # the copy has no .git; page dates come from the repository
    python, jupyter_book = ROOT / ".venv" / "bin" / "python", ROOT / ".venv" / "bin" / "jupyter-book"
    steps = [
        f"'{python}' -m afterassad references _build/generated/references.bib",
        f"'{python}' -c 'import urllib.request as u; u.urlopen(\"https://pypi.org\", timeout=3)' 2>/dev/null "
        "&& echo 'FAIL: the network is reachable' && exit 1 || true",
        f"'{jupyter_book}' build . --builder html -W -n --keep-going --quiet > _build/repro-html.log 2>&1"
        " || { tail -n 40 _build/repro-html.log; exit 1; }",
        "cp -r _static/* _build/html/_static/",  # as the Makefile's html step does
    ]
    for step in steps:
        result = subprocess.run(offline(step), cwd=TREE, env=env)
        if result.returncode != 0:
            print(f"FAIL: offline build step failed: {step}", file=sys.stderr)
            return 1
    problems = []
    for name in PROCESSED:
        if normalise(ROOT / name) != normalise(TREE / name):
            problems.append(f"{name}: differs between the two builds")
    problems += compare(ROOT / "_build" / "html", TREE / "_build" / "html", "_build/html")
    if problems:
        for problem in problems[:30]:
            print(f"FAIL: {problem}", file=sys.stderr)
        print(f"FAIL: {len(problems)} difference(s) between two builds of the same commit", file=sys.stderr)
        return 1
    pages = sum(1 for _ in (TREE / "_build" / "html").rglob("*.html"))
    files = sum(1 for p in (TREE / "_build" / "html").rglob("*") if p.is_file())
    print(
        f"reproducible: a second build, offline (network namespace, loopback only), gave the same processed data "
        f"and the same HTML ({pages} pages, {files} files in all), apart from the build date ({time.monotonic() - start:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Execute the book's notebooks in place, but only those whose code or data changed.

A notebook is re-run when its code cells, the shared package, datapackage.json, or any table
it read last time has changed. The loader records which tables a notebook reads (through
AFTERASSAD_DEPS_FILE), so a CSV change re-runs exactly the notebooks that read it and a
stale figure cannot survive. The record (a digest of those inputs, and the tables read) is kept
in the notebook's own metadata, so a fresh clone knows its committed outputs are current.

Notebooks that need a run are executed side by side, one per core (at most JOBS): each is
independent, and most of a run is the kernel and the figure export waiting on one core.
Usage: python scripts/execute_notebooks.py [--force] [--jobs N]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from list_notebooks import notebooks
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
META = "afterassad"


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def code_digest(nb: nbformat.NotebookNode) -> bytes:
    return "\n\x00".join(c.source for c in nb.cells if c.cell_type == "code").encode()


def inputs_key(nb: nbformat.NotebookNode, tables: list[str], root: Path = ROOT) -> str:
    """Digest of everything a notebook's outputs depend on: code, shared package, contract, tables read."""
    # The Sphinx extension only shapes the HTML pages; no notebook output depends on it.
    package = sorted(p for p in (root / "src" / "afterassad").rglob("*.py") if p.name != "sphinxext.py")
    data = [root / "data" / "datapackage.json"] + [root / "data" / f"{t}.csv" for t in sorted(tables)]
    return _digest(code_digest(nb), *(p.read_bytes() for p in package), *(p.read_bytes() for p in data if p.is_file()))


def execute(path: Path) -> list[str]:
    """Run a notebook in place, recording in its metadata what its outputs depend on."""
    nb = nbformat.read(path, as_version=4)
    with tempfile.NamedTemporaryFile("r", suffix=".deps", delete=False) as deps:
        os.environ["AFTERASSAD_DEPS_FILE"] = deps.name
    try:
        client = NotebookClient(
            nb, timeout=600, kernel_name="python3", record_timing=False, resources={"metadata": {"path": str(path.parent)}}
        )
        client.execute()
    finally:
        tables = sorted(set(Path(deps.name).read_text().split()))
        os.unlink(deps.name)
        del os.environ["AFTERASSAD_DEPS_FILE"]
    tables = [t for t in tables if t != "datapackage"]
    nb.metadata[META] = {"inputs_key": inputs_key(nb, tables), "tables": tables}
    nbformat.write(nb, path)
    return tables


def _run(path: Path) -> tuple[Path, float, list[str] | str]:
    """Execute one notebook (in a worker process: the deps-file variable is per process)."""
    start = time.monotonic()
    try:
        tables: list[str] | str = execute(path)
    except CellExecutionError as err:
        tables = str(err)
    return path, time.monotonic() - start, tables


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="run every notebook, changed or not")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="notebooks run at once")
    args = parser.parse_args(argv)
    books = notebooks(ROOT)
    total = time.monotonic()
    todo = []
    for n, path in enumerate(books, start=1):
        label = f"[{n}/{len(books)}] {path.relative_to(ROOT)}"
        nb = nbformat.read(path, as_version=4)
        record = nb.metadata.get(META)
        unexecuted = any(c.cell_type == "code" and c.execution_count is None for c in nb.cells)
        if not args.force and record and not unexecuted and record["inputs_key"] == inputs_key(nb, record["tables"]):
            print(f"{label}: up to date (reads {', '.join(record['tables']) or 'no tables'})", flush=True)
            continue
        why = (
            "forced"
            if args.force
            else "no record of a previous run"
            if not record
            else "it has unexecuted cells"
            if unexecuted
            else "its code or data changed"
        )
        print(f"{label}: executing ({why}) ...", flush=True)
        todo.append(path)
    failed = False
    if todo:
        with ProcessPoolExecutor(max_workers=max(1, min(args.jobs, len(todo)))) as pool:
            for path, seconds, result in pool.map(_run, todo):
                if isinstance(result, str):
                    print(f"{path.relative_to(ROOT)}: FAILED\n{result}", file=sys.stderr)
                    failed = True
                else:
                    print(
                        f"{path.relative_to(ROOT)}: done in {seconds:.1f} s (reads {', '.join(result) or 'no tables'})",
                        flush=True,
                    )
    print(f"notebooks: {len(books)} checked, {len(todo)} run, in {time.monotonic() - total:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

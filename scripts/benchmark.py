"""Build-speed benchmark (run by hand, not part of `make test`; it takes a few minutes).

Measures, on this machine, with the dependencies already installed:
  cold       `make book` after removing _build/, every notebook forced to run (EXECUTE_FLAGS=--force)
  again      `make book` straight after, with nothing changed
  sequential the same notebooks executed one after another with plain `jupyter nbconvert --execute`
and prints the two ratios the project holds itself to:
  again / cold        at most 10 %   (a rebuild with nothing changed does next to nothing)
  cold / sequential   at most 1.5x   (the whole book costs little more than running its notebooks)
The table is also written to _build/benchmark.md. Exit status 1 if a ratio is over its limit.
Usage: python scripts/benchmark.py
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from list_notebooks import notebooks  # noqa: E402

LIMITS = {"again / cold": 0.10, "cold / sequential": 1.5}


def timed(command: list[str], **kwargs) -> float:
    start = time.monotonic()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    return time.monotonic() - start


def main() -> int:
    if not (ROOT / ".venv" / ".installed").exists():
        print("run `make book` once first: the benchmark measures builds with the dependencies installed")
        return 1
    print("cold build (rm -rf _build; make book, every notebook forced) ...", flush=True)
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    cold = timed(["make", "book", "EXECUTE_FLAGS=--force"])
    print("make book again, nothing changed ...", flush=True)
    again = timed(["make", "book"])
    print("plain sequential execution of the same notebooks (jupyter nbconvert --execute) ...", flush=True)
    nbconvert = ROOT / ".venv" / "bin" / "jupyter-nbconvert"
    with tempfile.TemporaryDirectory() as out:
        sequential = 0.0
        for path in notebooks(ROOT):
            sequential += timed(
                [str(nbconvert), "--to", "notebook", "--execute", "--output-dir", out, str(path)],
                env={**os.environ, "PYTHONWARNINGS": "ignore"},
            )
    ratios = {"again / cold": again / cold, "cold / sequential": cold / sequential}
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores ({platform.machine()}), "
        f"{len(notebooks(ROOT))} notebooks.",
        "",
        "| build | seconds |",
        "|---|---:|",
        f"| cold `make book`, every notebook forced | {cold:.1f} |",
        f"| `make book` again, nothing changed | {again:.1f} |",
        f"| the notebooks alone, one after another (nbconvert) | {sequential:.1f} |",
        "",
        "| ratio | measured | limit |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {value:.2f} | {LIMITS[name]:.2f} |" for name, value in ratios.items()]
    report = "\n".join(lines)
    (ROOT / "_build" / "benchmark.md").write_text(report + "\n", encoding="utf-8")
    print(report)
    over = [name for name, value in ratios.items() if value > LIMITS[name]]
    if over:
        print(f"OVER LIMIT: {', '.join(over)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where things are: the repository root, the data folder, the build folder."""

from __future__ import annotations

import os
from pathlib import Path

MARKER = Path("data") / "datapackage.json"


def repo_root(start: str | os.PathLike | None = None) -> Path:
    """Find the repository root from any working directory.

    AFTERASSAD_ROOT wins (tests point it at broken copies); otherwise walk up from
    `start` (default: the working directory), then from this file, to the first
    folder holding data/datapackage.json.
    """
    if os.environ.get("AFTERASSAD_ROOT"):
        root = Path(os.environ["AFTERASSAD_ROOT"]).resolve()
        if not (root / MARKER).is_file():
            raise FileNotFoundError(f"AFTERASSAD_ROOT={root} holds no {MARKER}")
        return root
    for base in (Path(start or Path.cwd()), Path(__file__)):
        for folder in (base.resolve(), *base.resolve().parents):
            if (folder / MARKER).is_file():
                return folder
    raise FileNotFoundError(f"no {MARKER} above {Path.cwd()}; run from inside the repository or set AFTERASSAD_ROOT")


def data_dir(root: Path | None = None) -> Path:
    return (root or repo_root()) / "data"


def build_dir(root: Path | None = None) -> Path:
    return (root or repo_root()) / "_build"

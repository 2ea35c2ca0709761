"""The one loader: notebooks ask for a table by name and get a validated, typed DataFrame."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from afterassad.core.paths import data_dir
from afterassad.data.contract import RawTable, read_package, validate

_cache: dict[tuple, dict[str, RawTable]] = {}

# Table Schema types -> pandas dtypes; dates become datetime64.
_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


def _fingerprint(folder: Path) -> tuple:
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.iterdir() if p.is_file()))


def _validated(folder: Path) -> dict[str, RawTable]:
    key = (str(folder), _fingerprint(folder))
    if key not in _cache:
        _cache.clear()
        _cache[key] = validate(folder)
    return _cache[key]


def _record_dependency(name: str) -> None:
    """Let the build know which tables a notebook read, so a data change re-runs it."""
    target = os.environ.get("AFTERASSAD_DEPS_FILE")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(name + "\n")


def table_names() -> list[str]:
    return [r["name"] for r in read_package(data_dir())["resources"]]


def load(name: str) -> pd.DataFrame:
    """Return table `name` from data/, after checking the whole package against the contract.

    Raises DataContractError (listing every fault) if any table breaks the contract,
    and KeyError for a table the package does not define.
    """
    folder = data_dir()
    package = read_package(folder)
    resources = {r["name"]: r for r in package["resources"]}
    if name not in resources:
        raise KeyError(f"no table named {name!r}; the package defines: {', '.join(resources)}")
    raw = _validated(folder)[name]
    _record_dependency(name)
    frame = pd.DataFrame(raw.rows, columns=raw.header, dtype="string")
    for field in resources[name]["schema"]["fields"]:
        column = field["name"]
        values = frame[column].replace("", pd.NA)
        if field["type"] == "date":
            frame[column] = pd.to_datetime(values, format="%Y-%m-%d")
        elif field["type"] == "boolean":
            frame[column] = values.map({"true": True, "false": False}).astype("boolean")
        else:
            frame[column] = values.astype(_DTYPES[field["type"]])
    frame.attrs["source_file"] = f"data/{raw.path.name}"
    return frame


def load_package() -> dict:
    """The datapackage.json descriptor (for the data dictionary)."""
    _record_dependency("datapackage")
    return read_package(data_dir())

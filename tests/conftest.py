"""Shared fixtures. Broken data are always made in a temporary copy: no test writes into data/."""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="session", autouse=True)
def data_is_never_written():
    """Fail the session if anything under data/ changed while the tests ran."""
    before = _digest(DATA)
    yield
    assert _digest(DATA) == before, "a test or the code under test modified data/"


class DataCopy:
    """A copy of the repository's data in a temporary root, with helpers to break it."""

    def __init__(self, root: Path):
        self.root = root
        self.data = root / "data"

    def rows(self, table: str) -> tuple[list[str], list[dict[str, str]]]:
        with open(self.data / f"{table}.csv", newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            return list(reader.fieldnames), list(reader)

    def write(self, table: str, header: list[str], rows: list[dict[str, str]], delimiter: str = ",") -> None:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=header, delimiter=delimiter, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        (self.data / f"{table}.csv").write_text(buffer.getvalue(), encoding="utf-8")

    def set_cell(self, table: str, row: int, column: str, value: str) -> None:
        """Set a cell; `row` is the 1-based data row, as the error messages count."""
        header, rows = self.rows(table)
        rows[row - 1][column] = value
        self.write(table, header, rows)


@pytest.fixture
def broken(tmp_path, monkeypatch) -> DataCopy:
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.setenv("AFTERASSAD_ROOT", str(tmp_path))
    return DataCopy(tmp_path)

"""The data package a reader downloads: versioned, complete, valid, and the same bytes every build."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

from afterassad.publishing import edition
from afterassad.publishing.package import package_files, write_zip

FRICTIONLESS = Path(sys.executable).parent / "frictionless"


def test_the_zip_unzips_to_a_package_that_frictionless_validates(tmp_path):
    path = write_zip(tmp_path / "site")
    assert path.name == f"after-assad-data-{edition.version()}.zip"
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "unzipped")
    folder = tmp_path / "unzipped" / path.stem
    assert sorted(names) == sorted(f"{path.stem}/{f.name}" for f in package_files())
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == edition.version()
    result = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", "datapackage.json"], cwd=folder, capture_output=True, text=True, timeout=300
    )
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["valid"], result.stdout[-2000:]
    assert len(report["tasks"]) == len(descriptor["resources"])


def test_two_builds_of_the_zip_are_byte_for_byte_the_same(tmp_path):
    first = write_zip(tmp_path / "a").read_bytes()
    second = write_zip(tmp_path / "b").read_bytes()
    assert first == second

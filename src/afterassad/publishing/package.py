"""The data for readers: the tidy CSVs and their Frictionless descriptor, as files on the site and
as one versioned zip, built the same way every time (fixed timestamps and order), so two builds
of one commit give the same bytes."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from afterassad.core.paths import data_dir
from afterassad.publishing import edition

FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # zip entries carry no build time


def package_files(root: Path | None = None) -> list[Path]:
    folder = data_dir(root)
    return [folder / "datapackage.json"] + sorted(folder.glob("*.csv"))


def zip_name() -> str:
    return f"after-assad-data-{edition.version()}.zip"


def write_zip(dest: Path, root: Path | None = None) -> Path:
    """after-assad-data-<version>.zip: datapackage.json and every CSV, in a folder of that name."""
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / zip_name()
    folder = path.stem
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in package_files(root):
            info = zipfile.ZipInfo(f"{folder}/{file.name}", date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, file.read_bytes())
    return path


def publish(site: Path, root: Path | None = None) -> list[Path]:
    """Copy the CSVs and the descriptor to <site>/data/ and write the zip beside them."""
    dest = site / "data"
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for file in package_files(root):
        shutil.copyfile(file, dest / file.name)
        out.append(dest / file.name)
    out.append(write_zip(dest, root))
    return out

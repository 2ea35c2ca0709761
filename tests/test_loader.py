"""The one loader: by name, from any working directory, typed."""

from __future__ import annotations

import pandas as pd
import pytest

from afterassad import load, table_names
from afterassad.data.contract import read_package


def test_loads_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert len(load("sources")) > 0


def test_every_table_in_the_package_loads_with_its_schema_types():
    package = read_package()
    for resource in package["resources"]:
        frame = load(resource["name"])
        assert list(frame.columns) == [f["name"] for f in resource["schema"]["fields"]]
        for field in resource["schema"]["fields"]:
            dtype = frame[field["name"]].dtype
            expected = {
                "date": "datetime64[ns]",
                "integer": "Int64",
                "number": "Float64",
                "string": "string",
                "boolean": "boolean",
            }[field["type"]]
            assert str(dtype).startswith(expected.split("[")[0]), (resource["name"], field["name"], dtype)


def test_empty_cells_are_missing_not_empty_strings():
    sources = load("sources")
    assert sources["original_publisher"].isna().any()
    assert not (sources["original_publisher"] == "").any()


def test_unknown_table_is_a_clear_error():
    with pytest.raises(KeyError, match="no table named 'nonsense'"):
        load("nonsense")


def test_every_csv_in_data_is_in_the_package_and_back():
    """No table escapes the contract: each CSV in data/ is described, and each description has its CSV."""
    from afterassad.core.paths import data_dir

    on_disk = sorted(p.stem for p in data_dir().glob("*.csv"))
    assert on_disk == sorted(table_names())


def test_loader_records_what_a_notebook_reads(tmp_path, monkeypatch):
    deps = tmp_path / "deps.txt"
    monkeypatch.setenv("AFTERASSAD_DEPS_FILE", str(deps))
    load("events")
    load("places")
    assert deps.read_text().split() == ["events", "places"]


def test_dates_are_timestamps():
    events = load("events")
    assert isinstance(events["date"].iloc[0], pd.Timestamp)

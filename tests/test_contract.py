"""Bad data stops everything, with one clear message per fault naming file, row, column and rule."""

from __future__ import annotations

import subprocess
import sys

import pytest

from afterassad import DataContractError, load
from afterassad.data.contract import check_package


def faults_of(copy) -> list:
    return check_package(copy.data)[1]


def only_fault(copy):
    faults = faults_of(copy)
    assert len(faults) == 1, [str(f) for f in faults]
    return faults[0]


def test_the_committed_data_pass():
    assert check_package()[1] == []


def test_missing_column(broken):
    header, rows = broken.rows("places")
    broken.write("places", [h for h in header if h != "lat"], rows)
    fault = only_fault(broken)
    assert (fault.file, fault.column, fault.rule) == ("data/places.csv", "lat", "missing-column")


def test_extra_column(broken):
    header, rows = broken.rows("actors")
    broken.write("actors", header + ["colour"], [dict(r, colour="red") for r in rows])
    fault = only_fault(broken)
    assert (fault.file, fault.column, fault.rule) == ("data/actors.csv", "colour", "extra-column")


def test_wrong_type(broken):
    broken.set_cell("claims", 3, "paragraph", "two")
    fault = only_fault(broken)
    assert (fault.file, fault.row, fault.column, fault.rule) == ("data/claims.csv", 3, "paragraph", "type:integer")
    assert "'two' is not an integer" in str(fault)


@pytest.mark.parametrize("value", ["2024-13-01", "08/12/2024", "2024-02-30", "8 December 2024"])
def test_bad_date(broken, value):
    broken.set_cell("events", 2, "date", value)
    fault = only_fault(broken)
    assert (fault.file, fault.row, fault.column, fault.rule) == ("data/events.csv", 2, "date", "bad-date")


def test_duplicate_id(broken):
    header, rows = broken.rows("sources")
    rows.append(dict(rows[4]))
    broken.write("sources", header, rows)
    fault = only_fault(broken)
    assert (fault.file, fault.row, fault.column, fault.rule) == ("data/sources.csv", len(rows), "source_id", "duplicate-id")
    assert "repeats row 5" in fault.message


def test_unknown_source_id(broken):
    header, rows = broken.rows("events")
    rows[0]["source_ids"] += ";no_such_source_20990101"
    broken.write("events", header, rows)
    fault = only_fault(broken)
    assert (fault.file, fault.row, fault.column, fault.rule) == ("data/events.csv", 1, "source_ids", "unknown-reference")
    assert "no_such_source_20990101" in fault.message


def test_unknown_place(broken):
    broken.set_cell("events", 1, "place_id", "atlantis")
    fault = only_fault(broken)
    assert (fault.column, fault.rule) == ("place_id", "unknown-reference")


@pytest.mark.parametrize("column, value", [("lat", "91.5"), ("lon", "-180.01"), ("lat", "-95")])
def test_coordinates_out_of_range(broken, column, value):
    broken.set_cell("places", 4, column, value)
    fault = only_fault(broken)
    assert (fault.file, fault.row, fault.column, fault.rule) == ("data/places.csv", 4, column, "out-of-range")


def _estimate_row(broken, **values):
    header, rows = broken.rows("estimates")
    source = broken.rows("sources")[1][3]["source_id"]
    actor = broken.rows("actors")[1][0]["actor_id"]
    row = {h: "" for h in header}
    row.update(
        estimate_id="test_estimate",
        chapter="withdrawal",
        subject="test",
        actor_id=actor,
        unit="people",
        as_of="2024-12-01",
        as_of_precision="month",
        estimator="test",
        date_reported="2024-12-02",
        status="reported",
        source_ids=source,
    )
    row.update(values)
    broken.write("estimates", header, rows + [row])
    return len(rows) + 1


def test_low_greater_than_best(broken):
    n = _estimate_row(broken, value_low="1500", value_best="1000", value_high="2000")
    fault = only_fault(broken)
    assert (fault.file, fault.row, fault.column, fault.rule) == ("data/estimates.csv", n, "value_low", "low<=best<=high")


def test_best_greater_than_high_with_no_low(broken):
    n = _estimate_row(broken, value_best="3000", value_high="2000")
    fault = only_fault(broken)
    assert (fault.row, fault.column, fault.rule) == (n, "value_best", "low<=best<=high")


def test_a_valid_range_passes(broken):
    _estimate_row(broken, value_low="1000", value_high="1500")
    assert faults_of(broken) == []


def test_money_may_be_nominal_without_a_price_year(broken):
    """A total across years, or one whose price basis no source states, is nominal: no price year
    (a year set by convention would claim what the sources do not say)."""
    _estimate_row(broken, unit="usd", value_best="7120000000")
    _estimate_row(broken, unit="usd", value_best="7120000000", price_year="2022", estimate_id="test_estimate_2")
    assert faults_of(broken) == []


def test_empty_file(broken):
    (broken.data / "actors.csv").write_bytes(b"")
    fault = [f for f in faults_of(broken) if f.file == "data/actors.csv"][0]
    assert fault.rule == "empty-file"


def test_wrong_encoding(broken):
    path = broken.data / "places.csv"
    text = path.read_text(encoding="utf-8").replace("Aleppo", "Alepp\u00f6", 1)
    path.write_bytes(text.encode("latin-1", errors="replace"))  # other non-Latin-1 characters become "?"
    fault = only_fault(broken)
    assert (fault.file, fault.rule) == ("data/places.csv", "encoding")
    assert fault.row is not None and "not valid UTF-8" in fault.message


def test_wrong_delimiter(broken):
    header, rows = broken.rows("actors")
    broken.write("actors", header, rows, delimiter=";")
    faults = [f for f in faults_of(broken) if f.file == "data/actors.csv"]
    assert [f.rule for f in faults] == ["delimiter"]
    assert "';'-delimited" in faults[0].message


def test_required_cell_empty(broken):
    broken.set_cell("claims", 1, "verdict", "")
    fault = only_fault(broken)
    assert (fault.row, fault.column, fault.rule) == (1, "verdict", "required")


def test_enum(broken):
    # a claim whose verdict no correction has touched, so that only the enum rule can object
    corrected = {r["target_id"] for r in broken.rows("corrections")[1] if r["field"] == "verdict"}
    row = next(i for i, r in enumerate(broken.rows("claims")[1], 1) if r["claim_id"] not in corrected)
    broken.set_cell("claims", row, "verdict", "mostly true")
    fault = only_fault(broken)
    assert (fault.row, fault.column, fault.rule) == (row, "verdict", "enum")


def test_claims_must_point_at_a_seed_article(broken):
    ordinary = next(r["source_id"] for r in broken.rows("sources")[1] if r["source_type"] != "seed_article")
    broken.set_cell("claims", 1, "article_id", ordinary)
    faults = [f for f in faults_of(broken) if f.rule == "seed-article"]
    assert [(f.file, f.row, f.column) for f in faults] == [("data/claims.csv", 1, "article_id")]


def test_each_fault_gets_its_own_message(broken):
    broken.set_cell("places", 1, "lat", "200")
    broken.set_cell("claims", 1, "verdict", "maybe")
    assert sorted(f.file for f in faults_of(broken)) == ["data/claims.csv", "data/places.csv"]


def test_loader_refuses_bad_data_and_names_the_fault(broken):
    broken.set_cell("places", 2, "lon", "east")
    with pytest.raises(DataContractError) as err:
        load("places")
    assert "data/places.csv, row 2 (line 3), column 'lon': [type:number]" in str(err.value)


def test_validate_command_exits_nonzero_with_message(broken):
    broken.set_cell("events", 5, "date", "2024-12-32")
    result = subprocess.run([sys.executable, "-m", "afterassad", "validate"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "data/events.csv, row 5 (line 6), column 'date': [bad-date]" in result.stderr


def test_frictionless_agrees_the_package_is_valid():
    """The descriptor is standard Table Schema: the reference implementation accepts it too."""
    import frictionless

    from afterassad.core.paths import data_dir

    report = frictionless.validate(str(data_dir() / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


@pytest.mark.parametrize(
    "precision, stored, start", [("month", "2024-12-15", "2024-12-01"), ("year", "2019-12-31", "2019-01-01")]
)
def test_a_month_or_year_value_must_be_its_periods_first_day(broken, precision, stored, start):
    """A date known to the month is stored as the 1st, so a reader never sees a day nobody knew."""
    header, rows = broken.rows("events")
    index = next(i for i, r in enumerate(rows, 1) if r["date_end"] == "")
    broken.set_cell("events", index, "date_precision", precision)
    broken.set_cell("events", index, "date", stored)
    fault = only_fault(broken)
    assert (fault.file, fault.row, fault.column, fault.rule) == ("data/events.csv", index, "date", "period-start")
    assert start in fault.message
    broken.set_cell("events", index, "date", start)
    assert faults_of(broken) == []

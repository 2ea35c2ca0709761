"""Each chapter's numbers come from one function in its module; here a handful of the most important
are recomputed independently, from the CSVs with the csv module and geographiclib, not with the
chapter's own helpers. Also: no notebook code cell is longer than 25 lines (the notebooks stay thin)."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest
from geographiclib.geodesic import Geodesic

from afterassad import load
from afterassad.chapters import collapse, libya
from afterassad.chapters import equipment as eq
from afterassad.chapters import withdrawal as w
from afterassad.core.paths import data_dir, repo_root


def _rows(table: str) -> list[dict[str, str]]:
    with open(data_dir() / f"{table}.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _km(a: str, b: str) -> float:
    places = {r["place_id"]: r for r in _rows("places")}
    line = Geodesic.WGS84.Inverse(
        float(places[a]["lat"]), float(places[a]["lon"]), float(places[b]["lat"]), float(places[b]["lon"])
    )
    return line["s12"] / 1000


def _long(day: str) -> str:
    d = date.fromisoformat(day)
    return f"{d.day} {d:%B %Y}"


EVENTS = _rows("events")
FALL = min(r["date"] for r in EVENTS if r["event_type"] == "control_change" and r["place_id"] == "damascus")
LAUNCH = min(r["date"] for r in EVENTS if r["event_type"] == "offensive_launch")


@pytest.fixture(scope="module")
def loaded():
    return {
        name: load(name)
        for name in [
            "events",
            "movements",
            "site_status",
            "estimates",
            "equipment",
            "platforms",
            "places",
            "sources",
            "actors",
            "sites",
            "deflators",
        ]
    }


def test_collapse_numbers(loaded):
    events = loaded["events"].query("chapter == 'collapse'").reset_index(drop=True)
    offensive, _ = collapse.split_context(events)
    numbers, _ = collapse.chapter_numbers(events=offensive, actors=loaded["actors"], places=loaded["places"])
    assert numbers["n_events"] == sum(r["chapter"] == "collapse" and r["date"] >= LAUNCH for r in EVENTS)
    assert numbers["d_start"] == _long(LAUNCH) and numbers["d_damascus"] == _long(FALL)
    assert numbers["days_to_damascus"] == (date.fromisoformat(FALL) - date.fromisoformat(LAUNCH)).days
    start_place = next(r["place_id"] for r in EVENTS if r["event_type"] == "offensive_launch" and r["date"] == LAUNCH)
    assert numbers["km_damascus"] == round(_km(start_place, "damascus"))


def test_withdrawal_numbers(loaded):
    chapter = {k: loaded[k].query("chapter == 'withdrawal'").reset_index(drop=True) for k in ("movements", "estimates")}
    numbers, _ = w.chapter_numbers(
        all_events=loaded["events"],
        events=loaded["events"].query("chapter == 'withdrawal'").reset_index(drop=True),
        movements=chapter["movements"],
        site_status=loaded["site_status"],
        estimates=chapter["estimates"],
        equipment=loaded["equipment"],
        platforms=loaded["platforms"],
        places=loaded["places"],
        sources=loaded["sources"],
    )
    assert numbers["d_fall"] == _long(FALL)
    assert numbers["n_events"] == sum(r["chapter"] == "withdrawal" for r in EVENTS)
    assert numbers["n_movements"] == sum(r["chapter"] == "withdrawal" for r in _rows("movements"))
    assert numbers["km_khadim"] == f"{_km('hmeimim_air_base', 'al_khadim_air_base'):,.0f}"
    held = next(r for r in EVENTS if r["event_id"] == "ev_20250105_ships_held_offshore")["date"]
    dock = next(r for r in EVENTS if r["event_id"] == "ev_20250121_sparta_ships_dock")["date"]
    assert numbers["days_offshore"] == (date.fromisoformat(dock) - date.fromisoformat(held)).days
    assert numbers["n_sites"] == len({r["place_id"] for r in _rows("site_status")})
    # a date the sources give only to the month is printed as the month, never as its first day
    port = next(r for r in EVENTS if r["event_id"] == "ev_20250123_port_contract_annulled")
    expected = {"day": _long(port["date"]), "month": f"{date.fromisoformat(port['date']):%B %Y}"}[port["date_precision"]]
    assert numbers["d_port_contract"] == expected


def test_libya_numbers(loaded):
    numbers, _ = libya.chapter_numbers(
        all_events=loaded["events"],
        estimates=loaded["estimates"],
        events=loaded["events"].query("chapter == 'libya'").reset_index(drop=True),
        movements=loaded["movements"],
        places=loaded["places"],
        platforms=loaded["platforms"],
        sites_table=loaded["sites"],
    )
    assert numbers["d_fall"] == _long(FALL)
    assert numbers["n_events"] == sum(r["chapter"] == "libya" for r in EVENTS)
    assert numbers["n_sites"] == sum(r["chapter"] == "libya" for r in _rows("sites"))


def test_equipment_numbers(loaded):
    numbers, _ = eq.chapter_numbers(
        all_events=loaded["events"], deflators=loaded["deflators"], equipment=loaded["equipment"], estimates=loaded["estimates"]
    )
    assert numbers["d_fall"] == _long(FALL) and numbers["d_offensive"] == _long(LAUNCH)
    headline = next(r for r in _rows("equipment") if r["equipment_id"] == eq.DOD_HEADLINE)
    assert numbers["headline"] == f"${float(headline['value_usd_best']) / 1e9:,.2f}bn"


def test_no_notebook_code_cell_is_longer_than_25_lines():
    long = []
    for path in sorted((repo_root() / "book").glob("*.ipynb")):
        for i, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            n = len("".join(cell["source"]).splitlines())
            if cell["cell_type"] == "code" and n > 25:
                long.append(f"{path.name} cell {i}: {n} lines")
    assert not long, long


def test_outlook_numbers():
    """The closing chapter's indicators: the latest status of each main base, the date of each named
    fact, and the newest Libya personnel estimate, recomputed from the CSVs."""
    from afterassad.chapters import outlook

    tables = {name: load(name) for name in ["events", "movements", "deliveries", "estimates", "site_status"]}
    numbers = outlook.chapter_numbers(tables)
    for name, place_id in outlook.MAIN_BASES.items():
        rows = [r for r in _rows("site_status") if r["place_id"] == place_id]
        # a party's claim dated after the site's first reported or confirmed row does not set its status
        first_firm = min((r["date"] for r in rows if r["status"] != "claimed"), default=None)
        standing = [r for r in rows if not (r["status"] == "claimed" and first_firm and r["date"] > first_firm)]
        newest = max(standing, key=lambda r: (r["date"], r["status_id"]))
        assert numbers[f"status_{name}"] == newest["site_status"].replace("_", " ")  # "drawn down", "held"
        assert numbers[f"on_status_{name}"].endswith(_long(newest["date"])) or newest["date_precision"] != "day"
    straits = next(r for r in EVENTS if r["event_id"] == outlook.INDICATOR_FACTS["turkey_straits"])
    last = straits["date_end"] or straits["date"]  # a span reads "between 27 and 28 February 2022"
    assert numbers["on_turkey_straits"].endswith(_long(last))
    assert numbers["on_turkey_straits"].startswith("between " if straits["date_end"] else "on ")
    people = [r for r in _rows("estimates") if r["chapter"] == "libya" and r["asset_kind"] == "personnel"]
    newest = max(people, key=lambda r: (r["as_of"], r["estimate_id"]))
    assert numbers["newest_libya_estimate"].endswith(str(date.fromisoformat(newest["as_of"]).year))

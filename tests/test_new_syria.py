"""The new-Syria chapter: its numbers recomputed from the CSVs with the csv module (not pandas, not
the chapter's own helpers), its lanes and its board."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from afterassad import load
from afterassad.chapters import new_syria as ns
from afterassad.core.paths import data_dir
from afterassad.figures import style


def _rows(table: str) -> list[dict[str, str]]:
    with open(data_dir() / f"{table}.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def tables():
    return {
        name: load(name)
        for name in ["events", "deliveries", "site_status", "estimates", "places", "sources", "actors", "evidence"]
    }


@pytest.fixture(scope="module")
def numbers(tables):
    return ns.numbers(tables)


def test_counts_match_the_raw_tables(numbers):
    assert numbers["n_events"] == sum(r["chapter"] == "new_syria" for r in _rows("events"))
    deliveries = _rows("deliveries")
    assert numbers["n_deliveries"] == len(deliveries)
    from_russia = [r for r in deliveries if r["from_actor_id"] == "russia" and not r["description"].startswith("Halt")]
    assert numbers["n_from_russia"] == len(from_russia)
    assert numbers["n_link_stated"] + numbers["n_link_timing"] + numbers["n_link_none"] == len(from_russia)
    assert numbers["n_link_stated"] == sum(r["link"] == "stated" for r in from_russia)


def test_the_latest_reporting_date_is_the_newest_dated_source_the_chapter_cites(numbers):
    events = [
        r for r in _rows("events") if r["chapter"] == "new_syria" or (r["chapter"] == "withdrawal" and r["date"] >= "2025-01-01")
    ]
    sites = [r for r in _rows("site_status") if r["place_id"] in ns.RUSSIAN_SITES_IN_SYRIA]
    estimates = [r for r in _rows("estimates") if r["chapter"] == "new_syria"]
    cited = {s for r in events + sites + estimates + _rows("deliveries") for s in r["source_ids"].split(";")}
    newest = max(
        r["date_published"] for r in _rows("sources") if r["source_id"] in cited and r["date_published_precision"] == "day"
    )
    assert numbers["d_latest"] == f"{pd.Timestamp(newest).day} {pd.Timestamp(newest):%B %Y}"


def test_every_fact_the_prose_dates_by_name_exists(tables):
    ids = set(tables["events"]["event_id"]) | set(tables["deliveries"]["delivery_id"]) | set(tables["estimates"]["estimate_id"])
    assert set(ns.KEY_FACTS.values()) <= ids


def test_missing_key_fact_fails_loudly(tables):
    broken = dict(tables, events=tables["events"][tables["events"]["event_id"] != ns.KEY_FACTS["bogdanov"]])
    with pytest.raises(KeyError, match="ev_20250128_bogdanov_visit"):
        ns.numbers(broken)


@pytest.mark.parametrize(
    "event_type,summary,lane",
    [
        ("diplomacy", "Putin and al-Sharaa spoke by telephone.", "Diplomacy"),
        ("diplomacy", "At the meeting he asked for Assad's handover.", "Assad's fate"),
        ("statement", "Lavrov said Assad had asylum on humanitarian grounds.", "Assad's fate"),
        ("negotiation", "He sought wheat on favourable terms.", "Energy and grain"),
        ("agreement", "Syria agreed with Goznak to print new banknotes.", "Money"),
        ("statement", "The firm said its port contract had not been annulled.", "Ports"),
        ("statement", "Peskov said the future of the Hmeimim base was discussed.", "Bases and military"),
        ("military_movement", "A plane carried wheat and banknotes.", "Bases and military"),
        ("statement", "The minister spoke of balanced relations.", "Diplomacy"),
    ],
)
def test_event_lanes(event_type, summary, lane):
    assert ns.event_lane({"event_type": event_type, "summary": summary}) == lane


def test_story_holds_every_chapter_event_once_in_a_known_lane(tables):
    rows = ns.story(tables["events"], tables["deliveries"], tables["site_status"], tables["places"])
    chapter = ns.chapter_events(tables["events"])
    assert set(chapter["event_id"]) <= set(rows["fact_id"])
    assert rows["fact_id"].is_unique
    assert set(rows["lane"]) <= set(ns.LANES)


def test_timeline_draws_one_marker_per_move_and_no_empty_lane(tables):
    rows = ns.story(tables["events"], tables["deliveries"], tables["site_status"], tables["places"])
    fig = ns.timeline_figure(rows)
    markers = sum(x is not None for t in fig.data if t.mode == "markers" for x in t.x)  # not the legend's keys
    assert markers == len(rows)
    assert list(fig.layout.yaxis.ticktext) == [lane for lane in ns.LANES if (rows["lane"] == lane).any()]


def test_board_shows_each_sites_last_recorded_status(tables):
    board = ns.base_board(tables["site_status"], tables["places"], tables["sources"])
    assert board["place_id"].is_unique
    rows = _rows("site_status")
    first_firm = {}
    for r in rows:
        if r["status"] != "claimed":
            first_firm[r["place_id"]] = min(first_firm.get(r["place_id"], r["date"]), r["date"])
    last = {}
    for r in sorted(rows, key=lambda r: (r["date"], r["status_id"])):
        if r["status"] == "claimed" and r["place_id"] in first_firm and r["date"] > first_firm[r["place_id"]]:
            continue  # a later claim does not override firmer evidence
        last[r["place_id"]] = r["site_status"]
    for r in board.itertuples():
        assert r.site_status == last[r.place_id], r.place_id
    assert set(ns.RUSSIAN_SITES_IN_SYRIA) <= set(board["place_id"])


def test_no_delivery_is_linked_without_saying_how(tables):
    d = tables["deliveries"]
    assert (d["linked_event_ids"].isna() == d["link"].isna()).all()


def test_a_site_status_resting_only_on_what_officials_said_reads_said_on_record():
    evidence = pd.DataFrame(
        {
            "fact_id": ["st_a", "st_a", "st_b", "st_b"],
            "stance": ["states", "derived", "states", "states"],
            "basis": ["official_on_record", None, "official_on_record", "imagery"],
        }
    )
    said = ns.rests_on_statements(pd.Series(["st_a", "st_b", "st_c"]), evidence)
    assert list(said) == [True, False, False]


def test_the_board_names_the_golan_posts_and_grades_statements_as_said(tables):
    evidence = load("evidence")
    board = ns.base_board(tables["site_status"], tables["places"], tables["sources"], evidence, tables["actors"])
    assert not board["site"].str.contains("Disengagement Observer Force").any()
    raw = load("site_status").set_index("status_id")
    said = ns.rests_on_statements(board["status_id"], evidence)
    for row, only_words in zip(board.itertuples(), said):
        status = raw.loc[row.status_id, "status"]
        if status == "claimed" and isinstance(raw.loc[row.status_id, "claimed_by"], str):
            assert row.status.startswith("claimed by "), row.status_id  # who claims it, by name
        else:
            assert row.status == ("said on record" if only_words and status == "confirmed" else status), row.status_id


def test_the_timeline_keys_status_in_neutral_glyphs_and_colours_each_marker_by_its_lane(tables):
    """Colour is the lane, shape the status: the legend's status keys are in ink or white, never a
    lane's colour, and each marker has its lane's colour and its status's shape."""
    rows = ns.story(tables["events"], tables["deliveries"], tables["site_status"], tables["places"])
    fig = ns.timeline_figure(rows)
    keys = [t for t in fig.data if t.showlegend is not False]
    assert [k.name for k in keys] == [style.STATUS_KEYS[s] for s in style.STATUS_GLYPHS]
    lane_colours = {c.upper() for c in ns.LANE_COLOURS.values()}
    for key in keys:
        assert {key.marker.color.upper(), key.marker.line.color.upper()} <= {style.INK.upper(), "WHITE"}
        assert not {key.marker.color.upper(), key.marker.line.color.upper()} & lane_colours
    drawn = [t for t in fig.data if t.showlegend is False and t.mode == "markers"]
    assert sum(len(t.x) for t in drawn) == len(rows)
    for t in drawn:
        status = next(s for s, name in style.STATUS_KEYS.items() if name == t.name)
        part = rows[rows["status"] == status]
        assert list(t.marker.line.color) == list(part["lane"].map(ns.LANE_COLOURS))  # each in its lane's colour
        assert t.marker.symbol == style.status_marker(status, "x")["symbol"]  # shaped by its status


def test_a_later_claim_does_not_override_firmer_evidence():
    from afterassad.chapters.bases import current_status, sets_status

    rows = pd.DataFrame(
        {
            "status_id": ["a", "b", "c", "d"],
            "place_id": ["base", "base", "post", "post"],
            "date": pd.to_datetime(["2025-01-01", "2025-06-01", "2025-01-01", "2025-06-01"]),
            "site_status": ["vacated", "under_negotiation", "operational", "vacated"],
            "status": ["reported", "claimed", "claimed", "reported"],
        }
    )
    assert list(sets_status(rows)) == [True, False, True, True]
    assert current_status(rows).set_index("place_id")["site_status"].to_dict() == {"base": "vacated", "post": "vacated"}


def test_ties_are_counted_as_readings_and_low_graded_readings_apart():
    deliveries = pd.DataFrame({"delivery_id": ["d1", "d2", "d3", "d4"], "link": ["stated", "stated", "stated", None]})
    # one writer (w) ties two cargoes; a low-graded page ties the third; d4 is not tied
    evidence = pd.DataFrame(
        {
            "fact_table": ["deliveries"] * 5,
            "fact_id": ["d1", "d2", "d3", "d3", "d4"],
            "fields": ["description;link", "link", "link", "date", "link"],
            "source_id": ["w", "w", "low_page", "good", "w"],
        }
    )
    sources = pd.DataFrame({"source_id": ["w", "low_page", "good"], "reliability": ["medium", "low", "high"]})
    assert ns.tie_readings(deliveries, evidence, sources) == {"readings": 2, "readings_low": 1, "ties_on_low_pages_only": 1}
    # a delivery marked as tied with no source stating the tie stops the build
    with pytest.raises(ValueError, match="d2"):
        ns.tie_readings(deliveries, evidence[evidence["fact_id"] != "d2"], sources)


def test_the_real_ties_rest_on_fewer_readings_than_ties(numbers):
    assert numbers["n_tie_readings"] < numbers["n_link_stated"]

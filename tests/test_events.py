"""The event chain is internally consistent."""

from __future__ import annotations

import pandas as pd
import pytest

from afterassad import load


@pytest.fixture(scope="module")
def events():
    return load("events")


@pytest.fixture(scope="module")
def sources():
    return load("sources").set_index("source_id")


def _latest_possible(row) -> pd.Timestamp | None:
    """The last day a source could have been published, given its date precision."""
    date, precision = row["date_published"], row["date_published_precision"]
    if pd.isna(date):
        return None
    return {"day": date, "month": date + pd.offsets.MonthEnd(0), "year": date + pd.offsets.YearEnd(0)}[precision]


def test_no_event_is_dated_after_every_source_that_reports_it(events, sources):
    """An event cannot start after the publication of every source reporting it. A source reports the
    event when the evidence table has it state or imply the event's summary; a page cited only for
    an input to a derived value (an earlier date to count from) does not. An earlier page may back
    the summary's background (the talks that led to a handover), so the test asks that at least one
    reporting source could have been published on or after the event's date."""
    evidence = load("evidence")
    reporting = evidence[
        (evidence["fact_table"] == "events")
        & evidence["stance"].isin(["states", "implies"])
        & evidence["fields"].str.split(";").map(lambda f: "summary" in f)
    ]
    reports = set(zip(reporting["fact_id"], reporting["source_id"]))
    assert reports, "the evidence table should record which sources report each event"
    late = []
    for row in events.itertuples():
        dates = {sid: _latest_possible(sources.loc[sid]) for sid in row.source_ids.split(";") if (row.event_id, sid) in reports}
        known = {sid: d for sid, d in dates.items() if d is not None}
        if known and len(known) == len(dates) and all(row.date > d for d in known.values()):
            late.append(
                f"{row.event_id} ({row.date:%Y-%m-%d}) reported only by sources published before it: "
                + ", ".join(f"{sid} ({d:%Y-%m-%d})" for sid, d in known.items())
            )
    assert not late, late


def test_nothing_changes_hands_before_the_offensive_starts(events):
    collapse = events[events["chapter"] == "collapse"]
    launches = collapse[collapse["event_type"] == "offensive_launch"]
    assert len(launches) >= 1
    start = launches["date"].min()
    early = collapse[(collapse["event_type"] == "control_change") & (collapse["date"] < start)]
    assert early.empty, early["event_id"].tolist()


def test_event_ids_carry_their_date(events):
    """An id carries the date the event was first published with. Ids are stable, so an event whose
    date was corrected keeps its id, and the corrections log must hold that change of date."""
    corrected = load("corrections")
    moved = {
        (r.target_id, str(r.old_value).replace("-", ""))
        for r in corrected.itertuples()
        if r.target_table == "events" and r.field == "date"
    }
    mismatched = events[
        (events["event_id"].str[3:11] != events["date"].dt.strftime("%Y%m%d"))
        & ~pd.Series([(i, i[3:11]) in moved for i in events["event_id"]], index=events.index)
    ]
    assert mismatched.empty, mismatched["event_id"].tolist()


def test_changes_of_control_say_where(events):
    changes = events[(events["event_type"] == "control_change") & events["place_id"].isna()]
    # A change of control with no place must say so in words: it covers several places.
    assert changes["summary"].str.contains(r"villages|localities|towns|positions", case=False).all(), changes["event_id"].tolist()


def test_claimed_events_name_the_claimant(events):
    claimed = events[events["status"] == "claimed"]
    assert claimed["claimed_by"].notna().all()

"""The Libya chapter: its analysis on made-up tables with hand-computed answers, and its data
against the rules the chapter promises: estimates named and dated, sites inside Libya."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from afterassad import load
from afterassad.chapters import libya as L
from afterassad.core.dates import with_precision
from afterassad.core.text import and_list, html
from afterassad.figures.basemap import inside
from afterassad.figures.render import locator_box, under_locator


@pytest.fixture(scope="module")
def data():
    return {name: load(name) for name in ("sites", "places", "estimates", "events", "movements", "platforms", "actors")}


def test_full_payload_range_never_uses_a_ferry_range():
    an124 = pd.Series({"range_km_low": 4500.0, "range_km_best": 5400.0, "range_km_high": 16500.0})
    il76 = pd.Series({"range_km_low": 3600.0, "range_km_best": float("nan"), "range_km_high": 5000.0})
    il62 = pd.Series({"range_km_low": float("nan"), "range_km_best": 8000.0, "range_km_high": float("nan")})
    assert L.full_payload_range(an124) == (4500.0, 5400.0)  # 16,500 km is with no payload
    assert L.full_payload_range(il76) == (3600.0, 5000.0)
    assert L.full_payload_range(il62) == (8000.0, 8000.0)


def test_reach_sorts_legs_by_the_stated_range():
    legs = pd.DataFrame({"from": ["a", "b", "c"], "to": ["b", "c", "d"], "km": [3000.0, 4000.0, 6000.0]})
    platforms = pd.DataFrame(
        {"platform_id": ["il76"], "range_km_low": [3600.0], "range_km_best": [float("nan")], "range_km_high": [5000.0]}
    )
    assert L.reach(legs, platforms, "il76")["reach"].tolist() == ["yes", "depends", "no"]


def test_estimate_labels_always_carry_the_date_they_describe():
    row = {
        "as_of": pd.Timestamp("2024-06-01"),
        "as_of_precision": "month",
        "estimator": "US State Department spokesman Matthew Miller",
    }
    assert L.estimate_label(row).startswith("June 2024 · ")
    long = {
        "as_of": pd.Timestamp("2019-09-01"),
        "as_of_precision": "month",
        "estimator": "US officials cited in the US State Department and Pentagon inspectors general report (via X)",
    }
    # named in full, less only the bracketed qualifier: the figure wraps a long label, it never cuts one
    assert L.estimate_label(long) == (
        "September 2019 · US officials cited in the US State Department and Pentagon inspectors general report"
    )


T = pd.Timestamp


def _estimates(*rows) -> pd.DataFrame:
    base = {
        "chapter": "libya", "unit": "people", "subject": "Russians in Libya", "as_of_precision": "month",
        "period_start": pd.NaT, "value_low": float("nan"), "value_best": float("nan"), "value_high": float("nan"),
        "measure": float("nan"), "status": "reported", "method": "not stated", "source_ids": "s1",
    }  # fmt: skip
    return pd.DataFrame([base | r for r in rows])


MADE_UP = _estimates(
    {"estimate_id": "a", "actor_id": "wagner_group", "as_of": T("2024-01-01"), "estimator": "Alpha", "value_best": 800.0},
    {"estimate_id": "b", "actor_id": "russia", "as_of": T("2024-05-01"), "estimator": "Beta", "value_best": 1500.0,
     "measure": "arrivals"},
    {"estimate_id": "c", "actor_id": "russia", "as_of": T("2024-05-01"), "estimator": "Gamma", "value_low": 800.0,
     "value_high": 1800.0, "measure": "change", "period_start": T("2024-02-01"), "subject": "troops rose"},
    {"estimate_id": "d", "actor_id": float("nan"), "as_of": T("2022-04-01"), "estimator": "Delta", "value_best": 5000.0},
)  # fmt: skip


def test_only_estimates_of_people_present_are_counted_as_present():
    rows = L.personnel(MADE_UP)
    # the arrivals (b) and the change (c) are not numbers present: of the four, a and d are
    assert sorted(L.present(rows)["estimate_id"]) == ["a", "d"]
    assert rows.set_index("estimate_id").loc["c", "label"] == "May 2024 · Gamma (change since February 2024)"


def test_an_estimate_whose_sources_name_no_force_is_not_drawn_as_anyones():
    rows = L.personnel(MADE_UP).set_index("estimate_id")
    assert rows.loc["d", "force"] == "Mercenaries, nationality not given"
    assert rows.loc["a", "force"] == "Wagner"


def test_a_change_is_drawn_as_two_dated_points_not_as_a_range():
    rows = L.personnel(MADE_UP)
    c = rows.set_index("estimate_id").loc["c"]
    assert L.change_ends(c) == (("February 2024", 800.0), ("May 2024", 1800.0))
    fall = c.copy()
    fall["subject"] = "troops fell"
    assert L.change_ends(fall) == (("February 2024", 1800.0), ("May 2024", 800.0))
    fig = L.personnel_figure(rows)
    y = {t: y for t, y in zip(fig.data[0].text, fig.data[0].y)}
    row_y = y["May 2024 · Gamma (change since February 2024)"] - 0.42
    on_row = [t for t in fig.data[1:] if t.y is not None and any(v is not None and abs(v - row_y) < 1e-9 for v in t.y)]
    # no bar (a line trace) on the change's row: two marks, open at the start and filled at the end
    assert [t.mode for t in on_row] == ["markers+text"]
    assert list(on_row[0].x) == [800.0, 1800.0] and list(on_row[0].marker.color)[0] == "white"
    assert list(on_row[0].text) == ["800  ", "  1,800"]  # their dates are in the row's label
    assert len(fig.layout.annotations) == 1 and fig.layout.annotations[0].ax == 800.0


# ------------------------------------------------------------------ the chapter's data


def test_every_estimate_names_its_estimator_and_its_date(data):
    est = data["estimates"][data["estimates"]["chapter"] == "libya"]
    assert len(est) >= 10
    assert est["estimator"].str.strip().str.len().gt(3).all()
    assert est["as_of"].notna().all() and est["as_of_precision"].notna().all()


def test_no_estimate_is_shown_without_its_date(data):
    """The personnel figure labels every estimate with the date it describes, so none reads as current."""
    rows = L.personnel(data["estimates"])
    fig = L.personnel_figure(rows)
    labels = {text.replace("<br>", " ") for t in fig.data if t.mode == "text" and t.text is not None for text in t.text}
    assert {html(label) for label in rows["label"]} <= labels  # every row is written on the chart, wrapped, never cut
    for label, as_of, precision in zip(rows["label"], rows["as_of"], rows["as_of_precision"]):
        assert label.startswith(with_precision(as_of, precision)), label


def test_every_libyan_site_lies_inside_libya_on_the_map_shapes(data):
    sites = L.chapter_sites(data["sites"], data["places"])
    assert len(sites) >= 8
    outside = [r.place_id for r in sites.itertuples() if not inside(r.lon, r.lat, "Libya")]
    assert not outside, outside
    assert (sites["country"] == "LBY").all()


def test_site_activity_dates_are_ordered_and_precise(data):
    sites = data["sites"]
    dated = sites.dropna(subset=["first_activity", "latest_activity"])
    assert (dated["first_activity"] <= dated["latest_activity"]).all()
    assert sites.loc[sites["first_activity"].notna(), "first_activity_precision"].notna().all()


def test_the_air_bridge_legs_come_from_the_movements(data):
    chains = L.route_chains(data["movements"], data["places"])
    legs = L.air_bridge_legs(chains, data["places"])
    ends = {(a, b) for a, b in zip(legs["from"], legs["to"])}
    for chain in chains:
        for a, b in zip(chain, chain[1:]):
            assert (a, b) in ends or (b, a) in ends
    assert legs["km"].gt(0).all()


def test_every_figure_of_the_chapter_has_data(data):
    places, sites = data["places"], L.chapter_sites(data["sites"], data["places"])
    flights = L.flights_into_libya(data["movements"], places)
    legs = L.air_bridge_legs(L.route_chains(data["movements"], places), places)
    figures = {
        "map": L.site_map_figure(sites, flights, places, ((9, 30), (19, 36))),
        "personnel": L.personnel_figure(L.personnel(data["estimates"])),
        "timeline": L.site_timeline_figure(
            sites, L.russian_activity(sites, data["events"], data["movements"]), data["events"]["date"].max()
        ),
        "bridge": L.air_bridge_figure(legs, places, data["platforms"], ["il_76md", "an_124"]),
    }
    for name, fig in figures.items():
        drawn = [t for t in fig.data if t.x is not None and any(x is not None for x in t.x)]
        assert drawn, name


def test_the_site_map_s_locator_inset_hides_no_site_flight_or_label(data):
    places, sites = data["places"], L.chapter_sites(data["sites"], data["places"])
    fig = L.site_map_figure(sites, L.flights_into_libya(data["movements"], places), places, ((9, 30), (19, 36)))
    assert locator_box(fig) is not None
    assert under_locator(fig) == []


# ------------------------------------------------------------------ Russian activity at each site
# Made-up tables: two sites, and facts by Russia's side and by others at them.
T = pd.Timestamp


def _sites(**first) -> pd.DataFrame:
    rows = pd.DataFrame(
        {
            "place_id": ["base_a", "base_b", "base_c"],
            "label": ["A", "B", "C"],
            "role": ["air base", "port", "airstrip"],
            "first_activity": [pd.NaT, pd.NaT, pd.NaT],
            "first_activity_precision": [pd.NA] * 3,
            "first_activity_status": [pd.NA] * 3,
            "first_activity_claimed_by": [pd.NA] * 3,
            "latest_activity": [pd.NaT, pd.NaT, pd.NaT],
            "latest_activity_precision": [pd.NA] * 3,
            "geo_precision": ["site"] * 3,
        }
    )
    for place, (column, value) in first.items():
        rows.loc[rows["place_id"] == place, column] = value
    return rows


def _events(*rows) -> pd.DataFrame:
    columns = ["event_id", "date", "date_end", "date_precision", "place_id", "actor_id", "other_actor_id", "status"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.assign(
        claimed_by=pd.NA,
        summary="made up",
        source_ids="src",
        date=pd.to_datetime(frame["date"]),
        date_end=pd.to_datetime(frame["date_end"]),
    )


def _moves(*rows) -> pd.DataFrame:
    columns = ["movement_id", "date", "origin_place_id", "via_place_ids", "destination_place_id", "actor_id", "asset_type"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.assign(
        date_end=pd.NaT,
        date_precision="day",
        status="reported",
        claimed_by=pd.NA,
        description="made up",
        source_ids="src",
        date=pd.to_datetime(frame["date"]),
    )


def test_only_facts_with_russia_s_side_in_them_count_as_activity_at_a_site():
    events = _events(
        ("ev_belavia", "2025-05-01", None, "month", "base_a", "belarus", "european_union", "reported"),
        ("ev_uae_airbridge", "2025-04-01", None, "month", "base_c", "uae", "rsf", "reported"),
        ("ev_turkish_ship", "2025-08-24", None, "day", "base_b", "saddam_haftar", "turkey", "reported"),
        ("ev_wagner", "2021-01-22", None, "day", "base_a", "wagner_group", None, "reported"),
        ("ev_claim_about_russia", "2020-06-26", None, "day", "base_b", "gna", "russia", "claimed"),
    )
    moves = _moves(
        ("mv_russian_landing", "2024-12-26", "hmeimim", None, "base_a", "russian_armed_forces", "aircraft_flight"),
        ("mv_belarus_landing", "2024-12-08", "minsk", None, "base_c", "belarus", "aircraft_flight"),
        ("mv_after_a_stop", "2019-11-09", "russia", "hmeimim", "base_b", "russian_armed_forces", "aircraft_flight"),
    )
    found = L.russian_activity(_sites(), events, moves)
    assert set(zip(found["fact_id"], found["place_id"])) == {
        ("ev_wagner", "base_a"),
        ("ev_claim_about_russia", "base_b"),
        ("mv_russian_landing", "base_a"),
    }
    # a flight reaching the site only after a stop is not dated there: its date is its first leg's
    act = L.site_activity(_sites(), found).set_index("place_id")
    assert act.loc["base_b", "first_date"] == T("2020-06-26")
    assert bool(act.loc["base_c", "quiet"]) and not act["quiet"].loc[["base_a", "base_b"]].any()


def test_the_site_s_own_first_date_stands_unless_a_record_is_certainly_earlier():
    sites = _sites(base_a=("first_activity", T("2020-01-01")))
    sites.loc[0, ["first_activity_precision", "first_activity_status", "first_activity_claimed_by"]] = ["year", "claimed", "gna"]
    inside = _events(("ev_in_2020", "2020-06-26", None, "day", "base_a", "gna", "russia", "claimed"))
    act = L.site_activity(sites, L.russian_activity(sites, inside)).set_index("place_id")
    assert act.loc["base_a", ["first_date", "first_precision", "first_from"]].tolist() == [T("2020-01-01"), "year", "site"]
    earlier = _events(("ev_2019", "2019-11-09", None, "day", "base_a", "wagner_group", None, "claimed"))
    act = L.site_activity(sites, L.russian_activity(sites, earlier)).set_index("place_id")
    assert act.loc["base_a", ["first_date", "first_from", "first_status"]].tolist() == [T("2019-11-09"), "records", "claimed"]
    # the latest likewise: a fact after the end of the site's latest month replaces it, with its span
    sites.loc[0, ["latest_activity", "latest_activity_precision"]] = [T("2024-11-01"), "month"]
    later = _events(("ev_dec", "2024-12-08", "2024-12-24", "day", "base_a", "russian_armed_forces", None, "claimed"))
    row = L.site_activity(sites, L.russian_activity(sites, later)).set_index("place_id").loc["base_a"]
    assert L.activity_words(row, "latest") == "8–24 December 2024 (claimed), the latest in the report's records"


def test_a_claimed_first_activity_is_shown_as_a_claim_with_who_made_it():
    sites = _sites(base_a=("first_activity", T("2020-01-01")))
    sites.loc[0, ["first_activity_precision", "first_activity_status", "first_activity_claimed_by"]] = ["year", "claimed", "gna"]
    actors = pd.DataFrame({"actor_id": ["gna"], "name": ["Government of National Accord (Tripoli, 2016-2021)"]})
    table = L.sites_table(sites, _events(), _moves(), actors).set_index("Site")
    assert table.loc["A", "First dated Russian activity"] == "2020 (claimed by Government of National Accord)"
    assert table.loc["B", "First dated Russian activity"] == L.QUIET_WORDS == table.loc["B", "Latest"]


# ------------------------------------------------------------------ and on the chapter's data


def _russian_side(fact_id: str, data) -> bool:
    ev = data["events"].set_index("event_id")
    mv = data["movements"].set_index("movement_id")
    if fact_id in ev.index:
        return bool({ev.loc[fact_id, "actor_id"], ev.loc[fact_id, "other_actor_id"]} & L.RUSSIAN_SIDE)
    return mv.loc[fact_id, "actor_id"] in L.RUSSIAN_SIDE


def _timeline(data):
    sites = L.chapter_sites(data["sites"], data["places"])
    activity = L.russian_activity(sites, data["events"], data["movements"])
    return sites, activity, L.site_timeline_figure(sites, activity, data["events"]["date"].max())


def test_russia_s_side_is_russian_bodies_only(data):
    """Every actor the chapter counts as Russia's side is, by the actors table, a Russian body or official."""
    actors = data["actors"].set_index("actor_id")
    assert L.RUSSIAN_SIDE.issubset(actors.index)
    for actor_id in L.RUSSIAN_SIDE:
        words = f"{actors.loc[actor_id, 'name']} {actors.loc[actor_id, 'description']}"
        assert "Russia" in words, actor_id
    # and none of the others at the sites (Belarus's airline, the UAE's airlift, the RSF, the LNA, Turkey)
    assert not L.RUSSIAN_SIDE & {"belarus", "uae", "rsf", "libyan_national_army", "turkey", "saddam_haftar", "european_union"}


def test_no_fact_without_russia_s_side_in_it_is_counted_or_drawn_at_a_site(data):
    sites, activity, fig = _timeline(data)
    assert len(activity) > 0
    assert all(_russian_side(f, data) for f in activity["fact_id"])
    # every event at a site with no Russian-side party is left out, and every Russian-side one is in
    at_sites = data["events"][data["events"]["place_id"].isin(sites["place_id"])]
    russian = {e for e in at_sites["event_id"] if _russian_side(e, data)}
    assert set(activity.loc[activity["kind"] == "event", "fact_id"]) == russian
    assert len(at_sites) > len(russian)  # the test has non-Russian events to leave out
    drawn = [f for t in fig.data if t.mode == "markers" and t.customdata is not None for f in t.customdata]
    assert sorted(drawn) == sorted(activity["fact_id"]) and all(_russian_side(f, data) for f in drawn)


def test_every_site_s_bar_spans_the_facts_drawn_in_its_lane(data):
    sites, activity, fig = _timeline(data)
    bars = {}
    for t in fig.data:
        if t.mode == "lines" and t.customdata is not None:
            start, end = bars.get(t.customdata[0], (T.max, T.min))
            bars[t.customdata[0]] = (min(start, T(t.x[0])), max(end, T(t.x[1])))
    for place, facts in activity.groupby("place_id"):
        assert place in bars, place  # a site with Russian facts has a bar
        start, end = bars[place]
        assert start <= facts["date"].min(), place  # every marker lies on its bar
        # and no fact is certainly later than the bar's end (a span's end known only to its year may run on)
        last = [L.period_start(e, p) for e, p in zip(facts["date_end"].fillna(facts["date"]), facts["date_precision"])]
        assert max(last) <= end, place


def test_the_text_the_table_the_map_and_the_figure_agree_on_the_sites_without_russian_activity(data):
    numbers, shared = L.chapter_numbers(
        all_events=data["events"],
        estimates=data["estimates"],
        events=data["events"].query("chapter == 'libya'").reset_index(drop=True),
        movements=data["movements"],
        places=data["places"],
        platforms=data["platforms"],
        sites_table=data["sites"],
    )
    sites = shared["sites"]
    table = L.sites_table(sites, data["events"], data["movements"])
    in_table = table[(table["First dated Russian activity"] == L.QUIET_WORDS) & (table["Latest"] == L.QUIET_WORDS)]
    fig = L.site_timeline_figure(sites, shared["at_sites"], shared["latest"])
    lanes = set(fig.layout.yaxis.ticktext)
    assert numbers["n_sites_quiet"] == len(in_table) == len(sites) - len(lanes) == int(sites["activity_quiet"].sum())
    assert set(in_table["Site"]).isdisjoint(lanes)
    assert str(numbers["sites_quiet"]) == and_list(in_table["Site"].tolist())
    # the map's hover gives each site the table's first and latest activity
    assert sites["activity_first_words"].tolist() == table["First dated Russian activity"].tolist()


def test_every_dated_first_activity_has_its_status_and_al_khadim_has_one(data):
    sites = data["sites"].set_index("place_id")
    assert pd.notna(sites.loc["al_khadim_air_base", "first_activity"])
    dated = sites[sites["first_activity"].notna()]
    assert dated["first_activity_status"].notna().all()
    assert dated.loc[dated["first_activity_status"] == "claimed", "first_activity_claimed_by"].notna().all()
    table = L.sites_table(L.chapter_sites(data["sites"], data["places"]), data["events"], data["movements"], data["actors"])
    first = dict(zip(L.chapter_sites(data["sites"], data["places"])["place_id"], table["First dated Russian activity"]))
    for place, status in dated["first_activity_status"].items():
        assert f"({status}" in first[place], (place, first[place])  # a claim reads as a claim


def test_the_overflight_dates_are_read_from_the_events():
    """The EU ban and the US requests the WSJ reported are dated
    from the events table, at each one's precision; the report date is the first report's."""
    import csv

    from afterassad.core.paths import data_dir

    with open(data_dir() / "events.csv", newline="", encoding="utf-8") as handle:
        rows = {r["event_id"]: r for r in csv.DictReader(handle)}
    numbers = L.overflight_numbers(load("events"))
    eu = rows[L.OVERFLIGHT_EVENTS["eu_airspace"]]
    assert eu["date_precision"] == "day"
    assert str(numbers["on_eu_airspace"]) == "on " + _long(eu["date"])
    us = rows[L.OVERFLIGHT_EVENTS["us_limits"]]
    assert us["date_precision"] == "year" and str(numbers["on_us_limits"]) == "in " + us["date"][:4]
    assert str(numbers["on_us_limits_reported"]) == "on " + _long(us["date_reported"])


def _long(day: str) -> str:
    from datetime import date

    d = date.fromisoformat(day)
    return f"{d.day} {d:%B %Y}"


# ------------------------------------------------------------------ how a map marks each site


def _marks_case():
    """Three made-up sites: A's own latest date is November 2024 but a record is of 8 December 2024; B's
    latest is dated only to 2024 and its one record is a claim; C has no activity at all."""
    sites = _sites(
        base_a=("latest_activity", T("2024-11-01")),
        base_b=("latest_activity", T("2024-01-01")),
    )
    sites.loc[0, "latest_activity_precision"] = "month"
    sites.loc[1, "latest_activity_precision"] = "year"
    sites.loc[1, ["first_activity", "first_activity_precision", "first_activity_status"]] = [T("2020-01-01"), "year", "claimed"]
    events = _events(
        ("e1", "2024-12-08", None, "day", "base_a", "russia", None, "reported"),
        ("e2", "2022-06-01", None, "month", "base_b", "wagner_group", None, "reported"),
    )
    events.loc[1, "source_ids"] = "low1;low2"  # a fact whose sources are all graded low is shown as a claim
    sources = pd.DataFrame({"source_id": ["src", "low1", "low2", "high1"], "reliability": ["medium", "low", "low", "high"]})
    evidence = pd.DataFrame(
        {
            "fact_table": ["sites"],
            "fact_id": ["base_b"],
            "fields": ["role;latest_activity"],
            "source_id": ["low1"],
            "stance": ["states"],
        }
    )
    return sites, L.russian_activity(sites, events), sources, evidence


def test_a_site_is_marked_by_when_its_latest_activity_is_dated_and_whether_it_rests_on_claims():
    sites, activity, sources, evidence = _marks_case()
    marks = L.site_marks(sites, activity, sources, evidence).set_index("place_id")
    # A: the record of 8 December 2024 is later than the site's November: from December 2024 on, and reported
    assert (marks.loc["base_a", "since"], marks.loc["base_a", "claims_only"]) == ("recent", False)
    # B: "2024" may be December, but its first day is not: before, and said to straddle; its first activity is
    # claimed, its record rests only on low-graded pages, and so does its own latest date: claims only
    assert (marks.loc["base_b", "since"], marks.loc["base_b", "straddles"], marks.loc["base_b", "claims_only"]) == (
        "earlier",
        True,
        True,
    )
    assert (marks.loc["base_c", "since"], marks.loc["base_c", "claims_only"]) == ("none", False)
    # the legend says that a date known only to 2024 is counted before December 2024
    assert L.since_legend(marks.reset_index())["earlier"] == "Latest Russian activity before December 2024, or dated only to 2024"
    # one source graded above low backing B's own latest date, and B no longer rests only on claims
    stronger = evidence.assign(source_id="high1")
    sources_b = sources
    sites_b = sites.assign(source_ids="high1")
    marks = L.site_marks(sites_b, activity, sources_b, stronger).set_index("place_id")
    assert not marks.loc["base_b", "claims_only"]


def test_the_site_map_fills_each_site_by_its_marks_and_crosses_those_resting_on_claims(data):
    places = data["places"]
    sites = L.chapter_sites(data["sites"], places)
    activity = L.russian_activity(sites, data["events"], data["movements"])
    marks = L.site_marks(sites, activity, load("sources"), load("evidence"))
    fig = L.site_map_figure(
        sites.merge(marks, on="place_id"), L.flights_into_libya(data["movements"], places), places, ((9, 30), (19, 36))
    )
    drawn = {}
    for t in fig.data:
        if t.ids is not None:
            drawn |= {i: c for i, c in zip(t.ids, t.marker.color)}
    assert drawn == {r.place_id: L.SINCE_FILL[r.since] for r in marks.itertuples()}
    crosses = [t for t in fig.data if t.marker is not None and t.marker.symbol == "x-thin-open" and t.x[0] is not None]
    crossed = marks[marks["claims_only"]]
    assert len(crosses) == (1 if len(crossed) else 0)
    # Sirte's latest activity is of 2021 and Sokna's of 2022: neither is drawn as active since the fall
    assert set(marks.set_index("place_id").loc[["sirte", "sokna"], "since"]) == {"earlier"}
    names = {t.name for t in fig.data if t.showlegend is not False and t.x == (None,)}
    assert "Flights within Libya" in names  # the grey line from al-Khadim to al-Jufra is keyed


def test_no_site_marker_or_name_hides_another_on_the_site_map_on_a_phone(data):
    from afterassad.figures.labels import LabelPlacer, _overlap

    places = data["places"]
    sites = L.chapter_sites(data["sites"], places)
    window = ((9, 30), (19, 36))
    fig = L.site_map_figure(sites, L.flights_into_libya(data["movements"], places), places, window)
    placer = LabelPlacer.for_map(window)
    points = [
        (x, y, text, pos) for t in fig.data if t.ids is not None for x, y, text, pos in zip(t.x, t.y, t.text, t.textposition)
    ]
    centres = [placer._xy(x, y) for x, y, _, _ in points]
    size = L.SITE_MARKER_PX + 1.5
    for i, a in enumerate(centres):
        assert all(math.dist(a, b) >= size for b in centres[i + 1 :]), points[i]
    boxes = [placer.box(x, y, text, pos, L.SITE_MARKER_PX) for x, y, text, pos in points if text]
    for i, a in enumerate(boxes):
        assert not any(_overlap(a, b) for b in boxes[i + 1 :])
        for (cx, cy), (x, y, text, pos) in zip(centres, points):
            half = size / 2
            own = placer.box(x, y, text, pos, L.SITE_MARKER_PX) == a if text else False
            assert own or not _overlap(a, (cx - half, cy - half, cx + half, cy + half))
    assert {"Sirte", "Al-Qardabiya"} <= {text for _, _, text, _ in points}


def test_the_air_bridge_s_print_version_names_every_leg_in_print_sized_text(data):
    places = data["places"]
    legs = L.air_bridge_legs(L.route_chains(data["movements"], places), places)
    web = L.air_bridge_figure(legs, places, data["platforms"], ["il_76md", "an_124"])
    printed = L.air_bridge_figure(legs, places, data["platforms"], ["il_76md", "an_124"], for_print=True)
    web_labels = [t for t in web.data if t.type == "scatter" and t.mode == "text"][0].text
    # the same names, beside the bars in print, above them on the web
    assert list(printed.layout.yaxis.ticktext) == list(web_labels)
    assert not [t for t in printed.data if t.type == "scatter" and t.mode == "text"]
    # a stand-in end is said once to be unnamed, never twice
    assert not [t for t in web_labels if "not named) (airfield not named)" in t]
    # 10 px text on a 900 px image across a 6.5 in page prints at about 5 pt; the print version's smallest is 13 px
    assert printed.layout.yaxis.tickfont.size >= 13 and printed.layout.xaxis.tickfont.size >= 13
    assert all(t.textfont.size >= 13 for t in printed.data if t.type == "bar")
    # every row at least PRINT_ROW_PX tall: a 14 px name (about 18 px with its line gap) fits beside its bar
    assert printed.layout.height >= L.PRINT_ROW_PX * len(web_labels) and 1.3 * L.PRINT_TEXT["label"] <= L.PRINT_ROW_PX


def test_show_draws_the_print_version_into_the_static_image_at_its_own_height():
    import plotly.graph_objects as go

    from afterassad.figures.render import show

    web, printed = go.Figure(), go.Figure()
    printed.update_layout(height=900)
    shown = show(web, name="fig-x", alt="a chart", note="Data: test.", height=500, static=printed)
    assert (shown.height, shown.static_height) == (500, 900) and shown.static is printed


def test_a_site_active_since_the_fall_only_by_claims_is_crossed_whatever_its_older_record():
    sites, _, sources, evidence = _marks_case()
    # base_a: a reported record of June 2023 and, since the fall, one record resting only on low-graded pages
    events = _events(
        ("e1", "2024-12-08", None, "day", "base_a", "russia", None, "reported"),
        ("e3", "2023-06-01", None, "month", "base_a", "russia", None, "reported"),
    )
    events.loc[0, "source_ids"] = "low1"
    marks = L.site_marks(sites, L.russian_activity(sites, events), sources, evidence).set_index("place_id")
    assert (marks.loc["base_a", "since"], marks.loc["base_a", "claims_only"]) == ("recent", True)

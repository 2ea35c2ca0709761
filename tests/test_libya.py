"""The Libya chapter: its analysis on made-up tables with hand-computed answers, and its data
against the rules the chapter promises: estimates named and dated, sites inside Libya."""

from __future__ import annotations

import pandas as pd
import pytest

from afterassad import load
from afterassad.chapters import libya as L
from afterassad.core.dates import with_precision
from afterassad.core.text import html
from afterassad.figures.basemap import inside
from afterassad.figures.render import locator_box, under_locator


@pytest.fixture(scope="module")
def data():
    return {name: load(name) for name in ("sites", "places", "estimates", "events", "movements", "platforms")}


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
        "estimator": "US officials cited in the DoD/State Lead Inspector General report",
    }
    label = L.estimate_label(long)
    assert label.endswith("…") and not label[:-1].endswith(" ")  # cut at a word, not mid-word


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
    labels = {text for t in fig.data if t.mode == "text" and t.text is not None for text in t.text}
    assert {html(label) for label in rows["label"]} <= labels  # every row is written on the chart with its label
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
        "timeline": L.site_timeline_figure(sites, L.site_events(data["events"], sites), data["events"]["date"].max()),
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

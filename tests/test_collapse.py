"""The collapse chapter's analysis, checked against independent computations."""

from __future__ import annotations

import math

import pytest

from afterassad import load
from afterassad.chapters.collapse import (
    MAP_LABELS,
    changes_of_control,
    map_figure,
    offensive_start,
    pace_figure,
    split_context,
    timeline_figure,
)
from afterassad.core.geo import distance_km
from afterassad.figures.render import locator_box, under_locator


@pytest.fixture(scope="module")
def tables():
    events = load("events").query("chapter == 'collapse'")
    return events, load("places"), load("actors")


def haversine_km(lat1, lon1, lat2, lon2, radius=6371.0088):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(a))


def test_geodesic_distance_agrees_with_a_spherical_estimate(tables):
    _, places, _ = tables
    p = places.set_index("place_id")
    for a, b in [("atarib", "damascus"), ("aleppo", "deir_ez_zor"), ("daraa", "latakia")]:
        ellipsoid = distance_km(p.loc[a, "lat"], p.loc[a, "lon"], p.loc[b, "lat"], p.loc[b, "lon"])
        sphere = haversine_km(p.loc[a, "lat"], p.loc[a, "lon"], p.loc[b, "lat"], p.loc[b, "lon"])
        assert abs(ellipsoid - sphere) / sphere < 0.005  # the ellipsoid differs from a sphere by <0.5 %
    assert distance_km(33.5, 36.3, 33.5, 36.3) == 0


def test_changes_count_each_place_once_from_its_first_change(tables):
    events, places, actors = tables
    changes = changes_of_control(events, places, actors)
    assert not changes.empty
    assert changes["place_id"].is_unique
    raw = events[(events["event_type"] == "control_change") & events["place_id"].notna()]
    first = raw.groupby("place_id")["date"].min()
    assert (changes.set_index("place_id")["date"] == first.loc[changes["place_id"]]).all()
    start = offensive_start(events)["date"]
    assert (changes["day"] == (changes["date"] - start).dt.days).all()
    assert (changes["day"] >= 0).all() and (changes["distance_km"] >= 0).all()


def test_every_figure_has_data(tables):
    events, places, actors = tables
    changes = changes_of_control(events, places, actors)
    start = offensive_start(events)
    for fig in (timeline_figure(events, actors), map_figure(changes, places, start, []), pace_figure(changes, start, [])):
        points = sum(
            sum(x is not None for x in (trace.x if trace.x is not None else ()))
            for trace in fig.data
            if trace.mode and "markers" in trace.mode
        )
        assert points > 0
    timeline = timeline_figure(events, actors)
    plotted = [(x, y) for t in timeline.data if t.mode == "markers" and t.showlegend is False for x, y in zip(t.x, t.y)]
    assert len(plotted) == len(events)  # every event is on the timeline
    assert len(set(plotted)) == len(plotted)  # and none sits on top of another


def test_the_map_s_locator_inset_hides_no_place_and_no_label(tables):
    """The map as the chapter draws it: no marker, and no label's anchor, under its inset."""
    events, places, actors = tables
    offensive, _ = split_context(events)
    changes = changes_of_control(offensive, places, actors)
    fig = map_figure(changes, places, offensive_start(offensive), MAP_LABELS)
    assert locator_box(fig) is not None
    assert under_locator(fig) == []

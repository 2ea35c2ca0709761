"""The collapse chapter's analysis, checked against independent computations."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from afterassad import load
from afterassad.chapters.collapse import (
    MAP_LABELS,
    changes_of_control,
    distance_words,
    map_figure,
    measured_from_start,
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
    assert (changes["day"] >= 0).all() and (changes["distance_km"].dropna() >= 0).all()


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


def _lab(hex_colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour, written out here to measure how far apart two colours look."""
    rgb = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    fx, fy, fz = [v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116 for v in xyz]
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def test_every_actor_the_timeline_draws_has_a_colour_of_its_own(tables):
    """The legend keys actors by colour: no two actors it names may share one, or look alike (CIE76
    distance under 10), and every marker is in its actor's colour."""
    events, _, actors = tables
    offensive, _ = split_context(events)
    fig = timeline_figure(offensive, actors)
    keys = {t.legendgroup: t.marker.color for t in fig.data if t.showlegend is not False and t.legendgroup}
    assert len(keys) == offensive["actor_id"].nunique()  # one legend entry per actor drawn
    colours = list(keys.values())
    assert len({c.upper() for c in colours}) == len(colours), keys
    for i, a in enumerate(colours):
        for b in colours[i + 1 :]:
            assert math.dist(_lab(a), _lab(b)) >= 10, (a, b)
    for t in fig.data:
        if t.showlegend is False and t.mode == "markers":
            assert t.marker.color == keys[t.legendgroup]


def _constructed():
    """A launch by force A at (0, 0) on 1 Jan; on 3 Jan A takes a place one degree east on the equator, fighters
    no source names take one two degrees east, and force B, from a line of its own, one three degrees east."""
    day = pd.Timestamp
    events = pd.DataFrame(
        {
            "event_id": ["e0", "e1", "e2", "e3"],
            "event_type": ["offensive_launch", "control_change", "control_change", "control_change"],
            "actor_id": ["a", "a", "syrian_armed_opposition", "b"],
            "place_id": ["p0", "p1", "p2", "p3"],
            "date": [day("2024-01-01"), day("2024-01-03"), day("2024-01-03"), day("2024-01-03")],
        }
    )
    places = pd.DataFrame(
        {
            "place_id": ["p0", "p1", "p2", "p3"],
            "name": ["Zero", "One", "Two", "Three"],
            "lat": [0.0, 0.0, 0.0, 0.0],
            "lon": [0.0, 1.0, 2.0, 3.0],
            "place_type": ["town"] * 4,
            "geo_precision": ["settlement"] * 4,
        }
    )
    actors = pd.DataFrame({"actor_id": ["a", "syrian_armed_opposition", "b"], "name": ["A", "Unnamed", "B"]})
    return events, places, actors


def test_a_distance_from_the_start_line_is_given_only_for_the_forces_that_set_out_from_it():
    events, places, actors = _constructed()
    start = offensive_start(events)
    assert list(measured_from_start(pd.Series(["a", "syrian_armed_opposition", "b"]), start)) == [True, True, False]
    assert list(measured_from_start(pd.Series(["a", "syrian_armed_opposition"]), start, same_front=())) == [True, False]
    changes = changes_of_control(events, places, actors).set_index("place_id")
    # a degree of longitude on the equator is 2 pi a / 360 on the WGS84 ellipsoid (a = 6378.137 km): 111.32 km
    assert changes.loc["p1", "distance_km"] == pytest.approx(111.32, abs=0.01)
    assert changes.loc["p2", "distance_km"] == pytest.approx(222.64, abs=0.02)
    assert pd.isna(changes.loc["p3", "distance_km"])  # force B set out from its own line
    assert list(changes["from_start_line"]) == [True, True, False]
    assert list(changes["day"]) == [2, 2, 2]


def test_the_table_writes_another_front_where_there_is_no_distance():
    assert distance_words(111.32) == 111
    assert distance_words(float("nan")) == "—, another front"


def test_the_pace_chart_draws_only_distances_from_the_start_line_and_lists_the_other_fronts_by_day():
    events, places, actors = _constructed()
    changes = changes_of_control(events, places, actors)
    fig = pace_figure(changes, offensive_start(events), ["p1", "p2", "p3"])
    on_distance_axis = [t for t in fig.data if t.yaxis in (None, "y") and t.mode and "markers" in t.mode]
    drawn = sorted(y for t in on_distance_axis for y in t.y)
    assert drawn == pytest.approx([111.32, 222.64], abs=0.02)  # force B's place is not on the distance axis
    others = [t for t in fig.data if t.yaxis == "y2" and t.mode == "markers"]
    assert len(others) == 1 and list(others[0].x) == [2]  # it is below, by its day alone
    names = [x for t in fig.data if t.yaxis == "y2" and t.mode == "text" for x in t.text]
    assert names == ["Three, 3 Jan (B)"]
    step = next(t for t in fig.data if t.mode == "lines")
    # the step follows the whole front that set out from the start line: on 3 Jan the unnamed fighters' place (two
    # degrees east) is the furthest on it; force B's (three degrees east) is not on that front
    assert list(step.y) == pytest.approx([222.64], abs=0.01)


def test_the_three_greens_of_the_coalition_the_unnamed_opposition_and_the_caretaker_government_look_apart():
    from afterassad.figures import style

    trio = [style.actor_colour(a) for a in ("hts_coalition", "syrian_armed_opposition", "transitional_government")]
    for i, a in enumerate(trio):
        for b in trio[i + 1 :]:
            assert math.dist(_lab(a), _lab(b)) >= 30, (a, b)

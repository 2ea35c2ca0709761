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

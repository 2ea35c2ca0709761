"""Map furniture (country names, capitals) and the rule that no name on a map hides another or a place."""

from __future__ import annotations

import math

import plotly.graph_objects as go
import pytest

from afterassad import load
from afterassad.chapters import collapse
from afterassad.chapters import libya as L
from afterassad.figures import basemap, render
from afterassad.figures.labels import LabelPlacer, _overlap


def _drawn(fig: go.Figure):
    """Every point of the map's own traces (not the inset's, not the country shapes or lines): its
    marker size (0 for text alone) and its text and text position."""
    for t in fig.data:
        if t.xaxis not in (None, "x") or t.fill == "toself" or not t.mode or t.mode == "lines" or t.x is None:
            continue
        n = len(t.x)
        texts = list(t.text) if isinstance(t.text, (list, tuple)) else [t.text or ""] * n
        pos = list(t.textposition) if isinstance(t.textposition, (list, tuple)) else [t.textposition or "middle center"] * n
        size = t.marker.size if "markers" in t.mode else 0
        sizes = list(size) if isinstance(size, (list, tuple)) else [size or 0] * n
        for x, y, text, p, s in zip(t.x, t.y, texts, pos, sizes):
            if x is not None:
                yield x, y, text if "text" in t.mode else "", p, s


def assert_no_name_hides_another(fig: go.Figure, window) -> None:
    placer = LabelPlacer.for_map(window)
    points = list(_drawn(fig))
    marks = [(placer._xy(x, y), s) for x, y, _, _, s in points if s]
    named = [(placer.box(x, y, text, p, s), placer._xy(x, y)) for x, y, text, p, s in points if text]
    for i, (a, anchor) in enumerate(named):
        for b, _ in named[i + 1 :]:
            assert not _overlap(a, b), (a, b)
        for (cx, cy), s in marks:
            if (cx, cy) == anchor:
                continue
            half = s / 2
            assert not _overlap(a, (cx - half, cy - half, cx + half, cy + half)), (a, (cx, cy))


@pytest.fixture(scope="module")
def collapse_map():
    events = load("events").query("chapter == 'collapse'").reset_index(drop=True)
    offensive, _ = collapse.split_context(events)
    places, actors = load("places"), load("actors")
    changes = collapse.changes_of_control(offensive, places, actors)
    return collapse.map_figure(changes, places, collapse.offensive_start(offensive), collapse.MAP_LABELS)


@pytest.fixture(scope="module")
def libya_map():
    places = load("places")
    sites = L.chapter_sites(load("sites"), places)
    return L.site_map_figure(sites, L.flights_into_libya(load("movements"), places), places, ((9, 30), (19, 36)))


def _texts(fig, meta):
    return [x for t in fig.data if t.meta == meta for x in t.text]


def test_no_name_hides_another_or_a_place_on_the_collapse_map_on_a_phone(collapse_map):
    assert_no_name_hides_another(collapse_map, collapse.MAP_WINDOW)


def test_no_name_hides_another_or_a_place_on_the_libya_map_on_a_phone(libya_map):
    assert_no_name_hides_another(libya_map, ((9, 30), (19, 36)))


def test_the_maps_name_their_countries_and_libya_s_capital(collapse_map, libya_map):
    assert {"SYRIA", "TÜRKIYE", "LEBANON", "IRAQ", "JORDAN"} <= set(_texts(collapse_map, "country names"))
    assert {"LIBYA", "EGYPT"} <= set(_texts(libya_map, "country names"))
    assert _texts(libya_map, "capital") == ["Tripoli"]
    labels = {x for t in collapse_map.data if t.meta is None and t.text for x in t.text if x}
    assert any(x.startswith("Damascus") for x in labels) and any(x.startswith("Homs") for x in labels)
    assert any(x.startswith("Deir ez-Zor") for x in labels)


def test_each_country_name_sits_inside_its_country_clear_of_the_scale_bar(collapse_map, libya_map):
    names = {
        v.upper(): k
        for k, v in {**{c: c for c in ("Syria", "Lebanon", "Iraq", "Jordan", "Libya", "Egypt")}, "Turkey": "Türkiye"}.items()
    }
    for fig, window in ((collapse_map, collapse.MAP_WINDOW), (libya_map, ((9, 30), (19, 36)))):
        west, south, east, north = render.scale_bar_area(window, LabelPlacer.for_map(window).sx)
        for t in fig.data:
            if t.meta != "country names":
                continue
            for x, y, text in zip(t.x, t.y, t.text):
                if text in names:
                    assert basemap.inside(x, y, names[text]), text
                assert not (west <= x <= east and south <= y <= north), text


def test_label_points_start_at_the_most_interior_point_of_a_square_country(monkeypatch):
    """A square country 4 degrees a side at the equator, alone on a map of 10 by 10 degrees centred on the
    equator (so a degree of latitude is drawn as tall as one of longitude): its most interior grid point is
    the grid point nearest its centre (2, 2), and every point lies inside it."""
    square = ((0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0))
    monkeypatch.setattr(basemap, "country_rings", lambda name="countries-50m.json": (("Squareland", square),))
    points = render.label_points("Squareland", ((-3.0, 7.0), (-5.0, 5.0)))
    x, y = points[0]
    # the grid runs from the ring's corner in steps of 10/28 degrees, from half a step in: its points
    # nearest 2 lie 5.5 steps in (1.96 degrees), so the first point is (1.96, 1.96)
    assert x == pytest.approx(5.5 * 10 / 28, abs=1e-3) and y == pytest.approx(5.5 * 10 / 28, abs=1e-3)
    assert all(0 < px < 4 and 0 < py < 4 for px, py in points)
    assert render.label_points("Nowhere", ((-3.0, 7.0), (-5.0, 5.0))) == []


def test_a_country_name_with_no_room_is_left_off_and_one_with_room_is_written(monkeypatch):
    square = ((0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0))
    monkeypatch.setattr(basemap, "country_rings", lambda name="countries-50m.json": (("Squareland", square),))
    window = ((-3.0, 7.0), (-3.0, 7.0))
    fig = go.Figure()
    assert render.add_country_names(fig, window, LabelPlacer.for_map(window), ["Squareland"]) == {"Squareland": "Squareland"}
    crowded = LabelPlacer.for_map(window)
    crowded.block(0, 0, 4, 4)  # a place's name over the whole country
    assert render.add_country_names(go.Figure(), window, crowded, ["Squareland"]) == {}


def test_the_two_flight_colours_are_different_hues():
    from test_collapse import _lab

    syria, russia = L.SOURCE_COLOURS["SYR"], L.SOURCE_COLOURS["RUS"]
    assert math.dist(_lab(syria), _lab(russia)) >= 40

"""One figure style; figures carry alt text, a source line, and need no network."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import pytest

from afterassad import load
from afterassad.figures import basemap, style
from afterassad.figures.render import (
    LOCATOR_CORNERS,
    PLOTLY_BUNDLE,
    add_source_note,
    base_map,
    bundle_trace_types,
    locator_box,
    locator_context,
    show,
    source_line,
    trace_types_in_html,
    under_locator,
)


def test_every_actor_in_the_data_has_its_own_colour():
    actors = load("actors")["actor_id"]
    missing = sorted(set(actors) - set(style.ACTOR_COLOURS))
    assert not missing, f"actors without a colour in style.ACTOR_COLOURS: {missing}"


def test_no_two_actors_share_a_colour():
    """A figure coloured by actor tells apart every actor it draws only if no colour serves two."""
    by_colour: dict[str, list[str]] = {}
    for actor, colour in style.ACTOR_COLOURS.items():
        by_colour.setdefault(colour.upper(), []).append(actor)
    shared = {c: a for c, a in by_colour.items() if len(a) > 1}
    assert not shared, f"actors sharing a colour: {shared}"
    assert style.OTHER.upper() not in by_colour  # nor with the colour of an actor the table lacks


@pytest.mark.parametrize("top", [0, 0.4, 1, 1.25, 2, 3, 4.9, 5, 6, 7.5, 9, 11, 17, 33, 99, 250, 1234, 98765])
def test_count_ticks_are_whole_distinct_few_and_reach_the_top(top):
    ticks = style.count_ticks(top)
    labels = [f"{t:,d}" for t in ticks]  # as an axis of counts prints them (tickformat ",d")
    assert len(set(labels)) == len(labels)  # no "0, 1, 1"
    assert ticks[0] == 0 and all(isinstance(t, int) for t in ticks) and len(ticks) <= 5
    assert ticks[-1] <= top < ticks[-1] + (ticks[1] - ticks[0] if len(ticks) > 1 else 1)


def test_every_verdict_has_a_colour_and_a_label():
    from afterassad.data.contract import read_package

    claims = next(r for r in read_package()["resources"] if r["name"] == "claims")
    verdicts = next(f for f in claims["schema"]["fields"] if f["name"] == "verdict")["constraints"]["enum"]
    assert set(verdicts) == set(style.VERDICT_COLOURS) == set(style.VERDICT_LABELS)


def test_figure_html_needs_no_library_download_and_has_alt_text(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "")
    monkeypatch.setattr("afterassad.figures.render._png", lambda *a: None)
    fig = show(go.Figure(go.Bar(x=[1], y=[2])), name="fig-test", alt="A bar of height 2", note="Data: test.")
    bundle, _ = fig._repr_mimebundle_()
    html = bundle["text/html"]
    # The alt text names the figure's group through a visually hidden paragraph; no role="img",
    # which would hide the plot's own controls (nested-interactive).
    assert 'role="group" aria-labelledby="fig-test-alt"' in html
    assert '<p class="aa-figure-alt" id="fig-test-alt">A bar of height 2</p>' in html
    assert 'role="img"' not in html
    assert "cdn" not in html.lower() and "<script src" not in html
    assert '"showSendToCloud": false' in html  # no button that uploads the chart
    assert 'id="fig-test-plot"' in html  # deterministic id, distinct from the figure's label
    assert "Data: test." in html


def test_alt_text_and_a_source_line_are_required():
    with pytest.raises(ValueError):
        show(go.Figure(), name="fig-x", alt="  ", note="n")
    with pytest.raises(ValueError):
        show(go.Figure(), name="fig-x", alt="a bar", note=" ")


def test_the_static_image_carries_the_source_line_and_the_web_figure_shows_it_as_text(monkeypatch):
    seen = {}

    def fake_png(fig, width, height):
        seen["annotations"] = [a.text for a in fig.layout.annotations]
        return b"png"

    monkeypatch.setattr("afterassad.figures.render._png", fake_png)
    fig = go.Figure(go.Bar(x=[1], y=[2]))
    bundle, _ = show(fig, name="fig-test", alt="A bar", note="Data: test & co.")._repr_mimebundle_()
    assert seen["annotations"] == ["Data: test &amp; co."]  # drawn into the image for the PDF
    assert '<p class="aa-figure-source">Data: test &amp; co.</p>' in bundle["text/html"]  # text under the web plot
    assert not fig.layout.annotations  # the interactive figure itself has no drawn note


def test_the_source_note_goes_under_a_note_the_figure_already_writes_under_its_plot():
    """A figure that lists under its plot what it does not show (two lines of 10 px type, hanging 62 px
    below the plot) gets its source note under that list, not on top of it: 62 + 2 lines x 13 px = 88 px,
    plus a 6 px gap, so the note hangs 94 px down; its one line (15 px) and 12 px of air below need a
    121 px margin, more than the figure's own 110."""
    fig = go.Figure(go.Bar(x=[1], y=[2]))
    fig.add_annotation(text="Not shown:<br>A and B", xref="paper", yref="paper", x=0, y=0, yshift=-62, font=dict(size=10))
    fig.update_layout(margin=dict(b=110))
    add_source_note(fig, "Data: test.")
    note = fig.layout.annotations[-1]
    assert note.text == "Data: test." and note.yshift == -94
    assert fig.layout.margin.b == 121
    # with nothing under the plot, the note sits just below the axis title (58 px) and the margin holds
    # it (58 + 12 + 15 = 85 px); a figure's own larger margin is kept
    plain = add_source_note(go.Figure(go.Bar(x=[1], y=[2])), "Data: test.")
    assert plain.layout.annotations[0].yshift == -58 and plain.layout.margin.b == 85
    roomy = add_source_note(go.Figure(go.Bar(x=[1], y=[2]), layout=dict(margin=dict(b=200))), "Data: test.")
    assert roomy.layout.annotations[0].yshift == -58 and roomy.layout.margin.b == 200


def test_source_line_names_the_original_outlet_of_syndicated_copies():
    sources = pd.DataFrame({"source_id": ["a", "b"], "publisher": ["Yahoo News", "AP"], "original_publisher": ["Reuters", pd.NA]})
    line = source_line(["a;b", "a"], sources, ["events"])
    assert line == "Data: After Assad (2 sources: Reuters (via Yahoo News); AP)."


def test_basemap_decodes_known_geography():
    """Damascus lies inside Syria's outline, Beirut outside it (point-in-polygon on decoded rings)."""
    rings = [ring for name, ring in basemap.country_rings() if name == "Syria"]
    assert rings

    def inside(lon, lat):
        hits = 0
        for ring in rings:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                    hits += 1
        return hits % 2 == 1

    places = load("places").set_index("place_id")
    damascus = places.loc["damascus"]
    assert inside(damascus["lon"], damascus["lat"])
    assert not inside(34.0, 34.0)  # open sea, west of the Syrian coast


def test_base_map_keeps_the_requested_window():
    fig = base_map((35.0, 42.5), (32.0, 37.5), focus=["Syria"])
    assert list(fig.layout.xaxis.range) == [35.0, 42.5]
    assert len(fig.data) > 3


SYRIA = ((35.3, 42.6), (32.1, 37.4))


def _inset(fig: go.Figure) -> list:
    return [t for t in fig.data if t.xaxis == "x2"]


def test_base_map_draws_its_locator_inset_on_a_second_pair_of_hidden_fixed_axes():
    fig = base_map(*SYRIA, focus=["Syria"], locator="top right")
    inset = _inset(fig)
    assert inset and all(t.yaxis == "y2" for t in inset)
    # nothing to hover, click or toggle in the legend
    assert all(t.hoverinfo == "skip" and t.showlegend is False for t in inset)
    for axis, over in ((fig.layout.xaxis2, "x"), (fig.layout.yaxis2, "y")):
        assert axis.visible is False and axis.fixedrange is True  # no degree axes; a zoom of the map leaves it be
        assert axis.overlaying == over and axis.constrain == "domain"
    # the main map's own traces stay on the main axes
    assert all(t.xaxis in (None, "x") for t in fig.data if t not in inset)
    assert not _inset(base_map(*SYRIA, locator=None)) and locator_box(base_map(*SYRIA, locator=None)) is None


def test_the_inset_marks_the_main_window_and_shows_the_wider_region_around_it():
    fig = base_map(*SYRIA, locator="top right")
    (lon0, lon1), (lat0, lat1) = SYRIA
    corners = {(lon0, lat0), (lon1, lat0), (lon1, lat1), (lon0, lat1)}
    rectangles = [t for t in _inset(fig) if len(t.x) == 5 and set(zip(t.x, t.y)) == corners]
    assert len(rectangles) == 1 and rectangles[0].fill != "toself"  # drawn, not filled
    xs = [x for t in _inset(fig) for x in t.x if x is not None]
    ys = [y for t in _inset(fig) for y in t.y if y is not None]
    assert min(xs) < lon0 - 5 and max(xs) > lon1 + 5 and min(ys) < lat0 - 5 and max(ys) > lat1 + 5
    # land of the wider region: Turkey and Egypt lie outside the window, so their shapes must be in the inset
    land = [t for t in _inset(fig) if t.fill == "toself" and t.line.width]
    assert sum(x is None for t in land for x in t.x) > 10  # many rings, one trace per fill colour


def test_the_inset_is_true_to_shape_and_shrinks_with_the_map_at_any_width():
    """Plotly keeps each pair of axes at its aspect by shrinking its domain: both pairs must ask for
    the same rectangle on screen, or the inset would slide off its corner on a phone."""
    for window in (SYRIA, ((9, 30), (19, 36)), ((17, 63), (29, 59))):
        fig = base_map(*window, locator="top left")
        lay = fig.layout
        context_lats = [y for t in _inset(fig) for y in t.y if y is not None]
        mid = (min(context_lats) + max(context_lats)) / 2
        assert lay.yaxis2.scaleanchor == "x2" and lay.yaxis2.scaleratio == pytest.approx(1 / math.cos(math.radians(mid)))

        def aspect(x, y):
            return (x.range[1] - x.range[0]) / ((y.range[1] - y.range[0]) * y.scaleratio)

        assert aspect(lay.xaxis2, lay.yaxis2) == pytest.approx(aspect(lay.xaxis, lay.yaxis), rel=1e-9)


@pytest.mark.parametrize("corner", LOCATOR_CORNERS)
def test_the_inset_sits_in_its_corner_inside_the_map_clear_of_the_scale_bar(corner):
    fig = base_map(*SYRIA, locator=corner)
    (lon0, lon1), (lat0, lat1) = SYRIA
    west, south, east, north = locator_box(fig)
    assert lon0 < west < east < lon1 and lat0 < south < north < lat1
    assert (east - west) <= 0.31 * (lon1 - lon0) and (north - south) <= 0.31 * (lat1 - lat0)  # a small inset
    vertical, horizontal = corner.split(" ")
    near_x = (west - lon0) if horizontal == "left" else (lon1 - east)
    near_y = (lat1 - north) if vertical == "top" else (south - lat0)
    assert near_x < 0.05 * (lon1 - lon0) and near_y < 0.05 * (lat1 - lat0)
    # the scale bar: its line (a trace on the main axes) and the two texts anchored to it
    assert under_locator(fig) == []
    for a in fig.layout.annotations:
        assert not (west <= a.x <= east and south <= a.y <= north), a.text


def test_the_lower_right_corner_belongs_to_the_scale_bar():
    with pytest.raises(ValueError):
        base_map(*SYRIA, locator="bottom right")


def test_locator_context_holds_the_window_and_stays_off_the_poles():
    for window in (SYRIA, ((9, 30), (19, 36)), ((17, 63), (29, 59)), ((-20, 40), (40, 75))):
        (c_lon0, c_lon1), (c_lat0, c_lat1) = locator_context(*window)
        (lon0, lon1), (lat0, lat1) = window
        assert c_lon0 <= lon0 and lon1 <= c_lon1 and c_lat0 <= lat0 and lat1 <= c_lat1
        assert c_lat0 >= -60 and c_lat1 <= 80
        assert c_lon1 - c_lon0 >= 36 or c_lat1 - c_lat0 >= 36


def test_a_ring_cut_at_the_antimeridian_is_not_drawn_across_the_map():
    """Russia's outline runs to 180° and on past it at Chukotka; clamped to a box west of there, its
    far end must fold onto the box's east edge, not stretch back to its west edge as a band."""
    west = -10.0
    for name, lons, _ in basemap.rings_in_box(west, 90, 11, 77, tolerance=1.0):
        if name == "Russia":
            assert min(lons) > 15, "Russia's westernmost land (Kaliningrad) lies near 20°E"


def test_simplify_drops_points_near_the_line_and_keeps_the_corners():
    square_with_noise = [(0, 0), (0.5, 0.001), (1, 0), (1, 1), (0.5, 1.2), (0, 1), (0, 0)]
    assert basemap.simplify(square_with_noise, 0.01) == [(0, 0), (1, 0), (1, 1), (0.5, 1.2), (0, 1), (0, 0)]
    assert basemap.simplify(square_with_noise, 0.5) == [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]


def test_simplified_base_map_stays_in_its_box_and_is_much_lighter():
    box = (30.0, 45.0, 30.0, 45.0)
    full = list(basemap.rings_in_box(*box))
    light = list(basemap.rings_in_box(*box, tolerance=0.015))
    assert {name for name, *_ in light} >= {"Syria", "Turkey", "Russia"}  # Russia touches the box (Caucasus)
    for name, lons, lats in light:
        assert all(box[0] <= x <= box[1] for x in lons) and all(box[2] <= y <= box[3] for y in lats), name
        assert (lons[0], lats[0]) == (lons[-1], lats[-1]), f"{name}: ring no longer closed"
    points = lambda rings: sum(len(lons) for _, lons, _ in rings)  # noqa: E731
    assert points(light) < points(full) / 4


def test_trace_types_are_read_from_the_figure_data_not_the_layout():
    page = (
        '<script>Plotly.newPlot("f-plot", [{"type":"bar","x":[1]},{"x":[2],"mode":"lines"}], '
        '{"xaxis":{"type":"log"},"shapes":[{"type":"line"}]})</script>'
        '<script>Plotly.newPlot( "g", [{"type":"heatmap","z":[[1]]}], {})</script>'
    )
    assert trace_types_in_html(page) == {"bar", "scatter", "heatmap"}


def test_the_served_plotly_bundle_draws_every_trace_type_the_book_uses():
    """A trace type missing from the partial bundle would silently not draw."""
    import nbformat

    from afterassad.core.paths import repo_root

    root = repo_root()
    bundle = root / "_static" / PLOTLY_BUNDLE
    assert bundle.is_file(), f"{bundle} is missing: run `make setup`"
    available = bundle_trace_types(bundle.read_text(encoding="utf-8"))
    assert {"scatter", "bar"} <= available
    used: dict[str, set[str]] = {}
    for path in sorted((root / "book").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                for kind in trace_types_in_html(output.get("data", {}).get("text/html", "")):
                    used.setdefault(kind, set()).add(path.name)
    assert used, "no plotly figure found in the notebooks"
    missing = {kind: sorted(pages) for kind, pages in used.items() if kind not in available}
    assert not missing, f"trace types the bundle {PLOTLY_BUNDLE} lacks (they would not draw): {missing}"


def test_maps_draw_crimea_as_part_of_ukraine():
    from afterassad.figures.basemap import country_rings, recognised_owner

    # a Russian ring wholly inside the Crimea box is drawn as Ukraine's; one reaching outside it stays Russia's
    assert recognised_owner("Russia", [(33.0, 45.0), (34.5, 44.6), (36.0, 45.3)]) == "Ukraine"
    assert recognised_owner("Russia", [(33.0, 45.0), (38.0, 47.0), (36.0, 45.3)]) == "Russia"
    assert recognised_owner("Türkiye", [(33.0, 45.0)]) == "Türkiye"
    # and in the atlas itself, no ring drawn as Russia's lies in Crimea
    in_crimea = [
        label for label, ring in country_rings() if all(32.0 < x < 37.0 and 44.0 < y < 46.5 for x, y in ring) and len(ring) > 20
    ]
    assert in_crimea and "Russia" not in in_crimea

"""One figure style; figures carry alt text, a source line, and need no network."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from afterassad import basemap, load, style
from afterassad.figures import Figure, base_map, show, source_line


def test_every_actor_in_the_data_has_its_own_colour():
    actors = load("actors")["actor_id"]
    missing = sorted(set(actors) - set(style.ACTOR_COLOURS))
    assert not missing, f"actors without a colour in style.ACTOR_COLOURS: {missing}"


def test_every_verdict_has_a_colour_and_a_label():
    from afterassad.contract import read_package
    claims = next(r for r in read_package()["resources"] if r["name"] == "claims")
    verdicts = next(f for f in claims["schema"]["fields"] if f["name"] == "verdict")["constraints"]["enum"]
    assert set(verdicts) == set(style.VERDICT_COLOURS) == set(style.VERDICT_LABELS)


def test_figure_html_needs_no_library_download_and_has_alt_text(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "")
    monkeypatch.setattr("afterassad.figures._png", lambda *a: None)
    fig = show(go.Figure(go.Bar(x=[1], y=[2])), name="fig-test", alt="A bar of height 2", note="Data: test.")
    bundle, _ = fig._repr_mimebundle_()
    html = bundle["text/html"]
    assert 'aria-label="A bar of height 2"' in html
    assert "cdn" not in html.lower() and "<script src" not in html
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
    monkeypatch.setattr("afterassad.figures._png", fake_png)
    fig = go.Figure(go.Bar(x=[1], y=[2]))
    bundle, _ = show(fig, name="fig-test", alt="A bar", note="Data: test & co.")._repr_mimebundle_()
    assert seen["annotations"] == ["Data: test &amp; co."]  # drawn into the image for the PDF
    assert '<p class="aa-figure-source">Data: test &amp; co.</p>' in bundle["text/html"]  # text under the web plot
    assert not fig.layout.annotations  # the interactive figure itself has no drawn note


def test_source_line_names_the_original_outlet_of_syndicated_copies():
    sources = pd.DataFrame({"source_id": ["a", "b"], "publisher": ["Yahoo News", "AP"],
                            "original_publisher": ["Reuters", pd.NA]})
    line = source_line(["a;b", "a"], sources, ["events"])
    assert line == "Data: After Assad, events.csv (2 sources: Reuters (via Yahoo News); AP)."


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

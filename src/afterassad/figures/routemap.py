"""Maps of routes, shared by the chapters: geodesic lines between places, their lengths as labels
that do not sit on one another (labels.LabelPlacer), named places, and a map window that fits them.

Routes are drawn along the geodesic, the shortest path on the WGS84 ellipsoid, so a long leg bends
on the map as it does on the Earth and its label gives its true length.
"""

from __future__ import annotations

import math
import re

import pandas as pd
import plotly.graph_objects as go

from afterassad.core.geo import distance_km, geodesic_midpoint, geodesic_path
from afterassad.core.text import html, short_name
from afterassad.figures import style
from afterassad.figures.labels import POSITIONS, LabelPlacer


def legs_km(chain: list[str], places: pd.DataFrame) -> list[float]:
    """Geodesic length of each leg of a chain of place ids."""
    p = places.set_index("place_id")
    return [distance_km(p.loc[a, "lat"], p.loc[a, "lon"], p.loc[b, "lat"], p.loc[b, "lon"]) for a, b in zip(chain, chain[1:])]


def stand_ins(places: pd.DataFrame) -> set[str]:
    """Places that stand in for a whole country where the sources name no place in it ('Russia,
    airfield not specified', drawn at its capital): a line may end there, but has no true length."""
    if "geo_precision" not in places:
        return set()
    return set(places.loc[places["geo_precision"] == "country", "place_id"])


def measured_km(chain: list[str], places: pd.DataFrame) -> float | None:
    """A route's geodesic length, or None where it starts or ends at a country's stand-in point."""
    if {chain[0], chain[-1]} & stand_ins(places):
        return None
    return sum(legs_km(chain, places))


def length_words(lengths_km, sep: str = "–") -> str:
    """Lengths in words, as the map labels them and the text gives them: '2,280', or '2,264–2,280'
    for several (the text's `sep` is ' to ')."""
    low, high = min(lengths_km), max(lengths_km)
    return f"{low:,.0f}" if round(low) == round(high) else f"{low:,.0f}{sep}{high:,.0f}"


def geodesic_line(chain: list[str], places: pd.DataFrame) -> tuple[list[float], list[float]]:
    """(lons, lats) along the geodesic through every place of the chain."""
    p = places.set_index("place_id")
    lons, lats = [], []
    for a, b in zip(chain, chain[1:]):
        x, y = geodesic_path(p.loc[a, "lat"], p.loc[a, "lon"], p.loc[b, "lat"], p.loc[b, "lon"])
        lons += x
        lats += y
    return lons, lats


def leg_label(a: str, b: str, places: pd.DataFrame, text: str) -> tuple[float, float, str, str]:
    """A label for the leg a→b at its geodesic midpoint: beside a steep leg, above a flat one."""
    p = places.set_index("place_id")
    mx, my = geodesic_midpoint(p.loc[a, "lat"], p.loc[a, "lon"], p.loc[b, "lat"], p.loc[b, "lon"])
    steep = abs(p.loc[b, "lat"] - p.loc[a, "lat"]) > abs(p.loc[b, "lon"] - p.loc[a, "lon"])
    side = ("middle left" if p.loc[b, "lon"] <= p.loc[a, "lon"] + 2 else "middle right") if steep else "top center"
    return mx, my, text, side


def add_labels(fig: go.Figure, labels: list[tuple[float, float, str, str]], placer: LabelPlacer) -> go.Figure:
    """Write leg labels on the map, each at its preferred side if free, else at another free
    position around its anchor; a label with no room is left off (the line keeps its hover)."""
    xs, ys, texts, sides = [], [], [], []
    for x, y, text, side in labels:
        position = placer.place(x, y, text, [side] + [p for p in POSITIONS if p != side])
        if position:
            xs.append(x), ys.append(y), texts.append(text), sides.append(position)
    if xs:
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="text",
                text=texts,
                textposition=sides,
                textfont=dict(size=placer.font_px, color=style.INK),
                hoverinfo="skip",
                showlegend=False,
            )
        )
    return fig


def add_places(
    fig: go.Figure, place_ids, places: pd.DataFrame, named: list[str], placer: LabelPlacer, name: str = "Places"
) -> go.Figure:
    """Markers for places, with the short name written beside those in `named` (in that order of
    importance) where there is room; hover gives every name."""
    p = places.set_index("place_id").loc[sorted(set(place_ids))]
    for lon, lat in zip(p["lon"], p["lat"]):
        placer.marker(lon, lat, 7)
    text = {i: html(short_name(p.loc[i, "name"]).split(" ")[0]) for i in named if i in p.index}
    positions = {i: placer.place(p.loc[i, "lon"], p.loc[i, "lat"], text[i], marker_px=7) for i in text}
    fig.add_trace(
        go.Scatter(
            x=p["lon"],
            y=p["lat"],
            mode="markers+text",
            name=name,
            marker=dict(color=style.INK, size=7, line=dict(color="white", width=1)),
            text=[text[i] if positions.get(i) else "" for i in p.index],
            textposition=[positions.get(i) or "middle right" for i in p.index],
            textfont=dict(size=placer.font_px, color=style.INK),
            customdata=[html(short_name(n)) for n in p["name"]],
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    return fig


def window_for(
    place_ids, places: pd.DataFrame, pad: float = 2.5, label_room: float = 0.0
) -> tuple[tuple[float, float], tuple[float, float]]:
    """A map window (lon range, lat range) around the places given, padded by `pad` degrees, with
    `label_room` more degrees on the east for the names written to the right of the markers."""
    p = places.set_index("place_id").loc[sorted(set(place_ids))]
    return (
        (math.floor(p["lon"].min() - pad), math.ceil(p["lon"].max() + pad + label_room)),
        (math.floor(p["lat"].min() - pad), math.ceil(p["lat"].max() + pad)),
    )


SITE_KIND = re.compile(r" (International Airport|air base|airport|port and naval base|port)$")


def site_label(name: str) -> str:
    """A site's name as a map writes it: without its qualifier, its district or city after a comma,
    or the kind of site after its name ('Benina International Airport, Benghazi' -> 'Benina')."""
    return SITE_KIND.sub("", short_name(name).split(",")[0])


def points_inside(lons, lats, window) -> list[tuple[float, float]]:
    """The points of a line that lie inside the map window, in the line's order: where a line that
    enters or leaves the map gets its label."""
    (x0, x1), (y0, y1) = window
    return [(x, y) for x, y in zip(lons, lats) if x0 <= x <= x1 and y0 <= y <= y1]


def add_arrowhead(fig: go.Figure, lons: list[float], lats: list[float], colour: str, at: float = 0.55) -> go.Figure:
    """An arrowhead on a line, a fraction `at` of the way along its points, pointing the way the line runs."""
    i = min(max(1, round(at * (len(lons) - 1))), len(lons) - 1)
    fig.add_annotation(
        x=lons[i],
        y=lats[i],
        ax=lons[i - 1],
        ay=lats[i - 1],
        xref="x",
        yref="y",
        axref="x",
        ayref="y",
        text="",
        showarrow=True,
        arrowhead=2,
        arrowsize=1.3,
        arrowwidth=2,
        arrowcolor=colour,
        standoff=0,
    )
    return fig

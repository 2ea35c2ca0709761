"""Maps of routes, shared by the chapters: geodesic lines between places, their lengths as labels
that do not sit on one another, named places, and a map window that fits them.

Routes are drawn along the geodesic, the shortest path on the WGS84 ellipsoid, so a long leg bends
on the map as it does on the Earth and its label gives its true length.
"""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from . import style
from .geo import distance_km, geodesic_midpoint, geodesic_path
from .text import html, short_name


def legs_km(chain: list[str], places: pd.DataFrame) -> list[float]:
    """Geodesic length of each leg of a chain of place ids."""
    p = places.set_index("place_id")
    return [distance_km(p.loc[a, "lat"], p.loc[a, "lon"], p.loc[b, "lat"], p.loc[b, "lon"]) for a, b in zip(chain, chain[1:])]


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


def declutter(xs: list[float], ys: list[float], min_dx: float, min_dy: float) -> list[float]:
    """Shift label y positions apart so no two labels closer than min_dx horizontally overlap vertically."""
    order = sorted(range(len(ys)), key=lambda i: ys[i])
    placed: list[int] = []
    out = list(ys)
    for i in order:
        for j in placed:
            if abs(xs[i] - xs[j]) < min_dx and abs(out[i] - out[j]) < min_dy:
                out[i] = out[j] + min_dy
        placed.append(i)
    return out


def add_labels(fig: go.Figure, labels: list[tuple[float, float, str, str]], window) -> go.Figure:
    """Write leg labels on the map, moved apart where they would overlap."""
    if not labels:
        return fig
    xs, ys, texts, sides = map(list, zip(*labels))
    span_x = window[0][1] - window[0][0]
    ys = declutter(xs, ys, min_dx=span_x * 0.12, min_dy=span_x * 0.035)
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="text", text=texts, textposition=sides,
                             textfont=dict(size=11, color=style.INK), hoverinfo="skip", showlegend=False))
    return fig


def add_places(fig: go.Figure, place_ids, places: pd.DataFrame, named: set[str], window, name: str = "Places") -> go.Figure:
    """Markers for places, with the short name written beside those in `named` (hover for the rest).
    Names near the top of the window go below their marker, the rest to the right."""
    p = places.set_index("place_id").loc[sorted(set(place_ids))]
    top = window[1][0] + 0.8 * (window[1][1] - window[1][0])
    fig.add_trace(go.Scatter(
        x=p["lon"], y=p["lat"], mode="markers+text", name=name,
        marker=dict(color=style.INK, size=7, line=dict(color="white", width=1)),
        text=[html(short_name(n).split(" ")[0]) if i in named else "" for i, n in zip(p.index, p["name"])],
        textposition=["bottom right" if lat > top else "middle right" for lat in p["lat"]], textfont=dict(size=10, color=style.INK),
        customdata=[html(short_name(n)) for n in p["name"]], hovertemplate="%{customdata}<extra></extra>"))
    return fig


def window_for(place_ids, places: pd.DataFrame, pad: float = 2.5, label_room: float = 0.0) -> tuple[tuple[float, float], tuple[float, float]]:
    """A map window (lon range, lat range) around the places given, padded by `pad` degrees, with
    `label_room` more degrees on the east for the names written to the right of the markers."""
    p = places.set_index("place_id").loc[sorted(set(place_ids))]
    return ((math.floor(p["lon"].min() - pad), math.ceil(p["lon"].max() + pad + label_room)),
            (math.floor(p["lat"].min() - pad), math.ceil(p["lat"].max() + pad)))


POSITIONS = ["middle right", "middle left", "top center", "bottom center", "top right", "bottom right", "top left", "bottom left"]


def place_labels(lons: list[float], lats: list[float], texts: list[str], window, plot_px: tuple[int, int] = (760, 560),
                 char_px: float = 6.2, line_px: float = 14.0) -> list[str]:
    """A text position for each marker's label such that no two labels, and no label and marker, overlap.

    Greedy: labels are placed in turn, each at the first of the eight positions around its marker
    whose box (estimated from the text length at the figure's size) is free. A label with no free
    position falls back to the least crowded one.
    """
    (x0, x1), (y0, y1) = window
    sx, sy = plot_px[0] / (x1 - x0), plot_px[1] / (y1 - y0)  # pixels per degree
    pts = [((lon - x0) * sx, (lat - y0) * sy) for lon, lat in zip(lons, lats)]
    placed: list[tuple[float, float, float, float]] = [(x - 5, y - 5, x + 5, y + 5) for x, y in pts]  # the markers

    def box(i: int, pos: str) -> tuple[float, float, float, float]:
        x, y = pts[i]
        w, h = len(texts[i]) * char_px, line_px
        vert, horiz = pos.split(" ")
        left = {"left": x - 7 - w, "right": x + 7, "center": x - w / 2}[horiz]
        bottom = {"top": y + 9, "bottom": y - 9 - h, "middle": y - h / 2}[vert]
        return (left, bottom, left + w, bottom + h)

    def overlaps(b, others) -> int:
        return sum(1 for o in others if b[0] < o[2] and o[0] < b[2] and b[1] < o[3] and o[1] < b[3])

    out = []
    for i in range(len(pts)):
        if not texts[i]:
            out.append("middle right")
            continue
        others = [p for j, p in enumerate(placed) if j != i]
        best = min(POSITIONS, key=lambda pos: (overlaps(box(i, pos), others) > 0, overlaps(box(i, pos), others), POSITIONS.index(pos)))
        out.append(best)
        placed.append(box(i, best))
    return out

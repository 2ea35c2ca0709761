"""Figures: one plotly figure becomes an interactive div for the web and a PNG for the PDF.

The web page loads plotly.js from the site's own _static/ (no CDN): the smallest partial bundle
on npm that holds every trace type the book draws, at the version inside the pinned plotly
package (the Makefile fetches it). The PNG comes from kaleido driving Debian's Chromium.
"""

from __future__ import annotations

import base64
import json
import math
import os
import re
import shutil
import sys
import warnings
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from afterassad.core.geo import distance_km
from afterassad.core.text import html
from afterassad.figures import basemap, style

WIDTH, HEIGHT = 900, 520
PLOTLY_BUNDLE = "plotly-basic.min.js"  # in _static/; scatter, bar and pie only
STATIC_FIGURES = "_static/figures"  # each figure's PNG, shown until plotly.js has drawn it


def bundle_trace_types(bundle_js: str) -> set[str]:
    """Trace types a plotly.js bundle registers (each trace module declares its name)."""
    return set(re.findall(r'moduleType:"trace",name:"(\w+)"', bundle_js))


def trace_types_in_html(page: str) -> set[str]:
    """Trace types of every figure a page (or a notebook output) draws with Plotly.newPlot."""
    types: set[str] = set()
    decoder = json.JSONDecoder()
    for match in re.finditer(r"Plotly\.newPlot\(\s*", page):
        _, end = decoder.raw_decode(page, match.end())  # the div id
        data, _ = decoder.raw_decode(page, page.index("[", end))
        types |= {trace.get("type", "scatter") for trace in data}
    return types


def source_line(source_ids: Iterable[str], sources: pd.DataFrame, tables: Iterable[str], max_outlets: int = 8) -> str:
    """'Data: After Assad (12 sources: Reuters; AP …).' built from the rows a figure draws. The tables
    are not named in print (the chapter's data box names them on the web page).

    Past `max_outlets` outlets the line counts them and points to the references instead.
    """
    ids = sorted({s for cell in source_ids if isinstance(cell, str) for s in cell.split(";") if s})
    known = sources.set_index("source_id")
    outlets = []
    for sid in ids:
        row = known.loc[sid]
        outlet = row["publisher"]
        if isinstance(row["original_publisher"], str) and row["original_publisher"]:
            outlet = f"{row['original_publisher']} (via {outlet})"
        if outlet not in outlets:
            outlets.append(outlet)
    if len(outlets) > max_outlets:
        return f"Data: After Assad; {len(ids)} sources from {len(outlets)} outlets, listed in the references."
    return f"Data: After Assad ({len(ids)} sources: {'; '.join(outlets)})."


def _wrap(text: str, width: int = 115) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(html(x) for x in lines)


def add_source_note(fig: go.Figure, note: str) -> go.Figure:
    """Print the source line under the plot, in the image itself, so it travels with it."""
    text = _wrap(note)
    lines = text.count("<br>") + 1
    # Below the tick labels and the axis title (about 55 px), whatever the plot's height.
    fig.update_layout(margin=dict(b=70 + 15 * lines))
    fig.add_annotation(
        text=text,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-58,
        showarrow=False,
        align="left",
        xanchor="left",
        yanchor="top",
        font=dict(size=10, color=style.MUTED),
    )
    return fig


def _png(fig: go.Figure, width: int, height: int) -> bytes | None:
    if not (os.environ.get("BROWSER_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")):
        print("note: no Chromium found, so no static image for the PDF (install Debian's chromium)", file=sys.stderr)
        return None
    # One browser for all of a notebook's images, not one per image: about 0.7 s an image instead of 2.8.
    import kaleido

    kaleido.start_sync_server(silence_warnings=True)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        return fig.to_image(format="png", width=width, height=height, scale=2)


class Figure:
    """What a notebook cell displays: text/html for the web page, image/png for the PDF.

    The source line travels with the figure both ways: on the web page as text under the plot,
    where it wraps at any width, and in the static image, drawn into it, for the PDF.
    """

    def __init__(self, fig: go.Figure, name: str, alt: str, width: int = WIDTH, height: int = HEIGHT, note: str = ""):
        self.fig, self.name, self.alt, self.width, self.height, self.note = fig, name, alt, width, height, note

    def _repr_mimebundle_(self, include=None, exclude=None):
        div = pio.to_html(
            self.fig,
            include_plotlyjs=False,
            include_mathjax=False,
            full_html=False,
            div_id=f"{self.name}-plot",
            default_width="100%",
            default_height=f"{self.height}px",
            config={
                "displaylogo": False,
                "responsive": True,
                # plotly.js 4 shows a "Share chart" button that uploads the chart: never
                "showSendToCloud": False,
            },
        )
        # The page first shows the figure's static image (the PDF's PNG, which the build copies to
        # _static/figures/); plotly.js loads when the reader first scrolls, taps or types, and then
        # draws the interactive figure over it (the loader is in sphinxext.figure_loader).
        div = re.sub(
            r"(<script[^>]*>)(.*?)(</script>)",
            lambda m: (
                m.group(1) + "(window.aaFigures = window.aaFigures || []).push(function () {" + m.group(2) + "});" + m.group(3)
            ),
            div,
            count=1,
            flags=re.S,
        )
        static = (
            f'<img class="aa-figure-static" src="../{STATIC_FIGURES}/{self.name}.png" alt="" '
            f'width="{self.width}" height="{self.height}" decoding="async" loading="lazy">'
        )
        div = f'<div class="aa-figure-frame" style="height:{self.height}px">{static}{div}</div>'
        source = f'<p class="aa-figure-source">{html(self.note)}</p>' if self.note else ""
        # A labelled group, not role="img": the plot holds focusable controls (the modebar), which an
        # image role would hide from assistive technology. The alt text is a visually hidden paragraph
        # that names the group, so a screen reader still reads it first.
        alt_id = f"{self.name}-alt"
        bundle = {
            "text/html": f'<div class="aa-figure" role="group" aria-labelledby="{alt_id}">'
            f'<p class="aa-figure-alt" id="{alt_id}">{html(self.alt)}</p>{div}{source}</div>',
            "text/plain": f"[figure {self.name}: {self.alt}]",
        }
        static = go.Figure(self.fig)
        if self.note:
            add_source_note(static, self.note)
        png = _png(static, self.width, self.height)
        if png:
            bundle["image/png"] = base64.b64encode(png).decode("ascii")
        return bundle, {"image/png": {"alt": self.alt}} if png else {}


def show(fig: go.Figure, name: str, alt: str, note: str, width: int = WIDTH, height: int | None = None) -> Figure:
    """The one way a chapter shows a figure: alt text and a source line are required. The height
    is the one given, else the one the figure chose for itself (timelines size to their lanes)."""
    height = height or fig.layout.height or HEIGHT
    if not alt.strip():
        raise ValueError(f"figure {name} needs alt text")
    if not note.strip():
        raise ValueError(f"figure {name} needs a source line")
    fig.update_layout(width=None, height=height)
    return Figure(fig, name, alt, width, height, note)


def base_map(
    lon_range: tuple[float, float], lat_range: tuple[float, float], focus: Iterable[str] = (), scale_note: str = "left"
) -> go.Figure:
    """A plain-lines map of country shapes (Natural Earth), equirectangular, for plotly traces on top.
    `scale_note`: which end of the scale bar its small print starts from ("right" runs it leftward,
    for a map whose bar is narrower than the print on a phone)."""
    focus = set(focus)
    fig = go.Figure()
    # A thousandth of the window: under a pixel even in the PDF's double-resolution image.
    tolerance = max(lon_range[1] - lon_range[0], lat_range[1] - lat_range[0]) / 1000
    for country, lons, lats in basemap.rings_in_box(
        lon_range[0] - 2, lon_range[1] + 2, lat_range[0] - 2, lat_range[1] + 2, tolerance=tolerance
    ):
        fig.add_trace(
            go.Scatter(
                x=lons,
                y=lats,
                mode="lines",
                fill="toself",
                hoverinfo="skip",
                showlegend=False,
                line=dict(color="#9aa4ad", width=0.8),
                fillcolor="#f3efe6" if country in focus else "#fafaf7",
            )
        )
    mid_lat = (lat_range[0] + lat_range[1]) / 2
    # An equirectangular projection true to scale along the window's middle parallel: x is longitude
    # stretched by 1/cos(latitude), which keeps shapes right near that parallel. A map reads as a map:
    # no degree axes or grid, and a scale bar measured on the ellipsoid along that parallel.
    # constrain="domain": keep the requested window and shrink the plot area to the map's aspect.
    fig.update_xaxes(range=list(lon_range), showgrid=False, visible=False, constrain="domain")
    fig.update_yaxes(
        range=list(lat_range),
        showgrid=False,
        visible=False,
        constrain="domain",
        scaleanchor="x",
        scaleratio=1 / math.cos(math.radians(mid_lat)),
    )
    add_scale_bar(fig, lon_range, lat_range, note_anchor=scale_note)
    fig.update_layout(plot_bgcolor="#dfe9f3")  # the sea
    return fig


SCALE_STEPS_KM = [50, 100, 200, 250, 500, 1000, 2000]


def scale_bar_km(lon_range: tuple[float, float], lat: float) -> tuple[float, float]:
    """A round length for the scale bar (about a fifth of the window's width at latitude `lat`)
    and the longitude span it covers there, measured on the WGS84 ellipsoid."""
    width_km = distance_km(lat, lon_range[0], lat, lon_range[1])
    km = max((k for k in SCALE_STEPS_KM if k <= width_km / 5), default=SCALE_STEPS_KM[0])
    return km, km / width_km * (lon_range[1] - lon_range[0])


def add_scale_bar(
    fig: go.Figure, lon_range: tuple[float, float], lat_range: tuple[float, float], note_anchor: str = "left"
) -> go.Figure:
    """A scale bar in the lower right corner (deserts and seas on this report's maps), true along the
    map's middle parallel; its small print starts at the bar's left end, or ends at its right one."""
    mid_lat = (lat_range[0] + lat_range[1]) / 2
    km, span = scale_bar_km(lon_range, mid_lat)
    x0 = lon_range[1] - 0.1 * (lon_range[1] - lon_range[0]) - span
    y0 = lat_range[0] + 0.05 * (lat_range[1] - lat_range[0])
    tick = 0.012 * (lat_range[1] - lat_range[0])
    fig.add_trace(
        go.Scatter(
            x=[x0, x0, None, x0, x0 + span, None, x0 + span, x0 + span],
            y=[y0 - tick, y0 + tick, None, y0, y0, None, y0 - tick, y0 + tick],
            mode="lines",
            line=dict(color=style.INK, width=2),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.add_annotation(
        x=x0 + span / 2, y=y0 + tick, text=f"{km:,} km", showarrow=False, yanchor="bottom", font=dict(size=11, color=style.INK)
    )
    fig.add_annotation(
        x=x0 if note_anchor == "left" else x0 + span,
        y=y0 - tick,
        xanchor=note_anchor,
        yanchor="top",
        showarrow=False,
        font=dict(size=9, color=style.MUTED),
        text=f"true to scale along {abs(mid_lat):.0f}°{'N' if mid_lat >= 0 else 'S'}",
    )
    return fig


def labels_above_rows(fig: go.Figure, labels: list[str], x: float = 0.0, size: int = 10) -> dict[str, float]:
    """Write each row's label just above the row, inside the plot, instead of as y-axis tick labels,
    so a chart of long-labelled rows keeps its full width on a phone. Rows run from the top, one
    unit apart; returns each label's y so the caller draws its row there."""
    ys = {label: -float(i) for i, label in enumerate(labels)}
    fig.add_trace(
        go.Scatter(
            x=[x] * len(labels),
            y=[y + 0.42 for y in ys.values()],
            mode="text",
            text=[html(t) for t in labels],
            textposition="middle right",
            textfont=dict(size=size, color=style.INK),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.update_yaxes(
        showticklabels=False, ticks="", range=[-len(labels) + 0.4, 0.95], zeroline=False, showgrid=False, fixedrange=True
    )
    return ys

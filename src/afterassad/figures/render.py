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
from afterassad.core.text import html, wrap_label
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


NOTE_GAP = 58  # px from the plot's bottom edge to the note: below the tick labels and the axis title
NOTE_LINE = 15  # px a line of the note takes (10 px type)


def _lines_below_plot(fig: go.Figure) -> float:
    """Where the lowest text a figure already writes under its plot ends, in px below the plot's bottom
    edge (0 if it writes none there): its own notes (a list of what is not shown) hang from the plot's
    bottom edge, as the source note does, and the source note goes under them, not on top of them."""
    size = (fig.layout.font.size if fig.layout.font and fig.layout.font.size else None) or 12
    lowest = 0.0
    for a in fig.layout.annotations:
        if a.yref != "paper" or a.y is None or a.y > 0 or (a.yshift or 0) >= 0:
            continue
        lines = str(a.text or "").count("<br>") + 1
        line = 1.3 * ((a.font.size if a.font and a.font.size else None) or size)
        lowest = max(lowest, -(a.yshift or 0) + lines * line)
    return lowest


def add_source_note(fig: go.Figure, note: str) -> go.Figure:
    """Print the source line under the plot, in the image itself, so it travels with it: from the plot's
    left edge, or from where the figure's meta says its left edge is (`note_x`, in the plot's width:
    a figure whose labels sit left of the plot starts its note under them).

    It goes below the tick labels and the axis title, and below any note the figure already writes
    under its plot (_lines_below_plot), never on top of it; the bottom margin grows to hold it and
    never shrinks below the figure's own."""
    text = _wrap(note)
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    lines = text.count("<br>") + 1
    below = _lines_below_plot(fig)
    shift = max(NOTE_GAP, below + 6) if below else NOTE_GAP
    own = fig.layout.margin.b if fig.layout.margin and fig.layout.margin.b is not None else 0
    fig.update_layout(margin=dict(b=max(own, shift + 12 + NOTE_LINE * lines)))
    fig.add_annotation(
        text=text,
        xref="paper",
        yref="paper",
        x=meta.get("note_x", 0),
        y=0,
        yshift=-shift,
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

    def __init__(
        self,
        fig: go.Figure,
        name: str,
        alt: str,
        width: int = WIDTH,
        height: int = HEIGHT,
        note: str = "",
        static: go.Figure | None = None,
        static_height: int | None = None,
    ):
        self.fig, self.name, self.alt, self.width, self.height, self.note = fig, name, alt, width, height, note
        # the PDF's image: the same figure, or a version of it laid out for print (larger text), with its own height
        self.static, self.static_height = static, static_height or height

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
        static = go.Figure(self.static if self.static is not None else self.fig)
        if self.note:
            add_source_note(static, self.note)
        png = _png(static, self.width, self.static_height)
        if png:
            bundle["image/png"] = base64.b64encode(png).decode("ascii")
        return bundle, {"image/png": {"alt": self.alt}} if png else {}


def show(
    fig: go.Figure,
    name: str,
    alt: str,
    note: str,
    width: int = WIDTH,
    height: int | None = None,
    static: go.Figure | None = None,
) -> Figure:
    """The one way a chapter shows a figure: alt text and a source line are required. The height
    is the one given, else the one the figure chose for itself (timelines size to their lanes).

    `static` is a version of the same figure laid out for print (the PDF's image: larger text where the
    web's would be too small on paper), drawn at its own height; the web page shows `fig`, and the
    static image until plotly.js has drawn it (letterboxed, never stretched)."""
    height = height or fig.layout.height or HEIGHT
    if not alt.strip():
        raise ValueError(f"figure {name} needs alt text")
    if not note.strip():
        raise ValueError(f"figure {name} needs a source line")
    fig.update_layout(width=None, height=height)
    static_height = None
    if static is not None:
        static_height = static.layout.height or height
        static.update_layout(width=None, height=static_height)
    return Figure(fig, name, alt, width, height, note, static=static, static_height=static_height)


def base_map(
    lon_range: tuple[float, float],
    lat_range: tuple[float, float],
    focus: Iterable[str] = (),
    locator: str | None = "top left",
    context: tuple[tuple[float, float], tuple[float, float]] | None = None,
) -> go.Figure:
    """A plain-lines map of country shapes (Natural Earth), equirectangular, for plotly traces on top.

    `locator` is the corner of the map that holds the locator inset (add_locator), or None for none;
    `context` the wider region the inset shows (by default locator_context's).
    """
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
                line=dict(color=style.MAP_BORDER, width=0.8),
                fillcolor=style.MAP_FOCUS if country in focus else style.MAP_LAND,
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
    add_scale_bar(fig, lon_range, lat_range)
    fig.update_layout(plot_bgcolor=style.MAP_SEA)
    if locator:
        add_locator(fig, lon_range, lat_range, context=context, corner=locator, focus=focus)
    return fig


# The corners a locator inset may take: the lower right holds the scale bar.
LOCATOR_CORNERS = ("top left", "top right", "bottom left")
LOCATOR_SIZE = 0.3  # the inset's width (or height, if that binds first) as a share of the map's
LOCATOR_GAP = 0.02  # between the inset and the map's edges, as a share of the map's width
LOCATOR_DETAIL = 100  # the inset's outlines keep what shows at this many pixels across it


def locator_context(
    lon_range: tuple[float, float],
    lat_range: tuple[float, float],
    zoom: float = 2.5,
    min_span: float = 36.0,
    max_span: float = 100.0,
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The wider region a locator inset shows: the window grown `zoom` times about its centre, to at
    least `min_span` degrees across (enough to hold seas and neighbours a reader knows) and at most
    `max_span` (a map of Europe and Asia needs no polar seas), kept between 60°S and 80°N."""
    lon_mid, lat_mid = (lon_range[0] + lon_range[1]) / 2, (lat_range[0] + lat_range[1]) / 2
    widest = max(lon_range[1] - lon_range[0], lat_range[1] - lat_range[0])
    grow = min(max(zoom, min_span / widest), max(1.0, max_span / widest))
    half_lon = min(180.0, (lon_range[1] - lon_range[0]) * grow / 2)
    half_lat = min(70.0, (lat_range[1] - lat_range[0]) * grow / 2)
    lat0 = min(max(lat_mid - half_lat, -60.0), 80.0 - 2 * half_lat)
    return (round(lon_mid - half_lon, 1), round(lon_mid + half_lon, 1)), (round(lat0, 1), round(lat0 + 2 * half_lat, 1))


def locator_axes(
    lon_range: tuple[float, float],
    lat_range: tuple[float, float],
    context: tuple[tuple[float, float], tuple[float, float]],
    corner: str = "top left",
    size: float = LOCATOR_SIZE,
) -> tuple[list[float], list[float]]:
    """The ranges of the inset's axes (xaxis2, yaxis2: longitude and latitude of the context).

    The inset's axes overlay the map's and span the same rectangle on the screen, and their ranges
    are chosen so that the context region fills only a corner of it, `size` of the map across. Both
    pairs keep their shapes true the same way (constrain="domain", scaleanchor), so at any screen
    width plotly shrinks them alike and the inset stays in its corner of the map.
    """
    if corner not in LOCATOR_CORNERS:
        raise ValueError(f"a locator inset goes in one of {LOCATOR_CORNERS}, not {corner!r}")
    (lon0, lon1), (lat0, lat1) = lon_range, lat_range
    (c_lon0, c_lon1), (c_lat0, c_lat1) = context
    map_ratio = 1 / math.cos(math.radians((lat0 + lat1) / 2))
    inset_ratio = 1 / math.cos(math.radians((c_lat0 + c_lat1) / 2))
    # inset pixels per map pixel, for one degree of longitude: the inset fits in `size` of the map both ways
    k = size * min((lon1 - lon0) / (c_lon1 - c_lon0), (lat1 - lat0) * map_ratio / ((c_lat1 - c_lat0) * inset_ratio))
    width = (lon1 - lon0) / k  # the inset's degrees of longitude across the whole map
    height = (lat1 - lat0) * map_ratio / (inset_ratio * k)  # and of latitude up it
    gap_x = LOCATOR_GAP * width
    gap_y = LOCATOR_GAP * width / inset_ratio
    vertical, horizontal = corner.split(" ")
    x0 = c_lon0 - gap_x if horizontal == "left" else c_lon1 + gap_x - width
    y0 = c_lat1 + gap_y - height if vertical == "top" else c_lat0 - gap_y
    return [x0, x0 + width], [y0, y0 + height]


def add_locator(
    fig: go.Figure,
    lon_range: tuple[float, float],
    lat_range: tuple[float, float],
    context: tuple[tuple[float, float], tuple[float, float]] | None = None,
    corner: str = "top left",
    focus: Iterable[str] = (),
) -> go.Figure:
    """A locator inset in a corner of a map drawn by base_map: a small map of a wider region, in the
    main map's quiet tones, with the main map's window drawn on it as a rectangle.

    It draws on a second pair of axes (xaxis2, yaxis2) laid over the map's: invisible, fixed (a zoom
    of the map leaves the inset alone), and every trace on them skips hover, so the inset holds no
    control and no tooltip, and the map's own hover and zoom work through it. The outlines are
    simplified to what shows at the inset's size, and all the land of one colour is one trace (plotly
    fills each ring of a trace with gaps on its own), so the inset adds a few kilobytes to the page.
    """
    context = context or locator_context(lon_range, lat_range)
    (c_lon0, c_lon1), (c_lat0, c_lat1) = context
    focus = set(focus)
    x_range, y_range = locator_axes(lon_range, lat_range, context, corner)
    tolerance = max(c_lon1 - c_lon0, c_lat1 - c_lat0) / LOCATOR_DETAIL
    digits = max(0, math.ceil(-math.log10(tolerance / 2)))  # half the tolerance: below what shows
    land: dict[bool, tuple[list, list]] = {False: ([], []), True: ([], [])}
    for country, lons, lats in basemap.rings_in_box(c_lon0, c_lon1, c_lat0, c_lat1, tolerance=tolerance):
        xs, ys = land[country in focus]
        xs += [round(x, digits) for x in lons] + [None]
        ys += [round(y, digits) for y in lats] + [None]
    frame_x = [c_lon0, c_lon1, c_lon1, c_lon0, c_lon0]
    frame_y = [c_lat0, c_lat0, c_lat1, c_lat1, c_lat0]
    window_x = [lon_range[0], lon_range[1], lon_range[1], lon_range[0], lon_range[0]]
    window_y = [lat_range[0], lat_range[0], lat_range[1], lat_range[1], lat_range[0]]
    quiet = dict(xaxis="x2", yaxis="y2", mode="lines", hoverinfo="skip", showlegend=False)
    fig.add_trace(go.Scatter(x=frame_x, y=frame_y, fill="toself", fillcolor=style.MAP_SEA, line=dict(width=0), **quiet))
    for in_focus, (xs, ys) in land.items():
        if xs:
            colour = style.MAP_FOCUS if in_focus else style.MAP_LAND
            fig.add_trace(
                go.Scatter(x=xs, y=ys, fill="toself", fillcolor=colour, line=dict(color=style.MAP_BORDER, width=0.5), **quiet)
            )
    fig.add_trace(go.Scatter(x=window_x, y=window_y, line=dict(color=style.INK, width=1.5), **quiet))
    # the frame: a thin line in a white margin, which sets the inset apart from the map beneath it
    fig.add_trace(go.Scatter(x=frame_x, y=frame_y, line=dict(color=style.PAPER, width=4), **quiet))
    fig.add_trace(go.Scatter(x=frame_x, y=frame_y, line=dict(color=style.MUTED, width=1), **quiet))
    hidden = dict(visible=False, showgrid=False, zeroline=False, fixedrange=True, constrain="domain")
    fig.update_layout(
        xaxis2=dict(hidden, range=x_range, overlaying="x"),
        yaxis2=dict(
            hidden,
            range=y_range,
            overlaying="y",
            scaleanchor="x2",
            scaleratio=1 / math.cos(math.radians((c_lat0 + c_lat1) / 2)),
        ),
    )
    return fig


def locator_box(fig: go.Figure) -> tuple[float, float, float, float] | None:
    """Where a map's locator inset sits, in the map's own longitude and latitude: (west, south,
    east, north), read from the figure (the inset's traces and the two pairs of axes), or None if
    the map has no inset. A chapter gives it to its LabelPlacer so that no name is written under it."""
    inset = [t for t in fig.data if t.xaxis == "x2"]
    if not inset or fig.layout.xaxis2.range is None:
        return None
    xs = [x for t in inset for x in t.x if x is not None]
    ys = [y for t in inset for y in t.y if y is not None]
    (lon0, lon1), (lat0, lat1) = fig.layout.xaxis.range, fig.layout.yaxis.range
    (x0, x1), (y0, y1) = fig.layout.xaxis2.range, fig.layout.yaxis2.range

    def lon(x: float) -> float:
        return lon0 + (x - x0) * (lon1 - lon0) / (x1 - x0)

    def lat(y: float) -> float:
        return lat0 + (y - y0) * (lat1 - lat0) / (y1 - y0)

    return lon(min(xs)), lat(min(ys)), lon(max(xs)), lat(max(ys))


def under_locator(fig: go.Figure) -> list[tuple[float, float]]:
    """The points of a map's own traces (markers, lines, labels' anchors and the scale bar: all but the
    country shapes) that its locator inset covers. A map's corner is chosen so that this is empty."""
    box = locator_box(fig)
    if box is None:
        return []
    west, south, east, north = box
    return [
        (x, y)
        for trace in fig.data
        if trace.xaxis in (None, "x") and trace.fill != "toself" and trace.x is not None
        for x, y in zip(trace.x, trace.y)
        if x is not None and y is not None and west <= x <= east and south <= y <= north
    ]


SCALE_STEPS_KM = [50, 100, 200, 250, 500, 1000, 2000]


def scale_bar_km(lon_range: tuple[float, float], lat: float) -> tuple[float, float]:
    """A round length for the scale bar (about a fifth of the window's width at latitude `lat`)
    and the longitude span it covers there, measured on the WGS84 ellipsoid."""
    width_km = distance_km(lat, lon_range[0], lat, lon_range[1])
    km = max((k for k in SCALE_STEPS_KM if k <= width_km / 5), default=SCALE_STEPS_KM[0])
    return km, km / width_km * (lon_range[1] - lon_range[0])


def scale_bar_area(window, px_per_lon: float) -> tuple[float, float, float, float]:
    """Where add_scale_bar writes, as (west, south, east, north) in the map's degrees: its bar, the length
    above it and the small print below it, whose width (at `px_per_lon` pixels a degree of longitude, the
    phone's scale of a LabelPlacer) runs left from the bar's right end."""
    (lon0, lon1), (lat0, lat1) = window
    mid_lat = (lat0 + lat1) / 2
    _, span = scale_bar_km((lon0, lon1), mid_lat)
    right = lon1 - 0.1 * (lon1 - lon0)
    note = len(f"true to scale along {abs(mid_lat):.0f}°N") * 9 * 0.6 / px_per_lon
    y0 = lat0 + 0.05 * (lat1 - lat0)
    tall = 16 / px_per_lon * math.cos(math.radians(mid_lat))  # a line of 11 px text, in degrees of latitude
    return min(right - span, right - note), lat0, right, y0 + 0.012 * (lat1 - lat0) + tall


def add_scale_bar(fig: go.Figure, lon_range: tuple[float, float], lat_range: tuple[float, float]) -> go.Figure:
    """A scale bar in the lower right corner (deserts and seas on this report's maps), true along the
    map's middle parallel; its small print ends at the bar's right end."""
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
    # Anchored at the bar's right end and written leftwards: the note is wider than the bar, and on a
    # phone a note written rightwards from the bar's left end ran past the map's edge.
    fig.add_annotation(
        x=x0 + span,
        y=y0 - tick,
        xanchor="right",
        yanchor="top",
        showarrow=False,
        font=dict(size=9, color=style.MUTED),
        text=f"true to scale along {abs(mid_lat):.0f}°{'N' if mid_lat >= 0 else 'S'}",
    )
    return fig


LINE_STEP = 0.45  # how much of a row each further line of a wrapped row label takes


def labels_above_rows(
    fig: go.Figure, labels: list[str], x: float = 0.0, size: int = 10, wrap: int | None = None
) -> dict[str, float]:
    """Write each row's label just above the row, inside the plot, instead of as y-axis tick labels,
    so a chart of long-labelled rows keeps its full width on a phone. Rows run from the top, one
    unit apart; a label longer than `wrap` characters is broken into lines at spaces (never cut),
    and its row moves down to make room for the lines. Returns each label's y so the caller draws
    its row there."""
    texts = [wrap_label(html(t), wrap) if wrap else html(t) for t in labels]
    lines = [t.count("<br>") + 1 for t in texts]
    ys: dict[str, float] = {}
    y = 0.0
    for i, (label, n) in enumerate(zip(labels, lines)):
        if i:
            y -= 1 + LINE_STEP * (n - 1)
        ys[label] = y
    fig.add_trace(
        go.Scatter(
            x=[x] * len(labels),
            y=[ys[t] + 0.42 + LINE_STEP * (n - 1) / 2 for t, n in zip(labels, lines)],
            mode="text",
            text=texts,
            textposition="middle right",
            textfont=dict(size=size, color=style.INK),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    top = 0.95 + LINE_STEP * (lines[0] - 1) if lines else 0.95
    fig.update_yaxes(
        showticklabels=False,
        ticks="",
        range=[min(ys.values(), default=0.0) - 0.6, top],
        zeroline=False,
        showgrid=False,
        fixedrange=True,
    )
    return ys


def rows_span(fig: go.Figure) -> float:
    """How many rows' height a chart drawn with labels_above_rows spans (its y-axis range)."""
    low, high = fig.layout.yaxis.range
    return high - low


# ------------------------------------------------------------------ map furniture: country names, capitals

# Country names as the maps print them, where Natural Earth's short name is not the report's.
COUNTRY_NAMES = {"Turkey": "Türkiye", "Central African Rep.": "Central African Republic", "N. Cyprus": ""}
COUNTRY_INK = "#9aa1a8"  # a light grey: furniture, quieter than any place's name
COUNTRY_FONT_PX = 9
LABEL_GRID = 28  # candidate points across the map's width when looking for where a country's name goes


def _segment_gap(px: float, py: float, ring: list[tuple[float, float]]) -> float:
    """The distance from a point to the nearest edge of a ring (same units as the ring's)."""
    best = math.inf
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        dx, dy = x2 - x1, y2 - y1
        t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.hypot(px - x1 - t * dx, py - y1 - t * dy))
    return best


def _inside_rings(px: float, py: float, rings: list[list[tuple[float, float]]]) -> bool:
    hits = 0
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            if (y1 > py) != (y2 > py) and px < x1 + (py - y1) * (x2 - x1) / (y2 - y1):
                hits += 1
    return hits % 2 == 1


def label_points(country: str, window) -> list[tuple[float, float]]:
    """Where a country's name may go on a map of `window`, best first: points of a grid inside the part
    of the country the map shows (its Natural Earth outline, cut to the window), ordered by how far each
    lies from that part's edge, so the first is its most interior point (its representative point on
    this map), and the next ones are the fallbacks if a place or its name already sits there."""
    (lon0, lon1), (lat0, lat1) = window
    stretch = 1 / math.cos(math.radians((lat0 + lat1) / 2))  # a degree of latitude, in degrees of longitude
    tolerance = max(lon1 - lon0, lat1 - lat0) / 300
    rings = [
        [(x, y * stretch) for x, y in zip(lons, lats)]
        for name, lons, lats in basemap.rings_in_box(lon0, lon1, lat0, lat1, tolerance=tolerance)
        if name == country
    ]
    if not rings:
        return []
    step = (lon1 - lon0) / LABEL_GRID
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    scored = []
    x = min(xs) + step / 2
    while x < max(xs):
        y = min(ys) + step / 2
        while y < max(ys):
            if _inside_rings(x, y, rings):
                scored.append((-min(_segment_gap(x, y, r) for r in rings), round(x, 4), round(y / stretch, 4)))
            y += step
        x += step
    return [(x, y) for _, x, y in sorted(scored)]


def add_country_names(fig: go.Figure, window, placer, countries: Iterable[str] | None = None) -> dict[str, str]:
    """Write each country's name, in a light grey, at its most interior point on the map that is clear of
    every place, name and inset already on it (label_points; the placer keeps the map's labels apart).
    Country names are the map's furniture, so they go last: a name with no room is left off. `countries`
    (Natural Earth names) defaults to every country the window shows. Returns each name written, by country."""
    (lon0, lon1), (lat0, lat1) = window
    if countries is None:
        countries = dict.fromkeys(name for name, *_ in basemap.rings_in_box(lon0, lon1, lat0, lat1, tolerance=0.5))
    placer.block(*scale_bar_area(window, placer.sx))  # the scale bar is not in the placer: the names keep off it
    written: dict[str, str] = {}
    xs, ys, texts = [], [], []
    for country in countries:
        words = COUNTRY_NAMES.get(country, country)
        if not words:
            continue
        for lon, lat in label_points(country, window)[:60]:
            # the name's top and bottom edges inside the country too: a name that straddles a border reads as
            # its neighbour's as much as its own (a long name may run past a narrow country's sides)
            half = COUNTRY_FONT_PX * 0.7 / placer.sy
            if not all(basemap.inside(lon, y, country) for y in (lat - half, lat + half)):
                continue
            if placer.place(lon, lat, words.upper(), ["middle center"]):
                xs.append(lon)
                ys.append(lat)
                texts.append(html(words.upper()))
                written[country] = words
                break
    if texts:
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="text",
                text=texts,
                textposition="middle center",
                textfont=dict(size=COUNTRY_FONT_PX, color=COUNTRY_INK),
                hoverinfo="skip",
                showlegend=False,
                meta="country names",
            )
        )
    return written


def add_leader_lines(fig: go.Figure, rows) -> None:
    """Where spread_markers set a site's marker off its place (x, y differ from lon, lat), a thin line joins the
    marker to its true place, marked by a dot. One look for every map that spreads its markers."""
    moved = rows[(rows["x"] != rows["lon"]) | (rows["y"] != rows["lat"])]
    if moved.empty:
        return
    lx, ly = [], []
    for r in moved.itertuples():
        lx += [r.lon, r.x, None]
        ly += [r.lat, r.y, None]
    fig.add_trace(go.Scatter(x=lx, y=ly, mode="lines", line=dict(color=style.INK, width=0.8), hoverinfo="skip", showlegend=False))
    fig.add_trace(
        go.Scatter(
            x=moved["lon"], y=moved["lat"], mode="markers", marker=dict(color=style.INK, size=3), hoverinfo="skip",
            showlegend=False,
        )
    )  # fmt: skip


def add_capital(fig: go.Figure, placer, lon: float, lat: float, name: str, country: str) -> str | None:
    """A capital the places data hold, as map furniture: a small grey ringed dot and its name, where the
    name fits clear of everything already on the map (else the dot alone, with its hover text)."""
    placer.marker(lon, lat, 7)
    position = placer.place(lon, lat, name, marker_px=7)
    fig.add_trace(
        go.Scatter(
            x=[lon],
            y=[lat],
            mode="markers+text",
            marker=dict(symbol="circle-dot", size=7, color="white", line=dict(color=style.MUTED, width=1.5)),
            text=[html(name) if position else ""],
            textposition=position or "middle right",
            textfont=dict(size=placer.font_px, color=style.MUTED),
            hovertemplate=f"{html(name)}, capital of {html(country)}<extra></extra>",
            showlegend=False,
            meta="capital",
        )
    )
    return position

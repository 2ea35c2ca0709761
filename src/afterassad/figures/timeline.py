"""Lane timelines shared by the chapters: events in named lanes, with no marker hidden behind another.

Events that fall on the same day (or close enough that their markers would touch) are stacked
in slots inside their lane, and each lane is as tall as its busiest moment. A multi-day event
keeps its slot for its whole span, so its bar does not run through other markers.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from afterassad.figures import style
from afterassad.figures.labels import PHONE_PLOT_PX

SLOT = 1.0  # height of one slot, in y units
LANE_GAP = 0.6  # space between lanes
MARKER_PX = 13  # marker diameter plus a little air
PLOT_PX = PHONE_PLOT_PX  # the narrowest plot: a phone's. Markers apart there are apart at any width


def pack(starts: list[float], ends: list[float], gap: float) -> list[int]:
    """Greedy interval packing: the lowest slot whose last occupant ends at least `gap` before."""
    order = sorted(range(len(starts)), key=lambda i: (starts[i], ends[i]))
    last_end: list[float] = []
    slots = [0] * len(starts)
    for i in order:
        for k, end in enumerate(last_end):
            if starts[i] - end >= gap:
                last_end[k] = ends[i]
                slots[i] = k
                break
        else:
            last_end.append(ends[i])
            slots[i] = len(last_end) - 1
    return slots


def min_gap_days(first: pd.Timestamp, last: pd.Timestamp, plot_px: int = PLOT_PX) -> float:
    """How many days one marker covers on an axis from `first` to `last` drawn `plot_px` wide."""
    span = max((last - first).total_seconds() / 86400.0, 1.0)
    return span * MARKER_PX / plot_px


@dataclass
class Lanes:
    """Where each row goes (`y`), and the axis ticks and separators that name the lanes."""

    y: pd.Series
    tickvals: list[float]
    ticktext: list[str]
    separators: list[float]
    top: float

    def style_axis(self, fig: go.Figure) -> go.Figure:
        fig.update_yaxes(
            tickvals=self.tickvals,
            ticktext=self.ticktext,
            range=[-LANE_GAP / 2, self.top + LANE_GAP / 2],
            showgrid=False,
            zeroline=False,
            title=None,
            fixedrange=True,
        )
        for y in self.separators:
            fig.add_shape(type="line", xref="paper", x0=0, x1=1, y0=y, y1=y, line=dict(color=style.GRID, width=1))
        return fig

    def height_px(self, per_slot: int = 18, base: int = 200) -> int:
        """A figure height that gives every slot room for its marker, and `base` for the axes and legend."""
        return int(base + per_slot * self.top)


def stack_in_lanes(
    frame: pd.DataFrame,
    lane_col: str,
    lanes: list[str],
    date_col: str = "date",
    end_col: str | None = None,
    gap_days: float | None = None,
) -> Lanes:
    """Place every row of `frame` in its lane (`lanes` listed top to bottom) without overlaps."""
    unknown = set(frame[lane_col]) - set(lanes)
    if unknown:
        raise ValueError(f"rows in lanes not listed: {sorted(map(str, unknown))}")
    first, last = frame[date_col].min(), frame[date_col].max()
    if end_col:
        last = max(last, frame[end_col].max()) if frame[end_col].notna().any() else last
    gap = gap_days if gap_days is not None else min_gap_days(first, last)
    day = lambda ts: (ts - first).total_seconds() / 86400.0  # noqa: E731
    slots = pd.Series(0, index=frame.index)
    depth = {}
    for lane in lanes:
        rows = frame[frame[lane_col] == lane]
        starts = [day(t) for t in rows[date_col]]
        ends = [day(e) if pd.notna(e) else s for s, e in zip(starts, rows[end_col])] if end_col else list(starts)
        packed = pack(starts, ends, gap)
        slots.loc[rows.index] = packed
        depth[lane] = max(packed, default=0) + 1
    y = pd.Series(0.0, index=frame.index)
    tickvals, separators = [], []
    bottom = 0.0
    for lane in reversed(lanes):  # build from the bottom lane up
        height = depth[lane] * SLOT
        rows = frame[frame[lane_col] == lane].index
        # slot 0 at the top of the lane, so a lane reads downwards like a list
        y.loc[rows] = bottom + height - (slots.loc[rows] + 0.5) * SLOT
        tickvals.append(bottom + height / 2)
        bottom += height
        separators.append(bottom + LANE_GAP / 2)
        bottom += LANE_GAP
    top = bottom - LANE_GAP
    return Lanes(y=y, tickvals=tickvals[::-1], ticktext=list(lanes), separators=separators[:-1], top=top)

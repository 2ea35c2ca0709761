"""Labels that never sit on one another or on a marker, at the narrowest size a figure is read.

A figure is drawn once and read at every width. Plotly keeps text at its font size while the
plot shrinks, so labels that clear each other on a desktop collide on a phone. The placer
therefore works at the phone's scale (the plot about 250 px wide, on a 390 px screen): labels
that fit there fit at any larger size. Each label goes to the first of eight positions around its
anchor whose box is free and inside the plot; a label with no free position is left off (its
point keeps its hover text), never drawn over another.
"""

from __future__ import annotations

import math

PHONE_PLOT_PX = 250  # plot width on a 390 px screen, less the page's padding and the axes (measured: 255-265)
POSITIONS = ["middle right", "middle left", "top center", "bottom center", "top right", "bottom right", "top left", "bottom left"]
CHAR_EM = 0.6  # an average character's width, in ems, in the report's sans-serif (generous)


Box = tuple[float, float, float, float]


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class LabelPlacer:
    """Keeps track of what a plot already holds (markers, labels), in pixels at the phone's scale."""

    def __init__(
        self, x_range: tuple[float, float], y_range: tuple[float, float], px_per_x: float, px_per_y: float, font_px: float = 10.0
    ):
        self.x0, self.y0 = x_range[0], y_range[0]
        self.sx, self.sy = px_per_x, px_per_y
        self.bounds: Box = (0.0, 0.0, (x_range[1] - x_range[0]) * px_per_x, (y_range[1] - y_range[0]) * px_per_y)
        self.font_px = font_px
        self.markers: list[Box] = []
        self.labels: list[Box] = []
        self.blocked: list[Box] = []

    @classmethod
    def for_map(cls, window, plot_px: float = PHONE_PLOT_PX, font_px: float = 10.0, avoid=()) -> LabelPlacer:
        """A map drawn by figures.base_map: x is longitude, y latitude, one degree of latitude
        1/cos(mid-latitude) times as tall as one of longitude. `avoid` holds areas of the map
        (west, south, east, north) where no label may go: its locator inset (render.locator_box)."""
        (x0, x1), (y0, y1) = window
        sx = plot_px / (x1 - x0)
        placer = cls((x0, x1), (y0, y1), sx, sx / math.cos(math.radians((y0 + y1) / 2)), font_px)
        for box in avoid:
            if box is not None:
                placer.block(*box)
        return placer

    @classmethod
    def for_plot(cls, x_range, y_range, plot_px: tuple[float, float], font_px: float = 10.0) -> LabelPlacer:
        """An ordinary chart whose plot area is plot_px (width, height) at the phone's size."""
        return cls(x_range, y_range, plot_px[0] / (x_range[1] - x_range[0]), plot_px[1] / (y_range[1] - y_range[0]), font_px)

    def _xy(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.x0) * self.sx, (y - self.y0) * self.sy

    def marker(self, x: float, y: float, size_px: float = 10.0) -> None:
        """A marker that no label may cover."""
        px, py = self._xy(x, y)
        half = size_px / 2 + 1
        self.markers.append((px - half, py - half, px + half, py + half))

    def block(self, x0: float, y0: float, x1: float, y1: float, pad_px: float = 3.0) -> None:
        """An area (in data units) that no label may cover, with `pad_px` of room around it."""
        (a, b), (c, d) = self._xy(x0, y0), self._xy(x1, y1)
        self.blocked.append((min(a, c) - pad_px, min(b, d) - pad_px, max(a, c) + pad_px, max(b, d) + pad_px))

    def box(self, x: float, y: float, text: str, position: str, marker_px: float = 0.0) -> Box:
        """Where `text` would sit at `position` around (x, y), as plotly draws it: beside the
        anchor's own marker (`marker_px` across), a few pixels clear of it."""
        px, py = self._xy(x, y)
        gap = marker_px / 2 + 3
        w = len(text) * self.font_px * CHAR_EM + 2
        h = self.font_px * 1.3
        vert, horiz = position.split(" ")
        left = {"left": px - gap - w, "right": px + gap, "center": px - w / 2}[horiz]
        bottom = {"top": py + gap, "bottom": py - gap - h, "middle": py - h / 2}[vert]
        return (left, bottom, left + w, bottom + h)

    def fits(self, b: Box, anchor: tuple[float, float] | None = None) -> bool:
        """Inside the plot, clear of every label and blocked area, and of every marker but the anchor's own."""
        inside = b[0] >= self.bounds[0] and b[1] >= self.bounds[1] and b[2] <= self.bounds[2] and b[3] <= self.bounds[3]
        if not inside or any(_overlap(b, t) for t in self.labels + self.blocked):
            return False

        def own(m: Box) -> bool:  # the anchor's own marker, centred on it
            return anchor is not None and abs((m[0] + m[2]) / 2 - anchor[0]) < 0.5 and abs((m[1] + m[3]) / 2 - anchor[1]) < 0.5

        return not any(_overlap(b, m) for m in self.markers if not own(m))

    def place(self, x: float, y: float, text: str, positions: list[str] | None = None, marker_px: float = 0.0) -> str | None:
        """The first free position for the label, now taken; None if there is none."""
        if not text:
            return None
        anchor = self._xy(x, y)
        for position in positions or POSITIONS:
            b = self.box(x, y, text, position, marker_px)
            if self.fits(b, anchor):
                self.labels.append(b)
                return position
        return None

    @property
    def taken(self) -> list[Box]:
        return self.markers + self.labels + self.blocked


def place_all(
    placer: LabelPlacer, xs, ys, texts, positions: list[str] | None = None, marker_px: float = 0.0
) -> tuple[list[str], list[str]]:
    """Place labels in the order given (most important first); returns (texts, positions) for a
    plotly trace, with the text of a label that found no room blanked."""
    out_texts, out_positions = [], []
    for x, y, text in zip(xs, ys, texts):
        position = placer.place(x, y, text, positions, marker_px)
        out_texts.append(text if position else "")
        out_positions.append(position or "middle right")
    return out_texts, out_positions

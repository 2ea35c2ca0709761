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

    def place(
        self, x: float, y: float, text: str, positions: list[str] | None = None, marker_px: float = 0.0, rivals=()
    ) -> str | None:
        """The first free position for the label, now taken; None if there is none. With `rivals`
        (other markers' (x, y)), a position is free only if every one of them lies farther from the
        label's near edge, where it attaches to its point, than that point does (a third as far again
        for a label set diagonally off its point, which reads less surely as its own), so that a name
        never reads as the name of a neighbour."""
        if not text:
            return None
        anchor = self._xy(x, y)
        others = [self._xy(rx, ry) for rx, ry in rivals if (rx, ry) != (x, y)]
        for position in positions or POSITIONS:
            b = self.box(x, y, text, position, marker_px)
            near = (min(max(anchor[0], b[0]), b[2]), min(max(anchor[1], b[1]), b[3]))  # the box's point nearest its own
            margin = 1.3 if "middle" not in position and "center" not in position else 1.0
            if self.fits(b, anchor) and all(math.dist(near, o) > margin * math.dist(near, anchor) for o in others):
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


def _ring(order: list[int], centre: tuple[float, float], radius: float, angle: float) -> dict[int, tuple[float, float]]:
    """Points evenly round a circle, the first at `angle`, in the order given."""
    k = len(order)
    return {
        i: (
            centre[0] + radius * math.cos(angle + 2 * math.pi * j / k),
            centre[1] + radius * math.sin(angle + 2 * math.pi * j / k),
        )
        for j, i in enumerate(order)
    }


def spread_markers(placer: LabelPlacer, xs, ys, sizes_px, gap_px: float = 1.0) -> list[tuple[float, float]]:
    """Where to draw markers that would sit on one another at the phone's scale. A marker clear of
    the others stays on its own point; the markers of a cluster (points closer than their markers'
    width, directly or through a neighbour) go evenly round the cluster's centre, each on the side
    where its own point lies, on the smallest ring that keeps them apart. Clusters are laid in the
    order of their first member (most important first); a ring that would touch a marker already
    placed is turned, then widened a pixel at a time, until it is clear (or, failing that, as clear
    as it gets). Every marker is registered with the placer, so labels keep clear of it.

    Returns the (x, y) each marker is drawn at; a caller joins a moved marker to its own point with
    a thin line, so the reader still sees where the place is."""
    sizes = [float(s) for s in (sizes_px if hasattr(sizes_px, "__len__") else [sizes_px] * len(xs))]
    points = [placer._xy(x, y) for x, y in zip(xs, ys)]
    n = len(points)

    def room(i: int, j: int) -> float:
        return (sizes[i] + sizes[j]) / 2 + gap_px

    cluster = list(range(n))

    def root(i: int) -> int:
        while cluster[i] != i:
            cluster[i] = cluster[cluster[i]]
            i = cluster[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            if math.dist(points[i], points[j]) < room(i, j):
                cluster[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)

    spots = list(points)

    def clearance(laid: dict[int, tuple[float, float]], placed: list[int]) -> float:  # 1 or more: clear of them all
        return min((math.dist(laid[i], spots[j]) / room(i, j) for i in laid for j in placed), default=1.0)

    fixed = [i for members in groups.values() if len(members) == 1 for i in members]
    for members in sorted((m for m in groups.values() if len(m) > 1), key=min):  # in the caller's order of importance
        cx = sum(points[i][0] for i in members) / len(members)
        cy = sum(points[i][1] for i in members) / len(members)
        # each member keeps its bearing from the centre, in order, evenly spaced round the ring
        bearing = {i: math.atan2(points[i][1] - cy, points[i][0] - cx) for i in members}
        order = sorted(members, key=lambda i: bearing[i])
        k = len(order)
        turn = math.atan2(
            sum(math.sin(bearing[i] - 2 * math.pi * j / k) for j, i in enumerate(order)),
            sum(math.cos(bearing[i] - 2 * math.pi * j / k) for j, i in enumerate(order)),
        )
        smallest = max(room(a, b) for a in members for b in members if a != b) / (2 * math.sin(math.pi / k))

        candidates = (
            _ring(order, (cx, cy), smallest + grow, turn + math.radians(step))
            for grow in range(0, round(2 * smallest) + 1)
            for step in (0, 15, -15, 30, -30, 45, -45, 60, -60, 90, -90, 180)
        )
        best = None
        for laid in candidates:  # the first ring that is clear, else the one that comes closest
            if best is None or clearance(laid, fixed) > clearance(best, fixed):
                best = laid
            if clearance(laid, fixed) >= 1:
                break
        laid = best
        for i, spot in laid.items():
            spots[i] = spot
        fixed += members
    out = []
    for x, y, spot, point, size in zip(xs, ys, spots, points, sizes):
        if spot != point:
            x, y = placer.x0 + spot[0] / placer.sx, placer.y0 + spot[1] / placer.sy
        placer.marker(x, y, size)
        out.append((x, y))
    return out

"""Offline base map: Natural Earth (public domain) country shapes from the npm package world-atlas.

The Makefile unpacks world-atlas into .cache/world-atlas; this module decodes its TopoJSON
into lon/lat polylines that plotly draws as ordinary lines, so maps need no network in the
HTML and none in the PNG export.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from afterassad.core.paths import repo_root

ATLAS_VERSION = json.loads((repo_root() / "tools" / "npm" / "package.json").read_text())["dependencies"]["world-atlas"]
LICENCE_NOTE = f"Base map: Natural Earth 1:50m (public domain), via the world-atlas {ATLAS_VERSION} npm package (ISC licence)."


def atlas_path(name: str = "countries-50m.json") -> Path:
    path = repo_root() / ".cache" / "world-atlas" / name
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: run `make setup` (npm pack world-atlas@{ATLAS_VERSION})")
    return path


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Undo TopoJSON quantisation and delta encoding."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


@lru_cache(maxsize=4)
def country_rings(name: str = "countries-50m.json") -> tuple[tuple[str, tuple], ...]:
    """(country name, ring of (lon, lat)) for every polygon ring in the atlas."""
    topo = json.loads(atlas_path(name).read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo)
    out = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        label = geometry.get("properties", {}).get("name", "")
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            for ring in polygon:
                points = tuple(_ring(arcs, ring))
                out.append((recognised_owner(label, points), points))
    return tuple(out)


# The atlas draws de facto control; the report's maps draw internationally recognised borders. Crimea, which the
# atlas gives to Russia as a polygon of its own, is drawn as part of Ukraine.
CRIMEA_BOX = (32.0, 37.0, 44.0, 46.5)  # lon min, lon max, lat min, lat max


def recognised_owner(label: str, ring) -> str:
    """The country a ring is drawn as: its atlas owner, except a Russian ring lying wholly in Crimea."""
    lon_min, lon_max, lat_min, lat_max = CRIMEA_BOX
    if label == "Russia" and all(lon_min < x < lon_max and lat_min < y < lat_max for x, y in ring):
        return "Ukraine"
    return label


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: drop the points that lie within `tolerance` (degrees) of the line that
    would replace them. The ends are always kept, so a closed ring stays closed."""
    if len(points) < 3 or tolerance <= 0:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        worst, worst_at = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            gap = abs(dy * (px - x1) - dx * (py - y1)) / norm if norm else math.hypot(px - x1, py - y1)
            if gap > worst:
                worst, worst_at = gap, i
        if worst_at is not None and worst > tolerance:
            keep[worst_at] = True
            stack += [(first, worst_at), (worst_at, last)]
    return [p for p, kept in zip(points, keep) if kept]


def rings_in_box(lon_min: float, lon_max: float, lat_min: float, lat_max: float, tolerance: float = 0.0):
    """Rings that touch the box, as (country, [lons], [lats]).

    With a tolerance (degrees), each ring is clamped to the box (a filled shape stays filled
    inside it; Russia's outline no longer runs to the Pacific), simplified, and rounded to a
    tenth of the tolerance, and rings smaller than the tolerance are dropped: a map's data
    then weighs what its pixels need, not what the 1:50m atlas holds.
    """
    digits = max(0, math.ceil(-math.log10(tolerance / 10))) if tolerance > 0 else None
    east = (lon_min + lon_max) / 2 >= 0
    for label, ring in country_rings():
        lons = [p[0] for p in ring]
        lats = [p[1] for p in ring]
        if max(lons) - min(lons) > 180:
            # A ring cut at the antimeridian (Russia's, at Chukotka): unwrapped to the box's side of the
            # globe, so that clamping it to the box does not draw its far end as a band across the map.
            lons = [x + 360 if east and x < 0 else x - 360 if not east and x > 0 else x for x in lons]
        if not (max(lons) >= lon_min and min(lons) <= lon_max and max(lats) >= lat_min and min(lats) <= lat_max):
            continue
        if tolerance <= 0:
            yield label, lons, lats
            continue
        if max(max(lons) - min(lons), max(lats) - min(lats)) < tolerance:
            continue
        clamped = [(min(max(x, lon_min), lon_max), min(max(y, lat_min), lat_max)) for x, y in zip(lons, lats)]
        deduped = [p for i, p in enumerate(clamped) if i == 0 or p != clamped[i - 1]]
        points = simplify(deduped, tolerance)
        if len(points) < 4:
            continue
        yield label, [round(x, digits) for x, _ in points], [round(y, digits) for _, y in points]


def inside(lon: float, lat: float, country: str) -> bool:
    """Whether a point lies inside a country's Natural Earth outline (even-odd rule over all its rings),
    on the same shapes the maps draw."""
    hits = 0
    for label, ring in country_rings():
        if label != country:
            continue
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                hits += 1
    return hits % 2 == 1

"""Offline base map: Natural Earth (public domain) country shapes from the npm package world-atlas.

The Makefile unpacks world-atlas into .cache/world-atlas; this module decodes its TopoJSON
into lon/lat polylines that plotly draws as ordinary lines, so maps need no network in the
HTML and none in the PNG export.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .paths import repo_root

ATLAS_VERSION = "2.0.2"
LICENCE_NOTE = ("Base map: Natural Earth 1:50m (public domain), via the world-atlas "
                f"{ATLAS_VERSION} npm package (ISC licence).")


def atlas_path(name: str = "countries-50m.json") -> Path:
    path = repo_root() / ".cache" / "world-atlas" / name
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: run `make basemap` (npm pack world-atlas@{ATLAS_VERSION})")
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
                out.append((label, tuple(_ring(arcs, ring))))
    return tuple(out)


def rings_in_box(lon_min: float, lon_max: float, lat_min: float, lat_max: float):
    """Rings that touch the box, as (country, [lons], [lats])."""
    for label, ring in country_rings():
        lons = [p[0] for p in ring]
        lats = [p[1] for p in ring]
        if max(lons) >= lon_min and min(lons) <= lon_max and max(lats) >= lat_min and min(lats) <= lat_max:
            yield label, lons, lats


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

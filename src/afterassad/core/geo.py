"""Geodesy shared by every chapter: distances and paths on the WGS84 ellipsoid (geographiclib).

Routes are drawn along the geodesic, not as straight lines on the map's projection, so a
long leg (Syria to Russia) bends as it really does and its label gives the true distance.
"""

from __future__ import annotations

from geographiclib.geodesic import Geodesic

_WGS84 = Geodesic.WGS84


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance on the WGS84 ellipsoid (Karney's algorithm), in kilometres."""
    return _WGS84.Inverse(lat1, lon1, lat2, lon2)["s12"] / 1000.0


def geodesic_path(lat1: float, lon1: float, lat2: float, lon2: float, step_km: float = 25.0) -> tuple[list[float], list[float]]:
    """Points along the geodesic from 1 to 2, about every `step_km`: (lons, lats), ends included."""
    line = _WGS84.InverseLine(lat1, lon1, lat2, lon2)
    n = max(2, int(line.s13 / 1000.0 / step_km) + 1)
    lons, lats = [], []
    for i in range(n + 1):
        point = line.Position(line.s13 * i / n)
        lons.append(point["lon2"])
        lats.append(point["lat2"])
    return lons, lats


def geodesic_midpoint(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """(lon, lat) halfway along the geodesic: where a route's distance label goes."""
    line = _WGS84.InverseLine(lat1, lon1, lat2, lon2)
    point = line.Position(line.s13 / 2)
    return point["lon2"], point["lat2"]

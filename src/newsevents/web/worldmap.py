"""An offline world map drawn as SVG on the server: country shapes from world-atlas 2.x
(``static/world/countries-110m.json``, ISC, Natural Earth data); the events on it come
from ``newsevents.query.event_map``.

TopoJSON is decoded here (quantized, delta-encoded arcs) and projected equirectangularly
onto a ``WIDTH`` x ``HEIGHT`` canvas; the country paths are computed once per process.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 960.0, 480.0
ATLAS = Path(__file__).parent / "static" / "world" / "countries-110m.json"


def project(lat: float, lon: float) -> tuple[float, float]:
    return (lon + 180.0) * WIDTH / 360.0, (90.0 - lat) * HEIGHT / 180.0


def _arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append(project(y * sy + ty, x * sx + tx))
        out.append(points)
    return out


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> str:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    # a ring crossing the antimeridian (Russia, Fiji) jumps across the map: lift the pen
    parts, last = [], None
    for x, y in points:
        cmd = "M" if last is None or abs(x - last) > WIDTH / 2 else "L"
        parts.append(f"{cmd}{x:.1f},{y:.1f}")
        last = x
    return "".join(parts) + "Z"


@functools.lru_cache(maxsize=1)
def countries() -> tuple[tuple[str, str], ...]:
    """(name, SVG path) of every country of the atlas."""
    topo = json.loads(ATLAS.read_text(encoding="utf-8"))
    arcs = _arcs(topo)
    out = []
    for g in topo["objects"]["countries"]["geometries"]:
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g.get("arcs", [])
        d = "".join(_ring(ring, arcs) for polygon in polygons for ring in polygon)
        if d:
            out.append(((g.get("properties") or {}).get("name", ""), d))
    return tuple(out)

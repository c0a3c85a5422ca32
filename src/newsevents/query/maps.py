"""Events by place, for maps: one marker per located place."""

from __future__ import annotations

from collections import Counter
from typing import Any


def event_places(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events with a located point grouped by place: how many, the quad class of most of
    them (and every quad class's count), and the first event as the way to its evidence."""
    groups: dict[tuple[float, float, str], list[dict[str, Any]]] = {}
    for e in events:
        loc = e.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        key = (round(loc["lat"], 2), round(loc["lon"], 2), loc.get("name") or "")
        groups.setdefault(key, []).append(e)
    out = []
    for (lat, lon, name), group in groups.items():
        quads = Counter(e.get("quad_class") for e in group if e.get("quad_class"))
        first = group[0]
        loc = first.get("location") or {}
        out.append(
            {
                "name": name,
                "country": loc.get("country"),
                "precision": loc.get("precision"),
                "lat": lat,
                "lon": lon,
                "count": len(group),
                "quad_class": quads.most_common(1)[0][0] if quads else None,
                "quads": {str(k): v for k, v in sorted(quads.items())},
                "doc": first.get("doc"),
                "mention": first.get("id"),
                "sentence": first.get("sentence"),
            }
        )
    out.sort(key=lambda p: (-p["count"], p["name"]))
    return out

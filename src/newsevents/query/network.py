"""Actor network: nodes are actors (country or name, as in dyads), edges are dyads with
their event counts and mean Goldstein score; positions from a small deterministic
force layout so the page needs no JavaScript."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

WIDTH, HEIGHT, MARGIN = 900.0, 600.0, 60.0


def build_network(dyad_rows: list[dict[str, Any]], max_nodes: int = 60) -> dict[str, Any]:
    """Aggregate dyad rows (any period) into a graph of the ``max_nodes`` busiest actors."""
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for r in dyad_rows:
        if not r["source"] or not r["target"] or r["source"] == r["target"]:
            continue
        e = edges.setdefault(
            (r["source"], r["target"]),
            {"source": r["source"], "target": r["target"], "events": 0, "goldstein": 0.0},
        )
        e["events"] += r["events"]
        e["goldstein"] += r["goldstein"]
    degree: dict[str, int] = {}
    for e in edges.values():
        degree[e["source"]] = degree.get(e["source"], 0) + e["events"]
        degree[e["target"]] = degree.get(e["target"], 0) + e["events"]
    keep = sorted(degree, key=lambda n: (-degree[n], n))[:max_nodes]
    kept = set(keep)
    edge_list = [
        {
            **e,
            "goldstein": round(e["goldstein"], 2),
            "mean_goldstein": round(e["goldstein"] / e["events"], 2),
        }
        for e in edges.values()
        if e["source"] in kept and e["target"] in kept
    ]
    edge_list.sort(key=lambda e: (e["source"], e["target"]))
    pos = layout(keep, [(e["source"], e["target"]) for e in edge_list])
    nodes = [
        {"id": n, "events": degree[n], "x": round(pos[n][0], 1), "y": round(pos[n][1], 1)}
        for n in keep
    ]
    for e in edge_list:
        (e["x1"], e["y1"]), (e["x2"], e["y2"]) = pos[e["source"]], pos[e["target"]]
        e["x1"], e["y1"], e["x2"], e["y2"] = (
            round(v, 1) for v in (e["x1"], e["y1"], e["x2"], e["y2"])
        )
    return {"nodes": nodes, "edges": edge_list, "width": WIDTH, "height": HEIGHT}


def layout(nodes: list[str], edges: list[tuple[str, str]], steps: int = 200) -> dict[str, tuple]:
    """Fruchterman-Reingold from a circle (deterministic), scaled into the drawing box."""
    n = len(nodes)
    if n == 0:
        return {}
    index = {name: i for i, name in enumerate(nodes)}
    angle = np.arange(n) * 2 * math.pi / n
    p = np.stack([np.cos(angle), np.sin(angle)], axis=1)
    if n > 2:
        k = math.sqrt(4.0 / n)
        ij = np.array([(index[a], index[b]) for a, b in edges], dtype=int).reshape(-1, 2)
        t = 0.1
        gravity = 2.0 / n
        for _ in range(steps):
            delta = p[:, None, :] - p[None, :, :]
            dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
            force = (delta / dist[..., None] * (k * k / dist)[..., None]).sum(axis=1)
            if len(ij):
                d = p[ij[:, 0]] - p[ij[:, 1]]
                dl = np.maximum(np.linalg.norm(d, axis=1), 1e-3)
                pull = d * (dl / k)[:, None]
                np.add.at(force, ij[:, 0], -pull)
                np.add.at(force, ij[:, 1], pull)
            force -= gravity * p * np.linalg.norm(p, axis=1)[:, None]  # keeps parts together
            length = np.maximum(np.linalg.norm(force, axis=1), 1e-9)
            p += force / length[:, None] * np.minimum(length, t)[:, None]
            p -= p.mean(axis=0)  # keep unconnected parts from drifting away
            t = max(t * 0.98, 0.005)
    lo, hi = p.min(axis=0), p.max(axis=0)
    span = np.where(hi - lo > 1e-9, hi - lo, 1.0)
    scaled = (p - lo) / span
    xs = MARGIN + scaled[:, 0] * (WIDTH - 2 * MARGIN)
    ys = MARGIN + scaled[:, 1] * (HEIGHT - 2 * MARGIN)
    if n == 1:
        xs, ys = np.array([WIDTH / 2]), np.array([HEIGHT / 2])
    return {name: (float(xs[i]), float(ys[i])) for name, i in index.items()}

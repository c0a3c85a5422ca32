"""SVG geometry for the Goldstein series chart, computed on the server (no JS library)."""

from __future__ import annotations

from typing import Any

WIDTH, HEIGHT = 900.0, 320.0
LEFT, RIGHT, TOP, BOTTOM = 50.0, 20.0, 20.0, 60.0
SCALE = 10.0  # Goldstein runs from -10 (most conflictual) to +10 (most cooperative)


def series_chart(series: list[dict[str, Any]], value: str = "mean_goldstein") -> dict[str, Any]:
    """Bars per period around a zero line: up (green) for cooperation, down (red) for conflict."""
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    zero = TOP + plot_h / 2
    n = max(len(series), 1)
    slot = plot_w / n
    bar_w = max(2.0, min(60.0, slot * 0.7))
    bars = []
    for i, row in enumerate(series):
        v = max(-SCALE, min(SCALE, float(row.get(value) or 0.0)))
        h = abs(v) / SCALE * (plot_h / 2)
        x = LEFT + i * slot + (slot - bar_w) / 2
        bars.append(
            {
                "x": round(x, 1),
                "y": round(zero - h if v >= 0 else zero, 1),
                "w": round(bar_w, 1),
                "h": round(max(h, 1.0), 1),
                "cls": "coop" if v > 0 else "conflict" if v < 0 else "neutral",
                "label": row["period"],
                "label_x": round(x + bar_w / 2, 1),
                "value": row.get(value),
                "events": row.get("events"),
            }
        )
    ticks = [{"v": t, "y": round(zero - t / SCALE * (plot_h / 2), 1)} for t in (10, 5, 0, -5, -10)]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "zero": round(zero, 1),
        "label_y": round(HEIGHT - BOTTOM + 16, 1),
        "bars": bars,
        "ticks": ticks,
        "every": max(1, len(series) // 12),  # label at most ~12 periods
    }

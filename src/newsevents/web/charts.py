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


def timeline_strip(entries: list[dict[str, Any]], width: float = 900.0) -> dict[str, Any] | None:
    """Dated timeline entries as dots on a day axis (ranges as bars), undated ones left out."""
    from datetime import date as Date

    def day(iso: str | None) -> int | None:
        try:
            return Date.fromisoformat(iso[:10]).toordinal() if iso else None
        except ValueError:
            return None

    dated = [(e, day(e["date"]), day(e.get("date_end")) or day(e["date"])) for e in entries]
    dated = [(e, a, b) for e, a, b in dated if a is not None]
    if not dated:
        return None
    lo = min(a for _, a, _ in dated)
    hi = max(b for _, _, b in dated)
    span = max(hi - lo, 1)
    left, right, height = 20.0, width - 20.0, 64.0
    x = lambda d: round(left + (d - lo) / span * (right - left), 1)  # noqa: E731
    marks = []
    lanes: dict[float, int] = {}
    for e, a, b in dated:
        x1 = x(a)
        lane = lanes.get(x1, 0)  # stack events of the same day
        lanes[x1] = lane + 1
        marks.append(
            {
                "x": x1,
                "w": round(max(x(b) - x1, 0.0), 1),
                "y": round(height - 24 - 8 * min(lane, 4), 1),
                "quad": e.get("quad_class") or 0,
                "title": f"{e['date']}: {e['summary']}",
                "event": e["event_id"],
            }
        )
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": right,
        "axis_y": height - 14,
        "first": Date.fromordinal(lo).isoformat(),
        "last": Date.fromordinal(hi).isoformat(),
        "marks": marks,
    }

"""Directives for business periods (quarters, halves), durations and sets.

"third-quarter", "the year-ago quarter", "P3D" for "three days", "P1Y" for "every year".
"""

from __future__ import annotations

import re

from newsevents.dates import lexicon as lx
from newsevents.dates.calmath import fmt, shift
from newsevents.dates.context import (
    Context,
    Groups,
    directive,
    duration,
    num_of,
    tense_direction,
)


@directive("dur")
def span_of_time(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "three days" -> P3D, "the past week" -> P1W, "several years" -> PXY."""
    n = num_of(g)
    if g.get("half") and isinstance(n, int):  # "a year and a half"
        n += 0.5
    if n is None and g.get("mod") and not g.get("n"):
        n = 1 if not g["u"].lower().endswith("s") else "X"
    return duration(n, g["u"])


@directive("setu")
def every_unit(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "every year" -> P1Y, "twice a week" -> P1W."""
    return duration(num_of(g) or 1, g["u"])


@directive("setwd")
def every_weekday(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "every Monday", "on Mondays", "Tuesday nights" -> XXXX-WXX-2TNI."""
    wd = (g.get("wd") or g.get("wd2") or "").removesuffix("s")
    part = (g.get("p") or g.get("p2") or "").lower().removesuffix("s")
    code = "T" + lx.dayparts()[part] if part in lx.dayparts() else ""
    return f"XXXX-WXX-{lx.lookup(lx.weekdays(), wd)}{code}"


@directive("qly")
def same_period_last_year(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "the same period last year": the period last talked about, a year before; without
    one, last year."""
    anchor = ctx.period or ctx.anchor or ""
    if re.fullmatch(r"\d{4}(-[QH]\d|-\d\d)?", anchor):
        return f"{int(anchor[:4]) - 1}{anchor[4:]}"
    return f"{ctx.dct.year - 1}" if ctx.dct else "XXXX"


@directive("q", "qy", "qya", "qrel", "half")
def quarter(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "the third quarter", "fourth-quarter", "the latest quarter", "the first half of 1990"."""
    kind = g.get("_kind") or "q"
    letter = "H" if kind == "half" else "Q"
    dct = ctx.dct
    if kind == "qrel":
        rel = (g.get("rel") or "").lower()
        anchor = ctx.anchor if ctx.anchor and re.fullmatch(r"\d{4}-Q\d", ctx.anchor) else None
        if rel in ("year-ago", "year-earlier", "comparable") and anchor:
            return f"{int(anchor[:4]) - 1}{anchor[4:]}"
        if anchor and rel in ("the", "same", "latest", "recent", "that", "corresponding"):
            return anchor
        if not dct:
            return "XXXX-QX"
        step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(rel)
        if step is None:
            # financial news reports the quarter that just ended
            step = -1 if rel in ("latest", "recent", "the", "same") else 0
        if rel in ("year-ago", "year-earlier", "comparable"):
            return fmt(shift(shift(dct, "Q", -1), "Y", -1), "Q")
        return fmt(shift(dct, "Q", step), "Q")
    # "the last half of 1989" is the second
    q = 2 if g["q"].lower() in ("last", "latter") else int(lx.parse_number(g["q"]) or 1)
    if g.get("y"):
        return f"{lx.parse_year(g['y'])}-{letter}{q}"
    if not dct:
        return f"XXXX-{letter}{q}"
    size = 3 if letter == "Q" else 6
    current = (dct.month - 1) // size + 1
    y = dct.year
    if q > current and tense_direction(ctx) <= 0:
        y = dct.year - 1  # results are reported for quarters already over
    if kind == "qya":
        y += {"next year's": 1, "this year's": 0}.get((g.get("rel") or "").lower(), -1)
    return f"{y}-{letter}{q}"

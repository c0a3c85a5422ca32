"""Directives relative to the publication date or to the last time mentioned: "yesterday",
"last week", "Monday", "this morning", "three days ago", "the next day", "10 p.m. Friday".

No publication date: the value keeps X's ("XXXX-WXX-1"); the date of the run is never used.
"""

from __future__ import annotations

import re
from datetime import timedelta

from newsevents.dates import lexicon as lx
from newsevents.dates.calmath import (
    UNKNOWN,
    fmt,
    shift,
    value_range,
    weekday_on_or_after,
    weekday_on_or_before,
)
from newsevents.dates.context import (
    DIRECTIVES,
    RD,
    Context,
    Groups,
    anchor_at,
    anchor_day,
    directive,
    num_of,
    rel_of,
    tense_direction,
    unit_of,
    weekday_date,
)


@directive("rel")
def relative_day(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "today" (rel:D:0), "yesterday" (rel:D:-1)."""
    unit, n = arg.split(":")
    return fmt(shift(ctx.dct, unit, int(n)), unit) if ctx.dct else UNKNOWN[unit]


@directive("anaph", "anaph0")
def anaphoric(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "the next day", "that week": from the last time mentioned."""
    unit, n = arg.split(":") if arg else (unit_of(g["u"])[0], "0")
    ref = anchor_day(ctx) if unit == "D" else anchor_at(ctx, unit)
    return fmt(shift(ref, unit, int(n)), unit) if ref else UNKNOWN[unit]


@directive("relu")
def relativeunit_of(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "last week", "this year", "the weekend", "earlier this month"."""
    unit = unit_of(g["u"])[0]
    dct = ctx.dct
    if not dct:
        return UNKNOWN.get(unit, "XXXX")
    rel = rel_of(g.get("rel"))
    if unit == "WE" and rel in (0, None):
        # on a weekday "the weekend" is the one before or after, by tense
        rel = (-1 if tense_direction(ctx) < 0 else 0) if dct.isoweekday() < 6 else 0
    return fmt(shift(dct, unit, rel or 0), unit)


@directive("wdanaph")
def weekday_from_anchor(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "the previous Friday": before the day last mentioned."""
    wd = lx.lookup(lx.weekdays(), g["wd"])
    ref = anchor_day(ctx)
    if not ref:
        return f"XXXX-WXX-{wd}"
    if rel_of(g.get("rel")) == 1:
        return weekday_on_or_after(ref + timedelta(days=1), wd).isoformat()
    return weekday_on_or_before(ref - timedelta(days=1), wd).isoformat()


@directive("wdrel", "wdpart")
def weekday(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "Monday", "last Monday", "Thursday night"."""
    wd = lx.lookup(lx.weekdays(), g["wd"])
    part = "T" + lx.dayparts()[g["p"].lower().split()[-1]] if g.get("p") else ""
    if not ctx.dct:
        return f"XXXX-WXX-{wd}" + part
    return weekday_date(wd, rel_of(g.get("rel")), ctx).isoformat() + part


@directive("part")
def part_of_day(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "this morning" (part:0), "last night" (part:-1), "mid-afternoon yesterday" (part:rd)."""
    code = lx.dayparts()[(g.get("p") or g.get("p2") or "").lower().split()[-1]]
    if arg.startswith("anchor"):  # "Prices fell Friday. In the morning, ...": that day;
        day = anchor_day(ctx)  # "the next morning" (anchor+1): the day after it
        if day is None:
            return f"XXXX-XX-XXT{code}"
        return f"{fmt(shift(day, 'D', int(arg[6:] or 0)), 'D')}T{code}"
    offset = RD.get((g.get("rd") or "").lower(), 0) if arg == "rd" else int(arg)
    base = fmt(shift(ctx.dct, "D", offset), "D") if ctx.dct else "XXXX-XX-XX"
    return f"{base}T{code}"


@directive("ago")
def ago(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "three days ago", "a year earlier" (after a quarter: the same quarter a year before)."""
    unit = unit_of(g["u"])[0]
    n = num_of(g)
    if n is None:  # "year-earlier" is one year; "months ago" some months
        n = "X" if g["u"].lower().endswith("s") else 1
    direction = (g.get("dir") or "ago").lower()
    sign = -1 if direction in ("ago", "earlier", "before", "back") else 1
    if unit in ("S", "H") or (unit == "M" and unit_of(g["u"])[1]):
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    anchor = ctx.anchor
    if anchor and unit == "Y" and isinstance(n, int) and re.fullmatch(r"\d{4}-[QH]\d", anchor):
        return f"{int(anchor[:4]) + sign * n}{anchor[4:]}"  # "a year ago" in a quarterly report
    granularity = unit
    ref = ctx.dct
    if direction in ("earlier", "before", "later", "after") and anchor:
        # "a year earlier" than a day is a day, than a month a month
        first, _, precision = value_range(anchor)
        if first:
            ref = first
            finer = {"day": "D", "month": "M"}.get(precision)
            if finer and unit in ("Y", "M") and not (finer == "M" and unit == "M"):
                granularity = finer
    if n == "X" or not isinstance(n, int):
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    if not ref:
        return UNKNOWN.get(unit, "XXXX-XX-XX")
    if unit in ("DE", "CE"):  # "a decade ago" is a year, not the decade "200"
        return fmt(shift(ref, unit, sign * n), "Y")
    return fmt(shift(ref, unit, sign * n), granularity)


@directive("time")
def clock(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "3:30 p.m.", "noon Thursday", "5 p.m. EST Nov. 9"."""
    hh = (g.get("hh") or g.get("hh2") or "").lower()
    if hh in ("noon", "midday"):
        h, mi = 12, 0
    elif hh == "midnight":
        h, mi = 24, 0
    else:
        h, mi = int(hh), int(g.get("mm") or 0)
        ap = (g.get("ap") or "").lower()
        if ap.startswith("p") and h < 12:
            h += 12
        elif ap.startswith("a") and h == 12:
            h = 0
    day = "XXXX-XX-XX"
    if g.get("wd"):
        wd = lx.lookup(lx.weekdays(), g["wd"])
        day = weekday_date(wd, None, ctx).isoformat() if ctx.dct is not None else f"XXXX-WXX-{wd}"
    elif g.get("m") and g.get("d"):
        day = DIRECTIVES["md"]("", g, ctx) or day
    elif g.get("rd") and ctx.dct is not None:
        day = shift(ctx.dct, "D", RD[g["rd"].lower()]).isoformat()
    elif ctx.dct is not None:  # "Bombs exploded Friday ... at 10:30 a.m.": that Friday
        day = anchor_day(ctx).isoformat()
    return f"{day}T{h:02d}:{mi:02d}"

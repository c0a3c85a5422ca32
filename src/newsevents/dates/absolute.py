"""Directives for calendar names: dates, months, years, seasons, decades, holidays.

A written year is kept; a missing one comes from the tense (:func:`context.pick_year`).
"""

from __future__ import annotations

import re

from newsevents.dates import lexicon as lx
from newsevents.dates.calmath import holiday
from newsevents.dates.context import (
    Context,
    Groups,
    directive,
    pick_year,
    rel_of,
    safe_date,
    tense_direction,
)


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


@directive("lit")
def literal(arg: str, g: Groups, ctx: Context) -> str | None:
    return arg


@directive("ymd")
def year_month_day(arg: str, g: Groups, ctx: Context) -> str | None:
    m = int(g["mn"]) if g.get("mn") else lx.lookup(lx.months(), g["m"])
    y, d = lx.parse_year(g["y"]), _day(g["d"])
    return f"{y:04d}-{m:02d}-{d:02d}" if safe_date(y, m, d) else None


@directive("md")
def month_day(arg: str, g: Groups, ctx: Context) -> str | None:
    m, d = lx.lookup(lx.months(), g["m"]), _day(g["d"])
    if not safe_date(2000, m, d):
        return None
    if g.get("y"):
        return f"{lx.parse_year(g['y']):04d}-{m:02d}-{d:02d}"
    if not ctx.dct:
        return f"XXXX-{m:02d}-{d:02d}"
    rel = rel_of(g.get("rel"))  # "last Oct. 23": the one on or before the dct, whatever the verb
    if rel:
        y = ctx.dct.year
        this_year = safe_date(y, m, d)
        if rel < 0 and this_year and this_year > ctx.dct:
            y -= 1
        elif rel > 0 and this_year and this_year < ctx.dct:
            y += 1
        return f"{y:04d}-{m:02d}-{d:02d}"
    return f"{pick_year(ctx, m, d):04d}-{m:02d}-{d:02d}"


@directive("ym")
def year_month(arg: str, g: Groups, ctx: Context) -> str | None:
    return f"{lx.parse_year(g['y']):04d}-{lx.lookup(lx.months(), g['m']):02d}"


@directive("mrel")
def month(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "May", "last May", "early May": the year from "last/next" or the tense."""
    m = lx.lookup(lx.months(), g["m"])
    dct = ctx.dct
    if not dct:
        return f"XXXX-{m:02d}"
    rel = rel_of(g.get("rel"))
    if rel == -1:
        y = dct.year if m < dct.month else dct.year - 1
    elif rel == 1:
        y = dct.year if m > dct.month else dct.year + 1
    elif rel == 0 or m == dct.month:  # "in mid-August", said in August: this one
        y = dct.year
    else:
        y = pick_year(ctx, m, 15)
    return f"{y:04d}-{m:02d}"


@directive("mry")
def month_of_relative_year(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "January this year", "June last year"."""
    m = lx.lookup(lx.months(), g["m"])
    if not ctx.dct:
        return f"XXXX-{m:02d}"
    return f"{ctx.dct.year + (rel_of(g.get('rel')) or 0):04d}-{m:02d}"


@directive("y")
def year(arg: str, g: Groups, ctx: Context) -> str | None:
    return f"{lx.parse_year(g['y']):04d}"


@directive("yperiod")
def year_period(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "the 1988 period": the quarter last mentioned, in that year."""
    anchor = ctx.anchor or ""
    q = anchor[4:] if re.fullmatch(r"\d{4}-[QH]\d", anchor) else ""
    return f"{lx.parse_year(g['y'])}{q}"


@directive("decade")
def decade(arg: str, g: Groups, ctx: Context) -> str | None:
    dec = g["dec"]
    return dec[:3] if len(dec) == 4 else ("19" + dec[0])


@directive("decw")
def decade_in_words(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "the nineties" -> 199."""
    return f"19{lx.parse_number(g['decw'].lower()[:-3] + 'y') // 10}"


@directive("century")
def century(arg: str, g: Groups, ctx: Context) -> str | None:
    n = lx.parse_number(g["n"]) or 1
    return f"{int(n) - 1:02d}"


@directive("sy", "srel")
def season(arg: str, g: Groups, ctx: Context) -> str | None:
    code, first, _ = lx.lookup(lx.seasons(), g["s"].lower())
    if g.get("y"):
        return f"{lx.parse_year(g['y'])}-{code}"
    dct = ctx.dct
    if not dct:
        return f"XXXX-{code}"
    rel = rel_of(g.get("rel"))
    if rel is None and g.get("rel"):
        rel = 0  # "earlier this summer", "early spring"
    if rel == -1:
        y = dct.year if first < dct.month - 2 else dct.year - 1
    elif rel == 1:
        y = dct.year if first > dct.month else dct.year + 1
    else:
        y = dct.year if rel == 0 else pick_year(ctx, first, 15)
    return f"{y}-{code}"


@directive("holiday")
def holiday_date(arg: str, g: Groups, ctx: Context) -> str | None:
    rule = lx.lookup(lx.holidays(), g["h"].replace("’", "'"))
    if g.get("y"):
        return holiday(rule, lx.parse_year(g["y"])).isoformat()
    dct = ctx.dct
    if not dct:
        d = holiday(rule, 2001)  # any year: fixed holidays keep month and day
        return f"XXXX-{d.month:02d}-{d.day:02d}" if rule[2:3] == "-" else "XXXX-XX-XX"
    days = [holiday(rule, y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    direction = tense_direction(ctx)
    if direction < 0:
        return max(d for d in days if d <= dct).isoformat()
    if direction > 0:
        return min(d for d in days if d >= dct).isoformat()
    return min(days, key=lambda d: abs((d - dct).days)).isoformat()


@directive("setm")
def every_month(arg: str, g: Groups, ctx: Context) -> str | None:
    """ "each July"."""
    return f"XXXX-{lx.lookup(lx.months(), g['m']):02d}"

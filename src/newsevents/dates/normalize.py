"""Turn one rule match into a TIMEX3 value, given the reference date, the tense of the clause
and the last time mentioned (for "the next day", "a year earlier").

Without a reference date nothing relative is guessed: the value keeps X's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from newsevents.dates import lexicon as lx
from newsevents.dates.calmath import (
    UNKNOWN,
    fmt,
    holiday,
    shift,
    value_range,
    weekday_on_or_after,
    weekday_on_or_before,
)


@dataclass
class Context:
    dct: date | None
    tense: str | None = None  # past, future, present, or None when no verb governs
    anchor: str | None = None  # value of the last calendar time mentioned before
    anchor_day: str | None = None  # the last day mentioned before ("the next day")


RD = {"yesterday": -1, "today": 0, "tomorrow": 1}
REL = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "this past": -1,
    "next": 1,
    "coming": 1,
    "this coming": 1,
    "following": 1,
}


def _rel(word: str | None) -> int | None:
    """-1/0/+1 for last/this/next; None when the word gives no direction."""
    if not word:
        return None
    w = re.sub(r"\s+", " ", word.lower()).removeprefix("the ").strip()
    if w in REL:
        return REL[w]
    if w in ("this", "current", "this current", "the", "over the", "same", "on"):
        return 0
    return None


def _direction(ctx: Context) -> int:
    """-1 past, +1 future, 0 undecided."""
    return {"past": -1, "future": 1}.get(ctx.tense or "", 0)


def _unit(word: str) -> tuple[str, bool]:
    w = re.sub(r"\s+", " ", word.lower())
    if w in ("fiscal year", "school year"):
        return "Y", False
    if w == "season":
        return "Y", False
    return lx.lookup(lx.units(), w) or ("D", False)


def _num(g: dict, key: str = "n") -> int | float | str | None:
    text = g.get(key)
    if text is None:
        return None
    low = " ".join(text.lower().split())
    if "couple" in low:
        return 2
    if low in lx.fuzzy() or low.startswith(("a few", "a number", "a matter")):
        return "X"
    return lx.parse_number(text)


def duration(n, unit_word: str) -> str:
    code, is_time = _unit(unit_word)
    if n is None:
        n = "X"
    if isinstance(n, float):
        n = int(n) if n.is_integer() else n
    if code == "2W":
        code, n = "W", (n * 2 if isinstance(n, int) else n)
    if code == "WE":
        code, n = "D", (n * 2 if isinstance(n, int) else n)
    if code in ("DE", "CE") and isinstance(n, int):  # "two decades" -> P20Y
        code, n = "Y", n * (10 if code == "DE" else 100)
    return f"PT{n}{code}" if is_time else f"P{n}{code}"


def _pick_year(ctx: Context, month: int, day: int = 1) -> int:
    """Year of a month(-day) written without one: the tense decides which side of the dct."""
    dct = ctx.dct
    d = _safe(dct.year, month, day)
    direction = _direction(ctx)
    if direction < 0 and d and d > dct:
        return dct.year - 1
    if direction > 0 and d and d < dct and (dct - d).days > 7:
        return dct.year + 1
    if direction == 0 and d:  # nearest occurrence
        if (d - dct).days > 183:
            return dct.year - 1
        if (dct - d).days > 183:
            return dct.year + 1
    return dct.year


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _anchor_day(ctx: Context) -> date | None:
    for value in (ctx.anchor, ctx.anchor_day):
        if value:
            first, _, precision = value_range(value)
            if first and precision == "day":
                return first
    return ctx.dct


_FINER = {"W": ("day", "week"), "M": ("day", "week", "month"), "Q": ("day", "week", "month")}


def _anchor_at(ctx: Context, unit: str) -> date | None:
    """Reference for "the following month": the last time mentioned, if it is at least as
    fine as the unit, else the publication date."""
    if ctx.anchor:
        first, _, precision = value_range(ctx.anchor)
        if first and precision in _FINER.get(unit, ("day", "week", "month", "year")):
            return first
    return ctx.dct


def _weekday(wd: int, rel: int | None, ctx: Context) -> date:
    ref = ctx.dct  # news resolves weekdays against the publication date
    if rel == -1:
        return weekday_on_or_before(ref - timedelta(days=1), wd)
    if rel == 1:
        return weekday_on_or_after(ref + timedelta(days=1), wd)
    if rel == 0 and ctx.tense is None:
        return ref + timedelta(days=wd - ref.isoweekday())
    if _direction(ctx) > 0:
        return weekday_on_or_after(ref, wd)
    return weekday_on_or_before(ref, wd)


def normalize(directive: str, g: dict[str, str | None], ctx: Context) -> str | None:
    """TIMEX3 value for a rule's directive and its named groups."""
    kind, _, arg = directive.partition(":")
    dct = ctx.dct
    if kind == "lit":
        return arg
    if kind == "ymd":
        m = int(g["mn"]) if g.get("mn") else lx.lookup(lx.months(), g["m"])
        y = lx.parse_year(g["y"])
        d = int(re.sub(r"\D", "", g["d"]))
        return f"{y:04d}-{m:02d}-{d:02d}" if _safe(y, m, d) else None
    if kind == "md":
        m = lx.lookup(lx.months(), g["m"])
        d = int(re.sub(r"\D", "", g["d"]))
        if not _safe(2000, m, d):
            return None
        y = _pick_year(ctx, m, d) if dct else None
        return f"{y:04d}-{m:02d}-{d:02d}" if y else f"XXXX-{m:02d}-{d:02d}"
    if kind == "holiday":
        rule = lx.lookup(lx.holidays(), g["h"].replace("’", "'"))
        if g.get("y"):
            return holiday(rule, lx.parse_year(g["y"])).isoformat()
        if not dct:
            d = holiday(rule, 2001)  # any year: fixed holidays keep month and day
            return f"XXXX-{d.month:02d}-{d.day:02d}" if rule[2:3] == "-" else "XXXX-XX-XX"
        days = [holiday(rule, y) for y in (dct.year - 1, dct.year, dct.year + 1)]
        direction = _direction(ctx)
        if direction < 0:
            return max(d for d in days if d <= dct).isoformat()
        if direction > 0:
            return min(d for d in days if d >= dct).isoformat()
        return min(days, key=lambda d: abs((d - dct).days)).isoformat()
    if kind == "mry":
        m = lx.lookup(lx.months(), g["m"])
        if not dct:
            return f"XXXX-{m:02d}"
        return f"{dct.year + (_rel(g.get('rel')) or 0):04d}-{m:02d}"
    if kind == "yw":
        return f"19{lx.parse_number(g['yw']):02d}"
    if kind == "decw":
        return f"19{lx.parse_number(g['decw'].lower()[:-3] + 'y') // 10}"
    if kind == "setm":
        return f"XXXX-{lx.lookup(lx.months(), g['m']):02d}"
    if kind == "yperiod":
        anchor = ctx.anchor or ""
        q = anchor[4:] if re.fullmatch(r"\d{4}-[QH]\d", anchor) else ""
        return f"{lx.parse_year(g['y'])}{q}"
    if kind == "ym":
        m = lx.lookup(lx.months(), g["m"])
        return f"{lx.parse_year(g['y']):04d}-{m:02d}"
    if kind == "mrel":
        m = lx.lookup(lx.months(), g["m"])
        if not dct:
            return f"XXXX-{m:02d}"
        rel = _rel(g.get("rel"))
        if rel == -1:
            y = dct.year if m < dct.month else dct.year - 1
        elif rel == 1:
            y = dct.year if m > dct.month else dct.year + 1
        elif rel == 0:
            y = dct.year
        else:
            y = _pick_year(ctx, m, 15)
        return f"{y:04d}-{m:02d}"
    if kind == "y":
        return f"{lx.parse_year(g['y']):04d}"
    if kind == "decade":
        dec = g["dec"]
        return dec[:3] if len(dec) == 4 else ("19" + dec[0])
    if kind == "century":
        n = lx.parse_number(g["n"]) or 1
        return f"{int(n) - 1:02d}"
    if kind in ("sy", "srel"):
        code = lx.lookup(lx.seasons(), g["s"].lower())[0]
        if kind == "sy":
            return f"{lx.parse_year(g['y'])}-{code}"
        if not dct:
            return f"XXXX-{code}"
        first = lx.lookup(lx.seasons(), g["s"].lower())[1]
        rel = _rel(g.get("rel"))
        if rel is None and g.get("rel"):
            rel = 0  # "earlier this summer", "early spring"
        if rel == -1:
            y = dct.year if first < dct.month - 2 else dct.year - 1
        elif rel == 1:
            y = dct.year if first > dct.month else dct.year + 1
        else:
            y = dct.year if rel == 0 else _pick_year(ctx, first, 15)
        return f"{y}-{code}"
    if kind in ("q", "qy", "qya", "qrel", "half"):
        return _quarter(kind, g, ctx)
    if kind == "rel":
        unit, n = arg.split(":")
        return fmt(shift(dct, unit, int(n)), unit) if dct else UNKNOWN[unit]
    if kind in ("anaph", "anaph0"):
        unit, n = arg.split(":") if arg else (_unit(g["u"])[0], "0")
        ref = _anchor_day(ctx) if unit == "D" else _anchor_at(ctx, unit)
        return fmt(shift(ref, unit, int(n)), unit) if ref else UNKNOWN[unit]
    if kind == "relu":
        unit = _unit(g["u"])[0]
        if not dct:
            return UNKNOWN.get(unit, "XXXX")
        rel = _rel(g.get("rel"))
        if unit == "WE" and rel in (0, None):
            day = dct.isoweekday()
            if day < 6:  # weekday: the past or coming weekend, by tense
                rel = -1 if _direction(ctx) < 0 else 0
            else:
                rel = 0
        return fmt(shift(dct, unit, rel or 0), unit)
    if kind == "wdanaph":  # "the previous Friday": before the day last mentioned
        wd = lx.lookup(lx.weekdays(), g["wd"])
        ref = _anchor_day(ctx)
        if not ref:
            return f"XXXX-WXX-{wd}"
        if _rel(g.get("rel")) == 1:
            return weekday_on_or_after(ref + timedelta(days=1), wd).isoformat()
        return weekday_on_or_before(ref - timedelta(days=1), wd).isoformat()
    if kind in ("wdrel", "wdpart"):
        wd = lx.lookup(lx.weekdays(), g["wd"])
        rel = _rel(g.get("rel"))
        part = ""
        if kind == "wdpart":
            part = "T" + lx.dayparts()[g["p"].lower().split()[-1]]
        if not dct:
            return f"XXXX-WXX-{wd}" + part
        return _weekday(wd, rel, ctx).isoformat() + part
    if kind == "part":
        code = lx.dayparts()[g["p"].lower().split()[-1]]
        offset = RD.get((g.get("rd") or "").lower(), 0) if arg == "rd" else int(arg)
        base = fmt(shift(dct, "D", offset), "D") if dct else "XXXX-XX-XX"
        return f"{base}T{code}"
    if kind == "ago":
        return _ago(g, ctx)
    if kind == "dur":
        n = _num(g)
        if n is None and g.get("mod") and not g.get("n"):
            n = 1 if not g["u"].lower().endswith("s") else "X"
        return duration(n, g["u"])
    if kind == "time":
        return _clock(g, ctx)
    if kind == "setu":
        n = _num(g) or 1
        return duration(n, g["u"])
    if kind == "setwd":
        return f"XXXX-WXX-{lx.lookup(lx.weekdays(), g['wd'])}"
    return None


def _quarter(kind: str, g: dict, ctx: Context) -> str:
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
    q = int(lx.parse_number(g["q"]) or 1)
    if g.get("y"):
        return f"{lx.parse_year(g['y'])}-{letter}{q}"
    if not dct:
        return f"XXXX-{letter}{q}"
    size = 3 if letter == "Q" else 6
    current = (dct.month - 1) // size + 1
    y = dct.year
    if q > current and _direction(ctx) <= 0:
        y = dct.year - 1  # results are reported for quarters already over
    if kind == "qya":
        y += {"next year's": 1, "this year's": 0}.get((g.get("rel") or "").lower(), -1)
    return f"{y}-{letter}{q}"


def _ago(g: dict, ctx: Context) -> str:
    unit = _unit(g["u"])[0]
    n = _num(g)
    if n is None:  # "year-earlier" is one year; "months ago" some months
        n = "X" if g["u"].lower().endswith("s") else 1
    direction = (g.get("dir") or "ago").lower()
    sign = -1 if direction in ("ago", "earlier", "before", "back") else 1
    if unit in ("S", "H") or (unit == "M" and _unit(g["u"])[1]):
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    anchor = ctx.anchor
    if anchor and unit == "Y" and isinstance(n, int) and re.fullmatch(r"\d{4}-[QH]\d", anchor):
        return f"{int(anchor[:4]) + sign * n}{anchor[4:]}"  # "a year ago" in a quarterly report
    if direction in ("earlier", "before", "later", "after"):
        ref = value_range(anchor)[0] if anchor else None
        ref = ref or ctx.dct
    else:
        ref = ctx.dct
    if n == "X" or not isinstance(n, int):
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    if not ref:
        return UNKNOWN.get(unit, "XXXX-XX-XX")
    if unit in ("DE", "CE"):  # "a decade ago" is a year, not the decade "200"
        return fmt(shift(ref, unit, sign * n), "Y")
    return fmt(shift(ref, unit, sign * n), unit)


def _clock(g: dict, ctx: Context) -> str:
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
        day = _weekday(wd, None, ctx).isoformat() if dct_ok(ctx) else f"XXXX-WXX-{wd}"
    elif g.get("m") and g.get("d"):
        day = normalize("md", g, ctx) or day
    elif dct_ok(ctx):
        day = shift(ctx.dct, "D", RD.get((g.get("rd") or "").lower(), 0)).isoformat()
    return f"{day}T{h:02d}:{mi:02d}"


def dct_ok(ctx: Context) -> bool:
    return ctx.dct is not None

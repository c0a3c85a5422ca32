"""What a directive needs to compute a TIMEX3 value, and the registry of directives.

A rule in ``data/dates/rules.tsv`` names a directive ("md", "relu", "ago"...); each directive
is a function registered here with :func:`directive` (``absolute.py``, ``relative.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from newsevents.dates import lexicon as lx
from newsevents.dates.calmath import value_range, weekday_on_or_after, weekday_on_or_before

Groups = dict[str, str | None]
Directive = Callable[[str, Groups, "Context"], str | None]
DIRECTIVES: dict[str, Directive] = {}


def directive(*kinds: str) -> Callable[[Directive], Directive]:
    """Register a function as the directive(s) ``kinds``."""

    def register(fn: Directive) -> Directive:
        for kind in kinds:
            DIRECTIVES[kind] = fn
        return fn

    return register


@dataclass
class Context:
    dct: date | None
    tense: str | None = None  # past, future, present, or None when no verb governs
    anchor: str | None = None  # value of the last calendar time mentioned before
    anchor_day: str | None = None  # the last day mentioned before ("the next day")
    period: str | None = None  # the last quarter or half mentioned ("the same period")


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


def rel_of(word: str | None) -> int | None:
    """-1/0/+1 for last/this/next; None when the word gives no direction."""
    if not word:
        return None
    w = re.sub(r"\s+", " ", word.lower()).removeprefix("the ").strip()
    if w in REL:
        return REL[w]
    if w in ("this", "current", "this current", "the", "over the", "same", "on"):
        return 0
    return None


def tense_direction(ctx: Context) -> int:
    """-1 past, +1 future, 0 undecided."""
    return {"past": -1, "future": 1}.get(ctx.tense or "", 0)


def unit_of(word: str) -> tuple[str, bool]:
    w = re.sub(r"\s+", " ", word.lower())
    if w in ("fiscal year", "school year"):
        return "Y", False
    if w == "season":
        return "Y", False
    return lx.lookup(lx.units(), w) or ("D", False)


def num_of(g: dict, key: str = "n") -> int | float | str | None:
    text = g.get(key)
    if text is None:
        return None
    low = " ".join(text.lower().split())
    if "couple" in low:
        return 2
    if low in lx.fuzzy() or low.startswith(("a few", "a number", "a matter")):
        return "X"
    if low == "half":
        return 0.5
    whole = re.fullmatch(r"(.+?)[- ]?(?:(?:and[- ])?(?:a[- ])?half|1/2|½)", low)
    if whole:  # "two and a half", "2 1/2"
        base = lx.parse_number(whole[1])
        return base + 0.5 if base is not None else None
    return lx.parse_number(text)


# a fraction of a unit is written in the next smaller one: P2.5Y -> P2Y6M
_SMALLER = {("Y", False): ("M", 12), ("M", False): ("D", 30), ("W", False): ("D", 7)}
_SMALLER.update({("D", False): ("H", 24), ("H", True): ("M", 60), ("M", True): ("S", 60)})


def _split_fraction(n: float, code: str, is_time: bool) -> str | None:
    small = _SMALLER.get((code, is_time))
    if small is None:
        return None
    whole, part = int(n), round((n - int(n)) * small[1])
    head = f"{whole}{code}" if whole else ""
    if is_time:
        return f"PT{head}{part}{small[0]}"
    if small[0] == "H":
        return f"P{head}T{part}H"
    return f"P{head}{part}{small[0]}"


def duration(n, unit_word: str) -> str:
    code, is_time = unit_of(unit_word)
    if n is None:
        n = "X"
    if isinstance(n, float):
        n = int(n) if n.is_integer() else n
    if isinstance(n, float):
        split = _split_fraction(n, code, is_time)
        if split:
            return split
    if code == "2W":
        code, n = "W", (n * 2 if isinstance(n, int) else n)
    if code == "WE":
        code, n = "D", (n * 2 if isinstance(n, int) else n)
    if code in ("DE", "CE") and isinstance(n, int):  # "two decades" -> P20Y
        code, n = "Y", n * (10 if code == "DE" else 100)
    elif code in ("DE", "CE"):  # TimeBank's one-letter codes: "decades" PXE, "centuries" PXC
        code = code[1] if code == "DE" else code[0]
    return f"PT{n}{code}" if is_time else f"P{n}{code}"


def pick_year(ctx: Context, month: int, day: int = 1) -> int:
    """Year of a month(-day) written without one: the tense decides which side of the dct."""
    dct = ctx.dct
    d = safe_date(dct.year, month, day)
    direction = tense_direction(ctx)
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


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def anchor_day(ctx: Context) -> date | None:
    for value in (ctx.anchor, ctx.anchor_day):
        if value:
            first, _, precision = value_range(value)
            if first and precision == "day":
                return first
    return ctx.dct


_FINER = {"W": ("day", "week"), "M": ("day", "week", "month"), "Q": ("day", "week", "month")}


def anchor_at(ctx: Context, unit: str) -> date | None:
    """Reference for "the following month": the last time mentioned, if it is at least as
    fine as the unit, else the publication date."""
    if ctx.anchor:
        first, _, precision = value_range(ctx.anchor)
        if first and precision in _FINER.get(unit, ("day", "week", "month", "year")):
            return first
    return ctx.dct


def weekday_date(wd: int, rel: int | None, ctx: Context) -> date:
    ref = ctx.dct  # news resolves weekdays against the publication date
    if rel == -1:
        return weekday_on_or_before(ref - timedelta(days=1), wd)
    if rel == 1:
        return weekday_on_or_after(ref + timedelta(days=1), wd)
    if rel == 0 and ctx.tense is None:
        return ref + timedelta(days=wd - ref.isoweekday())
    if tense_direction(ctx) > 0:
        return weekday_on_or_after(ref, wd)
    return weekday_on_or_before(ref, wd)

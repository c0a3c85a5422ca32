"""Calendar arithmetic on TIMEX3 granularities: shift a date, format it, read a value back.

Units: D day, W week, WE weekend, M month, Q quarter, H half-year, Y year, DE decade, CE century.
"""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta


def add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, _cal.monthrange(y, m)[1]))


def shift(d: date, unit: str, n: int) -> date:
    """Move ``d`` by ``n`` units (months and longer keep the day where they can)."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit in ("W", "WE"):
        return d + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return d
    try:
        return add_months(d, months * n)
    except ValueError:  # before year 1 or after 9999
        return d


def fmt(d: date, unit: str) -> str:
    """TIMEX3 value of the ``unit`` that holds ``d``."""
    if unit == "D":
        return d.isoformat()
    if unit in ("W", "WE"):
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "M":
        return f"{d.year}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if unit == "H":
        return f"{d.year}-H{(d.month - 1) // 6 + 1}"
    if unit == "DE":
        return f"{d.year // 10}"
    if unit == "CE":
        return f"{d.year // 100}"
    return f"{d.year}"


UNKNOWN = {
    "D": "XXXX-XX-XX",
    "W": "XXXX-WXX",
    "WE": "XXXX-WXX-WE",
    "M": "XXXX-XX",
    "Q": "XXXX-QX",
    "H": "XXXX-HX",
    "Y": "XXXX",
    "DE": "XXX",
    "CE": "XX",
}

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def value_range(value: str | None) -> tuple[date | None, date | None, str]:
    """First day, last day and precision of a TIMEX3 date value; (None, None, "unknown") if not a
    calendar date (durations, X's, PAST_REF...). ``PRESENT_REF`` is handled by the caller."""
    if not value or "X" in value.split("T")[0]:
        return None, None, "unknown"
    v = value.split("T")[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "day"
        if m := re.fullmatch(r"(\d{4})-W(\d\d?)(-WE)?", v):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + timedelta(days=5), monday + timedelta(days=6), "week"
            return monday, monday + timedelta(days=6), "week"
        if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, _cal.monthrange(y, mo)[1]), "month"
        if m := re.fullmatch(r"(\d{4})-([QH])(\d)", v):
            size = 3 if m[2] == "Q" else 6
            y, first = int(m[1]), (int(m[3]) - 1) * size + 1
            last = first + size - 1
            return date(y, first, 1), date(y, last, _cal.monthrange(y, last)[1]), "month"
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y = int(m[1])
            first, last = _SEASON_MONTHS[m[2]]
            y_end = y + 1 if last < first else y
            return (
                date(y, first, 1),
                date(y_end, last, _cal.monthrange(y_end, last)[1]),
                "month",
            )
        if m := re.fullmatch(r"(\d{4})", v):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31), "year"
        if m := re.fullmatch(r"(\d{3})", v):
            y = int(m[1]) * 10
            return date(y, 1, 1), date(y + 9, 12, 31), "year"
        if m := re.fullmatch(r"(\d{2})", v):
            y = int(m[1]) * 100
            return date(max(y, 1), 1, 1), date(y + 99, 12, 31), "year"
    except ValueError:  # impossible day such as 2013-02-30
        pass
    return None, None, "unknown"


def weekday_on_or_before(d: date, wd: int) -> date:
    """The ISO weekday ``wd`` (1=Monday) on or before ``d``."""
    return d - timedelta(days=(d.isoweekday() - wd) % 7)


def weekday_on_or_after(d: date, wd: int) -> date:
    return d + timedelta(days=(wd - d.isoweekday()) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holiday(rule: str, year: int) -> date | None:
    """Date of a holiday rule from ``data/dates/holidays.tsv`` in ``year``."""
    if rule.startswith("easter"):
        return easter(year) + timedelta(days=int(rule[6:] or 0))
    parts = rule.split("-")
    if len(parts) == 2:  # MM-DD
        return date(year, int(parts[0]), int(parts[1]))
    n, wd, month = (
        (-int(parts[1]), int(parts[2]), int(parts[3])) if rule[0] == "-" else map(int, parts)
    )
    if n > 0:
        first = weekday_on_or_after(date(year, month, 1), wd)
        return first + timedelta(weeks=n - 1)
    last = date(year, month, _cal.monthrange(year, month)[1])
    return weekday_on_or_before(last, wd)

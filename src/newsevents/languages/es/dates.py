"""Spanish time expressions and event dates.

Rules over accent-folded text (``data/es/dates.tsv``): "el 12 de marzo (de 2004)", "marzo de
2004", "del 3 al 5 de mayo" (a range), "el lunes" (the last such weekday before the
publication date, or the next one for a planned event), "ayer", "anteayer", "hoy", "esta
mañana", "la semana pasada", "el mes próximo", "a principios/mediados/finales de mes (de
marzo, del año)", "en 2004". Values follow TIMEX3 like the English tagger. An event takes the
time expression of its sentence nearest its trigger, else the publication date.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from datetime import date, timedelta

from newsevents.data import load_tsv
from newsevents.models import Event, TimeExpr
from newsevents.nlp.pipeline import ParsedArticle


def fold_same_length(text: str) -> str:
    """Lower case without accents, one character for one (offsets stay valid)."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0].lower()
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for r in load_tsv("es/dates.tsv"):
        out.setdefault(r["kind"], {})[fold_same_length(r["word"])] = r["value"]
    return out


def calendar_word(word: str) -> bool:
    """A weekday or month name ("martes", "Marzo")."""
    folded = fold_same_length(word)
    return folded in _words()["weekday"] or folded in _words()["month"]


def weekday_word(word: str) -> bool:
    """A weekday name ("miércoles"): never a person's name, unlike some months ("Julio")."""
    return fold_same_length(word) in _words()["weekday"]


def _alt(kind: str) -> str:
    return "|".join(sorted((re.escape(w) for w in _words()[kind]), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    month, wd, rel = _alt("month"), _alt("weekday"), _alt("relative")
    unit, past, nxt = _alt("unit"), _alt("past"), _alt("next")
    number, this = _alt("number"), _alt("this")
    part = "|".join(_alt(k) for k in ("early", "mid", "late"))
    year = r"(?:19|20)\d\d"
    b = r"(?<![\w])"
    e = r"(?![\w])"
    return [
        (
            "range",
            re.compile(
                rf"{b}del? (\d{{1,2}}) (?:al|y el) (\d{{1,2}}) de ({month})(?: (?:de|del) ({year}))?{e}"
            ),
        ),
        (
            "day",
            re.compile(
                rf"{b}(?:(?:el )?(?:{wd}),? )?(\d{{1,2}}) de ({month})(?: (?:de|del) ({year}))?{e}"
            ),
        ),
        (
            "part",
            re.compile(
                rf"{b}a ({part}) (?:de|del) (?:(mes|ano)(?: (pasado|proximo))?|({month})(?: (?:de|del) ({year}))?|({year})){e}"
            ),
        ),
        ("month", re.compile(rf"{b}(?:en |de |desde )?({month}) (?:de|del) ({year}){e}")),
        ("unit", re.compile(rf"{b}(?:la|el|este|esta) ({unit}) ({past}|{nxt}|{this}){e}")),
        ("unit_before", re.compile(rf"{b}(?:la|el) ({past}|{nxt}) ({unit}){e}")),
        ("ago", re.compile(rf"{b}hace ({number}|\d{{1,3}}) ({unit})e?s?{e}")),
        ("unit_this", re.compile(rf"{b}(este|esta) ({unit}){e}")),
        ("unit_this", re.compile(rf"{b}(el) (fin de semana){e}")),
        (
            "weekday",
            re.compile(
                rf"{b}(?:el |este |la noche del |la manana del |la tarde del )({wd})(?: ({past}|{nxt}))?{e}"
            ),
        ),
        (
            "weekday_before",
            re.compile(
                rf"{b}(?:el|la noche del|la manana del|la tarde del) ({past}|{nxt}) ({wd}){e}"
            ),
        ),
        ("relative", re.compile(rf"{b}({rel}){e}")),
        ("year", re.compile(rf"{b}(?:en|durante|desde) (?:el (?:ano )?)?({year}){e}")),
    ]


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _resolve(
    kind: str, g: tuple, dct: date | None, text: str
) -> tuple[str | None, str | None, str | None, str]:
    """(value, first day, last day, precision)."""
    w = _words()
    if kind in ("day", "range"):
        if kind == "range":
            d1, d2, mon, yr = g
        else:
            d1, mon, yr = g
            d2 = d1
        m = int(w["month"][mon])
        y = int(yr) if yr else (dct.year if dct else None)
        if y is None:
            return f"XXXX-{m:02d}-{int(d1):02d}", None, None, "day"
        if not yr and dct and date(y, m, 1) > dct + timedelta(days=31):
            y -= 1  # "el 12 de diciembre" in a January story is last December
        try:
            first, last = date(y, m, int(d1)), date(y, m, int(d2))
        except ValueError:
            return None, None, None, "unknown"
        value = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
        return value, first.isoformat(), last.isoformat(), "day"
    if kind == "month":
        mon, yr = g
        m, y = int(w["month"][mon]), int(yr)
        return f"{y}-{m:02d}", date(y, m, 1).isoformat(), _month_end(y, m).isoformat(), "month"
    if kind == "year":
        y = int(g[0])
        return str(y), f"{y}-01-01", f"{y}-12-31", "year"
    if dct is None:
        return None, None, None, "unknown"
    if kind == "relative":
        d = dct + timedelta(days=int(w["relative"][g[0]]))
        return d.isoformat(), d.isoformat(), d.isoformat(), "day"
    if kind in ("weekday", "weekday_before"):
        day, mod = g if kind == "weekday" else (g[1], g[0])
        target = int(w["weekday"][day])
        forward = mod in w["next"]
        delta = (target - dct.weekday()) % 7
        d = dct + timedelta(days=delta if forward else (delta - 7 if delta else 0))
        if forward and delta == 0:
            d = dct + timedelta(days=7)
        return d.isoformat(), d.isoformat(), d.isoformat(), "day"
    if kind == "ago":  # "hace tres días": that many units before publication
        n, u = g
        count = int(n) if n.isdigit() else int(w["number"][n])
        return _shift(dct, w["unit"][u], -count)
    if kind in ("unit", "unit_before", "unit_this"):
        if kind == "unit_this":
            mod, u = g
        else:
            u, mod = g if kind == "unit" else (g[1], g[0])
        unit = w["unit"][u]
        step = 0 if mod in w["this"] else 1 if mod in w["next"] else -1
        if unit == "weekend":  # the Saturday and Sunday before (after) publication
            saturday = dct + timedelta(days=(5 - dct.weekday()) % 7)
            if step <= 0 and saturday > dct:
                saturday -= timedelta(days=7)
            if step > 0 and saturday <= dct:
                saturday += timedelta(days=7)
            sunday = saturday + timedelta(days=1)
            return (
                f"{saturday.isoformat()}/{sunday.isoformat()}",
                saturday.isoformat(),
                sunday.isoformat(),
                "week",
            )
        return _shift(dct, unit, step)
    if kind == "part":
        part, per, mod, mon, yr, year_only = g
        if year_only:
            y, m_first, m_last = int(year_only), 1, 12
        elif mon:
            y = int(yr) if yr else dct.year
            m_first = m_last = int(w["month"][mon])
        elif per == "ano":
            y = dct.year + (1 if mod == "proximo" else -1 if mod == "pasado" else 0)
            m_first, m_last = 1, 12
        else:
            y, m = dct.year, dct.month + (1 if mod == "proximo" else -1 if mod == "pasado" else 0)
            y, m = (y - 1, 12) if m == 0 else (y + 1, 1) if m == 13 else (y, m)
            m_first = m_last = m
        first, last = date(y, m_first, 1), _month_end(y, m_last)
        span = (last - first).days + 1
        third = span // 3
        if part in w["early"]:
            lo, hi = first, first + timedelta(days=third - 1)
        elif part in w["mid"]:
            lo, hi = first + timedelta(days=third), first + timedelta(days=2 * third - 1)
        else:
            lo, hi = first + timedelta(days=2 * third), last
        return (
            f"{lo.isoformat()}/{hi.isoformat()}",
            lo.isoformat(),
            hi.isoformat(),
            "month" if span > 31 else "week",
        )
    return None, None, None, "unknown"


def _shift(dct: date, unit: str, n: int) -> tuple[str | None, str | None, str | None, str]:
    """The day, week, month or year ``n`` units from ``dct`` (TIMEX3 value, first, last)."""
    if unit == "day":
        d = dct + timedelta(days=n)
        return d.isoformat(), d.isoformat(), d.isoformat(), "day"
    if unit in ("week", "weekend"):
        monday = dct - timedelta(days=dct.weekday()) + timedelta(weeks=n)
        iso = monday.isocalendar()
        sunday = monday + timedelta(days=6)
        return f"{iso[0]}-W{iso[1]:02d}", monday.isoformat(), sunday.isoformat(), "week"
    if unit == "month":
        y, m = divmod(dct.year * 12 + dct.month - 1 + n, 12)
        m += 1
        return f"{y}-{m:02d}", date(y, m, 1).isoformat(), _month_end(y, m).isoformat(), "month"
    y = dct.year + n
    return str(y), f"{y}-01-01", f"{y}-12-31", "year"


def tag_text(text: str, dct: date | None) -> list[TimeExpr]:
    folded = fold_same_length(text)
    taken: list[tuple[int, int]] = []
    out: list[TimeExpr] = []
    for kind, pattern in _patterns():
        for m in pattern.finditer(folded):
            s, e = m.span()
            if any(s < b and a < e for a, b in taken):
                continue
            value, first, last, precision = _resolve(kind, m.groups(), dct, m.group(0))
            if value is None and first is None:
                continue
            taken.append((s, e))
            out.append(
                TimeExpr(
                    text=text[s:e],
                    start=s,
                    end=e,
                    type="DATE",
                    value=value,
                    date=first,
                    date_end=last,
                    precision=precision,
                )
            )
    return sorted(out, key=lambda t: t.start)


BARE_DAY = re.compile(
    r"^(?:el|este|la noche del|la manana del|la tarde del) (?:lunes|martes|miercoles|jueves|"
    r"viernes|sabado|domingo|fin de semana)$"
)


def _ahead(t: TimeExpr, dct: date) -> tuple[str | None, str | None]:
    """A bare weekday read for a planned event: "el lunes marcharán" is the next Monday, not
    the last one (the tagger reads a bare weekday as past, as most news tells)."""
    if not (t.date and BARE_DAY.match(fold_same_length(t.text)) and t.date < dct.isoformat()):
        return t.date, t.date_end
    week = timedelta(days=7)
    first = date.fromisoformat(t.date) + week
    last = date.fromisoformat(t.date_end) + week if t.date_end else first
    return first.isoformat(), last.isoformat()


def parse_dct(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def tag_times(parsed: ParsedArticle) -> list[TimeExpr]:
    return tag_text(parsed.article.text, parse_dct(parsed.article.date))


def assign_event_dates(events: list[Event], parsed: ParsedArticle, times: list[TimeExpr]) -> None:
    """The time expression of the event's sentence nearest its trigger, else the publication
    date (precision ``publication``), else unknown."""
    dct = parse_dct(parsed.article.date)
    for event in events:
        here = [
            t
            for t in times
            if event.sentence_start <= t.start < event.sentence_end and t.date is not None
        ]
        if here:
            anchor = event.trigger["start"]
            t = min(here, key=lambda t: abs(t.start - anchor))
            event.date, event.date_end, event.date_precision = (
                t.date,
                t.date_end,
                t.precision or "day",
            )
            if event.modality == "planned" and dct is not None:
                event.date, event.date_end = _ahead(t, dct)
            event.date_span = {"text": t.text, "start": t.start, "end": t.end}
        elif dct is not None:
            event.date = event.date_end = dct.isoformat()
            event.date_precision = "publication"
        else:
            event.date_precision = "unknown"

"""Find and normalise every time expression of a text: :func:`tag_times`, :func:`tag_text`.

Rules (``data/dates/rules.tsv``) find the expressions; spaCy's DATE/TIME entities license the
ambiguous ones (a bare "1998" or "March"); the dependency tree gives each one the tense of its
clause; :mod:`normalize` turns it into a TIMEX3 value and :func:`resolve` into a day range.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.dates import lexicon as lx
from newsevents.dates.calmath import value_range
from newsevents.dates.normalize import Context, normalize
from newsevents.dates.rules import find_matches
from newsevents.dates.tense import tense_of
from newsevents.models import TimeExpr
from newsevents.nlp import ParsedArticle, load_nlp

_PART_RE = re.compile(
    r"\b(early|earlier|late|later|mid|the end of|the beginning of|the start of|end)\b"
)


# values computed from the anchor do not become the anchor ("a year earlier" after a quarter)
DERIVED = {"lit", "ago", "anaph", "anaph0", "qrel", "qya", "qly", "yperiod"}


def parse_dct(dct: str | date | None) -> date | None:
    """The reference date from 'YYYY-MM-DD' (a longer ISO timestamp is cut to the day)."""
    if dct is None or isinstance(dct, date):
        return dct
    m = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", str(dct).strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def resolve(text: str, value: str | None, dct: date | None) -> tuple[str | None, str | None, str]:
    """(date, date_end, precision) of an expression; narrows "later this month" and the like."""
    if value == "PRESENT_REF" and dct:
        return dct.isoformat(), dct.isoformat(), "day"
    first, last, precision = value_range(value)
    if not first:
        return None, None, "unknown"
    mod = _PART_RE.search(text.lower())
    if mod and mod[1] in ("earlier", "later") and mod.end() == len(text.rstrip()):
        mod = None  # "a year earlier" is a shift, not part of a range ("earlier this year")
    if mod and first != last:
        first, last = _narrow(mod[1], first, last, precision, dct)
    return first.isoformat(), last.isoformat(), precision


def _narrow(word: str, first: date, last: date, precision: str, dct: date | None):
    """Part of a range: "later this month" (after the dct), "early May", "late 2012"."""
    if word in ("later", "earlier") and dct and first <= dct <= last:
        return (dct + timedelta(days=1), last) if word == "later" else (first, dct)
    if precision == "year" and (last - first).days < 370:  # thirds of a year, whole months
        cuts = [first, date(first.year, 5, 1), date(first.year, 9, 1), last + timedelta(days=1)]
    else:
        span = (last - first).days + 1
        cuts = [first, first + timedelta(days=span // 3), first + timedelta(days=2 * span // 3)]
        cuts.append(last + timedelta(days=1))
    part = {"early": 0, "earlier": 0, "the beginning of": 0, "the start of": 0, "mid": 1}.get(
        word, 2
    )
    return cuts[part], cuts[part + 1] - timedelta(days=1)


def _day_range_end(first: str, day: str) -> str | None:
    """Last day of "March 1-5": the same month, day 5, if it comes after the first."""
    start = date.fromisoformat(first)
    try:
        end = start.replace(day=int(re.sub(r"\D", "", day)))
    except ValueError:
        return None
    return end.isoformat() if end > start else None


def _entity_spans(doc: Doc) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]


# a month or weekday word inside a name is not a time: "Theresa May", ABC's "This Week"
NAME_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "LOC", "NORP"}


def _name_spans(doc: Doc) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NAME_LABELS]


def _inside_name(names: list[tuple[int, int]], start: int, end: int, text: str) -> bool:
    """``[start, end)`` lies inside one of the ``names`` (:func:`_name_spans`) and has no digit."""
    if any(ch.isdigit() for ch in text[start:end]):
        return False
    return any(s <= start and end <= e for s, e in names)


def _widen(text: str, start: int, type_: str, value: str) -> int:
    """Start of the expression with a modifier TimeML keeps in it ("around Nov. 1",
    "nearly two years", "right now"); modifiers stack ("at least nearly")."""
    for _ in range(2):
        before = text[max(0, start - 20) : start]
        for pat, types, values in lx.modifiers():
            m = pat.search(before)
            if m and type_ in types and (values == "*" or re.fullmatch(values, value)):
                start -= len(before) - m.start(1)
                break
        else:
            return start
    return start


def _is_anchor(value: str | None, type_: str) -> bool:
    return type_ in ("DATE", "TIME") and value is not None and value_range(value)[0] is not None


_CLOSING = re.compile(r"\b(?:ended|ending|ends)\s*$", re.I)


def tag_doc(
    doc: Doc,
    dct: date | None,
    offset: int = 0,
    anchors: tuple[str | None, str | None] = (None, None),
) -> list[TimeExpr]:
    """Time expressions of one spaCy Doc; offsets shifted by ``offset``; ``anchors`` are the
    last time and the last day mentioned before the doc (for a chunk of a long article)."""
    out: list[TimeExpr] = []
    anchor, anchor_day = anchors
    period = None  # the last quarter or half mentioned
    doc_text = doc.text  # Doc.text rebuilds the string on every access
    names: list[tuple[int, int]] | None = None  # Doc.ents builds its spans on every access
    for m in find_matches(doc_text, _entity_spans(doc)):
        if m.rule.directive != "holiday":
            names = _name_spans(doc) if names is None else names
            if _inside_name(names, m.start, m.end, doc_text):
                continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        ctx = Context(dct, tense_of(span), anchor, anchor_day, period)
        text = doc_text[m.start : m.end]
        type_ = m.rule.type
        try:
            value = normalize(m.rule.directive, m.groups, ctx)
            if value is None:
                continue
            first, last, precision = (
                resolve(text, value, dct) if type_ != "DURATION" else (None, None, "unknown")
            )
        except (OverflowError, ValueError):  # calendar arithmetic past year 1 or 9999
            continue
        if type_ == "DATE" and "T" in value and value[:1] in "X0123456789" and "T" in value[8:]:
            type_ = "TIME"
        if type_ == "SET":
            first, last, precision = None, None, "unknown"
        elif m.groups.get("d2") and precision == "day":  # "March 1-5"
            last = _day_range_end(first, m.groups["d2"]) or last
        start = _widen(doc_text, m.start, type_, value)
        text = doc_text[start : m.end]
        out.append(
            TimeExpr(text, offset + start, offset + m.end, type_, value, first, last, precision)
        )
        kind = m.rule.directive.split(":")[0]
        if kind not in DERIVED and re.fullmatch(r"\d{4}-[QH]\d", value):
            period = value
        # the closing day of a period ("the quarter ended Sept. 30") is not what "a year
        # earlier" is compared with: the period is
        closing = _CLOSING.search(doc_text[max(0, start - 12) : start]) is not None
        if _is_anchor(value, type_) and kind not in DERIVED and not closing:
            anchor = value
            if precision == "day":
                anchor_day = first
    return out


def tag_times(parsed: ParsedArticle) -> list[TimeExpr]:
    """Every time expression of a parsed article, relative to its publication date."""
    dct = parse_dct(parsed.article.date)
    out: list[TimeExpr] = []
    for offset, doc in parsed.chunks:
        anchor = next((t.value for t in reversed(out) if _is_anchor(t.value, t.type)), None)
        day = next((t.date for t in reversed(out) if t.precision == "day"), None)
        out.extend(tag_doc(doc, dct, offset, (anchor, day)))
    return out


def tag_text(text: str, dct: str | date | None, nlp: Language | None = None) -> list[TimeExpr]:
    """Time expressions of a plain text (parsed here with ``nlp`` or the default model)."""
    nlp = nlp or load_nlp()
    return tag_doc(nlp(text), parse_dct(dct))


def as_dict(t: TimeExpr) -> dict:
    return {
        "text": t.text,
        "start": t.start,
        "end": t.end,
        "type": t.type,
        "value": t.value,
        "date": t.date,
        "date_end": t.date_end,
        "precision": t.precision,
    }

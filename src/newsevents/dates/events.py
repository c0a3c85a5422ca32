"""Date each coded event from the time expression that modifies its trigger.

Order of evidence: (1) a time expression attached (dependency tree) to the trigger or its
clause; (2) the date of the same event told elsewhere in the article (same PLOVER type,
overlapping actors); (3) the publication date (precision "publication"); else unknown.
A date inside a noun phrase ("a May 1 deadline") is not the event's date.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta

from spacy.tokens import Span, Token

from newsevents.data import load_lines
from newsevents.dates.lexicon import lookup, weekdays
from newsevents.dates.tagger import parse_dct
from newsevents.dates.tense import verb_tense
from newsevents.models import Event, TimeExpr
from newsevents.nlp import ParsedArticle

DATED_TYPES = ("DATE", "TIME")
# event types done by speaking: dated by the reporting verb, not by the dates they mention
VERBAL = {"REJECT", "ACCUSE", "REQUEST", "THREATEN"}
# verbs whose duration object ends (or starts) on the day given: "finished a four-day visit Monday"
END_VERBS = {"finish", "end", "conclude", "wrap", "complete", "close", "cap"}
START_VERBS = {"begin", "start", "launch", "open", "kick", "embark"}
# a time that pre-modifies a noun dates that noun, not the clause: "a May 1 deadline"
# ("Monday's call" (poss) and "talks on Monday" (prep) still date the clause)
NOUN_MODIFIER_DEPS = {"compound", "nmod", "amod", "nummod", "appos"}


@functools.lru_cache(maxsize=1)
def report_verbs() -> frozenset[str]:
    return frozenset(load_lines("dates/report_verbs.txt"))


def _span(parsed: ParsedArticle, start: int, end: int) -> Span | None:
    for offset, doc in parsed.chunks:
        if offset <= start and end <= offset + len(doc.text):
            return doc.char_span(start - offset, end - offset, alignment_mode="expand")
    return None


def _clause_verb(tok: Token) -> Token:
    """Nearest verb at or above a token (the trigger's clause)."""
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.head == t:
            return t
        t = t.head
    return tok


def _attachment(time: Span, trigger: Token) -> int:
    """How closely a time expression modifies the trigger: 3 directly, 2 its clause,
    1 a verb above it (not across reported speech) or through another noun's phrase
    ("the conference on 16 April"), 0 not at all ("a May 1 deadline")."""
    clause = _clause_verb(trigger)
    t = time.root
    weak = False
    for _ in range(8):
        h = t.head
        if h == t:
            return 0
        if h == trigger:
            return 1 if weak else 3
        if h.pos_ in ("VERB", "AUX"):
            if h == clause:
                return 1 if weak else 2
            # the time's verb governs the trigger's clause without a reported-speech edge
            c = clause
            for _ in range(6):
                if c.head == c or c.dep_ in ("ccomp", "parataxis", "relcl"):
                    break
                c = c.head
                if c == h:
                    return 1
            return 0
        if h.pos_ in ("NOUN", "PROPN", "PRON") and h not in time and t.dep_ in NOUN_MODIFIER_DEPS:
            return 0  # "a May 1 deadline": the date describes another noun
        if h.pos_ in ("NOUN", "PROPN") and h not in time and t.dep_ == "prep":
            weak = True
        t = h
    return 0


def _find_trigger(parsed: ParsedArticle, event: Event) -> Token | None:
    trig = event.trigger or {}
    if trig.get("start") is None or trig.get("end") is None:
        return None
    span = _span(parsed, int(trig["start"]), int(trig["end"]))
    return span.root if span is not None and len(span) else None


def _duration_days(times: list[TimeExpr], lo: int, hi: int) -> int | None:
    """Days of a DURATION (in days) between lo and hi: "a four-day visit"."""
    for t in times:
        if t.type == "DURATION" and lo <= t.start and t.end <= hi and t.value:
            v = t.value
            if v.startswith("P") and v.endswith("D") and v[1:-1].isdigit():
                return int(v[1:-1])
    return None


def _speech_verb(trigger: Token) -> Token | None:
    """The reporting verb a clause is said under: "'We can't take part', Naeem said"."""
    t = _clause_verb(trigger)
    for _ in range(4):
        if t.head == t:
            return None
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in report_verbs():
            return t.head
        t = t.head
    return None


def _best_time(event: Event, parsed: ParsedArticle, times: list[TimeExpr]) -> TimeExpr | None:
    trigger = _find_trigger(parsed, event)
    if trigger is not None and event.plover in VERBAL:
        speech = _speech_verb(trigger)
        if speech is not None:  # a refusal or accusation happens when it is spoken
            trigger = speech
    cands = [
        t
        for t in times
        if t.type in DATED_TYPES
        and event.sentence_start <= t.start
        and t.end <= event.sentence_end
        and not (event.trigger and t.start <= event.trigger.get("start", -1) < t.end)
    ]
    if not cands:
        return None
    if trigger is None:
        return cands[0] if len(cands) == 1 else None
    scored = []
    for t in cands:
        span = _span(parsed, t.start, t.end)
        if span is None or not len(span):
            continue
        score = _attachment(span, trigger)
        if score:
            distance = abs(t.start - (event.trigger or {}).get("start", t.start))
            scored.append((-score, distance, t))
    if not scored:
        return None
    scored.sort(key=lambda s: (s[0], s[1]))
    return scored[0][2]


def _planned_weekday(t: TimeExpr, event: Event, dct: date | None) -> str | None:
    """A planned event on a bare weekday that resolved into the past is next week's."""
    if event.modality != "planned" or not dct or not t.date or t.precision != "day":
        return t.date
    if lookup(weekdays(), t.text.strip()) is None:
        return t.date
    d = date.fromisoformat(t.date)
    return (d + timedelta(days=7)).isoformat() if d < dct else t.date


def _set_from_time(
    event: Event, t: TimeExpr, parsed: ParsedArticle, times: list[TimeExpr], dct: date | None
) -> None:
    event.date_span = {"text": t.text, "start": t.start, "end": t.end}
    if not t.date:
        event.date, event.date_end, event.date_precision = None, None, "unknown"
        return
    first = _planned_weekday(t, event, dct)
    event.date, event.date_end, event.date_precision = first, t.date_end, t.precision or "day"
    if t.date_end == t.date:
        event.date_end = first
    trigger = _find_trigger(parsed, event)
    if trigger is None or t.precision != "day":
        return
    days = _duration_days(times, event.sentence_start, event.sentence_end)
    verb = _clause_verb(trigger).lemma_.lower()
    if days and days > 1 and event.date:
        d = date.fromisoformat(event.date)
        if verb in END_VERBS:
            event.date = (d - timedelta(days=days - 1)).isoformat()
            event.date_end = d.isoformat()
        elif verb in START_VERBS:
            event.date_end = (d + timedelta(days=days - 1)).isoformat()


def _actor_keys(event: Event) -> tuple[set[str], set[str]]:
    """(ids or names, countries) of an event's actors."""
    names, countries = set(), set()
    for a in (event.source, event.target):
        if a is None:
            continue
        key = (a.id or a.name or "").lower()
        if "-" in key or len(key) > 6:  # a named person or body, not "tur" or "usagov"
            names.add(key)
        if a.country:
            countries.add(a.country)
    return names, countries


PRECISION_RANK = {"day": 3, "week": 2, "month": 1}


def _twin(event: Event, dated: list[Event]) -> Event | None:
    """The same event told with a date elsewhere: same PLOVER type and shared actors
    (same people, or else the same countries); the closest fine-grained one wins."""
    names, countries = _actor_keys(event)
    best, best_key = None, None
    for d in dated:
        if d.plover != event.plover or d is event:
            continue
        d_names, d_countries = _actor_keys(d)
        overlap = 2 * len(names & d_names) + len(countries & d_countries)
        if not overlap:
            continue
        distance = abs(d.sentence_start - event.sentence_start)
        key = (overlap, PRECISION_RANK.get(d.date_precision, 0), -distance)
        if best_key is None or key > best_key:
            best, best_key = d, key
    return best


def _is_future(event: Event, parsed: ParsedArticle) -> bool:
    """A planned or hypothetical event is not the same as a reported one."""
    if event.modality != "asserted":
        return True
    trigger = _find_trigger(parsed, event)
    return trigger is not None and verb_tense(_clause_verb(trigger)) == "future"


def assign_event_dates(events: list[Event], parsed: ParsedArticle, times: list[TimeExpr]) -> None:
    """Set ``date``, ``date_end``, ``date_precision`` and ``date_span`` on every event."""
    dct = parse_dct(parsed.article.date)
    dated: list[Event] = []
    undated: list[Event] = []
    for event in events:
        t = _best_time(event, parsed, times)
        if t is not None:
            _set_from_time(event, t, parsed, times, dct)
            (dated if event.date else undated).append(event)
        else:
            undated.append(event)
    undated = [e for e in undated if e.date_span is None]  # unresolvable time words: kept
    for _ in range(3):  # a twin dated in one pass can date another in the next
        found = False
        for event in undated:
            if event.date is not None or _is_future(event, parsed):
                continue
            twin = _twin(event, dated)
            if twin is not None:
                event.date, event.date_end = twin.date, twin.date_end
                event.date_precision, event.date_span = twin.date_precision, twin.date_span
                dated.append(event)
                found = True
        if not found:
            break
    for event in undated:
        if event.date is not None:
            continue
        if dct is not None:
            event.date = event.date_end = dct.isoformat()
            event.date_precision, event.date_span = "publication", None
        else:
            event.date = event.date_end = None
            event.date_precision = "unknown"

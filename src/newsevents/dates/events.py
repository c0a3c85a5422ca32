"""Date each coded event from the time expression that modifies its trigger.

Order of evidence: (1) a time expression attached (dependency tree) to the trigger or its
clause; (2) the date of the same event told elsewhere in the article (same PLOVER type,
overlapping actors); (3) the publication date (precision "publication"); else unknown.
A date inside a noun phrase ("a May 1 deadline") is not the event's date.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from spacy.tokens import Token

from newsevents.data import load_lines
from newsevents.dates.attach import best_time, clause_verb, find_trigger, names_another_noun
from newsevents.dates.lexicon import lookup, weekdays
from newsevents.dates.narrative import Narrative
from newsevents.dates.storyday import story_day
from newsevents.dates.tagger import parse_dct
from newsevents.dates.tense import verb_tense
from newsevents.models import Actor, Event, Span, TimeExpr
from newsevents.nlp import ParsedArticle

# verbs whose duration object ends (or starts) on the day given: "finished a four-day visit Monday"
END_VERBS = {"finish", "end", "conclude", "wrap", "complete", "close", "cap"}
START_VERBS = {"begin", "start", "launch", "open", "kick", "embark"}


# after a duration, these make it an interval between two times, not how long an act lasted:
# "launched strikes Thursday, 13 days after the bombings"
INTERVAL_WORDS = re.compile(r"\s*(?:after|before|later|earlier|ago|since)\b", re.I)


def _duration_days(times: list[TimeExpr], lo: int, hi: int, text: str) -> int | None:
    """Days of a DURATION (in days) between lo and hi: "a four-day visit"."""
    for t in times:
        if INTERVAL_WORDS.match(text, t.end):
            continue
        if t.type == "DURATION" and lo <= t.start and t.end <= hi and t.value:
            v = t.value
            if v.startswith("P") and v.endswith("D") and v[1:-1].isdigit():
                return int(v[1:-1])
    return None


def _shift_by_interval(
    event: Event, verb: Token, parsed: ParsedArticle, times: list[TimeExpr]
) -> None:
    """An "N days after/before" clause happened N days before/after its main clause."""
    marks = [c.lower_ for c in verb.children if c.dep_ in ("mark", "prep")]
    sign = -1 if "after" in marks else 1 if "before" in marks else 0
    if not sign or not event.date:
        return
    for c in verb.children:
        if c.dep_ != "npadvmod":
            continue
        start, end = parsed.char_span(c)
        for t in times:
            if t.type == "DURATION" and t.start <= start and end <= t.end and t.value:
                m = re.fullmatch(r"P(\d+)([DW])", t.value)
                if m:
                    days = int(m[1]) * (7 if m[2] == "W" else 1)
                    d = date.fromisoformat(event.date) + timedelta(days=sign * days)
                    event.date = event.date_end = d.isoformat()
                    event.date_how = (
                        f"{event.date_how}; {t.text} {'after' if sign < 0 else 'before'}"
                    )
                    return


def _planned_date(t: TimeExpr, event: Event, dct: date | None) -> tuple[str | None, str | None]:
    """A planned event whose bare weekday or yearless date resolved into the past is the next
    one: "will meet on Monday", "talks planned for May 1"."""
    if event.modality != "planned" or not dct or not t.date or t.precision not in ("day", "month"):
        return t.date, t.date_end
    first = date.fromisoformat(t.date)
    last = date.fromisoformat(t.date_end or t.date)
    if last >= dct or re.search(r"\d{4}|\b(?:last|ago|yesterday|earlier|previous)\b", t.text, re.I):
        return t.date, t.date_end
    if t.precision == "day" and lookup(weekdays(), t.text.strip()) is not None:
        step = timedelta(days=7)
        return (first + step).isoformat(), (last + step).isoformat()
    if t.value and re.fullmatch(r"\d{4}-\d\d(-\d\d)?", t.value):
        return _next_year(first).isoformat(), _next_year(last).isoformat()
    return t.date, t.date_end


def _next_year(d: date) -> date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, day=28)


def _set_from_time(
    event: Event,
    t: TimeExpr,
    score: int,
    parsed: ParsedArticle,
    times: list[TimeExpr],
    dct: date | None,
) -> None:
    event.date_span = Span(t.text, t.start, t.end)
    if not t.date:
        event.date, event.date_end, event.date_precision = None, None, "unknown"
        return
    if event.date_how == "governing verb":
        # "agreed in April to hand them over", "On Friday the government planned to pay":
        # the time is the governing verb's, resolved by its tense, not a plan's own time
        first, last = t.date, t.date_end
    else:
        first, last = _planned_date(t, event, dct)
    if first != t.date:
        event.date_how = f"{event.date_how}; planned, so the next one"
    event.date, event.date_end, event.date_precision = first, last, t.precision or "day"
    trigger = find_trigger(parsed, event)
    if trigger is None or t.precision != "day":
        return
    if score == 1:  # dated through the main clause: "signed Friday, two days after X met"
        _shift_by_interval(event, clause_verb(trigger), parsed, times)
    days = _duration_days(times, event.sentence_start, event.sentence_end, parsed.article.text)
    verb = clause_verb(trigger).lemma_.lower()
    if days and days > 1 and event.date:
        d = date.fromisoformat(event.date)
        if verb in END_VERBS:
            event.date = (d - timedelta(days=days - 1)).isoformat()
            event.date_end = d.isoformat()
            event.date_how = f"{event.date_how}; {days}-day span ending that day"
        elif verb in START_VERBS:
            event.date_end = (d + timedelta(days=days - 1)).isoformat()
            event.date_how = f"{event.date_how}; {days}-day span starting that day"


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


def _other_doers(event: Event, other: Event, names: set[str], other_names: set[str]) -> bool:
    """Both events are done by named people or bodies, and by different ones: "the president
    signed the treaty on Tuesday" and "parliament has ratified the treaty" share a country,
    not the act."""
    a, b = event.source, other.source
    if a is None or b is None:
        return False
    ka, kb = (a.id or a.name or "").lower(), (b.id or b.name or "").lower()
    named = lambda k: "-" in k or len(k) > 6  # noqa: E731 (as _actor_keys reads a name)
    return named(ka) and named(kb) and ka not in other_names and kb not in names


def _other_targets(event: Event, other: Event) -> bool:
    """Both events are done to someone, and to different ones: "Norway condemned the raid on
    the port and criticized Denmark" tells two acts of one doer, not one act told twice. A
    target is the same when the other event names it on either side (talks between two
    countries are told from either) or names its country."""

    def among(a: Actor, e: Event) -> bool:
        key = (a.id or a.name or "").lower()
        for b in (e.source, e.target):
            if b is None:
                continue
            if key and key == (b.id or b.name or "").lower():
                return True
            if a.country and a.country == b.country:
                return True
        return False

    a, b = event.target, other.target
    if a is None or b is None:
        return False
    return not among(a, other) and not among(b, event)


PAST_UNDATED = "publication date (past: on or before it)"
NEXT_SENTENCE_CHARS = 3  # the event's sentence starts right after the dated one
PRECISION_RANK = {"day": 3, "week": 2, "month": 1}


def _twin(event: Event, dated: list[Event], dct: date | None) -> tuple[Event | None, str]:
    """The same event told with a date elsewhere: same PLOVER type and shared actors
    (same people, or else the same countries); the closest fine-grained one wins. With it,
    the rule that matched (the ``date_how``). A told event has happened by the publication
    date, so a mention dated after it (a planned rally) is another event."""
    names, countries = _actor_keys(event)
    best, best_key = None, None
    for d in dated:
        if d.plover != event.plover or d is event:
            continue
        if dct is not None and d.date and date.fromisoformat(d.date) > dct:
            continue
        d_names, d_countries = _actor_keys(d)
        if _other_doers(event, d, names, d_names) or _other_targets(event, d):
            continue
        overlap = 2 * len(names & d_names) + len(countries & d_countries)
        distance = abs(d.sentence_start - event.sentence_start)
        if not overlap and 0 < event.sentence_start - d.sentence_end <= NEXT_SENTENCE_CHARS:
            # the sentence right after tells more of the same event: "Two officers were killed
            # in the attack." -- unless the actors say otherwise
            if not (countries and d_countries) and not (names and d_names):
                overlap = 0.5
        if not overlap:
            continue
        key = (overlap, PRECISION_RANK.get(d.date_precision, 0), -distance)
        if best_key is None or key > best_key:
            best, best_key = d, key
    if best is None:
        return None, ""
    if best_key[0] == 0.5:
        return best, "continues the previous sentence"
    return best, "same event told elsewhere"


@functools.lru_cache(maxsize=1)
def _carrying_verbs() -> frozenset[str]:
    """Verbs that carry their object noun's event ("will hold talks", "launched a raid"):
    their tense and mood are the noun's."""
    words: set[str] = set()
    for name in (
        "verbs/light_verbs.txt",
        "verbs/happen_verbs.txt",
        "verbs/event_noun_verbs.txt",
        "verbs/enact_verbs.txt",
        "dates/aspect_verbs.txt",
    ):
        words.update(w.lower() for w in load_lines(name))
    return frozenset(words)


def _known_act(trigger: Token) -> bool:
    """A definite event noun that is the object of a verb that does not carry it ("would not
    comment on the killing", "is investigating the raid", "since the attack"), or a doer's
    act that is the subject of one ("Peru's entry into the bloc will help trade"): an act
    already known, so the clause's future or mood is not the act's."""
    if trigger.pos_ != "NOUN" or trigger.ent_type_:
        return False
    owned = any(c.dep_ == "poss" for c in trigger.children)
    if trigger.dep_ in ("nsubj", "nsubjpass"):
        # "Peru's entry into the bloc will help trade": what the clause says of a doer's act
        if not owned:
            return False
    elif trigger.dep_ not in ("dobj", "pobj"):
        return False
    elif not owned and not any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in trigger.children
    ):
        return False
    verb = clause_verb(trigger)
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in _carrying_verbs()


def _undated_how(event: Event, parsed: ParsedArticle, has_dct: bool) -> str:
    """What an event with no time of its own is known to be: reported past is on or before
    the publication date, the present perfect up to it, a planned event after it."""
    if not has_dct:
        return "no publication date"
    trigger = find_trigger(parsed, event)
    if trigger is not None and names_another_noun(trigger):
        return "publication date (named by another noun, not told)"
    if trigger is not None and _known_act(trigger):
        return PAST_UNDATED
    verb = clause_verb(trigger) if trigger is not None else None
    tense = verb_tense(verb) if verb is not None else None
    if event.modality != "asserted" or tense == "future":
        return "publication date (planned: after it)"
    if (
        verb is not None
        and tense == "past"
        and any(
            a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP")
            for a in verb.children
            if a.dep_ == "aux"
        )
    ):
        return "publication date (present perfect: up to it)"
    if tense == "past":
        return PAST_UNDATED
    return "publication date"


def _progressive(verb: Token) -> bool:
    """ "is investigating and prosecuting the case": going on as of the publication day."""
    for v in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        if v.tag_ == "VBG" and any(
            a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in v.children if a.dep_ == "aux"
        ):
            return True
    return False


def _is_future(event: Event, parsed: ParsedArticle) -> bool:
    """A planned or hypothetical event is not the same as a reported one, nor is one going on
    as of the publication day."""
    trigger = find_trigger(parsed, event)
    if trigger is not None and _known_act(trigger):
        return False  # "is investigating the raid": the raid is told elsewhere as done
    if event.modality != "asserted":
        return True
    if trigger is None:
        return False
    verb = clause_verb(trigger)
    return verb_tense(verb) == "future" or _progressive(verb)


def assign_event_dates(events: list[Event], parsed: ParsedArticle, times: list[TimeExpr]) -> None:
    """Set ``date``, ``date_end``, ``date_precision`` and ``date_span`` on every event."""
    dct = parse_dct(parsed.article.date)
    dated: list[Event] = []
    undated: list[Event] = []
    for event in events:
        # with a publication date, "recently" or "in the past" says less than the twin or dct
        t, link = best_time(event, parsed, times, resolved_only=dct is not None)
        if t is not None:
            event.date_how = link.how
            try:
                _set_from_time(event, t, link.score, parsed, times, dct)
            except (OverflowError, ValueError):  # a range past year 1 or 9999: keep the day
                pass
            dated.append(event)  # with its evidence, even unresolved ("Monday", no dct)
        else:
            undated.append(event)
    for _ in range(3):  # a twin dated in one pass can date another in the next
        found = False
        for event in undated:
            if event.date_span is not None or _is_future(event, parsed):
                continue
            twin, how = _twin(event, dated, dct)
            if twin is not None:
                event.date, event.date_end = twin.date, twin.date_end
                event.date_precision, event.date_span = twin.date_precision, twin.date_span
                event.date_how = how
                dated.append(event)
                found = True
        if not found:
            break
    narrative = Narrative(parsed, times, dct) if dct is not None else None
    for event in undated:
        if event.date_span is not None or narrative is None:
            continue
        t, how = narrative.time_for(event)
        if t is not None:
            event.date, event.date_end, event.date_precision = t.date, t.date_end, t.precision
            event.date_span = {"text": t.text, "start": t.start, "end": t.end}
            event.date_how = how
    story = story_day(parsed, times, dct) if dct is not None else None
    for event in undated:
        if event.date_span is not None:
            continue
        event.date_how = _undated_how(event, parsed, dct is not None)
        if story is not None and event.date_how == PAST_UNDATED:
            # a told past event of a story published after the day its lede names
            event.date, event.date_end, event.date_precision = story.date, story.date, "day"
            event.date_span = Span(story.text, story.start, story.end)
            event.date_how = "the story's day (named in the lede)"
        elif dct is not None:
            event.date = event.date_end = dct.isoformat()
            event.date_precision, event.date_span = "publication", None
        else:
            event.date = event.date_end = None
            event.date_precision = "unknown"

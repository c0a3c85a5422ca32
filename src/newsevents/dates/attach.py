"""Which time expression modifies an event's trigger, read from the dependency tree.

"During Monday's phone conversation, X and Y discussed ..." -> Monday dates "discussed";
"as a May 1 deadline looms" -> May 1 dates the deadline, not the clause's events;
"'We can't take part ...', Naeem said on Monday" -> a refusal is dated when it is said.
"""

from __future__ import annotations

import functools

from spacy.tokens import Span, Token

from newsevents.data import reporting_verbs
from newsevents.dates.tense import adjacent_verb
from newsevents.models import Event, TimeExpr
from newsevents.nlp import ParsedArticle

DATED_TYPES = ("DATE", "TIME")
# event types done by speaking: dated by the reporting verb, not by the dates they mention
VERBAL = {"REJECT", "ACCUSE", "REQUEST", "THREATEN"}
# a time that pre-modifies a noun dates that noun, not the clause: "a May 1 deadline"
# ("Monday's call" (poss) and "talks on Monday" (prep) still date the clause)
NOUN_MODIFIER_DEPS = {"compound", "nmod", "amod", "nummod", "appos"}


@functools.lru_cache(maxsize=1)
def report_verbs() -> frozenset[str]:
    return reporting_verbs("dates_anchor")


def span_of(parsed: ParsedArticle, start: int, end: int) -> Span | None:
    return parsed.span_at(start, end)


def clause_verb(tok: Token) -> Token:
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
    clause = clause_verb(trigger)
    near = adjacent_verb(time)
    if near is not None:  # "said on Thursday he would ...": the time is the saying's
        return 3 if near == trigger else _verb_score(near, clause, False)
    t = time.root
    weak = False
    for _ in range(8):
        h = t.head
        if h == t:
            return 0
        if h == trigger:
            return 1 if weak else 3
        if h.pos_ in ("VERB", "AUX"):
            return _verb_score(h, clause, weak)
        if h.pos_ in ("NOUN", "PROPN", "PRON") and h not in time and t.dep_ in NOUN_MODIFIER_DEPS:
            return 0  # "a May 1 deadline": the date describes another noun
        if h.pos_ in ("NOUN", "PROPN") and clause.dep_ in ("relcl", "acl") and clause.head == h:
            return 2  # "the clashes on Monday that killed 12 people"
        if h.pos_ in ("NOUN", "PROPN") and h not in time and t.dep_ == "prep":
            weak = True
        t = h
    return 0


def _verb_score(verb: Token, clause: Token, weak: bool) -> int:
    """2 if the time's verb is the trigger's clause, 1 if it governs that clause without a
    reported-speech edge ("arrested ... and charged them on Tuesday"), else 0."""
    if verb == clause:
        return 1 if weak else 2
    c = clause
    for _ in range(6):
        if c.head == c or c.dep_ in ("ccomp", "parataxis", "relcl"):
            return 0
        c = c.head
        if c == verb:
            return 1
    return 0


def find_trigger(parsed: ParsedArticle, event: Event) -> Token | None:
    trig = event.trigger or {}
    if trig.get("start") is None or trig.get("end") is None:
        return None
    span = span_of(parsed, int(trig["start"]), int(trig["end"]))
    return span.root if span is not None and len(span) else None


def _speech_verb(trigger: Token) -> Token | None:
    """The reporting verb a clause is said under: "'We can't take part', Naeem said"."""
    t = clause_verb(trigger)
    for _ in range(4):
        if t.head == t:
            return None
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in report_verbs():
            return t.head
        t = t.head
    return None


def best_time(
    event: Event, parsed: ParsedArticle, times: list[TimeExpr], resolved_only: bool = False
) -> tuple[TimeExpr | None, int]:
    """The time expression of the event's sentence that modifies its trigger, and how closely
    (see :func:`_attachment`); (None, 0) when there is none."""
    trigger = find_trigger(parsed, event)
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
        and (t.date is not None or not resolved_only)
    ]
    if not cands:
        return None, 0
    if trigger is None:
        return (cands[0], 1) if len(cands) == 1 else (None, 0)
    scored = []
    for t in cands:
        span = span_of(parsed, t.start, t.end)
        if span is None or not len(span):
            continue
        score = _attachment(span, trigger)
        if score:
            distance = abs(t.start - (event.trigger or {}).get("start", t.start))
            scored.append((-score, distance, t))
    if not scored:
        return None, 0
    scored.sort(key=lambda s: (s[0], s[1]))
    return scored[0][2], -scored[0][0]

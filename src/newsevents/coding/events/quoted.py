"""Events told in the first person inside a quotation: in "'I will back her,' the senator
said" the speaker is the source. The quotes stage finds who said each quotation; this pass,
run after it, gives that speaker to the events whose subject is "I" or "we" inside the
quotation and which have no source yet (the events stage leaves such a subject empty
rather than guessing the nearest actor before it)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from newsevents.coding.events import args as event_args
from newsevents.models import Actor, Event, Quote
from newsevents.nlp.pipeline import ParsedArticle

SPEAKER_HOW = "coref"  # the speaker is found by reference, as a resolved pronoun is


def first_person_subject(tok: Token) -> Token | None:
    """The "I"/"we" subject of a trigger (of its light verb for a noun trigger)."""
    verb = tok
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"dobj", "pobj"} and tok.head != tok:
        verb = tok.head if tok.dep_ == "dobj" else tok.head.head
    subj, passive = event_args._subject(verb)
    if subj is None or passive or subj.lower_ not in event_args.FIRST_PERSON:
        return None
    return subj


def fill_quoted_sources(events: list[Event], quotes: list[Quote], parsed: ParsedArticle) -> None:
    """Give, in place, each sourceless first-person event inside a direct quotation the
    quotation's speaker, with the offsets of the pronoun."""
    spoken = [
        (q.start, q.end, q.speaker)
        for q in quotes
        if q.speaker is not None and q.kind == "direct" and q.start is not None
    ]
    if not spoken:
        return
    for e in events:
        if e.source is not None or e.trigger is None:
            continue
        t0 = e.trigger.start
        speaker = next((sp for s, end, sp in spoken if s <= t0 < end), None)
        if speaker is None:
            continue
        span = parsed.span_at(t0, e.trigger.end)
        subj = first_person_subject(span.root) if span is not None and len(span) else None
        if subj is None:
            continue
        start, end = parsed.char_span(subj)
        source = replace(speaker, text=subj.text, start=start, end=end, how=SPEAKER_HOW)
        if e.target is not None and _same(e.target, source):
            continue  # "I told him": the speaker is not both sides
        e.source = source


def _same(a: Actor, b: Actor) -> bool:
    return (a.id or a.name) == (b.id or b.name)

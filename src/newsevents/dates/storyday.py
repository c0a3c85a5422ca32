"""The story's day: the recent day an article's lede names for what it reports.

Wire copy is often published the day after what it tells: "Rebels attacked the town on Tuesday.
Residents said the market burned for hours." published on Wednesday. A told past event with no
time of its own, none in the sentences just before it and no dated twin happened on or before
the publication date; where the lede (the first sentences, dateline included) names a recent
past day on its main line ("on Tuesday", "yesterday", "CAIRO, March 4"), that day is the one
the story tells, and such an event is dated by it rather than stamped with the publication day.
A day in a background clause ("the man, who fled on Monday, ...") or a comparison is not the
story's; nor is one further back than a few days (a dated story of last year is history, not
the day's news).
"""

from __future__ import annotations

import bisect
from datetime import date, timedelta

from spacy.tokens import Token

from newsevents.dates.attach import SIMULTANEOUS_MARKS, report_verbs
from newsevents.dates.narrative import main_line
from newsevents.dates.tense import adjacent_verb, governing_verb
from newsevents.models import TimeExpr
from newsevents.nlp import ParsedArticle

LEDE_SENTENCES = 5  # the dateline and the first paragraphs
DAYS_BACK = 3  # "on Friday" in a Monday paper is still the day's news


def _simultaneous(verb: Token) -> bool:
    """An "as/when/while" clause: its time is its main clause's."""
    return any(
        c.lower_ in SIMULTANEOUS_MARKS and c.dep_ in ("mark", "advmod") for c in verb.children
    )


def story_day(parsed: ParsedArticle, times: list[TimeExpr], dct: date) -> TimeExpr | None:
    """The first day named on the lede's main line, on or within ``DAYS_BACK`` days before
    the publication date ``dct``; None when the lede names none."""
    starts = [s.start for s in parsed.sentences()]
    earliest = dct - timedelta(days=DAYS_BACK)
    said = None  # "officials said Saturday": the day it was said, if the lede tells no other
    for t in sorted(times, key=lambda t: t.start):
        if bisect.bisect_right(starts, t.start) - 1 >= LEDE_SENTENCES:
            break
        if t.type not in ("DATE", "TIME") or t.precision != "day" or not t.date:
            continue
        if not (t.value or "")[:1].isdigit():  # "now", "current": no day of its own
            continue
        if t.date_end not in (None, t.date) or not earliest <= date.fromisoformat(t.date) <= dct:
            continue
        span = parsed.span_at(t.start, t.end)
        if span is None or not len(span) or not main_line(span):
            continue
        verb = adjacent_verb(span) or governing_verb(span)
        if verb is not None and verb.dep_ == "advcl" and _simultaneous(verb):
            verb = verb.head  # "officials said as dawn broke Saturday": the saying's day
        if verb is None or verb.lemma_.lower() not in report_verbs():
            return t
        said = said or t
    return said

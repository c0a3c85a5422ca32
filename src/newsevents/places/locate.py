"""Event locations: where each event happened, and which rule said so.

``location.how``:

- ``trigger``: the place's preposition hangs on the event's own words ("clashes in X",
  "met ... in X", "a visit to X");
- ``argument``: it hangs on a noun the trigger governs ("held talks at a meeting in X",
  "finished a visit to X");
- ``dateline``: the event has no place of its own and the article opens with a dateline.

A place describing some other noun ("the peace process in X") or an actor ("X hosts the
talks") is not where the event happened: such an event gets no location.
``location.precision`` follows the kind of place: point (a street, a building), city,
admin1 (first- or second-level division), country or region.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable

from spacy.tokens import Token

from newsevents.data import load_lines
from newsevents.models import Event, Location
from newsevents.nlp import ParsedArticle

AT_PREPS = frozenset({"in", "at", "near", "inside", "outside", "on", "across", "throughout"})
TO_PREPS = frozenset({"to", "into", "from", "toward", "towards", "via"})
_ARG_DEPS = frozenset({"dobj", "attr", "nsubjpass", "oprd", "npadvmod", "nsubj"})


def assign_locations(
    events: Iterable[Event], locations: list[Location], parsed: ParsedArticle
) -> None:
    """Set ``event.location`` to where it happened, or None when nothing says."""
    literal = [loc for loc in locations if loc.type == "literal" and loc.lat is not None]
    dateline = next((loc for loc in literal if loc.how == "dateline"), None)
    for event in events:
        here = [
            loc
            for loc in literal
            if event.sentence_start <= loc.start and loc.end <= event.sentence_end
        ]
        trigger_start = (event.trigger or {}).get("start", event.sentence_start)
        trigger = _token_at(parsed, trigger_start)
        best, best_key = None, None
        for loc in here:
            attached, prep = _attached(_token_at(parsed, loc.start), trigger)
            if attached == 0:
                continue
            rank = 2 if prep in AT_PREPS else 1
            key = (attached, rank, -abs(loc.start - trigger_start))
            if best_key is None or key > best_key:
                best, best_key = loc, key
        if best is not None:
            how = "trigger" if best_key[0] == 2 else "argument"
            event.location = dataclasses.replace(best, how=how)
        elif dateline is not None:
            event.location = dataclasses.replace(dateline, how="dateline")
        else:
            event.location = None


@functools.lru_cache(maxsize=1)
def event_nouns() -> frozenset[str]:
    return frozenset(load_lines("places/event_nouns.txt"))


def _token_at(parsed: ParsedArticle, start: int) -> Token | None:
    span = parsed.span_at(start, start + 1)
    return span[0] if span is not None and len(span) else None


def _attached(place: Token | None, trigger: Token | None) -> tuple[int, str]:
    """(2, prep): the place's preposition hangs on the trigger or its verb; (1, prep): on a
    noun the trigger governs; (0, ""): anywhere else."""
    if place is None or trigger is None:
        return 0, ""
    prep = place
    while (
        prep.dep_ in ("compound", "pobj", "poss", "appos", "conj", "amod", "nmod")
        and prep.head is not prep
    ):
        prep = prep.head
        if prep.pos_ == "ADP":
            break
    if prep.pos_ != "ADP" or prep.lower_ not in AT_PREPS | TO_PREPS:
        return 0, ""
    host = prep.head
    verb = (
        trigger.head if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX") else trigger
    )
    if host in (trigger, verb) or (trigger.dep_ in ("xcomp", "ccomp") and host == trigger.head):
        return 2, prep.lower_
    if (
        host.dep_ in _ARG_DEPS
        and host.head in (trigger, verb)
        and host.lemma_.lower() in event_nouns()
    ):
        return 1, prep.lower_  # "finished a visit to X", not "discussed the process in X"
    if host.dep_ == "pobj" and host.head.lower_ in AT_PREPS and host.head.head in (trigger, verb):
        return 1, prep.lower_  # "talks at a meeting in X"
    return 0, ""

"""Event nouns with a time of their own: "the March 3 bombing of the embassy", "Friday's
summit", "his arrest on June 2", "a sentence for the 2019 killing of a guard".

A bare event noun is usually a topic or a kind ("talks on trade", "the bombing campaign"),
so the lexicons code it only when a verb of doing governs it. A noun that carries its own
calendar time names one event that happened (or is set) then, and its date is its own: it
is coded even with no verb of doing. The time must be a point or a named period: a
calendar word (``data/verbs/own_time_words.txt``: weekdays, months, "yesterday", "last",
"ago"...) or a year, in figures or in words ("a nineteen ninety-six raid"); a length ("a three-day visit", "weeks of talks") is not a time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Token

from newsevents.data import load_lines
from newsevents.dates.lexicon import has_year_words

TIME_ENTS = {"DATE", "TIME"}
# dependents of the noun that hold a time: "Friday's summit", "the March 3 raid", "the
# 2019 coup", "a coup last year", "meetings ten days ago"
MODIFIER_DEPS = {"poss", "compound", "nmod", "amod", "npadvmod", "nummod", "advmod", "appos"}
# prepositions whose object is the noun's time: "the raid on Friday", "the vote in May"
TIME_PREPS = {"on", "in", "during", "at"}
YEAR = re.compile(r"^(1[89]|20)\d\d$")
T = TypeVar("T")


@functools.lru_cache(maxsize=1)
def time_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lines("verbs/own_time_words.txt"))


def _calendar(tokens: list[Token]) -> bool:
    """The words name a calendar point or period, not a length."""
    words = time_words()
    if any(t.lower_.rstrip(".") in words or YEAR.match(t.text) for t in tokens):
        return True
    # a year in words is one entity whose words the parser may hang apart ("nineteen" on the
    # noun, "ninety-six" on "nineteen"): read the whole entity
    doc = tokens[0].doc
    ent = next((e for e in doc.ents if e.start <= tokens[0].i < e.end), None)
    first = min([t.i for t in tokens] + ([ent.start] if ent is not None else []))
    last = max([t.i for t in tokens] + ([ent.end - 1] if ent is not None else []))
    return has_year_words(doc[first : last + 1].text)


def _time_phrase(tok: Token) -> list[Token] | None:
    """The tokens of the time entity ``tok`` heads or belongs to, when it is one."""
    if tok.ent_type_ not in TIME_ENTS:
        return None
    phrase = [t for t in tok.subtree if t.ent_type_ in TIME_ENTS]
    return phrase if _calendar(phrase) else None


def own_time(noun: Token) -> list[Token] | None:
    """The tokens of the noun's own calendar time, or None."""
    for child in noun.children:
        if child.dep_ in MODIFIER_DEPS:
            phrase = _time_phrase(child)
            if phrase:
                return phrase
        elif child.dep_ == "prep" and child.lower_ in TIME_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    phrase = _time_phrase(pobj)
                    if phrase:
                        return phrase
    return None


def tells_event(noun: Token) -> bool:
    """An event noun that names one dated event (see the module's docstring): its own
    calendar time, and the noun is no time itself ("on March 23") nor a modifier of another
    noun ("the Friday summit talks": the head noun tells)."""
    if noun.pos_ != "NOUN" or noun.ent_type_ in TIME_ENTS or noun.dep_ in {"compound", "amod"}:
        return False
    return own_time(noun) is not None


def circumstance(noun: Token) -> bool:
    """The noun is in a prepositional phrase of a verb: a circumstance or background of that
    verb's clause ("fled after the March 3 bombing", "complained over Friday's raids",
    "arrived on a visit on Tuesday", "shut the town in protest of last week's arrest"),
    not a phrase of a noun ("a sentence for the 2019 killing"). Coded by its date alone, such
    a noun is news only where the sentence codes nothing else (:func:`drop_backdrops`)."""
    t = noun
    for _ in range(6):  # "in protest of last week's arrest": up a chain of phrases
        if t.dep_ != "pobj" or t.head.dep_ not in {"prep", "agent"}:
            return False
        t = t.head.head
        if t.pos_ in {"VERB", "AUX"}:
            return True
    return False


def drop_backdrops(found: list[T], is_backdrop: Callable[[T], bool]) -> list[T]:
    """Leave out the backdrops (dated nouns coded by their date alone in a verb's phrase)
    when the sentence keeps any other event: "rebels withdrew since the March 3 accord"
    tells the withdrawal; "the talks stalled after Friday's raid" tells the raid. Asked of
    the events a sentence keeps, not of its candidates: "the country has faced sanctions
    since its March 4 invasion of its neighbour" keeps no facing, so it tells the invasion."""
    if all(is_backdrop(c) for c in found):
        return found
    return [c for c in found if not is_backdrop(c)]


def dated_participle(verb: Token) -> bool:
    """A past participle describing a noun tells an act, not a relation, when the act has a
    calendar time: its own ("the accord signed on May 3 by both leaders") or the noun's ("the
    May 3 accord signed by both leaders"); "a group backed by Iran" tells a relation."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return False
    return dated_clause(verb)


def dated_clause(verb: Token) -> bool:
    """A clause on a noun (a participle or a relative clause) has a calendar time: its own
    ("the treaty, which they signed last May") or its noun's ("the May 3 accord signed by")."""
    for child in verb.children:
        if child.dep_ in MODIFIER_DEPS and _time_phrase(child):
            return True
        if child.dep_ == "prep" and child.lower_ in TIME_PREPS:
            if any(p.dep_ == "pobj" and _time_phrase(p) for p in child.children):
                return True
    noun = verb.head
    return noun.pos_ == "NOUN" and own_time(noun) is not None

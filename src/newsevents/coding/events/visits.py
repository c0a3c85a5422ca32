"""A visit told by its frame, with no verb of doing: "the envoy, on a visit to Peru, said",
"the minister paid tribute to the victims on a two-day visit to Chile".

The nominal lexicon codes a trip noun (``verbs/nominal.jsonl`` rows of CAMEO 042: "visit",
"trip") only under a light verb ("paid a visit", "made a trip"). A trip noun with the place
or party it goes to ("to") names one trip, going on or done, when its visitor is told: the
clause (or noun) that an "on" phrase holding the noun hangs on ("the envoy, on a visit to
Peru"). The visitor (an official or a named actor) is the source, the "to" party the
target. A kind ("visits to the region are rare") or a plan ("a planned visit") is no trip;
"the minister's visit to Kabul angered them" is a topic, coded only with a time of its own
(coding.events.dated_nouns).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from newsevents.coding.events import args as event_args
from newsevents.coding.events import lexicon as event_lexicon
from newsevents.coding.events.phrases import phrase_actors

VISIT_CODE = "042"
# sectors of those who travel for a state or a body: government, armed forces, police,
# judges, legislators, elites, spies, international bodies
OFFICIAL = {"GOV", "MIL", "COP", "JUD", "LEG", "ELI", "SPY", "IGO"}
NOT_DONE = {"planned", "proposed", "possible", "future", "next", "any", "no", "upcoming"}


def _trip_noun(noun: Token) -> bool:
    rows = event_lexicon.nominal_rows().get(noun.lemma_.lower()) or []
    return any(r["code"] == VISIT_CODE and not r.get("mod") for r in rows)


def _goes_to(noun: Token) -> bool:
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(p.dep_ == "pobj" for p in c.children)
        for c in noun.children
    )


def _visitor_head(noun: Token) -> Token | None:
    """The word that tells who makes the trip: what the "on" phrase holding the noun hangs on
    (a verb: its subject; a noun: itself). "The minister's visit to Kabul angered them" names
    a visit as a topic, and is coded only with a time of its own (coding.events.dated_nouns)."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.dep_ == "prep":
        return noun.head.head
    return None


def trip_code(noun: Token, governor: Token | None) -> str | None:
    """CAMEO 042 when ``noun`` names one trip by its frame (see the module), else None."""
    if governor is not None or noun.pos_ != "NOUN" or noun.tag_ == "NNS":
        return None
    if not _trip_noun(noun) or not _goes_to(noun):
        return None
    if any(c.lower_ in NOT_DONE for c in noun.children if c.dep_ in {"det", "amod"}):
        return None
    return VISIT_CODE if _visitor_head(noun) is not None else None


def arguments(actors: Any, noun: Token) -> event_args.Arguments | None:
    """The visitor (the subject of the clause the "on" phrase is in, or the noun it hangs on)
    and the party the trip goes to; None when no official or named actor makes the trip."""
    args = event_args.noun_arguments(actors, noun, None)
    head = _visitor_head(noun)
    if not args.sources and head is not None:
        if head.pos_ in {"VERB", "AUX"}:
            args.sources = event_args.verb_arguments(actors, head).sources
        else:
            args.sources = phrase_actors(actors, head)[0]
        args.targets = [t for t in args.targets if t not in args.sources]
    # a trip is an official's or a body's: "protesters on a trip to the capital" tell none
    args.sources = [a for a in args.sources if a.sector in OFFICIAL or event_args.named(a)]
    if not args.sources:
        return None
    args.has_subject = True
    args.subject_unresolved = False
    return args

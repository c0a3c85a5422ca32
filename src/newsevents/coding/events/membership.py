"""A state joining an international body: "Norway joined NATO on Monday", "the two states
will accede to the European Union", "Chile's entry into the EU", "the accession of Peru to
the EU", "became full members of NATO".

The lexicons read "join" as joining people or talks (CONSULT) and "accede" as giving in; an
event noun of entering names no event at all. When the thing joined is an international
body the actors stage names (an organisation: sector IGO or NGO) and the joiner is a state
or its government, the words tell one act of diplomatic cooperation: the joiner is the
source, the body the target. The words and the prepositions that carry the body are
``verbs/membership.tsv``. "Joined the alliance", with no body named, is left alone: a
SUPPORT with no one as its target is no event (coding.events.verify).
"""

from __future__ import annotations

import functools
from typing import Any

from spacy.tokens import Token

from newsevents.coding.events import args as event_args
from newsevents.coding.events.frame_table import prep_objects
from newsevents.coding.events.phrases import phrase_actors
from newsevents.data import load_tsv
from newsevents.models import Actor

MEMBERSHIP_CODE = "050"  # CAMEO: engage in diplomatic cooperation (PLOVER SUPPORT, diplomatic)
STATE_SECTORS = {None, "", "GOV"}
MEMBER_NOUNS = {"member", "membership"}
STATE_NOUNS = {"country", "nation", "state", "republic"}
COPULAS = {"be", "become"}


@functools.lru_cache(maxsize=1)
def _words() -> dict[tuple[str, str], tuple[str, ...]]:
    return {
        (r["word"], r["pos"]): tuple(p for p in r["preps"].split(",") if p and p != "-")
        for r in load_tsv("verbs/membership.tsv")
    }


def _is_state(a: Actor) -> bool:
    """A country or its government, not a person or a group inside it."""
    return bool(a.country) and a.sector in STATE_SECTORS


def _body(actors: Any, tok: Token) -> list[Actor]:
    """The international bodies the phrase headed by ``tok`` names by name."""
    if tok.pos_ != "PROPN":
        return []  # "the EU delegation": a part of the body, not the body
    return [a for a in phrase_actors(actors, tok)[0] if event_args.is_organisation(a)]


def _prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    """Noun objects only: "by joining the EU" names the body inside a clause, not as one."""
    return [p for p in prep_objects(head, *preps) if p.dep_ == "pobj"]


def _body_phrases(tok: Token, kind: str, preps: tuple[str, ...]) -> list[Token]:
    """The heads that may name the body the word joins."""
    if kind == "noun":
        return _prep_objects(tok, preps)
    if tok.lemma_.lower() == "become":
        members = [c for c in tok.children if c.dep_ == "attr" and c.lemma_.lower() in MEMBER_NOUNS]
        return [p for m in members for p in _prep_objects(m, preps)]
    if not preps:
        return [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
    return _prep_objects(tok, preps)


def joined_body(actors: Any, tok: Token) -> list[Actor] | None:
    """The bodies ``tok`` says a state joins, or None when the word tells no joining of a
    body."""
    kind = "verb" if tok.pos_ == "VERB" else "noun" if tok.pos_ == "NOUN" else None
    if kind is None:
        return None
    preps = _words().get((tok.lemma_.lower(), kind))
    if preps is None:
        return None
    for head in _body_phrases(tok, kind, preps):
        found = _body(actors, head)
        if found:
            return found
    return None


def _noun_joiners(actors: Any, noun: Token) -> tuple[list[Actor], bool]:
    """Who joins, for an event noun: its possessor ("Chile's entry") or its "of" phrase
    ("the accession of Peru"); and whether a state is told by its kind or a pronoun ("the
    country's entry", "their entry") when no actor is named."""
    heads = [c for c in noun.children if c.dep_ == "poss"] + _prep_objects(noun, ("of",))
    for h in heads:
        found = phrase_actors(actors, h)[0]
        if found:
            return found, False
    return [], any(h.lemma_.lower() in STATE_NOUNS or h.pos_ == "PRON" for h in heads)


def _kind_partner(noun: Token) -> list[Token]:
    """What a kind noun is said to be by a copula: "Estonia became the first state to join",
    "Among the first countries to join were Latvia and Estonia" (the subject put after the
    verb). The words that name the states, or []."""
    if noun.dep_ == "attr" and noun.head.lemma_.lower() in COPULAS:
        verb, own = noun.head, noun
    elif noun.dep_ == "pobj" and noun.head.lower_ == "among" and noun.head.dep_ == "prep":
        verb, own = noun.head.head, noun.head
    else:
        return []
    if verb.lemma_.lower() not in COPULAS:
        return []
    return [c for c in verb.children if c.dep_ in {"nsubj", "attr"} and c != own]


def _infinitive_joiners(actors: Any, verb: Token) -> list[Actor]:
    """Who joins, for an infinitive that describes a noun ("the first states to join NATO"):
    the states the noun names, or those a copula says it is ("Among the first countries to
    accede to the EU were Latvia and Estonia")."""
    noun = verb.head
    if verb.dep_ not in {"relcl", "acl"} or noun.pos_ not in {"NOUN", "PROPN"}:
        return []
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []  # "the states that joined NATO": the relative clause's own subject tells
    if noun.lemma_.lower() not in STATE_NOUNS:
        return phrase_actors(actors, noun)[0]
    # "the first former Soviet republic": the kind's modifiers name no joiner
    return [a for h in _kind_partner(noun) for a in phrase_actors(actors, h)[0]]


def arguments(actors: Any, tok: Token, bodies: list[Actor]) -> event_args.Arguments | None:
    """The joiner as the source and the body as the target, or None when no state joins."""
    if tok.pos_ == "VERB":
        args = event_args.verb_arguments(actors, tok)
        # "the first states to join NATO were ...": the states, not the words of the kind
        joiners = _infinitive_joiners(actors, tok) or args.sources
        if joiners is not args.sources:
            args.has_subject, args.subject_unresolved = True, False
    else:
        args = event_args.Arguments(has_subject=True, subject_unresolved=False)
        joiners, unnamed = _noun_joiners(actors, tok)
        if unnamed:  # "the country's entry into NATO": the body is the side told
            args.targets, args.target_is_head = bodies, True
            return args
    states = [a for a in joiners if _is_state(a)]
    if not states:
        return None
    args.sources = states
    args.targets, args.target_is_head = bodies, True
    return args

"""Actors of a noun phrase, through the actors stage's contract (``for_token``,
``conjuncts``), with two fallbacks: the actors stage's phrase coder for a name it left
uncoded, and the actors named inside a phrase whose head is no actor ("diplomats of Turkey
and US", "a U.S. request")."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from newsevents.coding.events.lexicon import nominal_rows
from newsevents.models import Actor

CHUNK_OFFSET = "newsevents_chunk_offset"  # Doc.user_data key: the chunk's offset in the text
# Modifiers of a noun that may name its actor ("Turkish officials", "officials of Turkey").
INNER_DEPS = {"compound", "amod", "poss", "nmod", "appos"}
INNER_PREPS = {"of", "from", "in"}


def same(a: Actor, b: Actor) -> bool:
    if a.start is not None and a.start == b.start:
        return True
    key_a = a.id or a.code or a.name
    key_b = b.id or b.code or b.name
    return bool(key_a) and key_a == key_b and a.name == b.name


def dedupe(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for a in actors:
        if a is not None and not any(same(a, b) for b in out):
            out.append(a)
    return out


def _conjunct_tokens(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.conjuncts:
        if c.i > tok.i or c not in out:
            out.append(c)
    return out


def misattached_conjuncts(tok: Token) -> list[Token]:
    """People joined to a person across a place the parser took as the conjunction's head:
    in "President Ada Lenz of Norland and Premier Bo Kim of Sudria" the second name hangs on
    "Norland"; it is the first person's conjunct."""
    if tok.ent_type_ != "PERSON":
        return []
    out = []
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"of", "from"}:
            continue
        for place in prep.children:
            if place.dep_ == "pobj" and place.ent_type_ in {"GPE", "NORP", "ORG"}:
                out.extend(c for c in place.conjuncts if c.ent_type_ == "PERSON" and c.i > tok.i)
    return out


def _coder() -> Any:
    """The actors stage's phrase coder (contract: ``ActorCoder().code(text, date)``)."""
    from newsevents.coding import actors as actors_stage  # late: a sibling stage

    factory = getattr(actors_stage, "default_coder", None)
    return factory() if factory is not None else actors_stage.ActorCoder()


def code_name(tok: Token) -> Actor | None:
    """Code a proper name or demonym the actor stage left uncoded ("U.S." request,
    "Amnesty International" as a subject): the token with its name-compound modifiers."""
    if tok.pos_ not in {"PROPN", "ADJ"} or (tok.pos_ == "ADJ" and not tok.text[:1].isupper()):
        return None
    left = tok
    for c in tok.lefts:
        if c.dep_ in {"compound", "flat"} and c.pos_ == "PROPN":
            left = c
            break
    span = tok.doc[left.i : tok.i + 1]
    try:
        actor = _coder().code(span.text)
    except (AttributeError, TypeError, ValueError, LookupError):
        return None
    if actor is not None and (actor.country or actor.code):
        # chunk offset, recorded on the Doc by code_events, makes the offsets absolute
        actor.text = span.text
        actor.start = tok.doc.user_data.get(CHUNK_OFFSET, 0) + span.start_char
        actor.end = actor.start + len(span.text)
        return actor
    return None


def _head_actors(actors: Any, tok: Token) -> list[Actor]:
    """Actors of the phrase headed by ``tok`` and of its conjuncts (contract of coding.actors)."""
    found: list[Actor] = []
    conj = getattr(actors, "conjuncts", None)
    if conj is not None:
        try:
            found.extend(a for a in conj(tok) if a is not None)
        except (AttributeError, TypeError, ValueError):
            found = []
    if not found:
        for t in _conjunct_tokens(tok):
            a = actors.for_token(t) or code_name(t)
            if a is not None:
                found.append(a)
    # "the Afghanistan conflict" is no actor, though it holds one: keep actors whose words
    # include the head token itself.
    found = [a for a in found if covers(a, tok)]
    if found:
        for t in misattached_conjuncts(tok):
            a = actors.for_token(t) or code_name(t)
            if a is not None:
                found.append(a)
    return dedupe(found)


def covers(actor: Actor, tok: Token) -> bool:
    if actor.start is None or actor.end is None:
        return True
    start = tok.doc.user_data.get(CHUNK_OFFSET, 0) + tok.idx
    if actor.start <= start < actor.end:
        return True
    return any(
        actor.start <= tok.doc.user_data.get(CHUNK_OFFSET, 0) + c.idx < actor.end
        for c in tok.conjuncts
    )


def inner_actors(actors: Any, tok: Token, depth: int = 0) -> list[Actor]:
    """Actors named in the modifiers of a noun ("Turkish", "of Turkey and US")."""
    if depth > 2:
        return []
    found: list[Actor] = []
    for t in _conjunct_tokens(tok):
        for child in t.children:
            if child.dep_ in INNER_DEPS:
                found.extend(_head_actors(actors, child) or inner_actors(actors, child, depth + 1))
            elif child.dep_ == "prep" and child.lower_ in INNER_PREPS:
                if child.lower_ == "in" and t.lemma_.lower() in nominal_rows():
                    continue  # "bombings in Kenya": a place, not who bombed
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found.extend(
                            _head_actors(actors, pobj) or inner_actors(actors, pobj, depth + 1)
                        )
    return dedupe(found)


def phrase_actors(actors: Any, tok: Token) -> tuple[list[Actor], bool]:
    """(actors of a noun phrase, True when its head itself is the actor). An apposition
    names the head itself: "the mayor's rival, Senator Holt" is Holt, not the mayor."""
    head = _head_actors(actors, tok)
    named = False
    if not head:
        for c in tok.children:
            if c.dep_ == "appos":
                head, named = _head_actors(actors, c), True
                if head:
                    break
    if head:
        if not any(a.country for a in head):
            # "an international peace-keeping force in Liberia": keep the country in reach
            inner = [a for a in inner_actors(actors, tok) if a.country]
            head = head + [a for a in inner if not (named and _owner_of(a, tok))]
        return head, True
    return inner_actors(actors, tok), False


def _owner_of(actor: Actor, tok: Token) -> bool:
    """The actor is the possessor of the head noun ("the mayor's rival"): another person."""
    return any(c.dep_ == "poss" and covers(actor, c) for c in tok.children)

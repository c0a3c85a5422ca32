"""Events told from the side that undergoes them: "the senator won the backing of the
governor", "the plan drew criticism from the unions", "the convoy came under fire from the
rebels", "she faced pressure from her allies". The subject of the verb of receiving is the
target; the owner of the act noun ("won the mayor's endorsement") or its "from", "of", "by"
or "among" phrase is the source (``verbs/receive.tsv``)."""

from __future__ import annotations

import functools
from typing import Any

from spacy.tokens import Token

from newsevents.coding.events.lexicon import base_forms
from newsevents.coding.events.phrases import dedupe, phrase_actors, same
from newsevents.data import load_tsv

GIVER_PREPS = {"from", "of", "by", "among"}  # "support from X", "the backing of X"
VERB_GIVER_PREPS = {"from", "by"}  # "drew criticism yesterday from X" (attached to the verb)


@functools.lru_cache(maxsize=1)
def _table() -> tuple[frozenset[str], frozenset[str]]:
    rows = load_tsv("verbs/receive.tsv")
    verbs = frozenset(r["word"] for r in rows if r["kind"] == "verb")
    acts = frozenset(r["word"] for r in rows if r["kind"] == "act")
    return verbs, acts


def _is_act(noun: Token) -> bool:
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    _, acts = _table()
    return any(f in acts for f in base_forms(noun))


def _keys(verb: Token, word: str | None = None) -> list[str]:
    forms = base_forms(verb)
    if word is None:
        parts = [c.lower_ for c in verb.children if c.dep_ == "prt"]
        return forms + [f"{f} {p}" for f in forms for p in parts]
    return [f"{f} {word}" for f in forms]


def act_of(verb: Token) -> Token | None:
    """The act noun a verb of receiving takes: its object ("won the backing of X"), or the
    object of its preposition ("came under fire", "was met with protests")."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    verbs, _ = _table()
    for c in verb.children:
        if c.dep_ in {"dobj", "obj"} and _is_act(c) and any(k in verbs for k in _keys(verb)):
            return c
        if c.dep_ == "prep" and any(k in verbs for k in _keys(verb, c.lower_)):
            for p in c.children:
                if p.dep_ == "pobj" and _is_act(p):
                    return p
    return None


def receiving_verb(noun: Token) -> Token | None:
    """The verb of receiving whose preposition holds the act noun ("came under attack")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head == prep:
        return None
    verb = prep.head
    return verb if act_of(verb) == noun else None


def _givers(noun: Token, verb: Token) -> list[Token]:
    found = [c for c in noun.children if c.dep_ == "poss"]
    for head, preps in ((noun, GIVER_PREPS), (verb, VERB_GIVER_PREPS)):
        for c in head.children:
            if c.dep_ in {"prep", "agent"} and c.lower_ in preps:
                found.extend(p for p in c.children if p.dep_ == "pobj")
    return found


def reverse(actors: Any, args: Any, verb: Token, passive: bool) -> bool:
    """Turn the sides of a verb of receiving whose object is an act: the subject's actors
    (``args.sources``, found as the doers) become the targets, the act's giver the source.
    Returns True when it did."""
    noun = act_of(verb)
    if noun is None or passive:
        return False
    receivers = list(args.sources)
    givers: list = []
    for tok in _givers(noun, verb):
        givers.extend(phrase_actors(actors, tok)[0])
        args.source_words.update(t.i for t in tok.subtree)
    givers = [g for g in dedupe(givers) if not any(same(g, r) for r in receivers)]
    args.sources, args.targets = givers, receivers
    args.target_is_head = bool(receivers)
    args.inner_sources = []
    args.preferred = []
    args.subject_unresolved = not givers
    return True

"""Events told through the reaction to them: "the council condemned the bombing of the
embassy", "Norway denounced Sweden's invasion of Finland", "the ministry is investigating
Friday's raid on the camp".

A verb of reaction (``verbs/reaction_verbs.txt``) says what someone made of an event; the
lexicons code the reaction (ACCUSE, INVESTIGATE...) and, since the verb "already says what
happened", leave its object noun alone. But when that object is an event noun of violence,
coercion or protest (``verbs/event_nouns.tsv``) that names one event -- its doer
("Sweden's invasion"), its own time ("Friday's raid"), or a definite article with the party
it befell ("the bombing of the embassy") -- the sentence tells two events: the act, and the
reaction to it. The act's sides are the noun's own (possessive, "by", "of", "on", "against"),
never the reacting verb's subject. A kind of act ("condemned attacks on civilians", "any
invasion", "the planned raid") is no event told as done.
"""

from __future__ import annotations

import functools
from typing import Any

from spacy.tokens import Token

from newsevents.coding.events import args as event_args
from newsevents.coding.events import dated_nouns
from newsevents.coding.events import lexicon as event_lexicon
from newsevents.coding.events.phrases import phrase_actors, same
from newsevents.data import load_lines

OBJECT_DEPS = {"dobj", "obj", "nsubjpass"}
DEFINITE = {"the", "this", "that", "these", "those"}
# words that make the noun a kind, a plan or a possibility rather than an act told as done
NOT_DONE = {
    "planned",
    "proposed",
    "threatened",
    "possible",
    "potential",
    "future",
    "further",
    "new",
    "any",
    "every",
    "such",
    "all",
    "no",
}
# prepositions naming the party an act befell: "the bombing of the embassy", "the raid on
# the camp", "the attack against the convoy", "the shooting at the school"
TARGET_PREPS = ("of", "on", "against", "at")


@functools.lru_cache(maxsize=1)
def reaction_verbs() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lines("verbs/reaction_verbs.txt"))


def _code(noun: Token) -> str | None:
    entry = event_lexicon.event_noun_entry(noun)
    return entry[0] if entry else None


def _names_one_event(noun: Token) -> bool:
    """The noun names one act: a doer's ("Sweden's invasion"), a dated one ("the March 3
    raid"), or a definite one with the party it befell ("the bombing of the embassy")."""
    kids = list(noun.children)
    if any(c.lower_ in NOT_DONE for c in kids if c.dep_ in {"det", "amod", "advmod"}):
        return False
    if any(c.dep_ == "poss" for c in kids):
        return True
    if dated_nouns.own_time(noun) is not None:
        return True
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in kids)
    befell = any(
        c.dep_ == "prep"
        and c.lower_ in TARGET_PREPS
        and any(p.dep_ == "pobj" and p.pos_ in {"NOUN", "PROPN"} for p in c.children)
        for c in kids
    )
    return definite and befell


def reacted_code(noun: Token, governor: Token | None) -> str | None:
    """The CAMEO code of the act an event noun names when a verb of reaction takes it as its
    object ("condemned the bombing of the embassy"), or None."""
    if governor is None or noun.pos_ != "NOUN" or noun.dep_ not in OBJECT_DEPS:
        return None
    if noun.head.i != governor.i or event_lexicon.verb_lemma(governor) not in reaction_verbs():
        return None
    if noun.ent_type_ in {"DATE", "TIME"}:
        return None
    code = _code(noun)
    if code is None or not _names_one_event(noun):
        return None
    return code


def arguments(actors: Any, noun: Token) -> event_args.Arguments:
    """The act's own sides, read from the noun alone: the reacting verb's subject is no party
    to it. An "of" phrase names whom the act befell ("the bombing of the embassy")."""
    args = event_args.noun_arguments(actors, noun, None)
    if not args.targets:
        for c in noun.children:
            if c.dep_ != "prep" or c.lower_ != "of":
                continue
            for pobj in c.children:
                if pobj.dep_ != "pobj":
                    continue
                found, is_head = phrase_actors(actors, pobj)
                found = [a for a in found if not any(same(a, s) for s in args.sources)]
                if found:
                    args.targets, args.target_is_head = found, is_head
                    break
    # the noun has no clause of its own: it tells neither a missing subject nor a fragment
    args.has_subject = True
    args.subject_unresolved = False  # no doer named is no doer to guess
    return args

"""Negation and modality of an event trigger.

``negated``: "did not meet", "can't take part", "no talks were held", "failed to agree".
``modality``: planned ("will meet", "is to visit", "plans to"), hypothetical ("could attack",
"if they meet", "is likely to"), otherwise asserted. Marker words: ``verbs/modality.tsv``.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from newsevents.data import load_tsv

FAIL_VERBS = {"fail", "refrain", "cease"}


@functools.lru_cache(maxsize=1)
def markers() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for row in load_tsv("verbs/modality.tsv"):
        table.setdefault(row["kind"], {})[row["word"]] = row["modality"]
    return table


@functools.lru_cache(maxsize=1)
def intent_markers() -> frozenset[str]:
    return frozenset(r["word"] for r in load_tsv("verbs/modality.tsv") if r["intent"] == "yes")


def modality_of(tok: Token) -> str:
    """asserted, planned or hypothetical."""
    return _modality(tok)[0]


def marker_of(tok: Token) -> str | None:
    """The word that sets the trigger's modality ("will", "expect", "likely"), or None."""
    return _modality(tok)[1]


def is_intent(tok: Token) -> bool:
    """The modality tells the source's own intention ("will release", "is ready to withdraw"),
    not speculation ("could attack")."""
    return _modality(tok)[1] in intent_markers()


# Hypothetical markers that tell an attempt or a capacity acted on, not speculation:
# "troops tried to storm the square" is told as it happened.
ATTEMPT_MARKERS = frozenset({"try", "seek", "attempt", "able"})


def is_speculation(tok: Token) -> bool:
    """Told as what may, might or would have happened, or as a wish ("could attack", "wants
    to ban", "would have faced", "if elected, she would"), not as the source's intention, a
    demand or an attempt."""
    modality, marker = _modality(tok)
    if modality != "hypothetical" or marker in ATTEMPT_MARKERS:
        return False
    return marker not in intent_markers() and not is_obligation(tok)


def _chain(tok: Token) -> list[Token]:
    """The trigger and the verbs it is the complement of (xcomp chain), nearest first."""
    out = [tok]
    t = tok
    while t.dep_ in {"xcomp", "acomp"} and t.head != t and t.head.pos_ in {"VERB", "AUX", "ADJ"}:
        t = t.head  # "is ready to mediate", "plans to meet", "must be ready to"
        out.append(t)
    return out


def is_negated(tok: Token) -> bool:
    """The trigger (or a verb governing it, or for a noun its determiner) is negated."""
    if tok.pos_ in {"NOUN", "PROPN"}:
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return True
        if tok.head != tok and tok.dep_ in {"dobj", "nsubjpass", "nsubj"}:
            tok = tok.head
    negs = 0
    for t in _chain(tok):
        if any(
            c.dep_ == "neg" or c.lower_ in {"not", "n't", "never"} and c.dep_ == "advmod"
            for c in t.children
        ):
            negs += 1
        if t != tok and t.lemma_.lower() in FAIL_VERBS:
            negs += 1
    return negs % 2 == 1


COUNTERFACTUAL_AUX = {"would", "could", "might", "'d"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl"}


def _self_condition(verb: Token) -> bool:
    """An "if"/"unless" clause on the verb whose subject is left out or is the verb's own
    subject ("If elected, the senator would raise taxes", "if she wins, she will ..."): the
    source's own what-if, not a condition put to someone else ("if they attack, we will
    respond" stays a conditional threat)."""
    own = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    for cl in verb.children:
        if cl.dep_ != "advcl" or not any(
            x.dep_ == "mark" and x.lower_ in {"if", "unless"} for x in cl.children
        ):
            continue
        subj = next((c for c in cl.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is None:
            return True
        if own is not None and (
            subj.lower_ == own.lower_
            or (subj.lower_ in {"he", "she"} and own.ent_type_ == "PERSON")
            # "If the senator wins, she will ...": the name first, the pronoun after
            or (own.lower_ in {"he", "she"} and subj.ent_type_ == "PERSON")
        ):
            return True
    return False


def _modality(tok: Token) -> tuple[str, str | None]:
    """(modality, the marker word that sets it)."""
    m = markers()
    if (
        tok.pos_ in {"NOUN", "PROPN"}
        and tok.head != tok
        and tok.dep_ in {"dobj", "nsubjpass", "nsubj"}
    ):
        tok = tok.head
    chain = _chain(tok)
    found = "asserted"
    # a counterfactual anywhere up the chain outranks a nearer capacity or attempt ("would
    # have been able to kill", "would have tried to stop it": neither happened; but "were
    # likely dropped" tells an inquiry's finding of what did happen)
    for t in chain[1:]:
        auxes = {c.lower_ for c in t.children if c.dep_ in {"aux", "auxpass"}}
        if auxes & COUNTERFACTUAL_AUX and "have" in auxes:
            return "hypothetical", "would have"
    for t in chain:
        if _self_condition(t):
            return "hypothetical", "if"  # "if elected, she would ban it": a campaign what-if
        auxes = {c.lower_ for c in t.children if c.dep_ in {"aux", "auxpass"}}
        for c in t.children:
            if c.dep_ in {"aux", "auxpass"}:
                word = c.lower_
                if word in COUNTERFACTUAL_AUX and "have" in auxes:
                    return "hypothetical", "would have"  # "would have faced": it did not happen
                if word in m.get("aux", {}):
                    return m["aux"][word], word
                # "is to visit": a form of be with a to-infinitive
                if c.lemma_ == "be" and any(
                    x.lower_ == "to" and x.dep_ == "aux" and x.i > c.i for x in t.children
                ):
                    return "planned", "will"
            if c.dep_ == "mark" and c.lower_ in m.get("mark", {}):
                return m["mark"][c.lower_], c.lower_
        if t != tok:
            lemma = t.lemma_.lower()
            if lemma in m.get("governor", {}) and t.pos_ in {"VERB", "AUX"}:
                return m["governor"][lemma], lemma
            if lemma in m.get("adj", {}):
                return m["adj"][lemma], lemma
            if lemma == "be" and any(
                c.lower_ == "to" and c.i > t.i for c in tok.children if c.dep_ == "aux"
            ):
                return "planned", "will"
    # "want all of them to be deported", "wishes the talks to resume": an infinitive clause
    # with its own subject, the object of a verb of wanting, is a wish
    top = chain[-1]
    head = top.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children)
    if top.dep_ == "ccomp" and infinitive and head != top and head.pos_ in {"VERB", "AUX"}:
        lemma = head.lemma_.lower()
        if m.get("governor", {}).get(lemma) == "hypothetical" and lemma not in ATTEMPT_MARKERS:
            return "hypothetical", lemma
    # An adverbial clause opened by "if" somewhere above the trigger.
    t = chain[-1]
    while t.dep_ in {"conj", "advcl", "ccomp"} and t.head != t:
        if any(c.dep_ == "mark" and c.lower_ in m.get("mark", {}) for c in t.children):
            return "hypothetical", "if"
        t = t.head
    return found, None


OBLIGATION_AUX = {"must", "should"}
OBLIGATION_GOVERNORS = {"have", "need", "ought"}
CONDITION_MARKS = {"if", "unless", "whether"}


def is_obligation(tok: Token) -> bool:
    """ "X must withdraw", "X has to release": the event is owed, not done (a demand)."""
    if tok.pos_ in {"NOUN", "PROPN"} and tok.head != tok:
        tok = tok.head
    for t in _chain(tok):
        auxes = {c.lower_ for c in t.children if c.dep_ == "aux"}
        if auxes & OBLIGATION_AUX and "have" not in auxes:  # "should have arrived": hindsight
            return True
        if t != tok and t.lemma_.lower() in OBLIGATION_GOVERNORS:
            return True
    return False


def in_condition(tok: Token) -> bool:
    """The trigger sits in an "if"/"unless" clause: a condition of another event, not one."""
    t = tok.head if tok.pos_ in {"NOUN", "PROPN"} and tok.head != tok else tok
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in t.children):
            return True
        if t.dep_ not in {"conj", "xcomp", "acomp", "advcl"} or t.head == t:
            return False  # "if they are ready to talk": "talk" under "ready" under "are"
        if t.dep_ == "advcl":
            return False
        t = t.head
    return False


def own_past_clause(tok: Token) -> bool:
    """A relative clause in the past with a subject of its own, not the relative pronoun
    ("a pact, which the two leaders signed in May"): it tells what that subject did, not
    what a demand above it asks for ("called for a court that would try them")."""
    if tok.dep_ != "relcl" or tok.tag_ not in {"VBD", "VBN"}:
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children):
        return False
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ not in {"WDT", "WP", "WP$"}
        for c in tok.children
    )

"""Tense of the clause a time expression belongs to, read from the spaCy dependency tree.

"said on Monday" -> past, "will meet on Monday" -> future, "is meeting Monday" -> future,
"plans to visit on Monday" -> future. Used to pick which Monday (or which May) is meant.
"""

from __future__ import annotations

import functools

from spacy.tokens import Span, Token

from newsevents.data import load_lines, reporting_verbs
from newsevents.dates.lexicon import dayparts, lookup, weekdays

FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "going"}
# verbs whose infinitive complement happens later: "plans to visit Friday"
PLAN_VERBS = {
    "plan",
    "expect",
    "schedule",
    "due",
    "set",
    "intend",
    "hope",
    "aim",
    "prepare",
    "seek",
    "vow",
    "promise",
    "threaten",
    "likely",
    "go",
    "want",
    "propose",
    "agree",
    "decide",
    "pledge",
    "offer",
    "order",
    "ask",
    "urge",
    "need",
    "invite",
    "summon",
    "subpoena",
}
# "extended to Nov. 20", "through January", "by Dec. 10": end points, often still ahead
ENDPOINT_PREPS = {"to", "through", "until", "till", "by", "thru"}


def governing_verb(span: Span) -> Token | None:
    """The verb the expression hangs from; None when it modifies a noun or adjective first
    ("a dividend payable Dec. 15": the verb of the sentence says nothing of that date)."""
    tok = span.root
    for _ in range(6):
        if tok not in span:
            if tok.pos_ in ("VERB", "AUX"):
                return tok
            if time_noun_of(tok):  # "attacked on the night of Oct. 23": the night's verb
                tok = tok.head
                continue
            if tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
                return None
        if tok.head == tok:
            return None
        tok = tok.head
    return None


# nouns that only say which part of a named time: "the night of Oct. 23", "the eve of May 1"
TIME_NOUNS = frozenset({"day", "eve", "week", "weekend", "dawn", "dusk", "end", "start"})


def time_noun_of(tok: Token) -> bool:
    """ "the night of", "the morning of": a part of the time after "of", so the phrase is a
    time of the verb above it."""
    lemma = tok.lemma_.lower()
    return (
        tok.pos_ == "NOUN"
        and (lemma in TIME_NOUNS or lookup(dayparts(), lemma) is not None)
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    )


def verb_tense(verb: Token) -> str | None:
    """past, future, present or None."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & FUTURE_AUX or any(
        a.tag_ == "MD" and a.lower_ not in ("could", "might") for a in auxes
    ):
        return "future"  # "will meet", "can't take part on 16 April"
    has_to = any(a.lower_ == "to" for a in auxes)
    head = verb.head
    if has_to and head != verb:
        if _pluperfect(head):  # "had been due to expire Friday": maybe overtaken, so no
            return None  # future push; weekdays then fall back to the last one
        if head.lemma_.lower() in PLAN_VERBS or any(
            c.lower_ in FUTURE_AUX for c in head.children if c.dep_ == "aux"
        ):
            return "future"
        if head.lemma_.lower() == "be" and head.tag_ in ("VBZ", "VBP"):  # "is to visit"
            return "future"
        if head.pos_ == "ADJ":
            return _adjective_tense(head)
        return verb_tense(head) if head.pos_ in ("VERB", "AUX") else None
    if verb.tag_ == "VBN" and _plans(verb) and not has_to:
        if not any("Past" in a.morph.get("Tense") for a in auxes):
            return "future"  # "is expected in December", "is scheduled for Dec. 10"
        if any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
            return None  # "was planned for early March": ahead of the planning; the nearest
    if any("Past" in a.morph.get("Tense") for a in auxes if a.tag_ != "VBN"):
        return "past"
    if any(a.lemma_ == "have" for a in auxes) and verb.tag_ == "VBN":
        return "past"  # present perfect: "has met on Monday"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"  # "is meeting on Friday"
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl", "xcomp") and head != verb:
        return verb_tense(head) if head.pos_ in ("VERB", "AUX") else None
    if verb.tag_ == "VBN":
        if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "present"
        if not auxes and verb.dep_ in ("advcl", "acl", "relcl"):
            return "past"  # reduced relative: "the agreement, announced Friday, ..."
        return verb_tense(head) if head != verb and head.pos_ in ("VERB", "AUX") else "past"
    if verb.tag_ == "VBD" or "Past" in verb.morph.get("Tense"):
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VB" and head != verb and head.pos_ in ("VERB", "AUX"):
        return verb_tense(head)
    return None


def _adjective_tense(adj: Token) -> str | None:
    """Tense of an infinitive under an adjective: its copula's, and ahead of a present
    copula for readiness ("would be ready to leave as soon as Tuesday", "is poised to vote on
    Monday": the coming one; "was ready to leave on Tuesday": the last one)."""
    cop = adj.head if adj.dep_ in ("acomp", "xcomp", "ccomp", "conj") else None
    tense = verb_tense(cop) if cop is not None and cop.pos_ in ("VERB", "AUX") else None
    if tense in ("past", "future"):
        return tense
    return "future" if adj.lemma_.lower() in ready_adjectives() else tense


@functools.lru_cache(maxsize=1)
def ready_adjectives() -> frozenset[str]:
    return frozenset(load_lines("dates/ready_adjectives.txt"))


def _plans(verb: Token) -> bool:
    """A verb of planning; "set" only as "set for", "set ... as" ("a record set on Aug. 6" is
    past)."""
    lemma = verb.lemma_.lower()
    if lemma == "set":
        return any(c.lower_ in ("for", "to", "as") for c in verb.children)
    return lemma in PLAN_VERBS


def _pluperfect(tok: Token) -> bool:
    """ "had been due", "had been scheduled": the verb (or the copula of an adjective) has
    a past-tense "have" auxiliary."""
    verbs = [tok, tok.head] if tok.dep_ in ("acomp", "attr") else [tok]
    return any(
        a.lemma_ == "have" and "Past" in a.morph.get("Tense")
        for v in verbs
        for a in v.children
        if a.dep_ == "aux"
    )


def adjacent_verb(span: Span) -> Token | None:
    """The verb right before the expression ("said on Thursday"): a surer attachment than the
    parser's, which often hangs a trailing time on the reported clause."""
    i = span.start - 1
    doc = span.doc
    while i >= 0 and doc[i].pos_ == "ADP" and doc[i].lower_ in ("on", "at", "in"):
        i -= 1
    if i < 0:
        return None
    tok = doc[i]
    if tok.pos_ == "VERB" and tok.sent == span.sent:
        return tok
    return None


# present tense of these says nothing about the future ("says Monday", "is in Paris")
STATIVE = frozenset({"be", "have"}) | reporting_verbs("stative")  # said on Monday: the saying


@functools.lru_cache(maxsize=1)
def defer_verbs() -> frozenset[str]:
    return frozenset(load_lines("dates/defer_verbs.txt"))


@functools.lru_cache(maxsize=1)
def same_form_past() -> frozenset[str]:
    return frozenset(load_lines("dates/same_form_past.txt"))


def _scheduled_present(verb: Token, tense: str | None, span: Span) -> str | None:
    """News present of an event verb is scheduled: "meets Monday", "expires Nov. 1"; not a
    possessive ("follows Tuesday's declaration") nor a verb that may be past ("hurt")."""
    lemma = verb.lemma_.lower()
    if (
        tense == "present"
        and verb.tag_ in ("VBZ", "VBP")
        and lemma not in STATIVE
        and not (verb.tag_ == "VBP" and lemma in same_form_past())
        and span.root.dep_ != "poss"
    ):
        return "future"
    return tense


def _progressive_present(verb: Token) -> bool:
    return verb.tag_ == "VBG" and any(
        a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in verb.children if a.dep_ == "aux"
    )


@functools.lru_cache(maxsize=1)
def deadline_nouns() -> frozenset[str]:
    return frozenset(load_lines("dates/deadline_nouns.txt"))


def _named_deadline(span: Span) -> bool:
    """ "The firm has named Nov. 10 as the deadline for bids": a time a verb names as a
    deadline lies ahead of the naming, so the verb's past says nothing of which one."""
    root = span.root
    if root.dep_ not in ("dobj", "obj", "npadvmod") or root.head.pos_ != "VERB":
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "as"
        and any(p.dep_ == "pobj" and p.lemma_.lower() in deadline_nouns() for p in c.children)
        for c in root.head.children
    )


def _since(span: Span) -> bool:
    """ "since January", "since shortly after the Oct. 23 slaying": a time a "since" phrase
    reaches back to lies in the past, whatever the verb (up to the first verb above it)."""
    tok = span.root
    for _ in range(6):
        if tok.lower_ == "since" and tok.dep_ == "prep":
            return True
        if tok.head == tok or tok.head.pos_ in ("VERB", "AUX"):
            # "since shortly after the slaying": the parser may hang both phrases on the verb
            i = tok.left_edge.i - 1
            return (
                tok.dep_ == "prep"
                and i >= 0
                and tok.doc[i].lower_ == "since"
                and tok.doc[i].head == tok.head
            )
        tok = tok.head
    return False


def tense_of(span: Span | None) -> str | None:
    if span is None or not len(span):
        return None
    if _since(span):
        return "past"
    if _named_deadline(span):
        return None  # the nearest one: ahead of the naming, maybe passed by publication
    near = adjacent_verb(span)
    if near is not None and span.root.dep_ == "poss" and _progressive_present(near):
        return None  # "is investigating Friday's raid": the raid is past, the inquiry goes on
    if near is not None:
        return _scheduled_present(near, verb_tense(near), span)
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in ENDPOINT_PREPS:
        verb = root.head.head
        return "future" if verb.lemma_.lower() in defer_verbs() else None
    verb = governing_verb(span)
    if verb is None:
        return _noun_phrase_future(span)
    if _earliest(span) and _possible(verb):
        return "future"  # "could arrive as early as Tuesday": the soonest it may happen
    return _scheduled_present(verb, verb_tense(verb), span)


def _noun_phrase_future(span: Span) -> str | None:
    """A time in a noun's phrase ("a mission in December") is the nearest one, unless the
    clause it is told in is future: "will be named for a mission in December" (the next
    December). A premodifier ("will investigate the October raid") names a known act, and a
    weekday in a noun's phrase ("a drop in trading on Wednesday") is a day of the week told."""
    root = span.root
    if root.dep_ != "pobj" or root.head.dep_ != "prep" or root.head.head.pos_ != "NOUN":
        return None
    if any(lookup(weekdays(), t.text) is not None for t in span):
        return None
    tok = root.head.head
    for _ in range(6):
        if tok.head == tok:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return "future" if verb_tense(tok) == "future" else None
    return None


def _earliest(span: Span) -> bool:
    """ "as early as Tuesday", "as soon as Tuesday": the soonest time something may happen."""
    words = [t.lower_ for t in span.doc[max(0, span.start - 3) : span.start]]
    return words in (["as", "early", "as"], ["as", "soon", "as"])


def _possible(verb: Token) -> bool:
    """A possibility ("could arrive", "might vote"), not a past ability ("could have")."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(auxes & {"could", "might"}) and "have" not in auxes

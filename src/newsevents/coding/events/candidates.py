"""Event candidates of a sentence: triggers found by the lexicons, with their arguments,
negation and modality, and complements folded into the verbs that govern them ("agreed to
meet" is one AGREE, "refused to meet" one REJECT)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from newsevents.coding.coder_mode import dictionaries_only
from newsevents.coding.crosswalk import CodeInfo, lookup
from newsevents.coding.events import args as event_args
from newsevents.coding.events import dated_nouns, membership, reactions, visits
from newsevents.coding.events import lexicon as event_lexicon
from newsevents.coding.events.modality import is_negated, modality_of
from newsevents.data import load_tsv, reporting_verbs
from newsevents.errors import CodingError
from newsevents.nlp.pipeline import Sentence


@functools.lru_cache(maxsize=1)
def negation_codes() -> dict[str, str]:
    return {r["plover"]: r["cameo"] or "" for r in load_tsv("verbs/negation.tsv")}


@dataclass
class Candidate:
    trigger: Token
    info: CodeInfo
    layer: str
    args: event_args.Arguments
    negated: bool
    modality: str
    governor: Token | None = None
    from_negation: bool = False  # recoded from a negated event (a refusal): asserted
    # a dated noun in a verb's phrase, coded by its date alone ("fled after the March 3
    # bombing"): news only where the sentence keeps no other event (dated_nouns.drop_backdrops)
    backdrop: bool = False


def _is_speech(tok: Token) -> bool:
    return tok.lemma_.lower() in reporting_verbs("event_speech")


def _is_refusal(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    particle = event_lexicon.particle_of(tok)
    refusals = event_lexicon.word_set("verbs/refusal_verbs.txt")
    return lemma in refusals or (particle is not None and f"{lemma} {particle}" in refusals)


def _is_commitment(tok: Token) -> bool:
    return event_lexicon.verb_lemma(tok) in event_lexicon.word_set("verbs/intent_verbs.txt")


@functools.lru_cache(maxsize=1)
def mood_codes() -> dict[str, dict[str, str]]:
    """verbs/intent.tsv: kind (intent, demand) -> CAMEO prefix of the told event -> code."""
    table: dict[str, dict[str, str]] = {}
    for r in load_tsv("verbs/intent.tsv"):
        table.setdefault(r["kind"], {})[r["prefix"]] = r["code"]
    return table


def mood_code(kind: str, cameo: str) -> CodeInfo | None:
    table = mood_codes().get(kind, {})
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in table:
            return code_info(table[cameo[:n]])
    return None


def _verb_match(tok: Token) -> event_lexicon.Match | None:
    if tok.pos_ != "VERB" or tok.dep_ in {"amod", "compound"} or _victims_modifier(tok):
        return None
    if (
        tok.dep_ == "acl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and tok.head.lemma_.lower() not in ATTEMPT_NOUNS
    ):
        return (
            None  # "a deadline to withdraw troops" names an event; "an attempt to kill" tells one
        )
    match = event_lexicon.code_verb(tok)
    if match is None:
        return None
    if match.code.startswith("19") and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in tok.children
    ):
        return None  # "fought to keep the boy": a struggle, not combat
    if _is_speech(tok) and not (match.layer.startswith("core") and match.specificity > 0):
        return None  # "said" is a statement; "announced a ceasefire" is an event
    return match


def _victims_modifier(tok: Token) -> bool:
    """A gerund right before a noun for those harmed, with no subject: the noun's modifier
    the parser read as a verb ("paid tribute to bombing victims" tells no bombing by anyone)."""
    if tok.tag_ != "VBG" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return (
        nxt is not None
        and nxt.dep_ == "dobj"
        and nxt.head == tok
        and nxt.lemma_.lower() in _victim_nouns()
    )


@functools.lru_cache(maxsize=1)
def _victim_nouns() -> frozenset[str]:
    return event_lexicon.word_set("verbs/victim_nouns.txt")


DEMAND_CODE = "100"
ATTEMPT_NOUNS = {"attempt", "bid"}


def _owed(tok: Token) -> bool:
    return (
        tok.pos_ == "VERB"
        and any(c.dep_ == "aux" and c.lower_ == "must" for c in tok.children)
        and tok.dep_ in {"ccomp", "ROOT", "conj"}
    )


CREDIT_NOUNS = {"responsibility", "credit"}
# "a string of airstrikes", "a wave of arrests": the verb governs the events counted
COUNT_NOUNS = {
    "string",
    "series",
    "wave",
    "spate",
    "number",
    "dozens",
    "hundreds",
    "round",
    "volley",
    "barrage",
    "campaign",
    "flurry",
}
CLAIM_VERBS = {"claim", "accept", "take", "admit"}


def _governor(noun: Token) -> Token | None:
    happen = event_lexicon.word_set("verbs/happen_verbs.txt")
    if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in happen:
        return noun.head  # "riots are continuing", "fighting erupted"
    if noun.dep_ in {"dobj", "nsubjpass", "obj", "attr", "conj"} and noun.head.pos_ in {
        "VERB",
        "AUX",
    }:
        return noun.head if noun.dep_ != "conj" else _governor(noun.head)
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in COUNT_NOUNS
        and noun.head.head.pos_ == "NOUN"
    ):
        return _governor(noun.head.head)
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_ in CREDIT_NOUNS:
        # "claimed responsibility for the ambush": the claimant did it
        owner = noun.head.head
        if owner.dep_ in {"dobj", "obj"} and owner.head.lemma_.lower() in CLAIM_VERBS:
            return owner.head
    if (copula := event_lexicon.doer_copula(noun)) is not None:
        return copula  # "the rebels were behind the bombing": the subject did it
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        # "took part in talks", "engaged in negotiations": the verb still carries the noun
        if noun.head.head.lemma_.lower() in JOIN_VERBS:
            return noun.head.head
    return None


JOIN_VERBS = {"engage", "take", "participate", "join"}



def _happens(noun: Token, gov: Token) -> bool:
    """The noun is the subject of a verb of happening ("the ceasefire took effect", "the
    truce came into force", "clashes erupted"): the verb tells only that the noun's event
    happened."""
    happen = event_lexicon.word_set("verbs/happen_verbs.txt")
    return noun.dep_ == "nsubj" and noun.head.i == gov.i and gov.lemma_.lower() in happen


def joined_in(noun: Token, gov: Token) -> bool:
    """The noun is what its governor joins in ("took part in a march", "participated in a
    sit-in", "joined in the strike"): taking part in an event is doing it, so the noun says
    what happened, not the verb of joining."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "in"
        and noun.head.head.i == gov.i
        and gov.lemma_.lower() in JOIN_VERBS
    )


def _detail_of_coded(noun: Token, coded: dict[int, CodeInfo]) -> bool:
    """An event noun in an "in" phrase of a coded verb is a detail of that verb's event."""
    head = noun.head
    if noun.dep_ == "nsubj" and head.i in coded and dated_nouns.tells_event(noun):
        return True  # "Sunday's bombing killed two": the verb tells the dated event
    return noun.dep_ == "pobj" and head.lower_ == "in" and head.head.i in coded


def code_info(code: str) -> CodeInfo | None:
    try:
        info = lookup(code)
    except CodingError:  # a malformed dictionary code must not stop the article
        return None
    return info if info.plover else None


def candidates(sent: Sentence, actors: Any) -> list[Candidate]:
    found: list[Candidate] = []
    coded_verbs: dict[int, CodeInfo] = {}
    joins: set[int] = set()  # "joined the alliance", "its entry into the bloc"
    for tok in sent.span:
        joined = None if dictionaries_only() else _joining(tok, actors)
        if joined is not None:
            joins.add(tok.i)
            if tok.pos_ == "VERB":
                coded_verbs[tok.i] = joined.info
            found.append(joined)
            continue
        match = _verb_match(tok)
        if match is None and _owed(tok) and not dictionaries_only():
            # "Russia said Sudan must return the helicopter": an owed act is a demand even
            # when the lexicons do not know the verb
            match = event_lexicon.Match(DEMAND_CODE, "must", 0)
        if match is not None:
            info = code_info(match.code)
            if info is not None:
                coded_verbs[tok.i] = info
                found.append(
                    Candidate(
                        tok,
                        info,
                        match.layer,
                        event_args.verb_arguments(actors, tok, match.prep),
                        is_negated(tok),
                        modality_of(tok),
                    )
                )
    backdrops: set[int] = set()  # dated nouns in a verb's phrase, coded by their date alone
    for tok in sent.span:
        if tok.pos_ not in {"NOUN", "PROPN"} or tok.i in joins:
            continue
        gov = _governor(tok)
        if gov is None and _detail_of_coded(tok, coded_verbs):
            continue  # "killed two soldiers in a bomb attack": one event, told by the verb
        reacted = reactions.reacted_code(tok, gov)
        if reacted is not None and (info := code_info(reacted)) is not None:
            # "condemned the bombing of the embassy": the act as well as the reaction
            args = reactions.arguments(actors, tok)
            found.append(Candidate(tok, info, "nominal", args, False, "asserted"))
            continue
        trip = None if dictionaries_only() else visits.trip_code(tok, gov)
        if trip is not None and (info := code_info(trip)) is not None:
            # "the envoy, on a visit to Peru, said": a trip told by its frame, unless the verb
            # it is a phrase of already tells it ("arrived on a visit to Peru")
            told = coded_verbs.get(tok.head.head.i) if tok.dep_ == "pobj" else None
            args = visits.arguments(actors, tok)
            if args is not None and (told is None or told.plover != info.plover):
                found.append(Candidate(tok, info, "nominal", args, False, "asserted"))
            continue
        match = event_lexicon.code_noun(tok, gov)
        if match is None:
            continue
        if gov is None and dated_nouns.circumstance(tok):
            if event_lexicon.code_noun(tok, gov, dated=False) is None:
                backdrops.add(tok.i)
        info = code_info(match.code)
        if info is None:
            continue
        if gov is not None and gov.i in coded_verbs:
            verb = next((c for c in found if c.trigger.i == gov.i), None)
            enacted = event_lexicon.verb_lemma(gov) in event_lexicon.word_set(
                "verbs/enact_verbs.txt"
            )
            if (
                coded_verbs[gov.i].plover != info.plover
                and (verb is None or verb.layer.startswith("core"))
                and not (enacted or joined_in(tok, gov) or _happens(tok, gov))
            ):
                continue  # the verb already says what happened ("rejected the agreement")
            # "held talks", "had a phone call", "issued an ultimatum": the noun says it better
            found = [c for c in found if c.trigger.i != gov.i]
        found.append(
            Candidate(
                tok,
                info,
                match.layer,
                event_args.noun_arguments(actors, tok, gov),
                is_negated(tok),
                modality_of(tok),
                gov,
            )
        )
    found = _fold_complements(found, coded_verbs)
    for c in found:
        c.backdrop = c.trigger.i in backdrops
    return found


def _joining(tok: Token, actors: Any) -> Candidate | None:
    """A state joining an international body (coding.events.membership), or None."""
    bodies = membership.joined_body(actors, tok)
    if bodies is None:
        return None
    info = code_info(membership.MEMBERSHIP_CODE)
    args = membership.arguments(actors, tok, bodies)
    if info is None or args is None:
        return None
    if tok.pos_ == "VERB":
        return Candidate(tok, info, "core", args, is_negated(tok), modality_of(tok))
    # "Peru's entry into the bloc will help trade": the modal is the clause's, not the entry's
    return Candidate(tok, info, "nominal", args, False, "asserted")


def _fold_complements(found: list[Candidate], coded: dict[int, CodeInfo]) -> list[Candidate]:
    """Fold an event told in the complement of another coded verb into that verb's event."""
    by_trigger = {c.trigger.i: c for c in found}
    drop: set[int] = set()
    for c in found:
        t = c.governor if c.governor is not None else c.trigger
        if t.dep_ not in {"xcomp", "ccomp", "dobj"} or t.head == t:
            continue
        if c.governor is None and reactions.reacted_code(t, t.head) is not None:
            continue  # "condemned the bombing": the act reacted to is an event of its own
        head = t.head
        if head.i not in coded:
            continue
        outer = by_trigger.get(head.i)
        if outer is not None and t.dep_ == "ccomp" and _weaker(outer, c):
            # "it was learnt that bandits killed seven people": a verb coded only by its
            # PETRARCH2 block default reports the curated event of its clause; keep that one
            drop.add(id(outer))
            continue
        if outer is not None and not outer.args.targets and c.args.targets:
            # "threatened to impose sanctions on Ukraine": the party sits in the complement
            outer.args.targets = c.args.targets
            outer.args.target_is_head = c.args.target_is_head
        if _is_refusal(head) and outer is not None:
            # "refused to meet" -> the rejection of a meeting, coded from the meeting
            refusal = outer
            recode = negation_codes().get(c.info.plover, "")
            info = code_info(recode) if recode and recode != "-" else None
            if info is not None:
                refusal.info = info
            drop.add(id(c))
        elif outer is not None and _is_commitment(head):
            # "vowed to fight" -> a threat; "pledged to release" -> an intent to release
            info = mood_code("intent", c.info.cameo)
            if info is not None:
                outer.info = info
            drop.add(id(c))
        elif c.trigger.i != head.i:
            drop.add(id(c))
    return [c for c in found if id(c) not in drop]


def _weaker(outer: Candidate, inner: Candidate) -> bool:
    """A governor coded by a PETRARCH2 block default alone, over a clause whose event a
    curated row or event noun codes, and that is no refusal, commitment or demand."""
    return (
        outer.layer == "default"
        and (inner.layer.startswith("core") or inner.layer == "nominal")
        and not _is_refusal(outer.trigger)
        and not _is_commitment(outer.trigger)
        and outer.info.plover not in {"REQUEST", "AGREE", "REJECT", "THREATEN"}
    )

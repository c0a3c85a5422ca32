"""Code event mentions (CAMEO and PLOVER) from a parsed article.

One pass per sentence: every verb and event noun is looked up in the lexicons
(coding.event_lexicon); complements of coded verbs are folded into them ("agreed to meet" is
one AGREE, "refused to meet" one REJECT); sources and targets come from the parse
(coding.event_args); negation and modality are marked (coding.event_modality) and a negated
meeting or agreement is recoded as the refusal it is. An optional linear model
(coding.classifier) re-weighs the PLOVER type where the patterns are unsure.
"""

from __future__ import annotations

import functools
import hashlib
import os
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from newsevents.coding import classifier, event_args, event_lexicon
from newsevents.coding.crosswalk import CodeInfo, lookup
from newsevents.coding.event_modality import in_condition, is_negated, is_obligation, modality_of
from newsevents.data import data_path, load_tsv
from newsevents.models import CODER_VERSION, Actor, Event
from newsevents.nlp.pipeline import ParsedArticle, Sentence

if TYPE_CHECKING:  # the actors stage is another module; only its contract is used here
    from newsevents.coding.actors import DocumentActors

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
LAYER_CONFIDENCE = {
    "core": 0.7,
    "core+pattern": 0.75,
    "nominal": 0.65,
    "pattern": 0.5,
    "default": 0.35,
}
MIN_CONFIDENCE = float(os.environ.get("NEWSEVENTS_MIN_CONFIDENCE", "0.45"))
LONE_MARGIN = 0.15  # how much lower the single best mention of a sentence may score
DICT_FILES = ("verbs/core.jsonl", "verbs/nominal.jsonl", "verbs/petrarch_patterns.jsonl")


@functools.lru_cache(maxsize=1)
def coder_version() -> str:
    """CODER_VERSION plus a short digest of the dictionaries, so codings can be traced."""
    h = hashlib.sha1()
    for name in DICT_FILES:
        h.update(data_path(name).read_bytes())
    return f"{CODER_VERSION}+dict.{h.hexdigest()[:8]}"


@functools.lru_cache(maxsize=1)
def negation_codes() -> dict[str, str]:
    return {r["plover"]: r["cameo"] or "" for r in load_tsv("verbs/negation.tsv")}


@functools.lru_cache(maxsize=1)
def mood_codes() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for r in load_tsv("verbs/intent.tsv"):
        table.setdefault(r["kind"], {})[r["prefix"]] = r["code"]
    return table


# Types that are already intents, demands or words about events: never recoded by mood.
MOOD_FIXED = {"AGREE", "REQUEST", "THREATEN", "ACCUSE"}
BACKGROUND_DEPS = {"relcl": 0.2, "acl": 0.2, "pcomp": 0.15, "advcl": 0.1}


@dataclass
class Candidate:
    trigger: Token
    info: CodeInfo
    layer: str
    args: event_args.Arguments
    negated: bool
    modality: str
    governor: Token | None = None


def _is_speech(tok: Token) -> bool:
    return tok.lemma_.lower() in event_lexicon.word_set("verbs/speech_verbs.txt")


def _is_refusal(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    particle = event_lexicon.particle_of(tok)
    refusals = event_lexicon.word_set("verbs/refusal_verbs.txt")
    return lemma in refusals or (particle is not None and f"{lemma} {particle}" in refusals)


def _verb_match(tok: Token) -> event_lexicon.Match | None:
    if tok.pos_ != "VERB" or tok.dep_ in {"amod", "compound"}:
        return None
    if tok.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None  # "a deadline to withdraw troops" names an event, it does not tell one
    match = event_lexicon.code_verb(tok)
    if match is None:
        return None
    if _is_speech(tok) and not (match.layer.startswith("core") and match.specificity > 0):
        return None  # "said" is a statement; "announced a ceasefire" is an event
    return match


def _governor(noun: Token) -> Token | None:
    happen = event_lexicon.word_set("verbs/happen_verbs.txt")
    if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in happen:
        return noun.head  # "riots are continuing", "fighting erupted"
    if noun.dep_ in {"dobj", "nsubjpass", "obj", "attr", "conj"} and noun.head.pos_ in {
        "VERB",
        "AUX",
    }:
        return noun.head if noun.dep_ != "conj" else _governor(noun.head)
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        # "took part in talks", "engaged in negotiations": the verb still carries the noun
        if noun.head.head.lemma_.lower() in {"engage", "take", "participate", "join"}:
            return noun.head.head
    return None


def _info(code: str) -> CodeInfo | None:
    try:
        info = lookup(code)
    except Exception:  # noqa: BLE001 - a malformed dictionary code must not stop the article
        return None
    return info if info.plover else None


def _candidates(sent: Sentence, actors: Any) -> list[Candidate]:
    found: list[Candidate] = []
    coded_verbs: dict[int, CodeInfo] = {}
    for tok in sent.span:
        match = _verb_match(tok)
        if match is not None:
            info = _info(match.code)
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
    for tok in sent.span:
        if tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        gov = _governor(tok)
        match = event_lexicon.code_noun(tok, gov)
        if match is None:
            continue
        info = _info(match.code)
        if info is None:
            continue
        if gov is not None and gov.i in coded_verbs:
            if coded_verbs[gov.i].plover != info.plover:
                continue  # the verb already says what happened ("rejected the agreement")
            # "held talks", "had a phone call": the noun says it more precisely
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
    return _fold_complements(found, coded_verbs)


def _fold_complements(found: list[Candidate], coded: dict[int, CodeInfo]) -> list[Candidate]:
    """Fold an event told in the complement of another coded verb into that verb's event."""
    by_trigger = {c.trigger.i: c for c in found}
    drop: set[int] = set()
    for c in found:
        t = c.governor if c.governor is not None else c.trigger
        if t.dep_ not in {"xcomp", "ccomp", "dobj"} or t.head == t:
            continue
        head = t.head
        if head.i not in coded:
            continue
        outer = by_trigger.get(head.i)
        if outer is not None and not outer.args.targets and c.args.targets:
            # "threatened to impose sanctions on Ukraine": the party sits in the complement
            outer.args.targets = c.args.targets
            outer.args.target_is_head = c.args.target_is_head
        if _is_refusal(head) and outer is not None:
            # "refused to meet" -> the rejection of a meeting, coded from the meeting
            refusal = outer
            recode = negation_codes().get(c.info.plover, "")
            info = _info(recode) if recode and recode != "-" else None
            if info is not None:
                refusal.info = info
            drop.add(id(c))
        elif c.trigger.i != head.i:
            drop.add(id(c))
    return [c for c in found if id(c) not in drop]


def _resolve_negation(c: Candidate) -> Candidate | None:
    if not c.negated:
        return c
    recode = negation_codes().get(c.info.plover, "")
    if recode == "-":
        return None
    if recode:
        info = _info(recode)
        if info is not None:
            c.info = info
    return c


def _mood_code(kind: str, cameo: str) -> CodeInfo | None:
    table = mood_codes().get(kind, {})
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in table:
            return _info(table[cameo[:n]])
    return None


def _resolve_mood(c: Candidate, actors: Any) -> None:
    """An owed event is a demand (speaker -> subject); an intended one an intent or threat."""
    if c.info.plover in MOOD_FIXED or c.negated:
        return
    if is_obligation(c.trigger):
        info = _mood_code("demand", c.info.cameo)
        if info is not None:
            c.info = info
            subjects = c.args.sources
            speaker = event_args.speaker_of(actors, c.trigger)
            c.args.sources = [speaker] if speaker is not None else []
            c.args.targets = subjects or c.args.targets
            c.args.target_is_head = bool(subjects) or c.args.target_is_head
        return
    if c.modality != "asserted":
        info = _mood_code("intent", c.info.cameo)
        if info is not None:
            c.info = info


TOPIC_PREPS = {"about", "on", "over", "regarding", "concerning"}


def _is_topic(tok: Token) -> bool:
    """A verb inside the topic of talk ("discussions about whether to take part", "talks on
    limiting missiles") names a subject of discussion, not an event."""
    if tok.pos_ != "VERB":
        return False
    t = tok
    for _ in range(6):
        if t.head == t:
            return False
        if t.dep_ in {"pcomp", "pobj"} and t.head.lower_ in TOPIC_PREPS:
            return True
        t = t.head
    return False


def _purpose(tok: Token) -> float:
    """Penalty for a purpose clause ("travelling to drum up support"): an aim, not a deed."""
    t = tok.head if tok.pos_ in {"NOUN", "PROPN"} and tok.head != tok else tok
    if t.dep_ in {"advcl", "xcomp"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in t.children
    ):
        return 0.1 if t.dep_ == "advcl" else 0.0
    return 0.0


def _separate(tok: Token) -> bool:
    """ "held separate meetings with A and B": one event per party."""
    words = {c.lower_ for c in tok.children if c.dep_ in {"amod", "advmod"}}
    if tok.pos_ in {"NOUN", "PROPN"} and tok.head != tok:
        words |= {c.lower_ for c in tok.head.children if c.dep_ == "advmod"}
    return bool(words & {"separate", "separately", "respectively", "individual"})


def _background(tok: Token) -> float:
    """Penalty for a trigger telling background (a relative or adverbial clause)."""
    t = tok.head if tok.pos_ in {"NOUN", "PROPN"} and tok.head != tok else tok
    return BACKGROUND_DEPS.get(t.dep_, 0.0)


def _dyad(
    c: Candidate, actors: Any, parsed: ParsedArticle, last_pair: tuple[Actor, Actor] | None
) -> tuple[Actor | None, Actor | None, float]:
    a = c.args
    penalty = 0.0
    sources, targets = list(a.sources), list(a.targets)
    if not sources and a.both_parties and last_pair is not None:
        return last_pair[0], last_pair[1], 0.05  # "the two sides have started negotiations"
    if c.info.plover in SYMMETRIC and not (targets and a.target_is_head):
        if len(sources) < 2 and len(a.inner_sources) >= 2:
            sources = a.inner_sources  # "teams of the Afghan Republic and the Taliban agreed"
        if len(sources) >= 2:
            return sources[0], sources[1], 0.0  # "Turkey and US held talks": one reciprocal event
    if not sources:
        guess = event_args.nearest_actor_before(actors, parsed, c.trigger, targets)
        if guess is not None:
            sources, penalty = [guess], 0.1
        else:
            penalty = 0.15
    source = sources[0] if sources else None
    if source is None:
        # "A US national was put under investigation in Italy": the place's country acts
        place = next(iter(event_args.place_actors(actors, c.trigger)), None)
        if place is not None:
            source = replace(place, how="place")
            penalty = 0.1
    elif not source.country:
        # "Security forces in Guinea", "leaders of the opposition ... in Baku": a group with
        # no country of its own takes the one named inside its phrase, else where it acts
        found = [x for x in a.inner_sources if x.country] or event_args.place_actors(
            actors, c.trigger
        )
        if found:
            source = replace(source, country=found[0].country)
    return source, event_args.best_target(targets, source), penalty


def _same_event(a: Event, b: Event) -> bool:
    if a.plover != b.plover:
        return False

    def key(x: Actor | None) -> str | None:
        return None if x is None else (x.country or "") + "|" + (x.name or "")

    pa, pb = (key(a.source), key(a.target)), (key(b.source), key(b.target))
    if pa == pb or (a.plover in SYMMETRIC and pa == pb[::-1]):
        return True
    # one of the two knows fewer actors: the same event told with less detail
    return all(x is None or x == y for x, y in zip(pa, pb, strict=True)) or all(
        y is None or x == y for x, y in zip(pa, pb, strict=True)
    )


def _specific(code: str) -> int:
    return len(code) * 2 - code.endswith("0")


def _better(new: Event, old: Event) -> bool:
    """Of two codings of one event, keep the one with more actors, then the finer code."""
    known = lambda e: (e.source is not None) + (e.target is not None)  # noqa: E731
    if known(new) != known(old):
        return known(new) > known(old)
    if _specific(new.cameo) != _specific(old.cameo):
        return (
            _specific(new.cameo) > _specific(old.cameo) and new.confidence >= old.confidence - 0.1
        )
    return new.confidence > old.confidence


def code_events(
    parsed: ParsedArticle, actors: DocumentActors, min_confidence: float | None = None
) -> list[Event]:
    """Every event mention of an article, sentence by sentence (dates left unset).

    Mentions scored under ``min_confidence`` (default MIN_CONFIDENCE) are left out: they are
    mostly PETRARCH2 patterns firing on words that tell no event."""
    floor = MIN_CONFIDENCE if min_confidence is None else min_confidence
    events: list[Event] = []
    version = coder_version()
    for offset, doc in parsed.chunks:
        doc.user_data[event_args.CHUNK_OFFSET] = offset
    last_pair: tuple[Actor, Actor] | None = None  # the latest two-sided dyad, for "both sides"
    for sent in parsed.sentences():
        sent_events: list[Event] = []
        for cand in _candidates(sent, actors):
            if in_condition(cand.trigger) or _is_topic(cand.trigger):
                continue  # "unless X agrees", "talks on limiting missiles": not events
            cand = _resolve_negation(cand)
            if cand is None:
                continue
            _resolve_mood(cand, actors)
            source, target, penalty = _dyad(cand, actors, parsed, last_pair)
            if cand.governor is None and not cand.args.has_subject and source is None:
                continue  # "Discussed bilateral issues": a fragment with no one doing it
            if source is not None and target is not None and cand.info.plover in SYMMETRIC:
                last_pair = (source, target)
            penalty += _purpose(cand.trigger)
            penalty += _background(cand.trigger)
            targets = [target]
            if (_separate(cand.trigger) or cand.info.cameo == "042") and len(cand.args.targets) > 1:
                # separate meetings, or a trip to several places: one event per party
                own = source.country if source is not None else None
                pool = cand.args.preferred or cand.args.targets  # "left X for Y and Z": Y, Z
                others = [t for t in pool if t.country and t.country != own]
                targets = others[:4] or [target]
            for target in targets:
                _add(sent_events, _event(parsed, sent, cand, source, target, penalty, version))
        classifier.reweigh(sent.text, sent_events)
        events.extend(_keep(sent_events, floor))
    return events


def _keep(sent_events: list[Event], floor: float) -> list[Event]:
    """The sentence's best mention if it clears a lower bar, the others if they clear ``floor``:
    a sentence usually tells one event well; the extra readings must earn their place."""
    if not sent_events:
        return []
    best = max(sent_events, key=lambda e: e.confidence)
    return [
        e
        for e in sent_events
        if e.confidence >= floor or (e is best and e.confidence >= floor - LONE_MARGIN)
    ]


def _add(sent_events: list[Event], event: Event) -> None:
    dup = next((e for e in sent_events if _same_event(e, event)), None)
    if dup is None:
        sent_events.append(event)
    elif _better(event, dup):
        sent_events[sent_events.index(dup)] = event


def _event(
    parsed: ParsedArticle,
    sent: Sentence,
    cand: Candidate,
    source: Actor | None,
    target: Actor | None,
    penalty: float,
    version: str,
) -> Event:
    start, end = parsed.char_span(cand.trigger)
    info = cand.info
    confidence = LAYER_CONFIDENCE.get(cand.layer, 0.5) - penalty
    if cand.modality != "asserted":
        confidence -= 0.05
    return Event(
        doc=parsed.article.id,
        sentence=sent.text,
        sentence_start=sent.start,
        sentence_end=sent.end,
        plover=info.plover or "",
        cameo=info.cameo,
        trigger={"text": cand.trigger.text, "start": start, "end": end},
        source=source,
        target=target,
        mode=info.mode,
        context=info.context,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        negated=cand.negated,
        modality=cand.modality,
        confidence=round(max(0.05, min(0.99, confidence)), 3),
        coder_version=version,
    )

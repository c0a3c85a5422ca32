"""Rules applied to an event candidate before it is written: negation and mood recoding,
clauses that tell no event or only background, and the choice of source and target."""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Any

from spacy.tokens import Token

from newsevents.coding.events import args as event_args
from newsevents.coding.events import dated_nouns
from newsevents.coding.events import lexicon as event_lexicon
from newsevents.coding.events import where as event_where
from newsevents.coding.events.candidates import (
    ATTEMPT_NOUNS,
    Candidate,
    code_info,
    mood_code,
    negation_codes,
)
from newsevents.coding.events.modality import is_intent, is_obligation, own_past_clause
from newsevents.data import load_lines
from newsevents.models import SYMMETRIC_TYPES, Actor
from newsevents.nlp.pipeline import ParsedArticle

SYMMETRIC = SYMMETRIC_TYPES
PROTEST = "PROTEST"
PURPOSE_TYPES = {"PROTEST", "ASSAULT", "COERCE"}
MATERIAL_TYPES = {"ASSAULT", "COERCE"}
HOME_SECTORS = {"COP", "JUD"}  # police and courts act in their own country
PEOPLE_SECTORS = {"CVL", "PPL", "EDU", "LAB", "AGR", "MUS", "REL", "OPP", None}
ASSAULT = "ASSAULT"
DEVICE_KIND = "violence"  # verbs/event_cues.tsv: weapons, attacks and attackers


def _device(tok: Token) -> bool:
    """A weapon or an attack noun (not a person: an attacker named is an actor already)."""
    from newsevents.coding.events.verify import word_kinds  # the verifier's cue words

    return DEVICE_KIND in word_kinds(tok)


SIGN_CODE = "057"  # sign a formal agreement: "X and Y signed the accord" is one act of both


def reciprocal(c: Candidate) -> bool:
    """Several subjects are the two sides of one event ("Turkey and US held talks", "the
    two presidents signed the plan"), not several sources."""
    return c.info.plover in SYMMETRIC or c.info.cameo == SIGN_CODE


@functools.lru_cache(maxsize=1)
def content_nouns() -> frozenset[str]:
    return frozenset(load_lines("verbs/content_nouns.txt"))


# Types that are already intents, demands or words about events: never recoded by mood.
MOOD_FIXED = {"AGREE", "REQUEST", "THREATEN", "ACCUSE"}
BACKGROUND_DEPS = {"relcl": 0.2, "acl": 0.2, "pcomp": 0.15, "advcl": 0.1}


def resolve_negation(c: Candidate) -> Candidate | None:
    """A negated event is recoded by ``verbs/negation.tsv``: a refused meeting becomes a
    REJECT, and that refusal is an asserted event ("We can't take part" -> REJECT, not
    "NOT REJECT (hypothetical)"). Without a recode the event stays ``negated``: it did not
    happen, and aggregates leave it out."""
    if not c.negated:
        return c
    recode = negation_codes().get(c.info.plover, "")
    if recode == "-":
        return None
    info = code_info(recode) if recode else None
    if info is not None:
        c.info = info
        c.negated, c.modality = False, "asserted"
        c.from_negation = True
    return c


def resolve_mood(c: Candidate, actors: Any) -> None:
    """An owed event is a demand (speaker -> subject); an intended one an intent or threat."""
    if c.negated or c.from_negation or (c.info.plover == "REQUEST" and c.layer != "must"):
        return
    if is_obligation(c.trigger) and c.info.plover not in {"THREATEN", "ACCUSE"}:
        info = c.info if c.layer == "must" else mood_code("demand", c.info.cameo)
        if info is not None:
            c.info = info
            subjects = c.args.sources
            speaker = event_args.speaker_of(actors, c.trigger)
            c.args.sources = [speaker] if speaker is not None else []
            c.args.targets = subjects or c.args.targets
            c.args.target_is_head = bool(subjects) or c.args.target_is_head
        return
    if c.modality != "asserted" and c.info.plover not in MOOD_FIXED and is_intent(c.trigger):
        info = mood_code("intent", c.info.cameo)
        if info is not None:
            c.info = info


TOPIC_PREPS = {"about", "on", "over", "regarding", "concerning"}


def is_topic(tok: Token) -> bool:
    """A verb inside the topic of talk ("debates about whether to join the league", "talks on
    limiting missiles") names a subject of discussion, not an event."""
    if tok.pos_ != "VERB":
        return False
    t = tok
    for _ in range(6):
        if t.head == t or own_past_clause(t):
            return False  # "talks on the pact the two leaders signed in May": the signing is told
        if t.dep_ in {"pcomp", "pobj"} and t.head.lower_ in TOPIC_PREPS:
            return True
        t = t.head
    return False


def purpose(tok: Token) -> float:
    """Penalty for a purpose clause ("travelling to drum up support"): an aim, not a deed."""
    t = tok.head if tok.pos_ in {"NOUN", "PROPN"} and tok.head != tok else tok
    if t.dep_ in {"advcl", "xcomp"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in t.children
    ):
        return 0.2 if t.dep_ == "advcl" else 0.0
    return 0.0


def separate(tok: Token) -> bool:
    """ "held separate meetings with A and B": one event per party."""
    words = {c.lower_ for c in tok.children if c.dep_ in {"amod", "advmod"}}
    if tok.pos_ in {"NOUN", "PROPN"} and tok.head != tok:
        words |= {c.lower_ for c in tok.head.children if c.dep_ == "advmod"}
    return bool(words & {"separate", "separately", "respectively", "individual"})


def background(tok: Token) -> float:
    """Penalty for a trigger telling background (a relative or adverbial clause), or told at
    second hand inside a report of a report ("he stated that talks indicate that both sides
    are committed"); none for the content of a declaration ("a declaration demanding")."""
    t = tok.head if tok.pos_ in {"NOUN", "PROPN"} and tok.head != tok else tok
    reported = sum(1 for a in t.ancestors if a.dep_ == "ccomp") + (t.dep_ == "ccomp")
    if reported >= 2:
        return 0.15
    if t.dep_ in {"acl", "relcl"} and t.head.lemma_.lower() in content_nouns():
        return 0.0
    if t.dep_ == "acl" and t.head.lemma_.lower() in ATTEMPT_NOUNS:
        return 0.0  # "an attempt to assassinate the governor" is the news
    if t is tok and makes_its_noun(t):
        return 0.0  # "the pact signed by the two ministers": the clause tells the pact's event
    return BACKGROUND_DEPS.get(t.dep_, 0.0)


def makes_its_noun(verb: Token) -> bool:
    """A dated relative clause or participle whose noun is the verb's own object and an event
    noun the verb makes an event of ("the May 3 accord signed by the two ministers", "the
    treaty, which the presidents signed in May", "the raid carried out by the rebels on
    Sunday"): the clause tells that event, not background to another."""
    noun = verb.head
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    if verb.dep_ == "relcl":
        if not event_lexicon.relative_object(verb):
            return False
    elif verb.dep_ != "acl" or verb.tag_ != "VBN":
        return False  # "the treaty calling for withdrawals": the noun is the doer
    if not dated_nouns.dated_clause(verb):
        return False  # "the curfew imposed in the north": how things stand, not a dated deed
    return any(event_lexicon.makes_event_noun(n, verb) for n in _antecedents(noun))


# how a noun phrase hangs on the noun before it ("a treaty calling for demarcation")
NOUN_PHRASE_DEPS = {"pobj", "prep", "acl", "appos", "conj"}


def _antecedents(noun: Token, most: int = 3) -> list[Token]:
    """The noun a relative clause hangs on, then the nouns of the phrase above it: a clause
    after "a treaty calling for demarcation, which they signed" may be parsed onto the last
    noun, while what the verb makes (the treaty) is higher up."""
    out = [noun]
    tok = noun
    while len(out) < most and tok.dep_ in NOUN_PHRASE_DEPS and tok.head is not tok:
        tok = tok.head
        if tok.pos_ in {"NOUN", "PROPN"}:
            out.append(tok)
    return out


def _role_only(actor: Actor) -> bool:
    """An actor named by a role alone ("the two presidents"): the pair told before is who."""
    return not actor.country and actor.how == "role"


def dyad(
    c: Candidate, actors: Any, parsed: ParsedArticle, last_pair: tuple[Actor, Actor] | None
) -> tuple[Actor | None, Actor | None, float]:
    a = c.args
    penalty = 0.0
    sources = [x for x in a.sources if not event_args.in_dateline(parsed, x)]
    targets = [x for x in a.targets if not event_args.in_dateline(parsed, x)]
    if a.both_parties and last_pair is not None and all(_role_only(x) for x in sources):
        return last_pair[0], last_pair[1], 0.05  # "the two sides have started negotiations"
    if reciprocal(c) and not (targets and a.target_is_head):
        if len(sources) < 2 and len(a.inner_sources) >= 2:
            sources = (
                a.inner_sources
            )  # "delegations of the port authority and the dockers' union agreed"
        if len(sources) >= 2:
            return sources[0], sources[1], 0.0  # "Turkey and US held talks": one reciprocal event
    if not sources:
        # the last actor before the trigger is a fair guess for a missing source, but not in
        # the passive, where the actor before is the victim ("100 people were injured")
        guess = None
        if not a.passive and a.subject_unresolved and not a.first_person:
            guess = event_args.nearest_actor_before(actors, parsed, c.trigger, targets)
        if guess is not None:
            sources, penalty = [guess], 0.1
        elif a.passive and c.info.quad_class == 4:
            penalty = 0.05  # "weapons were seized", "shops were looted": news leaves the agent out
        else:
            penalty = 0.15
    source = sources[0] if sources else None
    if source is None and c.info.plover == ASSAULT:
        # "a roadside bomb near Mosul killed two soldiers": where the device went off
        place = event_args.device_place(actors, c.governor or c.trigger, _device)
        if place is not None and not any(event_args.same(place, t) for t in targets):
            # (in "the war in Afghanistan" the place is what is fought over: the target)
            source, penalty = replace(place, how="place"), 0.1
    if source is None and a.passive:
        # "A US national was put under investigation in Italy": the place's country acts
        # (only in the passive: in "bombs exploded outside the embassy" the place is the target)
        place = next(iter(event_args.place_actors(actors, c.trigger)), None)
        if place is not None and event_where.is_state(place):
            source = replace(place, how="place")
            penalty = 0.1
    elif (
        source is not None
        and not source.country
        and not event_where.person(source)
        and not (_named_person(actors, source) and not source.sector)
        and not event_args.is_organisation(source)
    ):
        # "Security forces in Guinea", "leaders of the opposition ... in Baku": a group with
        # no country of its own takes the one named inside its phrase, else where it acts;
        # a person known by name alone does not ("Holt praised the troops in Syria"), nor
        # one named so before ("Maren Holt ... Holt praised"), whom no office gave a sector,
        # nor a body of many countries ("the UN ... in Syria", "the European Parliament")
        found = [x for x in a.inner_sources if x.country] or event_args.place_actors(
            actors, c.trigger
        )
        if found:
            source = replace(source, country=found[0].country)
    sides = [t for t in targets if not any(t is p for p in a.place_added)]
    if c.info.plover in PURPOSE_TYPES and not sides:
        # "began a hunger strike to protest the governor's decision", "opened fire to
        # disperse the demonstrators": the purpose names whom the act is against, before the
        # place where it happened; "..., killing two and arresting twelve": the main act's
        aims = event_args.purpose_targets(actors, c.trigger, c.governor)
        aims = [x for x in aims if source is None or not event_args.same(x, source)]
        if aims:
            targets = aims
    if source is not None and c.info.plover in MATERIAL_TYPES:
        # "Egyptian police arrested 12 demonstrators": police act at home, on its people
        targets = [_domestic(t, source) for t in targets]
    # a place where talk happened is no side of it ("thanked supporters at a rally in Ohio")
    where = event_where.own_places(targets, c.trigger, c.governor)
    asserted = c.modality == "asserted"
    targets = event_where.sift(c.info.plover, c.info.cameo, targets, where, source, asserted)
    if c.info.plover in event_where.TALK_TYPES:
        # "blamed the network for reporting that Holt quit before the Ohio vote": no Ohio
        away = event_where.elsewhere(targets, c.trigger, c.governor)
        targets = [t for t in targets if not any(t is x for x in away)]
        # "apologized to the Ohio caucusgoers": no Ohio (a word of what is named, not who)
        targets = [t for t in targets if not event_where.thing_modifier(t, c.trigger)]
    if source is not None and event_where.thing_modifier(source, c.trigger):
        source = None  # "New Hampshire ads attacking Holt": the ads air there, Ohio acts not
    near = c.governor or c.trigger
    if not targets and c.info.plover in event_where.TALK_TYPES:
        # "Clinton slammed his proposal": whose proposal it is, where the pronoun is resolved
        targets = event_args.object_owners(actors, near, source)
    persons = [t for t in targets if _named_person(actors, t)]
    # an object the lists do not code outranks a coded place only beside a coded source:
    # "Ames backed Holt for the seat in Ohio" with neither person known keeps Ohio, the one
    # political side, rather than losing the event
    coded_source = source is not None and bool(source.country or source.code or source.sector)
    objects = [
        t
        for t in persons
        if event_args.is_object(t, near)
        and (coded_source or bool(t.country or t.code))
        # "assassinate the governor of the Tyumen region, Oleg Chemezov": the region's
        # country codes the person the lists do not know
        and not (
            not t.country
            and any(
                x.country and event_where.is_place(x) and event_args.holds(t, x, near)
                for x in targets
            )
        )
    ]
    target = event_args.best_target(targets, source, [a for a, _ in where], persons, objects)
    if target is not None and event_where.is_place(target):
        # "three people were shot at a cinema in Ohio": the people, of the place's country
        # (not troops sent there, who are the sender's)
        group = next((t for t in targets if event_where.kind_only(t)), None)
        if group is not None:
            target = replace(group, country=target.country)
        elif c.info.plover == ASSAULT and target.country:
            # "bombed a clinic in Kunduz", "his brother was shot in Ohio": the clinic, the
            # brother, of the place's country (the place is only where it was done)
            target = _patient(c, target)
    elif target is not None and c.info.plover == ASSAULT and event_args.at_place(target, near):
        # "a pupil killed at Elm Street School": the pupil, not the school where it happened
        target = _patient(c, target)
    home = event_args.home_country(actors, target, near) if target is not None else None
    if target is not None and home is not None:
        # "outlawed the largest extremist group in Kosovo": the group is Kosovo's
        target = replace(target, country=home, code=home + (target.sector or ""))
    source, target = _resident(actors, source, c), _resident(actors, target, c)
    if source is None and target is None:
        penalty += 0.1  # an event with no one in it says little
    return source, target, penalty


def _patient(c: Candidate, where: Actor) -> Actor:
    """The patient of the act at ``where`` (:func:`event_args.patient_actor`), else
    ``where``; a patient standing in for a place that stood in for the target stands in as
    the place did (it makes no event political)."""
    a = c.args
    patient = event_args.patient_actor(c.trigger, c.governor, where, _device, a.passive)
    if patient is None:
        return where
    if where.how == "place" or any(where is p for p in a.place_added):
        a.place_added = [*a.place_added, patient]
    return patient


def _named_person(actors: Any, a: Actor | None) -> bool:
    """A person the article names ("Holt", "Maren Holt"), read from the actors' mentions."""
    test = getattr(actors, "named_person", None)
    return bool(test is not None and test(a))


def _domestic(t: Actor, source: Actor) -> Actor:
    """A group of people with no country that the police or a court of a country acts on
    are of that country ("Egyptian police dispersed students" -> Egyptian students); not a
    place, an organisation or a person named by name."""
    if t.country or source.sector not in HOME_SECTORS or not source.country:
        return t
    if t.how != "role" or t.sector not in PEOPLE_SECTORS:
        return t
    return replace(t, country=source.country, code=source.country + (t.sector or ""))


def _resident(actors: Any, a: Actor | None, c: Candidate) -> Actor | None:
    """An ethnic group takes the country where it lives ("ethnic Serbs in Croatia")."""
    country = event_args.resident_country(actors, a, c.trigger)
    if a is None or country is None:
        return a
    return replace(a, country=country, code=country + (a.code or "")[3:])

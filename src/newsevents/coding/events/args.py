"""Who did it and to whom: source and target actors of a trigger, from the dependency parse.

Source = subject (conjuncts expanded); in the passive the agent ("by X") is the source and
the subject the target. Target = direct object, dative, or the object of a preposition such
as with, to, against, on. Actors come from ``DocumentActors`` (coding.actors), through
``for_token``/``conjuncts``, falling back to the actors named inside a phrase ("diplomats of
Turkey and US") when its head noun is not an actor itself.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Token

from newsevents.coding.actors.types import slug
from newsevents.coding.events import received
from newsevents.coding.events import where as event_where
from newsevents.coding.events.phrases import (
    CHUNK_OFFSET,
    code_name,
    covers,
    dedupe,
    inner_actors,
    phrase_actors,
    same,
)
from newsevents.data import grammar_words, load_lines, reporting_verbs
from newsevents.models import Actor

__all__ = ["CHUNK_OFFSET", "Arguments", "phrase_actors", "verb_arguments", "noun_arguments"]

FIRST_PERSON = {"we", "i"}

PARTY_NOUNS = {
    "side",
    "party",
    "team",
    "delegation",
    "country",
    "government",
    "leader",
    "president",
    "minister",
    "premier",
}
SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj", "dative", "attr"}
# Prepositions that introduce the other party, best first.
TARGET_PREPS = (
    "with",
    "to",
    "against",
    "on",
    "at",
    "toward",
    "towards",
    "into",
    "for",
    "from",
    "over",
    "in",
    "behind",  # "threw her support behind Holt"
)


@dataclass
class Arguments:
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    target_is_head: bool = False  # the target is the object noun itself (not a modifier)
    source_from_context: bool = False
    # actors named inside the subject ("delegations of the port authority and the dockers' union")
    inner_sources: list[Actor] = field(default_factory=list)
    has_subject: bool = True  # False: a verb with no subject at all (a headline fragment)
    passive: bool = False  # the subject is the patient ("were killed", "injured")
    # no subject, or a pronoun the actors stage did not resolve: a source may be guessed
    subject_unresolved: bool = True
    # the subject is "I" or "we" with no speaker in the sentence: no actor before it is
    # guessed (a quotation's speaker may be given after the quotes stage: coding.events.quoted)
    first_person: bool = False
    both_parties: bool = False  # "the two sides", "both parties": the dyad told before
    preferred: list[Actor] = field(default_factory=list)  # objects of the row's preposition
    # targets that are only where it happened ("killed 23 people in Serbia"): not a side
    place_added: list[Actor] = field(default_factory=list)
    # words of the source's phrase where the sides were turned ("won the backing of the
    # governor of Ohio"): nothing in them is a fallback target
    source_words: set[int] = field(default_factory=set)


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """(subject token, passive) of a verb, climbing conj/xcomp chains for a shared subject."""
    v = verb
    for _ in range(4):
        subjects = [
            c for c in v.children if c.dep_ in SUBJECT_DEPS - {"expl"} | PASSIVE_SUBJECT_DEPS
        ]
        if subjects:
            c = _after_dateline(subjects)
            return _antecedent(c, v), c.dep_ in PASSIVE_SUBJECT_DEPS
        if v.dep_ in {"conj", "xcomp", "advcl", "acomp"} and v.head != v:
            doer = _agent(v.head) if _to_clause(v) and v.head.tag_ == "VBN" else None
            if doer is not None:
                return doer, False  # "the gun used by Holt to kill him": Holt kills
            v = v.head
            continue
        if _time_gerund(v):
            v = v.head.head  # "After touring the port on Monday, the envoy said": the envoy toured
            continue
        suspect = _suspect(v)
        if suspect is not None:
            return suspect, False
        if v.dep_ in {"relcl", "acl"} and v.head != v:
            content = load_lines("verbs/content_nouns.txt")  # nouns a speaker issues
            if v.head.dep_ in {"dobj", "attr"} and v.head.lemma_.lower() in content:
                v = v.head.head  # "X issued a declaration demanding ...": X demands
                continue
            return v.head, v.dep_ == "acl" and v.tag_ == "VBN"
        break
    return None, False


def _time_gerund(verb: Token) -> bool:
    """An active gerund in a time phrase of a clause ("after touring", "before meeting"):
    its doer is that clause's subject."""
    prep = verb.head
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and not any(c.dep_ == "auxpass" for c in verb.children)
        and prep.dep_ == "prep"
        and prep.lower_ in grammar_words("time_gerund_prep")
        and prep.head != prep
        and prep.head.pos_ in {"VERB", "AUX"}
    )


DASHES = {"--", "—", "–"}


def _after_dateline(subjects: list[Token]) -> Token:
    """Of two subjects the parser hung on one verb, the one after a dash: the first is a
    dateline ("BOSTON (AP) -- Holt has won the seat")."""
    first = subjects[0]
    for later in subjects[1:]:
        doc = first.doc
        if any(doc[i].text in DASHES for i in range(first.i + 1, later.i)):
            return later
    return first


def _antecedent(subj: Token, verb: Token) -> Token:
    """A relative pronoun stands for the noun its clause describes ("Holt, who has vowed
    ...", "Holt, whom police arrested", "Holt, with whom he clashed": Holt)."""
    if subj.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl" and verb.head != verb:
        return verb.head
    return subj


def _titled_name(actors: Any, subj: Token, found: list[Actor]) -> list[Actor]:
    """A role noun the sentence says of a named person is that person, with the role's
    office where the name has none ("Ruiz is the state prosecutor who charged him": Ruiz,
    a prosecutor)."""
    named = _named_by(subj)
    if named is subj:
        return found
    people = [a for a in phrase_actors(actors, named)[0] if not a.sector or a.how == "name"]
    if not people:
        return found
    person, role = people[0], found[0] if found else None
    if role is not None and role.sector and not person.sector:
        country = person.country or role.country
        person = replace(
            person, sector=role.sector, country=country, code=(country or "") + role.sector
        )
    return [person]


def _named_by(noun: Token) -> Token:
    """The name a role noun is said of: "Ruiz is the prosecutor who charged him", "Holt, a
    former envoy and head of the fund that paid him" (Ruiz, Holt), else the noun itself."""
    n = noun
    while n.dep_ == "conj" and n.head != n:
        n = n.head
    if n.dep_ == "appos" and n.head.pos_ == "PROPN":
        return n.head
    if n.dep_ == "attr" and n.head.lemma_ == "be":
        subj = next((c for c in n.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ == "PROPN":
            return subj
    return noun


def _to_clause(verb: Token) -> bool:
    """An infinitive clause: "to kill", "to be heard"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _suspect(verb: Token) -> Token | None:
    """The one a passive participle says did the gerund after it: "two men suspected of
    bombing the embassy", "the rebels were accused of shelling the town" (the men, the
    rebels: the act as told), not the one who suspects or accuses."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in {"of", "for", "with"}:
        return None
    part = prep.head
    if part.pos_ != "VERB" or part.tag_ != "VBN":
        return None
    if part.dep_ == "acl" and part.head.pos_ in {"NOUN", "PROPN"}:
        return part.head
    return next((c for c in part.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


AGENT_HOST_PREPS = ("on", "over", "for", "about", "after")


def _misattached_agent(actors: Any, verb: Token) -> list[Actor]:
    """The agent of a passive that the parser hung on the noun of the verb's own phrase:
    "Holt was attacked on the speeches by Ames", "was criticized for his remarks by Ames"
    (Ames attacks). Only on a noun told as known ("the", "his"), which needs no "by" to
    say whose it is, and only a doer, not a place."""
    for noun in _prep_objects(verb, AGENT_HOST_PREPS):
        if noun.pos_ != "NOUN" or not any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"the", "these", "those"})
            for c in noun.children
        ):
            continue
        for doer in _prep_objects(noun, ("by",)):
            found = [a for a in phrase_actors(actors, doer)[0] if _doer(a)]
            if found:
                return found
    return []


def _prep_objects(head: Token, preps: tuple[str, ...] = TARGET_PREPS) -> list[Token]:
    found = []
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            found.extend((preps.index(c.lower_), p.i, p) for p in c.children if p.dep_ == "pobj")
    return [p for _, _, p in sorted(found)]


def verb_arguments(actors: Any, verb: Token, prefer: str | None = None) -> Arguments:
    """Source and targets of a verb; ``prefer``: a preposition whose object is the target
    ("left Washington for Turkey": the trip goes to Turkey)."""
    args = Arguments()
    subj, passive = _subject(verb)
    stative = passive and is_stative(verb)
    passive = passive and not stative  # "Norway is opposed to the plan": Norway opposes
    # "Discussed bilateral issues ...": a headline-style fragment opening with its verb
    fragment = verb.i == verb.sent.start and verb.tag_ in {"VBD", "VBN"}
    args.has_subject = subj is not None and not (fragment and subj.i > verb.i)
    args.passive = passive
    # a relative pronoun is resolved to its noun ("a fund that attacks X"), actor or not
    args.subject_unresolved = subj is None or (
        subj.pos_ == "PRON" and subj.tag_ not in {"WDT", "WP"}
    )
    if subj is not None and not passive and is_both_parties(subj):
        args.both_parties = True
    if subj is not None:
        subj_actors, _ = phrase_actors(actors, subj)
        if passive:
            args.targets, args.target_is_head = subj_actors, True
            agent = _agent(verb)
            if agent is not None:
                args.sources = phrase_actors(actors, agent)[0]
            else:  # "were wounded in a raid by the rebels": the doer of the act noun
                for act in _prep_objects(verb, UNDERGO_PREPS):
                    args.sources = args.sources or act_doers(actors, act)
                args.sources = args.sources or _misattached_agent(actors, verb)
        else:
            args.sources = _titled_name(actors, subj, subj_actors)
            args.inner_sources = inner_actors(actors, subj)
            if not subj_actors and subj.lower_ in FIRST_PERSON:
                # "We can't take part," the spokesman said: the speaker's side is the source
                speaker = speaker_of(actors, verb)
                args.sources = [speaker] if speaker is not None else []
                args.first_person = speaker is None
    if not args.targets:
        objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        # "Holt called on Gov. Ames to resign", parsed with a second subject after the verb
        objs += [
            c
            for c in verb.children
            if c.dep_ == "nsubj" and subj is not None and c.i > verb.i > subj.i
        ]
        first = _prep_objects(verb, (prefer,)) if prefer else []
        for cand in first:
            args.preferred.extend(phrase_actors(actors, cand)[0])
        for cand in first + objs + _prep_objects(verb):
            cand = _antecedent(cand, verb)  # "Holt, with whom he clashed": Holt
            found, is_head = phrase_actors(actors, cand)
            found = [a for a in found if not any(same(a, s) for s in args.sources)]
            if found:
                if not args.targets:
                    args.target_is_head = is_head
                args.targets = dedupe(args.targets + found)
        if not args.targets:
            # "criticized what she called the rhetoric from X": the thing named is the object
            for cand in named_objects(verb):
                found = phrase_actors(actors, cand)[0]
                found = [a for a in found if not any(same(a, s) for s in args.sources)]
                if found:
                    args.targets, args.target_is_head = found, True
                    break
        if not args.targets:
            # "demanded that the US cancel ...": the party is the subject of the complement clause
            for x in verb.children:
                if x.dep_ == "ccomp" and x.i > verb.i:
                    inner_subj, inner_passive = _subject(x)
                    if inner_subj is not None and not inner_passive and inner_subj.head == x:
                        found = phrase_actors(actors, inner_subj)[0]
                        found = [a for a in found if not any(same(a, s) for s in args.sources)]
                        if found:
                            args.targets, args.target_is_head = found, True
                            break
        if not args.targets:
            # "offered to hand over to Britain": the party sits in the complement verb.
            for x in verb.children:
                if x.dep_ == "xcomp" and x.pos_ == "VERB":
                    inner = verb_arguments(actors, x)
                    found = [a for a in inner.targets if not any(same(a, s) for s in args.sources)]
                    if found:
                        args.targets, args.target_is_head = found, inner.target_is_head
                        break
        if not args.targets:
            # "held talks with X", "an attack on X": the party hangs off the object noun
            # ("were engaged in clashes with X": off the participle's preposition's noun).
            held = objs + (_prep_objects(verb, STATIVE_PREPS) if stative else [])
            for obj in held:
                for cand in _prep_objects(obj) + _doers_of(obj):
                    found, is_head = phrase_actors(actors, cand)
                    found = [a for a in found if not any(same(a, s) for s in args.sources)]
                    if found:
                        args.targets, args.target_is_head = found, is_head
                        break
                if args.targets:
                    break
    # "won the backing of the governor", "drew criticism from Berlin": the subject undergoes it
    received.reverse(actors, args, verb, passive)
    _add_place_targets(actors, verb, args)
    return args


FREE_RELATIVES = grammar_words("wh_object")
OWNER_PREPS = (*TARGET_PREPS, "about")


def object_owners(actors: Any, verb: Token, source: Actor | None) -> list[Actor]:
    """Whom a possessive pronoun on the verb's object stands for, as the target of talk
    by a known source ("Holt slammed his proposal", "complained about their remarks": the
    "he", the "they"), not the source itself ("Holt defended his record")."""
    possessor = getattr(actors, "possessor", None)
    if possessor is None or source is None or verb.pos_ not in {"VERB", "AUX"}:
        return []
    # with an object, a pronoun in a phrase after it is the object's ("thanked the
    # voters for their support"): only the object's own owner then
    objs = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    objs = objs or _prep_objects(verb, OWNER_PREPS)
    for obj in objs:
        for c in obj.children:
            if c.dep_ == "poss" and c.tag_ == "PRP$":
                a = possessor(c)
                if a is not None and not same(a, source):
                    start = c.doc.user_data.get(CHUNK_OFFSET, 0) + c.idx
                    return [replace(a, text=c.text, start=start, end=start + len(c), how="coref")]
    return []


def _doers_of(noun: Token) -> list[Token]:
    """Who did what an object noun names, last in line for a target: "rejected calls by
    the envoy", "dispersed a rally staged by students" (the object is their act)."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return []
    found = _prep_objects(noun, ("by",))
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            agent = _agent(c)
            if agent is not None:
                found.append(agent)
    return found


STATIVE_PREPS = ("in", "to", "with", "against")


@functools.lru_cache(maxsize=1)
def _stative_participles() -> frozenset[str]:
    return frozenset(load_lines("verbs/stative_participles.txt"))


def is_stative(verb: Token) -> bool:
    """A passive form telling its subject's state ("is opposed to", "were engaged in"):
    a participle of ``verbs/stative_participles.txt`` with no "by" agent and a preposition."""
    if (
        verb.lemma_.lower() not in _stative_participles()
        and verb.lower_ not in _stative_participles()
    ):
        return False
    if _agent(verb) is not None:
        return False
    return any(c.dep_ == "prep" and c.lower_ in STATIVE_PREPS for c in verb.children)


@functools.lru_cache(maxsize=1)
def _naming_verbs() -> frozenset[str]:
    return frozenset(load_lines("verbs/naming_verbs.txt"))


NAMED_OWNER_PREPS = {"from", "by", "of"}


def named_objects(verb: Token) -> list[Token]:
    """The thing a free relative object names, and its owner: in "criticized what she called
    the reckless rhetoric from the governor", the rhetoric and the governor."""
    naming = _naming_verbs()
    out: list[Token] = []
    for x in verb.children:
        if x.dep_ != "ccomp" or x.lemma_.lower() not in naming:
            continue
        if not any(c.dep_ in {"dobj", "obj"} and c.lower_ in FREE_RELATIVES for c in x.children):
            continue
        named: list[Token] = []
        for c in x.children:
            if c.dep_ in {"oprd", "attr", "dobj", "obj"} and c.lower_ not in FREE_RELATIVES:
                named.append(c)
            elif c.dep_ == "prep" and (c.lower_ == "as" or c.lower_ in NAMED_OWNER_PREPS):
                named.extend(p for p in c.children if p.dep_ == "pobj")
        for n in named:  # the thing, then its owner ("attacks by the governor on ...")
            out.append(n)
            for c in n.children:
                if c.dep_ == "prep" and c.lower_ in NAMED_OWNER_PREPS:
                    out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


LOCATION_PREPS = (
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
    "into",
    "against",
)
PLACE_PREPS = frozenset(LOCATION_PREPS) - {"into", "against"}  # where, not whom


def place_actors(actors: Any, head: Token) -> list[Actor]:
    """Country-bearing actors named where a trigger happened ("in Serbia", "outside Basra")
    or inside its objects ("Palestinian homes")."""
    heads = [head] + [c for c in head.children if c.dep_ in OBJECT_DEPS]
    for x in head.children:  # "threatened to impose a curfew in Algiers": the act's place
        if x.dep_ == "xcomp" and x.pos_ == "VERB":
            heads += [x] + [c for c in x.children if c.dep_ in OBJECT_DEPS]
    if head.head != head and head.dep_ in {"dobj", "nsubjpass", "nsubj"}:
        heads.append(head.head)  # a noun trigger: its verb's places too
    found: list[Actor] = []
    for h in heads:
        if h != head and h.pos_ in {"NOUN", "PROPN"}:
            found.extend(inner_actors(actors, h))
        for cand in _prep_objects(h, LOCATION_PREPS):
            found.extend(phrase_actors(actors, cand)[0] or inner_actors(actors, cand))
    return [a for a in dedupe(found) if a.country]


def _add_place_targets(actors: Any, head: Token, args: Arguments) -> None:
    """When no target has a country ("killed 23 people", "demonstrated"), the country of the
    place where it happened stands in, as CAMEO coders code it ("rioted in Serbia" -> SRB).
    Candidates are appended after the named targets; best_target prefers one with a country."""
    if any(a.country for a in args.targets):
        return
    if any(_named_object(a, head) for a in args.targets):
        return  # "rebuked Holt when he called for ... the United States": Holt, by name
    places = place_actors(actors, head)
    extra = places + complement_actors(actors, head)
    extra = [a for a in extra if not _in_source(a, args, head)]
    places = [a for a in places if not _in_source(a, args, head)]
    if extra:
        args.targets = dedupe(args.targets + extra)
        args.place_added = [a for a in args.targets if any(same(a, x) for x in places)]


NOMINAL = {"NOUN", "PROPN"}
PATIENT_DEPS = {"dobj", "obj", "nsubjpass"}
PATIENT_PREPS = ("on", "against")  # "an air strike on a clinic"
CUT_DEPS = {"relcl", "acl", "appos", "conj", "cc"}  # not words of the patient's own name


def patient(trigger: Token, governor: Token | None = None, passive: bool = True) -> Token | None:
    """What an act is done to when no actor names it: the object ("bombed a clinic"), the
    passive subject ("his brother was shot"), the noun a participle describes ("villagers
    killed at a market") or, for an event noun, its "on"/"against" object. None when it is
    no noun (a pronoun, a clause). ``passive``: False where a passive form tells its
    subject's state ("were engaged in fighting": the subject acts)."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else None
    found: Token | None = None
    deps = PATIENT_DEPS if passive else PATIENT_DEPS - {"nsubjpass"}
    if verb is not None:
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in NOMINAL:
            found = verb.head
        else:
            found = next((c for c in verb.children if c.dep_ in deps), None)
    else:
        found = next(iter(_prep_objects(trigger, PATIENT_PREPS)), None)
    return found if found is not None and found.pos_ in NOMINAL else None


def patient_actor(
    trigger: Token,
    governor: Token | None,
    place: Actor,
    is_device: Any = None,
    passive: bool = True,
) -> Actor | None:
    """The patient of an act (:func:`patient`) as a side of the place's country: in "bombed
    a clinic in Kunduz" the clinic, coded as the country where it is, is the target CAMEO
    codes the place's country for. Its words are its own phrase, less the place, clauses
    and determiners. None when the act names no patient, when the patient is a weapon
    (``is_device``: "fired shells at a town") or when the place is a word of the patient's
    own phrase ("Palestinian homes", "villages on the border": the old coding stands)."""
    tok = patient(trigger, governor, passive)
    if tok is None or (is_device is not None and is_device(tok)):
        return None
    cut: set[int] = set()
    for t in tok.subtree:
        if t.i != tok.i and (
            t.dep_ in CUT_DEPS or (t.dep_ == "prep" and t.lower_ in LOCATION_PREPS)
        ):
            cut.update(x.i for x in t.subtree)
    kept = {t.i for t in tok.subtree if t.i not in cut}
    lo = hi = tok.i
    while lo - 1 in kept:
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    doc = tok.doc
    while lo < tok.i and (doc[lo].dep_ == "det" or doc[lo].is_punct):
        lo += 1
    while hi > tok.i and doc[hi].is_punct:
        hi -= 1
    span = doc[lo : hi + 1]
    offset = doc.user_data.get(CHUNK_OFFSET, 0)
    if place.start is not None and place.start < offset + span.end_char:
        if place.end is not None and place.end > offset + span.start_char:
            return None
    return Actor(
        span.text,
        place.country,
        None,
        place.country,
        slug(span.text),
        span.text,
        offset + span.start_char,
        offset + span.end_char,
        how="patient",
    )


def at_place(a: Actor, near: Token) -> bool:
    """The actor is named only as where something happened: the object of "in", "at",
    "near" ("killed at a school", "shot in a church")."""
    tok = event_where.token_of(a, near)
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS


def _named_object(a: Actor, head: Token) -> bool:
    """The actor is a person named as the trigger's own direct object."""
    if (a.how or "") not in NAMED_HOW:
        return False
    return is_object(a, head)


def is_object(a: Actor, head: Token) -> bool:
    """The actor's phrase is the trigger's own direct object ("criticised Holt")."""
    tok = event_where.token_of(a, head)
    if tok is None:
        return False
    if tok.head == head and tok.dep_ in {"dobj", "obj", "dative"}:
        return True
    # "Holt, whom he criticised", "Holt, with whom he clashed": the noun a relative
    # pronoun object stands for
    if head.dep_ != "relcl" or head.head.i != tok.i:
        return False
    objs = [c for c in head.children if c.dep_ in {"dobj", "obj", "dative"}]
    objs += [p for c in head.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any(o.tag_ in {"WP", "WDT"} for o in objs)


def holds(a: Actor, b: Actor, near: Token) -> bool:
    """Actor ``b`` is named inside ``a``'s phrase ("the governor of Ohio, Tom Ames": Ohio)."""
    tok, inner = event_where.token_of(a, near), event_where.token_of(b, near)
    if tok is None or inner is None or inner.i == tok.i:
        return False
    return any(x.i == tok.i for x in inner.ancestors)


def _in_source(a: Actor, args: Arguments, near: Token) -> bool:
    if any(same(a, s) for s in args.sources):
        return True
    if not args.source_words:
        return False
    tok = event_where.token_of(a, near)
    return tok is not None and tok.i in args.source_words


def complement_actors(actors: Any, head: Token) -> list[Actor]:
    """Country-bearing actors anywhere after the trigger in its own phrase ("rejected calls by
    Belarus's rulers", "refused to commit to the US-led war"): the last resort for a target."""
    found: list[Actor] = []
    subject_ids: set[int] = set()
    for c in head.children:
        if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"agent"}:
            subject_ids.update(t.i for t in c.subtree)  # nor the "by X" agent, the source
    subject_ids.update(_others_clauses(head))
    subject_ids.update(_said_aside(head))
    for t in head.subtree:
        if t.i <= head.i or t.i in subject_ids or t.pos_ not in {"PROPN", "NOUN", "ADJ"}:
            continue
        a = actors.for_token(t) or code_name(t)
        if a is not None and a.country and covers(a, t):
            found.append(a)
    return dedupe(found)


def _said_aside(head: Token) -> set[int]:
    """Words of a participle of saying hung on the trigger ("returned the compliment to
    Ames, telling Reuters that ...", "criticized voters, declaring that they back Ruiz"):
    a second act, words to someone else, whose actors are no target of the trigger."""
    cut: set[int] = set()
    saying = reporting_verbs("quotes")
    for c in head.children:
        if (
            c.dep_ in {"advcl", "conj", "xcomp"}
            and c.tag_ == "VBG"
            and c.lemma_.lower() in saying
            and not any(x.dep_ in SUBJECT_DEPS for x in c.children)
        ):
            cut.update(x.i for x in c.subtree)
    return cut


def _others_clauses(head: Token) -> set[int]:
    """Words of the relative clauses inside a trigger's phrase ("accused the crowd, which
    the party had chosen"): they describe a noun by another act, and their actors are no
    target of the trigger (an infinitive is the noun's content: "a call for troops to be
    sent to Peru")."""
    cut: set[int] = set()
    for t in head.subtree:
        if t.i != head.i and t.i not in cut and t.dep_ == "relcl" and not _to_clause(t):
            cut.update(x.i for x in t.subtree)
    return cut


ETHNIC_WORDS = {"ethnic"}
RESIDENCE_PREPS = {"of", "in"}


def resident_country(actors: Any, actor: Actor | None, trigger: Token) -> str | None:
    """The country where a people named by its nationality lives, when the words tell an
    ethnic group rather than a state: "ethnic Serbs in Croatia", "the Hungarians of
    northern Romania" (HRV, ROU, as CAMEO codes an ethnic group by where it lives).
    "ethnic" with no place in the phrase takes the country where the act happened ("ethnic
    Serbs demonstrated in Croatia"); "of" a place needs no "ethnic"; "in" alone does not
    ("American troops in Iraq" stay American). None when nothing says so."""
    if actor is None or actor.how not in {"country", "role"} or not actor.country:
        return None
    tok = event_where.token_of(actor, trigger)
    if tok is None:
        return None
    head = tok
    while head.dep_ in {"amod", "compound", "nmod"} and head.head != head:
        head = head.head  # "ethnic Albanian guerrillas": the phrase's head noun
    if tok.tag_ not in {"NNS", "NNPS"} and head is tok:
        return None  # a country named as itself ("Serbia"), not a people
    words = {w.lower_ for c in head.lefts if c.dep_ in {"amod", "compound"} for w in c.subtree}
    ethnic = bool(words & ETHNIC_WORDS)
    if actor.how == "role" and not ethnic:
        return None  # "Serbian police in Croatia" are Serbia's
    preps = list(head.children)
    if ethnic:  # "ethnic Serb militias operating in Croatia"
        preps += [x for c in head.children if c.dep_ == "acl" for x in c.children]
    for c in preps:
        if c.dep_ != "prep" or c.lower_ not in RESIDENCE_PREPS:
            continue
        if c.lower_ == "in" and not ethnic:
            continue
        for p in c.children:
            found = phrase_actors(actors, p)[0] or inner_actors(actors, p)
            place = next((a for a in found if a.country and a.country != actor.country), None)
            if place is not None:
                return place.country
    if ethnic:
        place = next((a for a in place_actors(actors, trigger) if a.country != actor.country), None)
        if place is not None:
            return place.country
    return None


PURPOSE_DEPS = {"advcl", "xcomp", "acl"}
DEVICE_PREPS = ("by", "in")  # "killed by a roadside bomb", "died in a car bomb explosion"


def device_place(actors: Any, verb: Token, is_device: Any) -> Actor | None:
    """The place of an attack told by its device, with no one named doing it: in "a
    roadside bomb near Mosul killed two soldiers" or "were killed by a mine outside Basra"
    the bomb acts, and CAMEO codes the country where it went off as the source. ``is_device``
    says whether a noun is a weapon or an attack. None when no device or no place is told."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    subj, passive = _subject(verb)
    devices: list[Token] = []
    if subj is not None and not passive and subj.head == verb:
        devices.append(subj)
    if passive or subj is None:
        devices.extend(_prep_objects(verb, DEVICE_PREPS))
        agent = _agent(verb)
        if agent is not None:
            devices.append(agent)
    for d in devices:
        words = [d] + [c for c in d.children if c.dep_ in {"compound", "amod"}]
        if d.pos_ not in {"NOUN", "PROPN"} or not any(is_device(w) for w in words):
            continue
        for h in (d, verb):
            preps = [c for c in h.children if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS]
            # "outside of the city": the place hangs on the second preposition
            preps += [x for c in preps for x in c.children if x.dep_ == "prep" and x.lower_ == "of"]
            objs = [p for c in preps for p in c.children if p.dep_ == "pobj"]
            for cand in objs:
                found = phrase_actors(actors, cand)[0] or inner_actors(actors, cand)
                place = next((a for a in found if a.country and _a_place(a)), None)
                if place is not None:
                    return place
    return None


def _a_place(a: Actor) -> bool:
    """A place name: coded as one, or a listed name with a country and no sector (a town
    the dictionaries file under its country), not "the US embassy"."""
    return event_where.is_place(a) or ((a.how or "").startswith("dictionary") and not a.sector)


def purpose_targets(actors: Any, trigger: Token, governor: Token | None) -> list[Actor]:
    """Whom a protest is against, told in its purpose: "began a hunger strike to protest
    the minister's decision", "marched to demand the resignation of the governor", "staged a
    sit-in in protest against the arrests by the police" (the actors of the purpose verb's
    object or of the "in protest against/at/of" phrase)."""
    heads = [trigger] + ([governor] if governor is not None else [])
    t = governor or trigger
    for _ in range(3):  # "opened fire to disperse them, killing two": the main act's
        if t.dep_ not in {"advcl", "conj"} or t.head == t or t.head.pos_ != "VERB":
            break
        t = t.head
        heads.append(t)
    found: list[Actor] = []
    for h in heads:
        for x in h.children:
            if (
                x.dep_ in PURPOSE_DEPS
                and x.pos_ == "VERB"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children)
            ) or _purpose_participle(x):
                inner = verb_arguments(actors, x)
                found.extend(inner.targets or complement_actors(actors, x))
            elif x.dep_ == "prep" and x.lower_ == "in":
                for p in x.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in {"protest", "defiance"}:
                        for q in _prep_objects(p, ("against", "at", "of", "over")):
                            found.extend(phrase_actors(actors, q)[0] or inner_actors(actors, q))
                        found.extend(complement_actors(actors, p))
        if found:
            break
    return dedupe(found)


@functools.lru_cache(maxsize=1)
def _purpose_participles() -> frozenset[str]:
    return frozenset(load_lines("verbs/purpose_participles.txt"))


def _purpose_participle(verb: Token) -> bool:
    """A participle with no subject of its own that tells a protest's aim as an infinitive
    would: "began a sit-in, demanding the release of the mayor" (not "..., blocking the
    road": only verbs of demand and protest, data/verbs/purpose_participles.txt)."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.lemma_.lower() in _purpose_participles()
        and not any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in verb.children)
    )


def is_both_parties(tok: Token) -> bool:
    """ "the two sides", "both parties", "the two negotiating teams" (the dyad told before)."""
    if tok.lemma_.lower() not in PARTY_NOUNS or tok.tag_ not in {"NNS", "NNPS"}:
        return False
    return any(c.lower_ in {"two", "both"} for c in tok.children)


UNDERGO_PREPS = ("in", "during")
ACTIVE_UNDERGO = {"die", "perish", "survive", "suffer"}  # the others undergo in the passive


@functools.lru_cache(maxsize=1)
def _undergo_verbs() -> frozenset[str]:
    return frozenset(load_lines("verbs/undergo_verbs.txt"))


def _victims_of(actors: Any, noun: Token) -> list[Actor] | None:
    """The subject of a verb of undergoing whose "in"/"during" phrase holds the event noun
    ("who died in the attack", "were wounded in the raid"), or None when there is none."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in UNDERGO_PREPS or prep.head == prep:
        return None
    verb = prep.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _undergo_verbs():
        return None
    subj, passive = _subject(verb)
    if subj is None or not (passive or verb.lemma_.lower() in ACTIVE_UNDERGO):
        return None
    if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subj = verb.head  # "the envoy, who died in the attack"
    return phrase_actors(actors, subj)[0]


RELATIVE_PRONOUNS = {"who", "which", "that"}


def _doer(a: Actor) -> bool:
    """A person, group or body, not a place or a country named as one."""
    return not event_where.is_place(a) and not (a.country and not a.sector)


def act_doers(actors: Any, act: Token) -> list[Actor]:
    """Who did the act an event noun names, where someone undergoes it: the "by" agent
    ("killed in a raid by the rebels"), else a country or group that modifies the noun
    ("killed in a US drone strike", "died in a rebel attack")."""
    for doer in _prep_objects(act, ("by",)):
        found = phrase_actors(actors, doer)[0]
        if found:
            return found
    if act.pos_ != "NOUN":
        return []
    for t in [act, *(c for c in act.lefts if c.dep_ == "compound" and c.pos_ == "NOUN")]:
        own = actors.for_token(t)  # "a US offer" is the US's: the noun's modifier actor
        if own is None or covers(own, t):
            continue
        # a country does it ("a US drone strike"), a town is where ("a Kabul bombing")
        if not event_where.is_place(own) or (own.how == "country" and event_where.is_state(own)):
            return [own]
    return []


def noun_arguments(actors: Any, noun: Token, governor: Token | None) -> Arguments:
    """Arguments of an event noun: the light verb's subject, and parties named by the noun
    ("talks with X", "meeting between X and Y", "X's visit to Y")."""
    if governor is None:  # "came under fire from the rebels": the subject undergoes it
        under = received.receiving_verb(noun)
        if under is not None:
            args = verb_arguments(actors, under)
            _add_place_targets(actors, noun, args)
            return args
    if governor is None:  # "the envoy, who died in the attack": the subject is the victim
        victims = _victims_of(actors, noun)
        if victims is not None:
            args = Arguments(targets=victims, target_is_head=True, subject_unresolved=False)
            args.sources = act_doers(actors, noun)
            _add_place_targets(actors, noun, args)
            return args
    args = verb_arguments(actors, governor) if governor is not None else Arguments()
    if governor is not None and args.targets and not args.target_is_head:
        args.targets = []  # the noun itself was the object: its modifiers are not the target
    own = [c for c in noun.children if c.dep_ == "poss"]
    if not args.sources and own:
        args.sources = phrase_actors(actors, own[0])[0]
    if not args.sources:  # "raids by the army's helicopters": the agent of the noun
        for doer in _prep_objects(noun, ("by",)):
            found = phrase_actors(actors, doer)[0]
            if found:
                args.sources = found
                break
    if not args.sources and governor is None:
        # "a rebel counter-attack from the hills": the group; "amid attacks from Senator
        # Holt": who they come from (not a place or a state left: "the withdrawal from
        # Iraq", "an attack from Mosul")
        args.sources = act_doers(actors, noun)
        for doer in [] if args.sources else _prep_objects(noun, ("from",)):
            found = [a for a in phrase_actors(actors, doer)[0] if _doer(a)]
            if found:
                args.sources = found
                break
    if not args.targets:
        for cand in _prep_objects(
            noun, ("with", "between", "to", "against", "on", "at", "in", "for")
        ):
            if cand.head.lower_ == "between" and is_both_parties(cand):
                args.both_parties = True
            found, is_head = phrase_actors(actors, cand)
            found = [a for a in found if not any(same(a, s) for s in args.sources)]
            if found:
                if not args.sources and len(found) > 1 and cand.head.lower_ == "between":
                    args.sources, found = found[:1], found[1:]
                args.targets, args.target_is_head = found, is_head
                break
    _add_place_targets(actors, noun, args)
    return args


# A dateline opening a line: upper-case place words, an optional ", State", an optional
# "(Agency)", then a dash or colon ("PARIS (AP) --", "SPRINGFIELD, Ill. -", "LIMA:").
_DATELINE = re.compile(
    r"^[ \t(]*[A-Z][A-Z.'\-]+(?:[ ][A-Z][A-Z.'\-]+){0,3}[ \t]*"
    r"(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*){0,2}[ \t]*)?"
    r"(?:\([^()\n]{1,40}\)[ \t]*)?(?:--|—|–|-|:|_)",
    re.M,
)


def in_dateline(parsed: Any, actor: Actor | None) -> bool:
    """The actor is the place of a dateline ("BOSTON (AP) -- ..."), where the story was
    filed: no one who acts."""
    if actor is None or actor.start is None or actor.end is None:
        return False
    text = parsed.article.text
    line_start = text.rfind("\n", 0, actor.start) + 1
    m = _DATELINE.match(text, line_start)
    if m is None or actor.end > m.end():
        return False
    words = text[actor.start : actor.end]
    return words.upper() == words or words in text[line_start : m.end()].split(",")[0]


def nearest_actor_before(
    actors: Any, parsed: Any, verb: Token, exclude: list[Actor]
) -> Actor | None:
    """The last actor mentioned before the trigger in its sentence (a weak source guess)."""
    sent_start, _ = parsed.char_span(verb.sent)
    v_start, _ = parsed.char_span(verb)
    best = None
    starting_in = getattr(actors, "starting_in", None)  # DocumentActors: no scan of them all
    mentions = starting_in(sent_start, v_start) if starting_in else getattr(actors, "mentions", [])
    for m in mentions:
        if m.start is None or not (sent_start <= m.start < v_start):
            continue
        if any(same(m, e) for e in exclude) or in_dateline(parsed, m):
            continue
        if event_where.is_place(m) and not event_where.is_state(m):
            continue  # "a Louisiana screening", "the Iowa caucuses": a town or state acts not
        if best is not None and best.end is not None and m.end is not None and m.end <= best.end:
            continue  # "Rep. Kim of Ohio": a place inside the phrase of the actor before
        if _in_background(m, verb):
            continue
        best = m
    return best


BACKGROUND_CLAUSES = {"relcl", "acl", "appos"}


def _in_background(actor: Actor, trigger: Token) -> bool:
    """The actor is named inside a relative clause or an apposition that the trigger is not
    in ("Holt, who worked for Ames, says she backs Lee": Ames does not back anyone)."""
    tok = event_where.token_of(actor, trigger)
    if tok is None:
        return False
    for a in [tok, *tok.ancestors]:
        if a.dep_ in BACKGROUND_CLAUSES and a.i != tok.i:
            return not any(x.i == a.i for x in [trigger, *trigger.ancestors])
        if a.i == trigger.i:
            return False
    return False


def speaker_of(actors: Any, tok: Token) -> Actor | None:
    """The actor of the reporting verb whose complement holds the trigger ("Russia said ...")."""
    t = tok
    for _ in range(5):
        if t.head == t:
            return None
        if t.dep_ in {"ccomp", "parataxis", "acl"} or (t.dep_ == "conj" and t.head.dep_ == "ROOT"):
            head = t.head if t.dep_ != "acl" else t.head.head  # "a reminder that Iraq must"
            subj, passive = _subject(head)
            if subj is not None and not passive:
                found, _ = phrase_actors(actors, subj)
                if found:
                    return found[0]
        t = t.head
    return None


ORGANISATION_SECTORS = {"IGO", "NGO"}


def is_organisation(a: Actor) -> bool:
    """A named international or non-governmental body ("the UN", "Amnesty"), which has a
    code but no country; not a group named by its kind ("peacekeepers", "refugees"), which
    is more often what is sent or given than who receives it."""
    code = (a.code or "").upper()
    return a.sector in ORGANISATION_SECTORS or code[:3] in ORGANISATION_SECTORS


def named(a: Actor) -> bool:
    """An actor named as itself (a person or body by name, an organisation), not a group
    named by its kind or a place."""
    how = a.how or ""
    return how in NAMED_HOW or how.startswith(("dictionary", "user")) or is_organisation(a)


NAMED_HOW = {"name", "surname", "coref"}


HOME_PREPS = ("in", "from")
# officials, troops, police and courts named in a place are often another state's there
# ("diplomats in Rome"): only groups of a place's own people take its country
STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI", "IGO"}


def home_country(actors: Any, actor: Actor, near: Token) -> str | None:
    """The country of the place a group is named in ("the largest militia in Kosovo", "the
    students from Cusco"): a group named by its kind alone, with no country, is of it."""
    if actor.country or actor.how != "role" or actor.sector in STATE_SECTORS:
        return None
    tok = event_where.token_of(actor, near)
    if tok is None:
        return None
    for p in _prep_objects(tok, HOME_PREPS):
        place = actors.for_token(p)
        if place is not None and event_where.is_place(place) and place.country:
            return place.country
    return None


def best_target(
    targets: list[Actor],
    source: Actor | None = None,
    where: list[Actor] | None = None,
    persons: list[Actor] | None = None,
    objects: list[Actor] | None = None,
) -> Actor | None:
    """The first coded target that is not the source's own side, in the order the parse gives
    them (the object before a country named deeper in the clause: in "Chile rejected a UN
    appeal for talks with Peru" the UN is the target; in "offered its troops to Lebanon" the
    troops are Chile's own; a country-less target counts when it is an organisation), else
    the first with a country or code, else the first one. ``where``: places where the act
    happened (kept for the callers' record). A town or province is outranked by any side
    named by name ("accused Smith at a rally in Ohio"); a country still stands in for a
    missing side. ``persons``: targets the article names as persons ("Holt"): a person of
    the source's country is no "own side" ("Ames criticised Holt's plan for Peru": Holt,
    not Peru); ``objects``: those of them that are the trigger's own object, which is the
    target ("criticised Holt in the British parliament": Holt)."""
    persons = persons or []
    for a in targets:
        if any(a is o for o in objects or []):
            return a
    own = source.country if source is not None else None
    towns = [a for a in targets if event_where.is_place(a) and not event_where.is_state(a)]
    if towns:  # a side named by name outranks a town or province
        others = [a for a in targets if not any(a is w for w in towns)]
        if any(named(a) for a in others):
            targets = others
    for a in targets:
        person = any(a is p for p in persons)
        if (a.country and (a.country != own or person)) or (not a.country and is_organisation(a)):
            return a
    for a in targets:
        if a.country or a.code:
            return a
    return targets[0] if targets else None

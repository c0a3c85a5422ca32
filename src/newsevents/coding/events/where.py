"""Places that are only where an event happened, not a side of it.

A place becomes an actor when it stands for its state or people ("sanctions on Iran",
"Berlin criticised the plan"). Named where something happened ("signed the bill in Ohio",
"thanked supporters at a rally in Vermont", "congratulated her on her victory in the Iowa
caucuses"), it is no target of talk: of praise, criticism, a demand, a promise or a refusal.
CAMEO's convention that the place stands in for a missing target ("rioted in Serbia",
"imposed a curfew in the capital") holds for material acts, and for talk only when the place
is where an act told inside it happens ("threatened to impose a curfew in the capital",
"agreed to open an office in Tokyo"). A visit's host is the place visited when it is a
state or a capital, or abroad; a tour of one's own country's towns visits no one.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from newsevents.coding.events.phrases import CHUNK_OFFSET
from newsevents.data import load_tsv
from newsevents.models import Actor

# How the actors stage codes a place name: a country, a capital, a town or region of a country.
PLACE_HOW = {"country", "capital", "place"}
LOCATIVE_PREPS = {
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "across",
    "throughout",
    "around",
    "within",
}
PERSON_HOW = {"name", "surname"}  # coded from a person's name alone
# Event types told by words or stances: a place where they were said or done is no target.
TALK_TYPES = {"SUPPORT", "ACCUSE", "REQUEST", "REJECT", "AGREE", "CONSULT", "THREATEN", "COOPERATE"}
TRIP_CODES = ("042", "043")  # make or host a visit: the host is a side
MEETING_TYPE = "CONSULT"
# Links that keep a word inside the phrase of the noun it describes ("his home state of
# Vermont", "the Denver area", "Nevada's primary").
MODIFIER_DEPS = {"compound", "poss", "amod", "nmod", "appos", "conj", "npadvmod"}
DESCRIBING_DEPS = {"acl", "relcl", "amod"}  # "the accord adopted in Rome": a description
TO = "to"


def is_place(actor: Actor | None) -> bool:
    return actor is not None and actor.how in PLACE_HOW


def _key(name: str) -> str:
    words = name.lower().replace(".", "").replace("’", "'").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Country names and demonyms -> the country they name."""
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name:  # "Korea, Republic of" -> "Republic of Korea"
                head, _, tail = name.partition(",")
                names[_key(f"{tail.strip()} {head.strip()}" if tail else name)] = c.alpha_3
    for row in load_tsv("actors/country_names.tsv"):
        if row["kind"] != "capital":
            names.setdefault(_key(row["name"]), row["country"])
    return names


def is_state(actor: Actor | None) -> bool:
    """A country or a capital, which can stand for its state; not a town or a province
    (nor a country's name used for a place of another: "Georgia" the US state)."""
    if actor is None:
        return False
    if actor.how == "capital":
        return True
    named = _country_names().get(_key(actor.name or ""))
    if named is None:
        # a short form the tables miss ("U.S."): the gazetteer's country of that name
        return actor.how == "country" and _gazetteer_country(actor.name or "") == actor.country
    # a place recoded by the article's words (coding/actors/context.py) is no state
    return not (actor.how == "place" and actor.country and actor.country != named)


@functools.lru_cache(maxsize=4096)
def _gazetteer_country(name: str) -> str | None:
    """The country the gazetteer's best entry for ``name`` is, when that entry is a country
    (not a state, province or town of one: "New Hampshire", "Iowa")."""
    from newsevents.places.resolve import best_place

    place = best_place(name)
    return place.country if place is not None and place.kind == "country" else None


def _anchor(tok: Token) -> tuple[Token, bool]:
    """The word a place name is said of, and whether a locative preposition ("in", "at")
    links them: up through the modifiers of its noun phrase and the "of" phrases of place
    nouns ("his home state of Vermont"), to the head its phrase depends on."""
    t = tok
    for _ in range(6):
        if t.head == t:
            return t, False
        if t.dep_ in MODIFIER_DEPS:
            t = t.head
        elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head != t.head:
            t = t.head.head
        else:
            break
    if t.dep_ == "pobj" and t.head.head != t.head:
        return t.head.head, t.head.lower_ in LOCATIVE_PREPS  # what the preposition hangs on
    return t.head, False


def own_place(tok: Token, trigger: Token, governor: Token | None = None) -> str | None:
    """How the place named by ``tok`` belongs to the trigger's act: ``"own"`` where the act
    itself happened, ``"described"`` where something its words only describe happened, None
    when it is a side of it or where an act told inside it happens.

    Climbs from the place to the words it is said of. A locative preposition on the way
    ("in", "at") and then the trigger (or the verb that governs a noun trigger): the act's
    own place ("signed the bill in Ohio", thanked "at a rally in Vermont"); a participle or
    relative clause: a description ("criticised the accord adopted in Rome"). Another verb
    in the trigger's complement first: the place of that told act ("agreed to open an office
    in Tokyo"). No locative preposition: a side ("accused the United States")."""
    own = {trigger.i} | ({governor.i} if governor is not None else set())
    t, located = tok, False
    for _ in range(8):
        head, here = _anchor(t)
        located = located or here
        if head == t:
            return None
        if head.i in own:
            return "own" if located else None
        if head.pos_ in {"VERB", "AUX"}:
            if head.dep_ in DESCRIBING_DEPS and not _infinitive(head):
                return "described" if located and _inside(head, trigger) else None
            return "own" if located and not _inside(head, trigger) else None
        t = head
    return None


def _infinitive(verb: Token) -> bool:
    """ "a call for forces to be deployed": the content of a noun, not a description."""
    return any(c.dep_ == "aux" and c.lower_ == TO for c in verb.children)


def _inside(tok: Token, trigger: Token) -> bool:
    """``tok`` lies in the trigger's own phrase (a complement act), not outside it."""
    return any(a.i == trigger.i for a in tok.ancestors)


def token_of(actor: Actor, near: Token) -> Token | None:
    """The head word of an actor's mention in the parse ``near`` belongs to."""
    if actor.start is None or actor.end is None:
        return None
    doc = near.doc
    offset = doc.user_data.get(CHUNK_OFFSET, 0)
    span = doc.char_span(actor.start - offset, actor.end - offset, alignment_mode="expand")
    return span.root if span is not None else None


def person(actor: Actor) -> bool:
    """The actor is coded from a person's name alone ("Holt said"), whom the place where
    they speak or act gives no country. A person the dictionaries know by their office
    ("President Morel") takes the country where they act, as CAMEO codes it."""
    return actor.how in PERSON_HOW


PEOPLE_SECTORS = {"CVL", "REF"}  # civilians and refugees: people of the place they are in


def kind_only(actor: Actor) -> bool:
    """Civilians named by their kind alone, with no country ("people", "villagers")."""
    return not actor.country and actor.sector in PEOPLE_SECTORS and actor.how == "role"


def own_places(
    targets: list[Actor], trigger: Token, governor: Token | None
) -> list[tuple[Actor, str]]:
    """The targets that are place names where the trigger's own act happened, or where
    something it describes did, each with :func:`own_place`'s answer."""
    found = []
    for a in targets:
        tok = token_of(a, trigger)
        if tok is not None and not (is_place(a) or setting_modifier(tok)):
            tok = None
        how = own_place(tok, trigger, governor) if tok is not None else None
        if how is not None:
            found.append((a, how))
    return found


SETTING_PREPS = LOCATIVE_PREPS | {"during"}
NOUN_MODIFIER_DEPS = {"compound", "poss", "amod", "nmod"}


def setting_modifier(tok: Token) -> bool:
    """The actor only names the kind of the occasion where something was done: "at
    Saturday's GOP debate", "during the NATO summit" (a word modifying the noun of a place
    or time phrase, which is no actor itself). Said there, words are addressed to no one
    the occasion is named after."""
    t = tok
    if t.dep_ not in NOUN_MODIFIER_DEPS:
        return False
    while t.dep_ in NOUN_MODIFIER_DEPS and t.head != t:
        t = t.head
    return t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ in SETTING_PREPS


THING_MODIFIER_DEPS = {"compound", "amod", "nmod"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}  # a demonym ("Thai", NORP) says whose, not where
THING_ENTS = {"EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}  # "the Iowa Caucus", "the Paris Accord"


def thing_modifier(actor: Actor, near: Token) -> bool:
    """A place named only as a word of the name of a thing that is no actor: a town or
    state telling where it is or airs ("New Hampshire ads", "the Ohio caucusgoers"), or
    any place inside the proper name of an event, law or work ("the Lisbon Treaty"). Such
    a place is no side; a country modifying a common noun still is ("a U.S. request" is
    the US's), and so are a possessor ("Britain's vote") and a place naming people by
    where they are from ("Darfur rebels", "Ohio farmers")."""
    if not is_place(actor):
        return False
    tok = token_of(actor, near)
    if tok is None or tok.dep_ != "compound":
        return False
    if tok.ent_type_ in THING_ENTS:
        return True  # a word of the name of an event or a law ("the Vietnam War")
    if tok.ent_type_ not in PLACE_ENTS:
        return False
    head = tok.head
    while head.dep_ in THING_MODIFIER_DEPS and head.head != head and head.pos_ == "PROPN":
        head = head.head  # "the Lisbon Reform Treaty": the name's last word
    if head.pos_ == "PROPN":
        return head.ent_type_ in THING_ENTS
    return head.pos_ == "NOUN" and not is_state(actor) and not _names_people(head)


def _names_people(noun: Token) -> bool:
    """The noun is a kind of actor the lists know ("rebels", "farmers", "police")."""
    from newsevents.coding.actors import default_coder

    return default_coder(dictionaries=False).code(noun.text) is not None


def host(place: Actor, source: Actor | None) -> bool:
    """A place visited that is a side of the visit: a state or a capital, or a place abroad."""
    own = source.country if source is not None else None
    return is_state(place) or bool(own and place.country and place.country != own)


CLAUSE_DEPS = {"advcl", "ccomp", "csubj"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}


def other_clause(tok: Token, trigger: Token, governor: Token | None = None) -> bool:
    """``tok`` lies in a clause with a subject of its own below the trigger that is not the
    trigger's own complement: an adverbial clause ("urged him to quit because she thought
    the voters of Tulsa deserved better") or a clause told inside a phrase of it ("blamed
    the paper for reporting that Holt quit before the Ohio vote")."""
    own = {trigger.i} | ({governor.i} if governor is not None else set())
    t = tok
    for _ in range(12):
        if t.head == t or t.i in own:
            return False
        if t.dep_ in CLAUSE_DEPS and any(c.dep_ in SUBJECTS for c in t.children):
            if not (t.dep_ == "ccomp" and t.head.i in own):
                return any(a.i in own for a in t.ancestors)
        t = t.head
    return False


def elsewhere(targets: list[Actor], trigger: Token, governor: Token | None) -> list[Actor]:
    """The towns and provinces among the targets that another clause names, where something
    else happened (a state can still stand in for its people: "threatened to leave if the
    United States ..." is aimed at the United States)."""
    found = []
    for a in targets:
        if not is_place(a) or is_state(a):
            continue
        tok = token_of(a, trigger)
        if tok is not None and other_clause(tok, trigger, governor):
            found.append(a)
    return found


def sift(
    plover: str,
    cameo: str,
    targets: list[Actor],
    where: list[tuple[Actor, str]],
    source: Actor | None,
    asserted: bool = True,
) -> list[Actor]:
    """The targets less the places that are only where talk happened (``where``, from
    :func:`own_places`). Where the act itself happened, a country or a capital stays,
    standing in for its state as CAMEO codes it ("praised the progress in Haiti"), and so
    does the place of an act told as intended ("will extend the curfew in the port city");
    a town or province does not. The place of something the words only describe never
    stays. A visit keeps a host that is a state, a capital or abroad; a meeting keeps its
    place, as CAMEO codes a meeting at a third location."""
    if plover not in TALK_TYPES:
        return targets
    if cameo.startswith(TRIP_CODES):  # the place visited, however it is named
        drop = [t for t in targets if is_place(t) and not host(t, source)]
    elif plover == MEETING_TYPE:
        drop = []  # "talks in Geneva": the meeting place stands in for a third party (044)
    elif asserted:
        drop = [a for a, how in where if how == "described" or not is_state(a)]
    else:
        drop = [a for a, how in where if how == "described"]
    return [t for t in targets if not any(t is d for d in drop)]

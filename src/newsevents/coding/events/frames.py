"""Frames of talk that look like events: the verifier's checks for speech, campaign and
show-business words (``verbs/event_frames.tsv``; used by coding/events/verify.py).

Election news is mostly people talking. A verb that codes an event in one frame tells only
talk in another, and the parse tells the two apart:

- "asked him to resign" is a REQUEST; "asked whether he would run" is a question;
- "discussed the plan with the minister" is a CONSULT; "discussed his book on the show" is not;
- "agreed to talks" is an AGREE; "agrees with me" is an opinion;
- "workers demonstrated outside the mill" is a PROTEST; "demonstrated that it helps" is not,
  nor is "rallied supporters", "rally behind the senator" or "her victory rally";
- "offered aid" is an offer; "offered his congratulations" is words;
- a visit or a hosting is political by who travels or hosts, not by where they go;
- "released the prisoners" is a release; "released his tax returns" is not;
- praise or talk of a thing, with no one as target, is no event between actors.
Each check returns a reason when the candidate tells no event, else None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Token

from newsevents.coding.events.frame_table import FrameTable
from newsevents.coding.events.frame_table import children as _children

WH_TAGS = {"WDT", "WP", "WP$", "WRB"}
PARTNER_PREPS = {"with", "to"}
TRIP_CODES = ("042", "043", "044")
INTENT_TO_MEET = "036"
OFFER_PREFIXES = ("03", "07")  # intents and offers, aid given
SAY_TYPES = {"AGREE", "AID", "COOPERATE"}
PEOPLE_DEPS = {"dobj", "obj", "nsubjpass"}


FRAMES = FrameTable("verbs/event_frames.tsv")  # word (lemma or lower-cased form) -> kinds
kinds = FRAMES.kinds


def _preps(tok: Token, *words: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in {"prep", "dative"} and c.lower_ in words]


def _pobjs(prep: Token) -> list[Token]:
    return [p for p in prep.children if p.dep_ in {"pobj", "pcomp"}]


def _interrogative(clause: Token) -> bool:
    """A clause that asks: opened by "whether", "if" or a wh-word, or ending in "?"."""
    words = list(clause.subtree)
    if any(t.dep_ == "mark" and t.lower_ in {"whether", "if"} for t in clause.children):
        return True
    if words and (words[0].tag_ in WH_TAGS or words[0].lower_ in {"whether", "if", "how"}):
        return True
    return any(t.text == "?" for t in words)


def _campaign_gathering(noun: Token) -> bool:
    """A meeting noun named as a campaign's ("an electoral meeting", "a town hall meeting")."""
    mods = _children(noun, "compound", "amod", "nmod")
    mods += [g for m in mods for g in _children(m, "compound", "amod")]
    return any("campaign" in kinds(m) for m in mods)


def _asks_for_act(verb: Token) -> bool:
    """ "asked X to do Y", "asked for Z", "asked that X do Y": something to be done."""
    if _children(verb, "xcomp") or _preps(verb, "for"):
        return True
    asked = False  # "asked the governor if she was ready": the one asked, not a thing asked for
    for clause in _children(verb, "ccomp", "advcl"):
        if _interrogative(clause):
            asked = True
            continue
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            return True
    # "asked permission", "asked the court's help": a noun asked for, not a question
    return not asked and any(
        "say_noun" not in kinds(o)
        and o.lemma_.lower() not in {"question", "what", "it"}
        and o.tag_ not in WH_TAGS
        and o.pos_ == "NOUN"
        for o in _children(verb, "dobj")
    )


def _has_partner(verb: Token, actors: Any) -> bool:
    """A partner to talk with: "with the minister", conjoined or plural subjects; not an
    event named with its place ("will discuss the link to a Paris hotel attack": the attack
    is a topic, Paris no partner)."""
    from newsevents.coding.events import lexicon  # late: the lexicon imports nothing here

    # the parser may hang the partner on the topic ("discussed the plan with the minister")
    topics = _children(verb, "dobj", "obj")
    for prep in _preps(verb, *PARTNER_PREPS) + [p for t in topics for p in _preps(t, "with")]:
        if any(
            actors.for_token(p) is not None
            or p.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
            or p.pos_ == "PRON"
            for p in _pobjs(prep)
            if not _event_word(p, lexicon)
        ):
            return True
    for subj in _children(verb, "nsubj", "nsubjpass"):
        if _children(subj, "conj") or subj.tag_ in {"NNS", "NNPS"} or subj.lower_ in {"we", "they"}:
            return True
    return False


def _event_word(tok: Token, lexicon: Any) -> bool:
    """A noun that names an event ("attack", "talks"), not someone to talk with."""
    if tok.pos_ not in {"NOUN"}:
        return False
    lemma = tok.lemma_.lower()
    return lemma in lexicon.nominal_rows() or lemma in lexicon.event_nouns()


def _promise_alone(verb: Token, actors: Any) -> bool:
    """A vow or pledge of an act no lexicon codes, made to no one ("pledged to win the
    state", "promised voters a better economy" is to voters, not a party): a campaign
    promise, not an agreement. A promised event ("pledged to withdraw troops") was folded
    into an intent by the candidates stage and keeps its code."""
    from newsevents.coding.events import lexicon  # late: the lexicon imports nothing here

    if verb.lemma_.lower() not in lexicon.word_set("verbs/intent_verbs.txt"):
        return False
    for c in verb.children:
        if c.dep_ in {"dative", "iobj"} and actors.for_token(c) is not None:
            return False  # "promised Ukraine gas"
        if c.dep_ == "prep" and c.lower_ == "to":
            if any(actors.for_token(p) is not None for p in _pobjs(c)):
                return False  # "pledged to the alliance that"
    for a in _children(verb, "xcomp", "ccomp", "advcl"):
        if a.pos_ == "VERB" and lexicon.code_verb(a) is not None:
            return False
        if any(_state_actor(actors.for_token(t)) for t in a.subtree if t.i != verb.i):
            return False  # "promised to democratize Serbia": a promise about a state
    return True


def _state_actor(actor: Any) -> bool:
    return actor is not None and (
        actor.how in {"country", "capital"} or actor.sector in {"GOV", "IGO", "MIL"}
    )


def _person_like(tok: Token, actors: Any, known: Callable[[Token], bool]) -> bool:
    """An actor, a person, a number of people, or a thing violence is done to; ``known``:
    the verifier's own word lists (people and places of verify.py)."""
    if actors.for_token(tok) is not None or tok.pos_ in {"PRON", "NUM"}:
        return True  # "abducted eight of their members"
    if tok.ent_type_ in {"PERSON", "NORP", "ORG", "GPE", "FAC", "LOC"}:
        return True
    if tok.lemma_.lower() in {"other", "one", "some"} or known(tok):
        return True
    return any(kinds(t) & {"person", "target"} for t in [tok, *_children(tok, "compound")])


def _patients(verb: Token) -> list[Token]:
    """Who or what the verb is done to, shared along "abducted and shot" conjunctions."""
    out: list[Token] = []
    v = verb
    for _ in range(3):
        objects = _children(v, *PEOPLE_DEPS)
        subjects = _children(v, "nsubj")
        # "the deal she had struck with them": the deal was struck; not "a lawyer who has
        # fought for housing", where the relative pronoun makes the head the one who acts
        if not objects and v.dep_ == "relcl" and subjects:
            if not any(t.tag_ in {"WP", "WDT"} for t in subjects):
                objects = [v.head]
        if objects:
            out += objects
            break  # the object is what it is done to ("struck a deal with X", not X)
        for prep in _preps(v, "at", "on", "upon", "against", "with", "to"):
            out += _pobjs(prep)
        if out or v.dep_ != "conj" or v.head == v:
            break
        v = v.head
    for conj in _children(verb, "conj"):  # "attacked and injured the marchers"
        if conj.pos_ == "VERB" and not out:
            out += _children(conj, *PEOPLE_DEPS)
    return out


def thing_patient(verb: Token, actors: Any, known: Callable[[Token], bool]) -> bool:
    """The verb's object is a thing, not a person, a group, a place or a weapon ("shoot the
    film", "attack new markets", "beat expectations")."""
    pats = _patients(verb)
    return bool(pats) and not any(_person_like(p, actors, known) for p in pats)


def no_patient(verb: Token) -> bool:
    return not _patients(verb)


def talk_reason(
    c: Any,
    source: Any,
    target: Any,
    actors: Any,
    political: Callable[..., bool],
    known: Callable[[Token], bool],
) -> str | None:
    """Why a candidate tells talk, not an event (None: it may be one)."""
    trig = c.trigger
    plover, cameo = c.info.plover, c.info.cameo
    k = kinds(trig)
    verb = trig.pos_ in {"VERB", "AUX"}
    if verb and "question" in k and plover == "REQUEST" and not _asks_for_act(trig):
        return "a question, not a request"
    talk = plover == "CONSULT" or cameo == INTENT_TO_MEET  # "will discuss his book"
    if verb and "talk" in k and talk and not _has_partner(trig, actors):
        return "talk about a topic, with no partner"
    if verb and plover == "AGREE" and _promise_alone(trig, actors):
        return "a promise with no partner"
    if verb and "opinion" in k and plover == "AGREE":
        done = _children(trig, "xcomp", "dobj") or _preps(trig, "on", "to", "upon")
        if not done:
            return "an opinion shared, not an agreement"
    shown = any(x.dep_ == "mark" and x.lower_ == "as" for x in trig.children)
    if (
        "show" in k
        and plover == "PROTEST"
        and (_children(trig, "dobj", "ccomp", "xcomp") or trig.pos_ == "NOUN" or shown)
    ):  # "as she has demonstrated in her speeches": shown
        return "shows something, no demonstration"
    if "gather" in k and plover == "PROTEST":
        against = _preps(trig, "against", "over", "for")
        if verb and (_preps(trig, "behind", "around") or _children(trig, "dobj") and not against):
            return "rallies support, no protest"
        if not verb and any(
            "campaign" in kinds(m) or m.ent_type_ == "PERSON"
            for m in _children(trig, "compound", "amod", "poss", "nmod")
        ):
            return "a campaign's rally, no protest"
    if plover == "CONSULT" and not verb and _campaign_gathering(trig):
        return "a campaign's own meeting, not talks"  # "at an electoral meeting", "a town hall"
    if cameo.startswith(OFFER_PREFIXES) or plover in SAY_TYPES:
        if any("say_noun" in kinds(o) for o in _children(trig, "dobj")):
            return "words offered, not an act"
    if cameo.startswith(TRIP_CODES) and not political(source, c.args.place_added):
        return "a trip or hosting by no political actor"
    if trig.lemma_.lower() == "release" and plover != "RETREAT":
        objs = _children(trig, "dobj")
        if objs and not any(_person_like(o, actors, known) for o in objs):
            return "a release of a document or a thing"
    pair = (
        len(c.args.sources) > 1
        or c.args.both_parties
        or any(_children(s, "conj") for s in _children(trig, "nsubj"))
    )
    if plover in {"SUPPORT", "CONSULT"} and target is None and verb and not pair:
        objs = _children(trig, "dobj")
        if objs and not any(_person_like(o, actors, known) for o in objs):
            return "praise or talk of a thing, with no one as target"
    return None

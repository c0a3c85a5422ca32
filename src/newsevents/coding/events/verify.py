"""The verifier's rule stage: checks a coded event must pass before it is written.

The lexicons propose candidates with high recall; these rules decide, from the parse and
cheap cues (``verbs/event_cues.tsv``), whether a candidate tells a political event, and
recode the ones whose words say something else (see docs/coding.md, "Verifying"):

- an ASSAULT needs evidence of physical violence: an armed actor, a state, or a word of
  violence in the sentence. "A flood killed 40 people" and "the tanker was struck by a
  freighter" tell no political event; "a car bomb killed 40 people" does;
- a disaster or accident as the subject or object makes no political event ("police are
  investigating the crash");
- verbs of physical attack used for words, between people, with no violence in sight, are
  accusations ("the senator attacked her rival over taxes" -> ACCUSE); in a contest frame
  (polls, votes, games) "beat" and "fight" are metaphors and tell nothing;
- an event in the complement of a demand verb is the demand ("called for the bases to be
  hit" -> REQUEST from the one who called);
- a past-participle modifier describes a standing relation, not an event ("militants backed
  by the neighbour" is no SUPPORT);
- an observation verb whose object clause holds an event is not itself an ACCUSE ("monitored
  troops building a post");
- a release needs someone released (chemicals "released" are no RETREAT);
- a poll result is no event ("leads her rival in the poll", "a survey found 40 percent back
  him": ``poll`` cues as the trigger's subject, object or frame);
- an event needs a political actor on at least one side; people, companies and teams alone
  make one only for protests and violence.
English-only: other languages skip this stage.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

from newsevents.coding.events import acts as event_acts
from newsevents.coding.events import args as event_args
from newsevents.coding.events import campaign as event_campaign
from newsevents.coding.events import dated_nouns
from newsevents.coding.events import frames as event_frames
from newsevents.coding.events import lexicon as event_lexicon
from newsevents.coding.events import where as event_where
from newsevents.coding.events.candidates import Candidate, code_info, mood_code
from newsevents.coding.events.lexicon import forms_of
from newsevents.coding.events.modality import (
    is_intent,
    is_negated,
    is_obligation,
    is_speculation,
    marker_of,
    modality_of,
    own_past_clause,
)
from newsevents.data import grammar_words, load_tsv
from newsevents.models import Actor

ARMED = {"MIL", "COP", "REB", "INS", "UAF", "SPY", "SEP", "CRM"}
# Armed groups that are no state's forces: the bombs they set off are attacks; the police or
# the army detonating a found device disable it (CAMEO 1711, weapons seized or defused).
NONSTATE_ARMED = {"REB", "INS", "UAF", "SEP", "CRM"}
DISABLE_CODE, BOMBING_CODE = "1711", "183"
DETONATE_VERBS = {"detonate", "explode", "trigger"}
# Sectors that are not political actors by themselves: people, companies, schools, clinics.
NONPOLITICAL = {"BUS", "MNC", "MED", "EDU", "AGR", "CVL", "PPL", "REF", "IMG", "MUS", "REL", "SPO"}
# Types a crowd or a gang may do on its own, with no political actor named (still political).
PEOPLE_TYPES = {"PROTEST", "ASSAULT", "COERCE"}
STATE_HOW = {"country", "capital"}
# Verbs of physical harm that tell violence whoever does it; with a political source they
# need no other cue ("rebels killed 12 villagers").
PHYSICAL_PLOVER = "ASSAULT"
# types an owed act keeps: a demand, an accusation (checked on its own), a threat
OWED_TYPES = {"REQUEST", "ACCUSE", "THREATEN"}
ACCUSE_CODE = "111"
DEMAND_CODE = "100"
EMERGENCY_CODE = "1724"
# Role nouns of people who attack each other with words ("the senator attacked her rival").
PERSON_NOUNS = {"candidate", "rival", "opponent", "senator", "governor", "president", "critic"}
# Things a person attacks with arms, not words.
PLACE_NOUNS = {"base", "convoy", "village", "town", "post", "checkpoint", "camp", "station"}
FIRE_VERBS = {"open", "set", "exchange", "return", "trade", "come", "draw"}
RELATION_TYPES = {"SUPPORT", "COOPERATE", "AID", "AGREE", "CONSULT", "MOBILIZE"}
COMPLEMENT_DEPS = {"advcl", "xcomp", "ccomp", "acl", "relcl", "pcomp", "pobj", "conj"}


@functools.lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """word (lemma or two words) -> kinds."""
    table: dict[str, set[str]] = {}
    for row in load_tsv("verbs/event_cues.tsv"):
        table.setdefault(row["word"], set()).add(row["kind"])
    return {w: frozenset(k) for w, k in table.items()}


def word_kinds(tok: Token) -> frozenset[str]:
    return _forms_kinds(tok.lemma_.lower(), tok.lower_)


@functools.lru_cache(maxsize=65_536)
def _forms_kinds(lemma: str, low: str) -> frozenset[str]:
    table = cues()
    out: set[str] = set()
    for w in forms_of(lemma, low):
        out |= table.get(w, frozenset())
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def _pair_cues() -> dict[str, frozenset[str]]:
    """The two-word entries of ``cues()``."""
    return {w: k for w, k in cues().items() if " " in w}


KINDS = ("violence", "contest", "hazard")
LITERAL = "violence/literal"  # violence words, leaving out verbs that are figures of speech


def _kinds_of(words: list[Token], kind: str, literal: bool = False) -> set[int]:
    """Indices of the words (or first of two words) of ``kind``; ``literal``: leave out
    verbs that are also figures of speech ("the visitors attacked from the start")."""
    if literal and kind == "violence":
        return _all_kinds(words)[LITERAL]
    if literal:
        raise ValueError(f"literal applies to violence only, not {kind!r}")
    return _all_kinds(words)[kind]


def _all_kinds(words: list[Token]) -> dict[str, set[int]]:
    """:func:`_kinds_of` of every kind of ``KINDS`` (and ``LITERAL``) in one pass."""
    pairs = _pair_cues()
    found: dict[str, set[int]] = {k: set() for k in (*KINDS, LITERAL)}
    if not words:
        return found
    lemmas = [t.lemma_.lower() for t in words]
    lowers = [t.lower_ for t in words]
    for i, tok in enumerate(words):
        here = _forms_kinds(lemmas[i], lowers[i])
        two: set[str] = set()
        if i + 1 < len(words):
            for a in (lemmas[i], lowers[i]):
                for b in (lemmas[i + 1], lowers[i + 1]):
                    two |= pairs.get(f"{a} {b}", frozenset())
        if not here and not two:
            continue  # most words: no kind (the head and neighbour below are not read)
        # "opened fire", "set fire to", "cease-fire": no blaze
        no_hazard = ("hazard" in here or "hazard" in two) and (
            tok.head.lemma_.lower() in FIRE_VERBS or (tok.i and tok.nbor(-1).text == "-")
        )
        for kind in KINDS:
            if kind == "hazard" and no_hazard:
                continue
            if kind in here:
                found[kind].add(tok.i)
                if kind == "violence" and not (tok.pos_ == "VERB" and "verbal" in here):
                    found[LITERAL].add(tok.i)
            if kind in two:
                found[kind].update((tok.i, words[i + 1].i))
                if kind == "violence":
                    found[LITERAL].update((tok.i, words[i + 1].i))
    return found


@dataclass
class SentenceCues:
    violence_at: set[int]
    contest: bool
    violence_beside: bool = False  # in the sentence before or after
    hazard: bool = False  # a disaster or accident told in the sentence
    hazard_before: bool = False  # ... or in the one before it

    def violence(self, besides: Token) -> bool:
        """A word of violence other than the trigger itself."""
        return self.violence_beside or self.violence_here(besides)

    def violence_here(self, besides: Token) -> bool:
        """A word of violence in the sentence itself, other than the trigger."""
        return bool(self.violence_at - {besides.i})


def sentence_cues(
    sent: Span,
    before: Span | None = None,
    after: Span | None = None,
    memo: dict[tuple[int, int, int], dict[str, set[int]]] | None = None,
) -> SentenceCues:
    """Cues of a sentence; violence and disasters told in the sentences beside it count too
    ("... shelled the island. Eighteen people were wounded.").

    ``memo`` (one dict per article) keeps each sentence's cue words for its neighbours."""
    memo = {} if memo is None else memo

    def kinds(span: Span | None) -> dict[str, set[int]]:
        if span is None:
            return _all_kinds([])
        key = (id(span.doc), span.start, span.end)
        if key not in memo:
            memo[key] = _all_kinds([t for t in span if not t.is_punct])
        return memo[key]

    here, prev, nxt = kinds(sent), kinds(before), kinds(after)
    return SentenceCues(
        set(here["violence"]),
        bool(here["contest"]),
        bool(prev[LITERAL] or nxt[LITERAL]),
        bool(here["hazard"]),
        bool(prev["hazard"]),
    )


def _is_kind(tok: Token, kind: str) -> bool:
    return kind in word_kinds(tok) or any(
        kind in word_kinds(c) for c in tok.children if c.dep_ == "compound"
    )


def political(actor: Actor | None, places: list[Actor]) -> bool:
    """A side that makes an event political: coded with a sector that is not people or
    business, or with a country; not a place standing in for a target."""
    if actor is None or any(actor is p for p in places) or actor.how == "place":
        return False
    if actor.sector in NONPOLITICAL:
        # "an official Syrian newspaper" (a described paper of a country) is the state's
        # voice; an outlet named by the lists ("CNN", a network) is no political side
        return actor.sector == "MED" and bool(actor.country) and actor.how == "role"
    return bool(actor.sector or actor.country or actor.code)


def _armed(actor: Actor | None) -> bool:
    return actor is not None and actor.sector in ARMED


def _state(actor: Actor | None) -> bool:
    return actor is not None and (actor.how in STATE_HOW or actor.sector == "GOV")


def _person(actor: Actor | None) -> bool:
    return actor is not None and actor.how not in STATE_HOW and actor.sector not in ARMED


def _people_only(verb: Token) -> bool:
    """Subject and object of the verb are people by name or pronoun, not states or places
    ("the senator attacked her rival", not "Israel attacked Iran")."""
    subj = None
    v = verb
    for _ in range(3):  # "refrained from attacking his rivals": the subject of the governor
        subj = next((c for c in v.children if c.dep_ in {"nsubj", "agent"}), None)
        if subj is not None or v.head == v or v.dep_ not in {"pcomp", "xcomp", "advcl", "conj"}:
            break
        v = v.head.head if v.dep_ == "pcomp" else v.head
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj", "nsubjpass"}), None)
    if obj is None:  # "clashed with his rival"
        withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
        obj = next((p for w in withs for p in w.children if p.dep_ == "pobj"), None)
    if subj is None or obj is None:
        return False
    person = _person_token

    def not_place(t: Token) -> bool:  # "the senator attacked the companies", not a base
        return t.ent_type_ not in {"GPE", "LOC", "FAC"} and t.lemma_.lower() not in PLACE_NOUNS

    named = subj.ent_type_ == "PERSON" or (subj.dep_ == "agent" and person(subj))
    return person(subj) and (person(obj) or (named and not_place(obj)))


TAKE_CODES = ("171", "173", "192")  # seize, arrest or capture, occupy
OCCUPY_CODE = "192"


def _ground(c: Candidate) -> bool:
    """Ground or a named place in the phrase of an occupation ("took control of the
    district", "overran Kunduz"), not "took control of the Senate"; the light verb's phrase
    counts too, where the parser hangs the place on it ("established control over an area",
    "took control by force of two towns")."""
    heads = [c.trigger] + ([c.governor] if c.governor is not None else [])
    subjects = {"nsubj", "nsubjpass", "csubj", "agent"}
    words = [
        t
        for head in heads
        for x in head.children
        if x.dep_ not in subjects and x.i != c.trigger.i
        for t in x.subtree
    ]
    return any(
        t.ent_type_ in {"GPE", "LOC", "FAC"} or "ground" in event_frames.kinds(t) for t in words
    )


def _won_place(c: Candidate, source: Actor | None, target: Actor | None, sc: SentenceCues) -> bool:
    """A person "captures" or "takes" states or a district, with no one armed and no violence
    in sight: votes won ("the senator captured Ohio and Texas"), not ground seized (a verb of
    winning, campaign_frames "win", and no country or capital taken)."""
    trig = c.trigger
    if not c.info.cameo.startswith(TAKE_CODES) or trig.pos_ != "VERB":
        return False
    if "win" not in event_campaign.kinds(trig) or event_where.is_state(target):
        return False  # "invaded Kuwait", "took Kuwait": ground or a state, not votes
    subj = next((x for x in trig.children if x.dep_ == "nsubj"), None)
    someone = subj is not None and (subj.lower_ in {"he", "she"} or subj.ent_type_ == "PERSON")
    if not (_person(source) or (source is None and someone)):
        return False
    if _armed(target) or sc.violence(trig):
        return False
    objs = [
        x
        for x in trig.children
        if x.dep_ in {"dobj", "obj"} or (x.dep_ == "npadvmod" and x.ent_type_ in {"GPE", "LOC"})
    ]  # "captured Virginia, Georgia and Texas" may parse as an adverbial noun phrase
    return bool(objs) and all(
        o.ent_type_ in {"GPE", "LOC"} or o.lemma_.lower() in {"state", "district", "county"}
        for o in objs
    )


def _person_token(t: Token) -> bool:
    """A person by name, pronoun or role noun, not a state, place or group."""
    if t.dep_ == "agent":
        t = next((p for p in t.children if p.dep_ == "pobj"), t)
    if event_acts.named_person(t):
        return True  # "Marsh" tagged as a group here, named as a person elsewhere in the text
    if t.ent_type_ in {"GPE", "NORP", "LOC", "FAC", "ORG"}:
        return False
    if t.ent_type_ == "PERSON" or t.pos_ == "PRON" or t.lemma_.lower() in PERSON_NOUNS:
        return True
    return t.pos_ == "PROPN" and not t.ent_type_  # a surname the tagger left untyped


def _people_noun(noun: Token) -> bool:
    """An attack noun whose owner or "by" doer is a person, aimed, if at anyone, at a person
    ("his attacks on the senator", "the attack by Smith on Jones"), not at a village."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    doers = [c for c in noun.children if c.dep_ == "poss"]
    aims: list[Token] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in {"by", "from"}:
            doers.extend(p for p in c.children if p.dep_ == "pobj")
        elif c.dep_ == "prep" and c.lower_ in {"on", "against"}:
            aims.extend(p for p in c.children if p.dep_ == "pobj")
    return (
        bool(doers) and all(_person_token(d) for d in doers) and all(_person_token(a) for a in aims)
    )


def _demand_head(tok: Token) -> Token | None:
    """The demand verb whose complement holds the trigger ("called for the bases to be hit")."""
    t = tok.head if tok.pos_ in {"NOUN", "PROPN"} and tok.head != tok else tok
    for _ in range(4):
        # "called for a special prosecutor to investigate her": through the "for" phrase
        through_for = tok.pos_ == "VERB" and t.dep_ == "prep" and t.lower_ == "for"
        if t.head == t or not (t.dep_ in COMPLEMENT_DEPS or through_for):
            return None
        if own_past_clause(t):
            return None  # "called for a pact, which the two leaders signed in May": a deed
        t = t.head
        if t.pos_ == "VERB" and "demand" in word_kinds(t):
            return t
    return None


def reframe(c: Candidate, actors: Any) -> None:
    """Recode a candidate whose frame says what it is before its sides are chosen."""
    if c.info.plover == "REQUEST":
        return
    head = _demand_head(c.trigger)
    if head is not None and head.i < c.trigger.i:
        info = mood_code("demand", c.info.cameo) or code_info(DEMAND_CODE)
        if info is not None:
            asked = [a for a in c.args.sources or c.args.targets if a is not None]
            c.info, c.trigger, c.layer = info, head, "core"
            c.negated, c.governor = is_negated(head), None
            c.args = event_args.verb_arguments(actors, head)
            if asked and not c.args.targets:
                c.args.targets, c.args.target_is_head = asked, True


def _released_ok(c: Candidate, actors: Any) -> bool:
    """A release needs someone released: an actor or a person noun as its object."""
    objs = [
        x
        for x in c.trigger.children
        if x.dep_ in {"dobj", "obj", "nsubjpass"} or (x.dep_ == "prep" and x.lower_ == "of")
    ]
    objs = [p for x in objs for p in ([x] if x.dep_ != "prep" else list(x.children))]
    if not objs:
        return True  # "the hostages were released": the parse keeps them as the subject
    for o in objs:
        if actors.for_token(o) is not None or o.ent_type_ in {"PERSON", "NORP"}:
            return True
        if _is_kind(o, "captive") or o.pos_ == "PRON":
            return True
    return False


def _content_of(trig: Token) -> bool:
    """An active participle that is the content of a declaration ("a statement backing the
    plan", "a letter supporting the bid"): it tells what the declaration's author does."""
    return trig.tag_ == "VBG" and trig.head.lemma_.lower() in event_lexicon.word_set(
        "verbs/content_nouns.txt"
    )


def _hazard_arg(c: Candidate) -> bool:
    """A disaster or accident as the trigger's subject or object ("the crash killed")."""
    t = c.governor if c.governor is not None else c.trigger
    if t.lemma_.lower() in FIRE_VERBS:
        return False  # "opened fire", "set fire to"
    for x in t.children:
        if x.dep_ in {"nsubj", "dobj", "obj", "nsubjpass", "agent"}:
            heads = [p for p in x.children if p.dep_ == "pobj"] if x.dep_ == "agent" else [x]
            if any(_is_kind(h, "hazard") for h in heads):
                return True
    return False


def _observed_event(tok: Token) -> bool:
    """ "monitored troops building a post": the object noun carries the event clause."""
    if "observe" not in word_kinds(tok):
        return False
    for x in tok.children:
        if x.dep_ in {"dobj", "obj"} and any(
            g.dep_ in {"acl", "relcl"} and g.pos_ == "VERB" for g in x.children
        ):
            return True
        if x.dep_ in {"ccomp", "xcomp"} and x.pos_ == "VERB":
            return True
    return False


POLL_FREE = {"ASSAULT", "PROTEST", "MOBILIZE"}  # "killed 40 percent of the herd" is violence
ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "obj", "dative", "attr", "agent"}


def _poll_words(tok: Token) -> bool:
    """The noun or one of its compounds, "of" complements or numbers is a poll word ("the
    latest poll", "40 percent of voters", "a poll of likely voters")."""
    if _is_kind(tok, "poll"):
        return True
    for x in tok.children:
        if x.dep_ == "prep" and x.lower_ in {"of", "in"}:
            if any(_is_kind(p, "poll") for p in x.children if p.dep_ == "pobj"):
                return True
    return False


def _poll_result(c: Candidate) -> bool:
    """A poll result told as an event: a poll word as the trigger's subject or object, in an
    "in/by/with" phrase of it ("leads the field in the poll", "won with 38 percent"), or as the
    subject of a verb governing it ("a survey found that voters back her")."""
    t = c.governor if c.governor is not None else c.trigger
    if t.pos_ in {"NOUN", "PROPN"} and t.head != t:
        if _poll_words(t):  # "poll support", "the backing of 40 percent"
            return True
        t = t.head
    for x in t.children:
        if x.dep_ in ARG_DEPS and _poll_words(x):
            return True
        if x.dep_ in {"dobj", "obj"}:  # "won the backing of 45 percent of voters"
            if any(
                p.dep_ == "prep" and p.lower_ == "of" and any(_poll_words(q) for q in p.children)
                for p in x.children
            ):
                return True
        if x.dep_ == "prep" and x.lower_ in {"in", "with", "among", "according"}:
            if any(_poll_words(p) for p in x.subtree if p.dep_ == "pobj"):
                return True
    g = t
    for _ in range(3):  # "a poll found that 40 percent support her"
        if g.head == g or g.dep_ not in {"ccomp", "xcomp", "conj", "advcl"}:
            break
        g = g.head
        if any(x.dep_ in {"nsubj", "nsubjpass"} and _poll_words(x) for x in g.children):
            return True
    return False


def _known_noun(tok: Token) -> bool:
    """A person or place noun of this module's lists, a captive or a word of violence."""
    lemma = tok.lemma_.lower()
    return (
        lemma in PERSON_NOUNS
        or lemma in PLACE_NOUNS
        or bool(word_kinds(tok) & {"captive", "violence"})
    )


def _figure_of_speech(
    c: Candidate, target: Actor | None, sc: SentenceCues, actors: Any, armed: bool, state: bool
) -> str | None:
    """An ASSAULT verb with no armed side and no word of violence in its sentence, whose
    object is a thing ("shoot a film", "attack new markets", "beat expectations"), or with no
    one it is done to ("fought hard to keep the library", "shot back", "fighting for second
    place"): a figure of speech."""
    trig = c.trigger
    if trig.pos_ != "VERB" or c.governor is not None or armed:
        return None
    fired = any(t.lemma_.lower() in {"fire", "salvo", "volley", "shot"} for t in trig.subtree)
    if trig.lemma_.lower() == "open" and not fired:
        # "open" is fire only with "fire" told, whatever else the sentence names ("is opening
        # his announcement on new gun laws"); "came under shelling" may tell fire without it
        return "no fire opened: not an attack"
    if sc.violence_here(trig):
        return None
    if trig.lemma_.lower() in FIRE_VERBS and not fired:
        return "no fire opened: not an attack"  # "is opening his speech with a tribute"
    if trig.lemma_.lower() in FIRE_VERBS or any(
        "harm" in word_kinds(t) for t in trig.sent if t.pos_ == "VERB" and t.i != trig.i
    ):
        return None  # "set fire to the offices"; "abducted and shot dead": violence told
    if event_frames.thing_patient(trig, actors, _known_noun) and "arms" not in word_kinds(trig):
        return "harm done to a thing: a figure of speech"  # not "jets bombed targets"
    if target is None and event_frames.no_patient(trig):
        if any(x.dep_ == "prt" and x.lower_ == "back" for x in trig.children):
            return "a retort, not a shot"
        cause = any(
            x.dep_ == "xcomp"
            or (x.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children))
            for x in trig.children
        ) or any(x.dep_ == "prep" and x.lower_ in {"for", "about", "over"} for x in trig.children)
        if cause:
            return "fights for a cause, not with arms"
        if not state and ("verbal" in word_kinds(trig) or "harm" in word_kinds(trig)):
            return "harm with no one it is done to and no weapon"
    return None


def _shot_in_game(c: Candidate, target: Actor | None, sc: SentenceCues) -> bool:
    """A harm verb with no one it is done to, in a sentence of a game and with no other word
    of violence ("the captain shot from the edge of the area and forced a save from the
    goalkeeper"): a game's shot or strike, whoever the title says the player is. "Soldiers
    shot two fans after the match" names whom; "gunmen fired at the stadium" a weapon's man."""
    trig = c.trigger
    if not sc.contest or target is not None or trig.pos_ != "VERB" or c.governor is not None:
        return False
    if sc.violence_here(trig) or sc.violence_beside:
        return False
    if any(x.dep_ in {"dobj", "obj", "nsubjpass"} for x in trig.children):
        return False
    aimed = [
        p
        for x in trig.children
        if x.dep_ == "prep" and x.lower_ in {"at", "on", "into"}
        for p in x.children
        if p.dep_ == "pobj"
    ]  # "shot at the fans": someone aimed at
    return not any(_is_kind(p, "captive") or p.ent_type_ in {"PERSON", "NORP"} for p in aimed)


REFUSING_AUX = {"will", "wo", "would", "can", "ca", "could", "shall"}
DONE_AUX = {"do", "have"}


def _not_done(verb: Token) -> bool:
    """A negated act told as not having happened ("did not agree", "has not had any
    conversations", "doesn't always help", "not because I agree with him"), not refused: a
    refusal is told with "will not", "would not", "cannot" or a verb of refusing."""
    t = verb
    for _ in range(3):  # the negation may sit on a governing verb ("did not want to meet")
        auxes = [x for x in t.children if x.dep_ in {"aux", "auxpass"}]
        negs = [x for x in t.children if x.dep_ == "neg" or x.lower_ in {"never", "not"}]
        if negs or _no_object(t):  # "has had no talks with them", "held no talks"
            if any(a.lower_ in REFUSING_AUX for a in auxes):
                return False
            if any(m.dep_ == "mark" and m.lower_ in {"because", "since"} for m in t.children):
                return True  # "not because I agree"
            if _any_object(t):
                return True  # "he's not backing any candidate": no one refused, no one chosen
            return any(a.lemma_.lower() in DONE_AUX for a in auxes) or t.tag_ in {"VBD", "VBN"}
        if t.dep_ not in {"xcomp", "conj"} or t.head == t:
            return False
        t = t.head
    return False


def _no_object(verb: Token) -> bool:
    """The verb's object is negated by its determiner ("had no talks")."""
    return any(
        c.dep_ == "det" and c.lower_ == "no"
        for o in verb.children
        if o.dep_ in {"dobj", "obj"}
        for c in o.children
    )


def _any_object(verb: Token) -> bool:
    """The verb's object is "any" someone ("not backing any particular candidate")."""
    return any(
        c.dep_ == "det" and c.lower_ == "any"
        for o in verb.children
        if o.dep_ in {"dobj", "obj"}
        for c in o.children
    )


FIRST_PERSON = {"i", "we", "you", "one"}


def _past_necessity(tok: Token) -> bool:
    """ "Bush had to lend his campaign money", "she was forced to leave": what someone had to
    do, told in the past, happened or not; it is no one's demand."""
    t = tok
    for _ in range(2):
        if t.dep_ != "xcomp" or t.head == t:
            return False
        t = t.head
        if t.lemma_.lower() in {"have", "need"} and t.tag_ == "VBD":
            return True
    return False


def _own_obligation(c: Candidate, source: Actor | None) -> bool:
    """An owed act whose subject is the speaker's own side or anyone ("we have to take it
    seriously", "I have to thank the voters", "you must win the majority"), or one owed to no
    speaker ("candidates must file their reports by Sunday": a rule)."""
    if not is_obligation(c.trigger):
        return False
    if c.layer == "must" and source is None:
        return True
    t = c.trigger
    for _ in range(3):
        subj = next((x for x in t.children if x.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            return subj.lower_ in FIRST_PERSON
        if t.dep_ not in {"xcomp", "conj"} or t.head == t:
            break
        t = t.head
    return False


def _violent(tok: Token) -> bool:
    return "violence" in word_kinds(tok)


def _words_at_no_one(source: Actor | None, target: Actor | None, places: list[Actor]) -> bool:
    """An attack recoded as words with no one attacked and no political doer: "the winger
    beat two defenders" (players, no actor hit) is no accusation; "Kim attacked Lee for
    dodging the question" names the one accused, a side even when the lists know neither."""
    return target is None and not political(source, places)


REFLEXIVES = grammar_words("reflexive")
# Verbs with which harm to oneself is an attack on others too ("blew himself up").
SELF_ATTACK_VERBS = grammar_words("self_attack_verb")


def _self_harm(verb: Token) -> bool:
    """The verb's only object is a reflexive pronoun: "the team killed itself with errors",
    "he hurt himself in training" tell no one attacked (but "blew himself up" does, and
    "killed himself and six guards" has another victim)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in SELF_ATTACK_VERBS:
        return False
    objects = [t for t in verb.children if t.dep_ in {"dobj", "obj"}]
    if len(objects) != 1 or objects[0].lower_ not in REFLEXIVES:
        return False
    return not any(t.dep_ == "conj" for t in objects[0].children)


def _rivals(source: Actor | None, target: Actor | None, places: list[Actor]) -> bool:
    """The sides are people, not states, places or armed groups, and one of them is
    political (a candidate, an official): rivals in a race."""
    sides = [a for a in (source, target) if a is not None]
    if not sides or any(
        not _person(a) or a.how == "place" or any(a is p for p in places) for a in sides
    ):
        return False
    return any(political(a, places) for a in sides)


def _someone(tok: Token, actors: Any) -> bool:
    """An actor, a named person, group or place, a pronoun or a person noun: someone a
    position can be about ("opposed the senator"), not a policy ("opposed gun violence")."""
    if actors.for_token(tok) is not None or tok.pos_ == "PRON":
        return True
    if tok.ent_type_ in {"PERSON", "NORP", "ORG", "GPE"} or tok.lemma_.lower() in PERSON_NOUNS:
        return True
    return "person" in event_frames.kinds(tok)


LIKELIHOOD = {"likely", "unlikely", "possible"}  # "isn't likely to help": no refusal told
ATTEND_VERBS = {"attend", "join", "participate", "come", "go", "show", "appear", "turn"}


def _asked(verb: Token) -> bool:
    """A verb asked about in a question with its auxiliary before its subject ("Did the
    ministry refuse to pay?", "Why does Ruritania reject the plan?", "Has he ever fought for
    it?"), up to the question mark; "Who attacked the embassy?" tells that someone did."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    clause = verb
    for _ in range(3):  # "Did she refuse to pay?": the question is the governing verb's
        if clause.dep_ not in {"xcomp", "ccomp"} or clause.head is clause:
            break
        clause = clause.head
    subj = next((x for x in clause.children if x.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or not any(
        x.dep_ in {"aux", "auxpass"} and x.i < subj.i for x in clause.children
    ):
        return False
    end = clause.right_edge.i
    doc = verb.doc
    while end > clause.i and doc[end].is_quote:
        end -= 1  # a question in quotation marks: '"Has he ever fought for it?"'
    return any(doc[i].text == "?" for i in range(end, min(end + 3, len(doc))))


def _bracketed(tok: Token) -> bool:
    """A word an editor put in square brackets in place of the speaker's ("[deleted]",
    "[expletive]"): no one's act."""
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text == "[" and doc[tok.i + 1].text == "]"


def _going_to(tok: Token) -> bool:
    """ "is going to pay": "going" with a to-infinitive tells a future, not a trip."""
    return tok.lemma_.lower() == "go" and any(
        x.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)
        for x in tok.children
    )


def _planned(c: Candidate) -> bool:
    """Told as the source's own plan or promise ("will call on", "would order", "plans to
    ask"), not owed ("must", "should": a demand) and not refused."""
    t = c.trigger  # the trigger's own mood, not that of a complement folded into it
    told = c.modality != "asserted" or modality_of(t) != "asserted"
    return told and not c.from_negation and is_intent(t) and not is_obligation(t)


def _official(actor: Actor | None) -> bool:
    """A state, a government, an international body or an armed group: a side whose
    promises and requests are events of state, not campaign talk."""
    if actor is None:
        return False
    if actor.how in STATE_HOW or _armed(actor) or actor.sector in {"IGO", "NGO"}:
        return True
    # a government body ("the ministry", "the Foreign Ministry"), not a politician by name
    words = {w.lower() for w in (actor.name or "").split()}
    return actor.sector == "GOV" and (bool(words & BODY_WORDS) or not actor.name[:1].isupper())


BODY_WORDS = {
    "government",
    "ministry",
    "department",
    "office",
    "council",
    "parliament",
    "congress",
    "senate",
    "administration",
    "cabinet",
    "court",
    "commission",
    "agency",
    "authority",
    "assembly",
}


def _subject_actor(c: Candidate, actors: Any) -> Actor | None:
    """The actor of the trigger's subject ("Vietnam is committed to"), coded as a side or not."""
    subj = event_acts.subject(c.trigger if c.governor is None else c.governor)
    return None if subj is None else actors.for_token(subj)


def _act_reason(
    c: Candidate, source: Actor | None, target: Actor | None, actors: Any
) -> str | None:
    """Doers and deeds (coding/events/acts.py). Promises made by states, bodies or armed
    groups, and calls between them, are events of state, not campaign talk: those checks
    skip them (a promise to a state is kept by its partner, acts.promise_about_thing)."""
    someone = lambda t: _someone(t, actors)  # noqa: E731
    demand = lambda t: "demand" in word_kinds(t)  # noqa: E731
    figure = event_acts.figure_object(c)
    return (
        event_acts.dismissed_words(c)
        or figure
        or event_acts.act_as_kind(c)
        or (
            not (_official(source) or _official(_subject_actor(c, actors)))
            and event_acts.promise_about_thing(c, actors, someone, _planned(c), _violent)
        )
        or event_acts.attempt(c)
        or (not _official(source) and event_acts.private_act(c))
        or event_acts.planned_demand(c, _planned(c))
        or event_acts.owed_demand(c, demand)
        or event_acts.asked_for(c, demand)
        or event_acts.generic_kind(c)
        or event_acts.need(c)
        or event_acts.promoted(c, someone)
        or event_acts.holds_thing(c, someone)
        or event_acts.phrasal(c)
        or event_acts.kept_words(c)
        or event_acts.realized(c)
        or event_acts.denied_claim(c)
        or event_acts.citing(c)
        or (
            not _official(source)
            and event_acts.criticism_of_thing(c, target, actors, someone, _violent)
        )
        or event_acts.blamed_on_thing(c, someone)
        or (not _official(source) and event_acts.notion_rejected(c))
        or event_acts.trip_at_home(c, source, target, actors, event_where.is_state)
        or event_acts.media_visit(c, target)
        or event_acts.joined_no_meeting(c, _meeting_noun)
        or event_acts.thing_called(c, someone)
        or event_acts.act_reason(c, actors, _violent, someone)
        or event_acts.thing_blocked(
            c, someone, lambda t: "ground" in event_frames.kinds(t) or _known_noun(t)
        )
        or None
    )


def _meeting_noun(tok: Token) -> bool:
    """A noun of meeting or talks (the objects of "participate" in verbs/core.jsonl, the
    nouns of verbs/nominal.jsonl that code a meeting, CAMEO 04), or any event noun."""
    words = {tok.lemma_.lower(), tok.lower_}
    rows = event_lexicon.core_rows().get("participate", [])
    if any(words & set(r.get("obj") or ()) for r in rows):
        return True
    nominal = event_lexicon.nominal_rows()
    if any(r["code"].startswith("04") for w in words for r in nominal.get(w, [])):
        return True
    return any(w in event_lexicon.event_nouns() for w in words)


def _town(tok: Token, actors: Any) -> bool:
    """A place that is no country or capital ("Miami", "Ohio"): no state to thank."""
    actor = actors.for_token(tok)
    return actor is not None and not event_where.is_state(actor)


def _campaign_reason(
    c: Candidate, source: Actor | None, target: Actor | None, sc: SentenceCues, actors: Any
) -> str | None:
    """Campaign and policy talk (coding/events/campaign.py) and doers and deeds."""
    demand = c.trigger.pos_ == "VERB" and "demand" in word_kinds(c.trigger)
    return (
        _act_reason(c, source, target, actors)
        or event_campaign.candidate_rally(c)
        or event_campaign.campaign_ad(c)
        or event_campaign.held_sentiment(c)
        or event_campaign.generic_passive(c, source)
        or event_campaign.gathering_threat(c)
        or event_campaign.invited_to_gathering(c)
        or event_campaign.campaign_trip(c)
        or event_campaign.campaign_act(c, actors, _violent, demand, _meeting_noun)
        or event_campaign.vote_result(c, actors, source)
        or event_campaign.donation(c)
        or event_campaign.stance_described(
            c, _official(source) or _official(_subject_actor(c, actors))
        )
        or event_campaign.thanks_to_audience(c, sc.contest, lambda t: _town(t, actors))
        or event_campaign.race_courtesy(c, source, target, sc.contest, _rivals(source, target, []))
        or event_campaign.talk_to_audience(c)
        or event_campaign.position(c, actors, lambda t: _someone(t, actors))
        or (
            not (_official(source) or _official(_subject_actor(c, actors)))
            and event_campaign.policy_call(
                c, actors, lambda t: _someone(t, actors), demand, _meeting_noun
            )
        )
        or event_campaign.request_for_comment(
            c, lambda t: "say_noun" in event_frames.kinds(t) or t.lemma_.lower() == "comment"
        )
        or event_campaign.name_calling(c)
        or event_campaign.asked_to_say(c, "question" in event_frames.kinds(c.trigger))
        or event_campaign.statement(c)
        or event_campaign.warning(c, actors)
        or event_campaign.declined_comment(c)
        or event_campaign.race_exit(c)
        or event_campaign.attitude_of_kind(c)
    )


def check(
    c: Candidate,
    source: Actor | None,
    target: Actor | None,
    sc: SentenceCues,
    actors: Any,
) -> tuple[Candidate, Actor | None, Actor | None, float] | None:
    """The candidate with its sides (possibly recoded), plus a confidence penalty; None
    when it tells no political event."""
    verdict, _why = explain(c, source, target, sc, actors)
    return verdict


def explain(
    c: Candidate,
    source: Actor | None,
    target: Actor | None,
    sc: SentenceCues,
    actors: Any,
) -> tuple[tuple[Candidate, Actor | None, Actor | None, float] | None, str]:
    """``check`` with the reason of its verdict (for reading the coder's decisions)."""
    places = c.args.place_added
    if source is not None and target is not None and source.name == target.name:
        target = None  # "South Carolina ... South Carolina": one actor is not two sides
    trig = c.trigger
    plover = c.info.plover
    if c.modality == "hypothetical" and not c.from_negation and is_speculation(trig):
        return None, "speculation: what may, could or would happen, or a wish"
    if c.from_negation and c.layer == "default":
        return None, "a general verb negated: no refusal told"  # "doesn't mean he won"
    negated_verb = trig if c.governor is None else c.governor
    if c.from_negation and marker_of(negated_verb) in LIKELIHOOD:
        return None, "a refusal told as what may happen, not a refusal"  # "isn't likely to help"
    # a meeting not attended stays a refusal (REJECT 125: "did not attend the talks"); a
    # conversation not had or a right not respected is told as not done
    attended = c.info.cameo == "125" and negated_verb.lemma_.lower() in ATTEND_VERBS
    if c.from_negation and c.info.cameo == "125" and event_campaign.race_objects(negated_verb):
        return None, "a vote or a race's act not held, not a refusal"  # "won't hold a vote"
    if c.from_negation and not attended and _not_done(negated_verb):
        return None, "told as not done, not as a refusal"  # "some governments did not agree"
    if _going_to(trig):
        return None, "'going to': a future, not a trip"  # "he is not going to pay"
    if negated_verb.pos_ in {"VERB", "AUX"} and event_acts.negative_subject(negated_verb):
        return None, "no one did it"  # "nobody opposed him"
    if negated_verb.pos_ == "VERB" and event_acts.to_nobody(negated_verb):
        return None, "done to no one"  # "I apologize to nobody for that"
    if _asked(trig if c.governor is None else c.governor):
        return None, "a question asked, not an event told"  # "Did the party refuse to pay?"
    if _bracketed(trig):
        return None, "an editor's word in brackets, not an event"  # "what the [deleted] is"
    why = event_acts.thing_subject(c, actors, lambda t: _someone(t, actors))
    if why is not None:
        return None, why
    if plover == "REQUEST" and _past_necessity(trig):
        return None, "a past necessity (had to), not a demand"  # "had to lend his campaign"
    if c.info.cameo == DISABLE_CODE and trig.lemma_.lower() in DETONATE_VERBS:
        bomber = source is not None and source.sector in NONSTATE_ARMED
        info = code_info(BOMBING_CODE) if bomber else None
        if info is not None:  # "militants detonated two bombs": a bombing, not a defusal
            c.info = info
            plover = info.plover
    if plover == "ACCUSE" and c.governor is None and is_obligation(trig):
        return None, "an accusation owed, not made"  # "so they have to blame others"
    if (
        plover not in OWED_TYPES
        and c.layer != "must"
        and not c.from_negation
        and is_obligation(trig)
        and not _past_necessity(trig)
    ):
        # "she said the country should send troops": no demand code for it, and not done
        return None, "an act owed (should, must), not done"
    if plover == "REQUEST" and _own_obligation(c, source):
        return None, "the speaker's own obligation or a rule, not a demand"
    if _hazard_arg(c):
        return None, "a disaster or accident is its subject or object"
    if (
        trig.pos_ == "VERB"
        and trig.dep_ == "acl"
        and (trig.tag_ == "VBN" or (trig.tag_ == "VBG" and "stance" in event_campaign.kinds(trig)))
        and plover in RELATION_TYPES
        and not dated_nouns.dated_participle(trig)  # "the May 3 accord signed by": an act
        and not _content_of(trig)  # "issued a statement backing the senator": the speaker's act
    ):
        # "militants backed by Ankara", "a group backing the senator" (but "leaders meeting in
        # Rome", "a statement apologizing to him" tell what they do)
        return None, "a participle describing a relation"
    if trig.pos_ == "VERB" and _observed_event(trig) and plover == "ACCUSE":
        return None, "an observation of another event"
    if plover not in POLL_FREE and _poll_result(c):
        return None, "a poll result, not an event"
    if c.info.cameo.startswith("084") and not _released_ok(c, actors):
        return None, "a release of no one"
    why = event_frames.talk_reason(c, source, target, actors, political, _known_noun)
    if why is None:
        why = _campaign_reason(c, source, target, sc, actors)
    if why is not None:
        return None, why
    calm = not sc.violence(trig)
    if c.info.cameo == EMERGENCY_CODE and calm and (sc.hazard or sc.hazard_before):
        return None, "an emergency declared for a disaster"
    if (
        sc.hazard
        and calm
        and plover != "PROTEST"
        and not political(source, places)
        and not _armed(target)
    ):
        return None, "a disaster told with no political actor doing anything"
    penalty = 0.0
    if plover == PHYSICAL_PLOVER:
        armed = _armed(source) or _armed(target)
        state = _state(source) and not any(source is p for p in places)
        harm = "harm" in word_kinds(trig)  # "assassinate", "behead": violence whoever tells it
        if sc.hazard and calm and not (armed or harm):
            return None, "harm told with a disaster and no violence"
        if _self_harm(trig):
            return None, "harm done to oneself: no other side"  # "we killed ourselves with errors"
        verbal = "verbal" in word_kinds(trig) and c.governor is None
        by_name = all(a is not None and a.how == "name" for a in (source, target))
        people = _person(source) and (target is None or _person(target))
        # coded by a person's name, or a noun's owner is a person ("his attacks on Smith")
        people = people and (_people_only(trig) or by_name or _people_noun(trig))
        quiet = not sc.violence(trig) or sc.contest  # "clashed at the debate" is no battle
        rivals = _rivals(source, target, places)
        contest = event_campaign.contest(
            c, rivals, sc.violence_here(trig), armed or harm or (state and not rivals)
        )
        if contest is not None:
            return None, contest
        rivalry = event_acts.company_rivalry(c, source, target, sc.violence_here(trig))
        if rivalry is not None:
            return None, rivalry
        if _shot_in_game(c, target, sc):
            return None, "a shot or a strike in a game, at no one"
        # "hammered her with insults", "launched a round of attacks designed to paint him":
        # words, whoever the sides are, when no weapon is in sight
        attack_nouns = [trig] if trig.pos_ in {"NOUN", "PROPN"} else []
        attack_nouns += [o for o in trig.children if o.dep_ in {"dobj", "obj"} and _violent(o)]
        # a word of violence that describes another noun ("a crisis that hurt millions")
        # does not make the attack one of arms
        near = any(
            not event_acts.described_elsewhere(trig.doc[i], trig) for i in sc.violence_at - {trig.i}
        )
        told = event_acts.words_as_weapon(trig) or event_acts.in_medium(trig)
        worded = (verbal and told) or (
            any(event_acts.launched_attack(n, _person_token) for n in attack_nouns)
            and not ((near or sc.violence_beside) and trig.pos_ in {"NOUN", "PROPN"})
        )
        engage = trig.lemma_.lower() in {"engage", "indulge"}
        if engage and not armed and event_acts.words_as_weapon(trig, ("in",)):
            return None, "engaged in words, not violence"  # "engage in insults and attacks"
        if worded and not armed:
            info = code_info(ACCUSE_CODE)
            if info is not None:
                c.info = info
                if _words_at_no_one(source, target, places):
                    return None, "words at no one, by no political actor"
                return (c, source, target, 0.05), "an attack with words"
        if (
            trig.pos_ == "VERB"
            and not (armed or harm or sc.violence_here(trig))
            and ("verbal" in word_kinds(trig) or "contest_verb" in event_campaign.kinds(trig))
            and event_acts.harm_in_place(trig)
        ):
            return None, "harm with no one harmed, only a place: a result"  # "crushed in Ohio"
        if verbal and people and quiet and not (armed or harm):
            info = code_info(ACCUSE_CODE)
            if info is None:
                return None, "no code for an accusation"
            c.info = info  # "X attacked Y over the tax plan": words, not blows
            if _words_at_no_one(source, target, places):
                return None, "words at no one, by no political actor"
            return (c, source, target, 0.05), "a verbal attack"
        if sc.contest and not (armed or harm or sc.violence_here(trig)):
            return None, "a contest metaphor"  # "Alabama beat Clemson 45-40": a game
        figure = _figure_of_speech(c, target, sc, actors, armed, state)
        if figure is not None:
            return None, figure
        if not (armed or harm or sc.violence(trig) or state):
            if sc.contest:
                return None, "a contest metaphor"
            if source is None or source.how == "place":
                return None, "harm with no one armed, no weapon and no one doing it"
    if plover == "THREATEN":  # "I will beat her in November": an intent told of a contest
        harm = "harm" in word_kinds(trig) or _armed(source) or _armed(target)
        rivals = _rivals(source, target, places)
        violent = bool(word_kinds(trig) & {"verbal", "violence"})
        contest = event_campaign.contest(c, rivals, sc.violence_here(trig), harm, violent)
        if contest is not None:
            return None, contest
    if c.info.cameo.startswith(OCCUPY_CODE) and not _ground(c):
        return None, "an occupation of no ground"
    if plover == "COERCE" and _won_place(c, source, target, sc):
        return None, "a place won in a contest, not taken"
    if (
        plover == "COERCE"
        and sc.contest
        and event_campaign.kinds(trig) & {"contest_verb", "win"}  # not "jailed", "arrested"
        and all(_person(a) and a.how != "place" for a in (source, target))
        and not (_armed(source) or _armed(target) or sc.violence_here(trig))
    ):
        return None, "a rival beaten in a contest, not coerced"  # "took down her rival"
    if not (political(source, places) or political(target, places)):
        if event_acts.state_step(c) and not (sc.hazard and calm):
            why = narrator(c, source, target, actors)  # "when I was sentenced": a memoir's
            if why is not None:
                return None, why
            return (c, source, target, penalty), "kept"  # a step of the law: the state did it
        if plover not in PEOPLE_TYPES or (sc.hazard and calm):
            return None, "no political actor on either side"
    why = narrator(c, source, target, actors)
    if why is not None:
        return None, why
    return (c, source, target, penalty), "kept"


def narrator(c: Candidate, source: Actor | None, target: Actor | None, actors: Any) -> str | None:
    """An unnamed narrator's act (acts.narrator_act), asked last: of the reasons to drop a
    candidate, the more general ones (no political actor) are given first."""
    return event_acts.narrator_act(c, source, target, lambda v: event_args.speaker_of(actors, v))

"""Who acts, and what is done: the verifier's checks of the doer and the deed
(``verbs/act_frames.tsv``; used by coding/events/verify.py).

A verb that codes an event tells one only when someone does it to someone. The parse tells
when the words say otherwise:

- no one did it: "nobody opposed him", "none of the members agreed" (a negative subject);
- a thing, not an actor, is the one said to act: "the plan won't help", "the report
  excluded the meetings", "it will help both": no actor refuses or promises anything;
- a refusal told of what may happen ("isn't likely to help") is speculation, not a refusal;
- a dismissal of words answers them ("dismissed the criticism", "dismissed the charges as
  absurd"), a defiance of a figure ("defies explanation", "defied the odds") is a figure of
  speech: neither is a rejection;
- a promise or plan about a policy or a thing, made to no partner ("will protect the right
  to vote", "vowed to bring back jobs", "is committed to keeping the program"), is a
  campaign promise, not an agreement; a plan to demand is no demand made ("would order the
  agency to", "will call on the council to");
- "sought to calm the crowd" tells an attempt, not a request; a call to pray, fast, vote or
  remember asks a private act of people, not a political one; "needs more investigation"
  tells a need, not a demand; "reminded viewers that ..." tells them something;
- verbs of harm used for words: "hammered her with insults", "launched a new round of
  attacks designed to paint him as weak" (an attack on words' terms: ACCUSE), "crushed in
  Michigan" (no one crushed: a result);
- an act by or to an "I" outside quotation marks that no speaker stands for ("I urged the
  judge to be lenient" in a memoir) is a private person's story, not a political act.
Each check returns a reason when the candidate tells no event, else None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Token

from newsevents.coding.events import lexicon
from newsevents.coding.events.frame_table import FrameTable
from newsevents.coding.events.frame_table import children as _children
from newsevents.coding.events.frame_table import prep_objects as _pobjs
from newsevents.coding.events.phrases import covers
from newsevents.data import grammar_words

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
OBJECT_DEPS = {"dobj", "obj"}
# Types an actor does by will: a thing cannot refuse, promise, back or help anyone.
WILLED_TYPES = {"REJECT", "AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# spans of time and amounts as subjects ("her 12 years in Congress give her a donor list",
# "two decades of rule taught them"): no actor asks, promises or refuses anything
TIMED_TYPES = {"REQUEST", "ACCUSE", "THREATEN"}
# bans and sanctions told of a law or a measure ("the legislation bans it"): its content
RULE_TYPES = {"COERCE", "SANCTION"}
SPAN_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}
THING_PRONOUNS = {"it", "this", "that", "which", "what", "these", "those"}
PERSON_PRONOUNS = {"i", "we", "you", "he", "she", "they", "me", "us", "him", "her", "them"}
FIRST_PERSON = {"i", "we", "us", "me", "one"}
ACTOR_ENTS = {"PERSON", "NORP", "ORG", "GPE"}
PARTNER_PREPS = {"with", "to", "for"}
INTENT_PREFIX = "03"  # CAMEO 03x: a told intent to cooperate, aid, yield or meet
# intents to reform or yield: to resign, to step down, to lift a ban, to release someone
YIELD_PREFIXES = ("034", "035")


FRAMES = FrameTable("verbs/act_frames.tsv")  # word (lemma or lower-cased form) -> kinds
kinds = FRAMES.kinds


def subject(verb: Token) -> Token | None:
    """The verb's subject, shared along xcomp and conj chains ("promised to help", "met and
    agreed"); for a relative clause with no subject of its own, the noun it modifies."""
    v = verb
    for _ in range(4):
        subj = next((c for c in v.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            return subj
        if v.dep_ == "relcl" and v.head != v:
            return v.head  # "a turnout which will help": "which" is left out by the parser
        if v.dep_ not in {"xcomp", "conj", "acomp"} or v.head == v:
            return None
        v = v.head
    return None


def named_person(tok: Token) -> bool:
    """A name the text gives a person elsewhere: "Marsh" after "Senator Ada Marsh" is a
    person even where the tagger reads it as a group or a common noun ("Marsh held a rally",
    "attacks on Marsh"). Names of places and groups the tagger also knows are not."""
    if tok.pos_ not in {"PROPN", "NOUN"} or not tok.text[:1].isupper() or tok.ent_type_ == "GPE":
        return False
    if any(c.dep_ == "det" for c in tok.children):
        return False  # "the Marsh" is no person's name
    return tok.text in _person_surnames(tok.doc)


_SURNAMES_KEY = "newsevents_act_surnames"  # kept on the Doc: asked once per candidate token


def _person_surnames(doc: Any) -> frozenset[str]:
    found = doc.user_data.get(_SURNAMES_KEY)
    if found is None:
        found = frozenset(
            e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].is_title
        )
        doc.user_data[_SURNAMES_KEY] = found
    return found


def to_nobody(verb: Token) -> bool:
    """ "I apologize to nobody", "thanked no one": done to no one."""
    return any("nobody" in kinds(o) for o in _children(verb, *OBJECT_DEPS) + _pobjs(verb, "to"))


def negative_subject(verb: Token) -> bool:
    """ "Nobody opposed him", "none of the members agreed", "no one has met him", and in the
    passive done to no one ("no executive has been prosecuted")."""
    subj = subject(verb)
    if subj is None:
        return False
    if subj.dep_ == "nsubjpass":  # "no executive has been prosecuted": done to no one
        return any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children) or (
            "nobody" in kinds(subj)
        )
    if "nobody" in kinds(subj):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children) and (
        subj.lower_ in {"one", "body"}
    )


def thing_subject(c: Any, actors: Any, person_like: Callable[[Token], bool]) -> str | None:
    """A refusal, promise or help told of a thing, not of an actor: "the plan won't help
    prevent it", "the report excluded the meetings", "it will help both of them", "the
    constitution allows" (a noun shaped as a noun of an act or a state); a demand, an
    accusation or a threat told of a span of time or an amount ("her years in office give
    her an edge")."""
    if c.info.plover not in WILLED_TYPES | TIMED_TYPES | RULE_TYPES:
        return None
    verb = c.governor if c.governor is not None else c.trigger
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    subj = subject(verb)
    if subj is None or subj.dep_ == "nsubjpass":
        return None
    if subj.ent_type_ in SPAN_ENTS and subj.pos_ == "NOUN":
        return "a span of time or an amount, not an actor, is said to do it"  # "12 years ..."
    if c.info.plover in RULE_TYPES:  # "the legislation bans abortions": a rule's content
        if abstract_noun(subj) and actors.for_token(subj) is None:
            return "a law or a thing, not an actor, is said to do it"
        return None
    if c.info.plover not in WILLED_TYPES:
        return None
    low = subj.lower_
    if subj.pos_ == "PRON" or subj.tag_ in {"WDT", "WP"}:
        if low in THING_PRONOUNS and actors.for_token(subj) is None:
            return "a thing, not an actor, is said to do it"
        return None
    if "thing" in kinds(subj) and not actor_headed(subj, actors):
        return "a thing, not an actor, is said to do it"  # "the country's system allows"
    # an actor found only in the noun's modifier is not the noun ("the party's decision")
    someone = actor_headed(subj, actors) or (actors.for_token(subj) is None and person_like(subj))
    if abstract_noun(subj) and not someone:
        return "a thing, not an actor, is said to do it"  # "the constitution allows"
    return None


# endings of nouns made from verbs and adjectives that name acts, states and qualities
ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ity", "ness", "ism", "ure", "ency")


def abstract_noun(tok: Token) -> bool:
    """A common noun shaped as a noun of an act, a state or a quality ("the constitution",
    "the legislation", "the settlement", "the pressure"), with no name in it, that is not a
    collective noun of people of that shape ("the administration", "the majority": kind
    ``group`` of verbs/act_frames.tsv)."""
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    lemma = tok.lemma_.lower()
    if "group" in kinds(tok):
        return False
    return len(lemma) > 5 and lemma.endswith(ABSTRACT_ENDINGS)


def actor_headed(tok: Token, actors: Any) -> bool:
    """The token heads an actor's own phrase ("the Clinton campaign"), not a noun that takes
    the actor of its modifier ("Switzerland's political system")."""
    actor = actors.for_token(tok)
    if actor is None:
        return False
    if actor.start is not None and actor.how == "role" and covers(actor, tok):
        return True  # "the rebel alliance": the group noun is the actor's own head
    return not any(
        actors.for_token(m) is actor
        for m in tok.children
        if m.dep_ in {"poss", "compound", "amod", "nmod"}
    )


def dismissed_words(c: Any) -> str | None:
    """ "dismissed the criticism", "brushed off the charges", "dismissed it as absurd": an
    answer to words, not a rejection of a proposal or of someone."""
    trig = c.trigger if c.governor is None else c.governor
    if c.info.plover != "REJECT" or "dismiss" not in kinds(trig) or trig.pos_ != "VERB":
        return None
    objs = _children(trig, *OBJECT_DEPS)
    if not objs:
        return None
    if all("words" in kinds(o) or _as_phrase(trig) for o in objs):
        return "words dismissed: an answer, not a rejection"
    return None


def _as_phrase(verb: Token) -> bool:
    """ "dismissed the whole thing as absurd": a judgement of what was said."""
    return any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)


def figure_object(c: Any) -> str | None:
    """ "defies explanation", "defied the odds", "beat expectations": the object is a figure,
    not an order, a ban or someone."""
    trig = c.trigger
    if trig.pos_ != "VERB" or c.governor is not None:
        return None
    objs = _children(trig, *OBJECT_DEPS)
    if objs and all("figure" in kinds(o) for o in objs):
        return "a figure of speech (defies explanation), not an event"
    return None


def _partner(
    verb: Token, actors: Any, person_like: Callable[[Token], bool], deep: bool = True
) -> bool:
    """Someone the promise or plan is made to or with: an object, a "with/to/for" phrase or
    a dative that is an actor or a person ("will help the mayor", "will work with Japan"),
    also in the object's phrase ("will continue aid to Mozambique") when ``deep`` (not
    deep: the deed's own object or the one it is done with, to or against, not for)."""
    objects = _children(verb, *OBJECT_DEPS)
    preps = (*PARTNER_PREPS, "against") if deep else ("with", "to", "against")
    words = _children(verb, "dative", "iobj") + _pobjs(verb, *preps) + objects
    for o in objects if deep else ():  # "continue aid to Mozambique", "release of prisoners"
        words += _pobjs(o, *PARTNER_PREPS, "of")
    for w in list(words):
        words += _children(w, "conj")
    for w in words:
        if actors.for_token(w) is not None or person_like(w) or "partner" in kinds(w):
            return True
        mods = _children(w, "poss", "compound", "nmod")  # not "American jobs"
        if any(actors.for_token(t) is not None for t in mods):
            return True  # "will defend the president's record", "free the Taliban prisoners"
    return False


def _acts(trig: Token) -> list[Token]:
    """The trigger and the verbs of its complement ("vowed to defend", "is committed to
    keeping"): where the promised deed and its partner are told."""
    out = [trig]
    for x in trig.children:
        if x.dep_ in {"xcomp", "ccomp"} and x.pos_ in {"VERB", "AUX"}:
            out.append(x)
        elif x.dep_ == "prep" and x.lower_ == "to":
            out += [p for p in x.children if p.dep_ == "pcomp" and p.pos_ == "VERB"]
    return out


def promise_about_thing(
    c: Any,
    actors: Any,
    person_like: Callable[[Token], bool],
    planned: bool,
    violent: Callable[[Token], bool] = lambda t: False,
) -> str | None:
    """A told intent (CAMEO 03x) or a plan about a policy or a thing, to no partner: "she
    will protect voting rights", "vowed to bring back jobs", "is committed to maintaining the
    program", "would approve the plan": a campaign promise, not an agreement. Kept: a
    partner named ("will help the mayor", "pledged to support the nominee", "will work with
    Japan")."""
    trig = c.trigger
    # a threat told by a verb of promising ("pledged to oppose legal status for migrants"):
    # the same campaign promise when its deed has no one as object
    threat = c.info.plover == "THREATEN" and "promise" in kinds(trig) and trig.pos_ == "VERB"
    if not threat and (c.info.plover != "AGREE" or not c.info.cameo.startswith(INTENT_PREFIX)):
        return None
    if c.info.cameo.startswith(YIELD_PREFIXES):
        return None  # "announced she will resign", "is prepared to lift the ban": concessions
    if trig.pos_ not in {"VERB", "AUX", "ADJ"}:
        return None
    promise = "promise" in kinds(trig) or (
        c.governor is not None and "promise" in kinds(c.governor)
    )
    if not (promise or planned):
        return None
    heads = _acts(trig) + ([c.governor] if c.governor is not None else [])
    if threat and (len(heads) < 2 or any(violent(v) for v in heads[1:])):
        return None  # "vowed revenge", "vowed to bomb the depots": the threat itself
    if any(_partner(v, actors, person_like, deep=not threat) for v in heads):
        return None
    objects = [o for v in heads[1:] for o in _children(v, *OBJECT_DEPS)]
    if any(
        actors.for_token(t) is not None and t.ent_type_ in {"GPE", "ORG", "NORP"}
        for o in objects
        for t in [o, *_children(o, "poss", "compound")]
    ):
        return None  # "promised to democratize Serbia": a promise about a state
    return "a promise or plan about a policy, with no partner"


NARRATOR = grammar_words("narrator")
DOER_DEPS = {"nsubj", "csubj"}
DONE_TO_DEPS = {"nsubjpass", "dobj", "obj", "dative"}


def narrator_act(c: Any, source: Any, target: Any, speaker: Callable[[Token], Any]) -> str | None:
    """An act by or to an "I" that no speaker stands for: "I urged the judge to be lenient",
    "when I was sentenced", "the office refused to give me credit" told outside quotation
    marks in a first-person account (a memoir, an essay, a letter). The narrator is a private
    person telling a story of their own, coded as no one. A quoted "I" is the quotation's
    speaker (the quotes stage gives it later: coding/events/quoted.py), and an "I" under a
    reporting verb (``speaker``: "I urged him to veto it, the senator wrote") is its subject:
    both stay."""
    if c.trigger.pos_ not in {"VERB", "AUX"}:
        return None
    verbs = [c.trigger] + ([c.governor] if c.governor is not None else [])
    verbs += [x for v in verbs for x in v.children if x.dep_ == "xcomp" and x.pos_ == "VERB"]
    for v in verbs:
        for x in v.children:
            words = [x] if x.dep_ in DOER_DEPS | DONE_TO_DEPS else []
            if x.dep_ in {"agent", "prep"}:
                words = [p for p in x.children if p.dep_ == "pobj"]
            for w in words:
                if w.lower_ not in NARRATOR:
                    continue
                doer = w.dep_ in DOER_DEPS or x.dep_ == "agent"
                if (source if doer else target) is not None:
                    continue
                if in_quotation(w) or speaker(v) is not None:
                    return None
                return "an unnamed narrator's own story, not a political actor's act"
    return None


DOUBLE_MARKS = {'"', "\u201c", "\u201d", "''", "``"}
_QUOTED_KEY = "newsevents_quoted_ranges"  # kept on the Doc: its quotations found once


def in_quotation(tok: Token) -> bool:
    """The token is inside a quotation of its document (one that may open sentences before)."""
    doc = tok.doc
    ranges = doc.user_data.get(_QUOTED_KEY)
    if ranges is None:
        from newsevents.quotes.marks import find_quoted_spans  # the quotes stage imports coding

        ranges = [(q.open_mark, q.outer_end) for q in find_quoted_spans(doc.text)]
        doc.user_data[_QUOTED_KEY] = ranges
    if any(a <= tok.idx < b for a, b in ranges):
        return True
    # wire copy opening a quotation with two apostrophes ("''Tonight, I ask you ...''"),
    # which the pairing reads as a closing mark: an odd count of marks before it in its
    # paragraph (the parser may end a sentence after an opening mark)
    marks = 0
    for i in range(tok.i - 1, -1, -1):
        t = tok.doc[i]
        if "\n" in t.text:
            break
        marks += t.text in DOUBLE_MARKS
    return marks % 2 == 1


def attempt(c: Any) -> str | None:
    """ "sought to calm his supporters", "seeks to ease worries": an attempt, not a request."""
    trig = c.trigger
    if c.info.plover != "REQUEST" or "attempt" not in kinds(trig) or trig.pos_ != "VERB":
        return None
    for x in trig.children:
        to = any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)
        if x.pos_ in {"VERB", "AUX"} and (x.dep_ == "xcomp" or (x.dep_ == "advcl" and to)):
            return "an attempt (sought to), not a request"
    return None


def private_act(c: Any) -> str | None:
    """A call to pray, fast, vote or remember: a private act asked of people, not a political
    act of anyone ("asked the nation to pray", "urged women to vote for her")."""
    trig = c.trigger
    if c.info.plover != "REQUEST" or trig.pos_ != "VERB" or c.governor is not None:
        return None
    comps = [x for x in trig.children if x.dep_ in {"xcomp", "ccomp"} and x.pos_ == "VERB"]
    comps += [  # "asked for America to pray" parsed as an adverbial clause opened by "for"
        x
        for x in trig.children
        if x.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in x.children)
    ]
    for prep in (x for x in trig.children if x.dep_ == "prep" and x.lower_ == "for"):
        comps += [p for p in prep.subtree if p.pos_ == "VERB" and p.dep_ in {"pcomp", "ccomp"}]
    if not comps:  # "ask for His forgiveness": a private good asked for, by its noun
        comps = [p for p in _pobjs(trig, "for") if p.pos_ == "NOUN"]
    if not comps or not all("private" in kinds(v) for v in comps):
        return None
    return "a call to a private act (pray, vote, remember), not a demand"


# the edges by which an act lies inside what a demand verb asks for ("urged the mayor to show
# leadership by condemning the chief"): complements, means ("by condemning"), conjuncts
ASKED_DEPS = {"xcomp", "ccomp", "pcomp", "prep", "conj"}
UNDONE_TAGS = {"VB", "VBG"}


def asked_for(c: Any, demand: Callable[[Token], bool]) -> str | None:
    """An act told inside what someone asks another to do ("urged the mayor to show leadership
    by condemning the police chief", "asked them to make it clear by rejecting the plan"): the
    request is the event, the act asked for is not done. Only verbs not told as done (a bare
    or "-ing" form, or "to be hit"); demands coded from their complement ("should resign")
    and complements folded into the demand are the demand's own."""
    trig = c.trigger
    if c.info.plover == "REQUEST" or trig.pos_ != "VERB" or c.governor is not None:
        return None
    passive = trig.tag_ == "VBN" and any(
        a.dep_ == "auxpass" and a.tag_ == "VB" for a in trig.children
    )
    if trig.tag_ not in UNDONE_TAGS and not passive:
        return None
    tok = trig
    for _ in range(6):
        edge, head = tok.dep_, tok.head
        if edge not in ASKED_DEPS or head is tok:
            return None
        if edge == "prep" and tok.lower_ not in {"by", "for", "through"}:
            return None
        if head.pos_ == "VERB" and demand(head):
            asked = edge in {"xcomp", "ccomp"} or (edge == "prep" and tok.lower_ == "for")
            return "an act asked for, not done" if asked else None
        tok = head
    return None


OWED_AUX = {"should", "must", "ought"}


def owed_demand(c: Any, demand: Callable[[Token], bool]) -> str | None:
    """A demand someone should or must make ("the committee should ask the court to rule"): a
    recommendation of what to ask, not a demand made (a demand told by "must" or "should" of
    the one asked, "the governor should resign", is the speaker's own demand)."""
    trig = c.trigger
    if c.info.plover != "REQUEST" or trig.pos_ != "VERB" or c.governor is not None:
        return None
    if not demand(trig) or c.layer == "must":
        return None
    if any(a.dep_ == "aux" and a.lower_ in OWED_AUX for a in trig.children):
        return "a demand someone should make, not one made"
    return None


# a relative clause in the present on a bare plural tells a kind of people or things, not an
# event ("women who are attacked should be helped"; "women who were attacked" tells one)
PRESENT_TAGS = {"VBP", "VBZ"}


def generic_kind(c: Any) -> str | None:
    """An act told in the present in a relative clause on a bare plural noun ("people who are
    beaten deserve help", "soldiers who kill civilians must be tried"): a kind, not an event."""
    trig = c.trigger if c.governor is None else c.governor
    if trig.pos_ != "VERB" or trig.dep_ != "relcl":
        return None
    head = trig.head
    if head.tag_ != "NNS" or any(x.dep_ in {"det", "poss", "nummod"} for x in head.children):
        return None
    # the relative pronoun is the clause's subject ("who are", "that kill"), not "where"
    if not any(x.dep_ in {"nsubj", "nsubjpass"} and x.tag_ in {"WP", "WDT"} for x in trig.children):
        return None
    aux = [a for a in trig.children if a.dep_ in {"aux", "auxpass"}]
    if any(a.dep_ == "aux" for a in aux):
        return None  # "who have fled", "that are fighting", "who will vote": not the simple present
    if not any(t.tag_ in PRESENT_TAGS for t in [trig, *aux]):
        return None
    return "a kind of people or things told in the present, not an event"


def state_step(c: Any) -> bool:
    """A step of the law told in the passive with no doer ("two men were charged with murder",
    "the mayor was indicted on Friday"): the state does it, a political side even when
    neither side is named as one."""
    trig = c.trigger
    if trig.pos_ != "VERB" or trig.tag_ != "VBN" or "legal" not in kinds(trig):
        return False
    if not any(x.dep_ == "auxpass" for x in trig.children):
        return False
    return not any(x.dep_ == "agent" for x in trig.children)


def planned_demand(c: Any, planned: bool) -> str | None:
    """A demand planned or promised, not made: "would order regulators to", "will call on
    the council to", "was planning to call on the senator"."""
    if c.info.plover != "REQUEST" or not planned or c.layer == "must":
        return None
    if c.trigger.pos_ != "VERB":
        return None
    return "a demand planned, not made"


def promoted(c: Any, person_like: Callable[[Token], bool]) -> str | None:
    """ "pushed his promise of free college", "is pressing her plan": a thing promoted, with
    no one pressed and nothing asked for ("pressed Vietnam for reforms", "pushed them to
    act" stay demands)."""
    trig = c.trigger
    if c.info.plover != "REQUEST" or "push" not in kinds(trig) or trig.pos_ != "VERB":
        return None
    objs = _children(trig, *OBJECT_DEPS)
    if not objs or any(person_like(o) for o in objs):
        return None
    if _children(trig, "xcomp", "ccomp") or _pobjs(trig, "for"):
        return None
    return "a thing promoted, no demand"


def need(c: Any) -> str | None:
    """ "the case needs more investigation", "we need to do more": a need told, not a demand
    of anyone."""
    trig = c.trigger
    if c.info.plover != "REQUEST" or "need" not in kinds(trig) or trig.pos_ not in {"VERB", "AUX"}:
        return None
    return "a need told, not a demand"


def phrasal(c: Any) -> str | None:
    """Phrasal verbs with no object that tell another act than the verb alone ("will call in
    to the show", "took over as chair", "pleaded guilty to fraud", "backed away from the idea", "blasted through the
    record"; "took over the town" stays)."""
    trig = c.trigger if c.governor is None else c.governor
    if trig.pos_ != "VERB" or _children(trig, *OBJECT_DEPS):
        return None  # "the rebels took over the town"
    table = FRAMES.table
    for x in trig.children:
        pair = f"{trig.lemma_.lower()} {x.lower_}"
        kinds_of = table.get(pair, frozenset())
        if x.dep_ in {"prt", "acomp", "oprd"} and "phrasal" in kinds_of:
            return f"'{pair}': another act than the verb's"  # also "pleaded guilty"
        # a particle the parse takes as an adverb or a preposition, right after the verb
        # ("backed away from"; not "called for sanctions in the wake of")
        if x.dep_ in {"advmod", "prep"} and x.i == trig.i + 1 and "adverbial" in kinds_of:
            return f"'{pair}': another act than the verb's"
    return None


def words_as_weapon(verb: Token, preps: tuple[str, ...] = ("with",)) -> bool:
    """A verb of harm done with words: "hammered him with insults", "pelted her with
    questions" (``preps`` "in": "engage in insults and attacks")."""
    return any("words" in kinds(p) for p in _pobjs(verb, *preps))


MEDIUM_PREPS = ("on", "in", "with", "via", "during", "through")


def in_medium(verb: Token) -> bool:
    """A verb of harm done in a medium of words: "ripped her on social media", "attacked him
    in a speech", "hit the senator with new ads"."""
    return any("medium" in kinds(p) for p in _pobjs(verb, *MEDIUM_PREPS))


def harm_in_place(verb: Token) -> bool:
    """A verb of harm with no object, only where it happened ("crushed in Michigan"): a
    result, no one harmed."""
    if _children(verb, *OBJECT_DEPS, "nsubjpass", "dative", "attr"):
        return False
    if any(x.dep_ == "auxpass" for x in verb.children):
        return False  # "was crushed in Michigan" tells someone crushed, by the contest check
    preps = [x for x in verb.children if x.dep_ == "prep"]
    return bool(preps) and all(p.lower_ in {"in", "at", "across", "throughout"} for p in preps)


def launched_attack(noun: Token, person: Callable[[Token], bool]) -> bool:
    """An attack noun launched, levelled or made by a person ("launched a new round of
    attacks", "an attack he levelled at her", "made a veiled attack on the campaign"): words,
    when no weapon is in sight."""
    head = noun
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        head = head.head.head  # "a round of attacks", "a series of attacks"
    for rel in (x for n in {noun, head} for x in n.children if x.dep_ == "relcl"):
        if "launch" in kinds(rel):  # "an attack he levelled at her"
            subj = subject(rel)
            return subj is not None and subj.i != head.i and person(subj)
    if head.dep_ not in OBJECT_DEPS or "launch" not in kinds(head.head):
        return False
    verb = head.head
    subj = subject(verb)
    if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head != verb:
        # "X dove into his record, launching a round of attacks"; a dateline the parse
        # makes a second subject ("LOS ANGELES -- X dove ...") is no doer
        return any(person(s) for s in verb.head.children if s.dep_ in SUBJECT_DEPS)
    return subj is not None and person(subj)


def described_elsewhere(tok: Token, trig: Token) -> bool:
    """``tok`` sits in a clause that describes a noun (a relative clause or a past
    participle; "-ing" participles after a comma often tell what the act did) the trigger is
    not in: "attacks designed to paint him as profiting off a crisis that
    hurt millions" -- "hurt" tells of the crisis, not of the attacks."""
    t = tok
    for _ in range(12):
        describes = t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ == "VBN")
        if describes and not (t.left_edge.i <= trig.i <= t.right_edge.i):
            return True
        if t.head == t:
            return False
        t = t.head
    return False


REFLEXIVES = grammar_words("reflexive")
STANCE_TYPES = {"SUPPORT", "AGREE", "REJECT"}


ARREST_CODES = ("173",)
HOLD_VERBS = {"hold"}  # "held a press conference", "holds up the gun"; "arrested 12" stays


def holds_thing(c: Any, person_like: Callable[[Token], bool]) -> str | None:
    """An arrest or detention code whose object is a thing ("holds up the gun", "held a
    press conference"): no one detained."""
    trig = c.trigger
    if not c.info.cameo.startswith(ARREST_CODES) or trig.lemma_.lower() not in HOLD_VERBS:
        return None
    objs = _children(trig, *OBJECT_DEPS)
    if objs and not any(person_like(o) for o in objs):
        return "a thing held, no one detained"
    return None


def kept_words(c: Any) -> str | None:
    """ "stands by his comments", "defended her remarks", "defended himself for the vote":
    one's own words or self upheld, a statement, not support of anyone."""
    trig = c.trigger
    if c.info.plover not in STANCE_TYPES or trig.pos_ != "VERB" or c.governor is not None:
        return None
    objs = _children(trig, *OBJECT_DEPS) + _pobjs(trig, "by", "behind")
    if not objs:
        return None
    if all(o.lower_ in REFLEXIVES for o in objs):
        return "oneself defended: a statement, not support"
    if "uphold" in kinds(trig) and all("words" in kinds(o) for o in objs):
        return "one's words upheld: a statement, not support"
    return None


REALIZE_TYPES = {"SUPPORT", "CONCEDE", "REJECT"}


def realized(c: Any) -> str | None:
    """ "recognized that the government had lost", "conceding that a deal would come",
    "refused to concede that critics had a point": a verb of recognising or admitting with a
    clause tells what someone saw or said, not a recognition, a concession or a refusal."""
    if c.info.plover not in REALIZE_TYPES:
        return None
    verb = c.trigger
    if c.info.plover == "REJECT":  # "refused to concede that": the act refused
        verb = next((x for x in verb.children if x.dep_ == "xcomp" and x.pos_ == "VERB"), None)
        if verb is None:
            return None
    if "realize" not in kinds(verb) or verb.pos_ != "VERB" or _children(verb, *OBJECT_DEPS):
        return None
    if any(x.dep_ == "ccomp" for x in verb.children):  # not "conceded to demands to reform"
        return "a thing realised or admitted, not a recognition or a concession"
    return None


def denied_claim(c: Any) -> str | None:
    """ "denies that the killings were a genocide", "disputed that the talks had failed": a
    claim denied with a clause is a statement (CAMEO 016), not a rejection ("denied the
    request", "denied them entry" stay)."""
    trig = c.trigger
    if c.info.plover != "REJECT" or trig.pos_ != "VERB" or "deny" not in kinds(trig):
        return None
    if _children(trig, *OBJECT_DEPS, "dative") or not _children(trig, "ccomp"):
        return None
    return "a claim denied (a statement), not a rejection"


def citing(c: Any) -> str | None:
    """A verb of citing, mentioning or addressing tells words about an act or to someone
    ("cites the union's support for the act", "the platform mentions its defense of the
    clinic", "addressed voters in an email"), not the act itself."""
    trig = c.trigger
    if trig.pos_ != "VERB" or "cite" not in kinds(trig):
        return None
    return "words citing an act or addressed to someone, not the act"


COPULAS = {"be", "become", "remain", "seem"}


def act_as_kind(c: Any) -> str | None:
    """A gerund that names a kind of act as the subject of what it is ("attacking a reporter
    is a crime", "Threatening Voters Is Illegal"): a judgement of the kind, no act done."""
    trig = c.trigger if c.governor is None else c.governor
    if trig.tag_ != "VBG" or trig.pos_ != "VERB":
        return None
    # the gerund opens its sentence or a quote ("... charging its neighbour with ..." after a
    # comma is a participle of the clause before)
    start = trig.left_edge
    before = trig.doc[start.i - 1] if start.i > start.sent.start else None
    opens = before is None or before.text not in {",", ";"}
    # a sentence, a reported clause or a quote hung on a headline's name ("Ted Cruz:
    # 'Attacking A Reporter Is A Crime'"), not an adverbial clause of another verb
    main = trig.head.dep_ in {"ROOT", "ccomp", "conj", "acl", "appos", "parataxis"}
    if (
        trig.dep_ in {"csubj", "csubjpass"}
        and trig.head.lemma_.lower() in COPULAS
        and opens
        and main
    ):
        return "an act named as a kind (attacking X is ...), no act done"
    # a headline's parse: the gerund as the root, the copula as its auxiliary
    copula = any(
        x.dep_ == "aux" and x.lemma_.lower() == "be" and x.i > trig.i for x in trig.children
    )
    if trig.dep_ == "ROOT" and copula and _children(trig, "attr", "acomp"):
        return "an act named as a kind (attacking X is ...), no act done"
    return None


CALL_VERBS = {"call", "summon"}


def thing_called(c: Any, someone: Callable[[Token], bool]) -> str | None:
    """ "the initiative was called by the party", "elections were called for May": a thing
    called (convened, named), no one asked ("he was called to testify" stays a request)."""
    trig = c.trigger
    if c.info.plover != "REQUEST" or trig.pos_ != "VERB" or c.governor is not None:
        return None
    if trig.lemma_.lower() not in CALL_VERBS:
        return None
    patients = _children(trig, "nsubjpass")
    if patients and not any(someone(p) for p in patients):
        return "a thing called, no one asked"
    return None


BLOCK_CODE = "144"  # CAMEO: obstruct passage, block


def thing_blocked(
    c: Any, someone: Callable[[Token], bool], ground: Callable[[Token], bool]
) -> str | None:
    """ "the courts blocked the executive actions", "moved to block the bill": a thing
    blocked, not a way or a place, is no blockade ("protesters blocked the road", "blocking
    the entrance to the ministry", "blocked them from marching" stay)."""
    trig = c.trigger
    if c.info.cameo != BLOCK_CODE or trig.pos_ != "VERB" or c.governor is not None:
        return None
    objs = _children(trig, *OBJECT_DEPS, "nsubjpass")  # "the actions are blocked in court"
    objs += [x for o in list(objs) for x in _children(o, "conj")]
    if not objs:
        return None
    for o in objs:
        if someone(o):
            return None  # "blocked them from marching"
        words = [o, *_pobjs(o, "into", "to", "from", "of", "through", "across")]
        if any(ground(w) or "route" in kinds(w) for w in words):
            return None  # "blocked transport into the capital"
        if any(w.ent_type_ in {"GPE", "LOC", "FAC"} for w in words):
            return None
    return "a thing blocked (a bill, an action), not a way: no blockade"


MEETING_CODES = ("04",)
JOIN_VERBS = {"take", "participate"}


def joined_no_meeting(c: Any, meeting: Callable[[Token], bool]) -> str | None:
    """ "took part in funeral prayers", "participated in the celebrations": taking part in
    something that is no meeting, talks or other event between actors is no consultation
    ("took part in the talks" stays; an event noun joined in codes itself: "took part in a
    march" is a protest, coding/events/candidates.joined_in)."""
    trig = c.trigger
    if not c.info.cameo.startswith(MEETING_CODES) or c.governor is not None:
        return None
    if trig.pos_ != "VERB" or trig.lemma_.lower() not in JOIN_VERBS:
        return None
    if trig.lemma_.lower() == "take" and not any(
        o.lower_ == "part" for o in _children(trig, *OBJECT_DEPS)
    ):
        return None
    joined = _pobjs(trig, "in")
    joined += [x for j in list(joined) for x in _children(j, "conj")]
    if not joined or any(meeting(j) for j in joined):
        return None
    return "taking part in something that is no meeting"


TRIP_CODES = ("042", "043")


MEDIA_SECTOR = "MED"
VISIT_CODE = "042"


def media_visit(c: Any, target: Any) -> str | None:
    """A visit to a news outlet or a show ("visited the network's morning show to discuss
    his remarks"): a media appearance, not a visit to an actor."""
    if not c.info.cameo.startswith(VISIT_CODE) or target is None:
        return None
    return "a media appearance, not a visit" if target.sector == MEDIA_SECTOR else None


# companies and outlets: no side of their own in a fight ("the network beats its rivals")
COMPANY_SECTORS = {"BUS", "MNC", "MED"}


def company_rivalry(c: Any, source: Any, target: Any, violence_here: bool) -> str | None:
    """Harm verbs between companies or outlets, with no word of violence beside them ("the
    network consistently beats rival networks in viewers", "the carmaker crushed its
    rivals"): a market rivalry, not violence."""
    if c.info.plover != "ASSAULT" or violence_here or source is None:
        return None
    if c.trigger.pos_ != "VERB" or c.governor is not None:
        return None  # "the association noted the attacks on its members' property"
    sides = [a for a in (source, target) if a is not None]
    if not all(a.sector in COMPANY_SECTORS for a in sides):
        return None
    return "companies competing, not violence"


def trip_at_home(
    c: Any, source: Any, target: Any, actors: Any, is_state: Callable[[Any], bool]
) -> str | None:
    """A person's trip to or stay in a place of their own country, meeting no one named
    ("heading to South Carolina", "visited the St. Louis area to campaign", "traveled to New
    York for fundraisers"): campaign travel, not a visit between actors. Kept: a trip
    abroad, to a country or capital (``is_state``), or to someone ("visited the court",
    "hosted the prime minister")."""
    if not c.info.cameo.startswith(TRIP_CODES) or source is None or not source.country:
        return None
    if source.how in {"country", "capital"} or (target is not None and target.how != "place"):
        return None
    trig = c.trigger if c.governor is None else c.governor
    places = _children(trig, *OBJECT_DEPS) + _pobjs(trig, "to", "in", "for", "at", "into")
    places += [x for w in list(places) for x in _children(w, "conj", "compound")]
    found = [actors.for_token(p) for p in places if p.ent_type_ in {"GPE", "LOC", "FAC"}]
    if not found or any(a is None or a.country != source.country for a in found):
        return None
    if any(is_state(a) for a in found):
        return None  # "visited the United States", "visited Washington": a state visited
    return "a trip at home: campaign travel, not a visit"


def criticism_of_thing(
    c: Any,
    target: Any,
    actors: Any,
    person_like: Callable[[Token], bool],
    violent: Callable[[Token], bool],
) -> str | None:
    """Criticism of an issue or a thing owned by no actor, with no one as target ("decried the
    issue of systemic racism", "criticized high drug prices"): a position, not an accusation
    of anyone. Kept: "criticized the president's plan", "condemned the bombing" (an act of
    violence, whose doers are accused)."""
    trig = c.trigger
    if c.info.plover != "ACCUSE" or target is not None or trig.pos_ != "VERB":
        return None
    if c.governor is not None or not c.info.cameo.startswith("11"):
        return None
    objs = _children(trig, *OBJECT_DEPS)
    if not objs or any(person_like(p) for p in _pobjs(trig, "on", "against", "at", "for")):
        return None  # "blamed the law on Democratic politicians"
    for o in objs:
        if "deed" in kinds(o):
            return None  # "we condemn such actions": the doers are accused
        words = [o, *_pobjs(o, "of")]
        if any(person_like(w) or violent(w) for w in words):
            return None
        owners = [t for w in words for t in w.subtree if t.i != w.i]
        if any(actors.for_token(t) is not None or t.tag_ == "PRP$" for t in owners):
            return None
    return "a position on an issue, no one accused"


LOWER_VERB_DEPS = {"pcomp", "acl", "xcomp"}


def blamed_on_thing(c: Any, person_like: Callable[[Token], bool]) -> str | None:
    """ "blamed his delay on a bad earpiece", "blames the loss on the weather": what is blamed
    is put on a thing, so no one is accused ("blamed the attack on the rebels" accuses them,
    whoever else the sentence names)."""
    trig = c.trigger
    if c.info.plover != "ACCUSE" or trig.pos_ != "VERB" or "blame" not in kinds(trig):
        return None
    on = _pobjs(trig, "on", "upon")
    if not on:  # "blamed her delay in condemning him on ...": the parse hangs it lower
        lower = [
            t
            for t in trig.subtree
            if t.dep_ == "prep" and t.lower_ in {"on", "upon"} and t.head.dep_ in LOWER_VERB_DEPS
        ]
        on = [p for t in lower[-1:] for p in t.children if p.dep_ == "pobj"]
    if not on or not _children(trig, *OBJECT_DEPS):
        return None
    for o in on:
        words = [o, *_children(o, "conj")]
        if any(person_like(w) for w in words):
            return None
        if any(person_like(t) for w in words for t in _children(w, "poss", "compound")):
            return None  # "blamed it on the senator's aides"
    return "blamed on a thing, no one accused"


def notion_rejected(c: Any) -> str | None:
    """ "rejected the idea of a wage hike", "rejects the notion that ...": a view of an idea,
    a position, not a rejection of anyone's proposal or demand (called only for sides that
    are no state or body: a government rejecting an idea rejects a proposal)."""
    trig = c.trigger
    if c.info.plover != "REJECT" or trig.pos_ != "VERB" or c.governor is not None:
        return None
    objs = _children(trig, *OBJECT_DEPS)
    if objs and all("notion" in kinds(o) for o in objs):
        return "an idea rejected: a position, not a rejection"
    return None


# --- session 27: figures, stances and words that tell no act of their own -------------

FREE_RELATIVES = grammar_words("free_relative")
SIDE_TYPES = {"SUPPORT", "REJECT", "AGREE"}


def nobody_named(c: Any) -> str | None:
    """ "will support whoever the party picks", "backs whichever candidate wins": a side
    promised to someone not yet known, no one supported or rejected."""
    trig = c.trigger if c.governor is None else c.governor
    if c.info.plover not in SIDE_TYPES or trig.pos_ != "VERB":
        return None
    objs = _children(trig, *OBJECT_DEPS) + _pobjs(trig, "behind")
    if not objs:
        return None
    if all(_free_relative(o) for o in objs):
        return "a side taken with someone not yet known, no one named"
    return None


def _free_relative(tok: Token) -> bool:
    return tok.lower_ in FREE_RELATIVES or any(
        d.dep_ == "det" and d.lower_ in FREE_RELATIVES for d in tok.children
    )


def refused_to_be(c: Any) -> str | None:
    """ "refused to be the government's pawn", "won't be a rubber stamp": a refusal of what
    one is, a stance, not a refusal of someone's demand or offer."""
    trig = c.trigger
    if c.info.plover != "REJECT" or trig.pos_ != "VERB" or c.governor is not None:
        return None
    comps = _children(trig, "xcomp")
    if comps and all(x.lemma_.lower() in COPULAS and _children(x, "attr", "acomp") for x in comps):
        return "a refusal of what one is (refused to be X), not of a demand"
    return None


def aspect_verb(c: Any) -> str | None:
    """ "didn't bother to spend the money", "is bound to lose", "tends to side with": a verb
    that with a to-infinitive tells effort, likelihood or habit (kind ``aspect``), not an act
    of its own; the infinitive's own act is coded from it."""
    trig = c.trigger
    if trig.pos_ not in {"VERB", "ADJ"} or "aspect" not in kinds(trig):
        return None
    if any(x.dep_ == "xcomp" and x.pos_ in {"VERB", "AUX"} for x in trig.children):
        return "a verb of effort, likelihood or habit before another verb, no act of its own"
    return None


def hyphen_compound(c: Any) -> str | None:
    """ "cherry-picked the schedule", "nit-picked", "bad-mouthed": a verb joined to a word
    before it by a hyphen is another verb than the trigger's (kind ``compound_ok`` lists the
    prefixes that keep it: "re-arrested", "co-sponsored")."""
    trig = c.trigger
    if trig.pos_ != "VERB" or trig.i < 2:
        return None
    hyphen, word = trig.doc[trig.i - 1], trig.doc[trig.i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or word.whitespace_:
        return None
    if "compound_ok" in kinds(word) or not word.is_alpha:
        return None
    return "a hyphenated compound verb, another act than the trigger's"


def moved_to_feeling(c: Any) -> str | None:
    """ "was moved to tears", "driven to despair": a feeling reached, not a force moved."""
    trig = c.trigger
    if trig.pos_ != "VERB":
        return None
    if any("feeling" in kinds(o) for o in _pobjs(trig, "to", "into")):
        return "a feeling reached (moved to tears), not a move"
    return None


PREDICATIVE_DEPS = {"attr", "oprd"}
MAKE_VERBS = grammar_words("make_verb")  # "make the race a war": object + predicate


def predicative_event(c: Any) -> str | None:
    """An event noun told of something else, as what it is or is made ("the election is a
    battle about competence", "want to make the race a war on the elites"): a figure
    describing that thing, not an event (the noun with its own doer or victim, "the
    bombing was an attack on the embassy", stays)."""
    trig = c.trigger
    head = trig.head
    if trig.pos_ != "NOUN" or c.governor not in (None, head):
        return None
    second = (
        trig.dep_ in OBJECT_DEPS
        and head.lemma_.lower() in MAKE_VERBS
        and any(x.dep_ in OBJECT_DEPS and x.i < trig.i for x in head.children)
    )  # "make the election a battle": the parse takes both as objects
    if not (trig.dep_ in PREDICATIVE_DEPS or second):
        return None
    if _pobjs(trig, "on", "against", "by"):
        return None  # "it was an attack on the embassy": the act told with its victim
    return "an event noun describing something else, a figure"


def trip_everywhere(c: Any) -> str | None:
    """ "traveled the globe pushing his policies", "toured the world": no place visited,
    a career told, not a trip."""
    trig = c.trigger
    if not c.info.cameo.startswith(("042", "040")) or trig.pos_ != "VERB":
        return None
    places = _children(trig, *OBJECT_DEPS) + _pobjs(trig, "to", "around", "across")
    if places and all("everywhere" in kinds(p) for p in places):
        return "a trip to everywhere (traveled the world), no place visited"
    return None


DUTY_DEPS = {"acl", "relcl"}


def duty_to_act(c: Any) -> str | None:
    """ "our responsibility to monitor the vote", "the right to protest", "his power to
    pardon": an act named by a duty, right or power (kind ``duty``), not done."""
    trig = c.trigger if c.governor is None else c.governor
    if trig.pos_ != "VERB" or trig.tag_ != "VB":
        return None
    while trig.dep_ == "conj" and trig.head != trig:  # "our duty to monitor and protect"
        trig = trig.head
    if trig.dep_ in DUTY_DEPS and "duty" in kinds(trig.head):
        return "an act named by a duty, right or power, not done"
    if trig.dep_ == "xcomp":  # "take seriously our duty to monitor": the parse takes the verb
        before = trig.left_edge.i - 1
        if any(o.i == before and "duty" in kinds(o) for o in _children(trig.head, *OBJECT_DEPS)):
            return "an act named by a duty, right or power, not done"
    return None


def harm_by_thing(
    c: Any, actors: Any, violent: Callable[[Token], bool], person_like: Callable[[Token], bool]
) -> str | None:
    """Harm said of a thing that is no weapon or attack ("the housing crisis that hurt
    millions", "the recession crushed towns"): a figure of speech ("the blast killed 12" and
    "the strike wounded many" stay)."""
    trig = c.trigger
    if c.info.plover != "ASSAULT" or trig.pos_ != "VERB" or c.governor is not None:
        return None
    subj = next((x for x in trig.children if x.dep_ == "nsubj"), None)
    if subj is not None and subj.tag_ in {"WDT", "WP"} and trig.dep_ == "relcl":
        subj = trig.head  # "the crisis that hurt millions": "that" is the crisis
    if subj is None or subj.pos_ != "NOUN" or violent(subj) or actors.for_token(subj) is not None:
        return None
    if person_like(subj) or _event_noun(subj) or "troops" in kinds(subj):
        return None  # "a minefield explosion killed two", "a rocket wounded five"
    if "thing" in kinds(subj):
        return "harm said of a thing, no weapon or attack: a figure of speech"
    return None


QUANTITY_NOUNS = {"dozens", "hundreds", "thousands", "millions", "scores", "many", "most"}


def generic_present(c: Any) -> str | None:
    """An act told in the simple present passive of a bare plural, with no time told
    ("dozens of children are beaten while begging", "protesters are jailed for years"): a
    kind of thing that happens, not an event ("twelve were killed", "are being held" stay)."""
    trig = c.trigger if c.governor is None else c.governor
    if trig.pos_ != "VERB" or trig.tag_ != "VBN" or _children(trig, "aux", "agent"):
        return None
    while trig.dep_ == "conj" and trig.head.tag_ == "VBN":  # "are beaten, attacked or robbed"
        trig = trig.head
        if _children(trig, "aux", "agent"):
            return None
    passive = _children(trig, "auxpass")
    if not passive or any(a.tag_ not in PRESENT_TAGS for a in passive):
        return None
    subj = next(iter(_children(trig, "nsubjpass")), None)
    if subj is None or subj.tag_ != "NNS":
        return None
    if subj.lower_ in QUANTITY_NOUNS:  # "dozens of children"
        subj = next((p for p in _pobjs(subj, "of") if p.tag_ == "NNS"), None)
        if subj is None:
            return None
    elif any(x.dep_ in {"det", "poss", "nummod"} for x in subj.children):
        return None
    sent = trig.sent
    if sent.start == 0 or any(e.label_ in {"DATE", "TIME"} for e in sent.ents):
        return None  # a headline's present, or a time told: an event
    return "a kind of act told in the present passive, not an event"


def words_answered(c: Any) -> str | None:
    """ "continued to refute a story about his claim", "rebutted the report": words answered
    (kind ``answer``), not an accusation of anyone."""
    trig = c.trigger
    if c.info.plover != "ACCUSE" or trig.pos_ != "VERB" or "answer" not in kinds(trig):
        return None
    objs = _children(trig, *OBJECT_DEPS)
    if objs and all("words" in kinds(o) for o in objs):
        return "words answered (refuted a story), not an accusation"
    return None


PLAN_AUX = {"will", "'ll", "\u2019ll", "would", "shall"}
PLAN_VERBS = {"plan", "intend", "want", "hope", "vow", "promise", "pledge", "aim", "seek"}
PURPOSE_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "RETREAT", "AID"}


def purpose_of_plan(c: Any) -> str | None:
    """A deed told as the purpose of a plan ("he will assemble a force to round up
    migrants", "plans to hire guards to arrest looters"): planned, not done (the plan's own
    verb is coded from it)."""
    trig = c.trigger if c.governor is None else c.governor
    if c.info.plover not in PURPOSE_TYPES or trig.pos_ != "VERB" or trig.tag_ != "VB":
        return None
    if not any(x.dep_ == "aux" and x.lower_ == "to" for x in trig.children):
        return None
    if trig.dep_ not in {"advcl", "acl", "relcl", "xcomp"}:
        return None
    verb = trig.head
    if trig.dep_ in {"acl", "relcl"} and verb.dep_ in OBJECT_DEPS:
        verb = verb.head  # "a force to round up": the force's verb
    if verb.pos_ != "VERB" or verb.i == trig.i:
        return None
    planned = any(x.dep_ == "aux" and x.lower_ in PLAN_AUX for x in verb.children)
    planned = planned or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PLAN_VERBS)
    if planned:
        return "a deed told as the purpose of a plan, not done"
    return None


def kind_noun(c: Any) -> str | None:
    """An event noun with no article, owner or side, named as what something is of ("the
    horror of ethnic cleansing", "the history of torture"; kind ``of_kind``): a kind of act,
    not one done."""
    trig = c.trigger
    if c.governor is not None:
        return None
    gerund = trig.pos_ == "VERB" and trig.tag_ == "VBG" and trig.dep_ == "pcomp"
    if not (gerund or (trig.pos_ == "NOUN" and trig.dep_ == "pobj")):
        return None
    prep = trig.head
    if prep.lower_ != "of" or "of_kind" not in kinds(prep.head):
        return None
    if gerund:  # "his policy of not attacking his rivals": a habit or a rule, no act done
        return "an act named as a kind or a habit (a policy of X-ing), not one done"
    if any(x.dep_ in {"det", "poss", "nummod", "prep"} for x in trig.children):
        return None  # "the horror of the attack", "the history of attacks on the town"
    return "an act named as a kind (the horror of X), not one done"


def joined_by(c: Any) -> str | None:
    """ "was joined by her husband and daughter", "joined on stage by the governor": company
    at an occasion, not support or cooperation."""
    trig = c.trigger
    if trig.lemma_.lower() != "join" or trig.tag_ != "VBN" or c.governor is not None:
        return None
    if _children(trig, "auxpass") and _children(trig, "agent"):
        return "company at an occasion (was joined by), not support"
    return None


def private_good(c: Any) -> str | None:
    """A private good asked for or encouraged, whoever asks ("asked for His forgiveness",
    "urged voters to join a day of prayer"; kind ``good``): no demand on any actor, even from
    a state ("called for calm" and "urged them to vote" are read by acts.private_act)."""
    trig = c.trigger
    if c.info.plover not in {"REQUEST", "SUPPORT"} or trig.pos_ != "VERB":
        return None
    if c.governor is not None:
        return None
    goods = [p for p in _pobjs(trig, "for") if p.pos_ == "NOUN"]
    if goods and all("good" in kinds(g) for g in goods):
        return "a private good asked for (forgiveness, prayers), not a demand"
    for comp in _children(trig, "xcomp"):  # "urged them to join a day of prayer"
        things = [*_pobjs(comp, "in"), *_children(comp, *OBJECT_DEPS)]
        things += [p for t in list(things) for p in _pobjs(t, "of")]
        if things and any("good" in kinds(t) for t in things if t.pos_ == "NOUN"):
            return "a private act encouraged (a fast, a prayer), not support or a demand"
    return None


def _event_noun(tok: Token) -> bool:
    words = {tok.lemma_.lower(), tok.lower_}
    return bool(words & set(lexicon.nominal_rows())) or bool(words & set(lexicon.event_nouns()))


RETREAT_PREFIX = "087"  # CAMEO: de-escalate, withdraw, retreat


def thing_pulled(
    c: Any, actors: Any, violent: Callable[[Token], bool], person_like: Callable[[Token], bool]
) -> str | None:
    """ "is pulling out her credentials", "pulled out his phone": a thing a person takes out,
    not a withdrawal of forces ("pulled out its troops", "withdrew its envoy", a state's or
    a force's withdrawal stay)."""
    trig = c.trigger
    if not c.info.cameo.startswith(RETREAT_PREFIX) or trig.pos_ != "VERB":
        return None
    subj = subject(trig)
    if subj is None or not (subj.ent_type_ == "PERSON" or named_person(subj)):
        return None  # a state or a force withdrawing ("withdrew much of its forces")
    objs = _children(trig, *OBJECT_DEPS)
    if not objs:
        return None
    objs += [p for o in objs for p in _pobjs(o, "of")]  # "much of its forces"
    for o in objs:
        if o.ent_type_ in {"GPE", "LOC", "FAC"}:
            return None  # "withdrew the city": a place left
        someone = actor_headed(o, actors) or (actors.for_token(o) is None and person_like(o))
        if someone or violent(o) or "troops" in kinds(o):  # not "her Texas roots"
            return None
        if _event_noun(o):  # "finished a pullout": the noun tells the withdrawal
            return None
    return "a thing taken out, not a withdrawal"


def own_staff(c: Any) -> str | None:
    """A demand of one's own people ("asked his people to look into it", "told her aides to
    cancel the trip"; kind ``staff``, owned by "his", "her" or "their"): work handed out
    inside a camp, not a demand on another actor ("ordered his troops" is no staff)."""
    trig = c.trigger
    if c.info.plover != "REQUEST" or trig.pos_ != "VERB" or c.governor is not None:
        return None
    asked = _children(trig, *OBJECT_DEPS, "dative")
    if not asked:
        return None
    for o in asked:
        owners = _children(o, "poss")
        if "staff" not in kinds(o) or not owners or owners[0].tag_ != "PRP$":
            return None
    return "a demand of one's own staff, not of another actor"


TEXT_ACT_TYPES = {"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "PROTEST"}


def text_adopted(c: Any) -> str | None:
    """An agreement or approval whose object is a text that does an act in its participle
    ("the council approved a resolution condemning the plan", "adopted a motion urging the
    mayor to resign"; kind ``text``): the act is the text's (coded from the participle), the
    vote on it no agreement with anyone."""
    trig = c.trigger
    if c.info.plover != "AGREE" or trig.pos_ != "VERB" or c.governor is not None:
        return None
    for o in _children(trig, *OBJECT_DEPS, "nsubjpass"):
        if "text" not in kinds(o):
            continue
        for x in _children(o, "acl"):
            m = lexicon.code_verb(x) if x.tag_ == "VBG" else None
            plover = lexicon._plover(m.code) if m is not None else None
            if plover in TEXT_ACT_TYPES:
                return "a text adopted that does the act itself, no agreement"
    return None


def act_reason(
    c: Any, actors: Any, violent: Callable[[Token], bool], person_like: Callable[[Token], bool]
) -> str | None:
    """The session-27 checks above, in one call for the verifier."""
    return (
        nobody_named(c)
        or refused_to_be(c)
        or aspect_verb(c)
        or hyphen_compound(c)
        or moved_to_feeling(c)
        or predicative_event(c)
        or trip_everywhere(c)
        or duty_to_act(c)
        or harm_by_thing(c, actors, violent, person_like)
        or generic_present(c)
        or words_answered(c)
        or purpose_of_plan(c)
        or kind_noun(c)
        or joined_by(c)
        or private_good(c)
        or thing_pulled(c, actors, violent, person_like)
        or text_adopted(c)
        or own_staff(c)
    )

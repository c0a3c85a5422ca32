"""Campaign and policy talk that looks like events: the verifier's checks for election news
(``verbs/campaign_frames.tsv``; used by coding/events/verify.py).

Election news tells candidates running, voters choosing and politicians taking positions.
Verbs that code events between actors elsewhere tell none of these, and the parse shows it:

- a campaign act: what is won, sought, needed, accepted or launched is a thing of the race
  ("pledged to win 300 delegates", "will accept the nomination", "kicked off her campaign");
- a vote or poll result: voters are the subject of "support" ("most voters backed her");
- campaign talk: a candidate thanks or praises voters, supporters or a crowd;
- a position, not an event: support or opposition of a policy or a thing, with no actor in it
  and the target found elsewhere ("supported stem cell research in the Senate");
- a statement, not a demand: "insisted that the plan worked" (but "insisted that talks resume");
- a warning, not a threat: "warned that the rival would ruin the party" (but "warned that it
  would retaliate", "warned the rebels not to advance");
- a declined comment (CAMEO 011), not a rejection: "declined to say", "did not return calls";
- a contest, not violence: harm verbs between candidates ("only she can beat him", "crushed
  his rival", "battling the senator for second place") or for a place in a ranking.
Each check returns a reason when the candidate tells no event, else None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Token

from newsevents.coding.events.acts import actor_headed, named_person
from newsevents.coding.events.frame_table import FrameTable
from newsevents.coding.events.frame_table import children as _children
from newsevents.coding.events.frame_table import prep_objects as _pobjs

# Types a campaign act may be coded as: cooperation, demands, coercion, moves.
CAMPAIGN_TYPES = {
    "REQUEST",
    "AGREE",
    "COERCE",
    "SUPPORT",
    "AID",
    "COOPERATE",
    "MOBILIZE",
    "RETREAT",
    "CONSULT",
    "SANCTION",
    "CONCEDE",  # "conceded the race in Nevada": a candidate's act, no yielding to a demand
}  # not THREATEN or PROTEST: "will boycott the elections" is a threat
GATHERING_DEAL_TYPES = {"COOPERATE", "AGREE"}  # "agreed to two more debates": the calendar
RESULT_TYPES = {"SUPPORT", "REJECT", "AGREE"}  # what voters do to candidates, as told by polls
POSITION_TYPES = {"SUPPORT", "REJECT", "AGREE"}  # AGREE: a told intent to support
ORDINALS = {"first", "second", "third", "fourth", "fifth", "last", "top", "1st", "2nd", "3rd"}
REACH_DEPS = {"xcomp", "ccomp"}  # "pledged to win delegates": the object of the complement
OBJECT_DEPS = {"dobj", "obj", "attr"}
FOR_PREPS = {"for", "in", "throughout", "during", "after"}
SUBJUNCTIVE_AUX = {"should", "must", "shall"}
INDICATIVE_TAGS = {"VBD", "VBZ", "VBP", "VBN"}
FIRST_PERSON = {"i", "we", "us", "me"}
NEGATION_MARKS = {"not", "n't", "never"}
OWNER_ENTS = {"PERSON", "NORP", "GPE"}


FRAMES = FrameTable("verbs/campaign_frames.tsv")  # word (lemma or lower-cased form) -> kinds
kinds = FRAMES.kinds


def ranking(tok: Token) -> bool:
    """A place in a ranking: "second place", "a third-place finish", "first in Iowa"."""
    if "ranking" not in kinds(tok) and tok.lower_ not in ORDINALS:
        return False
    words = [tok, *(c for c in tok.children if c.dep_ in {"amod", "compound", "nummod"})]
    words += [g for w in list(words) for g in w.children if g.dep_ in {"amod", "compound"}]
    return any(w.lower_ in ORDINALS or w.ent_type_ == "ORDINAL" for w in words)


def race_word(tok: Token, violent: Callable[[Token], bool]) -> bool:
    """A thing of an election ("delegates", "the nomination", "her campaign"), not of a war
    ("a bombing campaign", "an air campaign")."""
    if "race" not in kinds(tok) and not ranking(tok):
        return False
    return not any(violent(m) for m in tok.children if m.dep_ in {"amod", "compound", "nmod"})


def _objects(verb: Token) -> list[Token]:
    """The verb's objects, those of its complement ("vowed to win delegates"), and what it is
    for ("vie for the vote", "seeking the nomination"), shared along conjuncts."""
    out = _children(verb, *OBJECT_DEPS) + _pobjs(verb, "for")
    for comp in _children(verb, *REACH_DEPS):
        if comp.pos_ in {"VERB", "AUX"}:
            out += _children(comp, *OBJECT_DEPS) + _pobjs(comp, "for")
    out += [c for o in list(out) for c in o.children if c.dep_ == "conj"]
    out += [p for o in list(out) if o.pos_ in {"NUM", "NOUN"} for p in _pobjs(o, "of")]
    return out  # "hundreds of delegates", "the support of delegates"


def campaign_act(
    c: Any,
    actors: Any,
    violent: Callable[[Token], bool],
    demand: bool,
    event_noun: Callable[[Token], bool] = lambda t: True,
) -> str | None:
    """What the verb wins, seeks, accepts or launches is a thing of the race. Demand verbs
    ("called for new elections") keep their code: a call for a vote is a demand; so does a
    verb done to someone ("congratulated her on her victory") and support of someone's race
    ("endorsed the senator's bid", "welcomed the mayor's election")."""
    trig = c.trigger
    if c.info.plover not in CAMPAIGN_TYPES or trig.pos_ not in {"VERB", "AUX"}:
        return None
    asked = [o for o in _pobjs(trig, "for", "on", "upon") if o.ent_type_ not in {"DATE", "TIME"}]
    asks = asked or _children(trig, "xcomp", "ccomp", "oprd")  # not "for June 5"
    if demand and "hold" in kinds(trig) and not asks:
        # "called a referendum", "called a snap election": a vote set, not a demand of anyone
        if any(race_word(o, violent) for o in _children(trig, "dobj", "obj")):
            return "a vote called, not a demand"
    if demand:
        return None
    objs = _objects(trig)
    races = [o for o in objs if race_word(o, violent)]
    # a thing of the race named by its modifier ("unveiled her campaign ad", "opened an
    # election office"), not an event noun ("election talks")
    races += [
        o
        for o in objs
        if o.pos_ == "NOUN"
        and not event_noun(o)
        and any(race_word(m, violent) for m in _children(o, "compound"))
    ]
    if any(x.lemma_.lower() == "win" for x in _children(trig, *REACH_DEPS)):
        races += _children(trig, *REACH_DEPS)  # "vowed to win his home state"
    if c.info.plover in GATHERING_DEAL_TYPES:
        # a campaign's gatherings traded, agreed to or shared ("traded her big rallies for a
        # town hall", "agreed to two more debates"): the race's calendar, no deal between
        # actors (banning or backing a rally stays: COERCE and SUPPORT are not these types)
        dealt = objs + _pobjs(trig, "to")
        races += [o for o in dealt if o.pos_ == "NOUN" and "gathering" in kinds(o)]
    if not races:
        return None
    if any(o.pos_ == "PRON" or o.ent_type_ == "PERSON" for o in _children(trig, *OBJECT_DEPS)):
        return None
    if c.info.plover == "SUPPORT" and any(
        actors.for_token(t) is not None or t.ent_type_ in OWNER_ENTS or t.tag_ == "PRP$"
        for o in races
        for t in _owners(o)
        if t.dep_ == "poss" or t.head.lower_ == "of"
    ):
        return None
    return "a campaign act, not an event between actors"


def race_objects(verb: Token) -> list[Token]:
    """The verb's objects that are things of an election ("won't hold a vote")."""
    return [o for o in _children(verb, *OBJECT_DEPS) if race_word(o, lambda t: False)]


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def electorate(tok: Token, actors: Any = None, audience: bool = False) -> bool:
    """Voters or supporters (``audience``: or a crowd), or a share of a whole that is not a
    share of political actors ("most", "a majority of those who", "6 in 10 voters"; not "a
    majority of lawmakers")."""
    k = kinds(tok)
    if tok.pos_ != "PROPN" and ("electorate" in k or (audience and "audience" in k)):
        return True
    share = "share" in k or _fraction(tok)  # "6 in 10", "three of four"
    if any(_fraction(n) for n in tok.children if n.dep_ == "nummod"):
        # "about 6 in 10 young men": people counted as a fraction (not "3 of 4 senators")
        share = share or "counted" in k
    wholes = _pobjs(tok, "of", "among")
    if any(electorate(p, actors, audience) for p in wholes if p.i != tok.i):
        return True
    if not share:
        return False
    return not any(_political(actors, t) for w in wholes for t in [w, *w.children])


def _fraction(tok: Token) -> bool:
    """ "6 in 10", "three of four", "one out of five": a number that is a share."""
    return tok.pos_ == "NUM" and any(
        c.dep_ in {"prep", "quantmod"} and c.lower_ in {"in", "of", "out"} for c in tok.children
    )


def _political(actors: Any, tok: Token) -> bool:
    actor = actors.for_token(tok) if actors is not None else None
    return actor is not None and actor.sector not in {"CVL", "PPL", None}


def vote_result(c: Any, actors: Any, source: Any = None) -> str | None:
    """Voters support, back or reject a candidate: a vote or poll result. A pronoun subject
    is read by the side it stands for ("black voters backed her; in Ohio they supported her
    by 40 points")."""
    if c.info.plover not in RESULT_TYPES:
        return None
    verb = c.governor if c.governor is not None else c.trigger
    subj = _subject(verb)
    while subj is None and verb.dep_ == "xcomp" and verb.head is not verb:
        verb = verb.head  # "voters started backing him": the subject of the verb it is under
        subj = _subject(verb)
    if subj is not None and electorate(subj, actors):
        return "a vote or poll result, not an event"
    lefts = [x for x in verb.lefts if x.dep_ != "punct"]
    lefts += [m for x in lefts if x.dep_ == "prep" for m in x.children if m.dep_ == "advmod"]
    if subj is None and any("share" in kinds(x) for x in lefts if x.dep_ in {"advmod", "npadvmod"}):
        return "a vote or poll result, not an event"  # "most in both states supported him"
    if any(race_word(v, lambda t: False) for v in _pobjs(c.trigger, "with")):
        return "a vote or poll result, not an event"  # "supported him with their votes"
    if subj is not None and subj.pos_ == "PRON" and source is not None:
        words = (source.name or "").lower().split()
        if words and "electorate" in FRAMES.table.get(words[-1], frozenset()):
            return "a vote or poll result, not an event"
    return None


def donation(c: Any) -> str | None:
    """Money given to a campaign, a super PAC or a group backing a candidate ("donated $500 to
    the senator's campaign", "gave $2 million to a committee backing her"): a donation, not aid
    between actors."""
    trig = c.trigger
    if c.info.plover not in {"AID", "SUPPORT"} or trig.pos_ != "VERB":
        return None
    verbs = [trig] + ([c.governor] if c.governor is not None else [])
    recipients = [
        r
        for v in verbs
        for p in v.children
        if p.dep_ in {"prep", "dative"} and p.lower_ == "to"
        for r in p.children
        if r.dep_ == "pobj"
    ]
    for rec in recipients:
        words = [rec, *(m for m in rec.children if m.dep_ in {"compound", "amod"})]
        if any(kinds(w) & {"race", "fund"} for w in words):
            return "a donation to a campaign, not aid"
        if any(x.dep_ in {"acl", "relcl"} and "stance" in kinds(x) for x in rec.children):
            return "a donation to a campaign, not aid"  # "a group backing the senator"
    return None


def thanks_to_audience(
    c: Any, contest: bool, town: Callable[[Token], bool] = lambda t: False
) -> str | None:
    """A candidate thanks or praises voters, supporters, a crowd or, in a contest, a state, or
    a town or region (``town``: no country or capital; "thanked Miami", "thanked the voters
    of Ohio", "Thank you, Iowa"): campaign talk."""
    trig = c.trigger
    if c.info.plover != "SUPPORT" or not c.info.cameo.startswith("051"):
        return None
    objs = _children(trig, "dobj", "obj", "npadvmod")
    if trig.dep_ in {"dobj", "ROOT"} and trig.pos_ in {"NOUN", "PROPN"}:
        objs += _children(trig, "compound", "appos")  # "Thank you Georgia" as a noun phrase
    objs += [c for o in list(objs) for c in o.children if c.dep_ in {"conj", "appos"}]
    for o in objs:
        if electorate(o, audience=True) or any(
            electorate(p, audience=True) for p in _pobjs(o, "of")
        ):
            return "thanks to voters or a crowd: campaign talk"
        if (contest or town(o)) and o.ent_type_ in {"GPE", "LOC"}:
            return "thanks to a place in a contest or to a town: campaign talk"
    return None


def race_courtesy(c: Any, source: Any, target: Any, contest: bool, people: bool) -> str | None:
    """A congratulation (``courtesy`` verbs) between people in a race: "congratulated her
    rival on her victory in the primary", "is congratulating his rivals as they battle for
    second place". ``people``: the sides are people, not states or armed groups; ``contest``:
    the sentence tells an election or a poll. A courtesy of the race, not an event between
    actors. Kept: a leader congratulating another country's ("the president congratulated the
    Ruritanian premier on his election victory": the two sides' countries differ)."""
    trig = c.trigger
    if c.info.plover != "SUPPORT" or "courtesy" not in kinds(trig) or not people:
        return None
    countries = {a.country for a in (source, target) if a is not None and a.country}
    if len(countries) > 1:
        return None
    sent = trig.sent
    race = contest or any(
        "race" in kinds(t) or ranking(t) or "rival" in kinds(t) for t in sent if t.i != trig.i
    )
    return "a congratulation between rivals in a race: campaign talk" if race else None


def position(c: Any, actors: Any, person_like: Callable[[Token], bool]) -> str | None:
    """Support or opposition of a policy or a thing ("supported stem cell research", "opposes
    gun violence"), with no actor inside it: a position, not an event between actors, even
    when a target was found elsewhere in the sentence ("in the Senate"). "Opposed the
    president's plan" keeps the president as its target."""
    trig = c.trigger
    if c.info.plover not in POSITION_TYPES or trig.pos_ != "VERB":
        return None  # also "did not support mass deportation", "would support a plan like this"
    if "stance" not in kinds(trig) or c.governor is not None:
        return None  # "rejected the invitation", "vetoed a resolution": acts, not stances
    objs = _children(trig, "dobj", "obj")
    gerunds = [x for x in trig.children if x.dep_ in {"xcomp", "ccomp"} and x.tag_ == "VBG"]
    if not objs and gerunds:  # "did not support issuing quarantines"
        objs = [o for g in gerunds for o in _children(g, "dobj", "obj", "nsubj")]
        if not objs:
            return None
        # "has opposed defunding the clinics' network": the one a policy is done to is its
        # patient, not the target of a stance (one who would do it, the gerund's subject,
        # is checked below: "opposed Iran getting the bomb")
        if all(o.dep_ in {"dobj", "obj"} for o in objs):
            return "a position on a policy (an act named by its gerund), no actor as target"
    if not objs:
        return None
    if any(person_like(o) for o in objs):
        # "the candidates oppose Obama's executive actions": the actor is only the owner
        if held_now(trig) and all(_owned_thing(o, actors) for o in objs):
            return "a position held on an actor's policy, told in the present"
        return None
    for o in objs:
        if any(
            actors.for_token(t) is not None or t.ent_type_ in OWNER_ENTS or t.tag_ == "PRP$"
            for t in _owners(o)
        ):
            if held_now(trig):  # "all the candidates oppose the president's plan"
                return "a position held on an actor's policy, told in the present"
            return None  # "opposed the president's plan", "the ability of lawmakers to"
    return "a position on a policy or a thing, no actor as target"


def _owned_thing(tok: Token, actors: Any) -> bool:
    """A common noun whose actor is only its owner ("Obama's executive actions")."""
    if tok.pos_ != "NOUN" or tok.ent_type_ or actors.for_token(tok) is None:
        return False
    return not actor_headed(tok, actors)


def held_now(verb: Token) -> bool:
    """A verb in the simple present with no auxiliary, in a sentence of the body ("the
    candidates oppose the plan"): a state held, not a step taken ("opposed", "has opposed",
    "is opposing"); a headline's present ("Senator Backs Plan", the first sentence or one
    with no full stop) tells a past act."""
    if _children(verb, "aux", "auxpass"):
        return False
    # the tagger's VB for a finite verb with its own subject ("Democrats applaud")
    finite = verb.tag_ == "VB" and bool(_children(verb, "nsubj")) and verb.dep_ == "ROOT"
    if verb.tag_ not in {"VBP", "VBZ"} and not finite:
        return False
    sent = verb.sent
    return sent.start > 0 and sent[-1].text in {".", '"', "\u201d"}


ATTITUDE_TYPES = {"SUPPORT", "REJECT", "ACCUSE"}


def attitude_of_kind(c: Any) -> str | None:
    """Praise, support or blame told in the simple present of a kind of people, a bare
    plural ("Democrats applaud his management", "critics say", "conservatives oppose the
    plan"): an attitude held, not a step taken by anyone ("the Democrats applauded", "two
    senators oppose" stay)."""
    trig = c.trigger
    if c.info.plover not in ATTITUDE_TYPES or trig.pos_ != "VERB" or not held_now(trig):
        return None
    subj = next(iter(_children(trig, "nsubj")), None)
    if subj is None or subj.tag_ not in {"NNS", "NNPS"}:
        return None
    if any(x.dep_ in {"det", "poss", "nummod", "compound", "amod", "prep"} for x in subj.children):
        return None  # "two senators", "Brazilian police": these people, not a kind
    if "force" in kinds(subj):
        return None  # "police charge the swimmer": a body's step
    return "an attitude held by a kind of people, told in the present"


def race_exit(c: Any) -> str | None:
    """Leaving a race, or a call to leave it ("called for his rivals to drop out", "urged her
    to drop out of the race"): a campaign act (kind ``race_exit``: the verb and its particle),
    not a concession or a demand between actors ("dropped out of the talks" stays)."""
    for verb in {c.trigger, c.governor} - {None}:
        for act in [verb, *_children(verb, "xcomp", "ccomp", "advcl")]:
            particles = [p.lower_ for p in _children(act, "prt")]
            words = {f"{act.lemma_.lower()} {p}" for p in particles}
            if not any("race_exit" in FRAMES.table.get(w, frozenset()) for w in words):
                continue
            others = [o for o in _pobjs(act, "of", "from") if not race_word(o, lambda t: False)]
            if not others:
                return "a race left or a call to leave it, a campaign act"
    return None


ADDRESSEE_PREPS = ("on", "upon", "of", "from")
RELATIVE_TAGS = {"WDT", "WP", "WP$"}  # "called on X", "asked of X", "demanded from X"


def policy_call(
    c: Any,
    actors: Any,
    person_like: Callable[[Token], bool],
    demand: bool,
    event_noun: Callable[[Token], bool],
) -> str | None:
    """A call for a policy or a thing, asked of no one and about no actor ("called for
    increased regulation of banks", "urged a ban on fracking", "demanded more funding for
    schools"): a position told as a call, not a demand made of anyone. Kept: someone asked
    ("called on the council to", "urged the mayor to resign"), an actor in what is asked
    ("called for the release of the prisoners", "demanded the president's resignation"), an
    event or a vote asked for ("demanded immediate elections", "called for a ceasefire", "a
    referendum": ``event_noun``); the caller's side is checked where this is called (a
    state's or a body's call is an appeal)."""
    trig = c.trigger
    if c.info.plover != "REQUEST" or not demand or c.governor is not None:
        return None
    if trig.pos_ != "VERB" or c.layer == "must":
        return None
    objs = _children(trig, "dobj", "obj") + _pobjs(trig, "for")
    if _pobjs(trig, *ADDRESSEE_PREPS) or _children(trig, "dative", "iobj", "ccomp", "oprd"):
        return None
    addressed = _pobjs(trig, "to", "with")  # "pleaded with the guards to free them"
    if any(person_like(t) for t in addressed) or (addressed and _to_infinitives(trig)):
        return None  # "appealing to the warring sides to end it": someone asked
    asked = _children(trig, "nsubjpass")  # "she was asked to hand over the texts"
    if not objs and not asked and _policy_asked(trig, actors, person_like, event_noun):
        return "a call for a policy done to a kind of people or a thing, no one asked"
    if not objs or _children(trig, "xcomp"):
        return None
    if any(o.i < trig.i for o in objs):
        return None  # "'Quiet,' he demanded": the words of a demand made there and then
    for o in objs:
        if o.pos_ not in {"NOUN"} or person_like(o):
            return None  # "urged them", "called for Smith": someone
        if event_noun(o) or race_word(o, lambda t: False):
            return None  # "demanded immediate elections", "called for talks"
        clauses = [x for x in o.children if x.dep_ in {"acl", "relcl", "ccomp"}]
        if any(_children(x, "auxpass") for x in clauses if x.pos_ == "VERB"):
            return None  # "called for the strongholds to be hit": an act, told with its doer
        owners = [t for t in _owners(o) if t.tag_ not in RELATIVE_TAGS]  # not "that", "which"
        if any(
            actors.for_token(t) is not None
            or t.ent_type_ in OWNER_ENTS
            or t.tag_ == "PRP$"
            or person_like(t)
            for t in owners
        ):
            return None  # "the release of the prisoners", "the president's resignation"
    return "a call for a policy, no one asked"


def stance_described(c: Any, official: bool = False) -> str | None:
    """A stance verb as a participle or a fixed phrase: "Assad, opposed by the U.S., held on"
    describes a standing relation; "as opposed to" compares; "activists who are opposed to
    him" hold a stance (a state's or a body's ``official`` stance stays a rejection: "Norway
    is opposed to the plan")."""
    trig = c.trigger
    if "stance" not in kinds(trig) or trig.pos_ not in {"VERB", "ADJ"}:
        return None
    doc = trig.doc
    if trig.i > 0 and doc[trig.i - 1].lower_ == "as" and trig.i + 1 < len(doc):
        if doc[trig.i + 1].lower_ == "to":
            return "a comparison (as opposed to), not an event"
    aux = [x for x in trig.children if x.dep_ in {"aux", "auxpass"}]
    be = any(x.lemma_.lower() == "be" for x in aux) or (
        trig.dep_ == "acomp" and trig.head.lemma_.lower() == "be"
    )
    agent = any(x.dep_ == "agent" for x in trig.children)
    if trig.tag_ == "VBN" and be and _pobjs(trig, "to") and not (agent or official):
        return "a stance held (is opposed to), not an event"  # "voters who are opposed to him"
    if _listed_gerund(trig):
        return "a stance named in a list of issues, not an event"
    head = trig.head if trig.dep_ == "conj" else trig  # "aided by X and opposed by Y"
    if trig.tag_ == "VBN" and head.tag_ == "VBN" and head.dep_ in {"acl", "advcl", "amod"}:
        if not any(x.dep_ in {"aux", "auxpass"} for x in trig.children):
            return "a participle describing a stance"
    return None


def _listed_gerund(trig: Token) -> bool:
    """A stance gerund with no subject, joined to nouns or their phrases ("agreed on three
    issues: lower taxes, a tough line on crime and supporting the police"): an item of an
    agenda, not someone's act ("the mayor, backing the police, ..." has a verb as its head)."""
    if trig.tag_ != "VBG" or trig.dep_ not in {"conj", "appos"}:
        return False
    if any(x.dep_ in {"nsubj", "nsubjpass", "aux"} for x in trig.children):
        return False
    head = trig.head
    while head.dep_ == "conj" and head.head is not head:
        if head.pos_ in {"VERB", "AUX"}:
            return False
        head = head.head
    return head.pos_ in {"NOUN", "PROPN", "ADP"}


def _owners(noun: Token, depth: int = 0) -> list[Token]:
    """Who a thing belongs to or comes from: its possessor or modifier ("the president's
    plan", "the Iranian proposal"), an "of/by/from" phrase, the doer of a participle or
    relative clause ("the sanctions imposed by the council"); not where it is ("in the
    Senate")."""
    out: list[Token] = []
    for c in noun.children:
        if c.dep_ in {"poss", "compound", "amod", "nmod"}:
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in {"of", "by", "from"}:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.append(p)
                    if depth < 2:
                        out += _owners(p, depth + 1)
        elif c.dep_ in {"acl", "relcl"}:
            for a in c.children:
                if a.dep_ == "nsubj":
                    out.append(a)
                elif a.dep_ == "agent":
                    out += [p for p in a.children if p.dep_ == "pobj"]
        elif c.dep_ == "conj" and depth < 2:
            out += _owners(c, depth + 1)
    return out


def _clause_demands(clause: Token) -> bool:
    """A complement that tells something to be done: "should/must", a bare subjunctive
    ("that the talks resume"), or a to-infinitive; not what something must be ("insists the
    movement must be a home for workers")."""
    if clause.lemma_.lower() == "be" and _children(clause, "attr"):
        return False  # "insists the movement must be a home for workers": what it is to be
    auxes = {a.lower_ for a in clause.children if a.dep_ in {"aux", "auxpass"}}
    if auxes & SUBJUNCTIVE_AUX or "to" in auxes:
        return True
    has_subject = any(a.dep_ in {"nsubj", "nsubjpass"} for a in clause.children)
    return clause.tag_ == "VB" and has_subject and not auxes


def request_for_comment(c: Any, say_noun: Callable[[Token], bool]) -> str | None:
    """ "seeking comment", "asked for a response": a reporter's request for words."""
    trig = c.trigger
    if c.info.plover != "REQUEST" or trig.pos_ != "VERB":
        return None
    objs = _children(trig, "dobj", "obj") + _pobjs(trig, "for")
    if objs and all(say_noun(o) for o in objs):
        return "a request for comment, not a demand"
    return None


RALLY_WORDS = {"rally", "rallies", "event", "stop", "appearance"}


def candidate_rally(c: Any) -> str | None:
    """A rally held by one person ("Senator Marsh held three rallies in Iowa", "she will hold a
    rally"), against no one and nothing: a campaign event, not a protest. Crowds, groups and
    parties protest."""
    trig = c.trigger
    if c.info.plover not in {"PROTEST", "THREATEN"}:
        return None
    if trig.pos_ != "NOUN" or trig.lemma_.lower() not in RALLY_WORDS:
        return None
    if _pobjs(trig, "against", "over", "for") or _pobjs(trig.head, "against", "over"):
        return None
    if trig.dep_ == "pobj" and trig.head.lower_ in SETTING_PREPS and c.governor is None:
        said = trig.head.head  # "she said at a rally", not "they clashed during a rally"
        for _ in range(3):  # "said voters shouldn't do it during a rally": up the clauses
            if "speech" in kinds(said) or said.lemma_.lower() in SETTING_SPEECH:
                return "a rally as the setting of what was said, not a protest"
            if said.dep_ not in {"ccomp", "xcomp", "conj"} or said.head == said:
                break
            said = said.head
    holder = c.governor if c.governor is not None else trig.head
    subj = None
    for _ in range(3):  # "touring the state, holding rallies": the subject of the main verb
        subj = next((x for x in holder.children if x.dep_ == "nsubj"), None)
        if subj is not None or holder.dep_ not in {"advcl", "conj", "xcomp"}:
            break
        holder = holder.head
    if subj is None or not (
        subj.ent_type_ == "PERSON" or subj.lower_ in {"he", "she"} or named_person(subj)
    ):
        return None
    return "a candidate's rally, not a protest"


def invited_to_gathering(c: Any) -> str | None:
    """Someone invited to a campaign's or a party's gathering ("invited the singer to appear
    at the convention", "invited her to the debate"): a guest of the race, not a request or
    talks between actors (an invitation to talks or a summit stays one)."""
    trig = c.trigger
    if c.info.plover not in {"REQUEST", "CONSULT"} or "invite" not in kinds(trig):
        return None
    if trig.pos_ not in {"VERB", "NOUN"}:
        return None
    where = _pobjs(trig, "to", "at", "for")
    for comp in _children(trig, "xcomp", "acl"):  # "invited him to speak at the rally"
        where += _pobjs(comp, "to", "at", "during")
    mods = [m for w in where for m in _children(w, "compound", "amod")]
    if any("gathering" in kinds(w) or race_word(w, lambda t: False) for w in where + mods):
        return "an invitation to a campaign gathering, not an event between actors"
    return None


PURPOSE_DEPS = {"xcomp", "advcl"}  # "flew to Ohio to campaign", "visited Iowa, holding a rally"


def campaign_trip(c: Any) -> str | None:
    """A trip made for the race: its "for" phrase, its purpose clause or the participle told
    with it names a campaign's gathering or the race ("flew to Denver for party fundraisers",
    "visited Iowa on Friday, holding a rally", "travelled to Ohio to campaign for her"): a
    campaign stop, not a visit between actors ("visited Peru for talks" stays)."""
    trig = c.trigger
    if c.info.plover != "CONSULT" or not c.info.cameo.startswith("042") or trig.pos_ != "VERB":
        return None
    acts = [x for x in _children(trig, *PURPOSE_DEPS) if x.pos_ == "VERB"]
    things = _pobjs(trig, "for") + [
        o for a in acts for o in _children(a, "dobj", "obj") + _pobjs(a, "for", "at")
    ]
    words = [*acts, *things, *(m for t in things for m in _children(t, "compound"))]
    if any("gathering" in kinds(w) or race_word(w, lambda t: False) for w in words):
        return "a trip for the race, not a visit between actors"
    return None


SETTING_PREPS = {"at", "during", "after", "before", "following", "ahead"}
SETTING_SPEECH = {"tell", "add", "declare", "announce", "promise", "vow", "claim", "joke"}
AUDIENCE_PREPS = {"to", "with"}


def talk_to_audience(c: Any) -> str | None:
    """A candidate talks to, writes to or meets voters, supporters or a crowd ("is talking to
    voters about health care", "sent a text message to his supporters"): campaign talk, not a
    consultation between actors."""
    trig = c.trigger
    if c.info.plover != "CONSULT" or trig.pos_ != "VERB":
        return None
    heard = _children(trig, "dobj", "obj", "dative") + _pobjs(trig, *AUDIENCE_PREPS)
    for obj in _children(trig, "dobj", "obj"):
        heard += _pobjs(obj, *AUDIENCE_PREPS)  # "sent a message to his supporters"
    heard = [h for h in heard if h.pos_ in {"NOUN", "PROPN", "PRON"}]
    if heard and any(electorate(h, audience=True) for h in heard):
        return "talk to voters or a crowd: campaign talk"
    return None


CALL_PREPS = {"for", "on", "upon"}


def _to_infinitives(verb: Token) -> list[Token]:
    """The verb's to-infinitive complements ("called to ban", "appealed to them to stop")."""
    return [
        x
        for x in _children(verb, "xcomp")
        if x.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)
    ]


def _policy_asked(
    verb: Token, actors: Any, person_like: Callable[[Token], bool], event_noun: Callable
) -> bool:
    """The act a call asks for, told by a verb with no doer of its own ("called to deport
    all refugees", "called for temporarily barring all immigrants"), done only to a kind of
    people (a bare plural, or "all" of them) or to things: a policy, not a demand made of
    anyone ("called to release the two reporters", "called to meet the rebels" stay)."""
    acts = _to_infinitives(verb)
    acts += [
        p
        for f in verb.children
        if f.dep_ == "prep" and f.lower_ == "for"
        for p in f.children
        if p.dep_ == "pcomp" and p.pos_ == "VERB"
    ]
    if len(acts) != 1 or _children(acts[0], "nsubj", "nsubjpass", "ccomp", "xcomp"):
        return False
    done_to = _children(acts[0], "dobj", "obj")
    if not done_to:
        return False
    for o in done_to:
        if _kind_of_people(o, actors):
            continue
        if o.pos_ != "NOUN" or person_like(o) or event_noun(o) or race_word(o, lambda t: False):
            return False
        if any(actors.for_token(t) is not None or t.tag_ == "PRP$" for t in _owners(o)):
            return False  # "to lift the sanctions on Iran": an actor in what is asked
    return True


KIND_DETS = {"all", "any", "more", "fewer"}
# the sectors of people a policy is done to by kind: refugees, migrants, a faith, civilians
KIND_SECTORS = {"REF", "IMG", "MUS", "REL", "CVL", "PPL", "CRM"}


def _kind_of_people(tok: Token, actors: Any) -> bool:
    """A bare plural of people, or "all" of them ("refugees", "all Muslims", "illegal
    immigrants"), not these people ("the two reporters", "its citizens") nor a body of a
    state ("Iranian officials")."""
    if tok.tag_ not in {"NNS", "NNPS"}:
        return False
    for x in tok.children:
        if x.dep_ in {"det", "predet"} and x.lower_ not in KIND_DETS:
            return False
        if x.dep_ in {"poss", "nummod"}:
            return False
    actor = actors.for_token(tok)
    return actor is not None and actor.sector in KIND_SECTORS and not actor.country


def name_calling(c: Any) -> str | None:
    """ "called the report a smear", "called him divisive": "call" with no "for" or "on" and
    no particle names or judges; "called for talks" and "called on Iran to" are demands."""
    trig = c.trigger
    if c.info.plover != "REQUEST" or trig.lemma_.lower() != "call" or trig.pos_ != "VERB":
        return None
    if any(x.dep_ == "prt" for x in trig.children) or _pobjs(trig, *CALL_PREPS):
        return None
    if any(x.dep_ == "prep" and x.lower_ in CALL_PREPS for x in trig.children):
        return None
    if not _children(trig, "dobj", "obj"):
        return None  # "called for the camps to be hit": "for" marks the clause
    for clause in _children(trig, "ccomp", "advcl", "xcomp"):
        if any(m.dep_ == "mark" and m.lower_ in CALL_PREPS for m in clause.children):
            return None
    return "names or judges someone, not a demand"


def asked_to_say(c: Any, question: bool) -> str | None:
    """ "was asked to name a decision", "asked her to explain the vote": a question put, not
    an act asked for."""
    trig = c.trigger
    if c.info.plover != "REQUEST" or not question or trig.pos_ != "VERB":
        return None
    comps = [x for x in trig.children if x.dep_ in {"xcomp", "ccomp"} and x.pos_ == "VERB"]
    if comps and all("speech" in kinds(x) and x.lemma_.lower() not in OBJECT_ACTS for x in comps):
        return "a question put, not an act asked for"
    return None


OBJECT_ACTS = {"return", "give", "provide"}  # speech only when what is returned is words


def statement(c: Any) -> str | None:
    """A demand coded from a verb of asserting whose clause says what is, not what must be
    done ("insisted that the plan worked"; "insisted on talks" and "insisted that the talks
    resume" stay demands)."""
    trig = c.trigger
    if c.info.plover != "REQUEST" or "assert" not in kinds(trig) or trig.pos_ != "VERB":
        return None
    if _pobjs(trig, "on", "upon") or _children(trig, "xcomp"):
        return None
    clauses = _children(trig, "ccomp")
    if clauses and any(_clause_demands(cl) for cl in clauses):
        return None
    return "a statement, not a demand"


def _same_side(subj: Token, source_tok: Token | None) -> bool:
    if subj.lower_ in FIRST_PERSON:
        return True
    if source_tok is None:
        return subj.pos_ == "PRON"
    if subj.pos_ == "PRON":  # "he", "it"; not "nobody", "everyone"
        person = source_tok.lower_ in {"he", "she"} or source_tok.ent_type_ == "PERSON"
        if subj.lower_ == "it" and person:
            return False  # "she warned: it won't come soon": no act of her own
        return subj.tag_ == "PRP" and subj.lower_ not in {"you"}
    return subj.lower_ == source_tok.lower_ or subj.i == source_tok.i


def warning(c: Any, actors: Any) -> str | None:
    """A THREATEN coded from "warn" whose clause tells what others may do or what may happen
    ("warned that the rival would ruin the party", "warned of a long battle"): a warning, not
    a threat. Kept: the source's own act ("warned that it would retaliate"), someone warned
    ("warned the rebels not to advance", "warned Iran"), an event of harm warned of."""
    trig = c.trigger
    if c.info.plover != "THREATEN" or "warn" not in kinds(trig) or trig.pos_ != "VERB":
        return None
    if _children(trig, "dobj", "obj", "dative", "xcomp"):
        return None
    source_tok = _subject(trig)
    for clause in _children(trig, "ccomp"):
        subj = next((s for s in clause.children if s.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and _same_side(subj, source_tok):
            return None  # "warned that it would retaliate"
        if subj is not None and (_force(actors.for_token(subj)) or "force" in kinds(subj)):
            if clause.lemma_.lower() not in COGNITION:
                return None  # "cautioned that the army would not allow the march"
    if any(
        p.pos_ in {"NOUN", "PROPN"} and p.lemma_.lower() in THREAT_NOUNS for p in _pobjs(trig, "of")
    ):
        return None
    return "a warning of what may happen, not a threat"


# what a force knows or thinks is no act of it: "warned that officers understand the risk"
COGNITION = {"understand", "know", "believe", "think", "feel", "see", "realize", "say", "fear"}
FORCE_SECTORS = {"GOV", "MIL", "COP", "SPY", "REB", "INS", "UAF"}


def _force(actor: Any) -> bool:
    """A state or an armed or governing body, whose act a warning may threaten."""
    return actor is not None and (
        actor.how in {"country", "capital"} or actor.sector in FORCE_SECTORS
    )


THREAT_NOUNS = {
    "retaliation",
    "consequence",
    "sanction",
    "action",
    "response",
    "reprisal",
    "strike",
    "attack",
    "force",
    "war",
}


def _refused(trig: Token) -> Token | None:
    """The act refused or negated: the complement of "declined/refused to X", or the verb."""
    comp = next((x for x in trig.children if x.dep_ == "xcomp" and x.pos_ == "VERB"), None)
    return comp if comp is not None else trig


def _names_as(verb: Token) -> bool:
    """ "call the shooting an act of terror": a verb of naming with its thing and the name."""
    if "name_as" not in kinds(verb):
        return False
    return bool(_children(verb, "oprd")) or len(_children(verb, "dobj", "obj")) >= 2


def declined_comment(c: Any) -> str | None:
    """A refusal to say, comment, discuss or answer, or unreturned calls: declining comment
    (CAMEO 011), which PLOVER codes as no event."""
    if c.info.plover != "REJECT":
        return None
    trig = c.trigger if c.governor is None else c.governor
    act = _refused(trig)
    if act is not None and act.i != trig.i and _names_as(act):
        return "a name refused (what to call a thing): a statement, not a rejection"
    if act is None or "speech" not in kinds(act):
        return None
    lemma = act.lemma_.lower()
    if lemma in {"return", "give", "provide"}:  # "did not return calls", "gave no answer"
        objs = _children(act, "dobj", "obj")
        if not any(
            "message" in kinds(o) or o.lemma_.lower() in {"answer", "comment"} for o in objs
        ):
            return None
    elif lemma in {"address", "name", "identify"} and act.i == trig.i:
        return None  # "did not address the chamber": a snub, told as such
    if act.i == trig.i and not any(
        x.dep_ == "neg" or x.lower_ in NEGATION_MARKS for x in act.children
    ):
        return None
    return "a declined comment, not a rejection"


def contest(
    c: Any, people: bool, violence_here: bool, armed: bool, harm_word: bool = True
) -> str | None:
    """A verb of harm between candidates, or for a place in a ranking, with no one armed and
    no word of violence in its sentence: a contest ("only she can beat him", "crushed his
    rival in the primary", "fighting for second place"). ``harm_word``: the trigger is a word
    of violence ("attack", "fight"); a THREATEN told by another verb is no contest."""
    trig = c.trigger
    if c.info.plover not in {"ASSAULT", "THREATEN"} or armed or violence_here:
        return None
    if trig.pos_ not in {"VERB", "AUX"} or c.governor is not None:
        return None
    if not (harm_word or "contest_verb" in kinds(trig)):
        return None  # "will boycott the elections": a threat, told by no verb of harm
    phrase = [*_objects(trig), *_pobjs(trig, *FOR_PREPS)]
    if any(ranking(t) or ("race" in kinds(t) and t.lemma_.lower() != "win") for t in phrase):
        return "a contest for a place or a race, not violence"
    if "contest_verb" in kinds(trig) and people:
        return "candidates competing, not violence"
    if people and not _children(trig, *OBJECT_DEPS) and _pobjs(trig, "about", "over", "for"):
        return "a quarrel or a cause between people, not violence"  # "fighting about the law"
    return None


def _advert(tok: Token | None) -> bool:
    return tok is not None and tok.pos_ in {"NOUN", "PROPN"} and "advert" in kinds(tok)


def campaign_ad(c: Any) -> str | None:
    """A campaign's paid message: an ad made or aired ("unveiled her first campaign ad"), an ad
    that speaks ("the new commercial slams the governor"), or what an ad does ("ran ads
    supporting Roe and attacking Hale"). Campaign acts, not events between actors."""
    trig = c.trigger
    if trig.pos_ != "VERB":
        return None
    if any(_advert(o) for o in _children(trig, "dobj", "obj")):
        return "a campaign ad made or aired: a campaign act"
    if any(_advert(s) for s in _children(trig, "nsubj")):
        return "what a campaign ad says: campaign talk"
    head = trig
    while head.dep_ == "conj" and head.head != head:
        head = head.head  # "ads supporting Roe and attacking Hale"
    if head.dep_ in {"acl", "relcl"} and _advert(head.head):
        return "what a campaign ad does: campaign talk"
    return None


def held_sentiment(c: Any) -> str | None:
    """A feeling held ("has long admired the president", "always valued a strong Britain"):
    an attitude, not a step taken toward anyone."""
    trig = c.trigger
    if c.info.plover not in POSITION_TYPES | ATTITUDE_TYPES or trig.pos_ != "VERB":
        return None
    if "sentiment" not in kinds(trig):
        return None
    return "a sentiment held, not an act"


def generic_passive(c: Any, source: Any) -> str | None:
    """Praise or blame in the passive with no one doing it ("was lambasted as an insider"):
    talk about someone, no one's act. With a doer ("was criticized by the mayor") or a source
    found elsewhere it stays; so does one asked ("has been asked to hand over the texts")."""
    trig = c.trigger
    if source is not None or trig.pos_ != "VERB" or "opinion" not in kinds(trig):
        return None
    if not _children(trig, "auxpass", "nsubjpass") or _children(trig, "agent"):
        return None
    return "a passive of praise or blame with no one doing it: generic talk"


def gathering_threat(c: Any) -> str | None:
    """A threat to skip or leave a campaign's gathering ("threatened not to show up to the
    next debate", "threatened to skip the convention"): the race's calendar, a campaign act
    (a threat to boycott an election or to attack a rally is no such thing: an election is
    not a gathering, and "threatened to storm the rally" is a threat of harm)."""
    trig = c.trigger
    if c.info.plover != "THREATEN" or trig.pos_ != "VERB":
        return None
    for act in _children(trig, "xcomp", "ccomp"):
        if act.pos_ != "VERB" or "attend" not in kinds(act):
            continue  # "threatened to storm the rally": harm, not absence
        things = _children(act, "dobj", "obj") + [
            o for p in _children(act, "prep", "prt") for o in _children(p, "pobj")
        ]
        if any(o.pos_ == "NOUN" and "gathering" in kinds(o) for o in things):
            return "a threat to skip a campaign gathering: a campaign act"
    return None

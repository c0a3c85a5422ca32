"""Which time expression modifies an event's trigger, read from the dependency tree.

Only expressions syntactically tied to the trigger count: its own modifiers and prepositional
phrases, the clause it heads, a "when" clause or relative clause that belongs to it. Not the
time of a reporting verb ("officials said Friday that rebels attacked the post Thursday":
Thursday for the attack, Friday for the statement), of a background clause, of another noun
("as a May 1 deadline looms") or of a comparison ("sales rose from $2 million a year ago").

Every attachment is named (``how``) so an analyst can check which rule linked the date.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsevents.data import load_lines, reporting_verbs
from newsevents.dates.tense import adjacent_verb, time_noun_of, verb_tense
from newsevents.models import Event, TimeExpr
from newsevents.nlp import ParsedArticle

DATED_TYPES = ("DATE", "TIME")
# event types done by speaking: without a time of their own, dated by the reporting verb
VERBAL = {"REJECT", "ACCUSE", "REQUEST", "THREATEN"}
# a time that pre-modifies a noun dates that noun, not the clause: "a May 1 deadline"
# ("Monday's call" (poss) and "talks on Monday" (prep) still date the clause)
NOUN_MODIFIER_DEPS = {"compound", "nmod", "amod", "nummod", "appos"}
PREMODIFIER_DEPS = NOUN_MODIFIER_DEPS | {"poss"}
# words that open a comparison: the time after them is the baseline's, not the event's
BASELINE_WORDS = {"from", "than", "versus", "vs.", "over"}
BASELINE_LEMMAS = {"compare", "contrast"}
# a time counted back from another: "a year ago", "a year earlier", "the year-earlier period"
# ("from last Monday" may be a start point, so "last" is not one)
BACKWARD = re.compile(r"\b(?:ago|earlier|previous|prior|year-(?:earlier|ago))\b", re.I)
# subordinators of a clause simultaneous with its main clause
SIMULTANEOUS_MARKS = {"when", "while", "as"}
SENTENCE_OPENING_PREPS = {"in", "on", "during", "at", "by", "since", "until", "through", "for"}
# "killed in the 1998 bombing": the trigger is part of the dated noun's episode ...
EPISODE_PREPS = {"in", "during"}
# ... unless it is a legal or verbal step about it ("charged in the 1998 bombing")
NOT_EPISODE_TYPES = {"COERCE", "ACCUSE", "DISCLOSE", "REQUEST", "REJECT", "THREATEN"}
# words before a date set off by commas that make it a noun's premodifier ("the May 2, 2019,
# raid", "its June 1, 2020, vote")
WEDGE_DETERMINERS = {"the", "a", "an", "this", "that", "its", "their", "his", "her"}


@dataclass(frozen=True)
class Link:
    """How a time expression is tied to a trigger: ``score`` 3 (its own), 2 (its clause),
    1 (weaker: a verb above it, another noun's phrase, a "when" clause), 0 none; ``how`` names
    the rule (the ``date_how`` of the event)."""

    score: int
    how: str


NONE = Link(0, "")


@functools.lru_cache(maxsize=1)
def report_verbs() -> frozenset[str]:
    return reporting_verbs("dates_anchor")


@functools.lru_cache(maxsize=1)
def aspect_verbs() -> frozenset[str]:
    return frozenset(load_lines("dates/aspect_verbs.txt"))


@functools.lru_cache(maxsize=1)
def reaction_verbs() -> frozenset[str]:
    """Verbs of reaction to an act ("condemned", "is investigating"): the act's time is not
    theirs (the event coder's list, coding/events/reactions.py)."""
    return frozenset(w.lower() for w in load_lines("verbs/reaction_verbs.txt"))


def _reacts_to(noun: Token, trigger: Token) -> bool:
    """ "condemned Friday's raid": the trigger reacts to the act its object names."""
    return (
        noun.head == trigger
        and noun.dep_ in ("dobj", "obj")
        and trigger.lemma_.lower() in reaction_verbs()
    )


def span_of(parsed: ParsedArticle, start: int, end: int) -> Span | None:
    return parsed.span_at(start, end)


def clause_verb(tok: Token) -> Token:
    """Nearest verb at or above a token (the trigger's clause)."""
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.head == t:
            return t
        t = t.head
    return tok


def wedged_noun(time: Span) -> Token | None:
    """ "charged in the March 3, 2009, bombing of a ferry": a full date set off by commas
    between a determiner and a noun describes that noun, however the parser hung it (it
    often makes the date the phrase's head and the noun an object of the main verb)."""
    doc = time.doc
    if time.start == 0 or time.end + 1 >= len(doc) or doc[time.end].text != ",":
        return None
    before = doc[time.start - 1]
    if before.lower_ not in WEDGE_DETERMINERS and before.tag_ != "PRP$":
        return None
    if not any(t.like_num and len(t.text) == 4 for t in time) or "," not in time.text:
        return None  # "the March 3, 2009, bombing": a day and its year, not "the May, the"
    noun = doc[time.end + 1]
    for _ in range(4):  # "the June 2, 2011, car bombing": up the compound to its noun
        if noun.dep_ != "compound" or noun.head.i <= noun.i:
            break
        noun = noun.head
    return noun if noun.pos_ == "NOUN" else None


def premodifies_noun(time: Span) -> bool:
    """ "said Friday's talks failed", "to release third-quarter results": the expression
    describes the noun after it, whatever verb stands before it."""
    if wedged_noun(time) is not None:
        return True
    root = time.root
    h = root.head
    return (
        root.dep_ in PREMODIFIER_DEPS
        and h not in time
        and h.i > root.i
        and h.pos_ in ("NOUN", "PROPN")
        # "took effect Aug. 9 pending approval": a participle between them opens another phrase
        and not any(t.pos_ == "VERB" for t in time.doc[time.end : h.i])
    )


def _when_relative(time: Span, clause: Token) -> bool:
    """ "since August, when shares traded at $10": a "when" clause of the time itself, also
    where the parser hangs it on the main verb ("Unlike Monday, when crowds were arrested,
    the streets were calm Tuesday": the clause opens right after the time and its comma)."""
    while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head  # "when crowds were arrested and police fired tear gas"
    if clause.dep_ not in ("relcl", "advcl", "acl"):
        return False
    whens = [c for c in clause.children if c.lower_ in ("when", "where") and c.dep_ == "advmod"]
    if not whens:
        return False
    if clause.head in time:
        return True
    doc, i = time.doc, whens[0].i - 1
    while i >= time.end and doc[i].is_punct:
        i -= 1
    return i == time.end - 1 and whens[0].i == clause.left_edge.i and doc[time.end].is_punct


def _simultaneous_clause(verb: Token, clause: Token) -> bool:
    """ "soldiers were killed when helicopters crashed last February": the time of a "when"
    clause of the trigger's clause holds for it too."""
    return (
        verb.dep_ == "advcl"
        and verb.head == clause
        and any(
            c.lower_ in SIMULTANEOUS_MARKS and c.dep_ in ("mark", "advmod") for c in verb.children
        )
    )


def _episode_of(noun: Token, trigger: Token) -> bool:
    """ "wounded in the 1995 shooting", "took part in the 2019 talks": the trigger happened in
    (during) the dated noun's episode."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in EPISODE_PREPS
        and prep.head == trigger
        and trigger.pos_ == "VERB"
    )


def _subject_event(noun: Token, trigger: Token) -> bool:
    """ "The March 3 bombings killed 40": the subject is a dated event (no one's name) and the
    trigger tells what it did, in the past, so it happened then."""
    return (
        noun.dep_ in ("nsubj", "nsubjpass")
        and noun.head == trigger
        and noun.pos_ == "NOUN"
        and not noun.ent_type_
        and trigger.pos_ == "VERB"
        and trigger.tag_ == "VBD"
    )


def attachment(time: Span, trigger: Token, episode: bool = False) -> Link:
    """How closely a time expression modifies the trigger (see :class:`Link`); with
    ``episode``, a date that describes a noun the trigger happened in counts ("was wounded in
    the 1995 shooting"), which is not so for legal steps ("charged in the 1995 shooting")."""
    clause = clause_verb(trigger)
    if _when_relative(time, clause):
        return Link(3, "when-clause of the time")
    wedged = wedged_noun(time)
    if wedged is not None:
        return _noun_link(wedged, clause, trigger, episode)
    near = None if premodifies_noun(time) else adjacent_verb(time)
    if near is not None:  # "said on Thursday he would ...": the time is the saying's
        if near == trigger:
            return Link(3, "modifies the trigger")
        return _verb_link(near, clause, trigger, False)
    t = time.root
    weak = False
    through_number = False
    for _ in range(10):
        h = t.head
        if h == t:
            return NONE
        if h == trigger:
            return Link(1, "through another noun") if weak else Link(3, "modifies the trigger")
        if _baseline_word(h, through_number) or _baseline_time(time, t, h):
            return NONE  # "rose to $9 million from $7 million a year earlier"
        if h.pos_ in ("VERB", "AUX"):
            return _verb_link(h, clause, trigger, weak)
        if h.pos_ in ("NOUN", "PROPN") and _relative_of(clause, h):
            return Link(2, "relative clause of a dated noun")  # "the Feb. 2 accord signed by"
        if t == time.root and t.dep_ == "poss" and h.pos_ == "NOUN" and _reacts_to(h, trigger):
            return NONE  # "is investigating Friday's raid": the raid's day, not the inquiry's
        if h.pos_ in ("NOUN", "PROPN", "PRON") and h not in time and t.dep_ in NOUN_MODIFIER_DEPS:
            if t != time.root:
                return NONE
            return _noun_link(h, clause, trigger, episode)
        if h.pos_ in ("NOUN", "PROPN") and h not in time and t.dep_ == "prep":
            weak = weak or not time_noun_of(h)  # "on the night of Oct. 23" is a time
        if h.pos_ == "NUM" or h.tag_ == "$":
            through_number = True
        t = h
    return NONE


def _noun_link(noun: Token, clause: Token, trigger: Token, episode: bool) -> Link:
    """The link of a time that describes ``noun`` (its premodifier) to the trigger."""
    if noun == trigger:
        return Link(3, "modifies the trigger")
    if _relative_of(clause, noun):
        return Link(2, "relative clause of a dated noun")
    if episode and _episode_of(noun, trigger):
        return Link(1, "the episode it happened in")
    if episode and _subject_event(noun, trigger):
        return Link(2, "the subject event's time")
    return NONE  # "a May 1 deadline": the date describes another noun


def _baseline_word(h: Token, through_number: bool) -> bool:
    """ "compared with", or "from"/"than" with an amount ("from $7 million a year ago")."""
    if h.lemma_.lower() in BASELINE_LEMMAS:
        return True
    if h.lower_ not in BASELINE_WORDS:
        return False
    return through_number or any(
        c.dep_ == "pobj"
        and (c.pos_ == "NUM" or c.like_num or any(g.tag_ == "$" for g in c.children))
        for c in h.children
    )


def _baseline_time(time: Span, t: Token, h: Token) -> bool:
    """The time itself is what is compared with: "lower than a year ago", and a time counted
    back from another ("profit grew 12% from a year ago", "narrowed from the year-earlier
    quarter"); not a start point ("in force from Monday")."""
    if t != time.root or t.dep_ not in ("pobj", "pcomp"):
        return False
    word = h.lower_
    return word == "than" or word == "from" and bool(BACKWARD.search(time.text))


def is_baseline(time: Span) -> bool:
    """The time is a comparison's baseline: "from $7 million a year earlier", "compared with
    a loss last year"."""
    t, through_number = time.root, False
    for _ in range(10):
        h = t.head
        if h == t or h.pos_ in ("VERB", "AUX") and h.lemma_.lower() not in BASELINE_LEMMAS:
            return False
        if _baseline_word(h, through_number) or _baseline_time(time, t, h):
            return True
        if h.pos_ == "NUM" or h.tag_ == "$":
            through_number = True
        t = h
    return False


def _relative_of(clause: Token, noun: Token) -> bool:
    """The clause tells what the noun was: "the clashes on Monday that killed 12", "the
    Feb. 2 accord signed by both", and a verb coordinated with that clause ("the 2019 shelling
    that killed two and wounded six"); not an infinitive ("a June 3 deadline to leave")."""
    while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    head = clause.head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head == noun:
        head = noun  # "the 2019 shelling of a school that wounded six": the shelling's clause
    return (
        clause.dep_ in ("relcl", "acl")
        and head == noun
        and not any(c.lower_ == "to" and c.dep_ == "aux" for c in clause.children)
    )


def gapped_conjunct(verb: Token) -> Token | None:
    """ "Three were killed and 12 wounded in a strike on Friday": a participle coordinated with
    a passive one, its auxiliary left out, tells the same moment, so its phrases are told of
    both (the parser may also hang it on the number as a noun's participle). The verb it is
    coordinated with, or None."""
    head = verb.head
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    if verb.dep_ == "acl" and head.pos_ == "NUM" and head.dep_ == "conj":
        head = head.head
    elif verb.dep_ != "conj":
        return None
    if head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in head.children):
        return head
    return None


def _verb_link(verb: Token, clause: Token, trigger: Token, weak: bool) -> Link:
    """The time hangs from ``verb``: 2 if that is the trigger's clause; 2 for a verb that
    tells the trigger noun ("remarks made last week") or an aspect verb's complement ("began
    raising its stake in July"); 1 for a "when" clause of the trigger's clause or a verb that
    governs the clause without a reported-speech edge ("arrested ... and charged them on
    Tuesday"); else 0."""
    if verb == clause:
        return Link(1, "through another noun") if weak else Link(2, "the trigger's clause")
    if gapped_conjunct(verb) == clause:
        return Link(1, "shared with the coordinate clause")
    if verb.dep_ in ("acl", "relcl") and verb.head == trigger:
        return Link(2, "clause of the trigger noun")
    if verb.dep_ == "xcomp" and verb.head == clause and clause.lemma_.lower() in aspect_verbs():
        return Link(2, "complement of an aspect verb")
    if _simultaneous_clause(verb, clause):
        return Link(1, "when-clause")
    c = clause
    for _ in range(6):
        if c.head == c or c.dep_ in ("ccomp", "parataxis", "relcl"):
            return NONE
        c = c.head
        if c == verb:
            return Link(1, "governing verb")
    return NONE


def _sentence_opening(time: Span, trigger: Token) -> Link:
    """ "In 1991, the banker was convicted ...": a time that opens the sentence (alone or
    after a preposition) sets the time of the main clause, even where the parser hangs it
    elsewhere; not of reported, relative or subordinate clauses."""
    sent, doc = time.sent, time.doc
    i = sent.start
    while i < sent.end and (doc[i].is_punct or doc[i].is_space):
        i += 1
    if i < sent.end and doc[i].lower_ in SENTENCE_OPENING_PREPS and doc[i].pos_ == "ADP":
        i += 1
    if time.start != i or time.end >= sent.end:
        return NONE
    after = doc[time.end]
    if after.pos_ in ("NOUN", "PROPN") and after.dep_ not in ("nsubj", "nsubjpass", "compound"):
        return NONE  # "In 1991 elections, ..."
    c = clause_verb(trigger)
    for _ in range(6):
        if c.head == c:
            return Link(1, "opens the sentence")
        if c.dep_ not in ("conj",):
            return NONE
        c = c.head
    return NONE


def names_another_noun(trigger: Token) -> bool:
    """A noun trigger that premodifies another noun ("bombing victims", "the attack site")
    names an event the sentence does not tell: the clause's time is not its time."""
    h = trigger.head
    return (
        trigger.pos_ == "NOUN"
        and trigger.dep_ in ("compound", "nmod")
        and h.i > trigger.i
        and h.pos_ in ("NOUN", "PROPN")
    )


def find_trigger(parsed: ParsedArticle, event: Event) -> Token | None:
    trig = event.trigger or {}
    if trig.get("start") is None or trig.get("end") is None:
        return None
    span = span_of(parsed, int(trig["start"]), int(trig["end"]))
    return span.root if span is not None and len(span) else None


def speech_verb(trigger: Token) -> Token | None:
    """The reporting verb a clause is said under: "'We can't take part', Naeem said"; not a
    reporting verb used otherwise ("added $20 million to its reserves")."""
    t = clause_verb(trigger)
    for _ in range(4):
        if t.head == t:
            return None
        h = t.head
        if (
            t.dep_ in ("ccomp", "parataxis")
            and h.lemma_.lower() in report_verbs()
            and not any(c.dep_ == "dobj" for c in h.children)
        ):
            return h
        t = h
    return None


def _candidates(event: Event, times: list[TimeExpr], resolved_only: bool) -> list[TimeExpr]:
    trig_start = (event.trigger or {}).get("start", -1)
    return [
        t
        for t in times
        if t.type in DATED_TYPES
        and event.sentence_start <= t.start
        and t.end <= event.sentence_end
        and not (event.trigger and t.start <= trig_start < t.end)
        and (t.date is not None or not resolved_only)
    ]


def _best(
    parsed: ParsedArticle, cands: list[TimeExpr], trigger: Token, anchor: int, episode: bool
) -> tuple[TimeExpr | None, Link]:
    scored = []
    for t in cands:
        span = span_of(parsed, t.start, t.end)
        if span is None or not len(span):
            continue
        link = attachment(span, trigger, episode)
        if link.score:
            scored.append((-link.score, abs(t.start - anchor), t, link))
    if not scored:
        for t in cands:
            span = span_of(parsed, t.start, t.end)
            if span is not None and len(span):
                link = _sentence_opening(span, trigger)
                if link.score:
                    return t, link
        return None, NONE
    scored.sort(key=lambda s: (s[0], s[1]))
    return scored[0][2], scored[0][3]


def best_time(
    event: Event, parsed: ParsedArticle, times: list[TimeExpr], resolved_only: bool = False
) -> tuple[TimeExpr | None, Link]:
    """The time expression of the event's sentence tied to its trigger, and how (see
    :class:`Link`); (None, NONE) when there is none. A verbal event (a refusal, an accusation)
    is dated when it is said, unless its own clause tells a past day of its own."""
    cands = _candidates(event, times, resolved_only)
    if not cands:
        return None, NONE
    trigger = find_trigger(parsed, event)
    if trigger is None:
        return (cands[0], Link(1, "only time of the sentence")) if len(cands) == 1 else (None, NONE)
    anchor = (event.trigger or {}).get("start", 0)
    t, link = _best(parsed, cands, trigger, anchor, event.plover not in NOT_EPISODE_TYPES)
    if link.score < 3 and names_another_noun(trigger):
        return None, NONE  # "paid tribute on Tuesday to bombing victims": not Tuesday's bombing
    if event.plover not in VERBAL:
        return t, link
    speech = speech_verb(trigger)
    if speech is None:
        return t, link
    if link.score >= 2 and verb_tense(clause_verb(trigger)) == "past":
        return t, link  # "'We rejected the offer on Monday,' he said": the refusal's own day
    # "'We cannot attend the talks on 16 April,' he said on Monday": 16 April is the talks'
    st, slink = _best(parsed, cands, speech, parsed.char_span(speech)[0], False)
    if slink.score >= 2:
        return st, Link(slink.score, "reporting verb of a verbal event")
    return t, link

"""The narrative time: when a told past event with no time of its own happened.

News tells a past episode in several sentences and names its day once: "Rebels attacked the
town on Tuesday. They burned the market and took twelve hostages." The second sentence's
events are Tuesday's, not the publication day's. An asserted event in the simple past with no
time expression of its own takes the last past time named in its sentence (when that time is
not another noun's) or, failing that, in the two sentences before it. The present, the present
perfect ("has taken"), planned events and statements ("the ministry said") keep the
publication date: they are told as of it.
"""

from __future__ import annotations

import bisect
from datetime import date

from spacy.tokens import Span, Token

from newsevents.dates.attach import (
    attachment,
    clause_verb,
    find_trigger,
    gapped_conjunct,
    is_baseline,
    names_another_noun,
    premodifies_noun,
    report_verbs,
    speech_verb,
)
from newsevents.dates.tense import governing_verb, verb_tense
from newsevents.models import Event, TimeExpr
from newsevents.nlp import ParsedArticle

NARRATIVE_PRECISIONS = {"day", "week", "month", "year"}
BACKGROUND_DEPS = {"relcl", "acl"}
NARRATIVE_EXCLUDED_DEPS = {"appos"}  # "the day, Monday, ..." is told, not narrated
SENTENCES_BACK = 2  # how many sentences back a named time still holds


def simple_past(verb: Token) -> bool:
    """ "burned", "was burned", "had burned"; not the present perfect "has burned"."""
    if verb_tense(verb) != "past":
        return False
    return not any(
        a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in verb.children if a.dep_ == "aux"
    )


def told_verb(trigger: Token) -> Token:
    """The verb whose tense tells the event: its clause verb, or for a participle of a noun
    the verb above that noun ("the unions released letters backing the plan")."""
    verb = clause_verb(trigger)
    if verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        above = clause_verb(verb.head)
        if above.pos_ in ("VERB", "AUX"):
            return above
    return verb


def _narrative_candidate(t: TimeExpr, parsed: ParsedArticle, dct: date) -> bool:
    if t.type not in ("DATE", "TIME") or not t.date or t.precision not in NARRATIVE_PRECISIONS:
        return False
    if date.fromisoformat(t.date_end or t.date) > dct:
        return False
    if not t.value or not t.value[:1].isdigit():  # "now", "recently": no day of a story
        return False
    span = parsed.span_at(t.start, t.end)
    return span is not None and len(span) > 0 and main_line(span)


def main_line(span: Span) -> bool:
    """The time dates a clause of the story's main line, or a thing it tells of ("Monday's
    attack", "the Feb. 2 accord"): not in a relative clause ("the man, who fled in May, ...")
    and not as a comparison's baseline ("from $7 million a year ago")."""
    root = span.root
    if is_baseline(span) or (root.dep_ in NARRATIVE_EXCLUDED_DEPS and root.head not in span):
        return False
    verb = governing_verb(span) or clause_verb(root)
    for _ in range(8):
        verb = gapped_conjunct(verb) or verb  # "six were killed and 58 injured on Friday"
        if verb.dep_ in BACKGROUND_DEPS:
            return False
        if verb.head == verb:
            return True
        verb = verb.head
    return False


class Narrative:
    """The past times of one article, in order, for :meth:`time_for`."""

    def __init__(self, parsed: ParsedArticle, times: list[TimeExpr], dct: date) -> None:
        self.parsed = parsed
        self.starts = [s.start for s in parsed.sentences()]
        self.times = sorted(
            (t for t in times if _narrative_candidate(t, parsed, dct)), key=lambda t: t.start
        )

    def _sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def _dates_verb(self, t: TimeExpr, verb: Token | None) -> bool:
        """ "X said on Monday that troops withdrew": Monday is the saying's; the withdrawal
        is only known to be on or before it."""
        if verb is None:
            return False
        span = self.parsed.span_at(t.start, t.end)
        if span is None or not len(span):
            return False
        link = attachment(span, verb)  # "officials said as night fell on Friday": the saying's
        return link.score >= 2 or link.how == "when-clause"

    def _premodifier(self, t: TimeExpr, clause: Token) -> bool:
        """ "They discussed the March 1 truce": in its own sentence, a time that describes
        another noun is that noun's, not the event's (a sentence later it is the story's);
        but the subject's time is its predicate's ("third-quarter profit rose 5%")."""
        span = self.parsed.span_at(t.start, t.end)
        if span is None or not len(span) or not premodifies_noun(span):
            return False
        noun = span.root.head
        return not (noun.dep_ in ("nsubj", "nsubjpass") and noun.head == clause)

    def time_for(self, event: Event) -> tuple[TimeExpr | None, str]:
        """The narrative time of an undated event and the rule, or (None, "")."""
        if event.modality != "asserted":
            return None, ""
        trigger = find_trigger(self.parsed, event)
        if trigger is None or names_another_noun(trigger):
            return None, ""  # "laid a wreath for the bombing victims": not told here
        if not simple_past(told_verb(trigger)):
            return None, ""
        if told_verb(trigger).lemma_.lower() in report_verbs():
            return None, ""  # statements are reported as of the publication day
        speech = speech_verb(trigger)
        here = self._sentence(event.trigger["start"])
        same = [
            t
            for t in self.times
            if self._sentence(t.start) == here
            and not self._dates_verb(t, speech)
            and not self._premodifier(t, clause_verb(trigger))
        ]
        if same:
            before = [t for t in same if t.start < event.trigger["start"]]
            return (before or same)[-1], "past time of the sentence"
        earlier = [t for t in self.times if here - SENTENCES_BACK <= self._sentence(t.start) < here]
        if earlier:
            # "The army on Sunday closed the road in the wake of the March 1 raids. It also
            # shut ...": Sunday, the time of a told clause, before a noun's "March 1"
            told = [t for t in earlier if not self._describes_object(t)]
            return (told or earlier)[-1], "past time of the sentences before"
        return None, ""

    def _describes_object(self, t: TimeExpr) -> bool:
        """The time describes a noun of a prepositional phrase ("in the wake of the
        March 1 raids"): what the story tells of, not when its clause happened (unlike the
        subject's or object's: "Kellogg reported lower third-quarter earnings")."""
        span = self.parsed.span_at(t.start, t.end)
        if span is None or not len(span) or not premodifies_noun(span):
            return False
        return span.root.head.dep_ == "pobj"

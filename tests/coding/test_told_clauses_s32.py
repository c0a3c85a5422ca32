"""Clauses that tell an act of their own (issue 15, coverage), on invented sentences:
- a past relative clause with a subject of its own is a deed, not the topic of talk or the
  content of a demand above it (modality.own_past_clause);
- an active gerund in a time phrase ("after meeting ...") is done by its clause's subject
  (args._time_gerund)."""

import pytest

from newsevents.coding.actors import find_actors
from newsevents.coding.events import candidates as event_candidates
from newsevents.coding.events import rules as event_rules
from newsevents.coding.events import verify as event_verify
from newsevents.nlp import parse_text

pytestmark = pytest.mark.issue(15)


def candidates(text: str):
    parsed = parse_text(text, date="2024-03-09")
    actors = find_actors(parsed)
    found = []
    for sent in parsed.sentences():
        for cand in event_candidates.candidates(sent, actors):
            found.append((cand, actors))
    return found


def reframed(text: str, word: str):
    """The candidate on ``word`` after the frame checks: (topic?, trigger after reframing)."""
    for cand, actors in candidates(text):
        if cand.trigger.text == word:
            topic = event_rules.is_topic(cand.trigger)
            event_verify.reframe(cand, actors)
            return topic, cand.trigger.text, cand.info.plover
    raise AssertionError(f"no candidate on {word!r}")


@pytest.mark.parametrize(
    "text",
    [
        # the relative clause tells a signing: not what the call asks for
        "The main disagreement concerns a broad security treaty calling for troop withdrawals, "
        "which the two leaders signed last year.",
        # not the topic of the talks either
        "Envoys held talks on the truce, which the two governments signed last year.",
    ],
)
def test_past_relative_clause_with_own_subject_is_a_deed(text):
    topic, trigger, plover = reframed(text, "signed")
    assert not topic
    assert (trigger, plover) == ("signed", "SUPPORT")


def test_topic_of_talk_stays_a_topic():
    topic, _, _ = reframed(
        "The ministers held talks on expelling the Russian diplomats.", "expelling"
    )
    assert topic


@pytest.mark.parametrize(
    ("text", "word", "doer"),
    [
        (
            "After meeting with the Kenyan foreign minister on Monday, the French envoy flew home.",
            "meeting",
            "envoy",
        ),
        (
            "Before visiting Egypt on Tuesday, the Spanish foreign minister spoke to reporters.",
            "visiting",
            "minister",
        ),
    ],
)
def test_gerund_in_a_time_phrase_is_done_by_the_clause_subject(text, word, doer):
    cand = next(c for c, _ in candidates(text) if c.trigger.text == word)
    assert cand.args.has_subject
    assert cand.args.sources and doer in cand.args.sources[0].text


def test_gerund_of_other_phrases_keeps_no_subject():
    # "besides" names an aim, not a time: no doer taken from the clause
    text = "Besides meeting the Kenyan minister, the French envoy will tour the port."
    cands = [c for c, _ in candidates(text) if c.trigger.text == "meeting"]
    assert all(not c.args.sources for c in cands)

"""Event nouns with a time of their own are coded with no verb of doing
(coding/events/dated_nouns.py), on invented sentences with the rules only."""

from dataclasses import replace

import pytest

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events, dated_nouns
from newsevents.config import Settings
from newsevents.nlp import parse_text

pytestmark = pytest.mark.issue(15)

RULES_ONLY = replace(Settings.from_env(), event_model=False)


def coded(text: str) -> list[tuple[str, str]]:
    parsed = parse_text(text, date="2024-03-09")
    return [
        (e.trigger["text"], e.plover)
        for e in code_events(parsed, find_actors(parsed), settings=RULES_ONLY)
    ]


@pytest.mark.parametrize(
    ("text", "noun", "plover"),
    [
        (
            "Police found new evidence on the March 3 bombing of the embassy by army units.",
            "bombing",
            "ASSAULT",
        ),
        ("The minister's visit to Kabul on Tuesday angered the rebels.", "visit", "CONSULT"),
        # a year in words, as broadcast transcripts write it
        (
            "Police found new evidence on the nineteen ninety-six bombing of the embassy.",
            "bombing",
            "ASSAULT",
        ),
        # a circumstance of a clause that codes nothing else: the sentence's news
        (
            "The rebel leader has been in hiding since the March 3 bombing of the embassy.",
            "bombing",
            "ASSAULT",
        ),
    ],
)
def test_dated_event_noun_is_coded(text, noun, plover):
    assert (noun, plover) in coded(text)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        # a length is no time of its own
        ("The minister's three-day visit to Kabul angered the rebels.", "visit"),
        # no time at all: a bare noun with no verb of doing
        ("The minister's visit to Kabul angered the rebels.", "visit"),
        # a circumstance of another coded event: its background, not news of its own
        ("The army withdrew from the town after the March 3 bombing of the embassy.", "bombing"),
        ("Dockers protested against last week's arrest of their leader.", "arrest"),
        # the subject of a coded verb: the verb tells the event
        ("Sunday's bombing of the market killed two soldiers.", "bombing"),
    ],
)
def test_event_noun_without_own_time_is_not_coded(text, noun):
    assert noun not in [t for t, _ in coded(text)]


@pytest.mark.parametrize(
    ("text", "noun", "time"),
    [
        ("Friday's summit ended early.", "summit", "Friday"),
        ("The raid on Monday angered the village.", "raid", "Monday"),
        ("The 2019 coup divided the army.", "coup", "2019"),
        ("The nineteen eighty-two coup divided the army.", "coup", "nineteen"),
        ("The vote in May split the party.", "vote", "May"),
        ("A four-day visit ended.", "visit", None),
        ("Weeks of talks ended.", "talks", None),
        ("Nineteen days of talks ended.", "talks", None),
    ],
)
def test_own_time(nlp, text, noun, time):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == noun)
    words = dated_nouns.own_time(tok)
    assert (time in [w.text for w in words]) if time else words is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers praised the May 3 accord signed by their deputies.", True),
        ("The ministers praised the accord signed on May 3 by their deputies.", True),
        ("The rebels are a group backed by the navy.", False),
        ("The ministers praised the accord signed by their deputies.", False),
    ],
)
def test_dated_participle_tells_an_act(nlp, text, expected):
    doc = nlp(text)
    verb = next(t for t in doc if t.tag_ == "VBN" and t.dep_ == "acl")
    assert dated_nouns.dated_participle(verb) is expected


def test_dated_participle_is_coded():
    text = "The sites stay closed as laid down by the May 3 accord signed by the two envoys."
    assert ("signed", "SUPPORT") in coded(text)

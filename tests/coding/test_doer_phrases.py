"""A copula's subject 'behind' or 'responsible for' an event noun did it
(coding/events/lexicon.doer_copula, verbs/doer_phrases.tsv), on invented sentences."""

from dataclasses import replace

import pytest

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events
from newsevents.config import Settings
from newsevents.nlp import parse_text

pytestmark = pytest.mark.issue(15)

RULES_ONLY = replace(Settings.from_env(), event_model=False)


def coded(text: str) -> list[tuple[str, str, str | None]]:
    parsed = parse_text(text, date="2024-03-09")
    return [
        (e.trigger["text"], e.plover, e.source.name if e.source else None)
        for e in code_events(parsed, find_actors(parsed), settings=RULES_ONLY)
    ]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "The militia is responsible for the attacks on the convoy.",
            ("attacks", "ASSAULT", "militia"),
        ),
        (
            "Officials said the separatists were behind the kidnapping of two aid workers.",
            ("kidnapping", "ASSAULT", "separatists"),
        ),
    ],
)
def test_subject_behind_an_event_noun_did_it(text, event):
    assert event in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        "The army said it was not behind the attack on the village.",  # denied, not told
        "The rebels were behind the barricades on Friday.",  # a place, no event noun
    ],
)
def test_no_act_told(text):
    assert all(plover != "ASSAULT" for _, plover, _ in coded(text))


def test_unnamed_doer_of_a_relative_clause_is_no_one_named():
    # "those who were responsible": the doer is unnamed, not the one who vows
    text = "President Ann Holt vowed to track down those who were responsible for the bombing."
    assert all(trigger != "bombing" for trigger, _, _ in coded(text))

"""Acts told through the reaction to them (coding/events/reactions.py, issue 15) on invented
sentences, with the real actor coder and the rule stage: the act is an event of its own, with
the noun's own sides; a kind, a plan or a bare plural is no act told as done."""

import pytest

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events
from newsevents.nlp import parse_text
from tests.coding.rules import RULES_ONLY, types

pytestmark = pytest.mark.issue(15)


def _events(text: str):
    parsed = parse_text(text)
    return code_events(parsed, find_actors(parsed), settings=RULES_ONLY)


@pytest.mark.parametrize(
    "text, act",
    [
        ("Norway condemned Sweden's invasion of Finland on May 2.", "invasion"),
        ("The Security Council deplored the bombing of a Danish consulate near Lima.", "bombing"),
        ("Chile denounced Peru's shelling of the border post.", "shelling"),
    ],
)
def test_reacted_act_is_its_own_event(text, act):
    events = _events(text)
    triggers = {e.trigger["text"] for e in events}
    assert act in triggers
    assert len(events) >= 2  # the reaction too


def test_reacted_act_keeps_its_own_sides():
    (act,) = [
        e
        for e in _events("Norway condemned Sweden's invasion of Finland.")
        if e.trigger["text"] == "invasion"
    ]
    assert act.source is not None and act.source.country == "SWE"
    assert act.target is not None and act.target.country == "FIN"


def test_reacted_act_does_not_borrow_the_reacting_subject():
    text = "The Security Council deplored the bombing of a Danish consulate near Lima."
    (act,) = [e for e in _events(text) if e.trigger["text"] == "bombing"]
    assert act.source is None or act.source.sector != "IGO"


@pytest.mark.parametrize(
    "text",
    [
        "Norway condemned attacks on civilians.",
        "The council condemned the planned invasion of Finland.",
        "Norway condemned any invasion of Finland.",
    ],
)
def test_kinds_and_plans_are_no_acts_told(text):
    assert len(types(text)) <= 1

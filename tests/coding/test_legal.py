"""Legal steps told with no doer (coding/events/legal.py, issue 15) on invented sentences,
with the real actor coder and the rule stage: the state charged someone, an event even
where the accused is a private person; a named private accuser is still no political act."""

import pytest

from newsevents.coding.events import legal
from tests.coding.rules import types

pytestmark = pytest.mark.issue(15)


@pytest.mark.parametrize(
    "text",
    [
        "On May 6, Peter Lowell, 44, was charged with the killing of a nurse.",
        "Tom Ames, a clerk, was charged on Tuesday with theft from the depot.",
    ],
)
def test_agentless_legal_step_is_an_event(text):
    assert types(text) == ["ACCUSE"]


@pytest.mark.parametrize(
    "text",
    [
        "Shareholders accused the company of fraud.",
        "The firm was accused by investors of hiding losses.",
        "The bank charged a fee of 3 percent.",
    ],
)
def test_private_accusers_are_no_legal_step(text):
    assert "ACCUSE" not in types(text)


def test_agentless_step_reads_the_voice(nlp):
    charged = next(t for t in nlp("The clerk was charged with theft.") if t.lower_ == "charged")
    by = next(t for t in nlp("The clerk was charged by his boss.") if t.lower_ == "charged")
    active = next(t for t in nlp("Police charged the clerk.") if t.lower_ == "charged")
    assert legal.agentless_step(charged)
    assert not legal.agentless_step(by)
    assert not legal.agentless_step(active)

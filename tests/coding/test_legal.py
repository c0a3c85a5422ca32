"""Legal steps told with no doer (the rule verifier's state steps, coding/events/acts.state_step; issue 15) on invented sentences,
with the real actor coder and the rule stage: the state charged someone, an event even
where the accused is a private person; a named private accuser is still no political act."""

import pytest

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

"""Session 29's type checks (issue 12, types) on invented sentences, with the real actor
coder and the rule stage: a noun a relative clause hangs on is that clause's object (a pact
struck is no blow), a demand made to someone in a "to" or "with" phrase is asked of them, a
talk not had ("held no talks") is told as not done, and a trip made for the race is a
campaign stop, not a visit."""

import pytest

from tests.coding.rules import types

pytestmark = pytest.mark.issue(12)


def test_a_pact_struck_in_a_relative_clause_is_no_blow():
    for text in (
        "Governor Ada Marsh defended the pact she struck with the rebel commanders in May.",
        "Governor Ada Marsh defended the pact that she struck with the rebel commanders.",
    ):
        kinds = types(text)
        assert "ASSAULT" not in kinds and "AGREE" in kinds
    # the clause's noun as its subject is no object: the fighters struck, a blow
    assert "ASSAULT" in types("Rebel fighters who struck the army post at dawn fled north.")


def test_a_demand_to_someone_in_a_to_phrase_is_asked_of_them():
    text = "Senator Tom Brill is appealing to the warring clans to end the bloodshed at once."
    assert "REQUEST" in types(text)
    text = "Senator Tom Brill pleaded with the warring clans to end the bloodshed at once."
    assert "REQUEST" in types(text)
    # a policy with no one asked stays a position
    assert "REQUEST" not in types(
        "Governor Tom Brill called to deport all refugees from the state."
    )


def test_talks_not_had_are_not_done():
    text = "Senator Ada Marsh has had no talks with the union bosses since the strike began."
    assert "REJECT" not in types(text)
    # talks refused for what comes stay a refusal
    assert "REJECT" in types("The Ruritanian government will hold no talks with the rebel army.")


def test_a_trip_for_the_race_is_no_visit():
    for text in (
        "Governor Tom Brill flew to Denver on Monday for two party fundraisers.",
        "Senator Ada Marsh visited Iowa on Friday, holding a rally at a county fair.",
        "Senator Ada Marsh travelled to Ohio to campaign for the party's nominee.",
    ):
        assert "CONSULT" not in types(text)
    assert "CONSULT" in types(
        "Mayor Tom Brill visited Germany on Tuesday for talks with the chancellor."
    )

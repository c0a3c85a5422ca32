"""Session 30's type checks (issue 12, types) on invented sentences, with the real actor
coder and the rule stage: the large news networks and papers are outlets (a visit to their
show is a media appearance, their ratings race no fight), and a campaign's gatherings
traded or agreed to are the race's calendar, no deal between actors."""

import pytest

from tests.coding.rules import types

pytestmark = pytest.mark.issue(12)


def test_a_networks_show_visited_is_a_media_appearance():
    text = 'Senator Ada Marsh visited NBC\'s "Morning Show" to discuss her remarks on the race.'
    assert "CONSULT" not in types(text)
    # a visit to a state stays a visit
    assert "CONSULT" in types("Senator Ada Marsh visited Ruritania to meet its prime minister.")


def test_a_networks_ratings_lead_is_no_fight():
    text = "Fox News regularly beats rival cable networks in total viewers."
    assert "ASSAULT" not in types(text)


def test_an_outlet_stays_a_side_of_a_politicians_act():
    assert "ACCUSE" in types("Senator Ada Marsh attacked The New York Times over its coverage.")
    assert "ACCUSE" in types("The Washington Post sued the State Department over the emails.")


def test_campaign_gatherings_traded_or_agreed_to_are_no_deal():
    assert "COOPERATE" not in types(
        "Senator Ada Marsh has traded her usual big rallies for a small town hall setting."
    )
    assert "AGREE" not in types("The two candidates agreed to three more debates in March.")
    # talks agreed to stay an agreement, a rally banned stays coercion
    assert "AGREE" in types("The rebels agreed to talks with the army.")
    assert "COERCE" in types("Police banned the opposition rally in the capital.")


def test_a_stance_named_in_a_list_of_issues_is_no_event():
    text = (
        "They agreed to stick to issues most senators share: opposition to Ada Marsh, a tough"
        " line on crime and supporting the military and police."
    )
    assert "SUPPORT" not in types(text)
    # a state's support told by its own verb stays
    assert "SUPPORT" in types("Ruritania is supporting the rebels and arming them.")


def test_a_question_in_quotation_marks_tells_no_event():
    text = '"Has the senator ever kept fighting hard for her principles in a losing battle?"'
    assert "ASSAULT" not in types(text)
    assert "ASSAULT" in types('"The army attacked the village at dawn," the mayor said.')

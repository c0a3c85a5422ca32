"""Session 28's type checks (issue 12, 12b) on invented sentences, with the real actor
coder and the rule stage: a shot in a game, a vote called, a policy called for that is done
to a kind of people, a warning of what will happen, a what-if of the speaker's own, a thing
blocked in the courts, a text adopted, a habit named by a policy, a demand of one's own
staff, companies competing and a visit to a news outlet are no events of the word's own
type; a call for someone else to investigate is a demand."""

import pytest

from tests.coding.rules import types

pytestmark = pytest.mark.issue(12)


def test_a_shot_in_a_game_is_no_assault():
    text = (
        "Their captain, Leo Varga, shot from the edge of the box in the third minute and forced"
        " a save from the goalkeeper."
    )
    assert "ASSAULT" not in types(text)
    # someone shot at, or a weapon in sight, stays violence
    assert "ASSAULT" in types("Soldiers shot two fans outside the stadium after the match.")
    assert "ASSAULT" in types("Gunmen opened fire on the stadium during the match.")


def test_a_vote_called_is_no_demand():
    assert "REQUEST" not in types(
        "The ruling party has called a referendum for June against the government's tax plan."
    )
    assert "REQUEST" in types("The opposition called for a referendum on the government's plan.")


def test_a_policy_done_to_a_kind_of_people_is_a_position():
    assert "REQUEST" not in types("Governor Tom Brill called to deport all refugees from the state.")
    text = "Governor Tom Brill called to release the two reporters held by the rebels."
    assert "REQUEST" in types(text)


def test_a_warning_of_what_will_happen_is_no_threat():
    text = 'President Ada Marsh warned: "It is not going to come soon, since our focus is on Asia."'
    assert "THREATEN" not in types(text)
    assert "THREATEN" in types("The general warned that the army would strike the rebel camps.")


def test_a_what_if_of_ones_own_is_speculation():
    text = "If Senator Tom Brill wins the nomination, he will meet the Russian president in Moscow."
    assert types(text) == []
    # a condition put to someone else stays a conditional threat
    assert "THREATEN" in types("If the rebels attack the town, the army will strike their camps.")


def test_a_thing_blocked_in_the_courts_is_no_blockade():
    text = "The mayor's tax orders are blocked in the courts, leaving many families at risk."
    assert "PROTEST" not in types(text)
    assert "PROTEST" in types("The main road was blocked by protesters on Monday.")


def test_a_text_adopted_does_its_own_act():
    kept = types(
        "Mayor Tom Brill approved a resolution condemning Governor Ada Marsh's call for a ban."
    )
    assert "AGREE" not in kept and "ACCUSE" in kept


def test_a_habit_named_by_a_policy_is_no_act():
    text = "The senator broke from his policy of not attacking Governor Tom Brill on Tuesday."
    assert "ASSAULT" not in types(text)


def test_a_call_for_someone_to_investigate_is_a_demand():
    kept = types("Senator Ada Marsh is calling for a special counsel to investigate Governor Tom Brill.")
    assert "REQUEST" in kept and "ACCUSE" not in kept


def test_a_demand_of_ones_own_staff_is_no_demand():
    text = "Governor Tom Brill said he had asked his aides to look into paying the fees."
    assert "REQUEST" not in types(text)
    assert "REQUEST" in types("The president asked Governor Tom Brill to look into the fees.")


def test_companies_competing_is_no_violence():
    text = "Netflix, the streaming company, beat rival networks in viewers last year."
    assert "ASSAULT" not in types(text)
    # a company that tells of attacks on its members is no side of them
    text = "The manufacturers' association said the attacks on its members' plants hurt the economy."
    assert "ASSAULT" in types(text)
    assert "ASSAULT" in types("Security guards of the mining company shot two protesters at the gate.")


def test_a_visit_to_a_news_outlet_is_a_media_appearance():
    assert "CONSULT" not in types("Senator Ada Marsh visited CNN to discuss her remarks on the governor.")
    assert "CONSULT" in types("Senator Ada Marsh visited Germany to discuss trade with the chancellor.")


def test_one_asked_in_the_passive_is_asked():
    text = "The senator has been asked to hand over the texts of all her paid talks."
    assert "REQUEST" in types(text)

"""Session 25's type checks (coding/events acts.py, campaign.py, frames.py; issue 12) on
invented sentences, with the real actor coder and the rule stage: a question put, a vote told
by a pronoun, an act asked for, a demand someone should make, a kind of people told in the
present, a stance held, a campaign's own meeting, a donation, a warning with an indefinite
subject are no events; the events they look like still are."""

import pytest

from tests.coding.rules import types

pytestmark = pytest.mark.issue(12)


def test_a_question_put_is_no_request():
    assert "REQUEST" not in types("A radio host asked the governor if she was ready for the job.")
    assert "REQUEST" not in types("The reporter asked Senator Marsh whether she would run again.")
    assert "REQUEST" in types("The minister asked the rebels to lay down their arms.")


def test_a_vote_told_by_a_pronoun_is_a_result():
    text = "Older voters backed Senator Marsh in Utah. In Idaho, they supported her by 20 points."
    assert "SUPPORT" not in types(text)
    assert "SUPPORT" in types("Senator Marsh backed Governor Brill. She endorsed him in Idaho.")


def test_an_act_asked_for_is_not_done():
    text = "The council urged the mayor to show leadership by condemning the police chief."
    assert types(text) == ["REQUEST"]
    # the means of the one who asks is done ("urged calm by calling the leader")
    assert "REQUEST" in types("The minister urged the rebels to talk by phoning their leader.")


def test_a_demand_someone_should_make_is_none_made():
    text = "The panel should ask the European Commission to send the case to the court."
    assert "REQUEST" not in types(text)
    assert "REQUEST" in types("Governor Tomas Brill should resign, Senator Marsh said.")
    assert "REQUEST" in types("The committee formally asked the European Commission to act.")


def test_a_kind_of_people_told_in_the_present_is_no_event():
    text = "The senator believes that women who are attacked should get free care."
    assert "ASSAULT" not in types(text)
    assert "ASSAULT" in types("Villagers who were attacked by rebels fled to Goma.")


def test_a_stance_held_is_no_rejection_but_a_state_s_is():
    assert "REJECT" not in types("The room held many students who were opposed to Senator Marsh.")
    assert "REJECT" in types("Norway is opposed to Danish mediation in the dispute.")
    assert "REJECT" in types("The plan was opposed by the senators on Monday.")


def test_a_campaign_s_own_meeting_is_no_talks():
    text = "Hillary Clinton smiles at an electoral meeting in Ohio on May 2."
    assert "CONSULT" not in types(text)
    assert "CONSULT" in types("The French president held a meeting with the German chancellor.")


def test_a_donation_to_a_campaign_is_no_aid():
    assert types("The actor gave $900 to Senator Marsh's campaign in 2012.") == []
    assert types("The banker gave $3 million to a super PAC backing Senator Marsh.") == []
    assert "AID" in types("Japan donated rice to North Korea in March.")


def test_a_warning_with_an_indefinite_subject_is_no_threat():
    text = "Ramon Ortiz warned that nobody can win the presidency without Latino votes."
    assert "THREATEN" not in types(text)
    assert "THREATEN" in types("Iran warned that it would retaliate against Israel.")


def test_a_participle_describing_support_is_no_event():
    text = "The chairman of a group backing Governor Tomas Brill spoke in Utah on Friday."
    assert "SUPPORT" not in types(text)
    assert "SUPPORT" in types("The group backed Governor Tomas Brill for president on Friday.")


def test_a_step_of_the_law_with_no_doer_is_the_state_s():
    assert "ACCUSE" in types("Two Kenyan men were charged with murder in the embassy bombing.")
    assert types("The company was charged a fee by the bank.") == []


def test_an_invasion_is_no_place_won():
    assert "COERCE" in types("Saddam Hussein invaded Kuwait in August 1990.")
    assert "COERCE" not in types("Senator Marsh captured Ohio and Texas on Tuesday.")


def test_an_editor_s_word_in_brackets_is_no_event():
    text = '"The army will [censored] them all, believe me," the senator told the crowd.'
    assert types(text) == []


def test_what_something_must_be_is_no_demand():
    assert "REQUEST" not in types("Senator Marsh insists the movement must be a home for workers.")
    assert "REQUEST" in types("The minister insisted that the talks must resume with Germany.")


@pytest.mark.parametrize(
    "text",
    [
        "In the exit poll, about 7 in 10 young men supported John McCain.",
        "In the exit polls, most in both counties supported John McCain.",
        "By March young voters began backing Barack Obama with their ballots.",
    ],
)
def test_polls_counted_by_fractions_shares_and_votes_are_results(text):
    assert "SUPPORT" not in types(text)


def test_politicians_counted_by_fractions_still_back_someone():
    assert "SUPPORT" in types("Three of four senators backed Obama.")


def test_money_given_to_a_group_backing_a_candidate_is_a_donation():
    assert (
        types("A Texas banker once handed $5 million to an outside group backing Hillary Clinton.")
        == []
    )


def test_phrasal_verbs_parsed_with_an_adverb_or_a_preposition_tell_another_act():
    assert types("Donald Trump backed away from his plan for a new tax on imports.") == []
    assert "ACCUSE" not in types("Turnout in the Ohio primary blasted through the old record.")
    assert "SUPPORT" in types("Donald Trump backed Ted Cruz for the Senate seat in Texas.")


def test_a_question_asked_tells_no_event():
    assert types("Did the Russian government refuse to hand over the papers?") == []
    assert types("Why Does Japan Reject The Treaty With China?") == []
    assert "REJECT" in types("Japan rejected the treaty with China, but why?")


def test_harm_done_in_a_medium_of_words_is_an_accusation():
    assert types("Donald Trump attacked Hillary Clinton in a speech in Ohio.") == ["ACCUSE"]
    assert "ASSAULT" not in types("Bernie Sanders ripped Hillary Clinton on Twitter last week.")
    assert "ASSAULT" in types("Rebels attacked the army convoy in the north with rockets.")


def test_verbs_done_only_with_arms_are_no_figure_of_speech():
    assert "ASSAULT" in types("Israeli jets bombed targets in Gaza during the night.")
    assert "ASSAULT" not in types("Germany hit its emission targets last year.")


def test_a_claim_denied_and_a_statement_given_are_words():
    assert types("The government of Peru denies that the raid was a crime.") == []
    assert "REJECT" in types("Israel denied the request of the United Nations.")
    assert "AID" not in types("The mayor's spokesman provided a short statement to the Times.")


def test_a_preposition_later_in_the_clause_makes_no_phrasal_verb():
    text = "Senator Ada Marsh called for sanctions against Iran in a speech on Monday."
    assert "REQUEST" in types(text)


# Session 26 (12a): modality, owed acts, promises told as threats, things as doers, contests,
# invitations to a campaign's gatherings.


def test_a_capacity_that_would_have_been_is_no_event():
    assert "ASSAULT" not in types("The rebels would have been able to kill the hostages.")
    assert "ASSAULT" in types("The rebels were able to kill two guards at the depot.")


def test_an_act_someone_should_do_is_not_done():
    text = "Senator Ada Marsh said the United States should send more troops to Syria."
    assert "MOBILIZE" not in types(text)
    assert "MOBILIZE" in types("The United States sent more troops to Syria on Monday.")
    # an owed act with a demand code is the speaker's demand; what had to be done was done
    assert "REQUEST" in types("Russia must withdraw its troops from Ukraine, the minister said.")


def test_a_promise_about_a_policy_told_as_a_threat_is_a_campaign_promise():
    text = "Senator Ada Marsh of the Republican Party pledged to oppose tax credits for migrants."
    assert "THREATEN" not in types(text)
    assert "THREATEN" in types("Senator Ada Marsh of the Republican Party vowed to punish Mexico.")


def test_a_decision_is_no_doer_even_with_its_owner_named():
    text = "The Democratic National Committee's decision to cancel the debates on weekends"
    assert "AID" not in types(text + " helped Republicans generate enthusiasm.")
    assert "AID" in types("The Democratic National Committee helped Republicans with money.")


def test_a_rival_beaten_in_a_primary_is_not_coerced():
    text = "Assemblywoman Ada Marsh took down businessman Tom Brill in the three-way primary."
    assert "COERCE" not in types(text)
    assert "COERCE" in types("A judge jailed the mayor of Boston after the primary in May.")


def test_an_invitation_to_a_campaign_gathering_is_no_request():
    text = "Senator Ada Marsh invited Governor Tom Brill to speak at the party convention in July."
    assert "REQUEST" not in types(text)
    assert "REQUEST" in types("Vladimir Putin invited the Chinese president to a summit in Moscow.")


def test_a_country_asked_to_pray_by_no_state_is_asked_a_private_act():
    assert "REQUEST" not in types("The radio host asked for Brazil to fast and pray.")
    assert "REQUEST" in types("The radio host asked Brazil to withdraw its troops.")


def test_a_guilty_plea_is_no_appeal():
    text = "Former aide Tom Brill pleaded guilty to making illegal gifts to Hillary Clinton."
    assert "REQUEST" not in types(text)
    assert "REQUEST" in types("The mother pleaded with the governor to spare her son.")


def test_a_vote_not_held_is_no_refusal_to_meet():
    text = "The union leader said the council won't be holding a vote on Senator Ada Marsh"
    text += " at its meeting in Ohio."
    assert "REJECT" not in types(text)
    assert "REJECT" in types("The opposition will not attend the talks with the government.")


def test_a_thing_blamed_on_a_thing_accuses_no_one():
    text = "Senator Ada Marsh blamed her late reply to Governor Tom Brill on a bad earpiece."
    assert "ACCUSE" not in types(text)
    assert "ACCUSE" in types("Senator Ada Marsh blamed the defeat on Governor Tom Brill.")


def test_an_idea_rejected_by_candidates_is_a_position():
    assert "REJECT" not in types("Republican candidates reject the idea of a higher minimum wage.")
    assert "REJECT" in types("Russia rejected the idea of sending peacekeepers to Ukraine.")


def test_a_policy_opposed_by_its_gerund_is_a_position_whoever_it_is_done_to():
    text = "Senator Ada Marsh has long opposed arming the Kurdish rebels."
    assert "REJECT" not in types(text)
    assert "REJECT" in types("Senator Ada Marsh opposed the president's plan on Monday.")


def test_a_race_conceded_is_a_campaign_act():
    assert "CONCEDE" not in types("Senator Ada Marsh is conceding the race in Iowa on Tuesday.")
    assert "CONCEDE" in types("The rebels conceded defeat to the army on Tuesday.")


def test_a_can_kicked_down_the_road_is_a_figure_of_speech():
    from types import SimpleNamespace

    from newsevents.coding.events import acts
    from newsevents.nlp import parse_text

    def figure(text: str, verb: str) -> str | None:
        doc = next(iter(parse_text(text).chunks))[1]
        trig = next(t for t in doc if t.lemma_ == verb)
        return acts.figure_object(SimpleNamespace(trigger=trig, governor=None))

    assert figure("The cabinet kicked the can down the road again.", "kick") is not None
    assert figure("The rebels kicked the soldiers at the checkpoint.", "kick") is None


def test_done_to_no_one_in_the_passive_is_no_event():
    assert "COERCE" not in types("No bank executive has been prosecuted, Senator Ada Marsh said.")
    assert "COERCE" in types("Two bank executives were prosecuted by the state in Ohio.")


def test_a_ban_told_of_a_law_is_its_content():
    assert "COERCE" not in types("The new legislation bans protests near the parliament.")
    assert "COERCE" in types("The government banned protests near the parliament on Friday.")


def test_open_with_no_fire_is_no_shooting_even_near_words_of_guns():
    text = "President Ada Marsh is opening her speech on new gun laws by thanking the mayor."
    assert "ASSAULT" not in types(text)
    assert "ASSAULT" in types("Gunmen opened fire on a bus in Kano on Sunday.")


def test_a_verb_with_its_own_object_is_not_about_its_on_phrase():
    # "open" + a post is a deployment; "opened fire on" a post is shooting at it
    assert types("Rebels opened fire on an army checkpoint near the border.") == ["ASSAULT"]
    assert types("Gunmen opened fire on the police station in Kano.") == ["ASSAULT"]
    assert "MOBILIZE" in types("The army opened a new checkpoint near the border on Monday.")

"""Campaign and policy talk (coding/events/campaign.py, issue 12) on invented sentences, with
the real actor coder and the rule stage: campaign acts, vote results, positions, statements,
warnings, declined comment, contests and speculation are no events; the events they look
like still are."""

import pytest

from newsevents.coding.events import campaign
from newsevents.data import load_tsv
from newsevents.nlp import parse_text
from tests.coding.rules import types

pytestmark = pytest.mark.issue(12)


def test_campaign_frames_file_has_known_kinds():
    rows = load_tsv("verbs/campaign_frames.tsv")
    known = {
        "race",
        "ranking",
        "electorate",
        "contest_verb",
        "assert",
        "warn",
        "speech",
        "message",
        "stance",
        "share",
        "audience",
        "fund",
        "win",
        "counted",
        "gathering",
        "invite",
        "force",
        "race_exit",
        "hold",
        "advert",
        "sentiment",
        "opinion",
        "name_as",
        "attend",
        "courtesy",
        "rival",
    }
    assert rows and {r["kind"] for r in rows} == known
    assert all(r["word"] == r["word"].lower().strip() and r["word"] for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ada Marsh kicked off her campaign in Ohio on Monday.",
        "Governor Tomas Brill launched his campaign for the nomination in Utah.",
        "Senator Marsh pledged to win hundreds of delegates on Tuesday.",
        "Governor Brill will formally accept the party's nomination on Thursday.",
        "Senator Marsh is seeking to pick off delegates in Ohio.",
        "Governor Brill would need 1,200 delegates to win the nomination.",
    ],
)
def test_campaign_acts_are_no_events(text):
    assert types(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Most voters in both states supported Senator Marsh over the governor.",
        "Governor Brill was backed by six in 10 voters who care about taxes.",
        "Senator Marsh thanked her supporters at a rally in Vermont.",
    ],
)
def test_vote_results_and_thanks_to_voters_are_no_events(text):
    assert "SUPPORT" not in types(text)


def test_support_between_politicians_stays():
    assert "SUPPORT" in types("Governor Brill endorsed Senator Marsh on Tuesday.")
    assert "SUPPORT" in types("Senator Marsh praised Governor Brill for his courage.")


def test_position_on_a_policy_is_no_event():
    assert types("The governor supported Medicare cuts in the Senate.") == []
    assert "REJECT" not in types("Senator Marsh opposes gun violence, she told the crowd.")


def test_opposing_an_actor_s_proposal_stays():
    assert "REJECT" in types("Russia rejected the American proposal on Monday.")
    assert "REJECT" in types("Senator Marsh opposed the president's plan in a speech.")


def test_statement_is_no_demand_but_insisting_on_an_act_is():
    assert "REQUEST" not in types("The governor insisted that the plan would work.")
    assert "REQUEST" in types("The minister insisted on talks with Germany.")


def test_warning_of_others_is_no_threat_but_of_own_act_is():
    assert "THREATEN" not in types(
        "Senator Marsh warned that Brill would drive the party off a cliff."
    )
    assert "THREATEN" in types("Germany warned that it would retaliate against any attack.")


@pytest.mark.parametrize(
    "text",
    [
        "The mayor declined to say whether he would run.",
        "The minister refused to speak to reporters after the vote.",
        "The governor did not return calls seeking comment.",
    ],
)
def test_declined_comment_is_no_rejection(text):
    assert types(text) == []


def test_refusing_an_act_stays_a_rejection():
    assert "REJECT" in types("Iran refused to release the prisoners held in Tehran.")


@pytest.mark.parametrize(
    "text",
    [
        "Senator Marsh and Governor Brill are fighting for second place in the state.",
        "Governor Brill was crushed in Nevada last night.",
        "Only Governor Brill can beat Senator Marsh in November.",
        "Senator Marsh battled with Governor Brill for second place in Iowa.",
        "Senator Marsh hammered Governor Brill throughout the campaign.",
    ],
)
def test_contests_are_no_violence(text):
    assert not {"ASSAULT", "THREATEN"} & set(types(text))


@pytest.mark.parametrize(
    "text",
    [
        "The army crushed the rebellion in the north.",
        "Police beat the protesters with batons.",
        "Rebels battled government troops for control of the town.",
    ],
)
def test_violence_stays(text):
    assert "ASSAULT" in types(text)


def test_speculation_is_no_event_but_the_deed_is():
    assert types("Governor Brill wants to ban imports from Ruritania.") == []
    assert types("Ruritania could attack Germany next year, analysts say.") == []
    assert "COERCE" in types("Ruritania banned imports from Germany on Monday.")


def test_ranking_needs_an_ordinal():
    doc = parse_text("She fought for second place and a good place to live.").chunks[0][1]
    places = [t for t in doc if t.lower_ == "place"]
    assert [campaign.ranking(t) for t in places] == [True, False]


@pytest.mark.parametrize(
    "text",
    [
        "The Umma party has said it will boycott the elections unless the president resigns.",
        "The police chief warned that police would no longer tolerate rallies by the opposition group.",
    ],
)
def test_threats_about_elections_and_by_the_state_stay(text):
    assert "THREATEN" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The rebel group rejected an invitation to attend peace talks.",
        "Russia vetoed the draft resolution on Syria at the Security Council on Friday.",
    ],
)
def test_rejecting_an_invitation_or_a_resolution_stays(text):
    assert "REJECT" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        # a rival's congratulation is a courtesy of the race (test_types_s33.py); a leader
        # congratulating another country's on an election stays
        "The French president congratulated the German chancellor on her victory in the election.",
        "Governor Brill welcomed the mayor's election on Monday.",
        "The senators endorsed the president's nomination of Ann Lee to the court.",
    ],
)
def test_support_of_someone_in_a_race_stays(text):
    assert "SUPPORT" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Senator Marsh called him divisive and accused him of lying.",
        "Governor Brill was asked to name a single achievement in the Senate.",
        "The governor said he did not support issuing quarantines.",
        '"Voters would back a scheme of that kind," he added.',
        '"I have to thank the people of Ohio," Governor Brill said.',
        "The candidates must file their finance reports by Sunday.",
        "But the vote doesn't mean he won anything.",
    ],
)
def test_names_questions_positions_and_own_obligations_are_no_events(text):
    assert not {"REQUEST", "REJECT", "AGREE", "SUPPORT"} & set(types(text))


@pytest.mark.parametrize(
    "text",
    [
        "Senator Marsh called for talks with Germany.",
        "Russia called on Ukraine to withdraw its troops.",
        "Iran asked Germany to release the prisoners.",
        "Russia said Ukraine must withdraw its troops.",
    ],
)
def test_calls_requests_and_owed_acts_stay_demands(text):
    assert "REQUEST" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Senator Marsh and Governor Brill are fighting about the president.",
        "Governor Brill had long fought for farm bills as a state senator.",
    ],
)
def test_quarrels_and_causes_are_no_violence(text):
    assert "ASSAULT" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "His rival, Senator Ada Marsh, captured Virginia, Georgia, Arkansas and Tennessee.",
        "He captured nearby Vermont in the spring.",
        "The senator vowed to win Ohio, the state where he grew up, next week.",
        "Senator Ada Marsh is holding multiple rallies a day in Iowa.",
        "Governor Tom Brill will hold a rally in a union hall in Salem.",
    ],
)
def test_states_won_and_candidates_rallies_are_no_events(text):
    assert types(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rebels captured the town of Kunduz last month.",
        "Thousands of workers held a rally against the new labour law.",
        "The opposition held a rally in the capital on Sunday.",
    ],
)
def test_towns_taken_and_protest_rallies_stay(text):
    assert {"COERCE", "PROTEST"} & set(types(text))


def test_crowds_defying_and_lawmakers_voting_are_no_poll_results():
    assert "REJECT" in types("Crowds of protesters defied a police ban in the capital on Saturday.")
    assert "REJECT" in types("A majority of senators rejected the president's nominee.")


@pytest.mark.parametrize(
    "text",
    [
        "The text is only a draft, since several ministries did not really agree.",
        "The new plan doesn't always help the governor, she said.",
    ],
)
def test_acts_told_as_not_done_are_no_refusals(text):
    assert "REJECT" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Iran will not attend the talks in Geneva.",
        "We can't take part in the conference, the minister said.",
        "Israel would not accept the offer from Egypt.",
    ],
)
def test_refusals_stay_rejections(text):
    assert "REJECT" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "This capped immigration at 16,000, as opposed to the 80,000 immigrants entering Ruritania.",
        "Instead of a quick overthrow, the president, aided by Ruritania and opposed by Germany, held on.",
    ],
)
def test_stances_as_comparisons_or_participles_are_no_rejections(text):
    assert "REJECT" not in types(text)


def test_opposition_told_in_the_passive_stays():
    assert "REJECT" in types("The bill was opposed by the governor of Texas on Monday.")

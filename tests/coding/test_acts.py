"""Doers and deeds (coding/events/acts.py, issue 12) on invented sentences, with the real
actor coder and the rule stage: no one or a thing doing it, dismissed words, figures of
speech, promises about policies, attempts, private acts, planned demands, needs and attacks
with words are no events of their look-alike type; the events they look like still are."""

import pytest

from newsevents.coding.events import acts
from newsevents.data import load_tsv
from tests.coding.rules import types

pytestmark = pytest.mark.issue(12)


def test_act_frames_file_has_known_kinds():
    rows = load_tsv("verbs/act_frames.tsv")
    known = {
        "nobody",
        "thing",
        "dismiss",
        "words",
        "figure",
        "promise",
        "attempt",
        "private",
        "need",
        "launch",
        "partner",
        "phrasal",
        "uphold",
        "realize",
        "cite",
        "deed",
        "push",
        "group",
        "route",
        "legal",
        "medium",
        "deny",
        "adverbial",
        "blame",
        "notion",
        "aspect",
        "compound_ok",
        "feeling",
        "everywhere",
        "duty",
        "answer",
        "of_kind",
        "troops",
        "good",
        "text",
        "staff",
    }
    assert rows and {r["kind"] for r in rows} == known
    assert all(r["word"] == r["word"].lower().strip() and r["word"] for r in rows)
    assert all(len(r["word"].split()) == 2 for r in rows if r["kind"] in {"phrasal", "adverbial"})
    assert acts.FRAMES.table["nobody"] == frozenset({"nobody"})


@pytest.mark.parametrize(
    "text",
    [
        "Nobody opposed the nominee in the committee.",
        "The senator dismissed criticism of his speech as absurd.",
        "Senator Ada Marsh dismissed the charges against her.",
        "The plan won't help the mayor.",
        "It will help both the senator and the mayor.",
        "The governor isn't likely to help the mayor.",
        "The governor has not had any conversations with the mayor.",
        "He is not going to pay for the wall, the president said.",
    ],
)
def test_no_refusal_or_help_told(text):
    assert not {"REJECT", "AGREE", "AID"} & set(types(text))


@pytest.mark.parametrize(
    "text",
    [
        "The minister refused to meet the envoy.",
        "Iran rejected the offer from the European Union.",
        "The minister did not attend the talks in Geneva.",
        "The president dismissed the defense minister on Monday.",
    ],
)
def test_refusals_stay(text):
    assert "REJECT" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "She will protect the right to vote, Senator Ada Marsh said.",
        "Senator Ada Marsh vowed to bring back jobs for workers.",
        "Governor Tomas Brill said he would approve the new tax plan.",
    ],
)
def test_promises_about_policies_are_no_agreements(text):
    assert "AGREE" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The governor will help the mayor with the budget.",
        "Britain has promised to continue military aid to Mozambique.",
        "Senator Ada Marsh announced she will resign her post in May.",
    ],
)
def test_promises_to_partners_stay(text):
    assert "AGREE" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ada Marsh sought to calm her supporters.",
        "Governor Tomas Brill urged voters to vote for the senator.",
        "Senator Ada Marsh said she would order the agency to stop the raids.",
        "The case needs more investigation, Senator Ada Marsh said.",
        "Governor Tomas Brill reminded viewers that the debate starts at nine.",
    ],
)
def test_no_demand_made(text):
    assert "REQUEST" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The senator called on Iran to release the prisoners.",
        "Spain asked the other member governments to weigh new sanctions against Syria.",
        "The governor should resign, Senator Ada Marsh said.",
        "Governor Tomas Brill reminded the council to pay its debts.",
    ],
)
def test_demands_stay(text):
    assert "REQUEST" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ada Marsh, who has hammered the governor with insults, spoke on Monday.",
        "Senator Ada Marsh launched a fresh attack on the governor, calling him weak.",
        "Governor Tomas Brill crushed in Ohio and Texas.",
        "Governor Tomas Brill hit the campaign trail with the senator.",
    ],
)
def test_attacks_with_words_are_no_assaults(text):
    assert "ASSAULT" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels launched an attack on the army base.",
        "The rebels took over the town on Monday.",
    ],
)
def test_armed_attacks_stay(text):
    assert {"ASSAULT", "COERCE"} & set(types(text))


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ada Marsh stands by her comments.",
        "Senator Ada Marsh defended herself on Saturday for the vote.",
        "Senator Ada Marsh recognized that the government had lost.",
    ],
)
def test_statements_are_no_support(text):
    assert "SUPPORT" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The senator defended the governor against the charges.",
        "Turkey recognized the new government of Libya.",
    ],
)
def test_support_of_someone_stays(text):
    assert "SUPPORT" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "U.S. Senator Ada Marsh is heading now to South Carolina.",
        "President Barack Obama traveled to New York for fundraisers.",
        "Senator Ada Marsh is talking to voters about health care.",
    ],
)
def test_campaign_travel_and_talk_are_no_consultations(text):
    assert "CONSULT" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The president visited Germany on Monday.",
        "U.S. Senator Ada Marsh visited Mosul on Monday.",
        "The president discussed trade with Chinese President Xi Jinping.",
    ],
)
def test_visits_and_talks_between_actors_stay(text):
    assert "CONSULT" in types(text)


def test_rally_as_setting_is_no_protest_but_a_protest_rally_stays():
    assert "PROTEST" not in types("Voters should act, Senator Ada Marsh said during a rally.")
    assert "PROTEST" not in types("She is touring the state, holding several rallies a day.")
    assert "PROTEST" in types(
        "Protesters clashed with riot police during an opposition rally in Minsk."
    )


@pytest.mark.parametrize(
    "text,plover",
    [
        ("Conceding that a trade deal would come, the president urged patience.", "CONCEDE"),
        ("The senator refused to concede that her critics had a point.", "REJECT"),
        ("The historian cites the union's support for the Civil Rights Act.", "AGREE"),
        ("Senator Ada Marsh addressed dairy farmers in a letter to her donors.", "AGREE"),
        ("Senator Ada Marsh decried the issue of systemic racism.", "ACCUSE"),
    ],
)
def test_words_about_acts_are_not_the_acts(text, plover):
    assert plover not in types(text)


@pytest.mark.parametrize(
    "text,plover",
    [
        ("The rebels conceded the town to the army.", "CONCEDE"),
        ("The senator criticized the president's plan.", "ACCUSE"),
        ("We obviously condemn such actions, the Korean president said.", "ACCUSE"),
        ("Senator Ada Marsh blamed the law on Democratic politicians.", "ACCUSE"),
    ],
)
def test_acts_told_stay(text, plover):
    assert plover in types(text)


@pytest.mark.parametrize(
    "text,plover",
    [
        (
            "Those gifts were not disclosed, despite a deal she had struck with the governor.",
            "ASSAULT",
        ),
        ("The governor praised the senator as a man who did not engage in insults.", "ASSAULT"),
        ("President Tom Brill is opening his announcement by remembering the victims.", "ASSAULT"),
        ("Police officer Tom Brill holds up the gun used in the killing.", "COERCE"),
        ("Pastor Ada Marsh has been dominating headlines with his views.", "THREATEN"),
        (
            "Norway's political system allows for any citizen to put a question to a referendum.",
            "CONCEDE",
        ),
        (
            "President Tom Brill sought on Wednesday to ease growing worries about the vote.",
            "REQUEST",
        ),
        ("That is why Senator Ada Marsh had to lend his campaign money last month.", "REQUEST"),
        ('"I apologize to nobody for that," Senator Ada Marsh said.', "SUPPORT"),
        ("Senator Ada Marsh pushed his promise of free college.", "REQUEST"),
        ("When Senator Ada Marsh thanked Miami, the crowd cheered.", "SUPPORT"),
        ("General Tom Brill warned that his officers understand the risks.", "THREATEN"),
    ],
)
def test_figures_and_non_acts(text, plover):
    assert plover not in types(text)


@pytest.mark.parametrize(
    "text,plover",
    [
        ("Troops opened fire on the crowd.", "ASSAULT"),
        ("Police detained the protesters on Monday.", "COERCE"),
        ("Egyptian police dispersed the crowd, killing one person and arresting 12.", "COERCE"),
        ("Iran must release the prisoners, the minister said.", "REQUEST"),
        ("The United States pressed Vietnam for improvements in human rights.", "REQUEST"),
        ("The president thanked Japan for its help.", "SUPPORT"),
        ("The minister warned that the army would not allow the march.", "THREATEN"),
        ("Four people were killed in grenade attacks on a restaurant.", "ASSAULT"),
    ],
)
def test_acts_next_to_figures_stay(text, plover):
    assert plover in types(text)


# Session 24: thing subjects by the shape of the noun, policy calls asked of no one, acts
# named as a kind, taking part in what is no meeting, and persons named elsewhere in the text.


@pytest.mark.parametrize(
    "text,plover",
    [
        ("The constitution allows the president to serve two terms.", "CONCEDE"),
        ("The settlement allows the rebels to keep their weapons.", "CONCEDE"),
        ("The legislation will help farmers in the north.", "AGREE"),
        ("Senator Ada Marsh called for increased regulation of hedge funds.", "REQUEST"),
        ("Senator Ada Marsh called for more flexibility for military advisers abroad.", "REQUEST"),
        ("Governor Tomas Brill urged an investigation into the shooting.", "REQUEST"),
        ("Governor Tomas Brill: 'Physically Attacking A Reporter Is A Crime.'", "ASSAULT"),
        ("Tomas Brill: \u2018Physically Attacking A Reporter Is A Crime.\u2019", "ASSAULT"),
        ("Senator Ada Marsh took part in funeral prayers for the victims of the flood.", "CONSULT"),
    ],
)
def test_no_act_of_an_actor_told(text, plover):
    assert plover not in types(text)


@pytest.mark.parametrize(
    "text,plover",
    [
        ("The commission refused to meet the minister.", "REJECT"),
        ("The opposition agreed to the talks in Geneva.", "AGREE"),
        ("Senator Ada Marsh called for the release of the jailed journalists.", "REQUEST"),
        ("Senator Ada Marsh called on the governor to resign.", "REQUEST"),
        ("Senator Ada Marsh demanded the governor's resignation.", "REQUEST"),
        ("The foreign ministry called for an immediate ceasefire.", "REQUEST"),
        ("The United Nations called for restraint.", "REQUEST"),
        ("Rebels attacking the convoy killed two soldiers.", "ASSAULT"),
        ("The ministers took part in talks with the rebels in Geneva.", "CONSULT"),
    ],
)
def test_acts_of_actors_stay(text, plover):
    assert plover in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of students participated in a protest outside the ministry.",
        "Hundreds of students took part in a march outside the ministry.",
        "Activists participated in a sit-in outside the ministry on Monday.",
    ],
)
def test_taking_part_in_a_protest_is_a_protest(text):
    assert "PROTEST" in types(text) and "CONSULT" not in types(text)


def test_a_name_seen_as_a_person_elsewhere_is_a_person():
    text = (
        "Senator Ada Marsh spoke in Ohio on Monday. Governor Tomas Brill answered her. "
        "Marsh said her recent attacks on Brill have given her campaign momentum."
    )
    assert ("ASSAULT" not in types(text)) and "ACCUSE" in types(text)
    rally = "Senator Ada Marsh spoke on Monday. Marsh held a rally in Ohio on Saturday."
    assert "PROTEST" not in types(rally)
    assert "PROTEST" in types("Students held a rally outside the ministry on Saturday.")


@pytest.mark.parametrize(
    "text,plover",
    [
        (
            "Senator Ada Marsh will keep up her digs at the governor, as she has demonstrated "
            "in her recent speeches.",
            "PROTEST",
        ),
        ("The courts blocked the executive actions of President Tom Brill.", "PROTEST"),
        ("Most Republican voters want all the migrants to be deported.", "COERCE"),
        (
            "Senator Ada Marsh and her allies dug into Governor Tomas Brill's record on Tuesday, "
            "unleashing a fresh wave of attacks meant to portray him as a man who profited "
            "from a slump that hurt millions of families.",
            "ASSAULT",
        ),
    ],
)
def test_shown_blocked_wished_and_worded(text, plover):
    assert plover not in types(text)


@pytest.mark.parametrize(
    "text,plover",
    [
        ("Thousands demonstrated against the new law outside parliament.", "PROTEST"),
        ("Protesters blocked the main road to the airport.", "PROTEST"),
        ("Demonstrators tried to block the campus entrance.", "PROTEST"),
        ("The minister wanted the talks to resume, and the rebels shelled the town.", "ASSAULT"),
        ("Russia expects the rebels to withdraw from the town.", "RETREAT"),
    ],
)
def test_protests_blockades_and_acts_beside_wishes_stay(text, plover):
    assert plover in types(text)


@pytest.mark.parametrize(
    "text,plover",
    [
        ("Two years of drought threaten the farmers of the region.", "THREATEN"),
        ("The last decade demands a new approach from the government.", "REQUEST"),
        ("So they have to blame other people, Senator Ada Marsh said.", "ACCUSE"),
    ],
)
def test_spans_of_time_and_owed_accusations_are_no_acts(text, plover):
    assert plover not in types(text)


@pytest.mark.parametrize(
    "text,plover",
    [
        ("The rebels threatened the farmers of the region.", "THREATEN"),
        ("Senator Ada Marsh blamed the governor for the crisis.", "ACCUSE"),
    ],
)
def test_threats_and_blame_by_actors_stay(text, plover):
    assert plover in types(text)


@pytest.mark.parametrize(
    "text,plover",
    [
        ("Militants detonated two bombs along the highway on Friday.", "ASSAULT"),
        ("The rebels have detonated explosives beneath a bridge on the highway.", "ASSAULT"),
        ("Police detonated the explosive device in a controlled explosion.", "COERCE"),
    ],
)
def test_bombs_set_off_by_armed_groups_are_attacks_and_defused_ones_not(text, plover):
    assert types(text) == [plover]


@pytest.mark.parametrize(
    "text,plover",
    [
        ("Former prime minister Tomas Brill demanded immediate elections.", "REQUEST"),
        ("Thousands of demonstrators marched on Monday, demanding a referendum.", "REQUEST"),
        ("Rebels blocked transport into the capital on Tuesday.", "PROTEST"),
        (
            "Ruritania lodged an official protest with Freedonia today, charging its neighbour "
            "with supporting rebels in what it said was tantamount to inciting revolt.",
            "ACCUSE",
        ),
    ],
)
def test_calls_for_votes_blockades_of_ways_and_participles_after_commas_stay(text, plover):
    assert plover in types(text)


@pytest.mark.parametrize(
    "text,plover",
    [
        ("The ceasefire between the army and the rebels came into force on Sunday.", "RETREAT"),
        ("Clashes between the army and the rebels erupted on Sunday.", "ASSAULT"),
    ],
)
def test_an_event_noun_told_as_happening_codes_itself(text, plover):
    assert plover in types(text)


def test_a_thing_called_asks_no_one():
    text = "The initiative was called by the party to force the government to adopt the plan."
    assert "REQUEST" not in types(text)
    assert "ACCUSE" in types("The ambassador was summoned by the foreign ministry on Monday.")


@pytest.mark.parametrize(
    "text,plover,kept",
    [
        (
            "Senator Ada Marsh has called for increased regulation of the banking that occurs "
            "at hedge funds, and for raising taxes on profits.",
            "REQUEST",
            False,
        ),
        (
            "Senator Ada Marsh called for the rebel strongholds to be hit even harder.",
            "REQUEST",
            True,
        ),
        ('"Quiet," Senator Ada Marsh demanded, as the governor went on talking.', "REQUEST", True),
    ],
)
def test_policy_calls_and_demands_made_there_and_then(text, plover, kept):
    assert (plover in types(text)) is kept

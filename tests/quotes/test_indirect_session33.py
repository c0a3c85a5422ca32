"""Reported-speech constructions of session 33, on invented news text (issue 14): acts of
deciding and of office take a stand on what they act on."""

from __future__ import annotations

import pytest

from .kinds import indirect_by_verb

pytestmark = pytest.mark.issue(14)


@pytest.mark.parametrize(
    ("text", "verb", "content", "speaker"),
    [
        (
            "The city council approved a plan to close the old depot.",
            "approved",
            "a plan to close the old depot",
            "city council",
        ),
        (
            "The regulator imposed a record fine on the bank.",
            "imposed",
            "a record fine on the bank",
            "regulator",
        ),
        (
            "Governor Jane Roe vetoed the budget bill on Friday.",
            "vetoed",
            "the budget bill",
            "Jane Roe",
        ),
        (
            "A state appeals court overturned the ruling against the union.",
            "overturned",
            "the ruling against the union",
            "state appeals court",
        ),
        (
            "Mayor Tom Baker appointed a former judge as police commissioner.",
            "appointed",
            "a former judge as police commissioner",
            "Tom Baker",
        ),
    ],
)
def test_act_of_office_reports_its_object(run, text, verb, content, speaker):
    (q,) = indirect_by_verb(run(text), verb)
    assert q.quote == content
    assert q.speaker.name == speaker


def test_act_of_office_needs_a_source_that_can_hold_a_view(run):
    # a thing that blocks or lifts something takes no stand
    quotes = run("The storm blocked the only road, and the fog lifted the next morning.")
    assert indirect_by_verb(quotes, "blocked") == []
    assert indirect_by_verb(quotes, "lifted") == []


@pytest.mark.parametrize(
    ("text", "verb", "content", "speaker"),
    [
        (
            "Senator Jane Roe grilled the bank's chief on Tuesday about the fees.",
            "grilled",
            "the bank's chief on Tuesday about the fees",
            "Jane Roe",
        ),
        (
            "Mayor Tom Baker painted his rival as a friend of the landlords.",
            "painted",
            "his rival as a friend of the landlords",
            "Tom Baker",
        ),
        (
            "The state attorney general is investigating the charity.",
            "investigating",
            "the charity",
            "state attorney general",
        ),
        (
            "Jane Roe tried to persuade the board to delay the vote.",
            "persuade",
            "the board to delay the vote",
            "Jane Roe",
        ),
        (
            "Union leaders are pushing for a shorter working week.",
            "pushing",
            "a shorter working week",
            "Union leaders",
        ),
    ],
)
def test_stance_inquiry_and_persuasion_verbs(run, text, verb, content, speaker):
    (q,) = indirect_by_verb(run(text), verb)
    assert q.quote == content
    assert q.speaker.name == speaker


def test_want_reports_the_object_it_wishes_for(run):
    (q,) = indirect_by_verb(run("Tenants in the east of the city want lower rents."), "want")
    assert q.quote == "lower rents"
    assert q.speaker.name.endswith("Tenants in the east of the city")


def test_a_plan_as_an_object_is_an_act_not_a_report(run):
    assert indirect_by_verb(run("The city plans a new park by the river."), "plans") == []


def test_participle_with_an_agent_reports_the_noun_it_describes(run):
    text = "A new toll plan, backed by the city council, was announced on Monday."
    (q,) = indirect_by_verb(run(text), "backed")
    assert q.quote == "A new toll plan"
    assert q.speaker.name == "city council"


def test_a_body_of_place_can_take_a_stand(run):
    (q,) = indirect_by_verb(run("The county lifted the curfew after the storm."), "lifted")
    assert q.quote == "the curfew"
    assert q.speaker.name == "county"


def test_a_participle_of_belief_before_its_clause_is_its_subjects_view(run):
    text = "Believing that the tax was unfair, the mayor vetoed the budget."
    (q,) = indirect_by_verb(run(text), "Believing")
    assert q.quote == "the tax was unfair"
    assert q.speaker.name == "mayor"


def test_a_numeral_object_is_a_content(run):
    text = "Of the nine judges on the court, four were appointed by Governor Jane Roe."
    (q,) = indirect_by_verb(run(text), "appointed")
    assert q.quote == "four"
    assert q.speaker.name == "Jane Roe"


def test_a_date_after_a_speech_verb_is_still_no_content(run):
    assert indirect_by_verb(run("Jane Roe spoke on Monday."), "spoke") == []


def test_a_content_loses_the_conjunction_at_its_edge(run):
    (q,) = indirect_by_verb(run("But the depot is too old, the mayor said."), "said")
    assert q.quote == "the depot is too old"

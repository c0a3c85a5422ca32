"""Reported-speech constructions of session 32, on invented news text (issue 14): what a
named owner's plan or proposal would do is the owner's proposal."""

from __future__ import annotations

import pytest

from .kinds import indirect_by_verb

pytestmark = pytest.mark.issue(14)


def test_possessed_plan_with_a_modal_predicate(run):
    text = (
        "Mayor Jane Roe spoke on Monday. Roe's plan would also cap the parking fees at "
        "five dollars and raise the hotel tax."
    )
    (q,) = indirect_by_verb(run(text), "plan")
    assert q.quote == "cap the parking fees at five dollars and raise the hotel tax"
    assert q.speaker.name == "Jane Roe"


def test_possessed_plan_meant_for_a_purpose(run):
    text = (
        "Although Senator Tom Baker's proposal is intended to make sure that landlords pay "
        "more than they do now, it leaves loopholes."
    )
    (q,) = indirect_by_verb(run(text), "proposal")
    assert q.quote.startswith("make sure that landlords pay more")
    assert q.speaker.name == "Tom Baker"


def test_clause_under_a_possessed_proposal(run):
    text = "Under Jane Roe's proposal, drivers with older cars would pay a higher fee."
    (q,) = indirect_by_verb(run(text), "proposal")
    assert q.quote == "drivers with older cars would pay a higher fee"
    assert q.speaker.name == "Jane Roe"


def test_plan_without_an_owner_reports_nothing(run):
    quotes = run("Under the new plan, drivers would pay more. The plan would cut fares.")
    assert indirect_by_verb(quotes, "plan") == []


def test_plan_predicate_stops_before_a_clause_with_a_source_of_its_own(run):
    text = (
        "Jane Roe's plan would cut the levy on hotels, and critics say that it would "
        "change the tax code."
    )
    quotes = run(text)
    (plan,) = indirect_by_verb(quotes, "plan")
    assert plan.quote == "cut the levy on hotels"
    (say,) = indirect_by_verb(quotes, "say")
    assert say.speaker.name == "critics"


def test_concession_reporting_a_refusal_is_a_report_of_its_own(run):
    text = (
        "Jane Roe spoke at the debate. She claimed that paying no fees was smart, although "
        "she again refused to pledge to release her records before the vote."
    )
    quotes = run(text)
    (claimed,) = indirect_by_verb(quotes, "claimed")
    assert claimed.quote == "paying no fees was smart"
    (refused,) = indirect_by_verb(quotes, "refused")
    assert refused.quote == "to pledge to release her records before the vote"
    assert refused.speaker.name == "Jane Roe"


def test_speaking_relative_clause_is_cut_from_an_object_content(run):
    quotes = run("Friends again: Jane Roe endorses Tom Baker, who says he is honored.")
    (endorses,) = indirect_by_verb(quotes, "endorses")
    assert endorses.quote == "Tom Baker"
    (says,) = indirect_by_verb(quotes, "says")
    assert says.quote == "he is honored"
    assert says.speaker.name == "Tom Baker"


def test_cue_verbs_own_relative_clause_stays_its_content(run):
    # the relative clause is the cue's, not a second source inside an object
    text = "The council rejected the parking fee, which the mayor had proposed in May."
    (q,) = indirect_by_verb(run(text), "proposed")
    assert q.quote.startswith("the parking fee, which the mayor had proposed")


def test_work_noun_label_opening_a_headline(run):
    text = "Poll: Young Voters Turn Away From the Mayor.\n\nThe mayor spoke on Monday."
    (q,) = [q for q in run(text) if q.kind == "indirect"]
    assert q.quote == "Young Voters Turn Away From the Mayor"
    assert q.speaker.name == "Poll"


def test_label_naming_no_one_or_no_work_reports_nothing(run):
    quotes = run("The Latest: Roe wins the vote.\n\nRoe won.")
    assert [q for q in quotes if q.kind == "indirect"] == []

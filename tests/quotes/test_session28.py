"""Reported-speech constructions of session 28, on invented news text (issue 14): a second
report in a participle after a comma, a ruling, a conjoined attribution with its own
subject, and a reported clause the parser hangs as an adverbial clause."""

from __future__ import annotations

import pytest

from .kinds import indirect_by_verb

pytestmark = pytest.mark.issue(14)


def test_comma_participle_is_a_second_report_of_the_same_source(run):
    text = (
        "Mayor Jane Roe said the old depot was too costly to repair, arguing that the land "
        "would be worth more as a park."
    )
    quotes = run(text)
    (said,) = indirect_by_verb(quotes, "said")
    (arguing,) = indirect_by_verb(quotes, "arguing")
    assert said.quote == "the old depot was too costly to repair"
    assert arguing.quote == "the land would be worth more as a park"
    assert said.speaker.name == arguing.speaker.name == "Jane Roe"


def test_a_court_ruling_reports_its_clause(run):
    text = "The appeals court ruled that the county's new voting rules broke the state law."
    (q,) = indirect_by_verb(run(text), "ruled")
    assert q.quote == "the county's new voting rules broke the state law"
    assert q.speaker.name == "appeals court"


def test_report_stops_before_a_conjoined_attribution_with_its_own_subject(run):
    text = (
        "Jane Roe said the bridge fund was nearly empty, and when pressed on the delay, the "
        'county treasurer replied, "We will find the money by spring."'
    )
    quotes = run(text)
    (said,) = indirect_by_verb(quotes, "said")
    assert said.quote == "the bridge fund was nearly empty"
    assert said.speaker.name == "Jane Roe"
    (direct,) = [q for q in quotes if q.kind == "direct"]
    assert direct.quote == "We will find the money by spring."


def test_clause_the_parser_hangs_as_adverbial_is_what_was_said(run):
    text = "Tom Baker said after the hearing he would not accept the council's offer."
    (q,) = indirect_by_verb(run(text), "said")
    assert "he would not accept the council's offer" in q.quote
    assert q.speaker.name == "Tom Baker"


def test_adverbial_clause_with_a_subordinator_is_not_a_report(run):
    # "when" opens a time clause: nothing was said in it
    text = "Tom Baker said nothing when the council rejected his offer."
    assert not [q for q in indirect_by_verb(run(text), "said") if "rejected" in q.quote]


def test_as_clause_hung_on_the_subject_reports_the_whole_clause(run):
    # the parser hangs "as the governor noted" on "Ohio", not on the verb of the clause
    text = "Ohio, as the governor noted, rarely gets two floods in a year."
    (q,) = indirect_by_verb(run(text), "noted")
    assert q.quote.startswith("Ohio") and q.quote.endswith("two floods in a year")
    assert q.speaker.text == "the governor"


def test_promise_infinitive_the_parser_hangs_as_purpose_clause(run):
    text = "Jane Roe and Tom Baker vow to rebuild the bridge."
    (q,) = indirect_by_verb(run(text), "vow")
    assert q.quote == "to rebuild the bridge"


def test_purpose_clause_of_a_verb_of_motion_is_no_promise(run):
    assert not [q for q in run("Jane Roe came to see the bridge.") if q.kind == "indirect"]


def test_her_aides_named_through_the_owner_the_tagger_missed_as_a_person(run):
    # the last "Holloway" is tagged as an organisation; the actors stage codes "Her aides"
    # as the department: the owner names them and gives the codes
    text = (
        "Rep. Dana Holloway of Ohio toured a steel plant in Akron on Tuesday.\n\n"
        "Holloway has long pressed for new rules on plant safety in her district.\n\n"
        "She wrote the Safe Mills Act of 2012. And she backed the 2015 review of the Clean "
        "Rivers Act.\n\n"
        "The Labor Department has been slow to apply the rules, angering Holloway.\n\n"
        "Her aides say it is too soon to talk about a run for governor."
    )
    (q,) = [q for q in run(text) if q.kind == "indirect" and q.speaker.text == "Her aides"]
    assert q.speaker.name == "Dana Holloway's aides"
    assert q.speaker.how == "quote-owner" and q.speaker.id is None


def test_question_after_a_negated_speech_verb_is_what_was_not_said(run):
    text = "Jane Roe has not said when the county would take up the bridge plan."
    (q,) = indirect_by_verb(run(text), "said")
    assert q.quote == "when the county would take up the bridge plan"
    assert q.speaker.name == "Jane Roe"


def test_time_clause_after_a_negated_verb_is_no_question(run):
    assert not [
        q
        for q in run("Jane Roe did not speak when the council voted on the plan.")
        if q.kind == "indirect"
    ]

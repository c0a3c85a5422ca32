"""Reported-speech constructions of session 31, on invented news text (issue 14): a noun
phrase whose relative clause holds the cue ("the tax he proposed"), a comma participle and a
concession inside a report that are reports of their own."""

from __future__ import annotations

import pytest

from .kinds import indirect_by_verb

pytestmark = pytest.mark.issue(14)


def test_noun_with_a_relative_clause_of_a_cue_verb_is_its_content(run):
    text = "The council rejected the parking fee the mayor had proposed."
    (q,) = indirect_by_verb(run(text), "proposed")
    assert q.quote == "the parking fee the mayor had proposed"
    assert q.speaker.name == "mayor"


def test_relative_clause_after_a_comma_and_a_stranded_preposition(run):
    text = "Anna Roe read out an old audit, which the Harbor Board pointed to as proof of waste."
    (q,) = indirect_by_verb(run(text), "pointed")
    assert q.quote.startswith("an old audit, which the Harbor Board pointed to")
    assert q.speaker.name == "Harbor Board"


def test_relative_clause_inside_another_report_keeps_its_own_source(run):
    text = "Tom Baker said the road tax, which Anna Roe proposed last year, was far too high."
    quotes = run(text)
    (proposed,) = indirect_by_verb(quotes, "proposed")
    assert proposed.speaker.name == "Anna Roe"
    (said,) = indirect_by_verb(quotes, "said")
    assert said.speaker.name == "Tom Baker"


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Anna Roe recalled the day she spoke to the striking dock workers.",
        "Tom Baker, who proposed the road tax, lost the vote on Monday.",
        "There was little reason for the city to respond to the complaints.",
    ],
)
def test_no_relative_object_without_an_object_gap(run, text):
    # a time noun is no object; a subject relative's source is the antecedent ("Baker
    # proposed the tax"); an infinitive is no relative clause
    for q in run(text):
        assert not q.quote.startswith(("the day", "Tom Baker", "little reason"))


def test_comma_participle_inside_a_report_is_a_second_report(run):
    text = "Inspectors said the dam had cracks, citing a survey that engineers completed in May."
    quotes = run(text)
    (said,) = indirect_by_verb(quotes, "said")
    (citing,) = indirect_by_verb(quotes, "citing")
    assert said.quote == "the dam had cracks"
    assert citing.quote == "a survey that engineers completed in May"
    assert citing.speaker.name == said.speaker.name == "Inspectors"


def test_concession_with_a_speech_verb_inside_a_report_is_its_own(run):
    text = "Anna Roe said the new rules hurt small farms, though she noted exports were rising."
    quotes = run(text)
    (said,) = indirect_by_verb(quotes, "said")
    (noted,) = indirect_by_verb(quotes, "noted")
    assert said.quote == "the new rules hurt small farms"
    assert noted.quote == "exports were rising"
    assert noted.speaker.name == "Anna Roe"


def test_reason_clause_inside_a_report_stays_in_it(run):
    text = "Anna Roe said the new rules hurt small farms because buyers complained about prices."
    quotes = run(text)
    (said,) = indirect_by_verb(quotes, "said")
    assert said.quote.endswith("because buyers complained about prices")


@pytest.mark.parametrize(
    ("text", "noun", "content", "speaker"),
    [
        (
            "The mayor issued a warning about the flooded river roads.",
            "warning",
            "the flooded river roads",
            "mayor",
        ),
        (
            "Anna Roe made the claim that the count was rigged.",
            "claim",
            "the count was rigged",
            "Anna Roe",
        ),
        (
            "The senators raised questions about the new port contract.",
            "questions",
            "the new port contract",
            "senators",
        ),
    ],
)
def test_cue_noun_object_of_a_light_verb_speaks_for_its_subject(run, text, noun, content, speaker):
    (q,) = indirect_by_verb(run(text), noun)
    assert q.quote == content
    assert q.speaker.name == speaker


@pytest.mark.parametrize(
    "text",
    ["The firm made a profit of two million dollars.", "The storm raised the level of the lake."],
)
def test_light_verb_without_a_cue_noun_reports_nothing(run, text):
    assert [q for q in run(text) if q.kind == "indirect"] == []

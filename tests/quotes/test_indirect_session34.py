"""Reported-speech constructions of session 34, on invented news text (issue 14)."""

from __future__ import annotations

import pytest

from .kinds import indirect_by_verb

pytestmark = pytest.mark.issue(14)


def test_adjective_topic_hung_on_the_copula(run):
    # spaCy hangs "on the future ..." on "is", not on "bearish"
    found = indirect_by_verb(run("The mayor is bearish on the future of the mall."), "bearish")
    assert [(q.quote, q.speaker.name) for q in found] == [("the future of the mall", "mayor")]


def test_copula_preposition_after_an_adjective_phrase_is_no_topic(run):
    found = indirect_by_verb(run("The mayor was proud on Monday."), "proud")
    assert found == []


def test_as_much_stands_for_what_was_said(run):
    found = indirect_by_verb(run("The governor said as much on Monday."), "said")
    assert [(q.quote, q.speaker.name) for q in found] == [("as much", "governor")]


def test_as_much_measuring_the_speaking_is_no_content(run):
    assert indirect_by_verb(run("She spoke as much as she could."), "spoke") == []


def test_urged_thing_is_what_is_urged(run):
    found = indirect_by_verb(run("The mayor urged stricter limits on noise."), "urged")
    assert [(q.quote, q.speaker.name) for q in found] == [("stricter limits on noise", "mayor")]


@pytest.mark.parametrize(
    ("text", "verb"),
    [("The mayor urged voters on Monday.", "urged"), ("She told reporters on Monday.", "told")],
)
def test_addressed_object_alone_is_no_content(run, text, verb):
    assert indirect_by_verb(run(text), verb) == []


@pytest.mark.parametrize(
    ("text", "verb", "content"),
    [
        ("One of the senators backed the plan.", "backed", "the plan"),
        ("One of the candidates is propounding views that threaten the old order.",
         "propounding", "views that threaten the old order"),
    ],
)
def test_a_share_of_a_group_holds_its_view(run, text, verb, content):
    # a stance cue needs a source that can hold a view: "one of the senators" is a senator
    assert [q.quote for q in indirect_by_verb(run(text), verb)] == [content]


def test_a_share_of_things_holds_no_view(run):
    assert indirect_by_verb(run("One of the rules supports growth."), "supports") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The panel held the aide in contempt for refusing to testify.", "aide"),
        ("The panel held Roe in contempt for refusing to testify.", "Roe"),
    ],
)
def test_gerund_after_a_judged_object_is_the_objects_act(run, text, speaker):
    found = indirect_by_verb(run(text), "refusing")
    assert [(q.quote, q.speaker.name) for q in found] == [("to testify", speaker)]


def test_gerund_after_a_thing_object_is_the_subjects_own(nlp):
    from newsevents.quotes.attribute import subject_of

    doc = nlp("The council held the vote in June for refusing to wait.")
    gerund = next(t for t in doc if t.text == "refusing")
    assert subject_of(gerund).text == "council"


def test_participle_after_an_object_is_the_objects_act(run):
    text = "The collapse of the deal left many members feeling that they had no ally."
    found = indirect_by_verb(run(text), "feeling")
    assert [(q.quote, q.speaker.name) for q in found] == [("they had no ally", "many members")]


def test_participle_after_a_time_object_is_the_subjects(run):
    text = "The mayor spent the day saying that the plan was dead."
    found = indirect_by_verb(run(text), "saying")
    assert [q.speaker.name for q in found] == ["mayor"]


@pytest.mark.parametrize(
    ("text", "noun", "content"),
    [
        (
            "Senator Jane Roe spoke. Her long-held ideas about the dangers of free trade shaped"
            " the plan.",
            "ideas",
            "the dangers of free trade",
        ),
        ("Jane Roe's thoughts on the new stadium are well known.", "thoughts", "the new stadium"),
        ("Jane Roe's impression that the budget was balanced proved wrong.", "impression",
         "the budget was balanced"),
    ],
)
def test_owned_nouns_of_thought_hold_their_owners_view(run, text, noun, content):
    found = indirect_by_verb(run(text), noun)
    assert [(q.quote, q.speaker.name) for q in found] == [(content, "Jane Roe")]


def test_a_noun_of_thought_without_an_owner_reports_nothing(run):
    assert indirect_by_verb(run("The idea of a new stadium is popular."), "idea") == []


def test_that_clause_the_parser_reads_as_a_relative_clause_is_the_nouns_report(run):
    # spaCy hangs "that the mayor had won" on "report" as a relative clause, with "that"
    # as its mark: a relative pronoun would be the clause's subject or object
    found = indirect_by_verb(run("Despite a Gazette report that the mayor had won, she lost."),
                             "report")
    assert [(q.quote, q.speaker.name) for q in found] == [("the mayor had won", "Gazette")]


def test_a_true_relative_clause_on_a_cue_noun_is_no_report(run):
    text = "The Gazette report that the mayor cited was wrong."
    assert indirect_by_verb(run(text), "report") == []


def test_lead_in_before_a_colon_is_not_what_was_said(run):
    text = (
        "The ruling set off a new fight on Friday: Republicans said they were sure the agency"
        " had erred."
    )
    found = indirect_by_verb(run(text), "said")
    assert [q.quote for q in found] == ["they were sure the agency had erred"]

"""Speakers of direct and mixed quotes on invented text (issue 14): cue verbs beyond "said",
role descriptions with their organisation, and pronoun antecedents the parser hides."""

from __future__ import annotations

import pytest

from newsevents.coding.actors import find_actors
from newsevents.nlp import parse_text
from newsevents.quotes import extract_quotes

pytestmark = pytest.mark.issue(14)


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text: str):
        parsed = parse_text(text, nlp, id="t")
        return [q for q in extract_quotes(parsed, find_actors(parsed)) if q.kind == "direct"]

    return _run


def pairs(quotes):
    return [(q.speaker.name if q.speaker else None, q.quote) for q in quotes]


def test_phrasal_cue_went_on_about_beats_a_later_speech_verb(run):
    text = (
        'As Governor Ruth Kell went on about "the broken buses" and "the empty depots,"'
        " Pia Lund said nothing at all."
    )
    assert pairs(run(text)) == [
        ("Ruth Kell", "the broken buses"),
        ("Ruth Kell", "the empty depots"),
    ]


def test_phrasal_cue_with_a_preposition_gone_after(run):
    text = 'Rep. Ada Vell has gone after the mayor as a "reckless spender who will ruin the port."'
    assert pairs(run(text)) == [("Ada Vell", "reckless spender who will ruin the port.")]


def test_publication_reported_attributes_a_quote(run):
    text = '"The depot will close in May and the workers will move," the Harbour Gazette reported.'
    assert pairs(run(text)) == [
        ("Harbour Gazette", "The depot will close in May and the workers will move")
    ]


def test_exhorted_attributes_its_quoted_infinitive(run):
    text = 'Senator Ivo Tamm exhorted voters to "stay home and stay safe."'
    assert pairs(run(text)) == [("Ivo Tamm", "stay home and stay safe.")]


def test_capitalised_bare_role_keeps_its_organisation(run):
    text = 'Officials at the Dunmore Port Authority said the harbour was "closed for good."'
    assert pairs(run(text)) == [("Officials at the Dunmore Port Authority", "closed for good.")]


def test_pronoun_antecedent_is_the_owner_of_a_subject(run):
    text = (
        '"It is too costly," said Pavel Greer, an engineer.\n\n'
        "Mark Tamm's plan earned him a hearing in the council, where he said the bridge was"
        ' "the cheapest way across."'
    )
    assert pairs(run(text)) == [
        ("Pavel Greer", "It is too costly"),
        ("Mark Tamm", "the cheapest way across."),
    ]


def test_pronoun_antecedent_is_a_subject_before_a_colon_and_a_quotation(run):
    # the parser hangs "Pike scolded him:" as a clause of the quotation's verb: Pike is not
    # inside a reported clause, she is the one speaking
    text = (
        '"It is too costly," said Pavel Greer, an engineer.\n\n'
        'Senator Dora Pike scolded him: "The whole town is against you and your plan," she said.'
    )
    assert pairs(run(text)) == [
        ("Pavel Greer", "It is too costly"),
        ("Dora Pike", "The whole town is against you and your plan"),
    ]


def test_quotation_joined_to_an_attributed_one_by_but_is_the_same_speakers(run):
    text = (
        '"I respect Nora," Mayor Paul Brandt said, but "when it comes to the harbour, Nora'
        ' has always sided with the shipping firms."'
    )
    assert pairs(run(text)) == [
        ("Paul Brandt", "I respect Nora"),
        (
            "Paul Brandt",
            "when it comes to the harbour, Nora has always sided with the shipping firms.",
        ),
    ]


def test_headline_quotation_repeating_the_body_takes_its_speaker(run):
    text = (
        'Harbour sale compared to "selling the family silver"\n\n'
        "The council voted on Tuesday to sell the old harbour, which Mayor Paul Brandt"
        ' compared to "selling the family silver" in a speech.'
    )
    assert pairs(run(text)) == [
        ("Paul Brandt", "selling the family silver"),
        ("Paul Brandt", "selling the family silver"),
    ]


def test_speech_participle_next_to_the_quotation_beats_the_sentence_verb(run):
    text = (
        "The video concludes with footage of Paul Brandt saying during a rally last week,"
        ' "That makes me smart."'
    )
    assert pairs(run(text)) == [("Paul Brandt", "That makes me smart.")]


def test_nickname_inside_a_name_is_no_quote_and_no_end_of_the_attribution(run):
    text = (
        '"We will fix the roads this year!" Brandt\'s sister, state Rep. Margaret "Peggy"'
        ' Lane, told the crowd. "Nobody will wait again."'
    )
    assert pairs(run(text)) == [
        ("Margaret Lane", "We will fix the roads this year!"),
        ("Margaret Lane", "Nobody will wait again."),
    ]


def test_quoted_sentence_ended_by_a_word_outside_the_marks_continues_the_speaker(run):
    text = (
        '"The plan is late," Mayor Paul Brandt said.\u00a0"You promised voters a new bridge by'
        ' the end of the" decade.'
    )
    assert pairs(run(text)) == [
        ("Paul Brandt", "The plan is late"),
        ("Paul Brandt", "You promised voters a new bridge by the end of the"),
    ]


def test_unattributed_quotation_after_a_new_person_narrated_is_that_persons(run):
    text = (
        '"We will win the county," Governor Paul Brandt said on Monday.\n\n'
        "On Sunday, Sen. Maria Lenz, who lost the primary to Brandt, named the housing"
        ' shortage as the main reason to vote. "The young people of this state are tired of'
        ' waiting for a home."'
    )
    assert pairs(run(text)) == [
        ("Paul Brandt", "We will win the county"),
        ("Maria Lenz", "The young people of this state are tired of waiting for a home."),
    ]


def test_as_the_memo_put_it_attributes_to_the_memos_issuer(run):
    text = (
        'The main requirement of the scheme is a "steady source of honest income," as a'
        " Treasury memo put it."
    )
    assert pairs(run(text)) == [("Treasury", "steady source of honest income")]


def test_a_brief_speaks_for_its_owner_through_a_conjoined_verb(run):
    # "dismissed" shares the subject "that" of the clause "said" reports: the brief speaks;
    # the couple named before is not a longer name for one of them
    text = (
        "The court filing by Jo and Sam Vance asked for more time. Sam Vance's brief said"
        ' that was not his view and dismissed the reports as "old and misread claims."'
    )
    assert pairs(run(text)) == [("Sam Vance", "old and misread claims.")]


def test_a_complaint_filed_by_a_body_speaks_for_that_body(run):
    text = (
        "According to a civil complaint filed by the Harbour Commission, the firm ran a"
        ' "massive six-year fraud scheme."'
    )
    assert pairs(run(text)) == [("Harbour Commission", "massive six-year fraud scheme.")]


def test_pronoun_takes_the_person_introduced_after_a_subordinate_subject(run):
    text = (
        '"It will pass," Senator Tom Reed said.\n\n'
        "While Reed had the votes in May, that has not been the case this month, which"
        " worries Henry Falk, head of the Farmers Union.\n\n"
        '"Nobody is sure of anything now," he said.'
    )
    assert pairs(run(text)) == [
        ("Tom Reed", "It will pass"),
        ("Henry Falk", "Nobody is sure of anything now"),
    ]


def test_go_on_is_a_cue_only_with_about(nlp):
    # "went on about" reports what was said; "went on offense" says nothing
    parsed = parse_text("Governor Ruth Kell went on offense on Monday.", nlp, id="t")
    assert extract_quotes(parsed, find_actors(parsed)) == []

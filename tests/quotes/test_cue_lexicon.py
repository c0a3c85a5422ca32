"""Indirect attributions through the cue lexicon beyond speech (data/quotes/cue_verbs.tsv):
beliefs, stances, plans and phrasal speech verbs, on invented text (issue 14)."""

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
        return [q for q in extract_quotes(parsed, find_actors(parsed)) if q.kind == "indirect"]

    return _run


def pairs(quotes):
    return [(q.speaker.name if q.speaker else None, q.quote) for q in quotes]


def test_belief_verb_reports_its_clause(run):
    text = "Councillor Marta Fenwick doubts that the ferry will reopen before spring."
    assert pairs(run(text)) == [("Marta Fenwick", "the ferry will reopen before spring")]


def test_phrasal_speech_verb_reports_its_clause(run):
    text = "Auditor Leon Brisk pointed out that the depot had never been inspected."
    assert pairs(run(text)) == [("Leon Brisk", "the depot had never been inspected")]


def test_phrasal_form_needs_its_particle(run):
    text = "Auditor Leon Brisk pointed at the depot that had never been inspected."
    assert pairs(run(text)) == []


def test_stance_verb_reports_its_object(run):
    text = "Governor Ada Quill backs the new harbour tax."
    assert pairs(run(text)) == [("Ada Quill", "the new harbour tax")]


def test_stance_verb_with_a_thing_as_subject_is_no_attribution(run):
    assert pairs(run("The new harbour tax backs the pension fund.")) == []
    assert pairs(run("The flood highlighted that the levee was too low.")) == []


def test_belief_verb_without_a_subject_is_no_attribution(run):
    assert pairs(run("Assuming that the levee holds, the town will stay dry.")) == []


def test_commitment_verb_reports_its_infinitive(run):
    text = "Union leader Omar Fitch threatened to halt the trains in May."
    assert pairs(run(text)) == [("Omar Fitch", "to halt the trains in May")]


def test_passive_expectation_is_not_the_subjects_plan(run):
    assert pairs(run("The treaty is expected to pass the senate next month.")) == []


def test_attitude_verb_reports_its_object(run):
    text = "Mayor Ines Dorr admires the volunteers who rebuilt the library."
    assert pairs(run(text)) == [("Ines Dorr", "the volunteers who rebuilt the library")]


def test_cue_inside_a_report_is_part_of_the_report(run):
    text = "Ines Dorr said she doubts that the ferry will reopen before spring."
    assert [name for name, _ in pairs(run(text))] == ["Ines Dorr"]


def test_acronym_the_article_writes_is_the_speakers_name(run):
    # The actors dictionary knows the FBI by its full name; this article never spells it.
    text = "The FBI said that the archive had been copied twice before the audit."
    assert [name for name, _ in pairs(run(text))] == ["FBI"]


def test_full_name_the_article_writes_stays_the_speakers_name(run):
    text = (
        "The Federal Bureau of Investigation opened an inquiry on Monday.\n\n"
        "The FBI said that the archive had been copied twice before the audit."
    )
    assert [name for name, _ in pairs(run(text))] == ["Federal Bureau of Investigation"]


def test_group_the_dictionary_labels_otherwise_keeps_the_articles_name(run):
    # The actors dictionary files "Republicans" under a party label this article never writes.
    text = "Republicans said that the harbour tax would hurt the ferry towns."
    assert [name for name, _ in pairs(run(text))] == ["Republicans"]


def test_pronoun_of_such_a_group_takes_its_written_name(run):
    text = (
        "The Republican National Committee met in Dover on Monday. It said that the harbour "
        "tax would hurt the ferry towns."
    )
    assert [name for name, _ in pairs(run(text))] == ["Republican National Committee"]


def test_stance_of_a_description_with_a_named_group_is_an_attribution(run):
    text = "The Republican nominee backs the new harbour tax."
    assert [quote for _, quote in pairs(run(text))] == ["the new harbour tax"]


def test_predicate_adjective_of_belief_reports_its_clause(run):
    text = "Many voters are confident that the recount was fair."
    assert pairs(run(text)) == [("Many voters", "the recount was fair")]


def test_predicate_adjective_of_stance_reports_its_topic(run):
    text = "Senator Dana Roe has been critical of the harbour tax."
    assert pairs(run(text)) == [("Dana Roe", "the harbour tax")]


def test_predicate_adjective_of_will_reports_its_infinitive(run):
    text = "The union is ready to end the strike."
    assert [quote for _, quote in pairs(run(text))] == ["to end the strike"]


def test_adjective_outside_the_lexicon_is_no_attribution(run):
    assert pairs(run("The union is likely to end the strike.")) == []


def test_quantifier_subject_speaks_as_written(run):
    text = "Not everyone agrees that the plant should close."
    assert pairs(run(text)) == [("everyone", "the plant should close")]


def test_reported_speech_with_no_source_is_dropped(run):
    assert pairs(run("Read the rest of the report here.")) == []


def test_quoted_transcript_paragraph_is_spoken_by_its_label(run_all):
    text = (
        "Senator Jane Roe spoke to the radio host Sam Baker on Sunday.\n\n"
        '"ROE: We will win the county, and we will win it by a lot."'
    )
    # a turn is attributed by its label, as an unquoted speaker line is: reported speech
    turns = [q for q in run_all(text) if q.verb and q.verb["text"] == ":"]
    assert [(q.kind, q.speaker.name, q.speaker.text) for q in turns] == [
        ("indirect", "Jane Roe", "ROE")
    ]
    assert turns[0].quote == "We will win the county, and we will win it by a lot."


@pytest.fixture(scope="module")
def run_all(nlp):
    def _run(text: str):
        parsed = parse_text(text, nlp, id="t")
        return extract_quotes(parsed, find_actors(parsed))

    return _run


def test_cue_inside_a_report_for_the_same_source_is_one_report(run):
    text = "Her aides say it is too early to discuss a run for the senate."
    assert [q.verb["text"] for q in run(text)] == ["say"]
    text = "Jo Roe said she did not mention the audit to the board."
    assert [q.verb["text"] for q in run(text)] == ["said"]


def test_cue_inside_a_report_with_a_named_source_is_part_of_the_report(run):
    # what Roe said holds Baker's call: one attribution, Roe's, as news annotation reads it
    text = "Jo Roe said that Sam Baker has called for a recount in the county."
    assert pairs(run(text)) == [("Jo Roe", "Sam Baker has called for a recount in the county")]


def test_a_report_beside_another_report_stays(run):
    text = "Jo Roe said the depot was closed, and Sam Baker argued that it had never opened."
    assert sorted(name for name, _ in pairs(run(text))) == ["Jo Roe", "Sam Baker"]


def test_object_and_what_it_is_blamed_for_are_one_content(run):
    text = "Senator Ada Kell attacked the mayor for the delays at the harbour."
    assert pairs(run(text)) == [("Ada Kell", "the mayor for the delays at the harbour")]
    text = "The union leader Bo Marsh derided the offer as an insult to the crews."
    assert [q for _, q in pairs(run(text))] == ["the offer as an insult to the crews"]


def test_a_date_after_the_object_is_not_content(run):
    text = "Senator Ada Kell criticized the new toll on Monday."
    assert pairs(run(text)) == [("Ada Kell", "the new toll")]


def test_passive_with_an_agent_reports_its_subject(run):
    text = "The harbour plan was endorsed by the dockworkers' union on Friday."
    assert [(q.speaker.name, q.quote) for q in run(text)] == [
        ("dockworkers' union", "The harbour plan")
    ]


def test_gerund_complement_is_what_was_proposed(run):
    text = "Councillor Ada Kell proposed cutting the ferry fares for students."
    assert pairs(run(text)) == [("Ada Kell", "cutting the ferry fares for students")]


def test_prepositional_cue_reports_its_own_prepositions_object(run):
    text = "Councillor Ada Kell referred to the toll as a tax on the poor."
    assert pairs(run(text)) == [("Ada Kell", "the toll as a tax on the poor")]
    text = "Councillor Ada Kell voted against the harbour budget."
    assert pairs(run(text)) == [("Ada Kell", "the harbour budget")]


def test_prepositional_cue_needs_its_preposition(run):
    assert pairs(run("Councillor Ada Kell referred the complaint.")) == []
    assert pairs(run("Councillor Ada Kell seized the moment.")) == []


def test_owned_cue_noun_reports_its_infinitive_or_topic(run):
    text = "The council's refusal to pay the harbour fine angered the crews."
    assert [q for _, q in pairs(run(text))] == ["to pay the harbour fine"]
    text = "The ministry's claims about the new dam turned out to be false."
    assert [q for _, q in pairs(run(text))] == ["the new dam"]


def test_in_a_poll_reports_its_clause(run):
    text = "In the latest Harbour Gazette poll, Ada Kell leads Bo Marsh by five points."
    assert [q for _, q in pairs(run(text))] == ["Ada Kell leads Bo Marsh by five points"]
    assert pairs(run("In Toledo, Ada Kell leads Bo Marsh by five points.")) == []


def test_as_the_source_put_it_reports_the_clause_around_it(run):
    text = "As the engineer Jo Roe put it, the dam had simply grown too old."
    assert pairs(run(text)) == [("Jo Roe", "the dam had simply grown too old")]
    text = "As Jo Roe noted, the dam had simply grown too old."
    assert pairs(run(text)) == [("Jo Roe", "the dam had simply grown too old")]


def test_short_infinitive_is_a_report(run):
    assert pairs(run("Mayor Jo Roe refused to resign.")) == [("Jo Roe", "to resign")]


def test_documents_and_poll_shares_can_hold_a_view(run):
    text = "The film documented the decline of the harbour."
    assert [q for _, q in pairs(run(text))] == ["the decline of the harbour"]
    text = "In the survey, 42 percent of those responding backed the toll."
    assert "the toll" in [q for _, q in pairs(run(text))]


def test_relative_pronoun_source_is_the_noun_it_stands_for(run):
    text = "The dockers joined a union that backs the harbour strike."
    assert [(q.speaker.name, q.quote) for q in run(text)] == [("union", "the harbour strike")]


def test_call_on_someone_to_act_is_a_directive(run):
    text = "Senator Ada Kell called on the mayor to resign."
    assert pairs(run(text)) == [("Ada Kell", "the mayor to resign")]


def test_calling_a_meeting_names_nothing(run):
    assert pairs(run("Senator Ada Kell called an emergency meeting.")) == []
    text = "Senator Ada Kell called the plan a disaster."
    assert pairs(run(text)) == [("Ada Kell", "the plan a disaster")]


def test_prepositional_row_needs_its_preposition_next_to_the_verb(run):
    text = "Senator Ada Kell called for a recount on Monday."
    assert pairs(run(text)) == [("Ada Kell", "a recount")]


def test_colon_ending_a_paragraph_introduces_the_next_one(run_all):
    text = (
        "The harbour master Jo Roe spoke to the council on Monday. Roe added:\n\n"
        "The dam is older than the town, and nobody has inspected it since the flood.\n"
    )
    indirect = [q for q in run_all(text) if q.kind == "indirect"]
    assert [(q.speaker.name, q.quote) for q in indirect] == [
        ("Jo Roe", "The dam is older than the town, and nobody has inspected it since the flood.")
    ]


def test_possessive_owner_resolves_like_its_pronoun(run):
    text = (
        "Mayor Jo Roe spoke to the council on Monday. "
        "His claim that the dam is unsafe surprised the engineers."
    )
    assert pairs(run(text)) == [("Jo Roe", "the dam is unsafe")]


def test_predicate_noun_of_stance_reports_its_topic(run):
    text = "Councillor Ada Penn is a fierce critic of the harbour tax."
    assert pairs(run(text)) == [("Ada Penn", "the harbour tax")]


def test_stance_noun_held_with_have_reports_its_topic(run):
    text = "Senator Ivo Tamm has serious doubts about the ferry loan."
    assert pairs(run(text)) == [("Ivo Tamm", "the ferry loan")]


def test_predicate_noun_outside_the_stance_list_reports_nothing(run):
    assert pairs(run("Councillor Ada Penn is a member of the harbour board.")) == []


def test_stance_noun_of_a_thing_reports_nothing(run):
    assert pairs(run("The storm was a critic of nothing and a danger to the harbour.")) == []


def test_adjective_of_attitude_reports_its_topic(run):
    text = "Mayor Jo Brant is passionate about the night buses."
    assert pairs(run(text)) == [("Jo Brant", "the night buses")]


def test_second_report_joined_by_and_is_its_own_attribution(run):
    text = (
        "Mayor Jo Brant said on Monday that the city would close the depot by March and "
        "suggested that it would sell the land."
    )
    assert pairs(run(text)) == [
        ("Jo Brant", "the city would close the depot by March"),
        ("Jo Brant", "it would sell the land"),
    ]


def test_verbs_joined_by_and_without_a_report_stay_one_content(run):
    text = "Mayor Jo Brant said the city would close the depot and sell the land."
    assert pairs(run(text)) == [("Jo Brant", "the city would close the depot and sell the land")]

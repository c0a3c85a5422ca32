"""Speaker attribution by cue pattern, on invented news text (issue 14): each cue form
names its source, and descriptions ("the senator", "his lawyer") refer back to a person."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.issue(14)


def names(quotes, kind="direct"):
    return [q.speaker.name if q.speaker else None for q in quotes if q.kind == kind]


def test_according_to_names_the_source_of_a_quote(run):
    text = 'The bridge will close "for at least a year," according to engineer Paula Greaves.'
    assert names(run(text)) == ["Paula Greaves"]


def test_according_to_names_the_source_of_reported_speech(run):
    text = "According to Paula Greaves, the bridge will close for at least a year."
    quotes = [q for q in run(text) if q.kind == "indirect"]
    assert [q.speaker.name for q in quotes] == ["Paula Greaves"]
    assert quotes[0].quote.startswith("the bridge will close")


def test_said_in_a_statement_names_the_subject(run):
    text = (
        'Mayor Dana Kirkwood said in a statement: "The water is safe to drink again."\n\n'
        "The utility restored service on Sunday."
    )
    assert names(run(text)) == ["Dana Kirkwood"]


def test_told_reporters_names_the_subject_not_the_listeners(run):
    text = '"We are not leaving," Owen Tasker told reporters outside the courthouse.'
    assert names(run(text)) == ["Owen Tasker"]


def test_added_after_a_quote_continues_with_its_own_subject(run):
    text = (
        '"The budget is balanced," Treasurer Hannah Voss said.\n\n'
        '"Nobody expected that," added Marcus Feld, her deputy.'
    )
    assert names(run(text)) == ["Hannah Voss", "Marcus Feld"]


def test_definite_role_description_refers_to_the_subject_before_it(run):
    text = (
        "Gerald Ashcombe says too much is made of the polls.\n\n"
        "The Republican nominee was speaking in Toledo on Friday.\n\n"
        'The Ohio governor said voters are "tired of the noise."'
    )
    assert names(run(text)) == ["Gerald Ashcombe"]


def test_definite_role_description_takes_the_subject_owner_of_its_sentence(run):
    text = (
        "Priya Lindqvist toured a farm in Iowa.\n\n"
        "Tom Hargrove's remarks came moments after the senator said that the subsidies "
        "would be cut."
    )
    indirect = [q for q in run(text) if q.kind == "indirect"]
    assert [q.speaker.name for q in indirect] == ["Tom Hargrove"]


def test_role_description_does_not_take_a_person_introduced_by_another_role(run):
    text = (
        "The campaign chairman, Victor Osgood, declined to comment.\n\n"
        "The attorney general said that the charity was not registered."
    )
    indirect = [q for q in run(text) if q.kind == "indirect" and q.verb["text"] == "said"]
    assert indirect and indirect[0].speaker.name != "Victor Osgood"


def test_possessive_pronoun_speaker_is_named_through_its_owner(run):
    text = (
        "Senator Warren Pike defended his record on Tuesday.\n\n"
        "His aides said that the senator would run again."
    )
    indirect = [q for q in run(text) if q.kind == "indirect" and "run again" in q.quote]
    assert [q.speaker.name for q in indirect] == ["Warren Pike's aides"]


def test_possessive_pronoun_owner_needs_the_last_person_named(run):
    # the chain's subject (the chair) is not the last man named (the witness)
    text = (
        "Chairman Roland Fisk opened the hearing.\n\n"
        "The panel held the witness, Arturo Benn, in contempt.\n\n"
        "His lawyer said that Benn would not testify."
    )
    indirect = [q for q in run(text) if q.kind == "indirect"]
    assert indirect and indirect[0].speaker.name != "Roland Fisk's lawyer"


def test_directive_reports_the_addressee_and_the_infinitive(run):
    text = "Governor Lena Marsh urged lawmakers to pass the budget by Friday."
    indirect = [q for q in run(text) if q.kind == "indirect"]
    assert [(q.quote, q.speaker.name) for q in indirect] == [
        ("lawmakers to pass the budget by Friday", "Lena Marsh")
    ]


def test_asked_whether_is_reported_speech(run):
    text = "Senator Cole Avery asked whether the contract had been signed in secret."
    indirect = [q for q in run(text) if q.kind == "indirect"]
    assert [q.speaker.name for q in indirect] == ["Cole Avery"]
    assert "contract had been signed" in indirect[0].quote


def test_intent_to_act_is_reported_but_not_inside_a_report(run):
    alone = [
        q for q in run("Mayor Ines Farrow wants to rebuild the harbour.") if q.kind == "indirect"
    ]
    assert [q.quote for q in alone] == ["to rebuild the harbour"]
    nested = [
        q.quote
        for q in run("Mayor Ines Farrow said she plans to rebuild the harbour.")
        if q.kind == "indirect"
    ]
    assert nested == ["she plans to rebuild the harbour"]


def test_speech_verb_under_an_adjective_or_adverb_shares_the_subject(run):
    text = (
        "Governor Ada Quinlan was able to tout her record on jobs. "
        "Mayor Hugo Brandt stopped short of calling the vote rigged."
    )
    found = {q.verb.text: q.speaker.name for q in run(text) if q.kind == "indirect"}
    assert found == {"tout": "Ada Quinlan", "calling": "Hugo Brandt"}


def test_lone_surname_is_the_bearer_last_named_as_a_subject(run):
    # the husband named in passing later does not take over "Marlow said"
    text = (
        "Senator Linda Marlow spoke in Reno on Monday.\n\n"
        "Critics posted a photo of her husband, Peter Marlow, online.\n\n"
        '"I will not back down," Marlow said.'
    )
    assert names(run(text)) == ["Linda Marlow"]


def test_surname_that_is_a_first_name_can_be_he_in_a_chain(run):
    text = (
        "Governor Tom Shirley endorsed the plan last spring.\n\n"
        "Shirley, who has campaigned for the mayor since June, blasted the council on "
        "Tuesday.\n\n"
        '"It is a disgrace," he said.'
    )
    assert names(run(text)) == ["Tom Shirley"]


def test_headline_label_that_names_no_one_is_not_a_speaker(run):
    text = (
        "Quiet Over Crisis: Governor Was Headed to Hospital But Turned Back.\n\n"
        "Forecaster Nadia Brook said that the roads would reopen on Friday."
    )
    speakers = [q.speaker.name if q.speaker else None for q in run(text) if q.kind == "indirect"]
    assert "Quiet Over Crisis" not in speakers
    assert "Nadia Brook" in speakers


def test_parenthetical_told_me_reports_the_clause_around_it(run):
    text = "The difference now, Owen Tasker told me on Friday, is that the show is bigger."
    indirect = [q for q in run(text) if q.kind == "indirect"]
    assert [q.speaker.name for q in indirect] == ["Owen Tasker"]
    assert indirect[0].quote.startswith("The difference now")

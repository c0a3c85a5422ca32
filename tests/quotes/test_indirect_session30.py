"""Reported-speech constructions of session 30, on invented news text (issue 14): a second
cue verb with an object joined to a report, and cue nouns owned by a name before them or
holding a clause after "be"."""

from __future__ import annotations

import pytest

from .kinds import indirect_by_verb

pytestmark = pytest.mark.issue(14)


def test_conjoined_cue_verb_with_an_object_is_a_second_report(run):
    text = (
        "Mayor Jane Roe said the city would sell the old depot and warned against further delays."
    )
    quotes = run(text)
    (said,) = indirect_by_verb(quotes, "said")
    (warned,) = indirect_by_verb(quotes, "warned")
    assert said.quote == "the city would sell the old depot"
    assert warned.quote == "further delays"
    assert said.speaker.name == warned.speaker.name == "Jane Roe"


def test_conjoined_plain_verb_stays_in_the_report(run):
    text = "Mayor Jane Roe said the city would sell the old depot and buy land near the river."
    (said,) = indirect_by_verb(run(text), "said")
    assert said.quote.endswith("buy land near the river")


def test_cue_noun_subject_of_be_holds_the_clause(run):
    text = "Tom Baker's bet is that voters will forgive the delays."
    (q,) = indirect_by_verb(run(text), "bet")
    assert q.quote == "voters will forgive the delays"
    assert q.speaker.name == "Tom Baker"


def test_cue_noun_owned_by_a_name_before_it(run):
    text = "A Kremlin statement about the pipeline deal drew sharp replies."
    (q,) = indirect_by_verb(run(text), "statement")
    assert q.quote == "the pipeline deal"
    assert q.speaker.name == "Kremlin"


def test_cue_noun_without_owner_reports_nothing(run):
    text = "A statement about the pipeline deal was read out at noon."
    assert not indirect_by_verb(run(text), "statement")


@pytest.mark.parametrize(
    "text",
    [
        "The rebels' attack on the convoy began at dawn.",
        "A militia's attack on the border post left two guards wounded.",
    ],
)
def test_an_act_noun_with_an_owner_and_a_topic_is_no_report(run, text):
    # an attack is done, not said: its "on" phrase is the one attacked, no content
    assert indirect_by_verb(run(text), "attack") == []

"""Speaker constructions of session 31, on invented news text (issue 14): a participle
after a relative clause speaks for the main clause, "its" on a cue noun is the thing its
clause is about, and a cue noun before a colon carries the quotation after it."""

from __future__ import annotations

import pytest

from .kinds import direct_quotes

pytestmark = pytest.mark.issue(14)


def test_participle_after_a_relative_clause_is_the_main_subjects(run):
    # "who said" is the plumber's clause; ", saying" goes with the mayor's sentence
    text = (
        "Mayor Tom Roe was defensive about not paying a plumber who said he was cheated "
        'after he fixed a pipe at one of the hotels, saying, "Maybe his work was poor, and '
        'I was not happy with it."'
    )
    (q,) = direct_quotes(run(text))
    assert q.speaker.name == "Tom Roe"


def test_participle_after_a_relative_clause_short_sentence(run):
    text = 'Jane Roe thanked the nurse who treated her, saying, "She saved my life."'
    (q,) = direct_quotes(run(text))
    assert q.speaker.name == "Jane Roe"


def test_its_on_a_cue_noun_is_its_clause_subject(run):
    # before: no speaker ("its" found no one); the review is what made the claim
    text = (
        "The Ohio Medical Board met on Monday. Its chairman spoke. The clinic's annual "
        'review of Roe was faulted for its claim that he was "in perfect shape."'
    )
    (q,) = direct_quotes(run(text))
    assert q.speaker is not None
    assert "review" in q.speaker.name
    assert "Board" not in q.speaker.name


def test_cue_noun_before_a_colon_is_its_utterers(run):
    text = (
        "Facing doubts about turnout among young voters, Mayor Jane Roe is rolling out a "
        'new and more direct campaign message: "Do it for me."'
    )
    (q,) = direct_quotes(run(text))
    assert q.speaker.name == "Jane Roe"
    assert q.verb["text"] == "message"


def test_cue_noun_with_a_prepositional_addressee_before_the_colon(run):
    text = 'The union had a blunt message for the council: "Pay up or we walk."'
    (q,) = direct_quotes(run(text))
    assert "union" in q.speaker.name


def test_received_warning_before_a_colon_is_not_the_receivers(run):
    # a verb of receiving: the warning is someone else's, and no one is named for it
    text = 'Mayor Jane Roe received a stern warning: "Pay up now."'
    assert all(q.speaker is None or q.speaker.name != "Jane Roe" for q in direct_quotes(run(text)))

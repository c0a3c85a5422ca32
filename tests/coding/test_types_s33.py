"""Session 33's type checks (issue 12, types) on invented sentences, with the real actor
coder and the rule stage: an unnamed narrator's own story and a congratulation between rivals
in a race tell no event."""

import pytest

from newsevents.coding.events.acts import in_quotation
from newsevents.nlp import parse_text
from tests.coding.rules import types

pytestmark = pytest.mark.issue(12)


def _token(text: str, word: str):
    doc = next(iter(parse_text(text).chunks))[1]
    return next(t for t in doc if t.text == word)


def test_an_unnamed_narrators_story_is_no_event():
    assert "REQUEST" not in types("Last spring I urged the magistrate to show some mercy.")
    assert "COERCE" not in types("I did not know about the other case when I was sentenced.")
    assert "REJECT" not in types("The prosecutors refused to give me the usual credit.")
    # a quoted "I" is its speaker, an "I" under a reporting verb its subject: both stay
    quoted = "\u201cI was arrested by the police at the border,\u201d the opposition leader said."
    assert "COERCE" in types(quoted)
    assert "REQUEST" in types("I urged the president to veto the bill, Senator Ben Ortiz wrote.")


def test_a_wire_quotation_opened_with_two_apostrophes_keeps_its_i():
    text = (
        "''We thank you,'' she said. ''Tonight, I ask you to vote for the governor,'' "
        "Senator Ada Marsh told the crowd."
    )
    tok = _token(text, "I")
    assert in_quotation(tok)
    assert not in_quotation(_token("Last spring I urged the magistrate to show some mercy.", "I"))


def test_a_congratulation_between_rivals_is_campaign_talk():
    text = "Senator Ada Marsh congratulated Governor Ben Ortiz on his victory in the primary."
    assert "SUPPORT" not in types(text)
    assert "SUPPORT" not in types("Senator Ada Marsh is congratulating her rivals on the night.")
    # a leader congratulating another country's stays
    text = (
        "The Russian President Vladimir Putin congratulated Turkish President Recep Tayyip "
        "Erdogan on his election victory."
    )
    assert "SUPPORT" in types(text)

"""Speaker constructions of session 32, on invented news text (issue 14): a speech verb
glued after a quotation outranks a cue in a relative clause before it."""

from __future__ import annotations

import pytest

from .kinds import direct_quotes

pytestmark = pytest.mark.issue(14)


def test_trailing_attribution_outranks_a_relative_clause_cue(run):
    # the parser hangs the quotation's clause on "cited"; the Gazette reported it
    text = (
        "Senator Mary Roe spoke on Monday. The three \u201csubsidies\u201d she cited are "
        "\u201cthe credit for yachts, the credit for jets and the credit for horses,\u201d "
        "the Daily Gazette reported."
    )
    (q,) = direct_quotes(run(text))
    assert "Gazette" in q.speaker.name


def test_relative_clause_cue_without_a_trailing_attribution_stays(run):
    text = (
        "Senator Mary Roe spoke on Monday. The three \u201csubsidies\u201d she cited are "
        "\u201cthe credit for yachts, the credit for jets and the credit for horses.\u201d "
        "She wants them gone."
    )
    (q,) = direct_quotes(run(text))
    assert q.speaker.name == "Mary Roe"


def test_narrator_of_an_ad_speaks_for_its_owner(run):
    text = (
        "Jane Roe has a new campaign ad about taxes. \u201cYou pay your fees. So why does "
        "Tom Baker not pay his?\u201d a narrator in the Roe ad asks."
    )
    (q,) = direct_quotes(run(text))
    assert q.speaker.name == "Jane Roe"


def test_announcer_of_a_possessed_spot(run):
    text = (
        "Tom Baker released a radio spot on Monday. \"Jane Roe failed you,\" the announcer "
        "in his ad says."
    )
    (q,) = direct_quotes(run(text))
    assert q.speaker.name == "Tom Baker"


def test_narrator_of_no_named_work_stays_the_narrator(run):
    (q,) = direct_quotes(run('Jane Roe spoke. "Vote for me," the narrator says.'))
    assert q.speaker.name == "narrator"


def test_deep_short_quote_under_a_verb_that_already_quoted_is_the_speakers(run):
    text = (
        'Jane Roe said she fixed "every broken pump" that she found and perhaps it was a '
        "smart move to hire more than two crews for the east docks since there was "
        '"so much rust."'
    )
    quotes = direct_quotes(run(text))
    assert [q.quote for q in quotes] == ["every broken pump", "so much rust."]
    assert {q.speaker.name for q in quotes} == {"Jane Roe"}

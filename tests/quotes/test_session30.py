"""Speaker constructions of session 30, on invented news text (issue 14): a description
whose own word tells a sex ("my aunt", "the woman", "a widow") is who "she" is, and "he"
or "she" never falls back on a person of the other sex."""

from __future__ import annotations

import pytest

from .kinds import direct_quotes

pytestmark = pytest.mark.issue(14)


def test_she_is_an_unnamed_relative_not_the_man_named_before(run):
    text = (
        "Governor Tom Baker spoke in Dayton on Monday. My aunt has mellowed with age, but "
        'even now she still says things like, "Nobody should pay that toll."'
    )
    (q,) = direct_quotes(run(text))
    assert q.speaker.text == "she"
    assert q.speaker.name == "My aunt"


def test_pronoun_chain_across_paragraphs_through_a_description(run):
    # the widow is the subject two paragraphs before the quote; she, then she, is her
    text = (
        "Mayor Tom Baker opened the bridge on Monday.\n\n"
        "A widow from the river district watched the ceremony from her porch. "
        "She said the toll was too high.\n\n"
        '"I cannot pay it every day," she said.'
    )
    quotes = run(text)
    (q,) = direct_quotes(quotes)
    assert "widow" in q.speaker.name
    assert "Baker" not in q.speaker.name
    (said,) = [x for x in quotes if x.kind == "indirect"]
    assert "widow" in said.speaker.name


def test_definite_description_refers_back_to_the_named_woman(run):
    # "the woman" of the possessive subject is Janet Roe, named as a subject before
    text = (
        "Janet Roe ran the county fair for a decade.\n\n"
        'The woman\'s love for the fair is plain: "Here come the horses," she said, waving.'
    )
    (q,) = direct_quotes(run(text))
    assert q.speaker.name == "Janet Roe"

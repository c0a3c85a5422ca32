"""Direct-quote speakers of session 29, on invented news text (issue 14): "it" after a
document's or a paper's words is never the person quoted before it, and a quotation that
follows a quotation and its own attribution in one paragraph keeps that voice rather than
the colon that ended the paragraph before."""

from __future__ import annotations

import pytest

from .kinds import direct_quotes

pytestmark = pytest.mark.issue(14)


def test_it_after_a_paper_is_the_paper_not_the_person_quoted_before(run):
    text = (
        "Ravi Mehta, a spokesman for the county party, defended the ad.\n\n"
        '"We stand by every word of it," Mehta said in a statement.\n\n'
        "The Ledger has printed news on Main Street since 1880.\n\n"
        'Last week, it attacked the ad, saying it "misleads voters about the levy."'
    )
    quotes = direct_quotes(run(text))
    last = [q for q in quotes if q.quote.startswith("misleads")]
    assert [q.speaker.name for q in last] == ["Ledger"]
    assert last[0].speaker.text == "it"


def test_it_added_after_an_article_s_words_is_the_article(run):
    text = (
        "A Gazette article from 1994 praised the builder.\n\n"
        '"Tom Brandt has brought new life to Dover after years of hard times," the article '
        'said.\n\n"Mr. Brandt, who arrived with little money, now runs four firms," it added.'
    )
    first, second = direct_quotes(run(text))
    assert second.speaker.text == "it"
    assert second.speaker.name == first.speaker.name != "Tom Brandt"


def test_a_paragraph_s_own_attribution_beats_the_colon_before_it(run):
    text = (
        "Nora Quill watched the rally from her kitchen. Her neighbour's joy is described "
        "at length:\n\n"
        '"Here he comes," Nora Quill said, clapping. "The big man himself."'
    )
    quotes = direct_quotes(run(text))
    assert [q.speaker.name for q in quotes] == ["Nora Quill", "Nora Quill"]


def test_a_colon_still_speaks_for_a_paragraph_of_quotations(run):
    text = (
        "Pollster Walter Brandt looked at the figures again.\n\n"
        "Brandt continued:\n\n"
        '"The gap is closing in every state we measured." "It is closing fast."'
    )
    quotes = direct_quotes(run(text))
    assert [q.speaker.name for q in quotes] == ["Walter Brandt", "Walter Brandt"]

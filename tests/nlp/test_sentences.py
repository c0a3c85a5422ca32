"""Sentences: line breaks start one (read off whitespace tokens only), and an article's
sentences are walked once for every stage that reads them."""

from __future__ import annotations

import pytest

from newsevents.nlp import load_nlp, parse_text

pytestmark = pytest.mark.issue(16)

TEXTS = [
    "Rebels took the bridge\nTroops fell back on Tuesday.",
    "A title line\n\nThe lead  follows here.\r\nA third\tline with a tab.\n",
    "\nStarts with a break. Ends with two\n\n",
    "One line only, no break at all.",
    "Spaces then a break   \n   and indented text after it.",
]


def _every_token_rule(doc) -> list[bool]:
    """The rule read off every token (its trailing whitespace and its own text)."""
    starts = [False] * len(doc)
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text_with_ws[len(token.text) :] or token.is_space and "\n" in token.text:
            starts[i + 1] = True
    return starts


@pytest.mark.parametrize("text", TEXTS)
def test_a_line_break_starts_a_sentence_as_the_every_token_rule_says(text):
    nlp = load_nlp()
    doc = nlp.make_doc(text)
    nlp.get_pipe("newsevents_newline_sentences")(doc)
    marked = [bool(t.is_sent_start) and i > 0 for i, t in enumerate(doc)]
    expected = _every_token_rule(doc)
    assert [m for i, m in enumerate(marked) if i > 0] == expected[1:]
    assert any(expected) == ("\n" in text.strip("\n") or text.startswith("\n"))


def test_sentences_are_walked_once_and_are_the_same_each_time():
    parsed = parse_text("Police arrested two men.\nThe mayor spoke. Crowds left at noon.")
    first = list(parsed.sentences())
    again = list(parsed.sentences())
    assert [s.text for s in first] == [
        "Police arrested two men.",
        "The mayor spoke.",
        "Crowds left at noon.",
    ]
    assert all(a is b for a, b in zip(first, again, strict=True))
    assert [s.index for s in first] == [0, 1, 2]
    assert [(s.start, s.end) for s in first] == [
        (parsed.article.text.index(s.text), parsed.article.text.index(s.text) + len(s.text))
        for s in first
    ]

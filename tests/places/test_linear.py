"""The recognizer's position look-ups give the answers of a scan of every mention (issue 16:
a long article must cost linear time)."""

import random
import re
from dataclasses import dataclass

import pytest

from newsevents.places.recognize import has_word
from newsevents.places.span_index import SpanIndex


@dataclass
class Span:
    start: int
    end: int


@pytest.mark.issue(16)
def test_span_index_answers_as_a_scan():
    rng = random.Random(7)
    for _ in range(200):
        items = []
        for _ in range(rng.randint(0, 30)):
            s = rng.randint(0, 200)
            items.append(Span(s, s + rng.randint(0, 25)))
        index = SpanIndex(items)
        for _ in range(30):
            a = rng.randint(-10, 230)
            b = a + rng.randint(0, 20)
            assert index.overlaps(a, b) == any(m.start < b and a < m.end for m in items)
            assert index.near(a, b) == [m for m in items if m.start <= b and m.end >= a]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "word",
    ["mass", "new york", "co.", "(bbc", "o'neil", "_id", "42nd", "straße", "é", "a-b", ""],
)
def test_has_word_is_the_regular_expression(word):
    texts = [
        "A mass protest and the Mass, then massive crowds in new york's streets.",
        "The co. said co.op; (bbc) and o'neil's_id, the 42nd day: straßen, straße.",
        "é café é_é a-b-c -a-b- xa-b",
        "",
        "massmass mass_ _id __id 42nd42nd",
    ]
    for text in texts:
        expected = re.search(rf"\b{re.escape(word)}\b", text) is not None
        assert has_word(text, word) == expected, (text, word)

"""The recognizer's position look-ups give the answers of a scan of every mention (issue 16:
a long article must cost linear time)."""

import random
import re
from dataclasses import dataclass

import pytest

from newsevents.places.recognize import has_word
from newsevents.spans import SpanIndex


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


@pytest.mark.issue(16)
def test_near_points_finds_what_measuring_every_pair_finds():
    from newsevents.places.gazetteer import Entry
    from newsevents.places.resolve import NEAR_KM, _near_points, km

    rng = random.Random(3)
    entries = []
    for i in range(150):  # clusters near the equator, the poles and the date line
        lat = rng.choice([0.0, 45.0, 88.0, -89.0]) + rng.uniform(-4, 4)
        lon = rng.choice([0.0, 179.0, -179.0]) + rng.uniform(-6, 6)
        lat = max(-90.0, min(90.0, lat))
        entries.append(Entry(i % 120, "x", "city", None, None, None, lat, lon, 0, None))
    points = list(enumerate(entries))
    near = _near_points(points)
    for e in entries:
        expected = [
            j for j, o in points if o.id != e.id and km(e.lat, e.lon, o.lat, o.lon) <= NEAR_KM
        ]
        assert sorted(near(e)) == sorted(expected)

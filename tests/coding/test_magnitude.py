"""Magnitude (coding/events/magnitude.py): the numbers a sentence states -- killed, injured,
arrested, crowd -- on the event, with spans and stated bounds; invented sentences."""

import json

import pytest

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events
from newsevents.coding.events.magnitude import magnitude, number_value
from newsevents.exports.native import CSV_COLUMNS, flatten
from newsevents.nlp import parse_text

pytestmark = pytest.mark.issue(12)


def mags(text: str) -> dict:
    parsed = parse_text(text)
    out: dict = {}
    for sent in parsed.sentences():
        out.update(magnitude(sent.span, sent.offset))
    return out


def test_number_words_and_vague_quantities():
    assert number_value(["1,200"]) == (1200, None, None)
    assert number_value(["three", "hundred"]) == (300, None, None)
    assert number_value(["2.5", "million"]) == (2_500_000, None, None)
    assert number_value(["dozens"]) == (None, 24, None)
    assert number_value(["hundreds"]) == (None, 200, None)
    assert number_value(["twelve"]) == (12, None, None)


def test_killed_and_injured_with_bounds_and_spans():
    text = "Gunmen killed at least 12 villagers and wounded dozens more in an attack on Sunday."
    m = mags(text)
    assert m["killed"]["min"] == 12 and m["killed"]["value"] is None
    assert text[m["killed"]["start"] : m["killed"]["end"]] == m["killed"]["text"] == "at least 12"
    assert m["injured"]["min"] == 24 and m["injured"]["text"] == "dozens"


def test_dead_and_injured_as_counted_words():
    m = mags("A car bomb exploded in the market, leaving 14 dead and more than 40 injured.")
    assert m["killed"]["value"] == 14
    assert m["injured"]["min"] == 40 and m["injured"]["text"] == "more than 40"


def test_arrests_and_crowd():
    m = mags("Police arrested 30 protesters after about 5,000 people marched through the capital.")
    assert m["arrested"]["value"] == 30
    assert m["crowd"]["value"] == 5000 and m["crowd"]["text"] == "about 5,000"


def test_passive_subject_and_upper_bound():
    m = mags("Up to 300 people were detained in the raids, the ministry said.")
    assert m["arrested"] == {**m["arrested"], "max": 300, "value": None, "text": "Up to 300"}


def test_numbers_that_count_nothing_are_left_out():
    assert mags("The minister met 12 ambassadors in 2019 and spent $40 million.") == {}
    assert mags("The 40 deputies voted for the budget on Tuesday.") == {}


def test_event_carries_its_magnitude_and_exports_it():
    text = "Rebels killed 9 soldiers and wounded 17 others in an ambush near the border."
    parsed = parse_text(text)
    events = code_events(parsed, find_actors(parsed))
    assault = next(e for e in events if e.plover == "ASSAULT")
    assert assault.magnitude["killed"]["value"] == 9
    assert assault.magnitude["injured"]["value"] == 17
    row = json.loads(json.dumps(assault.to_dict()))
    assert row["magnitude"]["killed"]["text"] == "9"
    flat = flatten(row)
    for col in ("magnitude.killed.value", "magnitude.injured.value", "magnitude.crowd.min"):
        assert col in CSV_COLUMNS
    assert flat["magnitude.killed.value"] == 9


def test_meeting_gets_no_casualty_count():
    text = "The two ministers met in Geneva a day after the bombing that killed 20 people."
    parsed = parse_text(text)
    meet = [e for e in code_events(parsed, find_actors(parsed)) if e.plover == "CONSULT"]
    assert all(e.magnitude is None for e in meet)

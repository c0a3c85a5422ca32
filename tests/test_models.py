"""Records' to_dict: the dict dataclasses.asdict gives, made without its deep copies."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from newsevents.models import Actor, Event, Location, Quote, Rejection, Span


def _event() -> Event:
    text = "Ruritanian troops shelled a border post near Kessin on Monday, killing 3."
    return Event(
        doc="d1",
        sentence=text,
        sentence_start=0,
        sentence_end=len(text),
        plover="ASSAULT",
        cameo="195",
        trigger=Span("shelled", 18, 25),
        source=Actor("Ruritania", "RUR", "MIL", "RURMIL", "rur-mil", "Ruritanian troops", 0, 17),
        target=None,
        goldstein=-10.0,
        negated=False,
        date="2021-04-12",
        date_span=Span("Monday", 58, 64),
        location=Location(name="Kessin", lat=51.5, lon=12.25, start=45, end=51),
        magnitude={"killed": {"text": "3", "start": 74, "end": 75, "value": 3, "min": 3}},
        id="d1:e0",
    )


@pytest.mark.issue(16)
def test_to_dict_is_what_asdict_gives():
    event = _event()
    quote = Quote("d1", "We will hold the line", 3, 24, speaker=event.source, verb=Span("said", 30, 34))
    for record in (event, quote, event.source, Rejection("d2", "empty", "no text", None)):
        got = record.to_dict()
        assert got == asdict(record)
        assert json.dumps(got) == json.dumps(asdict(record))  # same keys in the same order


@pytest.mark.issue(16)
def test_to_dict_copies_what_a_caller_could_change():
    event = _event()
    got = event.to_dict()
    got["magnitude"]["killed"]["value"] = 99
    got["source"]["name"] = "Freedonia"
    assert event.magnitude["killed"]["value"] == 3 and event.source.name == "Ruritania"

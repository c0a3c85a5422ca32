"""Typed spans: a Span reads and writes as {"text", "start", "end"}; the store refuses a record
whose offsets do not slice the text to its words."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from newsevents.errors import StoreError
from newsevents.models import Span
from newsevents.store import Store
from tests.store.records import at, make_extraction


def test_span_reads_and_writes_as_the_scorers_dict():
    x = make_extraction()
    event = x.events[0]
    assert isinstance(event.trigger, Span)
    assert event.trigger["text"] == "discussed" and event.trigger.get("end") == event.trigger.end
    row = json.loads(json.dumps(event.to_dict()))
    assert row["trigger"] == {
        "text": "discussed",
        "start": event.trigger.start,
        "end": event.trigger.end,
    }
    again = replace(event, trigger=dict(row["trigger"]))
    assert again.trigger == event.trigger  # a dict given to an Event becomes a Span
    with pytest.raises(KeyError):
        event.trigger["confidence"]


def test_span_points_into():
    text = "Chile recalled its ambassador."
    assert at(text, "recalled").points_into(text)
    assert not Span("recalled", 5, 13).points_into(text)
    assert not Span("x", 40, 41).points_into(text)


@pytest.mark.issue(10)
def test_store_refuses_spans_that_do_not_slice_the_text(tmp_path):
    x = make_extraction()
    moved = x.events[0].trigger
    x.events[0].trigger = Span(moved.text, moved.start + 2, moved.end + 2)
    assert x.bad_spans() and "trigger" in x.bad_spans()[0]
    with Store(tmp_path / "s.db") as store:
        with pytest.raises(StoreError, match="do not point into its text"):
            store.add([x])
        assert store.add([make_extraction()]).added == 1


def test_a_span_set_later_is_a_span_too():
    x = make_extraction()
    event, quote = x.events[0], x.quotes[0]
    event.date_span = {"text": "Monday", "start": 3, "end": 9}
    quote.verb = {"text": "said", "start": 1, "end": 5}
    assert isinstance(event.date_span, Span) and isinstance(quote.verb, Span)
    event.date_span = None
    assert event.date_span is None

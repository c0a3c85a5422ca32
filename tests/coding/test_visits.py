"""A visit told by its frame (coding/events/visits.py, issue 15) on invented sentences, with
the real actor coder and the rule stage: the visitor is the clause's subject or the
possessor; a kind, a plan, a crowd or a visit the verb already tells is no new event."""

import pytest

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events
from newsevents.nlp import parse_text
from tests.coding.rules import RULES_ONLY

pytestmark = pytest.mark.issue(15)


def _visits(text: str):
    parsed = parse_text(text)
    events = code_events(parsed, find_actors(parsed), settings=RULES_ONLY)
    return [e for e in events if e.trigger["text"] in {"visit", "trip"}]


@pytest.mark.parametrize(
    "text, visitor",
    [
        ("Foreign Minister Anna Lindqvist laid a wreath on a visit to Chile.", "SWE"),
        ("President Gustavo Petro, on a state visit to Spain, praised the king.", "COL"),
    ],
)
def test_trip_in_the_visitors_clause_is_a_visit(text, visitor):
    (e,) = _visits(text)
    assert e.cameo == "042"
    assert e.source is not None
    assert e.source.country == visitor or e.source.name


@pytest.mark.parametrize(
    "text",
    [
        "Visits to the region are rare.",  # a kind
        "The minister discussed a planned visit to Chile.",  # a plan
        "The protesters marched on a trip to the capital.",  # a crowd is no visitor
        "The minister arrived on a visit to Chile on Tuesday.",  # the verb tells the trip
        "The minister laid a wreath on a visit.",  # no destination
        "The minister's visit to Chile angered the rebels.",  # a topic, with no time of its own
    ],
)
def test_no_visit_without_a_trip_told(text):
    assert _visits(text) == []

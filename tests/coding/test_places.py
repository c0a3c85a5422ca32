"""Places: gazetteer look-ups, geoparsing and event locations."""

from __future__ import annotations

import pytest

from newsevents.coding.places import assign_locations, geoparse, lookup
from newsevents.models import Event
from newsevents.nlp import parse_text

TEXT = (
    "Khalilzad met Taliban negotiators in Doha on Monday.\n"
    "Afghan Vice President Amrullah Saleh spoke at a gathering in the capital Kabul.\n"
    "Turkey and the United States held talks."
)


@pytest.fixture(scope="module")
def parsed(nlp):
    return parse_text(TEXT, nlp)


def _event(parsed, index: int, trigger: str) -> Event:
    sent = list(parsed.sentences())[index]
    start = parsed.article.text.index(trigger, sent.start)
    return Event(
        doc="text",
        sentence=sent.text,
        sentence_start=sent.start,
        sentence_end=sent.end,
        plover="CONSULT",
        cameo="040",
        trigger={"text": trigger, "start": start, "end": start + len(trigger)},
    )


@pytest.mark.parametrize(
    "name, country",
    [("Kabul", "AFG"), ("Doha", "QAT"), ("Washington", "USA"), ("Kiev", "UKR"), ("US", "USA")],
)
def test_lookup_names_to_countries(name, country):
    place = lookup(name)
    assert place is not None and place.country == country


def test_lookup_city_has_coordinates():
    place = lookup("Kabul")
    assert round(place.lat) == 35 and round(place.lon) == 69


def test_geoparse_finds_places_with_offsets(parsed):
    locations = geoparse(parsed)
    names = [loc.name for loc in locations]
    assert "Doha" in names and "Kabul" in names and "United States" in names
    for loc in locations:
        written = parsed.article.text[loc.start : loc.end]
        assert lookup(written) is not None


def test_assign_locations_prefers_place_after_in(parsed):
    locations = geoparse(parsed)
    met = _event(parsed, 0, "met")
    spoke = _event(parsed, 1, "spoke")
    talks = _event(parsed, 2, "held")
    assign_locations([met, spoke, talks], locations, parsed)
    assert met.location.name == "Doha" and met.location.country == "QAT"
    assert spoke.location.name == "Kabul"
    assert talks.location is None  # Turkey and the US are actors, not where it happened


def test_assign_locations_prefers_place_of_the_event_over_place_of_a_noun(nlp):
    parsed = parse_text(
        "Officials discussed the peace process in Afghanistan at a meeting in Ankara.", nlp
    )
    event = _event(parsed, 0, "discussed")
    assign_locations([event], geoparse(parsed), parsed)
    assert event.location is not None and event.location.name == "Ankara"

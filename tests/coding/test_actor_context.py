"""Place names recoded by the article's words (coding/actors/context.py): "Georgia" in a
story of US primaries is the US state. Invented sentences only."""

import pytest

from newsevents.coding.actors import find_actors
from newsevents.coding.events import where as event_where
from newsevents.nlp import parse_text

pytestmark = pytest.mark.issue(12)


def _georgia(text: str):
    actors = find_actors(parse_text(text))
    return next(a for a in actors.mentions if a.name == "Georgia")


def test_georgia_in_a_story_of_us_primaries_is_the_us_state():
    a = _georgia(
        "The senator campaigned in Atlanta on Monday. Republicans in Georgia vote in the "
        "primary on Tuesday."
    )
    assert a.country == "USA" and a.how == "place"
    assert not event_where.is_state(a)  # a state of the union stands for no government


def test_georgia_the_country_stays_the_country():
    a = _georgia("Russia accused Georgia of shelling villages near Tbilisi, the Kremlin said.")
    assert a.country == "GEO"
    assert event_where.is_state(a)


def test_no_cue_at_all_keeps_the_lists_code():
    assert _georgia("Talks with Georgia resumed on Monday.").country == "GEO"

"""A dated event noun in a verb's phrase is coded by its date alone only where the sentence
keeps no other event (dated_nouns.drop_backdrops, issue 15): asked of the events the
sentence keeps, not of its candidates, so a verb that tells no event ("has faced
sanctions since its March 4 invasion") no longer hides the dated invasion. Invented
sentences."""

import pytest

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events, dated_nouns
from newsevents.nlp import parse_text
from tests.coding.rules import RULES_ONLY

pytestmark = pytest.mark.issue(15)


def triggers(text: str, settings=None) -> list[str]:
    parsed = parse_text(text, date="2024-06-10")
    return [e.trigger["text"] for e in code_events(parsed, find_actors(parsed), settings=settings)]


@pytest.mark.parametrize("settings", [None, RULES_ONLY])
def test_a_dated_noun_is_kept_where_its_verb_tells_no_event(settings):
    found = triggers(
        "Colombia has faced sanctions since its March 4 invasion of Ecuador.", settings
    )
    assert "invasion" in found and "faced" not in found


@pytest.mark.parametrize("settings", [None, RULES_ONLY])
def test_a_dated_noun_is_still_background_to_a_kept_event(settings):
    found = triggers(
        "The rebels withdrew from the town of Mocoa after the March 3 bombing of its market.",
        settings,
    )
    assert found == ["withdrew"]


def test_drop_backdrops_keeps_them_alone_and_drops_them_beside_others():
    assert dated_nouns.drop_backdrops(["raid"], lambda w: w == "raid") == ["raid"]
    assert dated_nouns.drop_backdrops(["fled", "raid"], lambda w: w == "raid") == ["fled"]
    assert dated_nouns.drop_backdrops([], lambda w: True) == []

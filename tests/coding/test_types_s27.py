"""Session 27's type checks (coding/events/acts.py, campaign.py; issue 12) on invented
sentences, with the real actor coder and the rule stage: a refusal of what one is, a verb
of effort before another verb, a side taken with someone not yet known, a duty to act, a
hyphenated compound verb, a feeling one is moved to, a trip to everywhere and harm said of a
thing are no events; a warning of what officers will do is a threat; attacks launched by
people after a dateline are words."""

from types import SimpleNamespace

import pytest

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events
from newsevents.coding.events.acts import kind_noun, nobody_named, private_good
from newsevents.nlp import parse_text
from tests.coding.rules import RULES_ONLY, types

pytestmark = pytest.mark.issue(12)


def coded(text: str) -> list[tuple[str, str]]:
    """(PLOVER type, trigger) of each event the rule stage codes in ``text``."""
    parsed = parse_text(text)
    events = code_events(parsed, find_actors(parsed), settings=RULES_ONLY)
    return [(e.plover, e.trigger.text) for e in events]


def _token(text: str, word: str):
    """The first token ``word`` of ``text``, parsed (for checks read on one candidate)."""
    return next(t for _, d in parse_text(text).chunks for t in d if t.lower_ == word)


def _info(plover: str) -> SimpleNamespace:
    return SimpleNamespace(plover=plover, cameo="")


def test_a_warning_of_what_officers_will_do_is_a_threat():
    assert "THREATEN" in types(
        "The interior minister warned that officers would break up any rally by the students."
    )
    assert "THREATEN" not in types("The interior minister warned that the economy would shrink.")


def test_refusing_to_be_something_is_a_stance():
    assert "REJECT" not in types(
        "The senator refused to be the party's puppet in the budget fight."
    )
    text = "Senator Ada Marsh said the president refused to be the army's pawn and sign the order."
    assert "REJECT" not in types(text)
    assert "REJECT" in types("The senator refused to meet the governor in the capital.")


def test_a_verb_of_effort_before_another_verb_is_no_act():
    text = "The Treasury didn't even bother to spend the aid money it was given, the senator said."
    assert "PROTEST" not in types(text)


def test_a_side_taken_with_someone_not_yet_known_is_none():
    def verdict(text: str, word: str) -> str | None:
        tok = _token(text, word)
        return nobody_named(SimpleNamespace(trigger=tok, governor=None, info=_info("SUPPORT")))

    assert verdict("Governor Tom Brill said he'll support whomever the party picks.", "support")
    assert verdict("Governor Tom Brill said he'll support Senator Ada Marsh.", "support") is None


def test_an_act_named_by_a_duty_is_not_done():
    text = '"We do take seriously our duties to monitor and protect the count," Governor Tom Brill said.'
    assert types(text) == []


def test_a_hyphenated_compound_verb_is_another_verb():
    text = (
        "\"The paper cherry-picked a limited part of Senator Ada Marsh's diary to give a false"
        ' picture of her meetings," her spokesman said.'
    )
    assert "SANCTION" not in types(text)


def test_a_feeling_one_is_moved_to_is_no_move():
    text = (
        "President Ada Marsh was moved to tears in a rare show of emotion during her speech on"
        " new gun measures."
    )
    assert "MOBILIZE" not in types(text)


def test_a_trip_to_everywhere_visits_no_place():
    text = (
        "For eight years, Senator Ada Marsh traveled the globe pushing President Tom Brill's"
        " foreign agenda as America's envoy."
    )
    assert "CONSULT" not in types(text)


def test_harm_said_of_a_thing_is_a_figure():
    text = (
        "Senator Ada Marsh's allies launched fresh attacks on the banks, blaming them for a debt"
        " crisis that hurt thousands of Americans."
    )
    assert ("ASSAULT", "hurt") not in coded(text)
    assert ("ACCUSE", "blaming") in coded(text)


def test_attacks_launched_by_people_after_a_dateline_are_words():
    text = (
        "NEW YORK (AP) — Senator Ada Marsh and her Democratic allies dove deeper into Governor"
        " Tom Brill's finances Monday, launching a fresh wave of attacks meant to cast him as a"
        " crook."
    )
    assert ("ASSAULT", "attacks") not in coded(text)
    assert ("ACCUSE", "attacks") in coded(text)


def test_a_call_to_leave_a_race_is_a_campaign_act():
    text = "Senator Ada Marsh won two states on Tuesday. She is calling for some of her rivals to drop out."
    assert "REQUEST" not in types(text)


def test_a_position_held_in_the_present_on_an_actors_policy_is_no_event():
    before = "The governor unveiled a new tax plan last week. "
    text = before + "All of the Republican candidates oppose the governor's new tax plan."
    assert "REJECT" not in types(text)
    # the step taken stays an event with the plan's owner as target
    assert "REJECT" in types(before + "The senator opposed the governor's new tax plan on Monday.")


def test_an_act_told_in_the_present_passive_of_a_bare_plural_is_a_kind():
    text = (
        "Aid groups say the city is unsafe. Dozens of children are beaten, attacked or abused"
        " while begging on its streets."
    )
    assert "ASSAULT" not in types(text)


def test_a_deed_told_as_the_purpose_of_a_plan_is_not_done():
    text = 'Governor Tom Brill says he will hire a "border force" to round up illegal migrants.'
    assert "COERCE" not in types(text)


def test_an_attitude_held_by_a_kind_of_people_is_no_event():
    text = (
        "The party is split. Democrats, one writer notes, applaud the careful management of"
        " Governor Tom Brill."
    )
    assert "SUPPORT" not in types(text)
    assert "SUPPORT" in types("The party is split. The senators applauded Governor Tom Brill.")


def test_words_answered_accuse_no_one():
    text = "The senator continued to refute a news story about her claim that she had met the president."
    assert "ACCUSE" not in types(text)


def test_an_event_noun_named_as_a_kind_is_none_done():
    def verdict(text: str, word: str) -> str | None:
        tok = _token(text, word)
        return kind_noun(SimpleNamespace(trigger=tok, governor=None, info=_info("ASSAULT")))

    assert verdict("The Kurds, she said, know the horror of ethnic cleansing.", "cleansing")
    assert verdict("The envoy spoke of the horror of the bombing in the city.", "bombing") is None


def test_company_at_an_occasion_is_no_support():
    text = "Senator Ada Marsh was joined by her husband, former Governor Tom Brill, and her daughter Jane Marsh."
    assert types(text) == []


def test_a_thing_taken_out_is_no_withdrawal():
    assert "RETREAT" not in types("Senator Ada Marsh is pulling out her Texas roots fast.")
    assert "RETREAT" in types("The army pulled out its troops from the border town on Monday.")
    # a state's withdrawal told through a quantity stays one
    state = "In March the regime withdrew much of its army from the hill districts."
    assert "RETREAT" in types(state)


def test_a_private_good_asked_for_is_no_demand():
    def verdict(text: str, word: str) -> str | None:
        tok = _token(text, word)
        return private_good(SimpleNamespace(trigger=tok, governor=None, info=_info("REQUEST")))

    assert verdict("The nation's leader asked for God's forgiveness and mercy.", "asked")
    assert verdict("The minister asked for UN protection for the camps.", "asked") is None

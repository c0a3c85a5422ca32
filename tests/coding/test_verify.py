"""The verifier's rule stage (coding.event_verify) on invented sentences, with the real
actor coder: disasters, metaphors, verbal attacks, demands and descriptions are no
political events of the type their verb first suggests."""

import pytest

from newsevents.coding.events import verify as event_verify
from newsevents.data import load_tsv
from tests.coding.rules import types

pytestmark = pytest.mark.issue(12)


@pytest.mark.parametrize(
    "text",
    [
        "A powerful earthquake killed 30 people in the mountain villages on Sunday.",
        "Nine workers were injured when a boiler exploded at the paper mill.",
        "Heavy floods have killed at least 12 people in the northern province.",
    ],
)
def test_verify_disasters_are_no_assault(text):
    assert "ASSAULT" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb killed 30 people in the crowded market on Sunday.",
        "Gunmen opened fire on a bus near the northern border.",
        "Rebels ambushed an army convoy outside the town.",
    ],
)
def test_verify_violence_stays_assault(text):
    assert "ASSAULT" in types(text)


def test_verify_verbal_attack_between_people_is_accuse():
    found = types("Senator Smith attacked Governor Jones over his tax plan.")
    assert "ASSAULT" not in found and "ACCUSE" in found


def test_verify_attack_between_states_stays_assault():
    assert "ASSAULT" in types("Israel attacked Iran.")


def test_verify_contest_metaphor_is_no_event():
    assert "ASSAULT" not in types("Jones beat Smith by four points in the state primary.")


def test_verify_demanded_strike_is_request():
    found = types("The senator has called for the rebel camps to be hit even harder.")
    assert "ASSAULT" not in found and "REQUEST" in found


def test_verify_released_substance_is_no_retreat():
    assert "RETREAT" not in types("The refinery released toxic water into the river.")


def test_verify_investigating_an_accident_is_no_event():
    assert types("Police are investigating the crash on the coastal highway.") == []


def test_verify_participle_relation_is_no_support():
    found = types("Militants backed by Iran seized the town on Monday.")
    assert "SUPPORT" not in found


def test_verify_cue_file_kinds():
    kinds = {
        "violence",
        "hazard",
        "contest",
        "captive",
        "verbal",
        "demand",
        "observe",
        "harm",
        "poll",
        "arms",
    }
    rows = load_tsv("verbs/event_cues.tsv")
    assert rows and all(r["kind"] in kinds and r["word"] == r["word"].lower() for r in rows)
    assert all(1 <= len(r["word"].split()) <= 2 for r in rows)
    assert "violence" in event_verify.cues()["grenade"]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The rebel group claimed responsibility for the ambush on the convoy.", "ASSAULT"),
        ("A protest took place outside the parliament on Friday.", "PROTEST"),
        ("Police found a large cache of weapons in the village.", "COERCE"),
        ("Two rifles and 300 rounds of ammunition were seized by the army.", "COERCE"),
        ("The army has set up a new checkpoint near the town.", "MOBILIZE"),
        ("Riot police used tear gas to disperse the protesters.", "ASSAULT"),
        ("Dozens of soldiers defected from the army on Monday.", "RETREAT"),
        ("Militiamen carried out a raid on the village at dawn.", "ASSAULT"),
    ],
)
def test_nominal_and_light_verb_triggers(text, plover):
    assert plover in types(text)


def test_event_noun_file_codes_a_type():
    from newsevents.coding.crosswalk import lookup

    rows = load_tsv("verbs/event_nouns.tsv")
    assert rows and all(lookup(r["code"]).plover and r["backdrop"] in {"yes", "no"} for r in rows)


def test_verify_clash_at_a_debate_is_words():
    found = types(
        "Smith also attacked Jones, with whom he clashed at the debate, calling him weak."
    )
    assert "ASSAULT" not in found and "ACCUSE" in found


def test_verify_refraining_from_attacking_rivals_is_no_assault():
    assert "ASSAULT" not in types("The senator refrained from attacking his rivals on Monday.")


@pytest.mark.parametrize(
    "text, gone",
    [
        ("When asked whether he would run again, Senator Smith said no.", "REQUEST"),
        ("The reporter asked Governor Jones about the budget.", "REQUEST"),
        ("On the talk show, Senator Smith discussed his new book.", "CONSULT"),
        ("Most voters agree with Governor Jones.", "AGREE"),
        ("The result demonstrated that the governor is popular.", "PROTEST"),
        ("Senator Smith rallied supporters in the state capital.", "PROTEST"),
        ("Governor Jones offered his congratulations to the winner.", "AGREE"),
        ("The senator said he would release his tax returns next week.", "AGREE"),
        ("The governor fought hard to keep the tax in place.", "ASSAULT"),
        ("The senator shot back at his critics in a statement.", "ASSAULT"),
        ("The company plans to attack new markets in Asia.", "ASSAULT"),
    ],
)
def test_verify_talk_and_figures_of_speech_are_no_events(text, gone):
    assert gone not in types(text)


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Senator Smith asked the president to resign.", "REQUEST"),
        ("The foreign minister discussed trade with his Chinese counterpart.", "CONSULT"),
        ("The two governments agreed to hold talks next month.", "AGREE"),
        ("Rebels attacked and burned the village overnight.", "ASSAULT"),
    ],
)
def test_verify_real_events_of_the_same_words_stay(text, kept):
    assert kept in types(text)

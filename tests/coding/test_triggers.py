"""Events told by nouns, participles, particles and reported clauses (coding/events/lexicon.py,
candidates.py), on invented sentences with the real actor coder and the rules only."""

from dataclasses import replace

import pytest

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events, lexicon
from newsevents.config import Settings
from newsevents.nlp import parse_text

pytestmark = pytest.mark.issue(12)

RULES_ONLY = replace(Settings.from_env(), event_model=False)


def events(text: str):
    parsed = parse_text(text)
    return code_events(parsed, find_actors(parsed), settings=RULES_ONLY)


def types(text: str) -> list[str]:
    return [e.plover for e in events(text)]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # a noun with its doer in a "by" phrase
        ("The insurgents suffered heavy losses in raids by army helicopters.", "ASSAULT"),
        # a noun aimed at someone, with no verb of doing
        ("Rebel attacks on army posts have hurt trade in the region.", "ASSAULT"),
        # "came under" a violence noun
        ("The army base came under rocket attack on Tuesday night.", "ASSAULT"),
        # a participle whose head noun is its object
        ("Soldiers counted dozens of mortar shells fired by the rebels at the town.", "ASSAULT"),
        # a particle the parser tags as an adverb
        ("Rebel forces pull back from the hills north of the city.", "RETREAT"),
        # a word split at its hyphen
        ("The militia claimed responsibility for the hostage-taking at the hotel.", "ASSAULT"),
        # places freed are ground retaken, not people released
        ("Government troops freed several villages from the rebels on Monday.", "ASSAULT"),
        # a protest noun taken out into the streets
        ("Hundreds of nurses gathered and took out a protest march to the town hall.", "PROTEST"),
    ],
)
def test_events_told_without_a_verb_of_their_own(text, plover):
    assert plover in types(text)


def test_reported_clause_is_not_swallowed_by_a_weak_report_verb():
    found = events("Bandits have killed seven villagers in the north, it was learnt on Monday.")
    assert [e.plover for e in found] == ["ASSAULT"]
    assert found[0].trigger.text == "killed"


def test_agent_of_a_noun_is_its_source():
    found = events("Raids by the army have left dozens of villagers homeless.")
    raids = [e for e in found if e.trigger.text.lower() == "raids"]
    assert raids and raids[0].source is not None and raids[0].source.sector == "MIL"


@pytest.mark.parametrize(
    "text",
    [
        "The attack was a surprise to everyone at the station.",  # no doer, aim or frame
        "Critics discussed the history of violence in the region on the show.",
    ],
)
def test_bare_event_nouns_still_need_a_frame(text):
    assert "ASSAULT" not in types(text)


def test_hyphenated_needs_a_hyphen_not_a_dash():
    doc = parse_text("The militia claimed the hostage-taking on Friday.").chunks[0][1]
    taking = next(t for t in doc if t.lower_ == "taking")
    assert lexicon.hyphenated(taking) == "hostage-taking"
    doc = parse_text("They planned the attack - taking the town by night.").chunks[0][1]
    taking = next(t for t in doc if t.lower_ == "taking")
    assert lexicon.hyphenated(taking) is None


def test_took_place_is_no_coercion():
    assert "COERCE" not in types("The meeting of the two ministers took place on Friday.")


def test_nominal_verbal_attack_between_people_is_an_accusation():
    found = types(
        "Senator Smith said his recent attacks on Governor Jones had helped his campaign."
    )
    assert "ASSAULT" not in found and "ACCUSE" in found


def test_weak_report_verb_keeps_its_complement_verb():
    # "going to remind" is an xcomp, not a reported clause: no request is told
    assert "REQUEST" not in types("I am going to remind them that we are all neighbours.")


def test_no_default_verbs_have_a_block_default():
    from newsevents.coding.events.patterns import petrarch_index

    verbs, _ = petrarch_index()
    words = lexicon.word_set("verbs/no_defaults.txt")
    assert words and all(w == w.strip().lower() for w in words)
    for w in words:
        assert any(entry.split("|")[1] for entry in verbs.get((w, None), [])), w


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("The senator took several swipes at his rival on Monday.", "COERCE"),
        ("Governor Smith gave the mayor a list of donors last week.", "COOPERATE"),
    ],
)
def test_general_verbs_tell_no_event_by_their_block_default(text, gone):
    assert gone not in types(text)


def test_general_verbs_still_code_by_pattern_or_curated_row():
    assert "CONSULT" in types("Officials of the two countries took part in talks in Geneva.")


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Senator Jones captured Ohio and Nevada on Tuesday night.", "COERCE"),
        ("The author will discuss his new book on the radio show tonight.", "AGREE"),
        # an event named with its place is a topic, the place no partner
        (
            "Reporter Jane Roe will discuss an overlooked Cairo connection to a recent Madrid hotel attack.",
            "AGREE",
        ),
        ("Governor Smith is pledging to win hundreds of votes in the spring.", "AGREE"),
    ],
)
def test_campaign_talk_is_no_event(text, gone):
    assert gone not in types(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Rebel fighters captured the district after heavy fighting.", "COERCE"),
        ("Iran pledged to withdraw its troops from the border.", "AGREE"),  # intent to withdraw
        ("The minister will discuss the border with his Turkish counterpart.", "AGREE"),
    ],
)
def test_real_events_stay(text, kept):
    assert kept in types(text)


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Army units took control of the whole district after the rebels fled.", "COERCE"),
        ("Police intercepted six suspected militants at the border crossing.", "COERCE"),
        ("Police found two pistols during a search of the truck.", "COERCE"),
        ("The militia's attack on the airbase was fended off by the army.", "ASSAULT"),
        ("Army helicopters dropped barrel bombs on the rebel-held town.", "ASSAULT"),
        # what a container noun's participle says it holds
        ("Soldiers discovered a bunker containing a large amount of weapons.", "COERCE"),
        ("Troops found a hideout used by the rebels to store arms and ammunition.", "COERCE"),
        ("Police discovered a van loaded with explosives near the stadium.", "COERCE"),
        # ground in the light verb's phrase, and ground taken back
        ("Army units established control over an area of 90 square kilometres.", "COERCE"),
        ("The army took control by force of two villages near the border.", "COERCE"),
        ("The army recovered the border regions from the rebels last week.", "COERCE"),
        ("Government forces regained control of three villages in the valley.", "COERCE"),
    ],
)
def test_ground_taken_and_weapons_seized(text, plover):
    assert plover in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Democrats took control of the Senate in the election.",
        "The Republicans regained control of the chamber after the vote.",
        "The party recovered the lead in the polls.",
        "The minister found a report containing new figures.",
    ],
)
def test_control_of_no_ground_is_no_occupation(text):
    assert "COERCE" not in types(text)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "assault"),
    [
        ("The minister paid tribute on Tuesday to bombing victims at the hospital.", False),
        ("Rebels were bombing villages near the border on Monday.", True),
    ],
)
def test_gerund_before_its_victims_is_a_noun_modifier(text, assault):
    from newsevents.coding.events.candidates import candidates

    parsed = parse_text(text)
    actors = find_actors(parsed)
    found = [c for s in parsed.sentences() for c in candidates(s, actors)]
    assert any(c.info.plover == "ASSAULT" for c in found) is assault

"""Sides of events on election-style news, session 28 (issue 12): pronoun objects and
possessive pronouns resolved by the parse, passive agents the parser hung on a noun, places
named inside the names of things. Invented sentences only."""

from dataclasses import replace

import pytest

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events
from newsevents.config import Settings
from newsevents.nlp import parse_text

pytestmark = pytest.mark.issue(12)


def _settings() -> Settings:
    return replace(Settings.from_env(), event_model=False)


def _events(text: str, settings: Settings | None = None):
    parsed = parse_text(text)
    s = settings or _settings()
    return code_events(parsed, find_actors(parsed, settings=s), settings=s)


def _one(text: str, plover: str):
    return next(e for e in _events(text) if e.plover == plover)


def test_a_pronoun_object_is_not_the_subject_of_its_own_verb():
    # "him" cannot be John Holt, who endorses: it is the lawyer named before
    e = _one(
        "Lawyer Tom Ames raised money last month. The lawyer won the race after Senator "
        "John Holt endorsed him in an email.",
        "SUPPORT",
    )
    assert e.source.name == "John Holt"
    assert e.target is not None and e.target.name == "Tom Ames"
    e = _one("Lawyer Tom Ames lost the vote. Senator John Holt spoke with him on Monday.", "CONSULT")
    assert e.target is not None and e.target.name == "Tom Ames"


def test_a_reflexive_or_possessive_object_still_binds_to_the_subject():
    from newsevents.coding.actors.coref import possessive_antecedent

    parsed = parse_text("Senator John Holt met Tom Ames. Holt defended his record.")
    actors = find_actors(parsed, settings=_settings())
    his = next(t for s in parsed.sentences() for t in s.span if t.lower_ == "his")
    ante = possessive_antecedent(actors.records, his)
    assert ante is not None and ante.actor.name == "John Holt"


def test_the_owner_of_the_object_of_talk_is_its_target():
    e = _one(
        "Senator John Holt wants a new tax. Governor Maria Ruiz slammed his proposal as too vague.",
        "ACCUSE",
    )
    assert e.source.name == "Maria Ruiz"
    assert e.target is not None and e.target.name == "John Holt"
    e = _one(
        "Senator John Holt met voters. Governor Maria Ruiz complained about his remarks.", "ACCUSE"
    )
    assert e.target is not None and e.target.name == "John Holt"


def test_a_possessive_owner_is_never_the_source_itself_nor_guessed_in_dictionaries_mode():
    events = _events("Senator John Holt defended his record on Monday.")
    assert not any(e.target is not None and e.target.name == "John Holt" for e in events)
    dictionaries = replace(_settings(), coder_mode="dictionaries")
    text = "Senator John Holt wants a new tax. Governor Maria Ruiz slammed his proposal."
    parsed = parse_text(text)
    actors = find_actors(parsed, settings=dictionaries)
    his = next(t for s in parsed.sentences() for t in s.span if t.lower_ == "his")
    assert actors.possessor(his) is None


def test_a_passive_agent_hung_on_the_noun_of_the_verbs_phrase_is_the_source():
    e = _one(
        "Senator Maria Ruiz has been attacked on the speeches by Senator John Holt, who cites "
        "them often.",
        "ACCUSE",
    )
    assert e.source is not None and e.source.name == "John Holt"
    assert e.target is not None and e.target.name == "Maria Ruiz"


def test_a_state_named_as_a_word_of_a_thing_is_no_side():
    from newsevents.coding.events.where import thing_modifier

    parsed = parse_text("Ohio ads attacked Senator John Holt. A U.S. request angered Peru.")
    actors = find_actors(parsed, settings=_settings())
    ohio = next(a for a in actors.mentions if a.name == "Ohio")
    us = next(a for a in actors.mentions if a.country == "USA" and a.name != "Ohio")
    tokens = [t for s in parsed.sentences() for t in s.span]
    assert thing_modifier(ohio, tokens[0])  # the ads air in Ohio: Ohio does nothing
    assert not thing_modifier(us, tokens[0])  # a country's request is its own
    for e in _events("New Hampshire ads attacking Senator John Holt aired on Monday."):
        assert e.source is None or e.source.name != "New Hampshire"


def test_a_listed_body_named_with_of_is_not_split_into_a_title_and_a_name():
    from newsevents.coding.actors import ActorCoder

    coder = ActorCoder(dictionaries_only=False)
    found = coder.code("the Department of State")
    assert found is not None and found.name != "of State"
    assert found.country == "USA" and found.sector == "GOV"
    # a title before a listed name is still a role and a name
    assert coder.code("King Abdullah").sector == "GOV"


def test_whom_a_participle_of_saying_addresses_is_no_target_of_the_main_verb():
    e = _one(
        "Hours later, Senator John Holt returned the compliment to Tom Ames, telling Reuters "
        "that they were friends.",
        "SUPPORT",
    )
    assert e.target is not None and e.target.name == "Tom Ames"


def test_support_thrown_behind_someone_is_for_them():
    e = _one("Governor Maria Ruiz threw her support behind Senator John Holt on Monday.", "SUPPORT")
    assert e.target is not None and e.target.name == "John Holt"


def test_a_place_naming_people_or_a_demonym_stays_a_side():
    from newsevents.coding.events.where import thing_modifier

    parsed = parse_text("The government accused Darfur rebels of violating the truce.")
    actors = find_actors(parsed, settings=_settings())
    tokens = [t for s in parsed.sentences() for t in s.span]
    for a in actors.mentions:
        assert not thing_modifier(a, tokens[0])


def test_a_pronoun_object_is_not_whom_its_clauses_subject_stands_for():
    # "He" is Holt, so "him" is not Holt: it is Ames
    e = _one(
        "Senator John Holt met Governor Tom Ames. He praised him for his work on the budget.",
        "SUPPORT",
    )
    assert e.source.name == "John Holt"
    assert e.target is not None and e.target.name == "Tom Ames"

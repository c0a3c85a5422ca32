"""Places that are only where an event happened, not a side of it (coding/events/where.py):
towns and states where talk happened, places a description names, hosts of visits, and
the country a place gives to the people there. Invented sentences only."""

from dataclasses import replace

import pytest

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events, where
from newsevents.config import Settings
from newsevents.models import Actor
from newsevents.nlp import parse_text

pytestmark = pytest.mark.issue(12)


def _events(text: str):
    parsed = parse_text(text)
    s = replace(Settings.from_env(), event_model=False)
    return code_events(parsed, find_actors(parsed, settings=s), settings=s)


def _one(text: str, plover: str):
    return next(e for e in _events(text) if e.plover == plover)


def _token(text: str, word: str):
    doc = next(iter(parse_text(text).sentences())).span
    return next(t for t in doc if t.text == word), doc.root


def test_is_state_country_or_capital_not_a_town():
    assert where.is_state(Actor(name="Iran", country="IRN", how="country"))
    assert where.is_state(Actor(name="the United States", country="USA", how="country"))
    assert where.is_state(Actor(name="Nairobi", country="KEN", sector="GOV", how="capital"))
    assert not where.is_state(Actor(name="Ohio", country="USA", how="country"))
    assert not where.is_state(Actor(name="Mombasa", country="KEN", how="country"))


def test_own_place_of_the_act_a_told_act_a_description_and_a_side():
    tok, root = _token("The senator thanked her supporters at a rally in Ohio.", "Ohio")
    assert where.own_place(tok, root) == "own"
    tok, root = _token("The council agreed to open a trade office in Tokyo.", "Tokyo")
    assert where.own_place(tok, root) is None  # where the agreed act happens
    tok, root = _token("The senator criticized the accord adopted in Rome.", "Rome")
    assert where.own_place(tok, root) == "described"
    tok, root = _token("Kenya accused the United States of meddling.", "States")
    assert where.own_place(tok, root) is None  # a side, no preposition of place


def test_named_person_outranks_the_town_of_the_victory():
    support = _one(
        # praise (a rival's congratulation is a courtesy of the race: test_types_s33.py)
        "Senator Ted Cruz praised Donald Trump for his victory in Nevada's primary.",
        "SUPPORT",
    )
    assert support.target is not None and support.target.name == "Donald Trump"


def test_a_tour_at_home_visits_no_one_a_trip_abroad_has_a_host():
    # campaign travel at home is no visit (coding/events/acts.trip_at_home); coded, it has no host
    home = [e for e in _events("Hillary Clinton visited the Denver area to campaign.")]
    assert all(e.target is None for e in home if e.plover == "CONSULT")
    visit = _one("Saddam Hussein arrived in Amman on an unannounced visit.", "CONSULT")
    assert visit.target is not None and visit.target.country == "JOR"


def test_place_of_a_description_is_no_target_of_criticism():
    accuse = _one(
        "Senator Marco Rubio criticized the climate accord adopted by diplomats in Rome.", "ACCUSE"
    )
    assert accuse.target is None or accuse.target.country != "ITA"


def test_material_act_keeps_its_place_and_a_country_stands_in_for_talk():
    assault = _one("Israeli tanks fired shells at targets in Jericho.", "ASSAULT")
    assert assault.target is not None and assault.target.country == "PSE"
    support = _one("The United Nations praised the progress in Haiti.", "SUPPORT")
    assert support.target is not None and support.target.country == "HTI"


def test_people_shot_in_a_state_are_its_people_and_the_state_did_not_shoot():
    shot = _one("Three people were shot dead at a cinema in Louisiana.", "ASSAULT")
    assert shot.source is None
    assert shot.target is not None and shot.target.sector == "CVL"
    assert shot.target.country == "USA"

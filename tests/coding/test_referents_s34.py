"""Session 34's side checks (issue 12, sides) on invented sentences: an event side told by a
role alone names the person the article means (coding/actors/referents.py), while the
mentions, and so quote speakers and the verifier's features, stay as coreference left them."""

import pytest

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events
from newsevents.nlp import parse_text
from tests.coding.rules import RULES_ONLY

pytestmark = pytest.mark.issue(12)

FILLER = (
    "The rain kept falling over the valley. Farmers waited for the harvest. "
    "Prices of corn rose in the spring. The river was high for weeks. "
    "Schools opened late in the north. Trains ran slowly on the old line. "
    "The fair drew large crowds on Sunday. "
)


def _sides(text: str, trigger: str | None = None) -> list[tuple[str, str | None, str | None]]:
    parsed = parse_text(text)
    events = code_events(parsed, find_actors(parsed), settings=RULES_ONLY)
    name = lambda a: None if a is None else a.name  # noqa: E731
    return [
        (e.plover, name(e.source), name(e.target))
        for e in events
        if trigger is None or e.trigger["text"] == trigger
    ]


def test_an_office_far_back_is_the_person_introduced_with_it():
    text = "Gov. Maren Holt opened the new bridge on Monday. " + FILLER
    text += "Senator Ray Ames sharply criticized the governor for the delay."
    sides = _sides(text)
    assert ("ACCUSE", "Ray Ames", "Maren Holt") in sides, sides
    # the mention itself keeps its role: speakers and features read coreference alone
    parsed = parse_text(text)
    actors = find_actors(parsed)
    governor = next(m for m in actors.records if m.actor.text == "the governor")
    assert governor.actor.name != "Maren Holt"


def test_a_pronoun_that_took_a_role_takes_the_person_of_its_gender():
    text = (
        "Gov. Ray Ames spoke first. Former Gov. Ada Marsh spoke after him. "
        + FILLER
        + "Critics said he was not fit to be governor. They urged him to resign."
    )
    targets = [t for p, _, t in _sides(text) if p == "REQUEST"]
    assert targets and all(t != "Ada Marsh" for t in targets)


def test_a_description_with_no_office_is_the_subject_before():
    text = (
        "Senator Ray Ames met Susan Miller, a rancher, on Monday. "
        "The Ohio Republican and the Texas businesswoman discussed the trade bill."
    )
    assert _sides(text, "discussed") == [("CONSULT", "Ray Ames", "Susan Miller")]


def test_a_role_of_someone_not_named_before_stays_a_role():
    text = (
        "President Ray Ames spoke in Dayton. " + FILLER + "Voters will choose the next president."
    )
    actors = find_actors(parse_text(text))
    role = next(m for m in actors.records if m.actor.text == "the next president")
    assert actors.named_side(role.actor).name != "Ray Ames"
    # nor is a description the subject of its own sentence ("he ... the governor": not him)
    text = (
        "Gov. Ray Ames spoke in Dayton. " + FILLER + "Ames criticized the governor for the delay."
    )
    assert all(t != "Ray Ames" for p, _, t in _sides(text) if p == "ACCUSE")


def test_a_person_the_parser_hung_loosely_on_the_verb_is_its_target():
    # a bracket after the name leaves it a loose dependent of "called", not an object
    text = (
        "On Friday, Rep. Susan Miller (D-Ga.) called on Texas Gov. Paul Young (R) to resign "
        "over the water crisis in Austin."
    )
    assert _sides(text) == [("REQUEST", "Susan Miller", "Paul Young")]


def test_a_run_of_titles_cut_off_from_its_name_is_that_person():
    text = (
        "Former Minister of Finance and Liberal leadership frontrunner Susan Miller is "
        "calling for Canada to impose sanctions on the junta."
    )
    assert ("REQUEST", "Susan Miller", "Canada") in _sides(text)

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
        "The senator campaigned in Atlanta on Monday. Voters in Georgia go to the polls in the "
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


def test_the_candidate_refers_to_the_named_person_before():
    text = (
        "Senator Tom Harlan met voters in Ohio on Monday. Mitch McConnell said he had a "
        "conversation with the candidate on Tuesday."
    )
    actors = find_actors(parse_text(text))
    cand = next(a for a in actors.mentions if a.text == "the candidate")
    assert cand.name == "Tom Harlan"  # not McConnell, the subject of its own clause


@pytest.mark.issue(14)
def test_a_qualified_role_is_not_merely_the_named_person_before():
    # "the Green nominee" says which nominee: the person named before may be anyone
    text = "Tom Harlan spoke in Ohio on Monday. The Green nominee met voters on Tuesday."
    actors = find_actors(parse_text(text))
    nominee = next(a for a in actors.mentions if a.text == "The Green nominee")
    assert nominee.name != "Tom Harlan"


def test_the_president_is_not_whoever_was_named_last():
    actors = find_actors(parse_text("Tom Harlan spoke in Ohio. The president met him later."))
    pres = next(a for a in actors.mentions if a.text == "The president")
    assert pres.name != "Tom Harlan"


def test_republicans_are_the_us_party_and_other_democrats_are_not():
    actors = find_actors(parse_text("Republicans criticized the plan."))
    assert any(a.country == "USA" and a.sector == "PTY" for a in actors.mentions)
    actors = find_actors(parse_text("The Social Democrats criticized the German government."))
    assert not any(a.sector == "PTY" and a.country == "USA" for a in actors.mentions)


def test_a_persons_campaign_acts_for_them():
    parsed = parse_text("Clinton's campaign criticized Ann Briggs of the Republican Party.")
    actors = find_actors(parsed)
    campaign = next(t for s in parsed.sentences() for t in s.span if t.text == "campaign")
    assert actors.for_token(campaign) is not None
    assert actors.for_token(campaign).name == "Clinton"


def test_a_company_the_country_list_files_as_mnc_has_that_sector_not_a_country():
    from newsevents.coding.actors import default_coder

    coded = default_coder().code_phrase("Chevron")
    assert coded is not None and coded.actor.country is None and coded.actor.sector == "MNC"


def test_only_companies_or_named_media_on_both_sides_is_no_political_event():
    from dataclasses import replace

    from newsevents.coding.events import code_events
    from newsevents.config import Settings

    s = replace(Settings.from_env(), event_model=False)
    for text in (
        "Exxon Mobil sued Chevron over the pipeline deal.",
        "CNN accused Fox News of lying about the poll.",
    ):
        parsed = parse_text(text)
        assert code_events(parsed, find_actors(parsed, settings=s), settings=s) == []
    parsed = parse_text("An official Syrian newspaper accused Israel of massing troops.")
    assert code_events(parsed, find_actors(parsed, settings=s), settings=s)


def test_a_listed_party_phrase_is_a_group_not_a_person():
    text = (
        "Democratic presidential candidate Hillary Clinton spoke on Monday. Frank Pavone "
        "criticized the Democratic Party's platform."
    )
    actors = find_actors(parse_text(text))
    party = next(a for a in actors.mentions if a.text == "the Democratic Party")
    assert party.name == "Democratic Party"  # not the candidate named before


def test_their_forces_after_a_compound_group_is_that_group():
    from dataclasses import replace

    from newsevents.coding.events import code_events
    from newsevents.config import Settings

    s = replace(Settings.from_env(), event_model=False)
    parsed = parse_text(
        "Hungarian and Romanian officials announced Tuesday that their forces had finished a "
        "pullout from the Serbian town of Novi Sad."
    )
    events = code_events(parsed, find_actors(parsed, settings=s), settings=s)
    retreat = next(e for e in events if e.plover == "RETREAT")
    assert retreat.source is not None and retreat.source.country in {"HUN", "ROU"}

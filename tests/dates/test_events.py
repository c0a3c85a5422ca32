"""Event dates from hand-built events (the event coder is tested elsewhere)."""

from __future__ import annotations

import pytest

from newsevents.dates import assign_event_dates, tag_times
from newsevents.models import Actor, Event
from newsevents.nlp import parse_text

TEXT = (
    "Turkey and the United States have held talks on Afghanistan.\n\n"
    "During Monday's phone conversation, Cavusoglu and Blinken discussed the peace process.\n\n"
    "Washington wants a ceasefire as a May 1 deadline to withdraw foreign troops looms.\n\n"
    "Khalilzad finished a four-day visit to Kabul on Monday.\n\n"
    "Earlier in the day, Saleh told a gathering that the conference would be held soon.\n\n"
    "Khalilzad will visit Doha on Friday."
)
TUR = Actor("Turkey", "TUR", "GOV", id="tur")
USA = Actor("United States", "USA", "GOV", id="usa")


def make_event(parsed, trigger: str, plover: str = "CONSULT", nth: int = 0, **kw) -> Event:
    text = parsed.article.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger, start + 1)
    sent = next(s for s in parsed.sentences() if s.start <= start < s.end)
    return Event(
        doc=parsed.article.id,
        sentence=sent.text,
        sentence_start=sent.start,
        sentence_end=sent.end,
        plover=plover,
        cameo="040",
        trigger={"text": trigger, "start": start, "end": start + len(trigger)},
        **kw,
    )


@pytest.fixture(scope="module")
def parsed(nlp):
    return parse_text(TEXT, nlp, id="doc", date="2021-04-13")


@pytest.fixture(scope="module")
def parsed_nodate(nlp):
    return parse_text(TEXT, nlp, id="doc", date=None)


def _dated(parsed, *events):
    assign_event_dates(list(events), parsed, tag_times(parsed))
    return events


def test_assign_event_dates_possessive_weekday(parsed):
    (e,) = _dated(parsed, make_event(parsed, "discussed", source=TUR, target=USA))
    assert (e.date, e.date_precision) == ("2021-04-12", "day")
    assert e.date_span["text"] == "Monday"


def test_assign_event_dates_copies_date_of_same_event(parsed):
    lead = make_event(parsed, "held talks", source=TUR, target=USA)
    call = make_event(parsed, "discussed", source=USA, target=TUR)
    _dated(parsed, lead, call)
    assert (lead.date, lead.date_precision) == ("2021-04-12", "day")


def test_assign_event_dates_other_type_takes_publication_date(parsed):
    lead = make_event(parsed, "held talks", plover="AGREE", source=TUR, target=USA)
    call = make_event(parsed, "discussed", source=USA, target=TUR)
    _dated(parsed, lead, call)
    assert (lead.date, lead.date_precision, lead.date_span) == ("2021-04-13", "publication", None)


def test_assign_event_dates_deadline_is_not_event_date(parsed):
    (e,) = _dated(parsed, make_event(parsed, "withdraw", plover="RETREAT"))
    assert (e.date, e.date_precision) == ("2021-04-13", "publication")


def test_assign_event_dates_visit_range_ends_on_monday(parsed):
    (e,) = _dated(parsed, make_event(parsed, "visit", source=USA))
    assert (e.date, e.date_end, e.date_precision) == ("2021-04-09", "2021-04-12", "day")


def test_assign_event_dates_earlier_in_the_day(parsed):
    (e,) = _dated(parsed, make_event(parsed, "told", plover="COOPERATE"))
    assert e.date == "2021-04-12"
    assert e.date_span["text"] == "the day"


def test_assign_event_dates_planned_weekday_is_next_one(parsed):
    (e,) = _dated(parsed, make_event(parsed, "visit", nth=1, modality="planned"))
    assert (e.date, e.date_precision) == ("2021-04-16", "day")


def test_assign_event_dates_no_publication_date(parsed_nodate):
    timed = make_event(parsed_nodate, "discussed", source=TUR, target=USA)
    bare = make_event(parsed_nodate, "withdraw", plover="RETREAT")
    _dated(parsed_nodate, timed, bare)
    assert (timed.date, timed.date_precision) == (None, "unknown")
    assert timed.date_span["text"] == "Monday"
    assert (bare.date, bare.date_precision, bare.date_span) == (None, "unknown", None)


QUOTE_TEXT = (
    '"We cannot attend the conference on 16 April," the spokesman said on Monday.\n\n'
    '"We will attend the summit on 20 April," the minister said on Monday.'
)


@pytest.fixture(scope="module")
def parsed_quotes(nlp):
    return parse_text(QUOTE_TEXT, nlp, id="q", date="2021-04-13")


def test_assign_event_dates_refusal_dated_by_reporting_verb(parsed_quotes):
    (e,) = _dated(parsed_quotes, make_event(parsed_quotes, "attend", plover="REJECT"))
    assert (e.date, e.date_span["text"]) == ("2021-04-12", "Monday")


def test_assign_event_dates_planned_event_takes_its_own_date(parsed_quotes):
    e = make_event(parsed_quotes, "attend", nth=1, modality="planned")
    _dated(parsed_quotes, e)
    assert (e.date, e.date_span["text"]) == ("2021-04-20", "20 April")


def test_assign_event_dates_twin_by_country_when_names_differ(parsed):
    lead = make_event(parsed, "held talks", source=TUR, target=USA)
    call = make_event(
        parsed,
        "discussed",
        source=Actor("Mevlut Cavusoglu", "TUR", "GOV", id="mevlut-cavusoglu"),
        target=Actor("Antony Blinken", "USA", "GOV", id="antony-blinken"),
    )
    _dated(parsed, lead, call)
    assert (lead.date, lead.date_span["text"]) == ("2021-04-12", "Monday")


def test_assign_event_dates_no_twin_without_shared_actor(parsed):
    lead = make_event(parsed, "held talks", source=Actor("Iran", "IRN", "GOV", id="irngov"))
    call = make_event(parsed, "discussed", source=TUR, target=USA)
    _dated(parsed, lead, call)
    assert lead.date_precision == "publication"


def test_assign_event_dates_visit_range_starts_on_monday(nlp):
    parsed = parse_text(
        "Khalilzad began a three-day visit to Kabul on Monday.", nlp, date="2021-04-13"
    )
    (e,) = _dated(parsed, make_event(parsed, "visit"))
    assert (e.date, e.date_end) == ("2021-04-12", "2021-04-14")


STORY = (
    "Ruto and Abiy signed a border agreement on Friday, two days after their defence ministers "
    "met in Addis Ababa.\n\n"
    "Militants attacked a police post on Thursday night.\n\n"
    "Two officers were killed in the attack.\n\n"
    "Earlier in the week, Ethiopia accused Kenya of harbouring rebels.\n\n"
    "The clashes on Monday that killed 12 people worried officials."
)


@pytest.fixture(scope="module")
def story(nlp):
    return parse_text(STORY, nlp, id="s", date="2024-03-03")


def test_assign_event_dates_days_after_main_clause(story):
    (e,) = _dated(story, make_event(story, "met"))
    assert (e.date, e.date_precision) == ("2024-02-28", "day")


def test_assign_event_dates_next_sentence_continues_event(story):
    attack = make_event(story, "attacked", plover="ASSAULT")
    killed = make_event(story, "killed", plover="ASSAULT")
    _dated(story, attack, killed)
    assert attack.date == killed.date == "2024-02-29"


def test_assign_event_dates_next_sentence_other_actors_not_copied(story):
    attack = make_event(story, "attacked", plover="ASSAULT", source=Actor("x", "SOM"))
    killed = make_event(story, "killed", plover="ASSAULT", source=Actor("y", "KEN"))
    _dated(story, attack, killed)
    # not the same event (other actors): no twin copy, only the story's time, named as such
    assert killed.date_how == "past time of the sentences before"
    assert (killed.date, killed.date_span["text"]) == ("2024-02-29", "Thursday night")


def test_assign_event_dates_earlier_in_the_week_range(story):
    (e,) = _dated(story, make_event(story, "accused", plover="ACCUSE"))
    assert (e.date, e.date_end, e.date_precision) == ("2024-02-26", "2024-03-03", "week")


def test_assign_event_dates_relative_clause_of_dated_noun(story):
    (e,) = _dated(story, make_event(story, "killed", nth=1, plover="ASSAULT"))
    assert (e.date, e.date_span["text"]) == ("2024-02-26", "Monday")


def test_assign_event_dates_vague_time_falls_back_to_publication(nlp):
    parsed = parse_text("Rebels recently attacked the town.", nlp, date="2024-03-03")
    (e,) = _dated(parsed, make_event(parsed, "attacked", plover="ASSAULT"))
    assert (e.date, e.date_precision, e.date_span) == ("2024-03-03", "publication", None)
    parsed = parse_text("Rebels recently attacked the town.", nlp, date=None)
    (e,) = _dated(parsed, make_event(parsed, "attacked", plover="ASSAULT"))
    assert (e.date, e.date_precision, e.date_span["text"]) == (None, "unknown", "recently")


def test_assign_event_dates_planned_yearless_date_moves_ahead(nlp):
    parsed = parse_text("The envoy visited Kabul on March 1.", nlp, date="2024-03-03")
    planned = make_event(parsed, "visited", modality="planned")
    asserted = make_event(parsed, "visited")
    _dated(parsed, planned, asserted)
    assert planned.date == "2025-03-01"
    assert asserted.date == "2024-03-01"


def test_assign_event_dates_saying_date_is_not_reported_event_date(nlp):
    parsed = parse_text(
        "The president said on Thursday he would send more aid to Ukraine.", nlp, date="2023-06-21"
    )
    (e,) = _dated(parsed, make_event(parsed, "send", plover="AID", modality="planned"))
    assert e.date_precision == "publication"


def test_assign_event_dates_no_publication_date_twin_keeps_expression(parsed_nodate):
    lead = make_event(parsed_nodate, "held talks", source=TUR, target=USA)
    call = make_event(parsed_nodate, "discussed", source=TUR, target=USA)
    _dated(parsed_nodate, lead, call)
    assert (lead.date, lead.date_precision, lead.date_span["text"]) == (None, "unknown", "Monday")


@pytest.mark.issue(15)
def test_assign_event_dates_no_twin_when_other_named_doers(nlp):
    parsed = parse_text(
        "President Ana Ruiz of Chile signed the treaty with Peru on Tuesday.\n\n"
        "The Chilean parliament has since ratified the treaty.",
        nlp,
        id="doc",
        date="2021-04-15",
    )
    chile = dict(country="CHL", sector="GOV")
    signed = make_event(
        parsed, "signed", "SUPPORT", source=Actor("Ana Ruiz", id="ana-ruiz", **chile)
    )
    ratified = make_event(
        parsed, "ratified", "SUPPORT", source=Actor("Chilean parliament", id="chl-parl", **chile)
    )
    _dated(parsed, signed, ratified)
    assert signed.date == "2021-04-13"
    assert ratified.date_how != "same event told elsewhere"
    assert ratified.date_precision == "publication"


@pytest.mark.issue(15)
def test_assign_event_dates_no_twin_when_other_targets(nlp):
    # one doer, two acts: the first act's date is not the second's
    parsed = parse_text(
        "Norway condemned the shelling of the port by Sweden on Tuesday.\n\n"
        "Norway also criticized Denmark over the fishing quotas.",
        nlp,
        id="doc",
        date="2021-04-15",
    )
    nor = Actor("Norway", "NOR", None, id="nor")
    condemned = make_event(
        parsed, "condemned", "ACCUSE", source=nor, target=Actor("Sweden", "SWE", None, id="swe")
    )
    criticized = make_event(
        parsed, "criticized", "ACCUSE", source=nor, target=Actor("Denmark", "DNK", None, id="dnk")
    )
    _dated(parsed, condemned, criticized)
    assert condemned.date == "2021-04-13"
    assert criticized.date_how != "same event told elsewhere"


@pytest.mark.issue(15)
def test_assign_event_dates_twin_when_same_target_country(nlp):
    # the same act told twice, its target named once as a country and once as its leader
    parsed = parse_text(
        "Norway condemned Sweden on Tuesday over the shelling of the port.\n\n"
        "Norway also condemned the Swedish prime minister for the raid.",
        nlp,
        id="doc",
        date="2021-04-15",
    )
    nor = Actor("Norway", "NOR", None, id="nor")
    first = make_event(
        parsed, "condemned", "ACCUSE", source=nor, target=Actor("Sweden", "SWE", None, id="swe")
    )
    second = make_event(
        parsed,
        "condemned",
        "ACCUSE",
        nth=1,
        source=nor,
        target=Actor("prime minister", "SWE", "GOV", id="swegov"),
    )
    _dated(parsed, first, second)
    assert second.date_how == "same event told elsewhere"
    assert second.date == "2021-04-13"


@pytest.mark.issue(15)
def test_assign_event_dates_interval_is_not_a_span(nlp):
    # "nine days after" is the time between two acts, not how long the strikes lasted
    parsed = parse_text(
        "Navy ships launched strikes on Thursday, nine days after the raid.", nlp, date="2024-03-09"
    )
    (e,) = _dated(parsed, make_event(parsed, "launched", "ASSAULT"))
    assert (e.date, e.date_end) == ("2024-03-07", "2024-03-07")

"""Which time dates an event: a table of invented sentences (attach_cases.tsv), one trigger each:
reporting clauses, background clauses, noun modifiers, relative clauses."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsevents.dates import assign_event_dates, tag_times
from newsevents.models import Event
from newsevents.nlp import parse_text

CASES = [
    row
    for row in csv.reader(
        (Path(__file__).parent / "attach_cases.tsv").open(encoding="utf-8"), delimiter="\t"
    )
    if row and not row[0].startswith("#")
]


def _event(parsed, trigger: str, plover: str, modality: str) -> Event:
    text = parsed.article.text
    start = text.index(trigger)
    sent = next(s for s in parsed.sentences() if s.start <= start < s.end)
    return Event(
        doc="t",
        sentence=sent.text,
        sentence_start=sent.start,
        sentence_end=sent.end,
        plover=plover,
        cameo="",
        trigger={"text": trigger, "start": start, "end": start + len(trigger)},
        modality=modality,
    )


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("kind", "text", "trigger", "plover", "modality", "date", "how"),
    CASES,
    ids=[f"{r[0]}: {r[2]} in {r[1][:40]}" for r in CASES],
)
def test_time_attached_to_trigger(nlp, kind, text, trigger, plover, modality, date, how):
    parsed = parse_text(text, nlp, id="t", date="2024-03-09")
    event = _event(parsed, trigger, plover, modality)
    assign_event_dates([event], parsed, tag_times(parsed))
    assert (event.date, event.date_how.split(";")[0]) == (date, how), event.date_span


@pytest.mark.issue(15)
def test_every_dated_event_names_its_evidence(nlp):
    parsed = parse_text(
        "Rebels attacked the town on Tuesday. They burned the market.", nlp, date="2024-03-09"
    )
    # two types: not the same event, so the second is dated by the story's time, not a twin
    events = [
        _event(parsed, w, t, "asserted") for w, t in (("attacked", "ASSAULT"), ("burned", "COERCE"))
    ]
    assign_event_dates(events, parsed, tag_times(parsed))
    for e in events:
        assert (e.date, e.date_span["text"]) == ("2024-03-05", "Tuesday")
    assert [e.date_how for e in events] == [
        "modifies the trigger",
        "past time of the sentences before",
    ]


@pytest.mark.issue(15)
def test_event_going_on_does_not_borrow_a_past_date(nlp):
    parsed = parse_text(
        "Police arrested two men on Tuesday. A prosecutor is investigating and charging them.",
        nlp,
        date="2024-03-09",
    )
    arrest, charge = (_event(parsed, w, "COERCE", "asserted") for w in ("arrested", "charging"))
    assign_event_dates([arrest, charge], parsed, tag_times(parsed))
    assert arrest.date == "2024-03-05"
    assert (charge.date, charge.date_precision) == ("2024-03-09", "publication")


@pytest.mark.issue(15)
def test_told_event_does_not_borrow_a_date_after_publication(nlp):
    parsed = parse_text(
        "The unions will demand a strike on March 20. They urged calm.", nlp, date="2024-03-09"
    )
    planned, told = (
        _event(parsed, w, "REQUEST", m) for w, m in (("demand", "planned"), ("urged", "asserted"))
    )
    assign_event_dates([planned, told], parsed, tag_times(parsed))
    assert planned.date == "2024-03-20"
    assert (told.date, told.date_precision) == ("2024-03-09", "publication")

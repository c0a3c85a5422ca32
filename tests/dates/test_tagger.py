"""Table-driven tests of the time tagger: tense, ranges, and no publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.dates import tag_text
from newsevents.dates.tagger import parse_dct, resolve

CASES_FILE = Path(__file__).with_name("time_cases.tsv")


def _cases() -> list[tuple[str, ...]]:
    rows = []
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(tuple(None if f == "-" else f for f in line.split("\t")))
    return rows


CASES = _cases()


def test_cases_table_is_large_enough():
    assert len(CASES) >= 40
    assert all(len(row) == 7 for row in CASES)


@pytest.mark.parametrize(("sentence", "dct", "expr", "value", "first", "last", "precision"), CASES)
def test_tag_text_resolves_expression(nlp, sentence, dct, expr, value, first, last, precision):
    times = tag_text(sentence, dct, nlp)
    found = [t for t in times if t.text == expr]
    assert found, f"{expr!r} not found in {[t.text for t in times]}"
    t = found[0]
    assert (t.value, t.date, t.date_end, t.precision) == (value, first, last, precision)
    assert sentence[t.start : t.end] == expr


def test_tag_text_ignores_modal_may_and_we(nlp):
    times = tag_text("We may meet the envoy, officials said.", "2013-03-22", nlp)
    assert times == []


def test_tag_text_no_dct_never_uses_run_date(nlp):
    times = tag_text("The minister arrived on Wednesday and left today.", None, nlp)
    assert [t.value for t in times] == ["XXXX-WXX-3", "XXXX-XX-XX"]
    assert all(t.date is None for t in times)


def test_parse_dct_accepts_timestamps_and_rejects_junk():
    assert parse_dct("2013-03-22T10:00:00Z").isoformat() == "2013-03-22"
    assert parse_dct("19980807").isoformat() == "1998-08-07"
    assert parse_dct("yesterday") is None
    assert parse_dct(None) is None


def test_resolve_later_this_month_is_a_range():
    dct = parse_dct("2021-04-13")
    assert resolve("later this month", "2021-04", dct) == ("2021-04-14", "2021-04-30", "month")
    assert resolve("late 2012", "2012", dct) == ("2012-09-01", "2012-12-31", "year")


def test_tag_text_month_inside_a_name_is_not_a_date(nlp):
    times = tag_text("Britain's Prime Minister Theresa May spoke to The Sun.", "2019-03-22", nlp)
    assert times == []


def test_find_matches_windows_change_nothing(monkeypatch):
    from newsevents.dates import rules

    text = " ".join(row[0] for row in CASES) + " Filler text without any time words at all. " * 20
    fast = [(m.start, m.end, m.rule.name) for m in rules.find_matches(text)]
    monkeypatch.setattr(rules, "windows", lambda t: [(0, len(t))])
    slow = [(m.start, m.end, m.rule.name) for m in rules.find_matches(text)]
    assert fast == slow and len(fast) >= 40


def test_tag_text_survives_calendar_edges(nlp):
    for dct in ("0001-01-01", "9999-12-31"):
        times = tag_text(
            "They will meet tomorrow, on Christmas Eve, as they did last week.", dct, nlp
        )
        assert times and all(t.value for t in times), dct


def test_tag_text_ages_and_ordinal_second_are_not_durations(nlp):
    times = tag_text("Mr. Reupke, 52 years old, said a second group joined.", "2013-03-22", nlp)
    assert times == []


def test_tag_text_adjective_daily_is_a_set(nlp):
    # TimeML annotates a frequency adjective too ("daily flights")
    times = tag_text("Qantas plans daily flights; the board meets weekly.", "2013-03-22", nlp)
    assert [(t.text, t.type, t.value) for t in times] == [
        ("daily", "SET", "P1D"),
        ("weekly", "SET", "P1W"),
    ]

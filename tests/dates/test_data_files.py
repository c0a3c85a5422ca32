"""Schema of the dates data files: every row well-formed, every rule compiles."""

from __future__ import annotations

import re

import pytest

from newsevents.data import load_lines, load_tsv
from newsevents.dates import lexicon
from newsevents.dates.normalize import Context, normalize
from newsevents.dates.rules import load_rules

TABLES = {
    "dates/months.tsv": {"word", "num"},
    "dates/weekdays.tsv": {"word", "num"},
    "dates/numbers.tsv": {"word", "num", "kind"},
    "dates/units.tsv": {"word", "code", "time"},
    "dates/seasons.tsv": {"word", "code", "first", "last"},
    "dates/dayparts.tsv": {"word", "code"},
}


@pytest.mark.parametrize(("name", "columns"), TABLES.items())
def test_dates_table_has_columns_and_values(name, columns):
    rows = load_tsv(name)
    assert rows
    for row in rows:
        assert set(row) == columns
        assert all(v not in (None, "") for v in row.values()), row


def test_months_and_weekdays_are_in_range():
    assert set(lexicon.months().values()) == set(range(1, 13))
    assert set(lexicon.weekdays().values()) == set(range(1, 8))


def test_rules_compile_with_known_types_and_directives():
    from newsevents.dates.context import DIRECTIVES

    rules = load_rules()
    assert len(rules) == len(load_lines("dates/rules.tsv"))
    for rule in rules:
        assert rule.type in {"DATE", "TIME", "DURATION", "SET"}, rule.name
        assert rule.directive.split(":")[0] in DIRECTIVES, rule.name
    assert normalize("unknown-kind", {}, Context(dct=None)) is None


def test_rule_names_are_unique():
    names = [r.name for r in load_rules()]
    assert len(names) == len(set(names))


def test_placeholders_are_all_defined():
    used = set()
    for line in load_lines("dates/rules.tsv"):
        used |= set(re.findall(r"%([A-Z0-9]+)%", line))
    assert used <= set(lexicon.placeholders())


def test_parse_number_words_and_digits():
    assert lexicon.parse_number("twenty-four") == 24
    assert lexicon.parse_number("twenty four") == 24
    assert lexicon.parse_number("3rd") == 3
    assert lexicon.parse_number("a") == 1
    assert lexicon.parse_number("umpteen") is None


def test_holiday_rules_give_a_date_every_year():
    from newsevents.dates.calmath import holiday

    for rule in lexicon.holidays().values():
        for year in (1999, 2024):
            assert holiday(rule, year).year == year
    assert holiday("easter+0", 2024).isoformat() == "2024-03-31"
    assert holiday("4-4-11", 2023).isoformat() == "2023-11-23"
    assert holiday("-1-1-05", 2024).isoformat() == "2024-05-27"

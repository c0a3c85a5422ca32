"""The date rules' word test (dates/literals.py): it never skips a window a rule matches in."""

from __future__ import annotations

import dataclasses
import re
import sys

import pytest

from newsevents.dates import literals, rules
from tests.dates.test_tagger import CASES

pytestmark = pytest.mark.issue(16)


def _needs(pattern: str) -> list[list[str]]:
    return [sorted(n) for n in literals.required(pattern, re.IGNORECASE)]


def test_required_reads_sequences_branches_and_repeats():
    assert _needs(r"three days ago") == [["three days ago"]]
    assert _needs(r"(?:last|next) week") == [[" week"], ["last", "next"]]
    assert _needs(r"\d+ (?:hours|minutes)") == [["hours", "minutes"], [" "]]
    assert _needs(r"(?:since )?dawn") == [["dawn"]]  # the optional part needs nothing
    assert _needs(r"(?:ab)+c") == [["ab"], ["c"]]
    assert _needs(r"Noon") == [["noon"]]  # lower case: tested on folded text


def test_required_knows_nothing_where_a_match_may_lack_every_word():
    assert _needs(r"\d{4}") == []
    assert _needs(r"(?:morning|\d+)") == []  # one branch needs nothing
    assert _needs(r"(?:early )*") == []
    assert _needs(r"(?=soon)\w+") == []  # a look-ahead is outside the match
    assert _needs(r"[a-z]+") == []
    assert _needs("caf\u00e9") == [["caf"]]  # non-ASCII letters are not tested


def test_gates_open_only_where_every_need_holds():
    gates = literals.Gates(
        [(frozenset({"week"}), frozenset({"last", "next"})), (), (frozenset({"ago"}),)]
    )
    assert gates.open("we met last week") == {0, 1}
    assert gates.open("a week ago") == {1, 2}
    assert gates.open("nothing here") == {1}


def test_folded_text_holds_every_letter_ignorecase_matches():
    # every character Python's case-insensitive matching takes for an ASCII letter folds to it
    chars = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for m in re.finditer(letter, chars, re.IGNORECASE):
            assert letter in literals.folded(m[0]), (letter, hex(ord(m[0])))


def test_every_rule_match_holds_its_rules_needs():
    text = " ".join(row[0] for row in CASES)
    seen = 0
    for rule in rules.load_rules():
        for m in rule.regex.finditer(text):
            found = literals.folded(m[0])
            assert all(any(s in found for s in need) for need in rule.needs), (rule.name, m[0])
            seen += 1
    assert seen >= 100
    assert sum(bool(rule.needs) for rule in rules.load_rules()) >= 100


def test_find_matches_same_with_and_without_the_word_test(monkeypatch):
    text = (
        " ".join(row[0] for row in CASES)
        + " Filler text without any time words at all. " * 5
        + " Police said on Tuesday, 12 March, that three days ago a \u0130nspector left at 9 p.m."
    )
    fast = [(m.start, m.end, m.rule.name, m.groups) for m in rules.find_matches(text)]
    plain = tuple(dataclasses.replace(r, needs=()) for r in rules.load_rules())
    monkeypatch.setattr(rules, "load_rules", lambda: plain)
    rules.rule_gates.cache_clear()
    try:
        assert rules.rule_gates().always == frozenset(range(len(plain)))  # no rule skipped
        slow = [(m.start, m.end, m.rule.name, m.groups) for m in rules.find_matches(text)]
    finally:
        rules.rule_gates.cache_clear()
    assert fast == slow and len(fast) >= 40


def test_rules_compile_on_use_and_a_bad_rule_still_fails_at_load(tmp_path, monkeypatch):
    from newsevents.errors import DataFileError

    loaded = rules.load_rules()
    rules._compiled.cache_clear()
    assert (
        loaded[0].regex.pattern == loaded[0].source and rules._compiled.cache_info().currsize == 1
    )
    good = rules.load_lines("dates/rules.tsv")
    bad = (*good, "broken_rule\tDATE\tx\tthe (unclosed day")
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path / "cache"))  # first read: checked
    monkeypatch.setattr(rules, "load_lines", lambda name: bad if name == "dates/rules.tsv" else ())
    rules.load_rules.cache_clear()
    try:
        with pytest.raises(DataFileError, match="broken_rule"):
            rules.load_rules()
    finally:
        rules.load_rules.cache_clear()

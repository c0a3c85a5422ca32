"""Every packaged data file loads with the one loader and has a consistent shape."""

import json
from pathlib import Path

import pytest

from newsevents.data import data_path, grammar_words, load_jsonl, load_lines, load_tsv
from newsevents.errors import DataFileError

DATA = Path(data_path("SOURCES.md")).parent
FILES = sorted(p for p in DATA.rglob("*") if p.is_file() and p.suffix in {".tsv", ".jsonl", ".txt"})


def test_data_files_exist():
    assert len(FILES) > 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_data_file_loads(path):
    name = str(path.relative_to(DATA))
    if path.suffix == ".jsonl":
        rows = load_jsonl(name)
        assert rows and all(isinstance(r, dict) for r in rows)
    elif path.suffix == ".tsv":
        rows = load_tsv(name)
        assert rows, name
        header = list(rows[0])
        assert all(None not in r for r in rows), f"{name}: a row has more fields than the header"
        assert len(set(header)) == len(header)
    else:
        assert load_lines(name)


def test_data_json_files_parse():
    for path in DATA.rglob("*.json"):
        assert json.loads(path.read_text(encoding="utf-8"))


def test_data_sources_credit_reference_data():
    text = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    for needle in ("PLOVER", "CC BY-SA", "PETRARCH", "MIT", "CAMEO"):
        assert needle in text


def test_data_missing_file_raises_clear_error():
    with pytest.raises(DataFileError, match="E100"):
        data_path("no/such/file.tsv")


@pytest.mark.issue(10)
def test_reporting_verbs_one_file_one_column_per_use():
    from newsevents.data import load_tsv, reporting_verbs

    rows = load_tsv("verbs/reporting.tsv")
    lemmas = [r["lemma"] for r in rows]
    assert len(lemmas) == len(set(lemmas)), "duplicate lemma"
    flags = ("quotes", "direct", "indirect", "document_subject", "dates_anchor")
    flags += ("event_speech", "stative")
    for r in rows:
        assert r["lemma"] == r["lemma"].strip().lower(), r
        assert all(r[f] in ("0", "1") for f in flags), r
        assert any(r[f] == "1" for f in ("quotes", "dates_anchor", "event_speech", "stative")), r
        if r["quotes"] == "0":
            assert r["direct"] == r["indirect"] == "0" and not r["channel"], r
    for use in ("quotes", "dates_anchor", "event_speech", "stative"):
        assert "say" in reporting_verbs(use)
    with pytest.raises(KeyError):
        reporting_verbs("no_such_use")


def test_grammar_word_classes_load_as_sets():
    assert "themselves" in grammar_words("reflexive")
    assert "whoever" in grammar_words("free_relative")
    assert "what" not in grammar_words("free_relative")


def test_unknown_grammar_word_class_is_an_error():
    with pytest.raises(KeyError, match="no class"):
        grammar_words("adverbs of doubt")

"""Language data shipped with newsevents (dictionaries, tables, gazetteer extras).

One loader for every data file, through ``importlib.resources``; files are JSONL,
TSV/CSV or plain text. Provenance and licences: ``data/SOURCES.md``.
"""

from __future__ import annotations

import csv
import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

from newsevents.errors import DataFileError


def data_path(name: str) -> Path:
    """Path of a packaged data file, e.g. ``data_path("cameo/codes.tsv")``."""
    path = Path(str(resources.files("newsevents.data").joinpath(name)))
    if not path.exists():
        raise DataFileError(DataFileError.E100.format(name=name))
    return path


@functools.lru_cache(maxsize=64)
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    rows = []
    with data_path(name).open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise DataFileError(DataFileError.E101.format(name=name, line=n, err=e)) from e
    return tuple(rows)


@functools.lru_cache(maxsize=64)
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    with data_path(name).open(encoding="utf-8", newline="") as f:
        lines = (line for line in f if not line.startswith("#"))
        return tuple(csv.DictReader(lines, delimiter="\t"))


@functools.lru_cache(maxsize=8)
def reporting_verbs(use: str) -> frozenset[str]:
    """Lemmas of the reporting verbs (``verbs/reporting.tsv``) with a 1 in the column ``use``
    (quotes, dates_anchor, event_speech, stative)."""
    rows = load_tsv(REPORTING_VERBS)
    if rows and use not in rows[0]:
        raise KeyError(f"{REPORTING_VERBS} has no column {use!r}")
    return frozenset(row["lemma"] for row in rows if row[use] == "1")


REPORTING_VERBS = "verbs/reporting.tsv"
GRAMMAR_WORDS = "languages/grammar_en.tsv"


@functools.lru_cache(maxsize=16)
def grammar_words(word_class: str) -> frozenset[str]:
    """The closed-class words of one class in ``languages/grammar_en.tsv`` (reflexive,
    free_relative, ...): the function words and verb classes the coding rules test."""
    for row in load_tsv(GRAMMAR_WORDS):
        if row["class"] == word_class:
            return frozenset(row["words"].split())
    raise KeyError(f"{GRAMMAR_WORDS} has no class {word_class!r}")


@functools.lru_cache(maxsize=64)
def load_lines(name: str) -> tuple[str, ...]:
    with data_path(name).open(encoding="utf-8") as f:
        return tuple(
            line.strip() for line in f if line.strip() and not line.lstrip().startswith("#")
        )

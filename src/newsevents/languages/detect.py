"""Which supported language a text is in.

langdetect ranks every language it knows; the best supported one wins when it is likely
enough, and a text that is clearly in another language is unsupported. A text too short for
langdetect is told by its script (a supported language is written in Latin letters) and by
function words (``data/languages/stopwords.tsv``), not assumed to be English.

langdetect reads its 55 JSON profiles into a table of 87,598 n-grams x 55 languages at first
use (~0.4 s of every command's start); :func:`factory` keeps the table's 184,129 non-zero
entries in the pickle cache (newsevents.coding.cache) and rebuilds each row on look-up, so
the detector sees the same numbers and answers the same.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsevents.coding.cache import cached, code_version
from newsevents.data import load_tsv

CODE_VERSION = code_version(__file__)

_WORD = re.compile(r"[^\W\d_]{2,}")
MIN_WORDS = 8  # fewer words than this: langdetect guesses
MIN_PROB = 0.2  # a supported language at least this likely is chosen over an unsupported top


@functools.lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    return {
        r["language"]: frozenset(r["words"].split()) for r in load_tsv("languages/stopwords.tsv")
    }


def script(text: str) -> str:
    """'latin' when most letters are Latin, else the first word of the dominant script's name."""
    counts: dict[str, int] = {}
    for ch in text[:2000]:
        if ch.isalpha():
            name = unicodedata.name(ch, "UNKNOWN").split()[0]
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return "latin"
    top = max(counts, key=counts.__getitem__)
    return "latin" if top == "LATIN" else top.lower()


def by_function_words(text: str, candidates: Iterable[str]) -> str | None:
    words = [w.lower() for w in _WORD.findall(text[:3000])] + re.findall(r"\b[yo]\b", text.lower())
    scores = {c: sum(w in stopwords().get(c, ()) for w in words) for c in candidates}
    if not scores:
        return None
    best = max(scores.values())
    winners = [c for c, s in scores.items() if s == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


def detect(text: str, candidates: Iterable[str]) -> tuple[str | None, str | None]:
    """(chosen supported language or None, the language detected first or None when unknown)."""
    candidates = tuple(candidates)
    sample = text[:3000]
    written = script(sample)
    if written != "latin":
        return None, written
    if len(_WORD.findall(sample)) < MIN_WORDS:
        found = by_function_words(sample, candidates)
        return found, found
    from langdetect import DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect is random without a seed
    try:
        detector = factory().create()
        detector.append(sample)
        langs = detector.get_probabilities()
    except LangDetectException:
        return None, None
    if not langs:
        return None, None
    for lang in langs:
        if lang.lang in candidates and lang.prob >= MIN_PROB:
            return lang.lang, langs[0].lang
    return None, langs[0].lang


class SparseRows:
    """langdetect's n-gram -> per-language probabilities, its zeros left out: the row of
    an n-gram is rebuilt (a list of floats, the zeros back in place) when it is looked up."""

    def __init__(self, rows: dict[str, tuple[tuple[int, ...], tuple[float, ...]]], size: int):
        self.rows = rows
        self.size = size

    def __contains__(self, word: object) -> bool:
        return word in self.rows

    def __getitem__(self, word: str) -> list[float]:
        where, probs = self.rows[word]
        row = [0.0] * self.size
        for i, p in zip(where, probs, strict=True):
            row[i] = p
        return row

    def __len__(self) -> int:
        return len(self.rows)


def _profiles_dir() -> Path:
    from langdetect import detector_factory

    return Path(detector_factory.PROFILES_DIRECTORY)


def _sparse_profiles() -> tuple[
    list[str], int, dict[str, tuple[tuple[int, ...], tuple[float, ...]]]
]:
    from langdetect.detector_factory import DetectorFactory

    full = DetectorFactory()
    full.load_profile(str(_profiles_dir()))
    size = len(full.langlist)
    rows = {}
    for word, probs in full.word_lang_prob_map.items():
        where = tuple(i for i, p in enumerate(probs) if p != 0.0)
        rows[word] = (where, tuple(probs[i] for i in where))
    return list(full.langlist), size, rows


def _valid(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) == 3 and isinstance(value[2], dict)


@functools.lru_cache(maxsize=1)
def factory() -> Any:
    """A langdetect ``DetectorFactory`` with every profile, its table from the cache."""
    from langdetect.detector_factory import DetectorFactory

    sources = sorted(_profiles_dir().iterdir())
    langlist, size, rows = cached("langdetect", sources, _sparse_profiles, CODE_VERSION, _valid)
    made = DetectorFactory()
    made.langlist = list(langlist)
    made.word_lang_prob_map = SparseRows(rows, size)
    return made

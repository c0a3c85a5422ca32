"""Which supported language a text is in.

langdetect ranks every language it knows; the best supported one wins when it is likely
enough, and a text that is clearly in another language is unsupported. A text too short for
langdetect is told by its script (a supported language is written in Latin letters) and by
function words (``data/languages/stopwords.tsv``), not assumed to be English.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from newsevents.data import load_tsv

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
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect is random without a seed
    try:
        langs = detect_langs(sample)
    except LangDetectException:
        return None, None
    if not langs:
        return None, None
    for lang in langs:
        if lang.lang in candidates and lang.prob >= MIN_PROB:
            return lang.lang, langs[0].lang
    return None, langs[0].lang

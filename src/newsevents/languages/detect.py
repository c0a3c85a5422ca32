"""Which supported language a text is in.

langdetect ranks every language it knows; the best supported one wins when it is likely
enough, and a text that is clearly in another language is unsupported. A text too short for
langdetect is told by its script (a supported language is written in Latin letters) and by
function words (``data/languages/stopwords.tsv``), not assumed to be English.

langdetect reads its 55 JSON profiles into a table of 87,598 n-grams x 55 languages at first
use (~0.4 s of every command's start); :func:`factory` keeps the table's 184,129 non-zero
entries in the pickle cache (newsevents.coding.cache) and rebuilds each row on look-up, so
the detector sees the same numbers and answers the same. Its n-grams are found word by
word (:func:`ngrams`), not character by character: the same n-grams, 13.8 -> 7.7 ms CPU a
news article. Its scoring loop (up to 7 trials x 1,000 draws, each multiplying 55
probabilities) runs on numpy rows (:func:`scores`): the same products in the same order,
the same probabilities, 2.8 -> 1.9 ms CPU an article.
"""

from __future__ import annotations

import functools
import itertools
import re
import struct
import unicodedata
from collections import Counter
from collections.abc import Container, Iterable
from pathlib import Path
from typing import Any

import numpy as np

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
    # distinct characters in the order they first occur: scripts are counted (and ties
    # broken) as they would be character by character
    for ch, n in Counter(text[:2000]).items():
        if ch.isalpha():
            name = _script_name(ch)
            counts[name] = counts.get(name, 0) + n
    if not counts:
        return "latin"
    top = max(counts, key=counts.__getitem__)
    return "latin" if top == "LATIN" else top.lower()


@functools.lru_cache(maxsize=4096)
def _script_name(ch: str) -> str:
    return unicodedata.name(ch, "UNKNOWN").split()[0]


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
        rows = detector.word_lang_prob_map
        if isinstance(rows, SparseRows):  # the same n-grams and scores, found faster
            detector.langprob = scores(detector, rows)
        langs = detector.get_probabilities()
    except LangDetectException:
        return None, None
    if not langs:
        return None, None
    for lang in langs:
        if lang.lang in candidates and lang.prob >= MIN_PROB:
            return lang.lang, langs[0].lang
    return None, langs[0].lang


def pack_row(where: tuple[int, ...], probs: tuple[float, ...]) -> bytes:
    """An n-gram's non-zero probabilities and their languages' places, as bytes: a dict of
    87,598 bytes values unpickles in a third of the time of as many pairs of tuples."""
    return struct.pack(f"<{len(where)}H{len(probs)}d", *where, *probs)


def unpack_row(blob: bytes) -> tuple[tuple[int, ...], tuple[float, ...]]:
    n = len(blob) // 10
    values = struct.unpack(f"<{n}H{n}d", blob)
    return values[:n], values[n:]


class SparseRows:
    """langdetect's n-gram -> per-language probabilities, its zeros left out (each row
    packed, :func:`pack_row`): the row of an n-gram is rebuilt (a list of floats, the
    zeros back in place) when it is looked up."""

    def __init__(self, rows: dict[str, bytes], size: int):
        self.rows = rows
        self.size = size
        self.built: dict[str, np.ndarray] = {}  # rows rebuilt lately (only ever read)
        self.normal = _Normal()  # character -> langdetect's normalised character
        self.word_grams: dict[tuple[str, bool], tuple[str, ...]] = {}  # see ngrams()

    def __contains__(self, word: object) -> bool:
        return word in self.rows

    def __getitem__(self, word: str) -> list[float]:
        return self.vector(word).tolist()

    def vector(self, word: str) -> np.ndarray:
        """The row of ``word`` as an array (read only: it is kept for the next look-up)."""
        row = self.built.get(word)
        if row is not None:
            return row
        where, probs = unpack_row(self.rows[word])
        row = np.zeros(self.size)
        row[list(where)] = probs
        if len(self.built) >= 20_000:
            self.built.clear()
        self.built[word] = row
        return row

    def __len__(self) -> int:
        return len(self.rows)


def ngrams(text: str, table: SparseRows) -> list[str]:
    """langdetect's ``Detector._extract_ngrams`` of ``text``: its 1- to 3-grams found in
    ``table``, in order, from the same state machine (``NGram.add_char``), word by word.

    After langdetect's normalisation (one character for one) a space resets the machine,
    so what a word gives depends on the word alone (and on whether a space follows it,
    which closes its last grams): each distinct word is run once, and the normalisation is
    looked up once per distinct character (langdetect runs both per character: most of
    detection's time)."""
    folded = text.translate(table.normal)
    words = folded.split(" ")
    out: list[str] = []
    last = len(words) - 1
    memo = table.word_grams
    for i, word in enumerate(words):
        if not word:
            continue
        key = (word, i < last)
        grams = memo.get(key)
        if grams is None:
            if len(memo) >= 50_000:
                memo.clear()
            grams = memo[key] = _word_ngrams(word + " " if i < last else word, table.rows)
        out.extend(grams)
    return out


def scores(detector: Any, rows: SparseRows) -> list[float]:
    """langdetect's ``Detector._detect_block`` (the probability of each language): the same
    random draws, the same products and sums in the same order, on numpy rows instead of
    lists of floats. Each trial multiplies the 55 probabilities by (weight + the drawn
    n-gram's row) and normalises them every fifth draw until one language passes
    ``CONV_THRESHOLD``. Elementwise products and quotients round as Python's do; the sum
    that normalises is Python's own, left to right (numpy's pairwise sum rounds otherwise)."""
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    detector.cleaning_text()
    grams = ngrams(detector.text, rows)
    if not grams:
        raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
    vectors = [rows.vector(g) for g in grams]
    size = len(detector.langlist)
    start = detector.prior_map if detector.prior_map is not None else [1.0 / size] * size
    total = np.zeros(size)
    draw, limit, converged = detector.random, detector.ITERATION_LIMIT, detector.CONV_THRESHOLD
    draw.seed(detector.seed)
    for _ in range(detector.n_trial):
        prob = np.array(start, dtype=float)
        alpha = detector.alpha + draw.gauss(0.0, 1.0) * detector.ALPHA_WIDTH
        weight = alpha / detector.BASE_FREQ
        i = 0
        while True:
            prob *= weight + draw.choice(vectors)
            if i % 5 == 0:
                total_prob = sum(prob.tolist())
                if not total_prob:  # langdetect's division raises here too
                    raise ZeroDivisionError("float division by zero")
                prob /= total_prob
                if prob.max() > converged or i >= limit:
                    break
            i += 1
        total += prob / detector.n_trial
    return total.tolist()


def _word_ngrams(word: str, known: Container[str]) -> tuple[str, ...]:
    """``NGram.add_char`` over one normalised word (and the space after it), from the state
    a space leaves: langdetect's grams of it that ``known`` holds."""
    out: list[str] = []
    grams, capital = " ", False
    for ch in word:
        last = grams[-1]
        if last == " ":
            grams, capital = " ", False
            if ch == " ":
                continue
        elif len(grams) >= 3:  # NGram.N_GRAM
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if last.isupper():
                capital = True
        else:
            capital = False
        if capital:
            continue
        for n in (1, 2, 3):
            if len(grams) < n:
                break
            w = grams[-n:]
            if w != " " and w in known:
                out.append(w)
    return tuple(out)


class _Normal(dict):
    """``str.translate`` table of langdetect's ``NGram.normalize``, filled as characters
    are met."""

    def __missing__(self, code: int) -> str:
        from langdetect.utils.ngram import NGram

        self[code] = out = NGram.normalize(chr(code))
        return out


def _profiles_dir() -> Path:
    from langdetect import detector_factory

    return Path(detector_factory.PROFILES_DIRECTORY)


def _sparse_profiles() -> tuple[list[str], int, dict[str, bytes]]:
    from langdetect.detector_factory import DetectorFactory

    full = DetectorFactory()
    full.load_profile(str(_profiles_dir()))
    size = len(full.langlist)
    rows = {}
    for word, probs in full.word_lang_prob_map.items():
        where = tuple(i for i, p in enumerate(probs) if p != 0.0)
        rows[word] = pack_row(where, tuple(probs[i] for i in where))
    return list(full.langlist), size, rows


def _valid(value: Any) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 3
        and isinstance(value[2], dict)
        and all(isinstance(row, bytes) for row in itertools.islice(value[2].values(), 10))
    )


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

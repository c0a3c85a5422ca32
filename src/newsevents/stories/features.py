"""Turn an article into the sparse features the story clusterer compares: content words
and entity keys. Weights (idf) are applied later by the clusterer, from its own counts."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from newsevents.data import load_lines

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
_ENTITY_JUNK = re.compile(r"[^\w\s-]")
# spaCy entity labels that name who/where a story is about (not dates, money, numbers)
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
_TITLE_WEIGHT = 2.0  # a headline word says more about the story than a body word


def stem(word: str) -> str:
    """A light plural/possessive stripper: 'embassies' -> 'embassy', 'bombings' -> 'bombing'."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words, from a data file: reading them needs no spaCy import."""
    return frozenset(load_lines("stories/stop_words.txt"))


def words(text: str) -> list[str]:
    """Lower-cased, stemmed content words of a text (stop words and short words dropped)."""
    out = []
    stop = stop_words()
    for m in _WORD.finditer(text):
        w = m.group(0).lower().strip("'-")
        if len(w) < 3 or w in stop:
            continue
        out.append(stem(w))
    return out


def word_vector(title: str | None, text: str) -> dict[str, float]:
    """Sublinear term frequencies (1 + log tf), headline words counted twice."""
    counts: Counter[str] = Counter(words(text))
    for w in words(title or ""):
        counts[w] += _TITLE_WEIGHT
    return {w: 1.0 + math.log(c) for w, c in counts.items()}


def entity_key(name: str) -> str:
    """Normalise an entity name: 'the U.S. Embassy' -> 'us embassy', "Kopp's" -> 'kopp'."""
    s = name.strip()
    if s.endswith(("'s", "’s")):
        s = s[:-2]
    s = _ENTITY_JUNK.sub("", s.replace("’", "'")).lower()
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    return s


def is_name(entity: str) -> bool:
    """A proper name or code ('Kopp', 'USA', 'al-Qaeda'), not a generic actor such as
    'people' or 'officials' (coded actors without a name): those say nothing about which
    story an article belongs to."""
    return any(ch.isupper() for ch in entity)


def entity_vector(entities: Iterable[str]) -> dict[str, float]:
    """Sublinear counts of entity keys (an entity named five times is central, not 5x)."""
    keys = (entity_key(e) for e in entities if is_name(e))
    counts = Counter(k for k in keys if len(k) > 1)
    return {k: 1.0 + math.log(c) for k, c in counts.items()}


def entities_from_spacy(doc: Any) -> list[str]:
    """Entity names from a spaCy Doc's NER; a person also gives their surname, so that
    'James Charles Kopp' and a later bare 'Kopp' meet."""
    out: list[str] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        out.append(ent.text)
        parts = ent.text.split()
        if ent.label_ == "PERSON" and len(parts) > 1:
            out.append(parts[-1])
    return out


def entities_from_extraction(extraction: Any) -> list[str]:
    """Entity names from a pipeline ``Extraction``: coded actor names and countries, and
    place names. Country codes count: two articles about Afghanistan share 'AFG'."""
    out: list[str] = []
    for actor in getattr(extraction, "actors", None) or []:
        if actor.name:
            out.append(actor.name)
        if actor.country:
            out.append(actor.country)
    for loc in getattr(extraction, "locations", None) or []:
        if loc.name:
            out.append(loc.name)
    return out

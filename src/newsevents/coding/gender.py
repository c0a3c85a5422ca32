"""Which personal pronoun (he/she) can refer to a person mention.

Titles and role nouns come from ``data/actors/gender_words.tsv``; first names from the
1990 US Census first-name lists shipped in the ``names`` package (MIT). Unknown names give
``None``, which is compatible with either pronoun: the lists only ever rule a person out.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import TYPE_CHECKING

from newsevents.data import load_tsv

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CLEAR_RATIO = 4.0  # a first name counts for one sex when this many times more frequent
CONTEXT_BEFORE = 3  # words before a name searched for a title (Mrs, spokeswoman, Queen)
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


@functools.lru_cache(maxsize=1)
def _titles() -> dict[str, str]:
    return {row["word"]: row["gender"] for row in load_tsv("actors/gender_words.tsv")}


def word_gender(word: str) -> str | None:
    """ "m" or "f" for a word that tells a sex by itself ("aunt", "widower", "Mrs"), from
    ``data/actors/gender_words.tsv`` alone: no first names ("Love" is one, "love" is not)."""
    return _titles().get(word.lower())


def census_names(name: str) -> dict[str, float]:
    out: dict[str, float] = {}
    try:
        text = resources.files("names").joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # the lists are optional
        return out
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


@functools.lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    male, female = census_names("dist.male.first"), census_names("dist.female.first")
    out = {}
    for name in set(male) | set(female):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m > CLEAR_RATIO * f:
            out[name] = "m"
        elif f > CLEAR_RATIO * m:
            out[name] = "f"
    return out


def first_name_gender(word: str) -> str | None:
    """ "m" or "f" for a clearly male or female first name, else None."""
    return _first_names().get(word.lower())


def words_gender(words: list[str]) -> str | None:
    """Gender told by a title among ``words`` or by the first name after the titles."""
    titles = _titles()
    lowered = [w.lower() for w in words if w.strip()]
    for i, w in enumerate(lowered):
        pair = " ".join(lowered[i : i + 2])
        if pair in titles:
            return titles[pair]
        if w in titles:
            return titles[w]
    names = _first_names()
    words = [w for w in words if w.strip()]
    caps = [i for i, w in enumerate(words) if w[:1].isupper() and w.isalpha()]
    last = caps[-1] if len(caps) > 1 else None  # a surname ("Moon") tells no sex
    for i, w in enumerate(lowered):
        if w.isalpha() and w in names and i != last:
            return names[w]
    return None


def title_words(tok: Token) -> list[str]:
    """Words of the person named around ``tok`` with its titles: the words before the name
    that modify it, apposed titles ("A spokeswoman, Chris Hall," / "Hall, a spokeswoman")."""
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    before = [
        t.text
        for t in doc[max(0, start - CONTEXT_BEFORE) : start]
        if start <= t.head.i <= tok.i  # a title of this name, not the next clause's words
    ]
    apposed = [tok.head.text] if tok.dep_ == "appos" else []
    apposed += [c.text for c in tok.children if c.dep_ == "appos"]
    return before + apposed + [t.text for t in doc[start : tok.i + 1]]


def mention_gender(tok: Token) -> str | None:
    """Gender of the person named around ``tok`` (its entity, titles and apposition). A
    lone word that the article also writes as the last word of a longer name is a surname
    and tells no sex ("Roe" after "Jane Roe"), even when it is also a first name."""
    words = title_words(tok)
    if tok.ent_iob_ == "B" and tok.lower_ in surnames(tok.doc):
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is None or nxt.ent_iob_ != "I":
            words = [w for w in words if w != tok.text]
    return words_gender(words)


_SURNAMES_KEY = "newsevents_surnames"  # where surnames() keeps its answer, on the Doc itself


def surnames(doc: Doc) -> frozenset[str]:
    """Last words of the PERSON names of two words or more in ``doc`` (kept on the doc)."""
    found = doc.user_data.get(_SURNAMES_KEY)
    if found is None:
        found = frozenset(e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1)
        doc.user_data[_SURNAMES_KEY] = found
    return found


def actor_gender(name: str, text: str | None) -> str | None:
    """Gender of a speaker Actor from its canonical name and the words it was found as."""
    return words_gender(name.split()) or (words_gender(text.split()) if text else None)


def compatible(pronoun: str, gender: str | None) -> bool:
    want = PRONOUN_GENDER.get(pronoun.lower())
    return want is None or gender is None or gender == want

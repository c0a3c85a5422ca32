"""Magnitude: the numbers a sentence states about an event -- killed, injured, arrested and
crowd size -- as ACLED records fatalities (``verbs/magnitude.tsv``).

Each found number is ``{"text", "start", "end", "value", "min", "max"}``: the span of the
number phrase in the article, and the number as stated: an exact count in ``value``
("killed 12"), a stated bound in ``min`` or ``max`` ("at least 12" -> min 12, "up to 300" ->
max 300, "more than 40" -> min 40), a vague quantity as its lower bound ("dozens" -> min 24,
"hundreds" -> min 200, "thousands" -> min 2000). What a number counts comes from the parse:
the patient of a verb of killing, injuring or arresting ("gunmen killed 12 villagers", "12
people were arrested"), the subject of a verb of dying or gathering ("12 died", "about 2,000
protesters marched"), or a noun that is the count ("leaving 12 dead", "a crowd of 5,000").
"""

from __future__ import annotations

import functools
import re
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsevents.data import load_tsv

KINDS = ("killed", "injured", "arrested", "crowd")
# The types a count is told for: casualties and arrests of violence, coercion and protest;
# the size of a protest's crowd.
TYPES = {
    "killed": {"ASSAULT", "COERCE", "PROTEST"},
    "injured": {"ASSAULT", "COERCE", "PROTEST"},
    "arrested": {"ASSAULT", "COERCE", "PROTEST"},
    "crowd": {"PROTEST"},
}
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague quantities: their stated lower bound (and upper where the word has one).
VAGUE = {
    "dozens": (24, None), "scores": (40, None), "hundreds": (200, None),
    "thousands": (2000, None), "millions": (2_000_000, None), "several": (3, None),
    "few": (2, None), "handful": (2, 9), "many": (None, None), "numerous": (None, None),
}  # fmt: skip
LOWER = ("at least", "more than", "over", "upwards of", "no fewer than", "no less than")
UPPER = ("up to", "as many as", "nearly", "almost", "fewer than", "less than", "under")
ABOUT = ("about", "around", "some", "roughly", "approximately", "an estimated", "nearly all")
NUMBER_RE = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")


@functools.lru_cache(maxsize=1)
def _table() -> dict[tuple[str, bool], tuple[str, str]]:
    """(word, is a verb role) -> (kind, role): "arrest" the verb and "arrest" the noun."""
    return {
        (r["word"], r["role"] != "count"): (r["kind"], r["role"])
        for r in load_tsv("verbs/magnitude.tsv")
    }


def _word(tok: Token) -> tuple[str, str] | None:
    table = _table()
    verb = tok.pos_ in {"VERB", "AUX"}
    for w in (tok.lemma_.lower(), tok.lower_):
        found = table.get((w, verb)) or (table.get((w, False)) if tok.pos_ == "ADJ" else None)
        if found is None and tok.tag_ in {"VBN", "JJ"}:  # "12 people injured", "14 dead"
            found = table.get((w, not verb))
        if found:
            return found
    return None


def _is_number(tok: Token) -> bool:
    low = tok.lower_
    return bool(NUMBER_RE.match(tok.text)) or low in UNITS or low in SCALES or low in VAGUE


def number_value(words: list[str]) -> tuple[int | None, int | None, int | None]:
    """(value, min, max) of number words: "1,200" -> (1200, None, None), "dozens" ->
    (None, 24, None), "three hundred" -> (300, None, None), "2.5 million" -> (2500000, ..)."""
    total, current, seen = 0, 0.0, False
    for w in (w.lower() for w in words):
        if w in VAGUE and not seen:
            lo, hi = VAGUE[w]
            return None, lo, hi
        if w in {"tens", "hundreds", "thousands"} and seen:
            continue
        if NUMBER_RE.match(w):
            current += float(w.replace(",", ""))
            seen = True
        elif w in UNITS:
            current += UNITS[w]
            seen = True
        elif w in SCALES:
            current = (current or 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total, current = total + current, 0.0
            seen = True
    if not seen:
        return None, None, None
    return int(total + current), None, None


def _phrase(num: Token) -> list[Token]:
    """The number's own words: "1,200", "three hundred", "2.5 million", "a dozen"."""
    toks = [num]
    for c in num.children:
        if c.dep_ in {"compound", "quantmod", "nummod"} and _is_number(c):
            toks.append(c)
    return sorted(toks, key=lambda t: t.i)


def _bound(sent: SpacySpan, first: Token) -> tuple[str | None, int]:
    """ "at least", "up to", "about" just before the number: (kind, index of its first word)."""
    before = [t for t in sent if first.i - 3 <= t.i < first.i]
    text = " ".join(t.lower_ for t in before)
    for kind, words in (("min", LOWER), ("max", UPPER), ("about", ABOUT)):
        for w in words:
            if text.endswith(w):
                return kind, first.i - len(w.split())
    return None, first.i


def _counted(num: Token) -> Token:
    """The noun a number counts: "12 villagers" -> villagers, "dozens of protesters" ->
    protesters, "a crowd of 5,000" -> crowd; else the number itself ("killed 12")."""
    if num.dep_ in {"nummod", "quantmod"} and num.head.pos_ in {"NOUN", "PROPN", "ADJ"}:
        return num.head
    for prep in num.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pobj = next((p for p in prep.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if num.dep_ == "pobj" and num.head.lower_ == "of" and num.head.head.pos_ == "NOUN":
        return num.head.head  # "a crowd of 5,000"
    return num


def _kind(num: Token, noun: Token) -> str | None:
    """What the number counts, from the word it counts and the verb that governs it."""
    for t in (noun, *[c for c in noun.children if c.dep_ in {"amod", "acl"}]):
        found = _word(t)
        if found and found[1] == "count" and found[0] in KINDS:
            return found[0]  # "12 dead", "40 deaths", "a crowd of 5,000", "12 people injured"
        if found and found[1] == "patient" and t.dep_ in {"amod", "acl"}:
            return found[0]  # "12 people killed"
    if num.dep_ == "pobj" and num.head.head.pos_ in {"VERB", "AUX"}:
        subj = [c for c in num.head.head.children if c.dep_ == "nsubj"]
        if any(c.lemma_.lower() == "toll" for c in subj):
            return "killed"  # "the death toll rose to 40"
    if noun.dep_ == "pobj" and noun.head.head == num:
        people = _people(noun)
        noun = num  # "dozens of protesters were arrested": the number is the argument
    else:
        people = _people(noun)
    head = noun.head
    for _ in range(2):  # "killed at least 12 people"; "12 of them were killed"
        found = _word(head)
        if found and head.pos_ in {"VERB", "AUX", "ADJ"}:
            kind, role = found
            if role == "patient" and noun.dep_ in {"dobj", "obj", "nsubjpass", "conj"}:
                return kind
            if role == "patient" and noun.dep_ == "nsubj" and head.tag_ == "VBN":
                return kind  # "and more than 40 injured"
            if role == "agent" and noun.dep_ in {"nsubj", "conj"}:
                if kind == "crowd" and not people:
                    return None
                return kind
        if head.dep_ != "conj" or head.head == head:
            break
        head = head.head
    return None


def _people(noun: Token) -> bool:
    found = _word(noun)
    return noun.pos_ in {"NUM", "PRON"} or (found is not None and found[0] == "people")


def magnitude(sent: SpacySpan, offset: int) -> dict[str, dict[str, Any]]:
    """The numbers ``sent`` states, by kind; ``offset``: the chunk's offset in the article."""
    out: dict[str, dict[str, Any]] = {}
    for tok in sent:
        if not _is_number(tok) or tok.dep_ in {"compound", "quantmod"} and _is_number(tok.head):
            continue
        if tok.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}:
            continue
        words = _phrase(tok)
        value, lo, hi = number_value([w.text for w in words])
        if value is None and lo is None and hi is None:
            continue
        kind = _kind(tok, _counted(tok))
        if kind is None or kind in out:
            continue
        bound, first = _bound(sent, words[0])
        if value is not None and bound == "min":
            value, lo = None, value
        elif value is not None and bound == "max":
            value, hi = None, value
        start_tok = sent.doc[first] if bound else words[0]
        start, end = start_tok.idx, words[-1].idx + len(words[-1])
        out[kind] = {
            "text": sent.doc.text[start:end],
            "start": offset + start,
            "end": offset + end,
            "value": value,
            "min": lo,
            "max": hi,
        }
    return out


def for_event(found: dict[str, dict[str, Any]], plover: str) -> dict[str, dict[str, Any]] | None:
    """The sentence's numbers that the event of type ``plover`` is told with (None: none)."""
    kept = {k: v for k, v in found.items() if plover in TYPES[k]}
    return kept or None

"""Toponym recognition: which words of an article name places, and how they are used.

spaCy's GPE/LOC/FAC entities are the start. Added to them: gazetteer names that the NER
labels otherwise or misses ("in Idlib", a dateline "KABUL (Reuters) -"), buildings and
streets the NER calls organisations ("Holy Cross Church", "Elm Street"), and multi-word names
("Gulf of Aden"). Each mention gets a type: ``literal`` (a place where something is or
happens), ``demonym`` ("Turkish", "Afghans") or ``metonym`` ("Ankara said", "Moscow denied"):
the last two are kept but get no pin. A hint from the words around it ("X province", "the
capital Y", "X, Texas") goes to the resolver.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsevents.data import load_lines, load_tsv
from newsevents.nlp import ParsedArticle
from newsevents.places.gazetteer import Gazetteer, Match, fold

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "from",
        "to",
        "into",
        "across",
        "throughout",
        "outside",
        "inside",
        "around",
        "towards",
        "toward",
        "via",
        "through",
    }
)
# an upper-case place opening one of the first lines: "KABUL (Reuters) -", "(DOHA) -",
# "PARIS, Texas -", "LIMA The ..."
_DATELINE = re.compile(
    r"^[ \t(]*([A-Z][A-Z.'\-]+(?:[ ][A-Z][A-Z.'\-]+){0,3})(?=\)|[ \t]*[,(\-—–:]|[ \t]+[A-Z][a-z])",
    re.M,
)
DATELINE_CHARS = 1500


@dataclass
class Mention:
    """A toponym candidate with absolute offsets into the article text."""

    start: int
    end: int
    text: str
    type: str = "literal"  # literal, demonym, metonym
    label: str = ""  # the NER label, "gazetteer" or "dateline"
    hint: str | None = None  # division, city, or None
    matches: tuple[Match, ...] = ()
    country: str | None = None  # demonyms: the country they name
    within: tuple[Match, ...] = ()  # "Paris, Texas" in one entity: Texas's places
    token: Token | None = field(default=None, repr=False)
    sentence: int = -1


@functools.lru_cache(maxsize=1)
def facility_words() -> frozenset[str]:
    """Head nouns that make a name a place (``data/places/facility_words.txt``)."""
    return frozenset(load_lines("places/facility_words.txt"))


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Nationality words -> ISO-3, from the Phoenix country dictionary."""
    return {
        r["pattern"]: r["country"]
        for r in load_tsv("actors/phoenix_countries.tsv")
        if " " not in r["pattern"]
    }


@functools.lru_cache(maxsize=1)
def metonym_verbs() -> frozenset[str]:
    return frozenset(load_lines("places/metonym_verbs.txt"))


def _strong(matches: tuple[Match, ...], min_pop: int = 100_000) -> bool:
    """A name the gazetteer knows well enough to take without the NER calling it a place."""
    return any(
        m.entry.kind in ("country", "admin1", "region", "continent")
        or (m.entry.kind == "city" and m.entry.population >= min_pop)
        for m in matches
        if not m.alias or m.entry.kind in ("country", "region")
    )


def recognize(parsed: ParsedArticle, gaz: Gazetteer) -> list[Mention]:
    """Every toponym mention of the article, in text order, none overlapping."""
    out: list[Mention] = []
    sent_index = 0
    for offset, doc in parsed.chunks:
        taken = [False] * len(doc)
        for ent in doc.ents:
            m = _from_entity(ent, offset, gaz)
            if m is not None:
                out.append(m)
            for i in range(ent.start, ent.end):
                taken[i] = True
        out.extend(_from_tokens(doc, offset, taken, gaz))
        for sent in doc.sents:
            for m in out:
                if m.sentence < 0 and offset + sent.start_char <= m.start < offset + sent.end_char:
                    m.sentence = sent_index
            sent_index += 1
    out.extend(_datelines(parsed.article.text, gaz, out))
    out.extend(_repeats(parsed, out))
    out.sort(key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    for m in out:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    for m in kept:
        if m.token is not None:
            _context(m, m.token)
    return kept


def _trim(span: Span) -> Span:
    """Without a leading "the" or a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "'s", "’s"):
        start += 1
    while end > start and doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
        end -= 1
    return doc[start:end]


def _from_entity(ent: Span, offset: int, gaz: Gazetteer) -> Mention | None:
    span = _trim(ent)
    if not len(span) or not span.text[:1].isalnum():
        return None
    text = span.text
    matches = _find(gaz, span)
    within: tuple[Match, ...] = ()
    comma = next((t.i for t in span if t.text == ","), None)
    if not matches and comma is not None and comma > span.start:
        matches = _find(gaz, span.doc[span.start : comma])
        within = gaz.find(span.doc[comma + 1 : span.end].text)
    label = ent.label_
    locative = _locative(span)
    facility = len(span) > 1 and (
        span[-1].lower_ in facility_words() or span[0].lower_ in facility_words()
    )
    if label == "NORP":
        country = demonyms().get(fold(text)) or demonyms().get(fold(text).rstrip("s"))
        if country is not None:
            if _geographic_head(span):  # "the Turkish border": a place, Turkey's
                entry = gaz.countries().get(country)
                if entry is not None:
                    return _mention(span, offset, "literal", label, (Match(entry, False),))
            return _mention(span, offset, "demonym", label, (), country)
        if matches and locative:
            return _mention(span, offset, "literal", label, matches)
        return None
    if _acronym(text) and not locative and not _exact(matches, ("country", "region")):
        return None
    if label in PLACE_LABELS:
        if not matches and not (facility or locative or (len(span) > 1 and label == "LOC")):
            return None  # an unknown one-word "place" is more often a person or a brand
    elif label in ("ORG", "PERSON", "PRODUCT", "EVENT", "WORK_OF_ART"):
        if facility:
            pass
        elif not matches:
            return None
        elif locative:
            pass
        elif label == "ORG" and (
            _exact(matches, ("country", "admin1", "region")) or _strong_city(matches, 100_000)
        ):
            pass
        elif label == "PERSON" and (
            _exact(matches, ("country", "region"))
            or (len(span) > 1 and _exact(matches, ("admin1",)))
            or (len(span) == 1 and _strong_city(matches, 1_000_000))
        ):
            pass
        else:
            return None
    else:
        return None
    if _one_common_word(span) and label not in PLACE_LABELS:
        return None
    kind = "literal"
    if label != "FAC" and _metonym(span, matches):
        kind = "metonym"
    m = _mention(span, offset, kind, label, matches)
    m.within = within
    return m


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    return frozenset(load_lines("places/common_words.txt"))


def _one_common_word(span: Span) -> bool:
    return len(span) == 1 and span[0].lower_ in common_words()


_DIRECTIONS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "downtown",
        "greater",
        "upper",
        "lower",
    }
)


def _find(gaz: Gazetteer, span: Span) -> tuple[Match, ...]:
    """The gazetteer's places for a name, or for it without a division word ("Idlib
    province"), a direction ("north west London") or an Arabic article ("al-Raqqa")."""
    matches = gaz.find(span.text)
    if matches:
        return matches
    if len(span) > 1 and span[-1].lower_ in _DIVISION_AFTER | {"city"}:
        matches = gaz.find(span[:-1].text)
    i = 0
    while not matches and i < len(span) - 1 and span[i].lower_ in _DIRECTIONS:
        i += 1
        matches = gaz.find(span[i:].text)
    if not matches and fold(span.text).startswith(("al ", "el ", "ar ", "as ", "ad ")):
        matches = gaz.find(fold(span.text)[3:])
    return matches


def _strong_city(matches: tuple[Match, ...], min_pop: int) -> bool:
    return any(
        m.entry.kind == "city" and not m.alias and m.entry.population >= min_pop for m in matches
    )


def _exact(matches: tuple[Match, ...], kinds: tuple[str, ...]) -> bool:
    return any(m.entry.kind in kinds and not m.alias for m in matches)


def _acronym(text: str) -> bool:
    """ "APC", "MoD", "P.A.": two or more capitals in a short word."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) <= 5 and sum(ch.isupper() for ch in letters) >= 2 and " " not in text


@functools.lru_cache(maxsize=1)
def geographic_nouns() -> frozenset[str]:
    return frozenset(load_lines("places/geographic_nouns.txt"))


def _geographic_head(span: Span) -> bool:
    head = span.root.head if span.root.dep_ == "amod" else None
    return head is not None and head.lemma_.lower() in geographic_nouns()


def _mention(span: Span, offset: int, kind: str, label: str, matches, country=None) -> Mention:
    start = offset + span.start_char
    return Mention(
        start, start + len(span.text), span.text, kind, label, None, matches, country, token=span[0]
    )


def _locative(span: Span) -> bool:
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in (
        "the",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "downtown",
        "rural",
        "neighbouring",
        "neighboring",
        "nearby",
    ):
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVE


def _metonym(span: Span, matches: tuple[Match, ...]) -> bool:
    """A country or capital standing for its government: the subject of a verb of saying
    or deciding ("Ankara said", "the United States imposed")."""
    if not any(m.entry.kind == "country" or m.entry.fcode == "PPLC" for m in matches):
        return False
    root = span.root
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.text in (",", "—", "–", "-", "(") and span.start == span.sent.start:
        return False  # a dateline
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in metonym_verbs()


def _from_tokens(doc: Doc, offset: int, taken: list[bool], gaz: Gazetteer) -> list[Mention]:
    """Capitalised words the NER left out that the gazetteer knows ("fled to Idlib")."""
    out: list[Mention] = []
    i, n = 0, len(doc)
    while i < n:
        t = doc[i]
        if taken[i] or not t.text[:1].isupper() or t.pos_ not in ("PROPN", "NOUN", "ADJ"):
            i += 1
            continue
        found = None
        for j in range(min(n, i + 4), i, -1):  # longest first
            if any(taken[i:j]) or not doc[j - 1].text[:1].isalpha():
                continue
            span = doc[i:j]
            if not all(w.text[:1].isupper() or w.lower_ in ("of", "de", "al") for w in span):
                continue
            matches = gaz.find(span.text)
            if not matches or (_acronym(span.text) and not _exact(matches, ("country",))):
                continue
            if _one_common_word(span):
                continue
            if t.is_sent_start and t.pos_ != "PROPN":
                continue
            if _locative(span) or (
                len(span) > 1 and _strong(matches, 50_000 if t.pos_ == "PROPN" else 1_000_000)
            ):
                found = _mention(span, offset, "literal", "gazetteer", matches)
                break
        if found is not None:
            out.append(found)
            i = j
        else:
            i += 1
    return out


def _repeats(parsed: ParsedArticle, found: list[Mention]) -> list[Mention]:
    """Other occurrences of a name the article already uses as a place ("the London-Paris
    line"), outside person and organisation names."""
    known = {fold(m.text): m for m in found if m.type == "literal" and m.matches}
    if not known:
        return []
    covered = sorted((m.start, m.end) for m in found)
    out = []
    for offset, doc in parsed.chunks:
        for t in doc:
            if not t.text[:1].isupper() or t.ent_type_ in ("PERSON", "ORG", "NORP"):
                continue
            first = known.get(fold(t.text))
            if first is None or len(first.text.split()) != 1:
                continue
            start = offset + t.idx
            end = start + len(t.text)
            if any(s < end and start < e for s, e in covered):
                continue
            out.append(
                Mention(start, end, t.text, "literal", "repeat", None, first.matches, token=t)
            )
    return out


def _datelines(text: str, gaz: Gazetteer, found: list[Mention]) -> list[Mention]:
    """An upper-case place opening a line before "(Agency)" or a dash."""
    out = []
    for m in _DATELINE.finditer(text[:DATELINE_CHARS]):
        name = m.group(1).strip(" .-")
        if len(name) < 3:
            continue
        start = m.start(1)
        end = start + len(name)
        matches = gaz.find(name)
        if matches and not any(f.start < end and start < f.end for f in found):
            out.append(Mention(start, end, name, "literal", "dateline", None, matches))
        elif matches:
            for f in found:
                if f.start < end and start < f.end:
                    f.label = "dateline"
    return out


_DIVISION_AFTER = frozenset(
    {
        "province",
        "governorate",
        "state",
        "county",
        "district",
        "region",
        "prefecture",
        "oblast",
        "department",
        "municipality",
        "territory",
        "parish",
        "canton",
    }
)
_CITY_BEFORE = frozenset({"capital", "city", "town", "village", "port", "suburb"})


def _context(m: Mention, first: Token) -> None:
    """ "X province" -> division; "the capital X", "X city" -> city."""
    doc = first.doc
    end_tok = first.i
    while end_tok + 1 < len(doc) and doc[end_tok + 1].idx < m.end - (m.start - first.idx):
        end_tok += 1
    after = doc[end_tok + 1].lower_ if end_tok + 1 < len(doc) else ""
    before = doc[first.i - 1].lower_ if first.i > 0 else ""
    last = m.text.rsplit(" ", 1)[-1].lower()
    if after in _DIVISION_AFTER or last in _DIVISION_AFTER:
        m.hint = "division"
    elif before in _CITY_BEFORE or after == "city":
        m.hint = "city"

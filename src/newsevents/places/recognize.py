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
from newsevents.spans import SpanIndex

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
    hint: str | None = None  # division, city, address (a division closing one), or None
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
    """Nationality words -> ISO-3, from the Phoenix country dictionary and the demonyms of
    ``actors/country_names.tsv`` ("Iraqi", "Azerbaijani")."""
    out = {
        r["pattern"]: r["country"]
        for r in load_tsv("actors/phoenix_countries.tsv")
        if " " not in r["pattern"]
    }
    for r in load_tsv("actors/country_names.tsv"):
        if r["kind"] == "demonym":
            out.setdefault(fold(r["name"]), r["country"])
    return out


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
        first = len(out)  # this chunk's mentions: the earlier chunks' have their sentences
        taken = [False] * len(doc)
        for ent in doc.ents:
            m = _from_entity(ent, offset, gaz)
            if m is not None:
                out.extend(_split_address(m, parsed.article.text))
            for i in range(ent.start, ent.end):
                taken[i] = True
        out.extend(_from_tokens(doc, offset, taken, gaz))
        out.extend(_streets(doc, offset, out))
        for sent in doc.sents:
            for m in out[first:]:
                if m.sentence < 0 and offset + sent.start_char <= m.start < offset + sent.end_char:
                    m.sentence = sent_index
            sent_index += 1
    out.extend(_datelines(parsed.article.text, gaz, out))
    persons = _person_words(parsed)
    dropped = [_person_not_place(m, persons) for m in out]
    people = [m for m, drop in zip(out, dropped, strict=True) if drop]
    # a name dropped as a person is no place elsewhere in the article either ("Kim said")
    persons = persons | {fold(m.text) for m in people if len(m.text.split()) == 1}
    # (by the flags, not "m not in people": that compares every pair of a long article)
    out = [m for m, drop in zip(out, dropped, strict=True) if not drop and not _unknown_owner(m)]
    out.extend(_promoted(parsed, gaz, out, persons))
    out.extend(_embedded(parsed, gaz, out))
    out.extend(_repeats(parsed, out, persons))
    out.sort(key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    for m in out:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    kept = _joined(kept, parsed.article.text, gaz)
    # no word of it capitalised ("the bush", "red states"): a common noun, not a name
    kept = [m for m in kept if m.label == "street" or any(w[:1].isupper() for w in m.text.split())]
    for m in kept:
        if m.token is not None:
            _context(m, m.token, gaz)
    return kept


_JOIN_WORDS = frozenset({"and", "&", "of", "the"})
_WORD = re.compile(r"\S+")


def _joined(found: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """A country or first-level division the recognizer cut in two ("Trinidad and Tobago",
    "U.S. Virgin Islands", "Baja California"): the mention grows over the words after it
    when together they name one."""
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue  # swallowed by the mention before
        words = list(_WORD.finditer(text, m.end, min(len(text), m.end + 60)))[:4]
        grown = None
        for k in range(len(words), 0, -1):
            part = words[:k]
            if "\n" in text[m.end : part[-1].end()]:
                continue
            last = part[-1].group().rstrip(".,;:)")
            if not last[:1].isupper() or any(
                not (w.group()[:1].isupper() or w.group().lower() in _JOIN_WORDS) for w in part
            ):
                continue
            end = part[-1].start() + len(last)
            name = text[m.start : end]
            matches = gaz.find(name)
            if any(x.entry.kind in ("country", "admin1") for x in matches):
                grown = Mention(
                    m.start, end, name, "literal", m.label, m.hint, matches, token=m.token
                )
                grown.sentence = m.sentence
                break
        out.append(grown or m)
    return out


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
    facility = (
        len(span) > 1
        and not _organisation(span)
        and (
            span[-1].lower_ in facility_words()
            or (span[0].lower_ in facility_words() and span[0].lower_ not in _NOT_FIRST)
            or any(  # "the Lyon Museum of Modern Art"
                t.lower_ == "of" and span[t.i - span.start - 1].lower_ in facility_words()
                for t in span[2:]
            )
        )
    )
    if label in ("NORP", "LANGUAGE") and not _place_name(matches, fold(text)):
        return _adjective(span, offset, gaz, matches, locative, label)
    if label in ("NORP", "LANGUAGE"):
        label = "GPE"  # "authorities in Tunis" tagged as a nationality
    if (
        _acronym(text)
        and not _exact(matches, ("country", "region"))
        and not (_exact(matches, ("admin1",)) and _after_place_comma(span, matches, gaz))
        and not (locative and _known_short(matches))
    ):
        return None  # "talks with the APC", "exports to CIS countries" (not Cis, Italy)
    if (
        label not in PLACE_LABELS
        and label not in _NAME_LABELS
        and locative
        and _exact(matches, ("country", "admin1", "admin2", "city"))
        and span[0].pos_ == "PROPN"
        and span.text[:1].isupper()
        and not any(t.lower_ in common_words() or t.like_num for t in span)
    ):
        label = "GPE"  # "in Manbij" tagged as a date
    if label in PLACE_LABELS:
        if not matches and not (facility or locative or (len(span) > 1 and label == "LOC")):
            return None  # an unknown one-word "place" is more often a person or a brand
    elif label in _NAME_LABELS:
        if facility:
            pass
        elif not matches:
            if not (
                (label in ("ORG", "FAC", "EVENT") and _used_as_place(span))
                or (label == "PERSON" and _inside_a_venue(span))
            ):
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
    if (label != "FAC" and _metonym(span, matches)) or _team(span):
        kind = "metonym"
    m = _mention(span, offset, kind, label, matches)
    m.within = within
    return m


_NAME_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "EVENT", "WORK_OF_ART"})
_COURSES = frozenset({"golf", "race", "racing", "obstacle", "assault"})


def _organisation(span: Span) -> bool:
    """A name with a facility word that names a body or a class, not a building: "the
    Centre for Rural Studies" (a centre *for* something), "the Writing Course" (a course is
    a place only for golf or racing)."""
    words = [t.lower_ for t in span]
    if words[-1] == "course" and (len(words) < 2 or words[-2] not in _COURSES):
        return True
    return any(
        w in facility_words() and i + 1 < len(words) and words[i + 1] == "for"
        for i, w in enumerate(words)
    )


_AREA_KINDS = frozenset({"country", "admin1", "admin2"})


def _split_address(m: Mention, text: str) -> list[Mention]:
    """ "Eden, Kent" tagged as one entity is two toponyms, the town and the division (or
    country) that closes its address; the town keeps the area as its admin context."""
    if not m.within or not any(x.entry.kind in _AREA_KINDS for x in m.within):
        return [m]
    comma = text.find(",", m.start, m.end)
    head_end = comma
    while head_end > m.start and text[head_end - 1].isspace():
        head_end -= 1
    tail_start = comma + 1
    while tail_start < m.end and text[tail_start].isspace():
        tail_start += 1
    if comma < 0 or head_end <= m.start or tail_start >= m.end:
        return [m]
    tail = Mention(tail_start, m.end, text[tail_start : m.end], "literal", m.label, None, m.within)
    if m.token is not None:
        doc = m.token.doc
        tail.token = next(
            (t for t in doc[m.token.i :] if t.idx + (m.start - m.token.idx) >= tail_start), None
        )
    m.end, m.text = head_end, text[m.start : head_end]
    return [m, tail]


# facility words that do not make a place when they open a name ("Park Sun-young")
_NOT_FIRST = frozenset({"park"})


_AT = frozenset({"at", "inside", "outside"})
_EMPLOYED = frozenset(
    {"work", "analyst", "economist", "director", "professor", "researcher", "executive", "head"}
)


def _used_as_place(span: Span) -> bool:
    """An organisation or an event named as the place where something happens: "spoke at
    Acme Foods", "a concert at the Harvest Fair in Leeds" (a coerced toponym)."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0 or doc[i].lower_ not in _AT or not span.text[:1].isupper():
        return False
    if i > 0 and (doc[i - 1].lemma_.lower() in _EMPLOYED or doc[i - 1].lower_ in actor_nouns()):
        return False  # "an analyst at Acme Capital", "she works at Acme"
    return not any(t.lower_ in ("'s", "’s") for t in span)


def _inside_a_venue(span: Span) -> bool:
    """A name the NER calls a person right after "inside", "outside" or "into" a place one
    goes in ("fans gathered outside Elmfield"), not a common first name."""
    doc = span.doc
    i = span.start - 1
    if i < 0 or doc[i].lower_ not in ("inside", "outside") or not span.text[:1].isupper():
        return False
    first = span[0].lower_
    return first not in _first_names() and not any(t.lower_ in ("'s", "’s") for t in span)


def _place_name(matches: tuple[Match, ...], key: str) -> bool:
    """A country, division or sizeable city of this very name, not a nationality word."""
    if key in common_words() or key in _DIRECTIONS:
        return False
    if key in demonyms() and not any(
        m.entry.kind == "city" and m.entry.population >= 50_000 and not m.alias for m in matches
    ):
        return False
    return any(
        not m.alias
        and (
            m.entry.kind in ("country", "admin1")
            or (m.entry.kind in ("city", "admin2") and m.entry.population >= 50_000)
        )
        for m in matches
    )


def _after_place_comma(span: Span, matches: tuple[Match, ...], gaz: Gazetteer) -> bool:
    """ "N.J." or "SC" right after a town of that state and a comma ("Trenton, N.J."), not
    after a firm's name ("Smith & Jones, P.A.")."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ",":
        return False
    codes = {m.entry.admin1 for m in matches if m.entry.kind == "admin1" and m.entry.admin1}
    before = doc[span.start - 2]
    j = before.i
    while j > 0 and doc[j - 1].text[:1].isupper() and before.i - j < 3:
        j -= 1
    return before.text[:1].isupper() and any(
        m.entry.admin1 in codes and m.entry.kind in ("city", "admin2")
        for k in range(j, before.i + 1)
        for m in gaz.find(doc[k : before.i + 1].text)
    )


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


def _adjective(
    span: Span, offset: int, gaz: Gazetteer, matches, locative: bool, label: str = "NORP"
) -> Mention | None:
    """A nationality or regional word: on a thing ("American factories", "the Turkish
    border") it is the place; on people or a state ("Turkish troops"), or alone ("the
    Afghans"), it is a demonym, typed and given its country but no point."""
    key = fold(span.text)
    country = demonyms().get(key) or demonyms().get(key.rstrip("s"))
    region = region_adjectives().get(key)
    if country is None and region is None:
        if matches and locative:
            return _mention(span, offset, "literal", "NORP", matches)
        return None
    head = span.root.head
    on_thing = (
        span.root.dep_ in ("amod", "compound", "nmod")
        and head.pos_ == "NOUN"
        and head.lemma_.lower() not in actor_nouns()
    )
    if label == "LANGUAGE":  # "the English countryside", not "English speakers"
        if not (on_thing and head.lemma_.lower() in _PLACE_NOUNS):
            return None
    if on_thing:
        entry = gaz.countries().get(country) if country else None
        found = (Match(entry, False),) if entry else gaz.find(region or "")
        if found:
            return _mention(span, offset, "literal", "NORP", found)
    return _mention(span, offset, "demonym", "NORP", (), country)


_PLACE_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "county",
        "countryside",
        "coast",
        "border",
        "region",
        "capital",
        "province",
        "island",
        "port",
        "territory",
        "soil",
        "waters",
        "enclave",
    }
)


@functools.lru_cache(maxsize=1)
def region_adjectives() -> dict[str, str]:
    return {fold(r["adjective"]): r["place"] for r in load_tsv("places/adjectives.tsv")}


@functools.lru_cache(maxsize=1)
def actor_nouns() -> frozenset[str]:
    """People and organisation nouns (``places/actor_nouns.txt`` and the actor roles)."""
    roles = {r["pattern"] for r in load_tsv("actors/roles.tsv") if " " not in r["pattern"]}
    return frozenset(load_lines("places/actor_nouns.txt")) | roles


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


def _known_short(matches: tuple[Match, ...]) -> bool:
    """A short name that stands for a country, a division or a big city ("in the UK",
    "in LA"), not for a village that shares its letters."""
    return any(
        m.entry.kind in ("country", "admin1", "region", "continent")
        or (m.entry.kind == "city" and m.entry.population >= 100_000)
        for m in matches
    )


def _acronym(text: str) -> bool:
    """ "APC", "MoD", "P.A.": two or more capitals in a short word."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) <= 5 and sum(ch.isupper() for ch in letters) >= 2 and " " not in text


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
    if i >= 1 and doc[i].lower_ == "to" and doc[i - 1].lower_ in ("according", "referring"):
        return False
    if i >= 0 and doc[i].lower_ in LOCATIVE:
        return True
    verbs = place_verbs()
    if i >= 0 and doc[i].lower_ == "on":
        return doc[i].head.lemma_.lower() in verbs["on"]  # "fired on Eden"
    root = span.root
    nxt = doc[span.end] if span.end < len(doc) else None
    return (
        root.dep_ == "dobj"
        and root.pos_ == "PROPN"
        and root.head.pos_ == "VERB"
        and root.head.lemma_.lower() in verbs["object"]  # "troops entered Eden"
        and root.lower_ not in actor_nouns()  # "visiting Minister of ..."
        and not (nxt is not None and nxt.pos_ == "PROPN")  # "visited Minister Eden"
    )


@functools.lru_cache(maxsize=1)
def place_verbs() -> dict[str, frozenset[str]]:
    """Verbs whose object (or the name after "on") is a place (``places/place_verbs.tsv``)."""
    rows = load_tsv("places/place_verbs.tsv")
    return {
        link: frozenset(r["lemma"] for r in rows if r["link"] == link) for link in ("object", "on")
    }


def _metonym(span: Span, matches: tuple[Match, ...]) -> bool:
    """A country or capital standing for its government: the subject of a verb of saying
    or deciding ("Ankara said", "the United States imposed")."""
    if not any(m.entry.kind == "country" or m.entry.fcode == "PPLC" for m in matches):
        return False
    root = span.root
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.text in (",", "—", "–", "-", "(") and span.start == span.sent.start:
        return False  # a dateline
    if nxt is not None and nxt.text == "," and span.text.isupper():
        return False  # "LIMA, Peru -": a dateline after a caption
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in metonym_verbs()


_MATCH_VERBS = frozenset(
    "win beat defeat lose draw tie edge rout thrash outscore outplay trail eliminate".split()
)
_TEAM_NOUNS = frozenset(
    """coach player players star striker forward quarterback goalkeeper keeper captain
    manager midfielder defender pitcher guard""".split()
)


def _team(span: Span) -> bool:
    """A place's name standing for its sports team: the subject of a verb of winning or
    losing ("Leeds beat Hull 2-0") or the team of a player ("a Leeds striker"), a metonym."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in _MATCH_VERBS:
        return True
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lower_ in ("'s", "’s"):
        nxt = span.doc[span.end + 1] if span.end + 1 < len(span.doc) else None
    return nxt is not None and nxt.lower_ in _TEAM_NOUNS and root.dep_ in ("compound", "poss")


# road numbers ("the A417", "I-95") and street names ("Elm Street", "14th St.")
_ROAD = re.compile(r"^(?:A\d{1,4}|M\d{1,3}|B\d{3,4}|I-\d{1,3})$")
_STREET_WORDS = frozenset(
    {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive"}
)
_ROAD_BEFORE = frozenset({"the", "on", "via", "along", "off", "onto", "from", "to", "and", ","})


def _streets(doc: Doc, offset: int, found: list[Mention]) -> list[Mention]:
    """Roads and streets the NER left out or called something else: a road number after
    "the", "on", "via" ("a crash on the B1234"), or capitalised words or an ordinal before
    a street word ("Elm Street", "Third Street", "14th St.")."""
    out = []
    known = SpanIndex(found)
    for t in doc:
        span = None
        if _ROAD.match(t.text) and t.i > 0 and doc[t.i - 1].lower_ in _ROAD_BEFORE:
            span = doc[t.i : t.i + 1]
        elif (
            fold(t.text) in _STREET_WORDS
            and t.text[:1].isupper()
            and t.i > 0
            and (doc[t.i - 1].is_title or doc[t.i - 1].like_num or doc[t.i - 1].text[:1].isdigit())
        ):
            i = t.i - 1
            while i > 0 and t.i - i < 3 and doc[i - 1].is_title and not doc[i - 1].is_sent_start:
                i -= 1
            if doc[i].lower_ in ("the", "a"):
                i += 1
            end = t.i + 1
            if end < len(doc) and doc[end].lower_ in ("west", "east", "north", "south"):
                end += 1
            span = doc[i:end] if i < t.i else None
        if span is None:
            continue
        start = offset + span.start_char
        stop = start + len(span.text)
        if known.overlaps(start, stop) or any(m.start < stop and start < m.end for m in out):
            continue
        out.append(_mention(span, offset, "literal", "street", ()))
    return out


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
            division = False
            if len(span) > 1 and span[-1].lower_ in _DIVISION_AFTER and span[-1].is_title:
                # "in Maiduguri, Borno State": a division the words name as one
                areas = tuple(
                    x
                    for x in matches or gaz.find(span[:-1].text)
                    if x.entry.kind in ("admin1", "admin2")
                )
                nxt = doc[j] if j < n else None
                alone = nxt is None or not (nxt.is_title or nxt.pos_ in ("NOUN", "PROPN"))
                division = bool(areas) and alone
                matches = areas if division else matches
            if not matches or (_acronym(span.text) and not _exact(matches, ("country",))):
                continue
            if _one_common_word(span):
                continue
            if t.is_sent_start and t.pos_ != "PROPN":
                continue
            if (
                division
                or _locative(span)
                or (len(span) > 1 and _strong(matches, 50_000 if t.pos_ == "PROPN" else 1_000_000))
            ):
                found = _mention(span, offset, "literal", "gazetteer", matches)
                break
        if found is not None:
            out.append(found)
            i = j
        else:
            i += 1
    return out


def _person_words(parsed: ParsedArticle) -> frozenset[str]:
    """Last words of the article's names of people ("Kelly" of "John Kelly")."""
    out = set()
    for _, doc in parsed.chunks:
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            words = [t for t in ent if t.is_alpha]
            if len(words) > 1:
                out.add(fold(words[-1].text))
    return frozenset(out)


def _person_not_place(m: Mention, persons: frozenset[str]) -> bool:
    """A literal mention that is a person's name of the article ("talks with Kelly" after
    "John Kelly"), or a small namesake town with a possessive ("Smith's plans"), unless it is
    a country or division or follows "in", "at"..."""
    if m.type != "literal" or m.token is None or m.label == "dateline":
        return False
    one = m.token.doc[m.token.i : m.token.i + 1]
    if _storm(m.token) and not _exact(m.matches, ("country",)) and not _locative(one):
        return True
    if _exact(m.matches, ("country", "admin1", "admin2", "region", "continent")):
        return False
    span = m.token.doc[m.token.i : m.token.i + len(m.text.split())]
    locative = _locative(span)
    if fold(m.text) in persons and not (locative and m.label in PLACE_LABELS):
        return True
    if (
        not _strong_city(m.matches, 100_000)
        and not locative
        and m.label not in ("list", "street")
        and _named_person(span)
    ):
        return True
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    small = not any(x.entry.population >= 100_000 for x in m.matches)
    return (
        nxt is not None
        and bool(m.matches)
        and nxt.lower_ in ("'s", "’s")
        and small
        and not locative
        and m.label not in ("GPE", "LOC", "FAC")
    )


_AFFAIRS = frozenset({"affair", "case", "scandal", "saga", "row", "trial"})


def _unknown_owner(m: Mention) -> bool:
    """A one-word name the gazetteer does not know that owns something or names an affair
    ("a minister in Dana's cabinet", "in the Brook affair") or is not even capitalised
    ("in mosques"): a person, a firm or a common noun, not a place."""
    if m.matches or m.token is None or m.label in ("dateline", "street") or " " in m.text:
        return False
    if not m.text[:1].isupper():
        return True
    doc = m.token.doc
    nxt = doc[m.token.i + 1] if m.token.i + 1 < len(doc) else None
    return nxt is not None and (nxt.lower_ in ("'s", "’s") or nxt.lower_ in _AFFAIRS)


FIRST_NAME_SHARE = 0.02  # percent of US people with that first name (1990 census lists)


@functools.lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    from newsevents.coding.gender import census_names

    both = census_names("dist.male.first") | census_names("dist.female.first")
    return frozenset(n for n, share in both.items() if share >= FIRST_NAME_SHARE)


def _named_person(span: Span) -> bool:
    """A person's name, not a small namesake town: a common first name with a capitalised
    word after it ("Dana Brook"), or a lone name that speaks or is a relative ("Dana said",
    "his daughter Dana"), or any lone name that says something ("Brook told police")."""
    words = [t for t in span if t.is_alpha]
    if not words or any(t.lower_ in facility_words() or t.lower_ in _STREET_WORDS for t in span):
        return False
    first = words[0].lower_ in _first_names()
    if len(words) > 1:
        return (
            first
            and all(t.text[:1].isupper() for t in words)
            and not any(t.lower_ in _TOWN_WORDS for t in words[1:])
        )
    tok = words[0]
    speaks = tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in _SAYING
    related = tok.dep_ in ("appos", "compound") and tok.head.lower_ in _RELATIVES
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return speaks or (first and (related or before in _RELATIVES))


# second words of town names that open with a first name ("Elizabeth City", "Mary Hill")
_TOWN_WORDS = frozenset(
    """city town village island islands heights falls springs beach bay valley hill hills
    county creek lake point harbor harbour bridge ville""".split()
)
_STORMS = frozenset({"hurricane", "storm", "typhoon", "cyclone"})


def _storm(tok: Token) -> bool:
    """A lone first name in a sentence about storms ("hurricanes Dana and Lee hit"): storms
    are given people's names."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha:
        return False
    return tok.lower_ in _first_names() and any(t.lemma_.lower() in _STORMS for t in tok.sent)


_SAYING = frozenset({"say", "tell", "add", "explain", "recall", "admit", "write", "ask"})
_RELATIVES = frozenset(
    """wife husband son daughter mother father brother sister girlfriend boyfriend partner
    friend cousin uncle aunt niece nephew grandson granddaughter grandmother grandfather
    fiancee fiance widow""".split()
)


_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*(?:and|or|&))\s*$")


def _strong_kind(matches: tuple[Match, ...]) -> set[str]:
    return {
        "country" if m.entry.kind == "country" else "local"
        for m in matches
        if not m.alias and m.entry.kind in ("country", "admin1", "admin2", "city")
    }


def _promoted(
    parsed: ParsedArticle, gaz: Gazetteer, found: list[Mention], persons: frozenset[str]
) -> list[Mention]:
    """Names the gazetteer knows that the NER called a person or an organisation, taken
    as places when they stand in a list with places ("stores in Leeds, Hull and York") or
    in an address ("a track near Hull, Yorkshire.", "Leeds, Yorkshire")."""
    text = parsed.article.text
    weak: list[Mention] = []
    known = SpanIndex(found)
    for offset, doc in parsed.chunks:
        for ent in doc.ents:
            if ent.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"):
                continue
            span = _trim(ent)
            if not len(span) or not span.text[:1].isupper() or _one_common_word(span):
                continue
            start = offset + span.start_char
            end = start + len(span.text)
            if known.overlaps(start, end):
                continue
            matches = gaz.find(span.text)
            if not _strong_kind(matches) or _acronym(span.text) or fold(span.text) in persons:
                continue
            weak.append(_mention(span, offset, "literal", "list", matches))
        for t in doc:  # proper nouns the NER left out
            if t.ent_type_ or t.pos_ != "PROPN" or not t.text[:1].isupper():
                continue
            span = doc[t.i : t.i + 1]
            start = offset + t.idx
            if _one_common_word(span) or known.overlaps(start, start + len(t)):
                continue
            matches = gaz.find(t.text)
            if _strong_kind(matches) and not _acronym(t.text) and fold(t.text) not in persons:
                weak.append(_mention(span, offset, "literal", "list", matches))
    places = [m for m in found if m.type == "literal" and _strong_kind(m.matches)]
    out: list[Mention] = []
    for _ in range(4):  # lists grow from their known members
        added = []
        index = SpanIndex(places)
        for w in weak:
            kinds = _strong_kind(w.matches)
            # only places within 6 characters can pass the gap test below
            for p in index.near(w.start - 6, w.end + 6):
                a, b = (p, w) if p.end <= w.start else (w, p)
                if b.start - a.end > 6 or not _LIST_GAP.match(text[a.end : b.start]):
                    continue
                if kinds & _strong_kind(p.matches):
                    added.append(w)
                    break
            else:
                if _address(w, text, index.near(w.end + 2, w.end + 2)):
                    added.append(w)
        if not added:
            break
        out.extend(added)
        places.extend(added)
        weak = [w for w in weak if w not in added]
    return out


def _embedded(parsed: ParsedArticle, gaz: Gazetteer, found: list[Mention]) -> list[Mention]:
    """A well-known place opening or closing the name of an organisation or an event ("the
    Leeds City Council", "Radio Kenya"): the place where it sits, an embedded toponym."""
    out = []
    text = parsed.article.text
    known = SpanIndex(found)
    lower_words: dict[str, bool] = {}
    for offset, doc in parsed.chunks:
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "EVENT", "FAC", "WORK_OF_ART", "PRODUCT"):
                continue
            span = _trim(ent)
            if len(span) < 2:
                continue
            start = offset + span.start_char
            if known.overlaps(start, start + len(span.text)):
                continue
            for n in (3, 2, 1):
                parts = [span[:n], span[len(span) - n :]] if n < len(span) else []
                hit = None
                for part in parts:
                    if not all(t.text[:1].isupper() for t in part) or _one_common_word(part):
                        continue
                    if _acronym(part.text) or len(part.text) < 4 or part[-1].is_punct:
                        continue
                    low = part.text.lower()
                    if low not in lower_words:
                        lower_words[low] = has_word(text, low)
                    if lower_words[low]:
                        continue  # a word the article also writes in lower case ("mass")
                    matches = gaz.find(part.text)
                    if _exact(matches, ("country", "admin1")) or _strong_city(matches, 100_000):
                        hit = _mention(part, offset, "literal", "embedded", matches)
                        break
                if hit is not None:
                    out.append(hit)
                    break
    return out


def has_word(text: str, word: str) -> bool:
    """Whether ``re.search(rf"\\b{re.escape(word)}\\b", text)`` matches, without compiling a
    pattern per word (a long article has thousands): each occurrence of ``word`` is checked
    for the word boundaries at its ends."""
    if not word:
        return re.search(r"\b", text) is not None
    n, size = len(text), len(word)
    i = text.find(word)
    while i >= 0:
        j = i + size
        before = i > 0 and _word_char(text[i - 1])
        after = j < n and _word_char(text[j])
        if before != _word_char(word[0]) and after != _word_char(word[-1]):
            return True
        i = text.find(word, i + 1)
    return False


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches in a str pattern


def _address(w: Mention, text: str, places: list[Mention]) -> bool:
    """ "Knockhill, Fife." (a division closing a place's address) or "Leeds, Yorkshire" (a
    town followed by its division)."""
    divisions = [m for m in w.matches if not m.alias and m.entry.kind in ("admin1", "admin2")]
    before = text[max(0, w.start - 2) : w.start]
    after = text[w.end : w.end + 1]
    if divisions and before == ", " and (after in (".", ";", "\n") or w.end == len(text)):
        return w.start >= 3 and text[w.start - 3].isalpha()
    for p in places:
        if p.start - w.end == 2 and text[w.end : p.start] == ", ":
            areas = [m.entry for m in p.matches if m.entry.kind in ("country", "admin1", "admin2")]
            if any(
                m.entry.kind == "city"
                and any(
                    (a.kind == "country" and a.country == m.entry.country)
                    or (a.kind == "admin1" and a.admin1 == m.entry.admin1)
                    for a in areas
                )
                for m in w.matches
            ):
                return True
    return False


def _repeats(
    parsed: ParsedArticle, found: list[Mention], persons: frozenset[str] = frozenset()
) -> list[Mention]:
    """Other occurrences of a name the article already uses as a place ("the London-Paris
    line"), outside person and organisation names."""
    known = {fold(m.text): m for m in found if m.type == "literal" and m.matches}
    if not known:
        return []
    covered = SpanIndex(found)
    out = []
    for offset, doc in parsed.chunks:
        for t in doc:
            if not t.text[:1].isupper() or t.ent_type_ in ("PERSON", "ORG", "NORP"):
                continue
            first = known.get(fold(t.text))
            if first is None or len(first.text.split()) != 1 or fold(t.text) in persons:
                continue
            start = offset + t.idx
            end = start + len(t.text)
            if covered.overlaps(start, end):
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


def _context(m: Mention, first: Token, gaz: Gazetteer | None = None) -> None:
    """ "X province" -> division; "the capital X", "X city" -> city; "Eden Park, X." (a
    small place or a venue, then X closing the address) -> division."""
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
    elif gaz is not None and _closes_address(m, first, after, gaz):
        m.hint = "address"


def _closes_address(m: Mention, first: Token, after: str, gaz: Gazetteer) -> bool:
    """A division name after a comma that ends the address of a small place or a venue
    ("the Eden Park circuit, Yorkshire."), not the last of a list of big cities."""
    doc = first.doc
    if first.i < 2 or doc[first.i - 1].text != "," or after not in ("", ".", ",", ";", ")", "\n"):
        return False
    if not any(x.entry.kind in ("admin1", "admin2") and not x.alias for x in m.matches):
        return False
    prev = doc[first.i - 2]
    if not prev.text[:1].isupper():
        return False
    return not _strong(gaz.find(prev.text))

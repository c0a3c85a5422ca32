"""Event exports in GDELT-like (one row per event) and ICEWS-like (one row per report)
columns, so scripts written for those datasets load ours. Mapping: docs/rest-api.md."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date as Date
from functools import lru_cache
from typing import Any

from newsevents.data import load_tsv

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
    "PLOVER", "DatePrecision", "Negated", "Modality",
]  # fmt: skip

ICEWS_COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
    "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
    "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
    "Province", "Country", "Latitude", "Longitude",
    "Event Group ID", "Sentence Start", "Date Precision",
]  # fmt: skip
ICEWS_PUBLISHED = ICEWS_COLUMNS[:20]  # ICEWS's own 20 columns, in its order (the CLI export)


@lru_cache(maxsize=1)
def cameo_names() -> dict[str, str]:
    return {r["code"]: r["name"] for r in load_tsv("cameo/codes.tsv")}


def _fraction(day: Date) -> float:
    # GDELT's FractionDate: year + day-of-year / 365, four decimals
    return round(day.year + day.timetuple().tm_yday / 365, 4)


def _day(iso: str | None) -> Date | None:
    try:
        return Date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def geo_type(loc: dict[str, Any]) -> int | None:
    """GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world
    state (first-level division); 0 for a region or sea; None without a location."""
    if not loc:
        return None
    precision, us = loc.get("precision"), loc.get("country") == "USA"
    if precision == "country":
        return 1
    if precision == "admin1":
        return 2 if us else 5
    if precision in ("city", "point"):
        return 3 if us else 4
    return 0


def geo_full_name(loc: dict[str, Any]) -> str | None:
    """ "Houston, Texas, USA" as GDELT writes a place with its division and country."""
    if not loc:
        return None
    parts = [loc.get("name"), loc.get("admin1"), loc.get("country")]
    out: list[str] = []
    for p in parts:
        if p and p not in out:
            out.append(p)
    return ", ".join(out) or None


def gdelt_rows(
    mentions: Iterable[dict[str, Any]], documents: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """One row per event (mentions grouped by ``event_id``); the first report is the root."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        groups.setdefault(m["event_id"], []).append(m)
    rows = []
    for event_id, group in groups.items():
        m = group[0]
        day = _day(m.get("date"))
        cameo = m.get("cameo") or ""
        src, tgt, loc = m.get("source") or {}, m.get("target") or {}, m.get("location") or {}
        doc = documents.get(m["doc"], {})
        rows.append(
            {
                "GLOBALEVENTID": event_id,
                "SQLDATE": day.strftime("%Y%m%d") if day else "",
                "MonthYear": day.strftime("%Y%m") if day else "",
                "Year": day.year if day else "",
                "FractionDate": _fraction(day) if day else "",
                "Actor1Code": src.get("code"),
                "Actor1Name": src.get("name"),
                "Actor1CountryCode": src.get("country"),
                "Actor1Type1Code": src.get("sector"),
                "Actor2Code": tgt.get("code"),
                "Actor2Name": tgt.get("name"),
                "Actor2CountryCode": tgt.get("country"),
                "Actor2Type1Code": tgt.get("sector"),
                "IsRootEvent": 1,
                "EventCode": cameo,
                "EventBaseCode": cameo[:3],
                "EventRootCode": cameo[:2],
                "QuadClass": m.get("quad_class"),
                "GoldsteinScale": m.get("goldstein"),
                "NumMentions": len(group),
                "NumSources": len(
                    {documents.get(x["doc"], {}).get("source") or x["doc"] for x in group}
                ),
                "NumArticles": len({x["doc"] for x in group}),
                "ActionGeo_Type": geo_type(loc),
                "ActionGeo_FullName": geo_full_name(loc),
                "ActionGeo_CountryCode": loc.get("country"),
                "ActionGeo_ADM1Code": loc.get("admin1"),
                "ActionGeo_Lat": loc.get("lat"),
                "ActionGeo_Long": loc.get("lon"),
                "ActionGeo_FeatureID": loc.get("geonameid"),
                "DATEADDED": (doc.get("ingested_at") or "")[:10].replace("-", ""),
                "SOURCEURL": doc.get("url") or m["doc"],
                "PLOVER": m.get("plover"),
                "DatePrecision": m.get("date_precision"),
                "Negated": int(bool(m.get("negated"))),
                "Modality": m.get("modality"),
            }
        )
    return rows


def icews_rows(
    mentions: Iterable[dict[str, Any]], documents: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """One row per event report, as ICEWS codes each story sentence."""
    names = cameo_names()
    rows = []
    for m in mentions:
        src, tgt, loc = m.get("source") or {}, m.get("target") or {}, m.get("location") or {}
        doc = documents.get(m["doc"], {})
        rows.append(
            {
                "Event ID": m.get("id"),
                "Event Date": (m.get("date") or "")[:10],
                "Source Name": src.get("name"),
                "Source Sectors": src.get("sector"),
                "Source Country": src.get("country"),
                "Event Text": names.get(m.get("cameo") or "", m.get("plover")),
                "CAMEO Code": m.get("cameo"),
                "Intensity": m.get("goldstein"),
                "Target Name": tgt.get("name"),
                "Target Sectors": tgt.get("sector"),
                "Target Country": tgt.get("country"),
                "Story ID": m["doc"],
                "Sentence Number": m.get("sentence_number", ""),
                "Publisher": doc.get("source"),
                "City": loc.get("name") if loc.get("precision") in ("city", "point") else "",
                "District": "",
                "Province": loc.get("admin1") or "",
                "Country": loc.get("country"),
                "Latitude": loc.get("lat"),
                "Longitude": loc.get("lon"),
                "Event Group ID": m.get("event_id"),
                "Sentence Start": m.get("sentence_start"),
                "Date Precision": m.get("date_precision"),
            }
        )
    return rows


def to_csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


# POLECAT (ICEWS's successor, PLOVER-coded). The codebook's own column list could not be found
# offline (docs/exports.md says so): these columns follow its field list, in its order.
POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Contexts", "Event Intensity",
    "Quad Code", "Actor Name", "Actor Country", "Actor Sector", "Recipient Name",
    "Recipient Country", "Recipient Sector", "Placename", "GeoNames ID", "Latitude",
    "Longitude", "Source", "Publication Date", "Language", "Version",
]  # fmt: skip
_QUAD = {
    1: "VERBAL COOPERATION",
    2: "MATERIAL COOPERATION",
    3: "VERBAL CONFLICT",
    4: "MATERIAL CONFLICT",
}


def polecat_rows(
    mentions: Iterable[dict[str, Any]], documents: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """One row per event (its first report), PLOVER-coded as POLECAT is."""
    rows, seen = [], set()
    for m in mentions:
        key = m.get("event_id") or m.get("id")
        if key in seen:
            continue
        seen.add(key)
        src, tgt, loc = m.get("source") or {}, m.get("target") or {}, m.get("location") or {}
        doc = documents.get(m["doc"], {})
        rows.append(
            {
                "Event ID": key,
                "Event Date": (m.get("date") or "")[:10],
                "Event Type": m.get("plover"),
                "Event Mode": m.get("mode"),
                "Contexts": m.get("context"),
                "Event Intensity": m.get("goldstein"),
                "Quad Code": _QUAD.get(m.get("quad_class") or 0, ""),
                "Actor Name": src.get("name"),
                "Actor Country": src.get("country"),
                "Actor Sector": src.get("sector"),
                "Recipient Name": tgt.get("name"),
                "Recipient Country": tgt.get("country"),
                "Recipient Sector": tgt.get("sector"),
                "Placename": loc.get("name"),
                "GeoNames ID": loc.get("geonameid"),
                "Latitude": loc.get("lat"),
                "Longitude": loc.get("lon"),
                "Source": doc.get("url") or m["doc"],
                "Publication Date": doc.get("date"),
                "Language": m.get("language") or doc.get("language") or "en",
                "Version": m.get("coder_version"),
            }
        )
    return rows

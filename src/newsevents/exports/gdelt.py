"""GDELT 2.0 tables, in GDELT 2.0's published column order, loadable unchanged by tools written
for GDELT: the event table (61 tab-separated fields, no header, integer GLOBALEVENTID) and the
Mentions table (16 fields), which carries this project's provenance (sentence, character
offsets, confidence, document length). Fields newsevents does not fill yet are empty; extras
(PLOVER type, date precision, negation, the newsevents event id) go to a sidecar table keyed by
GLOBALEVENTID, never into the GDELT tables. Mapping: docs/exports.md."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date as Date
from typing import Any

_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
_ACTOR = [
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
]  # fmt: skip
EVENT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
]  # fmt: skip
MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
]  # fmt: skip
EXTRA_COLUMNS = [
    "GLOBALEVENTID", "event_id", "plover", "date_precision", "date_end", "negated", "modality",
    "coder_version",
]  # fmt: skip
assert len(EVENT_COLUMNS) == 61 and len(MENTION_COLUMNS) == 16


def global_event_id(event_id: str) -> int:
    """A stable positive 63-bit integer for a newsevents event id (the same on every export)."""
    return int.from_bytes(hashlib.sha256(event_id.encode()).digest()[:8], "big") >> 1


def _stamp(iso: str | None) -> str:
    """YYYYMMDDHHMMSS from an ISO date or timestamp ('' when unknown)."""
    digits = "".join(ch for ch in (iso or "")[:19] if ch.isdigit())
    return (digits + "000000")[:14] if len(digits) >= 8 else ""


def _field(value: Any) -> str:
    """One TSV field: no tab or newline inside, booleans and None as GDELT writes them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    return " ".join(str(value).split("\t")).replace("\r", " ").replace("\n", " ")


def tables(
    mentions: Iterable[dict[str, Any]], documents: dict[str, dict[str, Any]]
) -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    """(event rows, mention rows, extra rows), every row a list of fields in column order."""
    by_event: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        by_event.setdefault(m.get("event_id") or m["id"], []).append(m)
    events, ments, extras = [], [], []
    sentence_ids = _sentence_ids(m for ms in by_event.values() for m in ms)
    for event_id, ms in by_event.items():
        first = ms[0]
        gid = global_event_id(event_id)
        doc = documents.get(first["doc"], {})
        day = _day(first.get("date"))
        row: dict[str, Any] = {c: None for c in EVENT_COLUMNS}
        row.update(
            GLOBALEVENTID=gid,
            SQLDATE=day.strftime("%Y%m%d") if day else None,
            MonthYear=day.strftime("%Y%m") if day else None,
            Year=day.year if day else None,
            FractionDate=round(day.year + (day.timetuple().tm_yday - 1) / 365.0, 4)
            if day
            else None,
            IsRootEvent=1,
            EventCode=first.get("cameo"),
            EventBaseCode=(first.get("cameo") or "")[:3] or None,
            EventRootCode=(first.get("cameo") or "")[:2] or None,
            QuadClass=first.get("quad_class"),
            GoldsteinScale=first.get("goldstein"),
            NumMentions=len(ms),
            NumSources=len({documents.get(m["doc"], {}).get("source") or m["doc"] for m in ms}),
            NumArticles=len({m["doc"] for m in ms}),
            DATEADDED=_stamp(doc.get("ingested_at")),
            SOURCEURL=doc.get("url") or first["doc"],
        )
        for n, role in ((1, "source"), (2, "target")):
            actor = first.get(role) or {}
            row[f"Actor{n}Code"] = actor.get("code")
            row[f"Actor{n}Name"] = actor.get("name")
            row[f"Actor{n}CountryCode"] = actor.get("country")
            row[f"Actor{n}Type1Code"] = actor.get("sector")
        loc = first.get("location") or {}
        if loc:
            row["ActionGeo_Type"] = geo_type(loc)
            row["ActionGeo_FullName"] = geo_full_name(loc)
            row["ActionGeo_CountryCode"] = loc.get("country")
            row["ActionGeo_ADM1Code"] = loc.get("admin1")
            row["ActionGeo_Lat"], row["ActionGeo_Long"] = loc.get("lat"), loc.get("lon")
            row["ActionGeo_FeatureID"] = loc.get("geonameid")
        events.append([_field(row[c]) for c in EVENT_COLUMNS])
        for m in ms:
            mdoc = documents.get(m["doc"], {})
            src, tgt = m.get("source") or {}, m.get("target") or {}
            mention = {
                "GLOBALEVENTID": gid,
                "EventTimeDate": _stamp(doc.get("ingested_at")),
                "MentionTimeDate": _stamp(mdoc.get("ingested_at")),
                "MentionType": 1,  # web / document
                "MentionSourceName": mdoc.get("source") or "",
                "MentionIdentifier": mdoc.get("url") or m["doc"],
                "SentenceID": sentence_ids.get((m["doc"], m.get("sentence_start"))),
                "Actor1CharOffset": _offset(src.get("start")),
                "Actor2CharOffset": _offset(tgt.get("start")),
                "ActionCharOffset": _offset((m.get("trigger") or {}).get("start")),
                "InRawText": 1,
                "Confidence": round(100 * float(m.get("confidence") or 0)),
                "MentionDocLen": mdoc.get("n_chars"),
                "MentionDocTone": None,
                "MentionDocTranslationInfo": None,
                "Extras": None,
            }
            ments.append([_field(mention[c]) for c in MENTION_COLUMNS])
        extra = {
            "GLOBALEVENTID": gid,
            "event_id": event_id,
            "plover": first.get("plover"),
            "date_precision": first.get("date_precision"),
            "date_end": first.get("date_end"),
            "negated": bool(first.get("negated")),
            "modality": first.get("modality"),
            "coder_version": first.get("coder_version"),
        }
        extras.append([_field(extra[c]) for c in EXTRA_COLUMNS])
    return events, ments, extras


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


def _offset(value: Any) -> int:
    return int(value) if isinstance(value, int) else -1  # GDELT's "not found"


def _sentence_ids(mentions: Iterable[dict[str, Any]]) -> dict[tuple[str, Any], int]:
    """1-based number of each evidence sentence among its document's evidence sentences."""
    starts: dict[str, set[int]] = {}
    for m in mentions:
        if isinstance(m.get("sentence_start"), int):
            starts.setdefault(m["doc"], set()).add(m["sentence_start"])
    return {(doc, s): i for doc, ss in starts.items() for i, s in enumerate(sorted(ss), 1)}


def _day(iso: str | None) -> Date | None:
    try:
        return Date.fromisoformat((iso or "")[:10])
    except ValueError:
        return None


def tsv(rows: list[list[str]]) -> str:
    """Tab-separated lines, no header (fields are already free of tabs and newlines)."""
    return "".join("\t".join(row) + "\n" for row in rows)

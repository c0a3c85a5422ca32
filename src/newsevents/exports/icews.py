"""ICEWS (one row per report, its 20 columns in its order) and POLECAT-style (one row per
event) tables, so scripts written for those datasets load ours. Mapping: docs/exports.md."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from newsevents.data import load_tsv

ICEWS_COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
    "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
    "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
    "Province", "Country", "Latitude", "Longitude",
]  # fmt: skip
assert len(ICEWS_COLUMNS) == 20  # ICEWS's own 20 columns, in its order


@lru_cache(maxsize=1)
def cameo_names() -> dict[str, str]:
    return {r["code"]: r["name"] for r in load_tsv("cameo/codes.tsv")}


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

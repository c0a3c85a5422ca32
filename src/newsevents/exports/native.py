"""Write records as CSV (flattened), JSON lines or Parquet."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from newsevents.errors import StoreError

# One fixed, typed column list per export (CSV header and Parquet schema), whatever the rows
# hold: a store without targets still has the target.* columns. Columns the open issues will
# fill (language, location geonameid/admin1/feature_code/precision, date_how) are here already,
# empty until then. (column, arrow type)
_S, _I, _F, _B = "string", "int64", "float64", "bool_"
_ACTOR = [("name", _S), ("country", _S), ("sector", _S), ("code", _S), ("id", _S)]
EVENT_COLUMNS: list[tuple[str, str]] = [
    ("id", _S), ("event_id", _S), ("doc", _S), ("language", _S),
    ("date", _S), ("date_end", _S), ("date_precision", _S), ("date_how", _S),
    ("plover", _S), ("cameo", _S), ("quad_class", _I), ("goldstein", _F),
    ("mode", _S), ("context", _S), ("negated", _B), ("modality", _S),
    *((f"source.{k}", t) for k, t in _ACTOR),
    *((f"target.{k}", t) for k, t in _ACTOR),
    ("location.name", _S), ("location.country", _S), ("location.lat", _F),
    ("location.lon", _F), ("location.geonameid", _I), ("location.admin1", _S),
    ("location.feature_code", _S), ("location.precision", _S),
    ("confidence", _F), ("sentence", _S), ("sentence_start", _I), ("sentence_end", _I),
    ("trigger.text", _S), ("trigger.start", _I), ("trigger.end", _I), ("coder_version", _S),
    *(
        (f"magnitude.{kind}.{k}", t)
        for kind in ("killed", "injured", "arrested", "crowd")
        for k, t in (("value", _I), ("min", _I), ("max", _I), ("text", _S))
    ),
]  # fmt: skip
QUOTE_COLUMNS: list[tuple[str, str]] = [
    ("id", _S), ("doc", _S), ("language", _S), ("quote", _S), ("start", _I), ("end", _I),
    ("kind", _S), *((f"speaker.{k}", t) for k, t in _ACTOR), ("channel", _S),
    ("verb.text", _S), ("verb.start", _I), ("verb.end", _I),
    ("sentence_start", _I), ("sentence_end", _I),
]  # fmt: skip
DOCUMENT_COLUMNS: list[tuple[str, str]] = [
    ("id", _S), ("title", _S), ("date", _S), ("url", _S), ("source", _S), ("language", _S),
    ("n_chars", _I), ("n_words", _I), ("story_id", _S), ("duplicate_of", _S),
    ("keep_text", _S), ("ingested_at", _S), ("encoding", _S), ("version", _I),
    ("previous_version", _S),
]  # fmt: skip
COLUMNS = {"events": EVENT_COLUMNS, "quotes": QUOTE_COLUMNS, "documents": DOCUMENT_COLUMNS}
CSV_COLUMNS = [c for c, _ in EVENT_COLUMNS]


def kind_of(rows: list[dict[str, Any]]) -> str | None:
    """events, quotes or documents, told from a row (None: other rows, or none)."""
    if not rows:
        return None
    first = rows[0]
    if "plover" in first:
        return "events"
    if "quote" in first:
        return "quotes"
    if "n_chars" in first:
        return "documents"
    return None


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            out[name] = json.dumps(value, ensure_ascii=False)
        else:
            out[name] = value
    return out


def write_csv(rows: list[dict[str, Any]], out: TextIO, kind: str | None = None) -> None:
    """CSV with the fixed column list of ``kind`` (events, quotes, documents); other rows
    (dyads, storylines) with their own keys."""
    kind = kind or kind_of(rows)
    flat = [flatten(r) for r in rows]
    if kind in COLUMNS:
        columns = [c for c, _ in COLUMNS[kind]]
    else:
        columns = []
        for f in flat:
            columns += [k for k in f if k not in columns]
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(flat)


def write_jsonl(rows: list[dict[str, Any]], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_parquet(rows: list[dict[str, Any]], path: str | Path, kind: str | None = None) -> None:
    """Parquet with the typed schema of ``kind``; other rows typed from their values."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    kind = kind or kind_of(rows)
    flat = [flatten(r) for r in rows]
    if kind in COLUMNS:
        table = pa.table(
            {
                c: pa.array([_cast(f.get(c), t) for f in flat], type=getattr(pa, t)())
                for c, t in COLUMNS[kind]
            }
        )
    else:
        columns = sorted({k for f in flat for k in f})
        table = (
            pa.table({c: _column([f.get(c) for f in flat]) for c in columns})
            if flat
            else pa.table({})
        )
    pq.write_table(table, str(path))


def _cast(value: Any, arrow_type: str) -> Any:
    if value is None or value == "":
        return None
    if arrow_type == _I:
        return int(value)
    if arrow_type == _F:
        return float(value)
    if arrow_type == _B:
        return bool(value)
    return str(value) if not isinstance(value, str) else value


def _column(values: list[Any]) -> Any:
    import pyarrow as pa

    kinds = {type(v) for v in values if v is not None}
    if kinds == {bool}:
        return pa.array(values, type=pa.bool_())
    if kinds <= {int, bool}:
        return pa.array([None if v is None else int(v) for v in values], type=pa.int64())
    if kinds <= {int, float}:
        return pa.array([None if v is None else float(v) for v in values], type=pa.float64())
    return pa.array([None if v is None else str(v) for v in values], type=pa.string())


def export_rows(
    rows: list[dict[str, Any]], fmt: str, path: str | Path, kind: str | None = None
) -> int:
    if fmt == "parquet":
        if str(path) == "-":
            raise StoreError(StoreError.E302.format(fmt="Parquet"))
        write_parquet(rows, path, kind)
        return len(rows)
    writers = {"csv": write_csv, "jsonl": lambda rows, out, kind: write_jsonl(rows, out)}
    if fmt not in writers:
        raise StoreError(StoreError.E301.format(fmt=fmt))
    if str(path) == "-":
        writers[fmt](rows, sys.stdout, kind)
    else:
        with open(path, "w", encoding="utf-8", newline="") as f:
            writers[fmt](rows, f, kind)
    return len(rows)

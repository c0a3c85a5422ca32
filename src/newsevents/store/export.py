"""Write records as CSV (flattened), JSON lines or Parquet."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from newsevents.errors import StoreError

CSV_COLUMNS = [
    "id",
    "event_id",
    "doc",
    "date",
    "date_end",
    "date_precision",
    "plover",
    "cameo",
    "quad_class",
    "goldstein",
    "mode",
    "context",
    "negated",
    "modality",
    "source.name",
    "source.country",
    "source.sector",
    "source.code",
    "target.name",
    "target.country",
    "target.sector",
    "target.code",
    "location.name",
    "location.country",
    "location.lat",
    "location.lon",
    "confidence",
    "sentence",
    "sentence_start",
    "sentence_end",
    "trigger.text",
    "trigger.start",
    "trigger.end",
    "coder_version",
]


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


def write_csv(rows: list[dict[str, Any]], out: TextIO) -> None:
    flat = [flatten(r) for r in rows]
    columns = (
        [c for c in CSV_COLUMNS if any(c in f for f in flat)]
        if flat and "plover" in flat[0]
        else []
    )
    for f in flat:
        for key in f:
            if key not in columns:
                columns.append(key)
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(flat)


def write_jsonl(rows: list[dict[str, Any]], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_parquet(rows: list[dict[str, Any]], path: str | Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = [flatten(r) for r in rows]
    columns = sorted({k for f in flat for k in f})
    # Every column as string or number; mixed/None-only columns become strings.
    table = (
        pa.table({c: _column([f.get(c) for f in flat]) for c in columns}) if flat else pa.table({})
    )
    pq.write_table(table, str(path))


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


def export_rows(rows: list[dict[str, Any]], fmt: str, path: str | Path) -> int:
    if fmt == "parquet":
        if str(path) == "-":
            raise StoreError("E302 Parquet needs a file path, not standard output")
        write_parquet(rows, path)
        return len(rows)
    writers = {"csv": write_csv, "jsonl": write_jsonl}
    if fmt not in writers:
        raise StoreError(StoreError.E301.format(fmt=fmt))
    if str(path) == "-":
        writers[fmt](rows, sys.stdout)
    else:
        with open(path, "w", encoding="utf-8", newline="") as f:
            writers[fmt](rows, f)
    return len(rows)

"""Parquet layout of a scale-out run: one folder per table, Hive partitions by publication month.

    DIR/documents/month=2021-04/part-000012.parquet
    DIR/mentions/month=2021-04/part-000012.parquet
    DIR/quotes/month=undated/part-000012.parquet

Every table has fixed, typed columns for querying (DuckDB, pandas, Spark, Dask) plus a
``record`` column holding the full JSON record, so loading into a store is lossless.
The part number is the chunk number: re-running the same input overwrites, never duplicates.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsevents.models import Article

TABLES = ("documents", "mentions", "quotes")
UNDATED = "undated"

# (column, arrow type name, how to read it from the JSON record)
_S, _I, _F, _B = "string", "int64", "float64", "bool_"
COLUMNS: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {
    "documents": [
        ("id", _S, ("id",)),
        ("title", _S, ("title",)),
        ("date", _S, ("date",)),
        ("url", _S, ("url",)),
        ("source", _S, ("source",)),
        ("path", _S, ("path",)),
        ("n_chars", _I, ("n_chars",)),
        ("n_words", _I, ("n_words",)),
        ("text", _S, ("text",)),
        ("given_id", _S, ("given_id",)),
        ("version", _I, ("version",)),
        ("previous_version", _S, ("previous_version",)),
    ],
    "mentions": [
        ("id", _S, ("id",)),
        ("doc", _S, ("doc",)),
        ("date", _S, ("date",)),
        ("date_end", _S, ("date_end",)),
        ("date_precision", _S, ("date_precision",)),
        ("plover", _S, ("plover",)),
        ("cameo", _S, ("cameo",)),
        ("quad_class", _I, ("quad_class",)),
        ("goldstein", _F, ("goldstein",)),
        ("mode", _S, ("mode",)),
        ("context", _S, ("context",)),
        ("negated", _B, ("negated",)),
        ("modality", _S, ("modality",)),
        *(
            (f"{role}_{k}", _S, (role, k))
            for role in ("source", "target")
            for k in ("name", "country", "sector", "code")
        ),
        ("location_name", _S, ("location", "name")),
        ("location_country", _S, ("location", "country")),
        ("lat", _F, ("location", "lat")),
        ("lon", _F, ("location", "lon")),
        ("confidence", _F, ("confidence",)),
        ("sentence", _S, ("sentence",)),
        ("sentence_start", _I, ("sentence_start",)),
        ("sentence_end", _I, ("sentence_end",)),
        ("trigger_text", _S, ("trigger", "text")),
        ("coder_version", _S, ("coder_version",)),
    ],
    "quotes": [
        ("id", _S, ("id",)),
        ("doc", _S, ("doc",)),
        ("quote", _S, ("quote",)),
        ("kind", _S, ("kind",)),
        ("start", _I, ("start",)),
        ("end", _I, ("end",)),
        ("speaker_name", _S, ("speaker", "name")),
        ("speaker_country", _S, ("speaker", "country")),
        ("speaker_code", _S, ("speaker", "code")),
        ("channel", _S, ("channel",)),
    ],
}


def month_of(date: str | None) -> str:
    """Partition key: YYYY-MM of an ISO publication date, or ``undated``."""
    if date and len(date) >= 7 and date[:4].isdigit() and date[5:7].isdigit():
        return date[:7]
    return UNDATED


def document_record(article: Article) -> dict[str, Any]:
    """The Parquet/JSON record of a document: the article plus sizes and text hash."""
    from newsevents.store.store import text_sha

    record = dataclasses.asdict(article)
    record.update(n_chars=len(article.text), n_words=len(article.text.split()))
    record["sha256"] = text_sha(article.text)
    return record


def _get(record: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = record
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def schema(table: str):
    import pyarrow as pa

    fields = [pa.field(name, getattr(pa, kind)()) for name, kind, _ in COLUMNS[table]]
    return pa.schema([*fields, pa.field("record", pa.string())])


def to_table(table: str, records: list[dict[str, Any]]):
    """Arrow table with the fixed columns of ``table`` plus the JSON ``record``."""
    import pyarrow as pa

    data = {name: [_get(r, path) for r in records] for name, _, path in COLUMNS[table]}
    data["record"] = [json.dumps(r, ensure_ascii=False) for r in records]
    return pa.table(data, schema=schema(table))


def part_name(part: int | str) -> str:
    """``part-000012.parquet`` for chunk 12; extra parts of a chunk add a suffix."""
    return f"part-{part:06d}.parquet" if isinstance(part, int) else f"part-{part}.parquet"


def write_part(
    out_dir: str | Path, part: int | str, rows: dict[str, list[tuple[str, dict[str, Any]]]]
) -> list[str]:
    """Write one chunk: ``rows[table]`` is a list of (month, record). Returns the files written."""
    import pyarrow.parquet as pq

    written = []
    for table, items in rows.items():
        by_month: dict[str, list[dict[str, Any]]] = {}
        for month, record in items:
            by_month.setdefault(month, []).append(record)
        for month, records in sorted(by_month.items()):
            folder = Path(out_dir) / table / f"month={month}"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / part_name(part)
            # Write then rename: a crash never leaves a half-written part behind.
            tmp = path.with_suffix(".parquet.tmp")
            pq.write_table(to_table(table, records), tmp)
            tmp.replace(path)
            written.append(str(path))
    return written


def remove_part(out_dir: str | Path, part: int | str) -> None:
    """Delete every file of one part (all tables, all months)."""
    for path in Path(out_dir).glob(f"*/month=*/{part_name(part)}"):
        path.unlink()


def iter_parts(out_dir: str | Path) -> Iterator[tuple[str, dict[str, list[dict[str, Any]]]]]:
    """Each written part as (month, {table: records}): a document's mentions and quotes are
    always in the same month and part as the document, so memory stays bounded by one part."""
    import pyarrow.parquet as pq

    root = Path(out_dir)
    # Chunk order, and a chunk's own part before its -copies/-orphans parts (originals first).
    parts = sorted(
        root.glob("documents/month=*/part-*.parquet"),
        key=lambda p: (p.stem.split("-")[1], p.stem, p.parent.name),
    )
    for doc_path in parts:
        month_dir = doc_path.parent.name
        tables: dict[str, list[dict[str, Any]]] = {}
        for table in TABLES:
            path = root / table / month_dir / doc_path.name
            rows = (
                pq.read_table(path, columns=["record"]).column("record").to_pylist()
                if path.exists()
                else []
            )
            tables[table] = [json.loads(r) for r in rows]
        yield month_dir.split("=", 1)[1], tables

"""Every export in one place, shared by the CLI, the REST API and the Store.

- ``native``: events, quotes and documents as CSV, JSON lines or Parquet, one fixed, typed
  column list per kind (``export_rows``; ``Store.export``).
- ``gdelt``: GDELT 2.0's event table (61 fields), Mentions table (16) and an extras sidecar.
- ``icews``: ICEWS's 20 columns, and POLECAT-style columns.

:func:`event_tables` writes the event tables of one format from event records and their
documents; ``newsevents export events --format gdelt|icews|polecat`` writes its result to
files and ``/api/export/...`` serves the same text. Column mapping: docs/exports.md.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from newsevents.exports.native import COLUMNS, export_rows, flatten, write_csv

EVENT_TABLE_FORMATS = ("gdelt", "icews", "polecat")
__all__ = [
    "COLUMNS",
    "EVENT_TABLE_FORMATS",
    "event_tables",
    "export_rows",
    "flatten",
    "gdelt_csv",
    "write_csv",
]


def event_tables(
    fmt: str, mentions: Iterable[dict[str, Any]], documents: dict[str, dict[str, Any]]
) -> tuple[int, dict[str, str]]:
    """(rows of the main table, {file suffix: text}) of one event-table format. The main table
    has the suffix ``""``; ``gdelt`` adds ``.mentions.tsv`` and ``.extras.tsv``."""
    if fmt == "gdelt":
        from newsevents.exports import gdelt

        events, mentions_rows, extras = gdelt.tables(mentions, documents)
        return len(events), {
            "": gdelt.tsv(events),
            ".mentions.tsv": gdelt.tsv(mentions_rows),
            ".extras.tsv": gdelt.tsv([gdelt.EXTRA_COLUMNS, *extras]),
        }
    from newsevents.exports import icews

    if fmt == "icews":
        rows, columns = icews.icews_rows(mentions, documents), icews.ICEWS_COLUMNS
    elif fmt == "polecat":
        rows, columns = icews.polecat_rows(mentions, documents), icews.POLECAT_COLUMNS
    else:
        raise ValueError(f"not an event-table format: {fmt!r} (one of {EVENT_TABLE_FORMATS})")
    return len(rows), {"": icews.to_csv(rows, columns)}


def gdelt_csv(event_table: str) -> str:
    """GDELT 2.0's event table (the tab-separated text of :func:`event_tables`) as CSV with
    GDELT's column names as the header row, for spreadsheets and ``pandas.read_csv``."""
    from newsevents.exports.gdelt import EVENT_COLUMNS

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EVENT_COLUMNS)
    writer.writerows(line.split("\t") for line in event_table.splitlines())
    return out.getvalue()

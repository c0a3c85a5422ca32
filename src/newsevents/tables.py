"""Terminal tables for ``--format table``: chosen columns per kind of record, fitting the width.

Events and timeline entries show date, type and a one-line summary (actor, verb, actor,
trigger) that wraps; the date column never wraps nor is cut, and tells its precision: a month
is ``2021-04``, a range is ``2021-04-09..04-12``. Quotes show speaker, kind and the quote.
Other rows (dyads, storylines, places) keep their own short columns and fold long values
rather than cutting them.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import timedelta
from typing import Any

from newsevents.stories.timeline import summarize

_SUMMARY_CHARS = 160  # a summary longer than this is shortened at a word, with "…"
_QUOTE_CHARS = 200
_MAX_OTHER_COLUMNS = 8


def date_label(date: str | None, date_end: str | None = None, precision: str | None = None) -> str:
    """A date as precise as it is known: ``2021-04-13``; a whole month ``2021-04``; a whole
    year ``2021``; a range ``2021-04-09..04-12`` (``2021-12-30..2022-01-02`` across years); a
    date that is only the publication date ``2021-04-13 (pub)``; none: empty."""
    if not date:
        return ""
    end = date_end if date_end and date_end != date else None
    if precision == "publication":
        return f"{date} (pub)"
    if end:
        try:
            first, last = Date.fromisoformat(date), Date.fromisoformat(end)
        except ValueError:
            return f"{date}..{end}"
        if first.day == 1 and (last + timedelta(days=1)).day == 1:
            if first.month == 1 and last.month == 12 and first.year == last.year:
                return str(first.year)
            if (first.year, first.month) == (last.year, last.month):
                return first.strftime("%Y-%m")
        if first.year == last.year:
            return f"{date}..{end[5:]}"
        return f"{date}..{end}"
    if precision == "month":
        return date[:7]
    if precision == "year":
        return date[:4]
    return date


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word before ``limit`` characters, with "…" (whole when shorter)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return (cut or text[:limit]) + "…"


def kind_of_rows(rows: list[dict[str, Any]]) -> str:
    """events, timeline, quotes or other, told from the first row."""
    if not rows:
        return "other"
    first = rows[0]
    if "summary" in first and "plover" in first:
        return "timeline"
    if "plover" in first and "trigger" in first:
        return "events"
    if "quote" in first and "kind" in first:
        return "quotes"
    return "other"


def table_rows(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[list[str]]]:
    """The columns (name plus rich Column options) and the cell texts of a table of ``rows``."""
    kind = kind_of_rows(rows)
    date_col = {"header": "date", "no_wrap": True}
    if kind in ("events", "timeline"):
        cols = [
            date_col,
            {"header": "type", "no_wrap": True},
            {"header": "cameo", "no_wrap": True},
            {"header": "summary", "ratio": 1, "overflow": "fold"},
        ]
        cells = []
        for r in rows:
            precision = r.get("precision") if kind == "timeline" else r.get("date_precision")
            summary = r["summary"] if kind == "timeline" else summarize(r)
            cells.append(
                [
                    date_label(r.get("date"), r.get("date_end"), precision),
                    str(r.get("plover") or ""),
                    str(r.get("cameo") or ""),
                    shorten(summary, _SUMMARY_CHARS),
                ]
            )
        return cols, cells
    if kind == "quotes":
        cols = [
            {"header": "speaker", "ratio": 1, "overflow": "fold"},
            {"header": "kind", "no_wrap": True},
            {"header": "quote", "ratio": 3, "overflow": "fold"},
        ]
        cells = [
            [
                str((r.get("speaker") or {}).get("name") or ""),
                str(r.get("kind") or ""),
                shorten(str(r.get("quote") or ""), _QUOTE_CHARS),
            ]
            for r in rows
        ]
        return cols, cells
    from newsevents.exports import flatten

    flat = [flatten(r) for r in rows]
    names = [c for c in flat[0] if len(str(flat[0][c])) < 120][:_MAX_OTHER_COLUMNS] if flat else []
    cols = [
        {"header": c, "no_wrap": c in ("date", "period", "first", "last"), "overflow": "fold"}
        for c in names
    ]
    cells = [["" if f.get(c) is None else str(f.get(c)) for c in names] for f in flat]
    return cols, cells


def render_table(rows: list[dict[str, Any]]) -> Any:
    """A rich Table of ``rows`` (print it with a rich Console: it fits the console's width)."""
    from rich import box
    from rich.table import Table

    cols, cells = table_rows(rows)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    for col in cols:
        table.add_column(**col)
    for row in cells:
        table.add_row(*row)
    return table

"""/api/export: downloads made by the same exporter as ``newsevents export`` (newsevents.exports):
native columns, GDELT 2.0 event and Mentions tables, ICEWS and POLECAT columns."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

import newsevents.query as queries
from newsevents.exports import gdelt_csv, write_csv
from newsevents.http.deps import EventFilters, QuoteFilters, StoreDep
from newsevents.http.errors import ERROR_RESPONSES

router = APIRouter(prefix="/api/export", tags=["exports"], responses=ERROR_RESPONSES)


def _csv(body: str, name: str) -> Response:
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/events.csv")
def events_csv(store: StoreDep, filters: EventFilters) -> Response:
    """Event mentions, flattened (the newsevents export events columns)."""
    import io

    out = io.StringIO()
    write_csv(queries.export_events(store, **filters), out, "events")
    return _csv(out.getvalue(), "events.csv")


def _tsv(body: str, name: str) -> Response:
    return Response(
        body,
        media_type="text/tab-separated-values; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/gdelt.tsv")
def gdelt_tsv(store: StoreDep, filters: EventFilters) -> Response:
    """GDELT 2.0's event table: 61 tab-separated fields a line, no header (as `newsevents
    export events --format gdelt -o FILE` writes FILE)."""
    _, files = queries.event_tables(store, "gdelt", **filters)
    return _tsv(files[""], "events.gdelt.tsv")


@router.get("/gdelt.mentions.tsv")
def gdelt_mentions_tsv(store: StoreDep, filters: EventFilters) -> Response:
    """GDELT 2.0's Mentions table (16 fields, no header): provenance of every event."""
    _, files = queries.event_tables(store, "gdelt", **filters)
    return _tsv(files[".mentions.tsv"], "events.gdelt.mentions.tsv")


@router.get("/gdelt.extras.tsv")
def gdelt_extras_tsv(store: StoreDep, filters: EventFilters) -> Response:
    """What GDELT has no column for (PLOVER type, date precision, negation...), by GLOBALEVENTID."""
    _, files = queries.event_tables(store, "gdelt", **filters)
    return _tsv(files[".extras.tsv"], "events.gdelt.extras.tsv")


@router.get("/gdelt.csv")
def gdelt_csv_download(store: StoreDep, filters: EventFilters) -> Response:
    """GDELT 2.0's event table (its 61 columns, in its order) as CSV with a header row."""
    _, files = queries.event_tables(store, "gdelt", **filters)
    return _csv(gdelt_csv(files[""]), "events-gdelt.csv")


@router.get("/icews.csv")
def icews_csv(store: StoreDep, filters: EventFilters) -> Response:
    """One row per event report in ICEWS's 20 columns, in its order."""
    _, files = queries.event_tables(store, "icews", **filters)
    return _csv(files[""], "events-icews.csv")


@router.get("/polecat.csv")
def polecat_csv(store: StoreDep, filters: EventFilters) -> Response:
    """One row per event in POLECAT-style columns (docs/exports.md)."""
    _, files = queries.event_tables(store, "polecat", **filters)
    return _csv(files[""], "events-polecat.csv")


@router.get("/quotes.csv")
def quotes_csv(store: StoreDep, filters: QuoteFilters) -> Response:
    """Quotes, flattened."""
    import io

    out = io.StringIO()
    write_csv(store.quotes(limit=None, **filters), out, "quotes")
    return _csv(out.getvalue(), "quotes.csv")

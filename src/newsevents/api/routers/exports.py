"""/api/export: CSV downloads in native, GDELT-like and ICEWS-like columns."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

import newsevents.query as queries
from newsevents.http.deps import EventFilters, QuoteFilters, StoreDep
from newsevents.http.errors import ERROR_RESPONSES
from newsevents.query.exports import GDELT_COLUMNS, ICEWS_COLUMNS, to_csv
from newsevents.store.export import write_csv

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
    write_csv(queries.export_events(store, "native", **filters), out, "events")
    return _csv(out.getvalue(), "events.csv")


@router.get("/gdelt.csv")
def gdelt_csv(store: StoreDep, filters: EventFilters) -> Response:
    """One row per event in GDELT 2.0 event-table column names."""
    rows = queries.export_events(store, "gdelt", **filters)
    return _csv(to_csv(rows, GDELT_COLUMNS), "events-gdelt.csv")


@router.get("/icews.csv")
def icews_csv(store: StoreDep, filters: EventFilters) -> Response:
    """One row per event report in ICEWS coded-event column names."""
    rows = queries.export_events(store, "icews", **filters)
    return _csv(to_csv(rows, ICEWS_COLUMNS), "events-icews.csv")


@router.get("/quotes.csv")
def quotes_csv(store: StoreDep, filters: QuoteFilters) -> Response:
    """Quotes, flattened."""
    import io

    out = io.StringIO()
    write_csv(store.quotes(limit=None, **filters), out, "quotes")
    return _csv(out.getvalue(), "quotes.csv")

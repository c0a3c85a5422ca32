"""/api/events: event mentions, filtered by actor, type, dates, document or event."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

import newsevents.query as queries
from newsevents.http.deps import EventFilters, PageDep, StoreDep
from newsevents.http.errors import ERROR_RESPONSES

router = APIRouter(prefix="/api/events", tags=["events"], responses=ERROR_RESPONSES)


@router.get("", response_model=dict[str, Any])
def list_events(store: StoreDep, page: PageDep, filters: EventFilters) -> Response:
    """Event mentions (one per report) with their evidence, in event-date order."""
    # the records go out as the store writes them (JSON text), not decoded and encoded
    body = queries.events_json(store, limit=page.limit, offset=page.offset, **filters)
    return Response(body, media_type="application/json")

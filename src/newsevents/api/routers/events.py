"""/api/events: event mentions, filtered by actor, type, dates, document or event."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

import newsevents.query as queries
from newsevents.http.deps import EventFilters, PageDep, StoreDep
from newsevents.http.errors import ERROR_RESPONSES

router = APIRouter(prefix="/api/events", tags=["events"], responses=ERROR_RESPONSES)


@router.get("")
def list_events(store: StoreDep, page: PageDep, filters: EventFilters) -> dict[str, Any]:
    """Event mentions (one per report) with their evidence, in event-date order."""
    return queries.events(store, limit=page.limit, offset=page.offset, **filters)

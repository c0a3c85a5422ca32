"""/api/quotes: direct and indirect quotes with their speakers."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

import newsevents.query as queries
from newsevents.http.deps import PageDep, QuoteFilters, StoreDep
from newsevents.http.errors import ERROR_RESPONSES

router = APIRouter(prefix="/api/quotes", tags=["quotes"], responses=ERROR_RESPONSES)


@router.get("", response_model=dict[str, Any])
def list_quotes(store: StoreDep, page: PageDep, filters: QuoteFilters) -> Response:
    """Quotes ordered by speaker, also grouped under each speaker (`speakers`); `speaker`
    matches any of the speaker's names ("Sen. Roe", "Roe", "Jane Roe"), a country or an id."""
    # the records go out as the store writes them (JSON text), not decoded and encoded
    body = queries.quotes_json(store, limit=page.limit, offset=page.offset, **filters)
    return Response(body, media_type="application/json")

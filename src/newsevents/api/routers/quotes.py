"""/api/quotes: direct and indirect quotes with their speakers."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

import newsevents.query as queries
from newsevents.http.deps import PageDep, QuoteFilters, StoreDep
from newsevents.http.errors import ERROR_RESPONSES

router = APIRouter(prefix="/api/quotes", tags=["quotes"], responses=ERROR_RESPONSES)


@router.get("")
def list_quotes(store: StoreDep, page: PageDep, filters: QuoteFilters) -> dict[str, Any]:
    """Quotes ordered by speaker, also grouped under each speaker (`speakers`); `speaker`
    matches any of the speaker's names ("Sen. Roe", "Roe", "Jane Roe"), a country or an id."""
    return queries.quotes(store, limit=page.limit, offset=page.offset, **filters)

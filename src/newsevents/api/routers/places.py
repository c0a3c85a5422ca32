"""/api/places: toponym mentions with their GeoNames entries and points."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

import newsevents.query as queries
from newsevents.http.deps import PageDep, PlaceFilters, StoreDep
from newsevents.http.errors import ERROR_RESPONSES

router = APIRouter(prefix="/api/places", tags=["places"], responses=ERROR_RESPONSES)


@router.get("")
def list_places(store: StoreDep, page: PageDep, filters: PlaceFilters) -> dict[str, Any]:
    """Places named in the stored documents, by document and position: literal places
    (``type=all`` adds demonyms and metonyms), by ISO-3 country, name part or document."""
    return queries.places(store, limit=page.limit, offset=page.offset, **filters)

"""/api/actors: coded actors with their event and quote counts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

import newsevents.query as queries
from newsevents.http.deps import StoreDep
from newsevents.http.errors import ERROR_RESPONSES

router = APIRouter(prefix="/api/actors", tags=["actors"], responses=ERROR_RESPONSES)


@router.get("")
def list_actors(
    store: StoreDep, limit: Annotated[int, Query(ge=1, le=10000)] = 200
) -> dict[str, Any]:
    """Actors, most active first."""
    return queries.actors(store, limit=limit)

"""/api/storylines: stories found by the online clusterer, and their timelines."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

import newsevents.query as queries
from newsevents.http.deps import PageDep, StoreDep
from newsevents.http.errors import ERROR_RESPONSES

router = APIRouter(prefix="/api/storylines", tags=["storylines"], responses=ERROR_RESPONSES)


@router.get("")
def list_storylines(
    store: StoreDep,
    page: PageDep,
    q: Annotated[str | None, Query(max_length=200, description="Words in the label.")] = None,
) -> dict[str, Any]:
    """Storylines, biggest first, with their date range and number of event mentions."""
    return queries.storylines(store, q=q, limit=page.limit, offset=page.offset)


@router.get("/{story_id}")
def get_storyline(store: StoreDep, story_id: str) -> dict[str, Any]:
    """One storyline: its documents and its timeline."""
    return queries.storyline(store, story_id)


@router.get("/{story_id}/timeline")
def get_timeline(store: StoreDep, story_id: str) -> dict[str, Any]:
    """Timeline entries only: events in event-date order, undated ones last."""
    story = queries.storyline(store, story_id)
    return {"id": story["id"], "label": story["label"], "timeline": story["timeline"]}

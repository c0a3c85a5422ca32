"""/api/documents: list, full-text search, one document with its events, quotes and spans."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

import newsevents.query as queries
from newsevents.http.deps import PageDep, StoreDep
from newsevents.http.errors import ERROR_RESPONSES

router = APIRouter(prefix="/api/documents", tags=["documents"], responses=ERROR_RESPONSES)


@router.get("")
def list_documents(
    store: StoreDep,
    page: PageDep,
    q: Annotated[str | None, Query(max_length=500, description="Words in title or text.")] = None,
    all_versions: Annotated[
        bool, Query(description="List superseded versions too (default: current versions).")
    ] = False,
) -> dict[str, Any]:
    """Stored documents (the current version of each), oldest first; q searches titles and
    texts."""
    return queries.documents(
        store, q=q, limit=page.limit, offset=page.offset, all_versions=all_versions
    )


@router.get("/{doc_id:path}")
def get_document(store: StoreDep, doc_id: str) -> dict[str, Any]:
    """One document: text (if kept), events, quotes and every coded span with offsets."""
    return queries.document(store, doc_id)

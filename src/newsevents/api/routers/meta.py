"""/api and /api/stats: what the store holds."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

import newsevents.query as queries
from newsevents.http.deps import StoreDep
from newsevents.http.errors import ERROR_RESPONSES

router = APIRouter(prefix="/api", tags=["meta"], responses=ERROR_RESPONSES)


@router.get("")
def index(request: Request) -> dict[str, Any]:
    """The API's routes."""
    paths = sorted(p for p in request.app.openapi()["paths"] if p.startswith("/api"))
    return {"ok": True, "routes": paths, "openapi": "/openapi.json", "docs": "/docs"}


@router.get("/stats")
def stats(store: StoreDep) -> dict[str, Any]:
    """Counts of documents, mentions, events, quotes, actors, rejections and stories."""
    return queries.stats(store)

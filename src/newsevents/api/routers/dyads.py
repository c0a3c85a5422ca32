"""/api/dyads, /api/dyads/series and /api/network: who did what to whom, over time."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

import newsevents.query as queries
from newsevents.http.deps import Day, StoreDep
from newsevents.http.errors import ERROR_RESPONSES

router = APIRouter(prefix="/api", tags=["dyads"], responses=ERROR_RESPONSES)
Period = Literal["day", "week", "month", "year"]


@router.get("/dyads")
def list_dyads(
    store: StoreDep,
    by: Period = "month",
    actor: Annotated[
        str | None, Query(max_length=200, description="Only dyads with this actor.")
    ] = None,
    since: Day = None,
    until: Day = None,
) -> dict[str, Any]:
    """Events, quad classes and Goldstein sums by (period, source, target), one count per event."""
    filters = {k: v for k, v in {"actor": actor, "since": since, "until": until}.items() if v}
    return queries.dyads(store, by=by, **filters)


@router.get("/dyads/series")
def dyad_series(
    store: StoreDep,
    source: Annotated[
        str, Query(min_length=1, max_length=200, description="Source (TUR or a name).")
    ],
    target: Annotated[
        str, Query(min_length=1, max_length=200, description="Target (USA or a name).")
    ],
    by: Period = "month",
    directed: Annotated[bool, Query(description="False: count both directions.")] = True,
    since: Day = None,
    until: Day = None,
) -> dict[str, Any]:
    """Cooperation/conflict (Goldstein) series of one dyad."""
    return queries.dyad_series(
        store, source=source, target=target, by=by, directed=directed, since=since, until=until
    )


@router.get("/dyads/pairs")
def dyad_pairs(store: StoreDep) -> dict[str, Any]:
    """Every (source, target) pair with its number of events."""
    return {"pairs": queries.dyad_pairs(store)}


@router.get("/network")
def network(
    store: StoreDep,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    since: Day = None,
    until: Day = None,
    max_nodes: Annotated[int, Query(ge=2, le=300)] = 60,
) -> dict[str, Any]:
    """Actor network: nodes with layout positions, edges with counts and mean Goldstein."""
    return queries.network(store, actor=actor, since=since, until=until, max_nodes=max_nodes)

"""Shared route dependencies: the store (one connection, one request at a time) and the
filter and paging parameters several routes take.

The dependencies are ``async def``: they only read the request, and FastAPI runs a plain
``def`` dependency in its thread pool, one thread hop each (three per list page before the
route itself ran)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from pydantic import AfterValidator

from newsevents.store import Store

DAY = (
    r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # YYYY, YYYY-MM or YYYY-MM-DD (empty: no filter, as forms send)
)


INT64_MAX = 2**63 - 1  # the largest row offset a database takes


def real_day(value: str | None) -> str | None:
    """A calendar day, month or year that exists: 2021-02-30 and 2021-13-45 are errors (422)."""
    if not value:
        return value
    from datetime import date

    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        date(int(year), int(month), int(day))
    except ValueError as e:
        raise ValueError(f"{value!r} is not a calendar date ({e})") from None
    return value


def day_param(description: str = "YYYY-MM-DD (or YYYY-MM, YYYY)") -> Any:
    return Annotated[
        str | None, Query(pattern=DAY, description=description), AfterValidator(real_day)
    ]


Day = day_param()
Since = day_param("First day (YYYY-MM-DD).")
Until = day_param("Last day (YYYY-MM-DD).")


@dataclass
class StoreGate:
    """One Store per app. The store's backend serialises statements itself, so a request
    never holds a lock while it waits: a lock held across a yield dependency deadlocks the
    thread pool under load (its release needs a pool thread too)."""

    store: Store


async def get_store(request: Request) -> Store:
    gate: StoreGate = request.app.state.gate
    return gate.store


StoreDep = Annotated[Store, Depends(get_store)]


@dataclass
class Page:
    limit: int
    offset: int


async def page(
    limit: Annotated[int, Query(ge=1, le=10000, description="Rows per page.")] = 100,
    offset: Annotated[int, Query(ge=0, le=INT64_MAX, description="Rows to skip.")] = 0,
) -> Page:
    return Page(limit, offset)


PageDep = Annotated[Page, Depends(page)]


async def event_filters(
    actor: Annotated[
        str | None,
        Query(
            max_length=200, description="Country (TUR), actor code prefix (TURGOV) or name part."
        ),
    ] = None,
    type: Annotated[
        str | None, Query(max_length=40, description="PLOVER type (CONSULT) or CAMEO prefix (04).")
    ] = None,
    since: Since = None,
    until: Until = None,
    doc: Annotated[str | None, Query(max_length=500, description="Document id.")] = None,
    event_id: Annotated[
        str | None, Query(max_length=500, description="Event id (all its reports).")
    ] = None,
    language: Annotated[
        str | None,
        Query(pattern="^([A-Za-z]{2})?$", description="Language of the documents (ISO 639-1: es)."),
    ] = None,
) -> dict[str, Any]:
    out = {
        "actor": actor,
        "type": type,
        "since": since,
        "until": until,
        "doc": doc,
        "event_id": event_id,
        "language": language and language.lower(),
    }
    return {k: v for k, v in out.items() if v}


EventFilters = Annotated[dict[str, Any], Depends(event_filters)]


async def quote_filters(
    speaker: Annotated[
        str | None,
        Query(max_length=200, description="Any of the speaker's names, a country or an actor id."),
    ] = None,
    doc: Annotated[str | None, Query(max_length=500, description="Document id.")] = None,
    kind: Annotated[
        str | None, Query(pattern="^(direct|indirect)?$", description="direct or indirect.")
    ] = None,
) -> dict[str, Any]:
    out = {"speaker": speaker, "doc": doc, "kind": kind}
    return {k: v for k, v in out.items() if v}


QuoteFilters = Annotated[dict[str, Any], Depends(quote_filters)]


async def place_filters(
    country: Annotated[
        str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO-3 country code.")
    ] = None,
    name: Annotated[str | None, Query(max_length=200, description="Place name part.")] = None,
    doc: Annotated[str | None, Query(max_length=500, description="Document id.")] = None,
    type: Annotated[
        str | None,
        Query(
            pattern="^(literal|demonym|metonym|all)?$",
            description="literal (default), demonym, metonym or all.",
        ),
    ] = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {"country": country, "name": name, "doc": doc}
    out = {k: v for k, v in out.items() if v}
    if type:
        out["type"] = None if type == "all" else type
    return out


PlaceFilters = Annotated[dict[str, Any], Depends(place_filters)]

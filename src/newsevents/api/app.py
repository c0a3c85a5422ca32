"""The REST API app: routes under /api, offline API docs at /docs. The web page is another
package (``web/``); ``newsevents.server.create_app`` installs both in one app.

FastAPI's own /docs page loads Swagger UI from the network, so it is switched off; /docs is
our own page drawn from /openapi.json on the server (works offline, no JavaScript)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from newsevents.api.cache import ResponseCache
from newsevents.api.routers import (
    actors,
    documents,
    dyads,
    events,
    exports,
    meta,
    places,
    quotes,
    storylines,
)
from newsevents.http import errors
from newsevents.http.deps import StoreGate
from newsevents.store import Store

ROUTERS = (meta, documents, events, actors, dyads, storylines, quotes, places, exports)


def create_app(
    db_url: str | Path | Store = "news.db",
    install: Callable[[FastAPI], None] | None = None,
    render_error: Callable | None = None,
    cache_mb: float | None = None,
) -> FastAPI:
    """An API app over one store (a SQLite path, a ``postgresql://`` URL or an open Store).

    ``install(app)`` adds more routes (the web page); ``render_error(request, status,
    message)`` draws errors of non-JSON requests. ``cache_mb``: megabytes of pages the
    response cache keeps (api/cache.py; default: the setting ``api_cache_mb``, 0: none)."""
    from newsevents import __version__, config

    store = db_url if isinstance(db_url, Store) else Store(db_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if not isinstance(db_url, Store):  # the app opened the store, the app closes it
            store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="newsevents",
        version=__version__,
        description="Political event data from news articles: events, actors, dyads, "
        "quotes and storylines, with the evidence of every code.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.gate = StoreGate(store)
    for module in ROUTERS:
        app.include_router(module.router)
    if install is not None:
        install(app)
    errors.install(app, render_error)
    if cache_mb is None:
        cache_mb = config.current().api_cache_mb
    if cache_mb > 0:
        app.add_middleware(ResponseCache, store=store, max_bytes=int(cache_mb * 1_000_000))

    return app

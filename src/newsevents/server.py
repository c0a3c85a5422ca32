"""The whole server: the REST API (``api/``) and the web page (``web/``) in one FastAPI app.

``create_app(db)`` builds it; ``serve("news.db")`` runs it with uvicorn on
http://127.0.0.1:8000/.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from newsevents.api.app import create_app as create_api
from newsevents.store import Store
from newsevents.web import views


def create_app(db_url: str | Path | Store = "news.db") -> FastAPI:
    """The API under /api and the web page at / over one store."""
    return create_api(db_url, install=views.install, render_error=views.render_error)


def serve(db: str | Path = "news.db", host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve one store until interrupted (binds to localhost unless told otherwise)."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")

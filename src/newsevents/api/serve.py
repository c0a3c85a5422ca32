"""Run the API and web page with uvicorn: ``serve("news.db")`` -> http://127.0.0.1:8000/."""

from __future__ import annotations

from pathlib import Path


def serve(db: str | Path = "news.db", host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve one store until interrupted (binds to localhost unless told otherwise)."""
    import uvicorn

    from newsevents.api.app import create_app

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")

"""One error shape for the whole API: ``{"ok": false, "error": "...", "status": N}``.

API routes and the web page's ``.json`` twins answer errors in that shape; web pages render
the same fields as an HTML page."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from newsevents.errors import NewsEventsError, NotFound

log = logging.getLogger(__name__)


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"ok": False, "error": message, "status": status}


def wants_json(request: Request) -> bool:
    path = request.url.path
    accept = request.headers.get("accept", "")
    return (
        path.startswith("/api")
        or path.endswith((".json", ".csv"))
        or path == "/openapi.json"
        or ("application/json" in accept and "text/html" not in accept)
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
    return "Invalid parameter: " + "; ".join(parts)


def install(app: FastAPI, render_html: Callable[[Request, int, str], Response] | None) -> None:
    """Register the handlers; ``render_html`` draws the error page for web routes."""

    def respond(request: Request, status: int, message: str) -> Response:
        if render_html is not None and not wants_json(request):
            return render_html(request, status, message)
        return JSONResponse(error_body(status, message), status_code=status)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        response = respond(request, exc.status_code, message)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, 422, _validation_message(exc))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return respond(request, 404, str(exc))

    @app.exception_handler(NewsEventsError)
    async def library_error(request: Request, exc: NewsEventsError) -> Response:
        return respond(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        # the traceback goes to the log, never to the client
        log.exception("unhandled error on %s", request.url.path)
        return respond(request, 500, "Internal server error")


class ErrorBody(BaseModel):
    """The one error shape (declared in the OpenAPI schema)."""

    ok: bool = False
    error: str
    status: int


# every API router declares these instead of FastAPI's default validation-error schema
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "No such record"},
    422: {"model": ErrorBody, "description": "Invalid parameter"},
}

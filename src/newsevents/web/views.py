"""Web pages. Each page is registered twice — ``/x`` (HTML) and ``/x.json`` (its JSON twin)
— on one function that calls one ``newsevents.query`` function, so both always agree."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

import newsevents.query as queries
from newsevents.http.deps import (
    Day,
    EventFilters,
    PageDep,
    PlaceFilters,
    QuoteFilters,
    StoreDep,
)
from newsevents.http.errors import error_body
from newsevents.languages import LANGUAGES
from newsevents.query.spans import document_spans, segments
from newsevents.web import worldmap
from newsevents.web.charts import series_chart, timeline_strip

HERE = Path(__file__).parent
# Jinja2Templates autoescapes .html templates: article text is always escaped.
templates = Jinja2Templates(directory=str(HERE / "templates"))
router = APIRouter(include_in_schema=False)


def compile_templates() -> int:
    """Compile every template now (each is compiled at its first page otherwise): the server
    does it once before forking its workers, which then share the compiled code."""
    names = templates.env.list_templates(filter_func=lambda name: name.endswith(".html"))
    for name in names:
        templates.env.get_template(name)
    return len(names)


def render(request: Request, template: str, data: dict[str, Any], **extra: Any) -> Response:
    """The JSON twin gets ``data``; the page gets ``data`` plus display-only ``extra``."""
    if request.url.path.endswith(".json"):
        return JSONResponse(data)
    return templates.TemplateResponse(request, template, {"data": data, **extra})


def render_error(request: Request, status: int, message: str) -> Response:
    return templates.TemplateResponse(
        request, "error.html", {"data": error_body(status, message)}, status_code=status
    )


def _query_string(request: Request, **changes: Any) -> str:
    params = dict(request.query_params)
    params.update({k: str(v) for k, v in changes.items()})
    from urllib.parse import urlencode

    return urlencode({k: v for k, v in params.items() if v not in ("", None)})


def _evidence(event: dict[str, Any]) -> list:
    """An event's sentence cut into segments, its trigger and actors highlighted."""
    sentence = event.get("sentence") or ""
    return segments(sentence, document_spans([event], []), event.get("sentence_start") or 0)


def _web_url(url: str | None) -> str | None:
    """Only http(s) links from stored documents: a ``javascript:`` URL must not be clickable."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


templates.env.globals["query_string"] = _query_string
templates.env.filters["web_url"] = _web_url
templates.env.globals["evidence"] = _evidence
templates.env.globals["project"] = worldmap.project
templates.env.globals["languages"] = {code: spec.name for code, spec in LANGUAGES.items()}


@router.get("/", response_class=HTMLResponse)
@router.get("/index.json")
def home(request: Request, store: StoreDep, page: PageDep, q: str | None = None) -> Response:
    data = queries.storylines(store, q=q, limit=page.limit, offset=page.offset)
    data["stats"] = queries.stats(store)
    return render(request, "index.html", data)


# decorators apply bottom-up: the .json route must be registered (listed) last, i.e. first
@router.get("/storylines/{story_id}", response_class=HTMLResponse)
@router.get("/storylines/{story_id}.json")
def storyline_page(request: Request, store: StoreDep, story_id: str) -> Response:
    data = queries.storyline(store, story_id)
    if request.url.path.endswith(".json"):
        return render(request, "storyline.html", data)
    return render(
        request,
        "storyline.html",
        data,
        strip=timeline_strip(data["timeline"]),
        story_places=queries.story_places(store, [d["id"] for d in data["documents"]]),
        countries=worldmap.countries(),
    )


@router.get("/events", response_class=HTMLResponse)
@router.get("/events.json")
def events_page(
    request: Request, store: StoreDep, page: PageDep, filters: EventFilters
) -> Response:
    data = queries.events(store, limit=page.limit, offset=page.offset, **filters)
    return render(request, "events.html", data, export_query=_query_string(request))


@router.get("/quotes", response_class=HTMLResponse)
@router.get("/quotes.json")
def quotes_page(
    request: Request, store: StoreDep, page: PageDep, filters: QuoteFilters
) -> Response:
    data = queries.quotes(store, limit=page.limit, offset=page.offset, **filters)
    return render(request, "quotes.html", data)


@router.get("/map", response_class=HTMLResponse)
@router.get("/map.json")
def map_page(request: Request, store: StoreDep, filters: EventFilters) -> Response:
    data = queries.event_map(store, **filters)
    return render(request, "map.html", data, countries=worldmap.countries())


@router.get("/places", response_class=HTMLResponse)
@router.get("/places.json")
def places_page(
    request: Request, store: StoreDep, page: PageDep, filters: PlaceFilters
) -> Response:
    data = queries.places(store, limit=page.limit, offset=page.offset, **filters)
    return render(request, "places.html", data)


@router.get("/actors", response_class=HTMLResponse)
@router.get("/actors.json")
def actors_page(
    request: Request, store: StoreDep, limit: Annotated[int, Query(ge=1, le=10000)] = 200
) -> Response:
    return render(request, "actors.html", queries.actors(store, limit=limit))


@router.get("/network", response_class=HTMLResponse)
@router.get("/network.json")
def network_page(
    request: Request,
    store: StoreDep,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    since: Day = None,
    until: Day = None,
    max_nodes: Annotated[int, Query(ge=2, le=300)] = 60,
) -> Response:
    data = queries.network(store, actor=actor, since=since, until=until, max_nodes=max_nodes)
    return render(request, "network.html", data)


@router.get("/dyads", response_class=HTMLResponse)
@router.get("/dyads.json")
def dyads_page(
    request: Request,
    store: StoreDep,
    source: Annotated[str | None, Query(max_length=200)] = None,
    target: Annotated[str | None, Query(max_length=200)] = None,
    by: Literal["day", "week", "month", "year"] = "month",
    directed: bool = True,
) -> Response:
    pairs = queries.dyad_pairs(store)
    if not (source and target) and pairs:  # default: the busiest dyad
        source, target = pairs[0]["source"], pairs[0]["target"]
    data: dict[str, Any] = {"pairs": pairs, "source": source, "target": target, "by": by}
    if source and target:
        data.update(
            queries.dyad_series(store, source=source, target=target, by=by, directed=directed)
        )
    return render(request, "dyads.html", data, chart=series_chart(data.get("series", [])))


@router.get("/documents", response_class=HTMLResponse)
@router.get("/documents.json")
def documents_page(
    request: Request,
    store: StoreDep,
    page: PageDep,
    q: Annotated[str | None, Query(max_length=500)] = None,
) -> Response:
    return render(
        request,
        "documents.html",
        queries.documents(store, q=q, limit=page.limit, offset=page.offset),
    )


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
@router.get("/documents/{doc_id:path}.json")
def document_page(request: Request, store: StoreDep, doc_id: str) -> Response:
    data = queries.document(store, doc_id)
    return render(request, "document.html", data, blocks=_text_blocks(data))


def _text_blocks(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The text to show, cut into highlighted segments: the whole article when it was kept,
    else its stored evidence sentences (``--keep-text sentences``)."""
    spans = doc["spans"]
    if doc.get("text") is not None:
        return [{"start": 0, "segments": segments(doc["text"], spans, 0)}]
    return [
        {"start": s["start"], "segments": segments(s["text"], spans, s["start"])}
        for s in doc.get("sentences") or []
    ]


@router.get("/feeds", response_class=HTMLResponse)
@router.get("/feeds.json")
def feeds_page(
    request: Request, store: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 50
) -> Response:
    from newsevents.follow.subscribe import feeds_overview

    return render(request, "feeds.html", feeds_overview(store, limit=limit))


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """Offline API reference drawn from the OpenAPI schema (no CDN, no JavaScript)."""
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            ops.append({"path": path, "method": method.upper(), **op})
    return templates.TemplateResponse(request, "apidocs.html", {"spec": spec, "ops": ops})


def install(app: FastAPI) -> None:
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

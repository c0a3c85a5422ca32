"""The query functions behind every API route and web page (a page and its JSON twin call
the same function). Each takes a :class:`Store` and plain parameters and returns JSON-ready
dicts; SQL stays in ``store/``."""

from __future__ import annotations

import json
from typing import Any

from newsevents.query.network import build_network
from newsevents.query.spans import document_spans
from newsevents.store import Store
from newsevents.store import stories as story_sql
from newsevents.stories.timeline import story_timeline


def stats(store: Store) -> dict[str, Any]:
    return store.stats()


def documents(
    store: Store, *, q: str | None, limit: int, offset: int, all_versions: bool = False
) -> dict[str, Any]:
    rows = store.documents(q=q, limit=limit, offset=offset, include_superseded=all_versions)
    return {"q": q, "limit": limit, "offset": offset, "documents": rows}


def document(store: Store, doc_id: str) -> dict[str, Any]:
    """One document with its events, quotes, stored sentences and every coded span."""
    doc = store.document(doc_id)  # raises NotFound
    doc["spans"] = document_spans(doc["events"], doc["quotes"], doc.get("times"))
    return doc


def events(store: Store, *, limit: int, offset: int, **filters: Any) -> dict[str, Any]:
    rows = store.events(limit=limit, offset=offset, **filters)
    return {"filters": filters, "limit": limit, "offset": offset, "events": rows}


def events_json(store: Store, *, limit: int, offset: int, **filters: Any) -> str:
    """:func:`events` as JSON text, the records as the store writes them (no decoding)."""
    rows = store.events_json(limit=limit, offset=offset, **filters)
    return json_with_rows({"filters": filters, "limit": limit, "offset": offset}, events=rows)


def json_with_rows(head: dict[str, Any], **rows: list[str]) -> str:
    """``head`` and then, under each key of ``rows``, a list of JSON texts, as one JSON text
    (keys in that order)."""
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    parts = [text[:-1]] if head else ["{"]
    for n, (key, items) in enumerate(rows.items()):
        comma = "," if head or n else ""
        parts.append(f"{comma}{json.dumps(key)}:[{','.join(items)}]")
    return "".join(parts) + "}"


def actors(store: Store, *, limit: int) -> dict[str, Any]:
    return {"actors": store.actors(limit=limit)}


def dyads(store: Store, *, by: str, **filters: Any) -> dict[str, Any]:
    return {"by": by, "filters": filters, "dyads": store.dyads(by=by, **filters)}


def dyad_series(
    store: Store,
    *,
    source: str,
    target: str,
    by: str = "month",
    directed: bool = True,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    """Cooperation/conflict of one dyad over time: events, quad classes and Goldstein (sum
    and mean) per period. Undirected also counts target -> source events."""
    want = {(source, target)} if directed else {(source, target), (target, source)}
    per: dict[str, dict[str, Any]] = {}
    undated = 0
    for row in store.dyads(by=by, actor=source, since=since, until=until):
        if (row["source"], row["target"]) not in want:
            continue
        if row["period"] == "undated":
            undated += row["events"]
            continue
        p = per.setdefault(
            row["period"],
            {
                "period": row["period"],
                "events": 0,
                "goldstein": 0.0,
                "q1": 0,
                "q2": 0,
                "q3": 0,
                "q4": 0,
            },
        )
        for key in ("events", "goldstein", "q1", "q2", "q3", "q4"):
            p[key] += row[key]
    series = []
    for period in sorted(per):
        p = per[period]
        p["goldstein"] = round(p["goldstein"], 2)
        p["mean_goldstein"] = round(p["goldstein"] / p["events"], 2) if p["events"] else 0.0
        series.append(p)
    return {
        "source": source,
        "target": target,
        "by": by,
        "directed": directed,
        "series": series,
        "undated_events": undated,
    }


def dyad_pairs(store: Store) -> list[dict[str, Any]]:
    """Known (source, target) pairs with their event counts, busiest first (for pickers)."""
    pairs: dict[tuple, int] = {}
    for row in store.dyads(by="year"):
        if row["source"] and row["target"]:
            key = (row["source"], row["target"])
            pairs[key] = pairs.get(key, 0) + row["events"]
    return [
        {"source": s, "target": t, "events": n}
        for (s, t), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def network(
    store: Store,
    *,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    max_nodes: int = 60,
) -> dict[str, Any]:
    rows = store.dyads(by="year", actor=actor, since=since, until=until)
    graph = build_network(rows, max_nodes=max_nodes)
    graph["filters"] = {"actor": actor, "since": since, "until": until}
    return graph


def storylines(store: Store, *, q: str | None, limit: int, offset: int) -> dict[str, Any]:
    rows = story_sql.storylines(store, q=q, limit=limit, offset=offset)
    return {"q": q, "limit": limit, "offset": offset, "storylines": rows}


def storyline(store: Store, story_id: str) -> dict[str, Any]:
    """A storyline, its documents and its timeline (raises NotFound)."""
    return story_timeline(store, story_id)


def quotes(store: Store, *, limit: int, offset: int, **filters: Any) -> dict[str, Any]:
    """A page of quotes ordered by speaker, and the same rows grouped under each speaker
    (``speakers``: name, id, country, sector and the speaker's quotes with cue and channel)."""
    rows = store.quotes(limit=limit, offset=offset, by_speaker=True, **filters)
    groups: list[dict[str, Any]] = []
    for row in rows:
        sp = row.get("speaker") or {}
        key = (sp.get("name"), sp.get("id"))
        if not groups or groups[-1]["key"] != key:
            groups.append({"key": key, "speaker": sp or None, "quotes": []})
        groups[-1]["quotes"].append(row)
    speakers = [{k: v for k, v in g.items() if k != "key"} for g in groups]
    return {
        "filters": filters,
        "limit": limit,
        "offset": offset,
        "quotes": rows,
        "speakers": speakers,
    }


def quotes_json(store: Store, *, limit: int, offset: int, **filters: Any) -> str:
    """:func:`quotes` as JSON text, the records as the store writes them (no decoding)."""
    rows = store.quotes_json(limit=limit, offset=offset, by_speaker=True, **filters)
    groups: list[tuple[tuple, str | None, list[str]]] = []
    for record, speaker, key in rows:
        if not groups or groups[-1][0] != key:
            groups.append((key, speaker, []))
        groups[-1][2].append(record)
    speakers = [
        f'{{"speaker":{speaker or "null"},"quotes":[{",".join(items)}]}}'
        for _, speaker, items in groups
    ]
    head = {"filters": filters, "limit": limit, "offset": offset}
    return json_with_rows(head, quotes=[r for r, _, _ in rows], speakers=speakers)


def places(store: Store, *, limit: int, offset: int, **filters: Any) -> dict[str, Any]:
    """Stored toponym mentions (literal ones unless ``type`` says otherwise)."""
    rows = store.places(limit=limit, offset=offset, **filters)
    return {"filters": filters, "limit": limit, "offset": offset, "places": rows}


def event_map(store: Store, *, limit: int = 10_000, **filters: Any) -> dict[str, Any]:
    """Events by place (``query.maps.event_places``): the map page's data."""
    from newsevents.query.maps import event_places

    events = store.events(limit=limit, **filters)
    places = event_places(events)
    placed = sum(p["count"] for p in places)
    return {
        "filters": filters,
        "events": len(events),
        "unplaced": len(events) - placed,
        "places": places,
    }


def story_places(store: Store, doc_ids: list[str]) -> list[dict[str, Any]]:
    """Events of some documents (a storyline's) by place, for its map."""
    from newsevents.query.maps import event_places

    return event_places([e for d in doc_ids for e in store.events(doc=d, limit=None)])


def export_events(store: Store, **filters: Any) -> list[dict[str, Any]]:
    """Event records for the native export (flattened to the fixed columns by the writer)."""
    return store.events(limit=None, **filters)


def event_tables(store: Store, fmt: str, **filters: Any) -> tuple[int, dict[str, str]]:
    """The GDELT 2.0, ICEWS or POLECAT tables of the stored events (``exports.event_tables``:
    rows, {file suffix: text}); the CLI writes them to files, the API serves them."""
    from newsevents.exports import event_tables as tables

    mentions = store.events(limit=None, **filters)
    documents = story_sql.document_rows(store, [m["doc"] for m in mentions])
    return tables(fmt, mentions, documents)

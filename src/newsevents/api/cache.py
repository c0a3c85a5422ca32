"""Response cache of the API: a GET page of /api kept in memory and sent again, as it was,
while the store is unchanged.

The key is the request's path and query string; every entry remembers the store's change
counter (``Store.change_counter``: SQLite's ``data_version``, which moves with every commit
of any connection or process) read *before* the page was made, and is sent only while the
counter still reads the same: a page made while an ingest committed carries the older
number and is made again at the next request. A hit never reaches the routes: no parameter
parsing, no SQL, no JSON. Only complete 200 answers are kept, and none of the downloads
(/api/export: large, and asked rarely); a store without a change counter (PostgreSQL) is
not cached. The cache holds at most ``max_bytes`` of bodies (setting ``api_cache_mb``,
least recently used out first) and a page larger than an eighth of it is not kept.
Hits carry the header ``x-cache: hit`` (bench/api_load counts them).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from newsevents.store import Store

Message = MutableMapping[str, Any]
ASGIApp = Callable[[Message, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]  # fmt: skip
SKIP = ("/api/export",)


@dataclass
class Entry:
    counter: int
    start: Message
    body: bytes


class ResponseCache:
    """ASGI middleware in front of the API app (``app.add_middleware(ResponseCache, ...)``)."""

    def __init__(self, app: ASGIApp, store: Store, max_bytes: int) -> None:
        self.app = app
        self.store = store
        self.max_bytes = max_bytes
        self.entries: OrderedDict[tuple[str, bytes], Entry] = OrderedDict()
        self.size = 0
        self.hits = self.misses = 0

    def cacheable(self, scope: Message) -> bool:
        path = scope.get("path", "")
        return (
            scope["type"] == "http"
            and scope.get("method") == "GET"
            and (path == "/api" or path.startswith("/api/"))
            and not path.startswith(SKIP)
        )

    async def __call__(self, scope: Message, receive, send) -> None:
        if self.max_bytes <= 0 or not self.cacheable(scope):
            await self.app(scope, receive, send)
            return
        counter = self.store.change_counter()
        if counter is None:
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        entry = self.entries.get(key)
        if entry is not None and entry.counter == counter:
            self.entries.move_to_end(key)
            self.hits += 1
            await send(entry.start)
            await send({"type": "http.response.body", "body": entry.body, "more_body": False})
            return
        self.misses += 1
        start: Message | None = None
        parts: list[bytes] = []
        complete = False

        async def keep(message: Message) -> None:
            nonlocal start, complete
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and start is not None:
                parts.append(message.get("body", b""))
                complete = not message.get("more_body", False)
            await send(message)

        await self.app(scope, receive, keep)
        if start is not None and complete and start.get("status") == 200:
            self.put(key, Entry(counter, _hit_start(start), b"".join(parts)))

    def put(self, key: tuple[str, bytes], entry: Entry) -> None:
        if len(entry.body) > self.max_bytes // 8:
            return
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old.body)
        self.entries[key] = entry
        self.size += len(entry.body)
        while self.size > self.max_bytes and self.entries:
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped.body)


def _hit_start(start: Message) -> Message:
    """The response start of a hit: the same status and headers, and ``x-cache: hit``."""
    headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"x-cache"]
    return {**start, "headers": [*headers, (b"x-cache", b"hit")]}

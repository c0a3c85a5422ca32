"""The API's response cache (api/cache.py): a page is sent again while the store is unchanged,
and made anew after any commit, from any connection."""

import asyncio

import pytest
from fastapi.testclient import TestClient

from newsevents.api.cache import Entry, ResponseCache
from newsevents.server import create_app
from newsevents.store import Store
from tests.store.records import make_extraction

pytestmark = pytest.mark.issue(16)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.add([make_extraction("a")])
    return path


def test_a_page_asked_again_is_sent_from_the_cache_until_the_store_changes(db):
    with TestClient(create_app(db, cache_mb=8)) as client:
        first = client.get("/api/events?limit=50")
        again = client.get("/api/events?limit=50")
        assert "x-cache" not in first.headers and again.headers["x-cache"] == "hit"
        assert again.content == first.content
        assert again.headers["content-type"] == first.headers["content-type"]
        assert "x-cache" not in client.get("/api/events?limit=49").headers  # another query
        with Store(db) as writer:  # another connection (ingest, follow) commits
            writer.add([make_extraction("b")])
        fresh = client.get("/api/events?limit=50")
        assert "x-cache" not in fresh.headers
        assert [e["doc"] for e in fresh.json()["events"]] == ["a", "b"]
        assert client.get("/api/events?limit=50").headers["x-cache"] == "hit"


def test_a_commit_through_the_apps_own_store_also_makes_pages_anew(db):
    with Store(db) as store, TestClient(create_app(store, cache_mb=8)) as client:
        assert client.get("/api/stats").json()["documents"] == 1
        assert client.get("/api/stats").headers["x-cache"] == "hit"
        store.add([make_extraction("b")])
        assert client.get("/api/stats").json()["documents"] == 2


def test_errors_downloads_pages_and_a_cache_of_zero_are_never_kept(db):
    with TestClient(create_app(db, cache_mb=8)) as client:
        for path in ("/api/documents/missing", "/api/events?limit=0", "/api/export/events.csv", "/"):
            client.get(path)
            assert "x-cache" not in client.get(path).headers, path
    with TestClient(create_app(db, cache_mb=0)) as client:
        client.get("/api/events")
        assert "x-cache" not in client.get("/api/events").headers


def test_a_page_made_while_the_store_changed_is_not_sent_again(db):
    """The counter is read before the page is made: a commit in between makes the entry
    stale at once (the page may hold the store before or after that commit)."""
    store = Store(db)
    writer = Store(db)

    async def app(scope, receive, send):  # a route that races an ingest
        writer.add([make_extraction(f"doc-{len(cache.entries) + cache.misses}")])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    cache = ResponseCache(app, store, max_bytes=10_000)
    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": "/api/stats", "query_string": b""}
    try:
        for _ in range(2):
            asyncio.run(cache(scope, None, send))
        assert (cache.hits, cache.misses) == (0, 2)
    finally:
        store.close()
        writer.close()


def test_the_cache_keeps_at_most_its_bytes_least_recently_used_out_first(db):
    with Store(db) as store:
        cache = ResponseCache(None, store, max_bytes=800)
        for k in range(12):
            cache.put((f"/api/p{k}", b""), Entry(1, {}, b"x" * 100))
        assert cache.size <= 800 and list(cache.entries)[0] == ("/api/p4", b"")
        cache.put(("/api/big", b""), Entry(1, {}, b"x" * 101))  # over an eighth: not kept
        assert ("/api/big", b"") not in cache.entries


def test_a_store_without_a_change_counter_is_not_cached(db, monkeypatch):
    with Store(db) as store, TestClient(create_app(store, cache_mb=8)) as client:
        monkeypatch.setattr(store, "change_counter", lambda: None)  # as on PostgreSQL
        client.get("/api/stats")
        assert "x-cache" not in client.get("/api/stats").headers

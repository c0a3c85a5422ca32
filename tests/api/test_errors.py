"""Every API error has one JSON shape: {"ok": false, "error": "...", "status": N}."""

import pytest
from fastapi.testclient import TestClient

import newsevents.query as queries
from newsevents.server import create_app

BAD = [
    ("get", "/api/nope", 404),
    ("get", "/api/documents/no-such-doc", 404),
    ("get", "/api/storylines/no-such-story", 404),
    ("get", "/api/storylines/no-such-story/timeline", 404),
    ("get", "/api/events?limit=abc", 422),
    ("get", "/api/events?limit=0", 422),
    ("get", "/api/events?offset=-1", 422),
    ("get", "/api/events?since=yesterday", 422),
    ("get", "/api/dyads?by=decade", 422),
    ("get", "/api/dyads/series?source=ISR", 422),
    ("get", "/api/quotes?kind=shouted", 422),
    ("post", "/api/events", 405),
    ("delete", "/api/documents/turkey-us", 405),
    ("get", "/documents/no-such-doc.json", 404),
    ("get", "/storylines/no-such-story.json", 404),
    ("get", "/events.json?limit=abc", 422),
]


def assert_shape(r, status):
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"]


@pytest.mark.parametrize("method,path,status", BAD)
def test_error_shape_for_every_api_error(client, method, path, status):
    assert_shape(getattr(client, method)(path), status)


def test_error_shape_for_server_errors_hides_details(sample_db, monkeypatch):
    def boom(store):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(queries, "stats", boom)
    with TestClient(create_app(sample_db), raise_server_exceptions=False) as c:
        r = c.get("/api/stats")
    assert_shape(r, 500)
    assert "secret" not in r.text


def test_error_pages_are_html_for_browsers(client):
    r = client.get("/documents/no-such-doc")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "No document with id" in r.text


def test_openapi_declares_the_error_shape(client):
    spec = client.get("/openapi.json").json()
    assert set(spec["components"]["schemas"]["ErrorBody"]["properties"]) == {
        "ok",
        "error",
        "status",
    }
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    for path, ops in spec["paths"].items():
        assert "422" in ops["get"]["responses"], path

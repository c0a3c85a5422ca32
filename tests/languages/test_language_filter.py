"""One store for both languages: the API, the events page and the exports filter by language."""

import json

import pytest

pytestmark = pytest.mark.issue(18)

ROWS = [
    {
        "id": "en1",
        "text": "Police arrested twenty protesters in the capital on Monday.",
        "date": "2021-03-10",
    },
    {
        "id": "es1",
        "text": "La policía detuvo el lunes a veinte manifestantes en la capital.",
        "date": "2021-03-10",
    },
]


@pytest.fixture(scope="module")
def mixed_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from newsevents.runner import RunConfig, run
    from newsevents.server import create_app
    from newsevents.store import Store

    tmp = tmp_path_factory.mktemp("mixed")
    path, db = tmp / "mixed.jsonl", tmp / "mixed.db"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS), encoding="utf-8")
    with Store(db) as store:
        summary = run([str(path)], RunConfig(), store=store)
    assert summary.processed == 2 and not summary.rejected
    with TestClient(create_app(db)) as client:
        yield client


def _docs(client, url, **params):
    return sorted({e["doc"] for e in client.get(url, params=params).json()["events"]})


def test_api_events_filter_by_language(mixed_client):
    assert _docs(mixed_client, "/api/events") == ["en1", "es1"]
    assert _docs(mixed_client, "/api/events", language="es") == ["es1"]
    assert _docs(mixed_client, "/api/events", language="EN") == ["en1"]
    assert _docs(mixed_client, "/api/events", language="fr") == []
    assert mixed_client.get("/api/events", params={"language": "spanish"}).status_code == 422
    # the page's form sends an empty value for "any language"
    assert _docs(mixed_client, "/events.json", language="") == ["en1", "es1"]


def test_events_page_and_exports_filter_by_language(mixed_client):
    assert _docs(mixed_client, "/events.json", language="es") == ["es1"]
    page = mixed_client.get("/events", params={"language": "es"}).text
    assert '<option value="es" selected>Spanish</option>' in page
    csv = mixed_client.get("/api/export/events.csv", params={"language": "es"}).text
    assert "es1" in csv and "en1" not in csv

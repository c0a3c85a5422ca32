"""The API on a PostgreSQL store (the throw-away server of tests/store/test_postgres.py)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsevents.server import create_app
from tests.api.sample import build
from tests.store.test_postgres import pg_server, pg_url  # noqa: F401 - fixtures

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_client(pg_url):  # noqa: F811
    build(pg_url)
    with TestClient(create_app(pg_url)) as c:
        yield c


def test_postgres_api_storyline_events_dyads_exports(pg_client):
    c = pg_client
    assert [s["id"] for s in c.get("/api/storylines").json()["storylines"]][0] == "story-1"
    timeline = c.get("/api/storylines/story-1").json()["timeline"]
    assert [e["date"] for e in timeline] == ["2021-04-11", "2021-04-12", None]
    events = c.get("/api/events", params={"actor": "ISR"}).json()["events"]
    assert [e["id"] for e in events] == ["gaza:e0", "gaza:e1", "gaza:e2"]
    assert c.get("/api/events", params={"actor": "' OR 1=1 --"}).json()["events"] == []
    series = c.get("/api/dyads/series", params={"source": "ISR", "target": "PSE"}).json()
    assert [r["period"] for r in series["series"]] == ["2021-05", "2021-06"]
    assert (
        c.get("/api/documents", params={"q": "khalilzad"}).json()["documents"][0]["id"]
        == "khalilzad"
    )
    assert c.get("/api/export/gdelt.csv").text.startswith("GLOBALEVENTID")
    assert c.get("/documents/hostile").status_code == 200
    assert c.get("/api/documents/nope").json() == {
        "ok": False,
        "error": "E400 No document with id 'nope'",
        "status": 404,
    }


def test_postgres_update_stories_saves_state(pg_url):  # noqa: F811
    from newsevents.store import Store
    from newsevents.stories.cluster import OnlineClusterer
    from newsevents.stories.store_stories import load_clusterer, update_stories
    from tests.api.sample import extractions

    with Store(pg_url) as store:
        store.add(extractions())
        got = update_stories(store, OnlineClusterer(weights={"words": 1.0, "entities": 1.0}))
        assert len(got) == 4
        assert load_clusterer(store).n_docs == 4
        assert update_stories(store) == {}

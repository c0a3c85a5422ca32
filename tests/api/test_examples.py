"""End to end on the two shipped examples: ingest (full pipeline), storylines, API, page."""

import pytest
from fastapi.testclient import TestClient

from newsevents.runner import RunConfig, run
from newsevents.server import create_app
from newsevents.store import Store
from newsevents.stories.store_stories import update_stories

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def examples_client(tmp_path_factory, examples_dir):
    db = tmp_path_factory.mktemp("examples") / "x.db"
    with Store(db) as store:
        summary = run([str(examples_dir)], RunConfig(), store=store)
        assert summary.processed == 2
        update_stories(store)  # what `newsevents ingest` does after storing
    with TestClient(create_app(db)) as c:
        yield c


def test_examples_one_storyline_holds_both_articles(examples_client):
    stories = examples_client.get("/api/storylines").json()["storylines"]
    assert len(stories) == 1 and stories[0]["n_documents"] == 2
    story = examples_client.get(f"/api/storylines/{stories[0]['id']}").json()
    docs = {d["id"]: d for d in story["documents"]}
    undated_doc = next(d for d, row in docs.items() if row["date"] is None)
    timeline = story["timeline"]
    dated = [e for e in timeline if not e["undated"]]
    assert dated and [e["date"] for e in dated] == sorted(e["date"] for e in dated)
    first_undated = next(i for i, e in enumerate(timeline) if e["undated"])
    assert all(e["undated"] for e in timeline[first_undated:])  # undated after dated
    # the article without a date gives no event a date: all its entries are undated
    for e in timeline:
        if any(s["doc"] == undated_doc for s in e["sources"]) and all(
            s["doc"] == undated_doc for s in e["sources"]
        ):
            assert e["undated"] and e["date"] is None


def test_examples_storyline_page_shows_both_articles(examples_client):
    story = examples_client.get("/api/storylines").json()["storylines"][0]
    html = examples_client.get(f"/storylines/{story['id']}").text
    for doc in examples_client.get(f"/api/storylines/{story['id']}").json()["documents"]:
        assert (doc["title"] or doc["id"]) in html
    assert "undated" in html

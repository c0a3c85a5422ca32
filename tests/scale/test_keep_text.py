"""--keep-text full|sentences|none: every view (events, quotes, document, API, web page) still
works with what was kept, on the real pipeline's output for the two examples."""

from __future__ import annotations

import copy

import pytest

from newsevents.ingest import read_sources
from newsevents.models import Article
from newsevents.runner import RunConfig, extract_batch
from newsevents.store import Store

MODES = ("full", "sentences", "none")


@pytest.fixture(scope="module")
def extractions(examples_dir):
    articles = [d for d in read_sources([examples_dir]) if isinstance(d, Article)]
    done, _failed = extract_batch(articles, RunConfig())  # coding errors: other tests' job
    assert done
    assert sum(len(x.events) for x in done) and sum(len(x.quotes) for x in done)
    return done


@pytest.fixture(scope="module", params=MODES)
def kept(request, extractions, tmp_path_factory):
    db = tmp_path_factory.mktemp(f"keep_{request.param}") / "news.db"
    with Store(db) as store:
        store.add(copy.deepcopy(extractions), keep_text=request.param)
    return request.param, db, {x.article.id: x for x in extractions}


def test_keep_text_events_view(kept):
    mode, db, by_id = kept
    with Store(db) as store:
        events = store.events(limit=None)
    assert len(events) == sum(len(x.events) for x in by_id.values())
    for e in events:
        text = by_id[e["doc"]].article.text
        # Offsets always survive; the sentence text only when some text was kept.
        assert text[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]
        if mode == "none":
            assert e["sentence"] is None
        else:
            assert e["sentence"] == text[e["sentence_start"] : e["sentence_end"]]


def test_keep_text_quotes_view(kept):
    mode, db, by_id = kept
    with Store(db) as store:
        quotes = store.quotes(limit=None)
    assert len(quotes) == sum(len(x.quotes) for x in by_id.values())
    for q in quotes:
        assert (q["quote"] is None) == (mode == "none")
        assert 0 <= q["start"] < q["end"] <= len(by_id[q["doc"]].article.text)


def test_keep_text_document_view(kept):
    mode, db, by_id = kept
    with Store(db) as store:
        for doc_id, x in by_id.items():
            doc = store.document(doc_id)
            assert len(doc["events"]) == len(x.events) and len(doc["quotes"]) == len(x.quotes)
            assert doc["n_chars"] == len(x.article.text) and doc["keep_text"] == mode
            assert (doc["text"] == x.article.text) if mode == "full" else doc["text"] is None
            sentences = {(s["start"], s["end"]): s["text"] for s in doc["sentences"]}
            if mode == "sentences":  # every event's evidence sentence is there, verbatim
                for e in x.events:
                    key = (e.sentence_start, e.sentence_end)
                    assert sentences[key] == x.article.text[slice(*key)]
            else:
                assert sentences == {}


def test_keep_text_api_and_web_views(kept):
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from newsevents.server import create_app

    mode, db, by_id = kept
    with TestClient(create_app(db)) as client:
        for doc_id, x in by_id.items():
            api = client.get(f"/api/documents/{doc_id}")
            assert api.status_code == 200, api.text
            assert (api.json().get("text") is not None) == (mode == "full")
            page = client.get(f"/documents/{doc_id}")
            assert page.status_code == 200, page.text
            if mode != "none":  # the page shows the kept evidence
                assert x.events[0].sentence.split()[0] in page.text
        for path in ("/api/events", "/api/quotes", "/events", "/quotes"):
            assert client.get(path).status_code == 200, path

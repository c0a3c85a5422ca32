"""Issue 16 (4): an article's storyline search is bounded, the same in memory and in a store."""

import importlib
import sqlite3

import pytest

from newsevents.store import Store
from newsevents.stories.cluster import OnlineClusterer, StoryDoc
from newsevents.stories.store_stories import StoredCounts, load_clusterer, save_clusterer
from newsevents.stories.story import EmbeddingIndex, Story, TermIndex

pytestmark = pytest.mark.issue(16)
cluster_module = importlib.import_module("newsevents.stories.cluster")
FAST = {"words": 1.0, "entities": 1.0}


def _story(sid, seen, words=("harbour",), ents=()):
    return Story(sid, size=1, words=dict.fromkeys(words, 1.0), ents=dict.fromkeys(ents, 1.0), seen=seen)


def test_postings_keep_the_stories_that_took_a_term_last():
    index = TermIndex()
    for n in range(10):
        index.add(_story(f"s{n}", seen=100 - n))  # s0 is the latest
    assert index.postings(["w:harbour"], 3) == {"w:harbour": ["s0", "s1", "s2"]}
    assert len(index.postings(["w:harbour"], None)["w:harbour"]) == 10
    assert index.postings(["w:unknown"], 3) == {}
    index.add(_story("s9", seen=500))  # an old story takes the term again
    assert index.postings(["w:harbour"], 2) == {"w:harbour": ["s9", "s0"]}


def test_nearest_looks_only_at_the_latest_window():
    import numpy as np

    index = EmbeddingIndex(dim=2)
    index.put("old", np.array([1.0, 0.0], dtype=np.float32), seen=1)
    index.put("new", np.array([0.0, 1.0], dtype=np.float32), seen=9)
    probe = np.array([1.0, 0.1], dtype=np.float32)
    assert index.nearest(probe, None, 1, None) == ["old"]
    assert index.nearest(probe, None, 1, 1) == ["new"]  # the old one is outside the window


def test_candidates_are_capped_by_shared_weight(monkeypatch):
    monkeypatch.setattr(cluster_module, "MAX_CANDIDATES", 2)
    c = OnlineClusterer(threshold=2.0, weights=FAST)  # every article its own story
    c.add(StoryDoc("a", "Harbour strike", "Dockers strike at the harbour over pay.", "2021-01-01"))
    c.add(StoryDoc("b", "Harbour strike ends", "The harbour strike ends, dockers return.", "2021-01-02"))
    c.add(StoryDoc("c", "Harbour opens", "A new harbour opens for ferries.", "2021-01-03"))
    words = ["harbour", "strike", "docker"]
    wv = c._weigh(dict.fromkeys(words, 1.0), c.df_words)
    got = c._candidates(words, [], wv, ({}, 0.0))
    assert len(got) == 2
    assert got == {"story-1", "story-2"}  # the two sharing "strike" and "docker" too


def test_stored_counts_read_on_demand(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.db.executemany(
            "INSERT INTO story_df(term, n) VALUES (?, ?)", [("w:harbour", 3), ("e:oslo", 2)]
        )
        words = StoredCounts(store, "w:")
        assert dict(words) == {}  # nothing read before it is asked
        words.prefetch(["harbour", "ferry"])
        assert words.get("harbour", 0) == 3 and words.get("ferry", 0) == 0
        assert words["unasked"] == 0 and "unasked" in dict(words)
        words.update(["ferry", "harbour"])
        assert words["ferry"] == 1 and words["harbour"] == 4
        assert words.touched == {"ferry", "harbour"}
        assert words.complete() == {"harbour": 4, "ferry": 1}


def test_an_update_reads_only_the_latest_embeddings(tmp_path, monkeypatch):
    import numpy as np

    monkeypatch.setattr("newsevents.stories.store_stories.EMB_WINDOW", 2)
    c = OnlineClusterer(threshold=2.0)  # every article its own story
    for n in range(4):
        emb = np.zeros(384, dtype=np.float32)
        emb[n] = 1.0
        c.add(StoryDoc(f"d{n}", f"Title {n}", f"Words number {n}.", "2021-01-01", embedding=emb))
    with Store(tmp_path / "s.db") as store:
        save_clusterer(store, c, {})
        loaded = load_clusterer(store)
        assert sorted(loaded._embs.ids) == ["story-3", "story-4"]  # the two latest


def test_a_store_from_before_the_seen_columns_opens_and_migrates(tmp_path):
    path = tmp_path / "old.db"
    with Store(path):
        pass
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP INDEX story_terms_seen; DROP INDEX story_state_seen;"
        "DROP TABLE story_terms; DROP TABLE story_state;"
        "CREATE TABLE story_state (id TEXT PRIMARY KEY, size INTEGER NOT NULL, state TEXT NOT NULL, emb TEXT);"
        "CREATE TABLE story_terms (term TEXT NOT NULL, story_id TEXT NOT NULL, PRIMARY KEY (term, story_id));"
        "INSERT INTO story_terms VALUES ('w:harbour', 'story-1');"
        "UPDATE meta SET value = '4' WHERE key = 'schema_version';"
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version() >= 5
        rows = store.db.query("SELECT term, story_id, seen FROM story_terms")
        assert rows == [{"term": "w:harbour", "story_id": "story-1", "seen": 0}]

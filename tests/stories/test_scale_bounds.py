"""Issue 16 (4): an article's storyline search is bounded, the same in memory and in a store."""

import importlib
import sqlite3

import pytest

from newsevents.store import Store
from newsevents.store.store import SCHEMA_VERSION
from newsevents.stories.cluster import OnlineClusterer, StoryDoc
from newsevents.stories.store_stories import StoredCounts, load_clusterer, save_clusterer
from newsevents.stories.story import (
    EmbeddingIndex,
    Story,
    TermIndex,
    approx_norm,
    norm_parts,
)

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
    assert set(got) == {"story-1", "story-2"}  # the two sharing "strike" and "docker" too


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


def test_the_latest_embeddings_lie_at_the_end_of_their_table(tmp_path):
    # the window is read at every update: its rows in seen order at the table's end, not
    # spread over a file that grows with the store (rowid order is the file's order)
    import numpy as np

    c = OnlineClusterer(threshold=2.0)  # every article its own story
    for n in range(4):
        emb = np.zeros(384, dtype=np.float32)
        emb[n] = 1.0
        c.add(StoryDoc(f"d{n}", f"Title {n}", f"Words number {n}.", "2021-01-01", embedding=emb))
    c.stories["story-1"].seen = 9  # an old story took an article last
    with Store(tmp_path / "s.db") as store:
        save_clusterer(store, c, {})
        rows = store.db.query("SELECT id FROM story_centroids ORDER BY rowid")
        assert [r["id"] for r in rows] == ["story-2", "story-3", "story-4", "story-1"]
        c.stories["story-3"].seen = 10
        save_clusterer(store, c, {})  # every story saved again: story-3 moves to the end
        rows = store.db.query("SELECT id, seen FROM story_centroids ORDER BY rowid")
        assert [r["id"] for r in rows] == ["story-2", "story-4", "story-1", "story-3"]
        assert rows[-1]["seen"] == 10


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


def test_norm_parts_give_the_idf_weighted_norm():
    import math

    vec = {"harbour": 1.4, "strike": 0.3, "docker": 2.0}
    logs = {"harbour": math.log(4), "strike": math.log(9), "docker": math.log(2)}
    parts = norm_parts(vec, logs)
    for base in (3.0, 5.5, 12.0):  # the clusterer's log(n_docs + 1) + 1 as it grows
        exact = math.sqrt(sum((v * (base - logs[t])) ** 2 for t, v in vec.items()))
        assert approx_norm(parts, base) == pytest.approx(exact, rel=1e-12)


HARBOUR = [
    ("Harbour strike", "Dockers strike at the harbour over pay and hours."),
    ("Harbour strike spreads", "The harbour strike spreads, dockers block ferries."),
    ("Ferries stop", "Ferries stop as the harbour strike of dockers goes on."),
    ("Harbour talks", "Talks on the harbour strike fail, dockers say."),
    ("Harbour opens", "A new harbour opens for ferries and fishing boats."),
    ("Fishing boats", "Fishing boats crowd the old harbour at dawn."),
]


def test_only_the_shortlist_is_read_and_scored_exactly(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster_module, "SHORTLIST", 2)
    c = OnlineClusterer(threshold=2.0, weights=FAST)  # every article its own story
    for n, (title, text) in enumerate(HARBOUR):
        c.add(StoryDoc(f"d{n}", title, text, f"2021-01-0{n + 1}"))
    probe = StoryDoc("p", "Harbour strike ends", "The dockers end their harbour strike.", "2021-01-08")
    scored = []
    score = cluster_module.OnlineClusterer._score
    monkeypatch.setattr(
        cluster_module.OnlineClusterer,
        "_score",
        lambda self, story, *a: scored.append(story.id) or score(self, story, *a),
    )
    in_memory = c.best(probe)
    assert len(scored) == 2
    exhaustive = OnlineClusterer.from_dict(c.to_dict())
    monkeypatch.setattr(cluster_module, "SHORTLIST", 100)
    assert exhaustive.best(probe) == in_memory  # the best story is on the shortlist
    monkeypatch.setattr(cluster_module, "SHORTLIST", 2)
    with Store(tmp_path / "s.db") as store:
        save_clusterer(store, c, {})
        stored = load_clusterer(store)
        assert stored.best(probe) == in_memory
        assert len(stored.stories.loaded) == 2  # the other four stories' centroids not read


def test_a_store_shortlists_as_the_memory_does(tmp_path, monkeypatch):
    # one story kept of each article's candidates: the estimates (postings' weights, the
    # stories' norms and dates) read from a store must be the numbers held in memory
    monkeypatch.setattr(cluster_module, "SHORTLIST", 1)
    estimated = []
    estimates = cluster_module.OnlineClusterer._estimates
    monkeypatch.setattr(
        cluster_module.OnlineClusterer,
        "_estimates",
        lambda self, ordered, *a: estimated.append(len(ordered)) or estimates(self, ordered, *a),
    )
    docs = [
        StoryDoc(f"d{n}", title, text, f"2021-01-0{n + 1}", ["Portmouth", f"Captain {n % 3}"])
        for n, (title, text) in enumerate(HARBOUR)
    ]
    memory = OnlineClusterer(threshold=0.5, weights=FAST)
    in_memory = memory.add_many(docs)
    assert max(estimated) > 1  # the shortlist did cut
    with Store(tmp_path / "s.db") as store:
        first = OnlineClusterer(threshold=0.5, weights=FAST)
        stepwise = {"d0": first.add(docs[0])}
        save_clusterer(store, first, stepwise)
        for doc in docs[1:]:
            c = load_clusterer(store)
            got = {doc.id: c.add(doc)}
            save_clusterer(store, c, got)
            stepwise |= got
        assert stepwise == in_memory and len(set(in_memory.values())) > 1
        assert load_clusterer(store).to_dict() == memory.to_dict()


def test_a_store_of_schema_8_migrates_and_its_old_stories_are_always_scored(tmp_path):
    path = tmp_path / "old.db"
    docs = [StoryDoc(f"d{n}", t, x, f"2021-01-0{n + 1}") for n, (t, x) in enumerate(HARBOUR)]
    c = OnlineClusterer(threshold=0.5, weights=FAST)
    for doc in docs[:4]:
        c.add(doc)
    with Store(path) as store:
        save_clusterer(store, c, {})
    conn = sqlite3.connect(path)  # as schema 8 wrote it: no weights, no summaries
    conn.executescript(
        "DROP INDEX story_terms_seen; ALTER TABLE story_terms DROP COLUMN w;"
        "ALTER TABLE story_state DROP COLUMN summary;"
        "CREATE INDEX story_terms_seen ON story_terms(term, seen, story_id);"
        "UPDATE meta SET value = '8' WHERE key = 'schema_version';"
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version() == int(SCHEMA_VERSION)
        (index,) = store.db.query("SELECT sql FROM sqlite_master WHERE name = 'story_terms_seen'")
        assert "w)" in index["sql"].replace(" ", "")
        assert store.db.query("SELECT COUNT(*) AS n FROM story_terms WHERE w IS NULL")[0]["n"]
        loaded = load_clusterer(store)
        summaries = loaded._summaries(sorted(c.stories))
        assert all(s.wnorm is None for s in summaries.values())
        estimates = loaded._estimates(sorted(c.stories), summaries, {}, ({"harbour": 1.0}, 1.0),
                                      ({}, 0.0), {}, None)  # fmt: skip
        assert set(estimates.values()) == {float("inf")}  # no norms: always scored exactly
        assert loaded.add(docs[4]) == OnlineClusterer.from_dict(c.to_dict()).add(docs[4])


def test_a_store_of_schema_9_gets_its_centroids_and_the_same_window(tmp_path):
    import numpy as np

    path = tmp_path / "old.db"
    c = OnlineClusterer(threshold=2.0)  # every article its own story
    for n in range(4):
        emb = np.zeros(384, dtype=np.float32)
        emb[n], emb[n + 1] = 1.0, 0.3
        c.add(StoryDoc(f"d{n}", f"Title {n}", f"Words number {n}.", "2021-01-01", embedding=emb))
    with Store(path) as store:
        save_clusterer(store, c, {})
        fresh = load_clusterer(store)._embs
    conn = sqlite3.connect(path)  # as schema 9 wrote it: no story_centroids
    conn.executescript(
        "DROP TABLE story_centroids; UPDATE meta SET value = '9' WHERE key = 'schema_version';"
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version() == int(SCHEMA_VERSION)
        migrated = load_clusterer(store)._embs
    assert migrated.ids == fresh.ids == sorted(c.stories)
    for sid in fresh.ids:  # bit for bit: the clusterer's float32 sum over size
        expected = np.asarray(c.stories[sid].emb, dtype=np.float32) / c.stories[sid].size
        assert migrated.centroid(sid).tobytes() == expected.tobytes()
        assert fresh.centroid(sid).tobytes() == expected.tobytes()


def test_nearest_without_copying_the_matrix_ranks_as_the_plain_cosines():
    import numpy as np

    from newsevents.stories.story import cosines

    rng = np.random.default_rng(3)
    one, many = EmbeddingIndex(dim=8), EmbeddingIndex(dim=8)
    vectors = rng.normal(size=(40, 8)).astype(np.float32)
    for n, v in enumerate(vectors):
        one.put(f"s{n}", v, seen=n)
    many.put_many([f"s{n}" for n in range(40)], vectors, list(range(40)))
    probe, background = rng.normal(size=8).astype(np.float32), rng.normal(size=8) * 0.3
    plain = cosines(vectors, probe, background)
    expected = [f"s{i}" for i in np.argsort(-plain, kind="stable")[:5]]
    assert one.nearest(probe, background, 5, None) == expected
    assert many.nearest(probe, background, 5, None) == expected
    assert np.array_equal(one._sq[:40], many._sq[:40])
    latest = [f"s{i}" for i in np.argsort(-plain[30:], kind="stable")[:3] + 30]
    assert one.nearest(probe, background, 3, 10) == latest  # the ten that took one last

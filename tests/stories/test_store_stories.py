import importlib
import json

import pytest

from newsevents.models import Actor, Article, Event, Extraction
from newsevents.store import Store
from newsevents.store import stories as story_sql
from newsevents.stories.cluster import OnlineClusterer, StoryDoc
from newsevents.stories.store_stories import load_clusterer, save_clusterer, update_stories

FAST = {"words": 1.0, "entities": 1.0}  # no embedding model in unit tests


def extraction(doc_id, text, date, who=("Turkey", "TUR")):
    actor = Actor(who[0], who[1], "GOV", f"{who[1]}GOV", who[0].lower(), start=0, end=len(who[0]))
    word = text.split()[0]  # the trigger: words of the text, as the store demands
    event = Event(
        doc=doc_id, sentence=text, sentence_start=0, sentence_end=len(text), plover="CONSULT",
        cameo="040", trigger={"text": word, "start": 0, "end": len(word)}, source=actor, id=f"{doc_id}:e0",
        date=date,
    )  # fmt: skip
    return Extraction(
        article=Article(id=doc_id, text=text, date=date, title=text[:30]), events=[event]
    )


PEACE = "Turkey hosts Afghan peace conference in Istanbul with Qatar and the United Nations"
QUAKE = "Earthquake in Chile destroys houses near Santiago, rescuers search the rubble"


def test_update_stories_assigns_every_document_and_counts(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add([extraction("a", PEACE, "2021-04-10"), extraction("b", PEACE + " talks", "2021-04-12"),
                   extraction("c", QUAKE, "2021-04-11", ("Chile", "CHL"))])  # fmt: skip
        got = update_stories(store, OnlineClusterer(weights=FAST))
        assert set(got) == {"a", "b", "c"}
        assert got["a"] == got["b"] != got["c"]
        stories = {s["id"]: s for s in story_sql.storylines(store)}
        assert stories[got["a"]]["n_documents"] == 2
        assert stories[got["a"]]["label"]
        assert all(d["story_id"] for d in store.documents())


def test_update_stories_continues_from_saved_state(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add([extraction("a", PEACE, "2021-04-10")])
        first = update_stories(store, OnlineClusterer(weights=FAST))
    with Store(path) as store:  # a later ingest: new process, state from the meta table
        assert load_clusterer(store).n_docs == 1
        store.add([extraction("b", PEACE + " again", "2021-04-20")])
        second = update_stories(store)
        assert second == {"b": first["a"]}
        assert update_stories(store) == {}  # nothing new, nothing changes
        state = json.loads(story_sql.get_meta(store, story_sql.CLUSTERER_KEY))
        assert state["n_docs"] == 2


def test_update_stories_replaced_document_keeps_its_story(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add([extraction("a", PEACE, "2021-04-10")])
        first = update_stories(store, OnlineClusterer(weights=FAST))
        store.add([extraction("a", PEACE + " (corrected)", "2021-04-10")])  # new text: version 2
        assert update_stories(store) == {"a@v2": first["a"]}
        assert load_clusterer(store).n_docs == 1


def test_timeline_rows_flatten_every_storyline(tmp_path):
    from newsevents.stories.timeline import timeline_rows

    with Store(tmp_path / "s.db") as store:
        store.add(
            [extraction("a", PEACE, "2021-04-10"), extraction("c", QUAKE, None, ("Chile", "CHL"))]
        )
        got = update_stories(store, OnlineClusterer(weights=FAST))
        rows = timeline_rows(store)
        assert {r["story_id"] for r in rows} == set(got.values())
        undated = next(r for r in rows if r["documents"] == "c")
        assert undated["undated"] is True and undated["date"] is None
        assert [r["documents"] for r in timeline_rows(store, got["a"])] == ["a"]


VOTE = "Parliament in Lima votes on the mining tax while farmers rally outside Congress"


def _rows(store, sql):
    return store.db.query(sql)


@pytest.mark.issue(16)
def test_state_is_saved_row_by_row_not_as_one_value(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add(
            [
                extraction("a", PEACE, "2021-04-10"),
                extraction("c", QUAKE, "2021-04-11", ("Chile", "CHL")),
            ]
        )
        got = update_stories(store, OnlineClusterer(weights=FAST))
        state = json.loads(story_sql.get_meta(store, story_sql.CLUSTERER_KEY))
        assert "stories" not in state and "df_words" not in state and state["n_docs"] == 2
        rows = {r["id"]: r for r in _rows(store, "SELECT id, size, state FROM story_state")}
        assert set(rows) == set(got.values()) and all(r["size"] == 1 for r in rows.values())
        terms = _rows(store, "SELECT term, story_id FROM story_terms")
        assert {"term": "w:earthquake", "story_id": got["c"]} in terms
        df = {r["term"]: r["n"] for r in _rows(store, "SELECT term, n FROM story_df")}
        assert df["w:earthquake"] == 1 and df["e:turkey"] == 1


@pytest.mark.issue(16)
def test_an_update_loads_only_candidate_stories_and_writes_only_what_changed(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add(
            [
                extraction("a", PEACE, "2021-04-10"),
                extraction("c", QUAKE, "2021-04-11", ("Chile", "CHL")),
            ]
        )
        got = update_stories(store, OnlineClusterer(weights=FAST))
        before = {r["id"]: r["state"] for r in _rows(store, "SELECT id, state FROM story_state")}
        label = {s["id"]: s["label"] for s in story_sql.storylines(store)}
        clusterer = load_clusterer(store)
        assert clusterer.stories.loaded == {}  # nothing read before an article asks
        store.add([extraction("b", PEACE + " talks", "2021-04-12")])
        doc = StoryDoc("b", PEACE[:30], PEACE + " talks", "2021-04-12", ["Turkey", "TUR"])
        assert clusterer.add(doc) == got["a"]
        assert set(clusterer.stories.loaded) == {got["a"]}  # the quake story was not read
        save_clusterer(store, clusterer, {"b": got["a"]})
        after = {r["id"]: r["state"] for r in _rows(store, "SELECT id, state FROM story_state")}
        assert after[got["c"]] == before[got["c"]] and after[got["a"]] != before[got["a"]]
        stories = {s["id"]: s for s in story_sql.storylines(store)}
        assert stories[got["a"]]["n_documents"] == 2
        assert stories[got["c"]]["label"] == label[got["c"]]


@pytest.mark.issue(16)
@pytest.mark.parametrize("shortlist", [10, 1])
def test_updates_one_at_a_time_match_one_pass_in_memory(tmp_path, monkeypatch, shortlist):
    # shortlist 1: every article's candidates are cut to one by the estimated score, whose
    # numbers (postings' weights, stories' norms) the store and the memory must agree on
    monkeypatch.setattr(importlib.import_module("newsevents.stories.cluster"), "SHORTLIST", shortlist)
    docs = [
        ("a", PEACE, "2021-04-10", ("Turkey", "TUR")),
        ("c", QUAKE, "2021-04-11", ("Chile", "CHL")),
        ("b", PEACE + " talks resume", "2021-04-12", ("Turkey", "TUR")),
        ("d", VOTE, "2021-04-12", ("Peru", "PER")),
        ("e", QUAKE + " aftershock", "2021-04-13", ("Chile", "CHL")),
        ("f", VOTE + " again", "2021-04-14", ("Peru", "PER")),
    ]
    with Store(tmp_path / "one.db") as store:
        store.add([extraction(i, t, d, w) for i, t, d, w in docs])
        at_once = update_stories(store, OnlineClusterer(weights=FAST))
        in_memory = load_clusterer(store).to_dict()
    with Store(tmp_path / "many.db") as store:
        one_by_one: dict[str, str] = {}
        for n, (i, t, d, w) in enumerate(docs):
            store.add([extraction(i, t, d, w)])
            one_by_one |= update_stories(store, OnlineClusterer(weights=FAST) if n == 0 else None)
        stepwise = load_clusterer(store).to_dict()
    assert one_by_one == at_once and len(set(at_once.values())) == 3
    assert stepwise == in_memory


@pytest.mark.issue(16)
def test_a_state_written_as_one_value_is_read_and_saved_row_by_row(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add(
            [
                extraction("a", PEACE, "2021-04-10"),
                extraction("c", QUAKE, "2021-04-11", ("Chile", "CHL")),
            ]
        )
        first = OnlineClusterer(weights=FAST)
        got = first.add_many([StoryDoc("a", PEACE[:30], PEACE, "2021-04-10", ["Turkey", "TUR"]),
                              StoryDoc("c", QUAKE[:30], QUAKE, "2021-04-11", ["Chile", "CHL"])])  # fmt: skip
        with store.db.transaction():  # what an earlier build wrote: everything in meta
            story_sql.set_document_stories(store, got)
            story_sql.set_meta(store, story_sql.CLUSTERER_KEY, json.dumps(first.to_dict()))
        store.add([extraction("b", PEACE + " again", "2021-04-20")])
        assert update_stories(store) == {"b": got["a"]}
        state = json.loads(story_sql.get_meta(store, story_sql.CLUSTERER_KEY))
        assert "stories" not in state and state["n_docs"] == 3
        assert len(_rows(store, "SELECT id FROM story_state")) == 2
        assert load_clusterer(store).stories[got["a"]].size == 2

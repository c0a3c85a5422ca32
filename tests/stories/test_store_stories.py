import json

from newsevents.models import Actor, Article, Event, Extraction
from newsevents.store import Store
from newsevents.store import stories as story_sql
from newsevents.stories.cluster import OnlineClusterer
from newsevents.stories.store_stories import load_clusterer, update_stories

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

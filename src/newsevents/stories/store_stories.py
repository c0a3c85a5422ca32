"""Give every stored document a storyline, continuing the store's own online clusterer.

The clusterer's state lives in the store, row by row (``store/stories.py``), so each
``ingest`` goes on from where the last one stopped (an article that arrives next month can
join this month's story) and its cost does not grow with the store: an update reads the
clusterer's few numbers, the document frequencies and the story embeddings, finds the
candidate stories of each article in the term index (``story_terms``: the stories that hold
one of its words or names), loads only those stories, and writes back only the stories,
frequencies and index rows that changed, with the labels and counts of those stories.
A store written by an earlier build (the whole state as one JSON value) is read once and
saved row by row.
"""

from __future__ import annotations

import base64
import json
from collections import Counter
from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any

import numpy as np

from newsevents.store import Store
from newsevents.store import stories as sql
from newsevents.stories.cluster import OnlineClusterer, StoryDoc
from newsevents.stories.story import EmbeddingIndex, Story, TermIndex


class TrackedCounter(Counter):
    """A Counter that remembers the keys ``update`` touched (to write back only those)."""

    def update(self, iterable: Any = None, /, **kwds: Any) -> None:
        if iterable is not None:
            iterable = list(iterable)
            self.touched.update(iterable)
        super().update(iterable, **kwds)

    @property
    def touched(self) -> set[str]:
        return self.__dict__.setdefault("_touched", set())


class StoredStories(MutableMapping[str, Story]):
    """A store's stories by id, loaded on demand, and its term index (``lookup``/``add``,
    as :class:`TermIndex`): the stories changed in this run are kept to be written back."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.loaded: dict[str, Story] = {}
        self.changed: set[str] = set()
        self._recent = TermIndex()  # postings of this run, not written yet

    def prefetch(self, story_ids: Iterable[str]) -> None:
        missing = [sid for sid in story_ids if sid not in self.loaded]
        for row in sql.story_states(self.store, missing) if missing else []:
            self.loaded[row["id"]] = _story(row)

    def __getitem__(self, story_id: str) -> Story:
        self.prefetch([story_id])
        return self.loaded[story_id]

    def __setitem__(self, story_id: str, story: Story) -> None:
        self.loaded[story_id] = story
        self.changed.add(story_id)

    def __delitem__(self, story_id: str) -> None:
        raise TypeError("stories are never deleted")

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(set(sql.story_ids(self.store)) | set(self.loaded)))

    def __len__(self) -> int:
        return len(set(sql.story_ids(self.store)) | set(self.loaded))

    # the term index
    def add(self, story: Story) -> None:
        self.changed.add(story.id)
        self._recent.add(story)

    def lookup(self, words: Iterable[str], ents: Iterable[str]) -> set[str]:
        words, ents = list(words), list(ents)
        terms = [f"w:{t}" for t in words] + [f"e:{k}" for k in ents]
        return sql.stories_with_terms(self.store, terms) | self._recent.lookup(words, ents)


def _story(row: dict[str, Any]) -> Story:
    state = json.loads(row["state"])
    emb = None
    if row["emb"] is not None:
        emb = np.frombuffer(base64.b64decode(row["emb"]), dtype=np.float64).tolist()
    return Story(id=row["id"], size=row["size"], emb=emb, **state)


def _row(story: Story) -> tuple[str, int, str, str | None]:
    state = {k: v for k, v in vars(story).items() if k not in ("id", "size", "emb")}
    emb = None
    if story.emb is not None:
        emb = base64.b64encode(np.asarray(story.emb, dtype=np.float64).tobytes()).decode()
    return story.id, story.size, json.dumps(state), emb


def load_clusterer(store: Store) -> OnlineClusterer | None:
    """The store's clusterer (None before its first storyline), its stories loaded on demand."""
    raw = sql.get_meta(store, sql.CLUSTERER_KEY)
    if not raw:
        return None
    state = json.loads(raw)
    if "stories" in state:  # the whole state in one value, written by an earlier build
        return OnlineClusterer.from_dict(state)
    df_words, df_ents = TrackedCounter(), TrackedCounter()
    for row in sql.story_df(store):
        kind, term = row["term"][:2], row["term"][2:]
        dict.__setitem__(df_words if kind == "w:" else df_ents, term, row["n"])
    embeddings = EmbeddingIndex()
    for row in sql.story_embeddings(store):
        summed = np.frombuffer(base64.b64decode(row["emb"]), dtype=np.float64)
        if row["size"]:
            embeddings.put(row["id"], summed.astype(np.float32) / row["size"])
    stories = StoredStories(store)
    return OnlineClusterer.from_parts(
        state, stories, df_words=df_words, df_ents=df_ents, terms=stories, embeddings=embeddings
    )


def update_stories(store: Store, clusterer: OnlineClusterer | None = None) -> dict[str, str]:
    """Assign a story to every document without one; returns doc id -> story id.

    ``clusterer`` is used only when the store has no saved state yet (a new store); the
    saved state always wins so story ids stay stable across runs.
    """
    saved = load_clusterer(store)
    clusterer = saved or clusterer or OnlineClusterer()
    todo = sql.documents_without_story(store)
    if not todo and saved is not None:
        return {}
    # A new version of a document joins the story of the version it follows, uncounted (the
    # clusterer has counted the document once). A re-ingested (replaced) document keeps its
    # story in the store, so it is not among those without one.
    assignment = {d["id"]: d["previous_story"] for d in todo if d.get("previous_story")}
    new = [
        StoryDoc(
            id=d["id"],
            title=d["title"],
            text=d["text"] or "",
            date=d["date"],
            entities=d["entities"],
        )
        for d in todo
        if d["id"] not in assignment
    ]
    # oldest first, as they would have arrived (documents_without_story is date-ordered)
    assignment.update(clusterer.add_many(new))
    save_clusterer(store, clusterer, assignment)
    return assignment


def save_clusterer(store: Store, clusterer: OnlineClusterer, assignment: dict[str, str]) -> None:
    """Write the documents' stories and what changed of the clusterer: its stories (with
    their labels, counts and term index rows), document frequencies and numbers."""
    stories = clusterer.stories
    if isinstance(stories, StoredStories):
        changed = [stories.loaded[sid] for sid in sorted(stories.changed)]
    else:  # a clusterer held in memory (a new store, or one an earlier build wrote): all of it
        changed = list(stories.values())
    df_rows = []
    for prefix, df in (("w:", clusterer.df_words), ("e:", clusterer.df_ents)):
        keys = df.touched if isinstance(df, TrackedCounter) else df.keys()
        df_rows += [(prefix + t, df[t]) for t in sorted(keys)]
    terms = [(f"w:{t}", s.id) for s in changed for t in s.words]
    terms += [(f"e:{k}", s.id) for s in changed for k in s.ents]
    labels = {s.id: clusterer.label(s.id) for s in changed}
    with store.db.transaction():
        sql.set_document_stories(store, assignment)
        sql.save_story_states(store, [_row(s) for s in changed])
        sql.add_story_terms(store, terms)
        sql.save_story_df(store, df_rows)
        sql.save_stories(store, labels, recount=set(assignment.values()))
        sql.set_meta(store, sql.CLUSTERER_KEY, json.dumps(clusterer.scalars()))

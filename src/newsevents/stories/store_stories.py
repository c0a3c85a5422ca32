"""Give every stored document a storyline, continuing the store's own online clusterer.

The clusterer's state lives in the store, row by row (``store/stories.py``), so each
``ingest`` goes on from where the last one stopped (an article that arrives next month can
join this month's story) and its cost does not grow with the store: an update reads the
clusterer's few numbers and the mean embeddings of the stories that took an article last
(``EMB_WINDOW``, float32 rows of the narrow table ``story_centroids``); for each article it finds the candidate stories in the term index
(``story_terms``: of the stories holding one of its words or names, the latest
``PER_TERM``, indexed by ``seen``), loads only those stories and the document frequencies of
their terms and the article's, and writes back only the stories, frequencies and index rows
that changed, with the labels and counts of those stories.
A store written by an earlier build (the whole state as one JSON value) is read once and
saved row by row.
"""

from __future__ import annotations

import base64
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import Any

import numpy as np

from newsevents.store import Store, centroids
from newsevents.store import stories as sql
from newsevents.stories.ahead import text_key
from newsevents.stories.cluster import EMB_WINDOW, OnlineClusterer, StoryDoc, embed_text
from newsevents.stories.story import EmbeddingIndex, Story, Summary, TermIndex, latest, summary_of


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


class StoredCounts(TrackedCounter):
    """A store's document frequencies of one kind ("w:" words, "e:" names), read on demand.

    ``prefetch`` reads many at once and keeps a term the store lacks as 0, so that the
    clusterer's hot ``get`` stays the plain dict one: the clusterer prefetches the terms of
    an article and of its candidate stories before it weighs them (``df[term]`` of a term
    not read yet reads it alone)."""

    def __init__(self, store: Store, prefix: str) -> None:
        super().__init__()
        self.store, self.prefix = store, prefix

    def prefetch(self, terms: Iterable[str]) -> None:
        missing = {t for t in terms if not dict.__contains__(self, t)}
        if not missing:
            return
        n = len(self.prefix)
        found = {
            row["term"][n:]: row["n"]
            for row in sql.story_df(self.store, [self.prefix + t for t in missing])
        }
        for t in missing:
            dict.__setitem__(self, t, found.get(t, 0))

    def __missing__(self, key: str) -> int:
        self.prefetch([key])
        return dict.__getitem__(self, key)

    def update(self, iterable: Any = None, /, **kwds: Any) -> None:
        if iterable is not None:
            iterable = list(iterable)
            self.prefetch(iterable)
        super().update(iterable, **kwds)

    def complete(self) -> dict[str, int]:
        """Every frequency of the store, with this run's changes."""
        n = len(self.prefix)
        out = {
            r["term"][n:]: r["n"]
            for r in sql.story_df(self.store)
            if r["term"].startswith(self.prefix)
        }
        out.update(dict(self))
        return {t: v for t, v in out.items() if v}


class StoredStories(MutableMapping[str, Story]):
    """A store's stories by id, loaded on demand, and its term index (``postings``, as
    :class:`TermIndex`): the stories changed in this run are kept to be written back."""

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

    def weighted(
        self, terms: Iterable[str], per_term: int | None
    ) -> dict[str, list[tuple[str, float]]]:
        """As :meth:`TermIndex.weighted`: the stored postings merged with this run's."""
        terms = list(terms)
        stored = sql.latest_postings(self.store, terms, per_term or 10**9)
        out: dict[str, list[tuple[str, float]]] = {}
        for term in terms:
            post = {**stored.get(term, {}), **self._recent.entries(term)}
            if post:
                out[term] = latest(post, per_term)
        return out

    def postings(self, terms: Iterable[str], per_term: int | None) -> dict[str, list[str]]:
        found = self.weighted(terms, per_term)
        return {term: [sid for sid, _ in post] for term, post in found.items()}

    def summaries(self, story_ids: Iterable[str]) -> dict[str, Summary]:
        """As ``summary_of`` each story: this run's from memory, the others off their rows'
        summaries (one query, no centroids read)."""
        ids = list(story_ids)
        out = {sid: summary_of(self.loaded[sid]) for sid in ids if sid in self.loaded}
        for row in sql.story_summaries(self.store, [sid for sid in ids if sid not in out]):
            extra = json.loads(row["summary"]) if row["summary"] else {}
            out[row["id"]] = Summary(
                row["id"],
                row["size"],
                extra.get("first"),
                extra.get("last"),
                extra.get("wnorm"),
                extra.get("enorm"),
                row["seen"],
                row["emb"],
                _floats,
            )
        return out


def _floats(b64: str) -> np.ndarray:
    return centroids.decode_sum(b64)


# a story's fields kept in the summary column (read without the centroids), not in state
_SUMMARY = ("first", "last", "wnorm", "enorm")


def _story(row: dict[str, Any]) -> Story:
    state = json.loads(row["state"])
    if row.get("summary"):
        state.update(json.loads(row["summary"]))
    emb = None
    if row["emb"] is not None:
        emb = _floats(row["emb"]).tolist()
    return Story(id=row["id"], size=row["size"], emb=emb, **state)


def _row(story: Story) -> tuple[str, int, str, str | None, int, str]:
    fields = vars(story)
    state = {k: v for k, v in fields.items() if k not in ("id", "size", "emb", *_SUMMARY)}
    summary = {k: fields[k] for k in _SUMMARY}
    emb = None
    if story.emb is not None:
        emb = base64.b64encode(np.asarray(story.emb, dtype=np.float64).tobytes()).decode()
    return story.id, story.size, json.dumps(state), emb, story.seen, json.dumps(summary)


def _centroid_rows(stories: list[Story]) -> list[tuple[str, int, bytes]]:
    """story_centroids rows of the stories that have an embedding."""
    return [
        (s.id, s.seen, centroids.centroid_bytes(np.asarray(s.emb, dtype=np.float64), s.size))
        for s in stories
        if s.emb is not None and s.size
    ]


def load_clusterer(store: Store) -> OnlineClusterer | None:
    """The store's clusterer (None before its first storyline), its stories loaded on demand."""
    raw = sql.get_meta(store, sql.CLUSTERER_KEY)
    if not raw:
        return None
    state = json.loads(raw)
    if "stories" in state:  # the whole state in one value, written by an earlier build
        return OnlineClusterer.from_dict(state)
    df_words, df_ents = StoredCounts(store, "w:"), StoredCounts(store, "e:")
    rows = sql.story_centroids(store, latest=EMB_WINDOW)
    embeddings = EmbeddingIndex()
    if rows:  # the window's float32 rows as they are stored: one buffer, no decoding
        mat = np.frombuffer(b"".join(r["centroid"] for r in rows), dtype=np.float32)
        embeddings.put_many(
            [r["id"] for r in rows], mat.reshape(len(rows), -1), [r["seen"] for r in rows]
        )
    stories = StoredStories(store)
    return OnlineClusterer.from_parts(
        state, stories, df_words=df_words, df_ents=df_ents, terms=stories, embeddings=embeddings
    )


def update_stories(
    store: Store,
    clusterer: OnlineClusterer | None = None,
    vectors: Mapping[bytes, np.ndarray] | None = None,
) -> dict[str, str]:
    """Assign a story to every document without one; returns doc id -> story id.

    ``clusterer`` is used only when the store has no saved state yet (a new store); the
    saved state always wins so story ids stay stable across runs. ``vectors`` holds
    embeddings computed ahead (``stories.ahead``: digest of the exact text embedded -> unit
    vector); a document whose text has none is embedded here.
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
    if vectors:
        for doc in new:
            doc.embedding = vectors.get(text_key(embed_text(doc.title, doc.text)))
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
    terms = [(f"w:{t}", s.id, s.seen, v) for s in changed for t, v in s.words.items()]
    terms += [(f"e:{k}", s.id, s.seen, v) for s in changed for k, v in s.ents.items()]
    clusterer.prefetch_terms(changed)  # the labels weigh their terms
    labels = {s.id: clusterer.label(s.id) for s in changed}
    with store.db.transaction():
        sql.set_document_stories(store, assignment)
        sql.save_story_states(store, [_row(s) for s in changed])
        centroids.save_story_centroids(store, _centroid_rows(changed))
        sql.add_story_terms(store, terms)
        sql.save_story_df(store, df_rows)
        sql.save_stories(store, labels, recount=set(assignment.values()))
        sql.set_meta(store, sql.CLUSTERER_KEY, json.dumps(clusterer.scalars()))

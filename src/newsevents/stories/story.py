"""The state of one story and the in-memory indexes the clusterer searches stories with."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date

import numpy as np

MAX_TERMS = 300  # centroid truncation: a story is its 300 heaviest words / entities


@dataclass
class Story:
    """Running centroids of a story's articles (vectors are sums of unit article vectors)."""

    id: str
    size: int = 0
    words: dict[str, float] = field(default_factory=dict)
    ents: dict[str, float] = field(default_factory=dict)
    ent_docs: dict[str, int] = field(default_factory=dict)  # articles naming each entity
    names: dict[str, str] = field(default_factory=dict)  # entity key -> a surface form
    emb: list[float] | None = None  # sum of article embeddings
    first: str | None = None  # earliest and latest article dates, ISO
    last: str | None = None
    docs: list[str] = field(default_factory=list)
    seen: int = 0  # the clusterer's article count when this story last took an article


def day_number(iso: str | None) -> int | None:
    """Proleptic ordinal of an ISO date (longer ISO strings are cut to the day)."""
    if not iso:
        return None
    try:
        return Date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def truncate(vec: dict[str, float], n: int = MAX_TERMS) -> dict[str, float]:
    if len(vec) <= n:
        return vec
    return dict(sorted(vec.items(), key=lambda kv: -kv[1])[:n])


class TermIndex:
    """Inverted index: word or entity -> stories whose centroid holds it (candidate search),
    each posting with the story's ``seen`` when it last took the term."""

    def __init__(self) -> None:
        self._post: defaultdict[str, dict[str, int]] = defaultdict(dict)

    def add(self, story: Story) -> None:
        for t in story.words:
            self._post["w:" + t][story.id] = story.seen
        for k in story.ents:
            self._post["e:" + k][story.id] = story.seen

    def lookup(self, words: Iterable[str], ents: Iterable[str]) -> set[str]:
        terms = [f"w:{t}" for t in words] + [f"e:{k}" for k in ents]
        return {sid for found in self.postings(terms, None).values() for sid in found}

    def seen(self, term: str) -> dict[str, int]:
        """Story id -> seen of the stories holding ``term``."""
        return dict(self._post.get(term, {}))

    def postings(self, terms: Iterable[str], per_term: int | None) -> dict[str, list[str]]:
        """Term ("w:word", "e:key") -> the stories holding it, at most ``per_term`` of them:
        those that took it last."""
        out: dict[str, list[str]] = {}
        for term in terms:
            post = self._post.get(term)
            if not post:
                continue
            if per_term is not None and len(post) > per_term:
                out[term] = [sid for sid, _ in heapq.nlargest(per_term, post.items(), key=_by_seen)]
            else:
                out[term] = list(post)
        return out


def _by_seen(item: tuple[str, int]) -> tuple[int, str]:
    return item[1], item[0]


class EmbeddingIndex:
    """Story centroid embeddings as one matrix, for a vectorised cosine against the stories
    that took an article last (``nearest``) and against any chosen ones (``centroid``)."""

    def __init__(self, dim: int = 384) -> None:
        self._mat = np.zeros((16, dim), dtype=np.float32)
        self._seen = np.zeros(16, dtype=np.int64)
        self._row: dict[str, int] = {}
        self.ids: list[str] = []

    def set(self, story: Story) -> None:
        if story.emb is None or not story.size:
            return
        self.put(story.id, np.asarray(story.emb, dtype=np.float32) / story.size, story.seen)

    def put(self, story_id: str, centroid: np.ndarray, seen: int = 0) -> None:
        """Set one story's centroid embedding (the sum of its articles' over their number)."""
        row = self._row.get(story_id)
        if row is None:
            row = len(self.ids)
            if row == len(self._mat):  # grow by doubling: amortised O(1) per story
                self._mat = np.vstack([self._mat, np.zeros_like(self._mat)])
                self._seen = np.concatenate([self._seen, np.zeros_like(self._seen)])
            self._row[story_id] = row
            self.ids.append(story_id)
        self._mat[row] = centroid
        self._seen[row] = seen

    def centroid(self, story_id: str) -> np.ndarray | None:
        row = self._row.get(story_id)
        return None if row is None else self._mat[row]

    def nearest(
        self, emb: np.ndarray, background: np.ndarray | None, n: int, window: int | None
    ) -> list[str]:
        """The ``n`` stories of highest cosine with ``emb``, among the ``window`` that took
        an article last (all without a window)."""
        rows = np.arange(len(self.ids))
        if window is not None and len(rows) > window:
            seen = self._seen[rows]
            rows = np.sort(np.argpartition(-seen, window - 1)[:window])
        if not len(rows):
            return []
        cos = cosines(self._mat[rows], emb, background)
        return [self.ids[rows[i]] for i in np.argsort(-cos, kind="stable")[:n]]

    def cosines(self, emb: np.ndarray, background: np.ndarray | None) -> np.ndarray:
        """Cosine of ``emb`` with every story centroid, both minus ``background``."""
        return cosines(self._mat[: len(self.ids)], emb, background)


def cosines(mat: np.ndarray, emb: np.ndarray, background: np.ndarray | None) -> np.ndarray:
    """Cosine of ``emb`` with each row of ``mat`` (float32), both minus ``background``."""
    a = emb.astype(np.float32)
    if background is not None:
        mu = background.astype(np.float32)
        mat, a = mat - mu, a - mu
    norms = np.linalg.norm(mat, axis=1) * float(np.linalg.norm(a))
    with np.errstate(invalid="ignore", divide="ignore"):
        cos = (mat @ a) / norms
    return np.nan_to_num(cos, nan=0.0, posinf=0.0, neginf=0.0)

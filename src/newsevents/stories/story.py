"""The state of one story and the in-memory indexes the clusterer searches stories with."""

from __future__ import annotations

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
    """Inverted index: word or entity -> stories whose centroid holds it (candidate search)."""

    def __init__(self) -> None:
        self._post: defaultdict[str, set[str]] = defaultdict(set)

    def add(self, story: Story) -> None:
        for t in story.words:
            self._post["w:" + t].add(story.id)
        for k in story.ents:
            self._post["e:" + k].add(story.id)

    def lookup(self, words: Iterable[str], ents: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for t in words:
            out |= self._post.get("w:" + t, set())
        for k in ents:
            out |= self._post.get("e:" + k, set())
        return out


class EmbeddingIndex:
    """Story centroid embeddings as one matrix, for a vectorised cosine against all stories."""

    def __init__(self, dim: int = 384) -> None:
        self._mat = np.zeros((16, dim), dtype=np.float32)
        self._row: dict[str, int] = {}
        self.ids: list[str] = []

    def set(self, story: Story) -> None:
        if story.emb is None or not story.size:
            return
        self.put(story.id, np.asarray(story.emb, dtype=np.float32) / story.size)

    def put(self, story_id: str, centroid: np.ndarray) -> None:
        """Set one story's centroid embedding (the sum of its articles' over their number)."""
        row = self._row.get(story_id)
        if row is None:
            row = len(self.ids)
            if row == len(self._mat):  # grow by doubling: amortised O(1) per story
                self._mat = np.vstack([self._mat, np.zeros_like(self._mat)])
            self._row[story_id] = row
            self.ids.append(story_id)
        self._mat[row] = centroid

    def cosines(self, emb: np.ndarray, background: np.ndarray | None) -> np.ndarray:
        """Cosine of ``emb`` with every story centroid, both minus ``background``."""
        mat = self._mat[: len(self.ids)]
        a = emb.astype(np.float32)
        if background is not None:
            mu = background.astype(np.float32)
            mat, a = mat - mu, a - mu
        norms = np.linalg.norm(mat, axis=1) * float(np.linalg.norm(a))
        with np.errstate(invalid="ignore", divide="ignore"):
            cos = (mat @ a) / norms
        return np.nan_to_num(cos, nan=0.0, posinf=0.0, neginf=0.0)

"""The state of one story and the in-memory indexes the clusterer searches stories with."""

from __future__ import annotations

import functools
import heapq
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

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
    # sums over the words' (entities') centroid of v^2, v^2 L and v^2 L^2, L = log(df + 1)
    # when the story last took an article: its idf-weighted norm without reading every
    # term's frequency again (``approx_norm``); None in a state written before them
    wnorm: list[float] | None = None
    enorm: list[float] | None = None


@dataclass
class Summary:
    """What the shortlist of an article's candidate stories needs of each: no centroids."""

    id: str
    size: int
    first: str | None
    last: str | None
    wnorm: list[float] | None
    enorm: list[float] | None
    seen: int = 0
    # the summed embedding as held (a list) or as stored; decoded by ``decode`` on first use
    # (most candidates' embeddings are in the clusterer's index already)
    emb_sum: Any = None
    decode: Callable[[Any], np.ndarray] | None = None

    @functools.cached_property
    def emb(self) -> np.ndarray | None:
        """The centroid embedding (float32)."""
        if self.emb_sum is None or not self.size:
            return None
        summed = self.decode(self.emb_sum) if self.decode else np.asarray(self.emb_sum)
        return summed.astype(np.float32) / self.size


def summary_of(story: Story) -> Summary:
    return Summary(
        story.id, story.size, story.first, story.last, story.wnorm, story.enorm, story.seen,
        story.emb,
    )  # fmt: skip


def norm_parts(vec: dict[str, float], logs: dict[str, float]) -> list[float]:
    """``[sum v^2, sum v^2 L, sum v^2 L^2]`` of a centroid, ``logs`` its terms' L."""
    s0 = s1 = s2 = 0.0
    for t, v in vec.items():
        v2, lg = v * v, logs[t]
        s0 += v2
        s1 += v2 * lg
        s2 += v2 * lg * lg
    return [s0, s1, s2]


def approx_norm(parts: list[float], base: float) -> float:
    """The norm of a centroid weighted by idf ``base - L``, with each term's L as it was
    when ``parts`` were summed (``norm_parts``): sum v^2 (base - L)^2, expanded."""
    s0, s1, s2 = parts
    return math.sqrt(max(base * base * s0 - 2.0 * base * s1 + s2, 0.0))


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
    each posting with the story's ``seen`` when it last took the term and the term's weight
    in the story's centroid then."""

    def __init__(self) -> None:
        self._post: defaultdict[str, dict[str, tuple[int, float]]] = defaultdict(dict)

    def add(self, story: Story) -> None:
        for t, v in story.words.items():
            self._post["w:" + t][story.id] = (story.seen, v)
        for k, v in story.ents.items():
            self._post["e:" + k][story.id] = (story.seen, v)

    def lookup(self, words: Iterable[str], ents: Iterable[str]) -> set[str]:
        terms = [f"w:{t}" for t in words] + [f"e:{k}" for k in ents]
        return {sid for found in self.postings(terms, None).values() for sid in found}

    def entries(self, term: str) -> dict[str, tuple[int, float]]:
        """Story id -> (seen, weight) of the stories holding ``term``."""
        return dict(self._post.get(term, {}))

    def postings(self, terms: Iterable[str], per_term: int | None) -> dict[str, list[str]]:
        """Term ("w:word", "e:key") -> the stories holding it, at most ``per_term`` of them:
        those that took it last."""
        found = self.weighted(terms, per_term)
        return {term: [sid for sid, _ in post] for term, post in found.items()}

    def weighted(
        self, terms: Iterable[str], per_term: int | None
    ) -> dict[str, list[tuple[str, float]]]:
        """As :meth:`postings`, each story with the term's weight in its centroid."""
        out: dict[str, list[tuple[str, float]]] = {}
        for term in terms:
            post = self._post.get(term)
            if post:
                out[term] = latest(post, per_term)
        return out


def latest(
    post: dict[str, tuple[int, float]], per_term: int | None
) -> list[tuple[str, float]]:
    """(story id, weight) of the ``per_term`` postings of highest (seen, story id)."""
    items = post.items()
    if per_term is not None and len(post) > per_term:
        items = heapq.nlargest(per_term, items, key=_by_seen)
    return [(sid, w) for sid, (_, w) in items]


def _by_seen(item: tuple[str, tuple[int, float]]) -> tuple[int, str]:
    return item[1][0], item[0]


class EmbeddingIndex:
    """Story centroid embeddings as one matrix, for a vectorised cosine against the stories
    that took an article last (``nearest``) and against any chosen ones (``centroid``)."""

    def __init__(self, dim: int = 384) -> None:
        self._mat = np.zeros((16, dim), dtype=np.float32)
        self._seen = np.zeros(16, dtype=np.int64)
        self._sq = np.zeros(16, dtype=np.float32)  # each row's m . m
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
                self._sq = np.concatenate([self._sq, np.zeros_like(self._sq)])
            self._row[story_id] = row
            self.ids.append(story_id)
        self._mat[row] = centroid
        self._seen[row] = seen
        self._sq[row : row + 1] = _row_squares(self._mat[row : row + 1])

    def put_many(self, story_ids: list[str], centroids: np.ndarray, seen: list[int]) -> None:
        """``put`` for many new stories at once (a store's window of them)."""
        new = [sid for sid in story_ids if sid not in self._row]
        if len(new) != len(story_ids) or len(set(new)) != len(new):
            for sid, c, n in zip(story_ids, centroids, seen, strict=True):
                self.put(sid, c, n)
            return
        start, end = len(self.ids), len(self.ids) + len(new)
        if end > len(self._mat):
            grow = max(end, 2 * len(self._mat)) - len(self._mat)
            self._mat = np.vstack([self._mat, np.zeros((grow, self._mat.shape[1]), np.float32)])
            self._seen = np.concatenate([self._seen, np.zeros(grow, dtype=np.int64)])
            self._sq = np.concatenate([self._sq, np.zeros(grow, dtype=np.float32)])
        self._mat[start:end] = centroids
        self._seen[start:end] = seen
        self._sq[start:end] = _row_squares(self._mat[start:end])
        for k, sid in enumerate(new):
            self._row[sid] = start + k
        self.ids.extend(new)

    def centroid(self, story_id: str) -> np.ndarray | None:
        row = self._row.get(story_id)
        return None if row is None else self._mat[row]

    def nearest(
        self, emb: np.ndarray, background: np.ndarray | None, n: int, window: int | None
    ) -> list[str]:
        """The ``n`` stories of highest cosine with ``emb``, among the ``window`` that took
        an article last (all without a window). Two products with the matrix and no copy of
        it (``(m - b) . (a - b) = m . (a - b) - b . (a - b)``, its norm from ``m . m``, ``m . b``
        and ``b . b``): this runs over thousands of stories for every article."""
        size = len(self.ids)
        if not size:
            return []
        mat, sq = self._mat[:size], self._sq[:size]
        rows = None
        if window is not None and size > window:
            rows = np.sort(np.argpartition(-self._seen[:size], window - 1)[:window])
            mat, sq = mat[rows], sq[rows]
        a = emb.astype(np.float32)
        b = np.zeros_like(a) if background is None else background.astype(np.float32)
        d = a - b
        dot = _matvec(mat, d) - float(b @ d)
        norm2 = sq - 2.0 * _matvec(mat, b) + float(b @ b)
        with np.errstate(invalid="ignore", divide="ignore"):
            cos = dot / np.sqrt(np.maximum(norm2, 0.0) * float(d @ d))
        cos = np.nan_to_num(cos, nan=0.0, posinf=0.0, neginf=0.0)
        best = np.argsort(-cos, kind="stable")[:n]
        return [self.ids[i if rows is None else rows[i]] for i in best]

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
        cos = _matvec(mat, a) / norms
    return np.nan_to_num(cos, nan=0.0, posinf=0.0, neginf=0.0)


def _row_squares(mat: np.ndarray) -> np.ndarray:
    """Each row's ``m . m``, the same whether rows come one at a time or many."""
    return np.einsum("ij,ij->i", mat, mat)


def _matvec(mat: np.ndarray, vec: np.ndarray) -> np.ndarray:
    """``mat @ vec`` in numpy's own loop: BLAS splits a product this size over threads,
    which on a busy machine cost 5 ms of CPU where this takes 0.1 (2,000 x 384)."""
    return np.einsum("ij,j->i", mat, vec)

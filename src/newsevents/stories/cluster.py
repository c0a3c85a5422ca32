"""Online storyline clustering: each new article joins the most similar story or starts one.

A story keeps running centroids of what its articles say — content words, entities and
(optionally) sentence embeddings — and the dates it spans. An article's similarity to a
story is a weighted mean of three cosines (words and entities weighted by idf over all
articles seen so far, embeddings as they are), damped by how far the article's date is from
the story's date range. This is single-pass clustering as in the TDT "first story
detection" work: no article is ever moved, so a store can keep adding for years.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

import numpy as np

from newsevents.stories import features as F

STATE_VERSION = 1
# Feature weights of the default (combined) clusterer; see docs/stories.md for the bench.
DEFAULT_WEIGHTS = {"words": 1.0, "entities": 1.0, "embedding": 1.0}
DEFAULT_THRESHOLD = 0.3
_MAX_TERMS = 300  # centroid truncation: a story is its 300 heaviest words/entities
_EMBED_CHARS = 3000  # the model reads 256 word pieces; no need to tokenize more text


@dataclass
class StoryDoc:
    """One article as the clusterer sees it."""

    id: str
    title: str | None
    text: str
    date: str | None = None  # ISO YYYY-MM-DD (longer ISO strings are cut to the day)
    entities: list[str] = field(default_factory=list)  # actor, country and place names
    embedding: np.ndarray | None = None  # unit vector; computed on demand when None


@dataclass
class _Story:
    id: str
    size: int = 0
    words: dict[str, float] = field(default_factory=dict)  # sum of article tf vectors
    ents: dict[str, float] = field(default_factory=dict)
    ent_docs: dict[str, int] = field(default_factory=dict)  # articles naming each entity
    names: dict[str, str] = field(default_factory=dict)  # entity key -> a surface form
    emb: list[float] | None = None  # sum of article embeddings
    first: str | None = None
    last: str | None = None
    docs: list[str] = field(default_factory=list)


def _day(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return Date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def _truncate(vec: dict[str, float], n: int = _MAX_TERMS) -> dict[str, float]:
    if len(vec) <= n:
        return vec
    return dict(sorted(vec.items(), key=lambda kv: -kv[1])[:n])


def embed_docs(docs: Sequence[StoryDoc]) -> None:
    """Fill in missing embeddings, in batches (title + lead: the model reads 256 pieces)."""
    todo = [d for d in docs if d.embedding is None]
    if not todo:
        return
    from newsevents.stories.embed import embed

    texts = [f"{d.title or ''}\n{d.text[:_EMBED_CHARS]}".strip() for d in todo]
    for d, v in zip(todo, embed(texts), strict=True):
        d.embedding = v


class OnlineClusterer:
    """Single-pass story clusterer with saveable state (``to_dict`` / ``from_dict``).

    ``weights`` maps feature names (``words``, ``entities``, ``embedding``) to weights; a
    feature with weight 0 is not computed (no embedding model is loaded without
    ``embedding``). ``tau_days`` is the time scale of the date damping and ``time_floor``
    the least it damps: a story a year old can still grow when its names match.
    """

    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        weights: dict[str, float] | None = None,
        tau_days: float = 30.0,
        time_floor: float = 0.5,
    ) -> None:
        self.threshold = threshold
        self.weights = dict(DEFAULT_WEIGHTS if weights is None else weights)
        self.tau_days = tau_days
        self.time_floor = time_floor
        self.n_docs = 0
        self.df_words: Counter[str] = Counter()
        self.df_ents: Counter[str] = Counter()
        self.stories: dict[str, _Story] = {}
        self._next = 1
        self.last_score = 0.0  # score of the last add() against the story it chose

    @property
    def uses_embeddings(self) -> bool:
        return self.weights.get("embedding", 0.0) > 0

    # -- similarity -------------------------------------------------------------------
    def _idf(self, df: Counter[str], term: str) -> float:
        return math.log((self.n_docs + 1) / (df.get(term, 0) + 1)) + 1.0

    def _cos(self, a: dict[str, float], b: dict[str, float], df: Counter[str]) -> float:
        if not a or not b:
            return 0.0
        if len(a) > len(b):
            a, b = b, a
        idf = {t: self._idf(df, t) for t in a}
        dot = sum(v * idf[t] * b[t] * idf[t] for t, v in a.items() if t in b)
        if dot == 0.0:
            return 0.0
        na = math.sqrt(sum((v * idf[t]) ** 2 for t, v in a.items()))
        nb = math.sqrt(sum((v * self._idf(df, t)) ** 2 for t, v in b.items()))
        return dot / (na * nb)

    def _time_weight(self, day: int | None, story: _Story) -> float:
        first, last = _day(story.first), _day(story.last)
        if day is None or first is None or last is None:
            return 1.0  # no evidence against
        gap = max(0, first - day, day - last)
        return self.time_floor + (1 - self.time_floor) * math.exp(-gap / self.tau_days)

    def _score(
        self,
        story: _Story,
        wv: dict[str, float],
        ev: dict[str, float],
        emb: np.ndarray | None,
        day: int | None,
    ) -> float:
        total = weight = 0.0
        w = self.weights
        if w.get("words", 0) > 0 and wv and story.words:
            total += w["words"] * self._cos(wv, story.words, self.df_words)
            weight += w["words"]
        if w.get("entities", 0) > 0 and ev and story.ents:
            total += w["entities"] * self._cos(ev, story.ents, self.df_ents)
            weight += w["entities"]
        if self.uses_embeddings and emb is not None and story.emb is not None:
            centroid = np.asarray(story.emb, dtype=np.float32)
            norm = float(np.linalg.norm(centroid))
            if norm > 0 and float(np.linalg.norm(emb)) > 0:
                total += w["embedding"] * float(emb @ centroid) / norm
                weight += w["embedding"]
        if weight == 0:
            return 0.0
        return total / weight * self._time_weight(day, story)

    # -- adding -----------------------------------------------------------------------
    def best(self, doc: StoryDoc) -> tuple[str | None, float]:
        """The most similar existing story and its score, without adding the article."""
        if self.uses_embeddings:
            embed_docs([doc])
        wv = F.word_vector(doc.title, doc.text)
        ev = F.entity_vector(doc.entities)
        return self._best(wv, ev, doc.embedding, _day(doc.date))

    def _best(self, wv, ev, emb, day) -> tuple[str | None, float]:
        best_id, best = None, 0.0
        for sid, story in self.stories.items():
            s = self._score(story, wv, ev, emb, day)
            if s > best:
                best_id, best = sid, s
        return best_id, best

    def add(self, doc: StoryDoc) -> str:
        """Assign one article to a story (an existing one, or a new one); returns its id."""
        if self.uses_embeddings:
            embed_docs([doc])
        wv = F.word_vector(doc.title, doc.text)
        ev = F.entity_vector(doc.entities)
        # the article counts in the idf it is compared with (so n_docs >= 1)
        self.n_docs += 1
        self.df_words.update(wv.keys())
        self.df_ents.update(ev.keys())
        sid, score = self._best(wv, ev, doc.embedding, _day(doc.date))
        self.last_score = score
        if sid is None or score < self.threshold:
            sid = f"story-{self._next}"
            self._next += 1
            self.stories[sid] = _Story(id=sid)
        self._join(self.stories[sid], doc, wv, ev)
        return sid

    def _join(self, story: _Story, doc: StoryDoc, wv: dict, ev: dict) -> None:
        story.size += 1
        story.docs.append(doc.id)
        # each article adds its unit-length vector, so long articles don't dominate
        for vec, acc in ((wv, story.words), (ev, story.ents)):
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            for t, v in vec.items():
                acc[t] = acc.get(t, 0.0) + v / norm
        story.words = _truncate(story.words)
        story.ents = _truncate(story.ents)
        for name in doc.entities:
            key = F.entity_key(name)
            if key in story.ents and key not in story.names:
                story.names[key] = name.strip()
        for key in ev:
            story.ent_docs[key] = story.ent_docs.get(key, 0) + 1
        story.ent_docs = {k: n for k, n in story.ent_docs.items() if k in story.ents}
        story.names = {k: n for k, n in story.names.items() if k in story.ents}
        if doc.embedding is not None and self.uses_embeddings:
            e = np.asarray(doc.embedding, dtype=np.float32)
            story.emb = (e if story.emb is None else np.asarray(story.emb) + e).tolist()
        day = doc.date[:10] if _day(doc.date) is not None else None
        if day:
            story.first = min(story.first or day, day)
            story.last = max(story.last or day, day)

    def add_many(self, docs: Iterable[StoryDoc]) -> dict[str, str]:
        """Add articles in the given order (batching their embeddings); doc id -> story id."""
        docs = list(docs)
        if self.uses_embeddings:
            embed_docs(docs)
        return {d.id: self.add(d) for d in docs}

    # -- reading ----------------------------------------------------------------------
    def label(self, story_id: str, n: int = 3) -> str:
        """A short name for a story: its most typical, most specific entities."""
        story = self.stories[story_id]
        ranked = sorted(
            story.ent_docs,
            key=lambda k: -(story.ent_docs[k] / story.size) * self._idf(self.df_ents, k),
        )
        names = _dedupe([story.names.get(k, k) for k in ranked])[:n]
        if len(names) < n:
            top = sorted(story.words, key=lambda t: -story.words[t] * self._idf(self.df_words, t))
            names += [t for t in top if t not in {x.lower() for x in names}][: n - len(names)]
        return ", ".join(names)

    # -- persistence ------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable state; ``from_dict`` restores a clusterer that goes on adding."""
        return {
            "version": STATE_VERSION,
            "params": {
                "threshold": self.threshold,
                "weights": self.weights,
                "tau_days": self.tau_days,
                "time_floor": self.time_floor,
            },
            "n_docs": self.n_docs,
            "next": self._next,
            "df_words": dict(self.df_words),
            "df_ents": dict(self.df_ents),
            "stories": [
                {
                    **{k: v for k, v in vars(s).items() if k != "emb"},
                    "emb": None if s.emb is None else [round(x, 6) for x in s.emb],
                }
                for s in self.stories.values()
            ],
        }

    @classmethod
    def from_dict(cls, state: dict[str, Any]) -> OnlineClusterer:
        self = cls(**state["params"])
        self.n_docs = state["n_docs"]
        self._next = state["next"]
        self.df_words = Counter(state["df_words"])
        self.df_ents = Counter(state["df_ents"])
        self.stories = {s["id"]: _Story(**s) for s in state["stories"]}
        return self


def _dedupe(names: list[str]) -> list[str]:
    """Drop a name contained in an earlier one ('Kopp' after 'James Charles Kopp')."""
    out: list[str] = []
    for name in names:
        low = name.lower()
        if not any(low in o.lower() or o.lower() in low for o in out):
            out.append(name)
    return out


def cluster(docs: Iterable[StoryDoc], clusterer: OnlineClusterer | None = None) -> dict[str, str]:
    """Cluster articles into stories, oldest first (as they would have arrived)."""
    clusterer = clusterer or OnlineClusterer()
    ordered = sorted(docs, key=lambda d: (d.date or "9999", d.id))
    return clusterer.add_many(ordered)


def story_label(docs: Sequence[StoryDoc], n: int = 3) -> str:
    """A short name for a group of articles, from the entities most of them name."""
    c = OnlineClusterer(threshold=-1.0, weights={"words": 1.0, "entities": 1.0})
    for d in docs:
        c.add(d)
    (sid,) = c.stories
    return c.label(sid, n)

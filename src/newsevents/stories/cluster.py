"""Online storyline clustering: each new article joins the most similar story or starts one.

A story keeps running centroids of what its articles say — content words, entities and
(optionally) sentence embeddings — and the dates it spans. An article's similarity to a
story is a weighted mean of three cosines (words and entities weighted by idf over all
articles seen so far, embeddings after removing the mean "news" direction), damped by how
far the article's date is from the story's date range. This is single-pass clustering as in the TDT "first story
detection" work: no article is ever moved, so a store can keep adding for years.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsevents.stories import features as F
from newsevents.stories.story import (
    EmbeddingIndex,
    Story,
    Summary,
    TermIndex,
    approx_norm,
    cosines,
    day_number,
    norm_parts,
    summary_of,
    truncate,
)

STATE_VERSION = 1
# Feature weights and threshold of the default (combined) clusterer; see docs/stories.md.
DEFAULT_WEIGHTS = {"words": 1.0, "entities": 1.0, "embedding": 1.0}
DEFAULT_THRESHOLD = 0.25
_EMBED_CHARS = 3000  # the model reads 256 word pieces; no need to tokenize more text
_EMB_PRIOR = 10  # articles' worth of zero vector in the background mean (shrinkage)
# Candidate stories: those sharing one of the article's most specific words or entities,
# plus the nearest by embedding. A story sharing none of them cannot score high on words.
_TOP_WORDS, _TOP_ENTS, _TOP_EMB = 30, 20, 5
# Bounds that keep an article's cost flat as a store grows (docs/scale.md): of the stories
# holding a term, the PER_TERM that took it last; of all those, the MAX_CANDIDATES sharing the
# most weight of the article's terms; the nearest by embedding among the EMB_WINDOW stories
# that took an article last. Smaller collections than these never meet a bound.
PER_TERM, MAX_CANDIDATES, EMB_WINDOW = 50, 100, 2000
# Of the candidates, only the SHORTLIST of highest estimated score (``_shortlist``: their
# frequencies as they were when each story last changed) are loaded and scored exactly.
SHORTLIST = 10


@dataclass
class StoryDoc:
    """One article as the clusterer sees it."""

    id: str
    title: str | None
    text: str
    date: str | None = None  # ISO YYYY-MM-DD (longer ISO strings are cut to the day)
    entities: list[str] = field(default_factory=list)  # actor, country and place names
    embedding: np.ndarray | None = None  # unit vector; computed on demand when None


def embed_text(title: str | None, text: str) -> str:
    """What an article's embedding is computed from: title and lead (the model reads 256
    word pieces)."""
    return f"{title or ''}\n{text[:_EMBED_CHARS]}".strip()


def embed_docs(docs: Sequence[StoryDoc]) -> None:
    """Fill in missing embeddings, in batches (title + lead: the model reads 256 pieces)."""
    todo = [d for d in docs if d.embedding is None]
    if not todo:
        return
    from newsevents.stories.embed import embed

    texts = [embed_text(d.title, d.text) for d in todo]
    for d, v in zip(todo, embed(texts), strict=True):
        d.embedding = v


class OnlineClusterer:
    """Single-pass story clusterer with saveable state (``to_dict`` / ``from_dict``).

    ``weights`` maps feature names (``words``, ``entities``, ``embedding``) to weights; a
    feature with weight 0 is not computed (no embedding model is loaded without
    ``embedding``). ``tau_days`` is the time scale of the date damping (it grows with a
    story's lifetime) and ``time_floor`` the least it damps: a story a year old can still
    grow when its names match.
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
        self.stories: MutableMapping[str, Story] = {}
        self.emb_sum: np.ndarray | None = None  # sum of every article embedding seen
        self.n_emb = 0
        self._next = 1
        self._terms = TermIndex()
        self._embs = EmbeddingIndex()
        self.last_score = 0.0  # score of the last add() against the story it chose

    @property
    def uses_embeddings(self) -> bool:
        return self.weights.get("embedding", 0.0) > 0

    # -- similarity -------------------------------------------------------------------
    def _idf(self, df: Counter[str], term: str) -> float:
        return math.log((self.n_docs + 1) / (df.get(term, 0) + 1)) + 1.0

    def _idfs(self, df: Counter[str], terms: Iterable[str]) -> dict[str, float]:
        """idf of many terms at once (the hot loop: one log per distinct df value)."""
        base = math.log(self.n_docs + 1) + 1.0
        logs: dict[int, float] = {}
        out = {}
        get = df.get
        for t in terms:
            n = get(t, 0)
            lg = logs.get(n)
            if lg is None:
                lg = logs[n] = math.log(n + 1)
            out[t] = base - lg
        return out

    def _logs(self, df: Counter[str], terms: Iterable[str]) -> dict[str, float]:
        """log(df + 1) of each term: its idf is log(n_docs + 1) + 1 minus that."""
        get = df.get
        return {t: math.log(get(t, 0) + 1) for t in terms}

    def _weigh(self, vec: dict[str, float], df: Counter[str]) -> tuple[dict[str, float], float]:
        """A term vector times idf, and its norm."""
        idf = self._idfs(df, vec)
        out = {t: v * idf[t] for t, v in vec.items()}
        return out, math.sqrt(sum(v * v for v in out.values()))

    def _cos(self, doc: tuple[dict[str, float], float], b: dict, df: Counter[str]) -> float:
        """Cosine of an idf-weighted article vector (from ``_weigh``) and a story centroid."""
        a, na = doc
        if not a or not b or na == 0:
            return 0.0
        shared = [t for t in a if t in b]
        if not shared:
            return 0.0
        idf = self._idfs(df, b)
        dot = sum(a[t] * b[t] * idf[t] for t in shared)
        nb = math.sqrt(sum((v * idf[t]) ** 2 for t, v in b.items()))
        return dot / (na * nb)

    def _background(self) -> np.ndarray | None:
        """The mean article embedding, shrunk towards zero while few have been seen.

        Every news text shares a 'news' direction (unrelated articles have cosines of
        0.3-0.5), so cosines are taken after removing it; shrinking keeps a handful of
        articles from cancelling themselves out."""
        if self.emb_sum is None or not self.n_emb:
            return None
        return self.emb_sum / (self.n_emb + _EMB_PRIOR)

    def _time_weight(self, day: int | None, story: Story | Summary) -> float:
        first, last = day_number(story.first), day_number(story.last)
        if day is None or first is None or last is None:
            return 1.0  # no evidence against
        gap = max(0, first - day, day - last)
        # a story that has run for months can go quiet for weeks: the time scale grows
        # with the story's lifetime
        tau = self.tau_days + (last - first)
        return self.time_floor + (1 - self.time_floor) * math.exp(-gap / tau)

    def _score(self, story: Story, wv: tuple, ev: tuple, emb_cos: float | None, day) -> float:
        total = weight = 0.0
        w = self.weights
        if w.get("words", 0) > 0 and wv[0] and story.words:
            total += w["words"] * self._cos(wv, story.words, self.df_words)
            weight += w["words"]
        if w.get("entities", 0) > 0 and ev[0] and story.ents:
            total += w["entities"] * self._cos(ev, story.ents, self.df_ents)
            weight += w["entities"]
        if self.uses_embeddings and emb_cos is not None:
            total += w["embedding"] * emb_cos
            weight += w["embedding"]
        if weight == 0:
            return 0.0
        return total / weight * self._time_weight(day, story)

    def _best(self, wv, ev, emb, day) -> tuple[str | None, float]:
        top_w = sorted(wv, key=lambda t: -wv[t] * self._idf(self.df_words, t))[:_TOP_WORDS]
        top_e = sorted(ev, key=lambda k: -ev[k] * self._idf(self.df_ents, k))[:_TOP_ENTS]
        wv, ev = self._weigh(wv, self.df_words), self._weigh(ev, self.df_ents)
        dots = self._candidates(top_w, top_e, wv, ev)
        candidates = set(dots)
        use_emb = self.uses_embeddings and emb is not None and emb.any()
        background = self._background() if use_emb else None
        if use_emb:
            candidates.update(self._embs.nearest(emb, background, _TOP_EMB, EMB_WINDOW))
        ordered = sorted(candidates)  # sorted: ties break the same way after a restore
        emb_cos: dict[str, float] = {}
        summaries = None
        if use_emb or len(ordered) > SHORTLIST:
            summaries = self._summaries(ordered)
        if use_emb:
            with_emb = [(sid, self._centroid(sid, summaries)) for sid in ordered]
            with_emb = [(sid, c) for sid, c in with_emb if c is not None]
            if with_emb:
                mat = np.stack([c for _, c in with_emb])
                cos = cosines(mat, emb, background).tolist()
                emb_cos = {sid: c for (sid, _), c in zip(with_emb, cos, strict=True)}
        if len(ordered) > SHORTLIST:
            estimate = self._estimates(ordered, summaries, dots, wv, ev, emb_cos, day)
            ranked = sorted(ordered, key=lambda sid: (-estimate[sid], sid))
            ordered = sorted(ranked[:SHORTLIST])
        prefetch = getattr(self.stories, "prefetch", None)
        if prefetch is not None:  # a store's stories: load the shortlist in one query
            prefetch(ordered)
        self.prefetch_terms(self.stories[sid] for sid in ordered)
        best_id, best = None, 0.0
        for sid in ordered:
            s = self._score(self.stories[sid], wv, ev, emb_cos.get(sid), day)
            if s > best:
                best_id, best = sid, s
        return best_id, best

    def _summaries(self, story_ids: list[str]) -> dict[str, Summary]:
        """Each story's size, dates, norms and centroid embedding (a store reads them in one
        query, without the stories' centroids)."""
        read = getattr(self.stories, "summaries", None)
        if read is not None:
            return read(story_ids)
        return {sid: summary_of(self.stories[sid]) for sid in story_ids}

    def _estimates(
        self,
        ordered: list[str],
        summaries: dict[str, Summary],
        dots: dict[str, list[float]],
        wv: tuple,
        ev: tuple,
        emb_cos: dict[str, float],
        day: int | None,
    ) -> dict[str, float]:
        """Each candidate's estimated score, to keep the ``SHORTLIST`` highest: the cosines over
        the article's top terms only (from the term index's weights) and the stories'
        idf-weighted norms from their ``norm_parts``, as their frequencies were when they
        last took an article. Only these are loaded and scored exactly (their every term's
        frequency read); a story without norms (saved by an earlier build) always is."""
        base = math.log(self.n_docs + 1) + 1.0
        w = self.weights
        estimate: dict[str, float] = {}
        for sid in ordered:
            summary = summaries[sid]
            dot = dots.get(sid, (0.0, 0.0))
            total = weight = 0.0
            unknown = False
            for kind, vec, parts, d in (
                ("words", wv, summary.wnorm, dot[0]),
                ("entities", ev, summary.enorm, dot[1]),
            ):
                if w.get(kind, 0) <= 0 or not vec[0]:
                    continue
                if parts is None:
                    unknown = summary.size > 0
                    continue
                if parts[0] <= 0:  # the story holds no such terms: _score leaves it out
                    continue
                nb = _estimate_norm(parts, base, summary)
                total += w[kind] * (d / nb if nb > 0 else 0.0)
                weight += w[kind]
            if self.uses_embeddings and sid in emb_cos:
                total += w["embedding"] * emb_cos[sid]
                weight += w["embedding"]
            if unknown:
                estimate[sid] = math.inf
            else:
                score = total / weight if weight else 0.0
                estimate[sid] = score * self._time_weight(day, summary)
        return estimate

    def _candidates(
        self, top_w: list[str], top_e: list[str], wv: tuple, ev: tuple
    ) -> dict[str, list[float]]:
        """Stories holding one of the article's top terms: of each term's postings the
        ``PER_TERM`` latest, of those the ``MAX_CANDIDATES`` sharing most of the article's
        (normalised, idf-weighted) term weight. Each with its dot products with the article
        over those terms, words and entities (unit article vectors, idf-weighted story
        weights): what ``_estimates`` estimates cosines from."""
        weight = {f"w:{t}": wv[0][t] / (wv[1] or 1.0) for t in top_w}
        weight.update({f"e:{k}": ev[0][k] / (ev[1] or 1.0) for k in top_e})
        idf = {f"w:{t}": v for t, v in self._idfs(self.df_words, top_w).items()}
        idf.update({f"e:{k}": v for k, v in self._idfs(self.df_ents, top_e).items()})
        shared: dict[str, float] = {}
        dots: dict[str, list[float]] = {}
        for term, post in self._terms.weighted(weight, PER_TERM).items():
            a, f, kind = weight[term], idf[term], 0 if term[0] == "w" else 1
            for sid, b in post:
                shared[sid] = shared.get(sid, 0.0) + a
                dot = dots.get(sid)
                if dot is None:
                    dot = dots[sid] = [0.0, 0.0]
                dot[kind] += a * (b or 0.0) * f
        if len(shared) > MAX_CANDIDATES:
            kept = sorted(shared, key=lambda sid: (-shared[sid], sid))[:MAX_CANDIDATES]
            dots = {sid: dots[sid] for sid in kept}
        return dots

    def _centroid(
        self, story_id: str, summaries: dict[str, Summary] | None = None
    ) -> np.ndarray | None:
        """A story's mean embedding (float32), from the index or from its summary."""
        found = self._embs.centroid(story_id)
        if found is not None:
            return found
        if summaries is not None:
            return summaries[story_id].emb
        return summary_of(self.stories[story_id]).emb

    def prefetch_terms(self, stories: Iterable[Story]) -> None:
        """Document frequencies a store reads on demand: those of these stories' terms."""
        words = getattr(self.df_words, "prefetch", None)
        if words is None:
            return
        stories = list(stories)
        words([t for s in stories for t in s.words])
        self.df_ents.prefetch([k for s in stories for k in s.ents])

    # -- adding -----------------------------------------------------------------------
    def best(self, doc: StoryDoc) -> tuple[str | None, float]:
        """The most similar existing story and its score, without adding the article."""
        if self.uses_embeddings:
            embed_docs([doc])
        wv = F.word_vector(doc.title, doc.text)
        ev = F.entity_vector(doc.entities)
        prefetch = getattr(self.df_words, "prefetch", None)
        if prefetch is not None:  # a store's frequencies (``add`` reads them as it counts)
            prefetch(wv)
            self.df_ents.prefetch(ev)
        return self._best(wv, ev, doc.embedding, day_number(doc.date))

    def add(self, doc: StoryDoc) -> str:
        """Assign one article to a story (an existing one, or a new one); returns its id."""
        wv, ev = self._count(doc)
        sid, score = self._best(wv, ev, doc.embedding, day_number(doc.date))
        self.last_score = score
        return self._place(doc, wv, ev, sid if score >= self.threshold else None)

    def place(self, doc: StoryDoc, story_id: str | None) -> str:
        """Add an article to the story ``story_id`` (a new story when None or unknown)
        without searching for one: a known assignment loaded as it is (benches that fill a
        large store fast). Returns the story's id."""
        wv, ev = self._count(doc)
        return self._place(doc, wv, ev, story_id)

    def _count(self, doc: StoryDoc) -> tuple[dict[str, float], dict[str, float]]:
        """The article's term vectors, counted in the document frequencies."""
        if self.uses_embeddings:
            embed_docs([doc])
        wv = F.word_vector(doc.title, doc.text)
        ev = F.entity_vector(doc.entities)
        # the article counts in the idf it is compared with (so n_docs >= 1)
        self.n_docs += 1
        self.df_words.update(wv.keys())
        self.df_ents.update(ev.keys())
        return wv, ev

    def _place(self, doc: StoryDoc, wv: dict, ev: dict, sid: str | None) -> str:
        if self.uses_embeddings and doc.embedding is not None and doc.embedding.any():
            e = np.asarray(doc.embedding, dtype=np.float64)
            self.emb_sum = e.copy() if self.emb_sum is None else self.emb_sum + e
            self.n_emb += 1
        if sid is None or sid not in self.stories:
            sid = f"story-{self._next}"
            self._next += 1
            self.stories[sid] = Story(id=sid)
        self._join(self.stories[sid], doc, wv, ev)
        return sid

    def _join(self, story: Story, doc: StoryDoc, wv: dict, ev: dict) -> None:
        story.size += 1
        story.seen = self.n_docs
        story.docs.append(doc.id)
        # each article adds its unit-length vector, so long articles don't dominate
        for vec, acc in ((wv, story.words), (ev, story.ents)):
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            for t, v in vec.items():
                acc[t] = acc.get(t, 0.0) + v / norm
        story.words = truncate(story.words)
        story.ents = truncate(story.ents)
        self.prefetch_terms([story])  # a store's frequencies of the story's terms
        story.wnorm = norm_parts(story.words, self._logs(self.df_words, story.words))
        story.enorm = norm_parts(story.ents, self._logs(self.df_ents, story.ents))
        for name in doc.entities:
            key = F.entity_key(name)
            if key in story.ents and key not in story.names:
                story.names[key] = name.strip()
        for key in ev:
            story.ent_docs[key] = story.ent_docs.get(key, 0) + 1
        story.ent_docs = {k: n for k, n in story.ent_docs.items() if k in story.ents}
        story.names = {k: n for k, n in story.names.items() if k in story.ents}
        if self.uses_embeddings and doc.embedding is not None:
            e = np.asarray(doc.embedding, dtype=np.float32)
            story.emb = (e if story.emb is None else np.asarray(story.emb) + e).tolist()
        day = doc.date[:10] if day_number(doc.date) is not None else None
        if day:
            story.first = min(story.first or day, day)
            story.last = max(story.last or day, day)
        self._index(story)

    def _index(self, story: Story) -> None:
        self._terms.add(story)
        self._embs.set(story)

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
    def scalars(self) -> dict[str, Any]:
        """The state besides the stories and the document frequencies (JSON-ready)."""
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
            "emb_sum": None if self.emb_sum is None else self.emb_sum.tolist(),
            "n_emb": self.n_emb,
        }

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable state; ``from_dict`` restores a clusterer that goes on adding."""
        return {
            **self.scalars(),
            "df_words": _complete(self.df_words),
            "df_ents": _complete(self.df_ents),
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
        stories = {s["id"]: Story(**s) for s in state["stories"]}
        return cls.from_parts(
            state, stories, df_words=Counter(state["df_words"]), df_ents=Counter(state["df_ents"])
        )

    @classmethod
    def from_parts(
        cls,
        state: dict[str, Any],
        stories: MutableMapping[str, Story],
        *,
        df_words: Counter[str],
        df_ents: Counter[str],
        terms: Any = None,
        embeddings: EmbeddingIndex | None = None,
    ) -> OnlineClusterer:
        """A clusterer from its :meth:`scalars`, its stories (any mapping: a store's loads
        them on demand) and document frequencies; with ``terms`` (``lookup``/``add``, as
        :class:`TermIndex`) and ``embeddings`` its indexes, else they are built from the
        stories."""
        self = cls(**state["params"])
        self.n_docs = state["n_docs"]
        self._next = state["next"]
        self.df_words, self.df_ents = df_words, df_ents
        if state.get("emb_sum") is not None:
            self.emb_sum = np.asarray(state["emb_sum"], dtype=np.float64)
        self.n_emb = state.get("n_emb", 0)
        self.stories = stories
        if terms is None or embeddings is None:
            for story in self.stories.values():
                self._index(story)
        else:
            self._terms, self._embs = terms, embeddings
        return self


def _estimate_norm(parts: list[float], base: float, summary: Summary) -> float:
    """A story's idf-weighted norm now, from its ``norm_parts`` summed when it last took an
    article (``summary.seen`` articles in): a term whose document count has not grown since
    has the norm of those parts at today's ``base``; one whose count grew with the collection
    kept its idf, the norm of then. The truth lies between: their geometric mean."""
    then = approx_norm(parts, math.log(summary.seen + 1) + 1.0)
    return math.sqrt(then * approx_norm(parts, base))


def _complete(df: Counter[str]) -> dict[str, int]:
    """Every document frequency (a store's read on demand: all of them)."""
    everything = getattr(df, "complete", None)
    return dict(everything() if everything is not None else df)


def _dedupe(names: list[str]) -> list[str]:
    """Drop a name whose words are all in an earlier one ('Kopp' after 'James Charles
    Kopp'), and country codes ('KEN') when the story has enough real names."""
    out: list[str] = []
    seen: list[set[str]] = []
    for name in names:
        words = set(F.entity_key(name).split())
        if words and not any(words <= s or s <= words for s in seen):
            out.append(name)
            seen.append(words)
    codes = [n for n in out if len(n) == 3 and n.isupper()]
    return [n for n in out if n not in codes] + codes


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

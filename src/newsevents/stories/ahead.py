"""Storyline embeddings computed ahead, on a thread of their own, while a run parses.

``ingest`` gives its new documents storylines after the last batch is stored, and the
embedding model (onnxruntime, which lets go of the interpreter lock while it computes) is
most of that step's time. :class:`EmbedAhead` embeds each batch's articles on one worker
thread as soon as the batch is read, while the main thread parses and codes them: on a
machine with a free CPU the embeddings cost no waiting, on one CPU the same time as before
(the work is the same; only when it runs changes). An article rejected by its extraction is
embedded for nothing.

The vectors are the same numbers: articles go through the model one at a time (an article's
vector does not depend on the others of its batch), from the text the clusterer would embed,
and each is kept under a digest of that exact text. :func:`newsevents.stories.store_stories.
update_stories` takes a vector only where the text it would embed has that digest (a document
stored with less than its full text, or changed meanwhile, is embedded there as before).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

from newsevents.config import Settings, use
from newsevents.stories.cluster import embed_text


def text_key(text: str) -> bytes:
    """A digest of the exact text an embedding was computed from."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def keyed_texts(articles: Iterable[tuple[str | None, str]]) -> dict[bytes, str]:
    """Digest -> the text the clusterer embeds for each (title, text); a wire copy's once."""
    out: dict[bytes, str] = {}
    for title, body in articles:
        text = embed_text(title, body)
        out.setdefault(text_key(text), text)
    return out


class EmbedAhead:
    """One worker thread embedding texts for the storylines step; ``vectors()`` waits for it.

    ``submit(articles)`` queues the (title, text) of stored articles (embedded as
    ``stories.cluster.embed_text`` makes them) and returns at once; ``vectors()`` waits for everything queued and answers text
    digest -> unit vector. A batch whose embedding failed is left out (the storylines step
    embeds those texts itself, and meets the error there). ``close()`` stops the thread,
    dropping what has not started."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pool: ThreadPoolExecutor | None = None
        self._queued: list[tuple[list[bytes], Future]] = []
        self._seen: set[bytes] = set()

    def submit(self, articles: Iterable[tuple[str | None, str]]) -> None:
        """Queue the (title, text) of stored articles."""
        fresh = {k: t for k, t in keyed_texts(articles).items() if k not in self._seen}
        self._seen.update(fresh)  # a wire copy's text is embedded once
        keys, batch = list(fresh), list(fresh.values())
        if not batch:
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsevents-embed")
        self._queued.append((keys, self._pool.submit(self._embed, batch)))

    def _embed(self, texts: list[str]) -> np.ndarray:
        from newsevents.stories.embed import embed  # onnxruntime: loaded on the thread

        with use(self.settings):  # a new thread starts without the run's settings
            return embed(texts)

    def vectors(self) -> dict[bytes, np.ndarray]:
        out: dict[bytes, np.ndarray] = {}
        for keys, future in self._queued:
            if future.exception() is not None:
                continue
            out.update(zip(keys, future.result(), strict=True))
        self.close()
        return out

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._queued = []

    def __enter__(self) -> EmbedAhead:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

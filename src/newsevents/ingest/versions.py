"""Document versions: the same given id with a new text is a new version, never a
replacement (a text equal to any stored version is a re-read and adds nothing). Version 1 keeps the given id; version n is stored as ``<given id>@v<n>`` and links
to the version it follows (``Article.previous_version``). Used by the runner (with or without a
store), the Dask engine and :meth:`Store.add`, so every path versions documents the same way."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from newsevents.models import Article, Rejection


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def version_id(given_id: str, version: int) -> str:
    return given_id if version <= 1 else f"{given_id}@v{version}"


@dataclass
class Latest:
    id: str  # storage id of the newest version
    sha256: str
    version: int
    seen: set[str] = field(default_factory=set)  # text hashes of every version


class Versions:
    """The newest version of every given id seen so far (seeded from a store when given)."""

    def __init__(self, store=None):
        self.store = store
        self.latest: dict[str, Latest] = {}
        self._before: dict[str, Latest | None] = {}  # version id -> the newest before it

    def _seed(self, keys: Iterable[str]) -> None:
        missing = [k for k in set(keys) if k not in self.latest]
        if self.store is not None and missing:
            self.latest.update(self.store.latest_versions(missing))

    def assign(self, articles: list[Article]) -> tuple[list[Article], list[Article]]:
        """Split into (new documents and new versions, unchanged re-reads); new versions get
        their id, number and link here, before extraction, so event ids follow the version."""
        self._seed(a.key for a in articles)
        fresh, unchanged = [], []
        for a in articles:
            key, sha = a.key, text_sha(a.text)
            a.given_id = key
            latest = self.latest.get(key)
            if latest is not None and (latest.sha256 == sha or sha in latest.seen):
                # A text read before (any version of it): re-reading a feed adds nothing.
                unchanged.append(a)
                continue
            if latest is not None:
                a.version = latest.version + 1
                a.previous_version = latest.id
                a.id = version_id(key, a.version)
            self._before[a.id] = latest
            seen = {*latest.seen, latest.sha256} if latest else set()
            self.latest[key] = Latest(a.id, sha, a.version, seen | {sha})
            fresh.append(a)
        return fresh, unchanged

    def forget(self, doc_id: str, key: str) -> None:
        """A version that could not be stored (extraction failed) is no newest version."""
        if key in self.latest and self.latest[key].id == doc_id:
            before = self._before.pop(doc_id, None)
            if before is None:
                del self.latest[key]
            else:
                self.latest[key] = before

    def stream(
        self, docs: Iterable[Article | Rejection], on_unchanged=None
    ) -> Iterator[Article | Rejection]:
        """``assign`` one document at a time (for engines that consume a stream)."""
        for doc in docs:
            if isinstance(doc, Article):
                fresh, unchanged = self.assign([doc])
                if unchanged:
                    if on_unchanged:
                        on_unchanged(doc)
                    continue
            yield doc

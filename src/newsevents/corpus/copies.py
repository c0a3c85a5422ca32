"""Near-duplicates across documents: a wire copy is linked to its original, not coded twice.

The signatures and the in-memory index are :mod:`newsevents.ingest.dedupe`; this module holds
the run's policy. A copy is found against the articles seen earlier in the run and those
stored earlier; a new version of a document is never a copy (it resembles the version it
follows by design). When an original is rejected, it is no original: it leaves the index, and
its copies in flight are unlinked and coded themselves ("orphans").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsevents.ingest.dedupe import (
    THRESHOLD,
    DuplicateIndex,
    band_keys,
    from_hex,
    signature,
    similarity,
    to_hex,
)
from newsevents.models import Article


def stored_original(store: Any, sig: Any, threshold: float | None = None) -> str | None:
    """Id of a stored article whose MinHash signature is close to ``sig`` (``sig`` is a copy)."""
    limit = THRESHOLD if threshold is None else threshold
    for doc_id, fingerprint in store.fingerprints_in_bands(band_keys(sig)):
        if fingerprint and similarity(sig, from_hex(fingerprint)) >= limit:
            return doc_id
    return None


def split_duplicates(
    articles: list[Article], seen: DuplicateIndex, store: Any = None
) -> tuple[list[Article], list[Article]]:
    """Separate wire copies of articles seen in this run (``seen``) or stored earlier from new
    articles; each article gets its ``fingerprint``, each copy its ``duplicate_of``."""
    fresh, copies = [], []
    for article in articles:
        sig = signature(article.text)
        article.fingerprint = to_hex(sig)
        if article.previous_version:
            # A new version resembles the one it follows; it is coded, never linked as a copy.
            seen.remove(article.previous_version)
            seen.add(article.id, sig)
            fresh.append(article)
            continue
        original = seen.find(sig) or (stored_original(store, sig) if store is not None else None)
        if original and original != article.id:
            article.duplicate_of = original
            copies.append(article)
        else:
            seen.add(article.id, sig)
            fresh.append(article)
    return fresh, copies


class Copies:
    """One run's copies: the originals seen so far and those rejected since."""

    def __init__(self, store: Any = None) -> None:
        self.store = store
        self.seen = DuplicateIndex()
        self.failed: set[str] = set()

    def split(self, articles: list[Article]) -> tuple[list[Article], list[Article]]:
        """New articles (to code) and copies of an original seen or stored (to link)."""
        fresh, copies = split_duplicates(articles, self.seen, self.store)
        self.failed.difference_update(a.id for a in fresh)  # read again, an original again
        return fresh, copies

    def rejected(self, doc_ids: Iterable[str]) -> None:
        """Documents that were rejected: no original for later copies."""
        for doc_id in doc_ids:
            self.failed.add(doc_id)
            self.seen.remove(doc_id)

    def orphans(self, copies: list[Article]) -> tuple[list[Article], list[Article]]:
        """``copies`` split into those whose original stands (linked) and those whose original
        was rejected, unlinked: a copy of an article that failed is no copy of anything stored,
        so it is coded itself."""
        kept = [a for a in copies if a.duplicate_of not in self.failed]
        orphans = [a for a in copies if a.duplicate_of in self.failed]
        for a in orphans:
            a.duplicate_of = None
        return kept, orphans

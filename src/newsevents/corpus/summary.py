"""The counts of one run (read, coded, skipped, copies, rejected...), kept in one place.

The batch runner, the Dask engine and recode count with the same methods, so their summaries
mean the same thing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from newsevents.models import Extraction, Rejection


@dataclass
class RunSummary:
    read: int = 0
    processed: int = 0
    skipped: int = 0  # already stored (or read earlier in this run) with the same text
    versions: int = 0  # of the processed: new versions of a document already read
    duplicates: int = 0  # near-duplicates (wire copies) of an article seen: linked, not coded
    events: int = 0
    quotes: int = 0
    words: int = 0
    rejected: Counter = field(default_factory=Counter)
    missing: list[str] = field(default_factory=list)  # inputs that do not exist or cannot be listed
    seconds: float = 0.0

    def count_rejections(self, rejections: Iterable[Rejection | Mapping]) -> None:
        """Count rejected documents by reason; an input that does not exist (or a folder that
        cannot be listed) is also ``missing``."""
        for r in rejections:
            if isinstance(r, Rejection):
                r = r.to_dict()
            self.rejected[r["reason"]] += 1
            if r["reason"] == "not_found" or (
                r["reason"] == "unreadable" and r["id"].endswith("/")
            ):
                self.missing.append(r["detail"])

    def count(
        self, *, processed: int, events: int, quotes: int, words: int, versions: int = 0
    ) -> None:
        """Count coded documents (``processed``) and what they gave."""
        self.processed += processed
        self.versions += versions
        self.events += events
        self.quotes += quotes
        self.words += words

    def count_coded(self, extractions: Iterable[Extraction]) -> None:
        """Count the documents just coded, with their mentions, quotes and words."""
        for x in extractions:
            self.count(
                processed=1,
                versions=int(x.article.version > 1),
                events=len(x.events),
                quotes=len(x.quotes),
                words=len(x.article.text.split()),
            )

    def line(self) -> str:
        rej = sum(self.rejected.values())
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(self.rejected.items()))
        rate = self.processed / self.seconds if self.seconds else 0.0
        return (
            f"{self.read} documents read: {self.processed} processed"
            f"{f' ({self.versions} new versions)' if self.versions else ''}, "
            f"{self.skipped} already stored, {self.duplicates} near-duplicates, "
            f"{rej} rejected{f' ({reasons})' if reasons else ''}; {self.events} event mentions, "
            f"{self.quotes} quotes in {self.seconds:.1f}s ({rate:.1f} documents/s)"
        )

"""Progress of a batch run: phases, counts against a known total, chunks of a huge document.

``runner.run(..., on_progress=f)`` calls ``f(progress)`` with one :class:`Progress` that it
updates in place: when a phase starts (``reading``, ``parsing``, ``storylines``, ``done``), for
every document read, and for every chunk parsed (a document longer than ``max_chunk_chars`` is
parsed in chunks, so a 1 MB document reports 50 steps, not one). The total is counted before
the run when it is known without reading the documents (:func:`count_documents`: files, and
the lines of JSON lines files); it is None for standard input and ``.json`` files. The CLI
draws it with rich on standard error (:func:`describe` is the text it shows).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PHASES = ("counting", "reading", "parsing", "storylines", "done")


@dataclass
class Progress:
    phase: str = "counting"
    total: int | None = None  # documents expected; None when unknown
    read: int = 0  # documents read so far (articles and rejections)
    parsed: int = 0  # documents done with: parsed, or needing no parsing (rejected, skipped)
    processed: int = 0  # documents coded and written
    rejected: int = 0
    events: int = 0
    doc: str | None = None  # the long document being parsed chunk by chunk
    chunk: int = 0  # chunks of ``doc`` parsed so far
    chunks: int = 0  # chunks of ``doc``

    @property
    def finished(self) -> int:
        """Documents done with (coded, rejected, skipped or linked as copies): the bar's count."""
        return self.parsed


class Reporter:
    """Updates one Progress and calls ``callback`` after each change (nothing without one)."""

    def __init__(self, callback: Callable[[Progress], None] | None, total: int | None = None):
        self.callback = callback
        self.progress = Progress(total=total)

    def __bool__(self) -> bool:
        return self.callback is not None

    def _tell(self) -> None:
        if self.callback is not None:
            p = self.progress
            if p.total is not None and p.read > p.total:  # the count was short: never > 100 %
                p.total = p.read
            self.callback(p)

    def phase(self, name: str) -> None:
        assert name in PHASES, name
        self.progress.phase = name
        self.progress.doc = None
        self._tell()

    def document_read(self) -> None:
        self.progress.read += 1
        if self.progress.phase == "counting":
            self.progress.phase = "reading"
        self._tell()

    def chunk_parsed(self, doc_id: str, done: int, total: int) -> None:
        """Chunk ``done`` of ``total`` of one document is parsed (``done == total``: all)."""
        p = self.progress
        p.phase = "parsing"
        if total > 1:
            p.doc, p.chunk, p.chunks = doc_id, done, total
        if done == total:
            p.parsed += 1
            p.doc = None
        self._tell()

    def batch_done(self, read: int, processed: int, rejected: int, events: int) -> None:
        """After a batch every document read so far is done with (coded, rejected, skipped or
        linked as a copy)."""
        p = self.progress
        p.parsed, p.processed, p.rejected, p.events = read, processed, rejected, events
        self._tell()


def describe(p: Progress) -> str:
    """The line shown beside the bar: phase, counts and, for a long document, its chunks."""
    counts = f"{p.read} read, {p.processed} coded, {p.rejected} rejected, {p.events} events"
    if p.phase == "counting":
        return "counting documents"
    if p.phase == "storylines":
        return f"storylines ({counts})"
    text = f"{p.phase} ({counts})"
    if p.doc and p.chunks > 1:
        text += f"; {p.doc}: chunk {p.chunk}/{p.chunks}"
    return text


def count_documents(inputs: Iterable[Any]) -> int | None:
    """How many documents the inputs hold, counted without reading them (files, and the
    non-empty lines of JSON lines files); None when it cannot be known so (standard input, a
    ``.json`` file, which may hold a list)."""
    from newsevents.ingest.sources import JSONL_SUFFIXES, KNOWN_SUFFIXES

    total = 0
    for item in inputs:
        if not isinstance(item, str | Path):  # an Article or Rejection given as such
            total += 1
            continue
        if str(item) == "-":
            return None
        path = Path(item)
        if path.is_dir():
            files = [
                Path(folder) / name
                for folder, dirs, names in os.walk(path)
                if not any(part.startswith(".") for part in Path(folder).relative_to(path).parts)
                for name in names
                if not name.startswith(".") and Path(name).suffix.lower() in KNOWN_SUFFIXES
            ]
        else:
            files = [path]  # a missing path is one rejection
        for f in files:
            suffix = f.suffix.lower()
            if suffix == ".json":
                return None
            total += _count_lines(f) if suffix in JSONL_SUFFIXES else 1
    return total


def _count_lines(path: Path) -> int:
    """Non-empty lines of a file, read in blocks (a large JSON lines file is not held whole)."""
    n = 0
    try:
        with open(path, "rb") as f:
            tail = b""
            while block := f.read(1 << 20):
                lines = (tail + block).split(b"\n")
                tail = lines.pop()
                n += sum(1 for line in lines if line.strip())
            n += bool(tail.strip())
    except OSError:
        return 1  # an unreadable file is one rejection
    return n

"""``newsevents watch DIR``: ingest the files of a folder, those there at the start and
those written later, each once.

A file is taken when it is complete: the same size and modification time at two checks
``settle`` seconds apart. Its content hash is kept in the store (``watched_files``), so a
touched or copied file is not ingested again, a changed one is, and a restarted watch
goes on where the last one stopped. A folder that is emptied, renamed away or not there
yet is waited for, not an error.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from newsevents.ingest.sources import KNOWN_SUFFIXES, read_file
from newsevents.runner import RunConfig, run
from newsevents.store import Store
from newsevents.store import follow as sql

ONCE_CHECKS = 3  # --once: checks (settle seconds apart) before a growing file is left


@dataclass
class WatchSummary:
    scan: int = 1
    files: int = 0  # files in the folder
    new: int = 0  # files ingested for the first time
    changed: int = 0  # files ingested again because their content changed
    copies: int = 0  # same content as a file ingested before (moved, copied, touched)
    coded: int = 0
    duplicates: int = 0
    rejected: int = 0
    waiting: int = 0  # still being written
    missing: bool = False  # the folder is not there
    seconds: float = 0.0

    def busy(self) -> bool:
        return bool(self.new or self.changed or self.copies or self.coded or self.rejected)

    def line(self) -> str:
        if self.missing:
            return f"scan {self.scan}: folder missing; waiting for it"
        return (
            f"scan {self.scan}: {self.files} files, {self.new} new, {self.changed} changed,"
            f" {self.copies} copies skipped, {self.waiting} still being written;"
            f" {self.coded} articles coded, {self.duplicates} duplicates,"
            f" {self.rejected} rejected in {self.seconds:.1f}s"
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _files(folder: Path) -> Iterator[Path]:
    """Readable document files under ``folder``; hidden files and folders are skipped."""
    for root, dirs, names in os.walk(folder, onerror=lambda e: None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and Path(name).suffix.lower() in KNOWN_SUFFIXES:
                yield Path(root) / name


def _sha(path: Path) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


class Watcher:
    def __init__(
        self,
        store: Store,
        folder: str | Path,
        config: RunConfig | None = None,
        *,
        settle: float = 1.0,
        stories: bool = True,
    ):
        self.store = store
        self.folder = Path(folder)
        self.config = config or RunConfig()
        self.settle = settle
        # The runner updates storylines after each run (``Settings.stories``) unless told not to.
        self._config = replace(self.config, settings=replace(self.config.settings, stories=stories))
        self.pending: dict[str, tuple[int, int, float]] = {}  # path -> size, mtime, since
        self.scans = 0
        sql.ensure_schema(store)

    def scan(self) -> WatchSummary:
        self.scans += 1
        summary = WatchSummary(scan=self.scans)
        started = time.perf_counter()
        if not self.folder.is_dir():
            self.pending.clear()
            summary.missing = True
            return summary
        now = time.monotonic()
        ready: list[tuple[Path, int, int]] = []
        present: set[str] = set()
        for path in _files(self.folder):
            try:
                st = path.stat()
            except OSError:  # removed while we looked
                continue
            key = str(path)
            present.add(key)
            summary.files += 1
            done = sql.watched_file(self.store, key)
            if done and (done["size"], done["mtime_ns"]) == (st.st_size, st.st_mtime_ns):
                continue
            seen = self.pending.get(key)
            if seen and seen[:2] == (st.st_size, st.st_mtime_ns):
                if now - seen[2] >= self.settle * 0.9:
                    ready.append((path, st.st_size, st.st_mtime_ns))
                    del self.pending[key]
                    continue
            else:
                self.pending[key] = (st.st_size, st.st_mtime_ns, now)
            summary.waiting += 1
        for key in list(self.pending):
            if key not in present:
                del self.pending[key]
        self._ingest(ready, summary)
        summary.seconds = time.perf_counter() - started
        return summary

    def _ingest(self, ready: list[tuple[Path, int, int]], summary: WatchSummary) -> None:
        todo: list[tuple[Path, int, int, str, bool]] = []
        for (
            path,
            size,
            mtime_ns,
        ) in ready:
            sha = _sha(path)
            if sha is None:
                continue
            before = sql.watched_file(self.store, str(path))
            if (before and before["sha256"] == sha) or (
                not before and sql.file_with_sha(self.store, sha)
            ):
                summary.copies += 1
                sql.save_watched_file(self.store, str(path), size, mtime_ns, sha)
                continue
            todo.append((path, size, mtime_ns, sha, before is not None))
        if not todo:
            return
        docs = [
            doc
            for path, *_ in todo
            for doc in read_file(path, path.relative_to(self.folder).as_posix())
        ]
        result = run(docs, self._config, store=self.store)
        summary.coded += result.processed
        summary.duplicates += result.duplicates
        summary.rejected += sum(result.rejected.values())
        with self.store.db.transaction():
            for path, size, mtime_ns, sha, changed in todo:
                sql.save_watched_file(self.store, str(path), size, mtime_ns, sha)
                if changed:
                    summary.changed += 1
                else:
                    summary.new += 1


def watch(
    store: Store,
    folder: str | Path,
    config: RunConfig | None = None,
    *,
    once: bool = False,
    settle: float = 1.0,
    interval: float | None = None,
    stop: threading.Event | None = None,
    on_scan: Callable[[WatchSummary], None] | None = None,
) -> list[WatchSummary]:
    """Scan ``folder`` every ``interval`` seconds (default ``settle``) until ``stop`` is set;
    ``once``: until nothing there is new or still being written (at most a few checks)."""
    from newsevents.follow.lease import Lease

    stop = stop or threading.Event()
    watcher = Watcher(store, folder, config, settle=settle)
    interval = settle if interval is None else interval
    scans: list[WatchSummary] = []
    was_missing = False
    with Lease(store, f"watch:{Path(folder).resolve()}") as lease:
        while not stop.is_set():
            summary = watcher.scan()
            scans.append(summary)
            last = once and (not watcher.pending or summary.scan >= ONCE_CHECKS)
            if on_scan and (summary.busy() or summary.missing != was_missing or last):
                on_scan(summary)
            was_missing = summary.missing
            if last:
                break
            stop.wait(interval)
            lease.renew()
    return scans

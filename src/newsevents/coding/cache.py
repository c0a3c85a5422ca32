"""A pickle cache for built dictionaries: building the actor lexicon or the gazetteer from
text files takes ~1 s, loading the pickle a fraction of that.

The cache key hashes the source files' contents (not their paths or modification times:
two checkouts, or a fresh clone, of the same version share one cache file) and the code
that builds them, so an edited dictionary or coder rebuilds it. The folder is the ``cache_dir`` setting
(newsevents.config: ``$NEWSEVENTS_CACHE_DIR``, default ``~/.cache/newsevents``); ``off``
disables the cache. A cache that
cannot be read or written is ignored: the data is then built from the files.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from newsevents.config import current

T = TypeVar("T")
STALE_S = 7 * 86400  # other keys' cache files are removed after a week unused


def cache_dir() -> Path | None:
    """The cache folder of the current settings, or None when caching is off."""
    return current().cache_path()


def code_version(path: str) -> str:
    """Hash of a module's source as this process loaded it (call at import time): a cache
    written by another process running older code then has another key."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    except OSError:
        return "unknown"


def file_digest(path: Path) -> str:
    """Hash of a file's bytes ("missing" when it cannot be read)."""
    try:
        with path.open("rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()[:16]
    except OSError:
        return "missing"


def sources_key(name: str, sources: Iterable[Path]) -> str:
    """Key of ``name`` built from ``sources``: their file names and contents."""
    h = hashlib.sha256(name.encode())
    for path in sources:
        h.update(f"{path.name}|{file_digest(path)}".encode())
    return h.hexdigest()[:16]


@contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic garbage collector paused: unpickling creates ~100,000 objects and no
    garbage, and the collections it would trigger take twice the load itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def cached(
    name: str,
    sources: Iterable[Path],
    build: Callable[[], T],
    version: str = "",
    valid: Callable[[object], bool] = lambda value: True,
) -> T:
    """``build()``'s result, from the pickle cache when its sources and ``version`` (the
    building code's :func:`code_version`) have not changed and ``valid`` accepts it."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{sources_key(name + version, sources)}.pickle"
    try:
        with path.open("rb") as f, _no_gc():
            value = pickle.load(f)
        if valid(value):
            try:
                os.utime(path)  # in use: not stale for other keys' writers
            except OSError:
                pass
            return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)  # atomic: parallel workers never read half a file
        now = time.time()
        for old in folder.glob(f"{name}-*.pickle"):
            # another checkout or installed version may use its own key at the same time:
            # removing its file at once would make each rebuild the other's; only files
            # unused for a week go
            if old != path and now - old.stat().st_mtime > STALE_S:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return value

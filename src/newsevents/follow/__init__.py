"""Continuous ingest: follow news feeds and folders, and keep the store current.

:func:`follow` polls the store's feeds (RSS 2.0, RSS 1.0, Atom) once or forever,
:func:`watch` ingests a folder's new and changed files; their state (feeds, ETags, seen
items, versions, leases, watched files) lives in the store (``store/follow.py``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from newsevents.follow.feeds import parse_feed, parse_opml
from newsevents.follow.urls import canonical_url, document_id
from newsevents.follow.watch import Watcher, WatchSummary, watch

if TYPE_CHECKING:
    from newsevents.follow.fetch import FetchConfig, Fetcher, FetchError
    from newsevents.follow.rounds import FollowConfig, Round, RoundSummary, follow

# The HTTP side (httpx) is imported on first use: every command registers the follow
# commands, and one that never fetches (extract, ingest, stats) must not pay for it.
_LAZY = {
    "FetchConfig": "fetch",
    "Fetcher": "fetch",
    "FetchError": "fetch",
    "FollowConfig": "rounds",
    "Round": "rounds",
    "RoundSummary": "rounds",
    "follow": "rounds",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "FetchConfig",
    "FetchError",
    "Fetcher",
    "FollowConfig",
    "Round",
    "RoundSummary",
    "WatchSummary",
    "Watcher",
    "canonical_url",
    "document_id",
    "follow",
    "parse_feed",
    "parse_opml",
    "watch",
]

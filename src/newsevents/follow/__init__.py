"""Continuous ingest: follow news feeds and folders, and keep the store current.

:func:`follow` polls the store's feeds (RSS 2.0, RSS 1.0, Atom) once or forever,
:func:`watch` ingests a folder's new and changed files; their state (feeds, ETags, seen
items, versions, leases, watched files) lives in the store (``store/follow.py``).
"""

from newsevents.follow.feeds import parse_feed, parse_opml
from newsevents.follow.fetch import FetchConfig, Fetcher, FetchError
from newsevents.follow.rounds import FollowConfig, Round, RoundSummary, follow
from newsevents.follow.urls import canonical_url, document_id
from newsevents.follow.watch import Watcher, WatchSummary, watch

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

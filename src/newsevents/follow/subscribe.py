"""Subscriptions: add feeds one by one or from an OPML file, and list them with their status."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsevents.errors import FollowError
from newsevents.follow.feeds import parse_opml
from newsevents.follow.urls import is_web_url
from newsevents.store import Store
from newsevents.store import follow as sql


def add_feed(store: Store, url: str, title: str | None = None) -> bool:
    """Subscribe to a feed URL; False when the store already follows it."""
    url = url.strip()
    if not is_web_url(url):
        raise FollowError(FollowError.E700.format(url=url))
    return sql.add_feed(store, url, title)


def import_opml(store: Store, path: str | Path) -> dict[str, Any]:
    """Subscribe to every feed of an OPML file: counts of added, known and skipped URLs."""
    added = known = 0
    skipped: list[str] = []
    for url, title in parse_opml(path):
        if not is_web_url(url):
            skipped.append(url)
        elif sql.add_feed(store, url, title):
            added += 1
        else:
            known += 1
    return {"added": added, "known": known, "skipped": skipped}


def feed_status(store: Store) -> list[dict[str, Any]]:
    """Every feed with its last poll, items and errors, and a one-word state."""
    rows = sql.feeds(store)
    for row in rows:
        if row["last_poll"] is None:
            row["state"] = "new"
        elif row["errors"]:
            row["state"] = "failing"
        else:
            row["state"] = "ok"
        retry = row.pop("retry_at")
        row["retry_at"] = (
            datetime.fromtimestamp(retry, UTC).isoformat(timespec="seconds") if retry else None
        )
    return rows


def feeds_overview(store: Store, *, limit: int = 50) -> dict[str, Any]:
    """The feeds with their status and the latest articles that arrived from them (the
    web page ``/feeds`` and its twin)."""
    return {"feeds": feed_status(store), "recent": sql.recent_items(store, limit), "limit": limit}

"""SQL for continuous ingest (``follow``/``watch``): functions taking a :class:`Store`.

The state a killed ``follow`` resumes from lives here: feeds with their ETags and error
counts, every feed item seen (by canonical URL, with its text hash and current version),
leases, and the files a ``watch`` has ingested. Tables: ``store/follow.sql``.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from importlib import resources
from typing import Any

from newsevents.store.store import Store, _now

FEED_COLUMNS = (
    "url, title, added_at, etag, last_modified, last_poll, last_ok, last_status, n_items,"
    " last_new, errors, total_errors, last_error, retry_at"
)


def ensure_schema(store: Store) -> bool:
    """Create the follow tables once per open store (CREATE IF NOT EXISTS); False when a
    read-only store has none (readers then answer nothing)."""
    if getattr(store, "_follow_schema", None) is None:
        if store.read_only:
            store._follow_schema = "feeds" in store._tables()  # type: ignore[attr-defined]
        else:
            sql = resources.files("newsevents.store").joinpath("follow.sql").read_text("utf-8")
            store.db.script(sql)
            store._follow_schema = True  # type: ignore[attr-defined]
    return bool(store._follow_schema)  # type: ignore[attr-defined]


# ------------------------------------------------------------------ feeds
def add_feed(store: Store, url: str, title: str | None = None) -> bool:
    """Register a feed; False when it was already known (its title is filled if missing)."""
    ensure_schema(store)
    with store.db.transaction():
        if store.db.query("SELECT 1 AS x FROM feeds WHERE url = ?", (url,)):
            if title:
                store.db.execute(
                    "UPDATE feeds SET title = ? WHERE url = ? AND title IS NULL", (title, url)
                )
            return False
        store.db.execute(
            "INSERT INTO feeds(url, title, added_at) VALUES (?, ?, ?)", (url, title, _now())
        )
    return True


def feeds(store: Store) -> list[dict[str, Any]]:
    if not ensure_schema(store):
        return []
    return store.db.query(f"SELECT {FEED_COLUMNS} FROM feeds ORDER BY added_at, url")


def due_feeds(store: Store, now: float | None = None) -> list[dict[str, Any]]:
    """Feeds to poll now: all but failing ones still waiting for their retry time."""
    now = time.time() if now is None else now
    ensure_schema(store)
    return store.db.query(
        f"SELECT {FEED_COLUMNS} FROM feeds WHERE retry_at IS NULL OR retry_at <= ?"
        " ORDER BY added_at, url",
        (now,),
    )


def record_poll_ok(
    store: Store,
    url: str,
    *,
    status: int,
    etag: str | None,
    last_modified: str | None,
    title: str | None,
    new_items: int,
) -> None:
    now = _now()
    store.db.execute(
        "UPDATE feeds SET last_poll = ?, last_ok = ?, last_status = ?, errors = 0,"
        " last_error = NULL, retry_at = NULL, last_new = ?, n_items = n_items + ?,"
        " etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),"
        " title = COALESCE(title, ?) WHERE url = ?",
        (now, now, status, new_items, new_items, etag, last_modified, title, url),
    )


def record_poll_error(
    store: Store, url: str, *, status: int | None, error: str, retry_at: float
) -> int:
    """Count a failed poll; returns the feed's consecutive error count."""
    store.db.execute(
        "UPDATE feeds SET last_poll = ?, last_status = ?, errors = errors + 1,"
        " total_errors = total_errors + 1, last_error = ?, retry_at = ?, last_new = 0"
        " WHERE url = ?",
        (_now(), status, error, retry_at, url),
    )
    rows = store.db.query("SELECT errors FROM feeds WHERE url = ?", (url,))
    return int(rows[0]["errors"]) if rows else 0


# ------------------------------------------------------------------ items
def known_items(store: Store, urls: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Seen items by canonical URL."""
    ensure_schema(store)
    keys = list(urls)
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(keys), 500):
        part = keys[i : i + 500]
        marks = ",".join("?" * len(part))
        for row in store.db.query(
            "SELECT url, feed_url, guid, entry_sig, doc_id, sha256, version, status, attempts"
            f" FROM feed_items WHERE url IN ({marks})",
            part,
        ):
            out[row["url"]] = row
    return out


def save_item(
    store: Store,
    *,
    url: str,
    feed_url: str,
    guid: str | None,
    entry_sig: str | None,
    status: str,
    doc_id: str | None = None,
    sha256: str | None = None,
    version: int | None = None,
    error: str | None = None,
) -> None:
    """Insert or update one item. An error keeps the stored version and counts an attempt."""
    now = _now()
    failing = status in ("error", "failed")
    store.db.execute(
        "INSERT INTO feed_items(url, feed_url, guid, entry_sig, doc_id, sha256, version, status,"
        " attempts, error, first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(url) DO UPDATE SET feed_url = excluded.feed_url, guid = excluded.guid,"
        " last_seen = excluded.last_seen, error = excluded.error,"
        " attempts = CASE WHEN ? THEN feed_items.attempts + 1 ELSE 0 END,"
        " status = CASE WHEN ? AND feed_items.doc_id IS NOT NULL THEN feed_items.status"
        "   ELSE excluded.status END,"
        " entry_sig = CASE WHEN ? THEN feed_items.entry_sig ELSE excluded.entry_sig END,"
        " doc_id = COALESCE(excluded.doc_id, feed_items.doc_id),"
        " sha256 = COALESCE(excluded.sha256, feed_items.sha256),"
        " version = COALESCE(excluded.version, feed_items.version)",
        (
            url,
            feed_url,
            guid,
            entry_sig,
            doc_id,
            sha256,
            version if version is not None else 0,
            status,
            1 if failing else 0,
            error,
            now,
            now,
            failing,
            failing,
            failing,
        ),
    )


def stored_documents(store: Store, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """id -> {sha256, duplicate_of} for the given ids that the store holds."""
    ids = list(doc_ids)
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        marks = ",".join("?" * len(part))
        for row in store.db.query(
            f"SELECT id, sha256, duplicate_of FROM documents WHERE id IN ({marks})", part
        ):
            out[row["id"]] = row
    return out


def recent_items(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    """The latest documents that arrived from feeds (every version and copy), newest first."""
    if not ensure_schema(store):
        return []
    return store.db.query(
        "SELECT d.id, d.title, d.date, d.url, d.source, d.ingested_at, d.duplicate_of,"
        " d.path AS feed_url, d.version, d.previous_version, d.story_id FROM documents d"
        " WHERE d.path IN (SELECT url FROM feeds) ORDER BY d.ingested_at DESC, d.id LIMIT ?",
        (int(limit),),
    )


# ------------------------------------------------------------------ leases
def acquire_lease(
    store: Store, name: str, holder: str, ttl: float, *, steal_from: str | None = None
) -> dict[str, Any] | None:
    """Take or renew lease ``name``; returns None on success, else the current holder's row.

    ``steal_from``: a holder known to be dead (its process is gone) whose lease may be taken
    before it expires."""
    ensure_schema(store)
    now = time.time()
    with store.db.transaction():
        rows = store.db.query("SELECT name, holder, expires FROM leases WHERE name = ?", (name,))
        if rows:
            row = rows[0]
            if row["holder"] != holder and row["expires"] > now and row["holder"] != steal_from:
                return row
            store.db.execute(
                "UPDATE leases SET holder = ?, expires = ? WHERE name = ?",
                (holder, now + ttl, name),
            )
        else:
            store.db.execute(
                "INSERT INTO leases(name, holder, expires) VALUES (?, ?, ?)",
                (name, holder, now + ttl),
            )
    return None


def lease_holder(store: Store, name: str) -> dict[str, Any] | None:
    ensure_schema(store)
    rows = store.db.query("SELECT name, holder, expires FROM leases WHERE name = ?", (name,))
    return rows[0] if rows else None


def release_lease(store: Store, name: str, holder: str) -> None:
    store.db.execute("DELETE FROM leases WHERE name = ? AND holder = ?", (name, holder))


# ------------------------------------------------------------------ watched files
def watched_file(store: Store, path: str) -> dict[str, Any] | None:
    ensure_schema(store)
    rows = store.db.query(
        "SELECT path, size, mtime_ns, sha256 FROM watched_files WHERE path = ?", (path,)
    )
    return rows[0] if rows else None


def file_with_sha(store: Store, sha: str) -> str | None:
    rows = store.db.query(
        "SELECT path FROM watched_files WHERE sha256 = ? ORDER BY at LIMIT 1", (sha,)
    )
    return rows[0]["path"] if rows else None


def save_watched_file(store: Store, path: str, size: int, mtime_ns: int, sha: str) -> None:
    store.db.execute(
        "INSERT INTO watched_files(path, size, mtime_ns, sha256, at) VALUES (?,?,?,?,?)"
        " ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns,"
        " sha256 = excluded.sha256, at = excluded.at",
        (path, size, mtime_ns, sha, _now()),
    )

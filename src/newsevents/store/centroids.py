"""Stories' mean embeddings as the storyline clusterer compares them (table story_centroids).

Apart from ``store/stories.py`` because the store's migration 10 fills the table from the
stored sums, and ``store.store`` cannot import the module that imports it.
"""

from __future__ import annotations

import base64
from typing import Any

import numpy as np

Store = Any  # newsevents.store.Store (not imported: it imports this module)


def save_story_centroids(store: Store, rows: list[tuple[str, int, bytes]]) -> None:
    """Write stories' mean embeddings (id, seen, float32 bytes), each row deleted and
    inserted again in ``seen`` order: SQLite appends a new row at the table's end, so the
    window of the latest stories (read at every update) stays on the table's last pages
    instead of spread over a file that grows with the store."""
    rows = sorted(rows, key=lambda r: (r[1], r[0]))
    store.db.executemany("DELETE FROM story_centroids WHERE id = ?", [(r[0],) for r in rows])
    store.db.executemany(
        "INSERT INTO story_centroids(id, seen, centroid) VALUES (?, ?, ?)", rows
    )


def centroid_bytes(summed: np.ndarray, size: int) -> bytes:
    """A story's mean embedding as the clusterer compares it: its float64 sum cut to float32,
    over its size (float32 division, as the window of them is divided)."""
    return (summed.astype(np.float32) / np.float32(size)).tobytes()


def fill_story_centroids(store: Store) -> None:
    """Migration 10: the mean embeddings of a store's saved stories, from their sums."""
    rows = store.db.query(
        "SELECT id, size, emb, seen FROM story_state WHERE emb IS NOT NULL AND size > 0"
    )
    save_story_centroids(
        store,
        [
            (r["id"], r["seen"], centroid_bytes(decode_sum(r["emb"]), r["size"]))
            for r in rows
        ],
    )


def decode_sum(b64: str) -> np.ndarray:
    """A story's stored embedding sum (base64 of float64)."""
    return np.frombuffer(base64.b64decode(b64), dtype=np.float64)

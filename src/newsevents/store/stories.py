"""SQL for storylines and timelines: functions taking a :class:`Store` (SQL stays in store/).

Used by ``stories.store_stories`` (assigning stories) and the API/web (reading them).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from newsevents.errors import NotFound
from newsevents.store.store import Store, like_escape

CLUSTERER_KEY = "stories.clusterer"
# Mentions of superseded document versions stay out of storylines and timelines.
_CURRENT = " AND d2.superseded_by IS NULL"
_CURRENT_D = " AND d.superseded_by IS NULL"


# ------------------------------------------------------------------ meta (clusterer state)
def get_meta(store: Store, key: str) -> str | None:
    rows = store.db.query("SELECT value FROM meta WHERE key = ?", (key,))
    return rows[0]["value"] if rows else None


def set_meta(store: Store, key: str, value: str) -> None:
    store.db.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


# ------------------------------------------------------------------ assigning
def documents_without_story(store: Store) -> list[dict[str, Any]]:
    """Documents not yet in a story, oldest first (undated last), with the text the
    clusterer reads: the article, or its stored sentences when the text was not kept."""
    if store.versioned:  # a new version joins the story of the version it follows
        docs = store.db.query(
            "SELECT d.id, d.title, d.text, d.date, p.story_id AS previous_story FROM documents d"
            " LEFT JOIN documents p ON p.id = d.previous_version WHERE d.story_id IS NULL"
            " ORDER BY d.date IS NULL, d.date, d.id"
        )
    else:
        docs = store.db.query(
            "SELECT id, title, text, date, NULL AS previous_story FROM documents"
            " WHERE story_id IS NULL ORDER BY date IS NULL, date, id"
        )
    for doc in docs:
        if doc["text"] is None:
            rows = store.db.query(
                "SELECT text FROM sentences WHERE doc_id = ? ORDER BY start", (doc["id"],)
            )
            doc["text"] = "\n".join(r["text"] for r in rows)
        doc["entities"] = document_entities(store, doc["id"])
    return docs


def document_entities(store: Store, doc_id: str) -> list[str]:
    """Who and where a stored document names: coded actors (names and countries), quote
    speakers and event places, one item per mention (the clusterer counts them)."""
    out: list[str] = []
    for row in store.db.query(
        "SELECT source_name, source_country, target_name, target_country, location_name"
        " FROM mentions WHERE doc_id = ? ORDER BY sentence_start",
        (doc_id,),
    ):
        out += [v for v in row.values() if v]
    for row in store.db.query(
        "SELECT speaker_name, speaker_country FROM quotes WHERE doc_id = ? ORDER BY start",
        (doc_id,),
    ):
        out += [v for v in row.values() if v]
    return out


def set_document_stories(store: Store, assignment: dict[str, str]) -> None:
    store.db.executemany(
        "UPDATE documents SET story_id = ? WHERE id = ?",
        [(sid, doc_id) for doc_id, sid in assignment.items()],
    )


def save_stories(store: Store, labels: dict[str, str], recount: Iterable[str] = ()) -> None:
    """Upsert the stories' ``labels``; recount the documents (and their date range) of those
    and of ``recount``."""
    store.db.executemany(
        "INSERT INTO stories(id, label, n_documents) VALUES (?, ?, 0)"
        " ON CONFLICT(id) DO UPDATE SET label = excluded.label",
        [(sid, label) for sid, label in sorted(labels.items())],
    )
    ids = sorted(set(labels) | set(recount))
    dated = store.has_column("stories", "last_date")  # a store of schema 6 or later
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        marks = ",".join("?" * len(part))
        counts = {
            r["story_id"]: r
            for r in store.db.query(
                "SELECT story_id, COUNT(*) AS n, MIN(date) AS first_date, MAX(date) AS last_date"
                f" FROM documents WHERE story_id IN ({marks}) GROUP BY story_id",
                part,
            )
        }
        none = {"n": 0, "first_date": None, "last_date": None}
        rows = [(sid, counts.get(sid, none)) for sid in part]
        if not dated:
            store.db.executemany(
                "INSERT INTO stories(id, label, n_documents) VALUES (?, NULL, ?)"
                " ON CONFLICT(id) DO UPDATE SET n_documents = excluded.n_documents",
                [(sid, c["n"]) for sid, c in rows],
            )
            continue
        store.db.executemany(
            "INSERT INTO stories(id, label, n_documents, first_date, last_date)"
            " VALUES (?, NULL, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
            " n_documents = excluded.n_documents, first_date = excluded.first_date,"
            " last_date = excluded.last_date",
            [(sid, c["n"], c["first_date"], c["last_date"]) for sid, c in rows],
        )


# ------------------------------------------------------------------ clusterer state
def _state_rows(store: Store, columns: str, story_ids: Iterable[str]) -> list[dict[str, Any]]:
    """``columns`` of the saved story rows of ``story_ids``, by id (500 ids a query)."""
    ids = sorted(set(story_ids))
    out: list[dict[str, Any]] = []
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        marks = ",".join("?" * len(part))
        out += store.db.query(f"SELECT {columns} FROM story_state WHERE id IN ({marks})", part)
    return sorted(out, key=lambda r: r["id"])


def story_states(store: Store, story_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Saved story rows (id, size, state JSON, emb, summary JSON) of ``story_ids``, by id."""
    return _state_rows(store, "id, size, state, emb, summary", story_ids)


def story_embeddings(store: Store, latest: int | None = None) -> list[dict[str, Any]]:
    """Saved stories' size, embedding sum and seen (no centroids), by id: every story's, or
    those of the ``latest`` that took an article last."""
    if latest is None:
        return store.db.query(
            "SELECT id, size, emb, seen FROM story_state WHERE emb IS NOT NULL ORDER BY id"
        )
    rows = store.db.query(
        "SELECT id, size, emb, seen FROM story_state WHERE emb IS NOT NULL"
        " ORDER BY seen DESC, id DESC LIMIT ?",
        (int(latest),),
    )
    return sorted(rows, key=lambda r: r["id"])


def story_centroids(store: Store, latest: int) -> list[dict[str, Any]]:
    """Id, seen and mean embedding (float32 bytes) of the ``latest`` stories that took an
    article last, by id (read off the narrow table story_centroids, newest first)."""
    rows = store.db.query(
        "SELECT id, seen, centroid FROM story_centroids ORDER BY seen DESC, id DESC LIMIT ?",
        (int(latest),),
    )
    return sorted(rows, key=lambda r: r["id"])


def story_summaries(store: Store, story_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Saved stories' size, embedding sum and summary JSON (dates, norms), no centroids."""
    return _state_rows(store, "id, size, emb, seen, summary", story_ids)


def story_ids(store: Store) -> list[str]:
    return [r["id"] for r in store.db.query("SELECT id FROM story_state ORDER BY id")]


def save_story_states(
    store: Store, rows: list[tuple[str, int, str, str | None, int, str]]
) -> None:
    """Upsert story rows (id, size, state JSON, emb, seen, summary JSON)."""
    store.db.executemany(
        "INSERT INTO story_state(id, size, state, emb, seen, summary) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET size = excluded.size, state = excluded.state,"
        " emb = excluded.emb, seen = excluded.seen, summary = excluded.summary",
        rows,
    )


def latest_postings(
    store: Store, terms: Iterable[str], per_term: int
) -> dict[str, dict[str, tuple[int, float | None]]]:
    """Term -> {story id: (seen, weight)} of the ``per_term`` stories that took it last (one
    query a term, read off the index story_terms_seen alone: the cost does not grow with the
    stories holding a common term). A posting written before schema 9 has no weight."""
    out: dict[str, dict[str, tuple[int, float | None]]] = {}
    for term in terms:
        rows = store.db.query(
            "SELECT story_id, seen, w FROM story_terms WHERE term = ?"
            " ORDER BY seen DESC, story_id DESC LIMIT ?",
            (term, int(per_term)),
        )
        if rows:
            out[term] = {r["story_id"]: (r["seen"], r["w"]) for r in rows}
    return out


def add_story_terms(store: Store, rows: list[tuple[str, str, int, float]]) -> None:
    """Upsert postings (term, story id, seen, the term's weight in the story's centroid)."""
    store.db.executemany(
        "INSERT INTO story_terms(term, story_id, seen, w) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(term, story_id) DO UPDATE SET seen = excluded.seen, w = excluded.w",
        rows,
    )


def story_df(store: Store, terms: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Document frequencies: every term's, or those of ``terms`` (absent ones left out)."""
    if terms is None:
        return store.db.query("SELECT term, n FROM story_df")
    wanted = sorted(set(terms))
    out: list[dict[str, Any]] = []
    for i in range(0, len(wanted), 500):
        part = wanted[i : i + 500]
        marks = ",".join("?" * len(part))
        out += store.db.query(f"SELECT term, n FROM story_df WHERE term IN ({marks})", part)
    return out


def save_story_df(store: Store, rows: list[tuple[str, int]]) -> None:
    store.db.executemany(
        "INSERT INTO story_df(term, n) VALUES (?, ?)"
        " ON CONFLICT(term) DO UPDATE SET n = excluded.n",
        rows,
    )


# ------------------------------------------------------------------ reading
def storylines(
    store: Store, *, q: str | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Stories with their size and date range, biggest and latest first."""
    where, params = "", []
    if q:
        where = " WHERE LOWER(COALESCE(s.label, '')) LIKE ? ESCAPE '\\'"
        params.append(f"%{like_escape(q.lower())}%")
    mentions = (
        "(SELECT COUNT(*) FROM mentions m JOIN documents d2 ON d2.id = m.doc_id"
        f" WHERE d2.story_id = s.id{_CURRENT if store.versioned else ''}) AS n_mentions"
    )
    if store.has_column("stories", "last_date"):
        # the page is read off the index stories_order, its mentions counted for it alone
        return store.db.query(
            f"SELECT s.id, s.label, s.n_documents, s.first_date, s.last_date, {mentions}"
            f" FROM stories s{where}"
            " ORDER BY s.n_documents DESC, s.last_date IS NULL, s.last_date DESC, s.id"
            " LIMIT ? OFFSET ?",
            [*params, int(limit), int(offset)],
        )
    return store.db.query(  # a read-only store of an older schema: dates from its documents
        "SELECT s.id, s.label, s.n_documents, MIN(d.date) AS first_date, MAX(d.date) AS last_date,"
        f" {mentions} FROM stories s LEFT JOIN documents d ON d.story_id = s.id{where}"
        " GROUP BY s.id, s.label, s.n_documents"
        # aggregates repeated: PostgreSQL does not take output aliases inside expressions
        " ORDER BY s.n_documents DESC, MAX(d.date) IS NULL, MAX(d.date) DESC, s.id"
        " LIMIT ? OFFSET ?",
        [*params, int(limit), int(offset)],
    )


def storyline(store: Store, story_id: str) -> dict[str, Any]:
    """One story and its documents (dated first, oldest first)."""
    rows = store.db.query("SELECT id, label, n_documents FROM stories WHERE id = ?", (story_id,))
    if not rows:
        raise NotFound(NotFound.E400.format(kind="storyline", id=story_id))
    story = rows[0]
    story["documents"] = store.db.query(
        "SELECT id, title, date, url, source, n_words FROM documents WHERE story_id = ?"
        " ORDER BY date IS NULL, date, id",
        (story_id,),
    )
    return story


def story_mentions(store: Store, story_id: str) -> list[dict[str, Any]]:
    """Every event mention of a story's documents (records plus ``event_id``)."""
    out = []
    for row in store.db.query(
        "SELECT m.record, m.event_id FROM mentions m JOIN documents d ON d.id = m.doc_id"
        f" WHERE d.story_id = ?{_CURRENT_D if store.versioned else ''}"
        " ORDER BY m.doc_id, m.sentence_start, m.id",
        (story_id,),
    ):
        record = json.loads(row["record"])
        record["event_id"] = row["event_id"]
        out.append(record)
    return out


def document_rows(store: Store, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Title, dates, url, publisher and length of the given documents (no text), by id."""
    out: dict[str, dict[str, Any]] = {}
    ids = sorted(set(doc_ids))
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        marks = ",".join("?" * len(part))
        for row in store.db.query(
            "SELECT id, title, date, url, source, story_id, ingested_at, n_chars FROM documents"
            f" WHERE id IN ({marks})",
            part,
        ):
            out[row["id"]] = row
    return out

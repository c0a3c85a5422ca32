"""Store facade: add extractions (one transaction per batch), query, aggregate, export."""

from __future__ import annotations

import json
import math
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import date as Date
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

from newsevents.errors import NotFound, StoreError
from newsevents.ingest.versions import Latest, text_sha, version_id
from newsevents.models import Event, Extraction, Quote, Record, Rejection
from newsevents.quotes.names import speaker_query_words
from newsevents.store.backend import Backend, schema_sql
from newsevents.store.centroids import fill_story_centroids

# Numbered migrations: what brings a store of version n-1 to version n. Each step adds columns
# only when missing, so a partly migrated store (a crash mid-way) finishes on the next open.
MIGRATIONS: dict[int, list[tuple[str, str, str]]] = {
    # (table, column, type)
    2: [
        ("documents", "given_id", "TEXT"),
        ("documents", "version", "INTEGER NOT NULL DEFAULT 1"),
        ("documents", "previous_version", "TEXT"),
        ("documents", "superseded_by", "TEXT"),
    ],
    3: [("documents", "encoding", "TEXT")],  # how a file's bytes were decoded (utf-8, cp1252...)
    4: [],  # indexes only (MIGRATION_SQL)
    # when a story last took an article: its term postings and embedding are searched
    # latest first (newsevents.stories.cluster PER_TERM, EMB_WINDOW)
    5: [
        ("story_terms", "seen", "INTEGER NOT NULL DEFAULT 0"),
        ("story_state", "seen", "INTEGER NOT NULL DEFAULT 0"),
    ],
    # a story's date range kept with its count (/api/storylines grouped every document per
    # page); the other indexes of version 6 are in the schema script
    6: [("stories", "first_date", "TEXT"), ("stories", "last_date", "TEXT")],
    # an actor's event and quote counts kept with it, changed as mentions and quotes are
    # added and deleted (/api/actors counted every mention of every actor per request)
    7: [
        ("actors", "n_events", "INTEGER NOT NULL DEFAULT 0"),
        ("actors", "n_quotes", "INTEGER NOT NULL DEFAULT 0"),
    ],
    # the table speakers (its rows made from the quotes in MIGRATION_SQL) and the indexes
    # mentions_plover_list, mentions_root_list (a page of one event type read off an index
    # led by the type) of the schema script
    8: [],
    # an article's candidate stories are shortlisted from the term index and a summary of
    # each (newsevents.stories.cluster SHORTLIST): a posting's weight in its story's
    # centroid, a story's dates and norms
    9: [("story_terms", "w", "REAL"), ("story_state", "summary", "TEXT")],
    # story_centroids: the stories' mean embeddings in a narrow table (the storylines'
    # window of them is read at every update), filled from the sums (MIGRATION_CODE)
    10: [],
}
# An actor's events are the mentions with it on either side, each once, its quotes those it
# is the speaker of: counted so at migration 7 (and for a store of an older schema), then
# kept by ingest, which adds and subtracts as it writes and deletes (``ActorDeltas``).
N_EVENTS = (
    "(SELECT COUNT(*) FROM mentions m WHERE m.source_id = {a}.id)"
    " + (SELECT COUNT(*) FROM mentions m WHERE m.target_id = {a}.id"
    " AND (m.source_id IS NULL OR m.source_id <> {a}.id))"
)
N_QUOTES = "(SELECT COUNT(*) FROM quotes q WHERE q.speaker_id = {a}.id)"


def actor_counts(alias: str) -> str:
    """The two counts of actor ``alias`` as SELECT columns (n_events, n_quotes)."""
    return f"{N_EVENTS} AS n_events, {N_QUOTES} AS n_quotes".replace("{a}", alias)


# schema 8 (as in schema.sql, which runs after the migrations: made here to be filled)
SPEAKERS_TABLE = (
    "CREATE TABLE IF NOT EXISTS speakers (name TEXT NOT NULL, id TEXT NOT NULL,"
    " country TEXT NOT NULL, PRIMARY KEY (name, id, country))"
)
MIGRATION_SQL: dict[int, list[str]] = {
    2: ["UPDATE documents SET given_id = id WHERE given_id IS NULL"],
    # an actor's mention and quote counts by id (/api/actors scanned every mention per actor)
    4: [
        "CREATE INDEX IF NOT EXISTS mentions_source ON mentions(source_id)",
        "CREATE INDEX IF NOT EXISTS mentions_target ON mentions(target_id)",
        "CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id)",
    ],
    6: [
        # replaced by documents_current_order, documents_replaced, mentions_list and
        # mentions_dated (schema.sql)
        "DROP INDEX IF EXISTS documents_superseded",
        "DROP INDEX IF EXISTS mentions_order",
        "DROP INDEX IF EXISTS mentions_date",
        "UPDATE stories SET"
        " first_date = (SELECT MIN(d.date) FROM documents d WHERE d.story_id = stories.id),"
        " last_date = (SELECT MAX(d.date) FROM documents d WHERE d.story_id = stories.id)",
    ],
    7: [f"UPDATE actors SET n_events = {N_EVENTS}, n_quotes = {N_QUOTES}".replace("{a}", "actors")],
    8: [
        SPEAKERS_TABLE,
        "INSERT INTO speakers(name, id, country) SELECT DISTINCT COALESCE(speaker_name, ''),"
        " COALESCE(speaker_id, ''), COALESCE(speaker_country, '') FROM quotes WHERE true"
        " ON CONFLICT DO NOTHING",
    ],
    # story_terms_seen is made again with the weight (schema.sql): postings read off it alone
    9: ["DROP INDEX IF EXISTS story_terms_seen"],
}
SCHEMA_VERSION = str(max(MIGRATIONS))
# schema 10 (as in schema.sql, which runs after the migrations: made here to be filled)
CENTROIDS_TABLE = (
    "CREATE TABLE IF NOT EXISTS story_centroids (id TEXT PRIMARY KEY, seen INTEGER NOT NULL,"
    " centroid BYTEA NOT NULL)"
)
MIGRATION_SQL[10] = [CENTROIDS_TABLE]


def _fill_centroids(store: Store) -> None:
    if "story_state" in store._tables():
        fill_story_centroids(store)


# Steps SQL cannot do (decoding stored embeddings), run after the step's MIGRATION_SQL.
MIGRATION_CODE: dict[int, Callable[[Store], None]] = {10: _fill_centroids}

# Mentions and quotes of superseded versions are kept but left out of queries by default.
DOC_FILTER = "doc_id IN (SELECT id FROM documents WHERE id = ? OR given_id = ?)"
CURRENT_DOCS = "doc_id NOT IN (SELECT id FROM documents WHERE superseded_by IS NOT NULL)"
ACTOR_COLS = ("id", "name", "country", "sector", "code")
KEEP_TEXT = ("full", "sentences", "none")
EventIds = Callable[[Event], str]  # a mention -> the id of the event it reports


class ActorDeltas:
    """What a batch adds to (or takes from) each actor's event and quote counts: a mention
    counts once for its source and once for its target when that is another actor."""

    def __init__(self) -> None:
        self.events: Counter[str] = Counter()
        self.quotes: Counter[str] = Counter()

    def mention(self, source_id: str | None, target_id: str | None, sign: int) -> None:
        if source_id:
            self.events[source_id] += sign
        if target_id and target_id != source_id:
            self.events[target_id] += sign

    def quote(self, speaker_id: str | None, sign: int) -> None:
        if speaker_id:
            self.quotes[speaker_id] += sign

    def extraction(self, x: Extraction, sign: int) -> None:
        for e in x.events:
            self.mention(e.source.id if e.source else None, e.target.id if e.target else None, sign)
        for q in x.quotes:
            self.quote(q.speaker.id if q.speaker else None, sign)

    def rows(self) -> list[tuple[int, int, str]]:
        ids = sorted(k for k in {*self.events, *self.quotes} if self.events[k] or self.quotes[k])
        return [(self.events[k], self.quotes[k], k) for k in ids]


@dataclass
class AddResult:
    added: int = 0
    skipped: int = 0  # same id and same text already stored
    replaced: int = 0  # re-coded in place (``replace=True``: recode)
    versions: int = 0  # of the added: new versions of a stored document (the old one is kept)


def _actor_cols(actor: Any) -> tuple:
    if actor is None:
        return (None, None, None, None, None)
    return (actor.id, actor.name, actor.country, actor.sector, actor.code)


def speaker_key(speaker: Any) -> tuple[str, str, str]:
    """A quote's speaker as a row of the table speakers: name, id, country ('' for none)."""
    if speaker is None:
        return ("", "", "")
    return (speaker.name or "", speaker.id or "", speaker.country or "")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """One store: a SQLite file path (default) or a ``postgresql://`` URL."""

    def __init__(self, url: str | Path = "news.db", *, create: bool = True):
        """Open a store; ``create=False`` refuses a SQLite path with no file (query commands).
        A read-only file is opened read-only (queries answer, writes raise E305); another
        program's database is refused (E303) without writing anything into it."""
        self.url = str(url)
        self.db = Backend(self.url, create=create)
        self.read_only = self.db.read_only
        try:
            tables = self._tables()
            if tables and not {"meta", "documents", "mentions"} <= tables:
                raise StoreError(
                    StoreError.E303.format(url=self.url, tables=", ".join(sorted(tables)[:8]))
                )
            if not self.read_only:
                self._open_for_writing(new_store=not tables)
        except BaseException:
            self.db.close()
            raise
        self.versioned = "superseded_by" in self._columns("documents")
        self._known: dict[str, set[str]] = {}  # table -> its columns, read once
        self._indexes: set[str] | None = None
        self._table_names: set[str] | None = None

    def has_column(self, table: str, column: str) -> bool:
        """Whether the store's ``table`` has ``column`` (a read-only store of an older schema
        lacks the newer ones); read once a table, the schema does not change once open."""
        if table not in self._known:
            self._known[table] = self._columns(table)
        return column in self._known[table]

    def _open_for_writing(self, new_store: bool) -> None:
        if not new_store:
            self._migrate()  # before the schema script: its indexes may need migrated columns
        self.db.script(schema_sql())
        if new_store:
            self.db.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?)"
                " ON CONFLICT(key) DO NOTHING",
                (SCHEMA_VERSION,),
            )

    def _tables(self) -> set[str]:
        if self.db.dialect == "sqlite":
            sql = "SELECT name AS t FROM sqlite_master WHERE type = 'table'"
        else:
            sql = "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema()"
        return {r["t"] for r in self.db.query(sql)}

    def _columns(self, table: str) -> set[str]:
        if self.db.dialect == "sqlite":
            return {r["name"] for r in self.db.query(f"PRAGMA table_info({table})")}
        return {
            r["column_name"]
            for r in self.db.query(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", (table,)
            )
        }

    def schema_version(self) -> int:
        rows = self.db.query("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(rows[0]["value"]) if rows else 1

    def _migrate(self) -> None:
        """Bring a store made by an earlier build to the newest schema, one numbered step at a
        time (each step in one transaction)."""
        have = self._columns("documents")
        for column in ("duplicate_of", "fingerprint", "language"):  # added within version 1
            if column not in have:
                self.db.execute(f"ALTER TABLE documents ADD COLUMN {column} TEXT")
        current = self.schema_version()
        for n in sorted(MIGRATIONS):
            if n <= current:
                continue
            with self.db.transaction():
                tables = self._tables()
                for table, column, kind in MIGRATIONS[n]:
                    # a table the store does not have yet is made whole by the schema script
                    if table in tables and column not in self._columns(table):
                        self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
                for sql in MIGRATION_SQL.get(n, []):
                    self.db.execute(sql)
                if n in MIGRATION_CODE:
                    MIGRATION_CODE[n](self)
                self.db.execute(
                    "INSERT INTO meta(key, value) VALUES ('schema_version', ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (str(n),),
                )

    def change_counter(self) -> int | None:
        """A number that changes whenever anything is committed to the store (by any
        connection or process); None where the backend has none (PostgreSQL). The API's
        response cache (api/cache.py) keeps a page while it stays the same."""
        return self.db.change_counter()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- writing
    def stored_sha(self, doc_ids: Iterable[str]) -> dict[str, str]:
        return {k: v["sha256"] for k, v in self._stored(doc_ids).items()}

    def _stored(self, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ids = list(doc_ids)
        out: dict[str, dict[str, Any]] = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            marks = ",".join("?" * len(part))
            for row in self.db.query(
                "SELECT id, sha256, story_id, given_id, version, previous_version, superseded_by"
                f" FROM documents WHERE id IN ({marks})",
                part,
            ):
                out[row["id"]] = row
        return out

    def latest_versions(self, given_ids: Iterable[str]) -> dict[str, Latest]:
        """The newest stored version of each given document id (with every version's hash)."""
        ids = list(given_ids)
        out: dict[str, Latest] = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            marks = ",".join("?" * len(part))
            for row in self.db.query(
                "SELECT id, given_id, sha256, version, superseded_by FROM documents"
                f" WHERE given_id IN ({marks}) ORDER BY version",
                part,
            ):
                latest = out.setdefault(row["given_id"], Latest(row["id"], row["sha256"], 0))
                latest.seen.add(row["sha256"])
                if row["superseded_by"] is None:
                    latest.id, latest.sha256, latest.version = (
                        row["id"],
                        row["sha256"],
                        row["version"],
                    )
        return out

    def versions(self, doc_id: str) -> list[dict[str, Any]]:
        """Every stored version of the document ``doc_id`` belongs to, oldest first."""
        rows = self.db.query("SELECT given_id FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            return []
        return self.db.query(
            "SELECT id, version, previous_version, superseded_by, sha256, ingested_at"
            " FROM documents WHERE given_id = ? ORDER BY version",
            (rows[0]["given_id"],),
        )

    def fingerprints_in_bands(self, keys: list[str], limit: int = 50) -> list[tuple[str, str]]:
        """(id, MinHash fingerprint) of stored articles that share one of the LSH band ``keys``
        (candidates for near-duplicates: newsevents.corpus.copies decides)."""
        marks = ",".join("?" * len(keys))
        rows = self.db.query(
            "SELECT DISTINCT d.id, d.fingerprint FROM doc_bands b JOIN documents d ON d.id = b.doc_id"
            f" WHERE b.band IN ({marks}) ORDER BY d.id LIMIT {int(limit)}",
            keys,
        )
        return [(row["id"], row["fingerprint"]) for row in rows]

    def mentions_around(
        self, plover: str, negated: bool, date: str | None, doc: str, days: int, limit: int = 200
    ) -> list[dict[str, Any]]:
        """Stored mentions of type ``plover`` and polarity ``negated`` dated at most ``days``
        days from ``date`` (for an undated one: the undated mentions of document ``doc``), with
        their event id and dyad columns (candidates for one event: newsevents.corpus.identity)."""
        return self.db.query(
            "SELECT event_id, source_country, source_name, target_country, target_name, date"
            " FROM mentions WHERE plover = ? AND negated = ? AND (date IS NULL AND ? IS NULL OR"
            " date BETWEEN ? AND ?) AND (date IS NOT NULL OR doc_id = ?)"
            f" LIMIT {int(limit)}",
            (plover, int(negated), date, _shift(date, -days), _shift(date, days), doc),
        )

    def add(
        self,
        extractions: Iterable[Extraction],
        keep_text: str = "full",
        *,
        replace: bool = False,
        event_ids: EventIds | None = None,
    ) -> AddResult:
        """Store a batch of extractions in one transaction. Re-adding the same text is a no-op;
        the same id with a new text is stored as a new version linked to the old one, which is
        kept. ``replace`` re-codes a stored document in place (``recode``), keeping its story.
        ``event_ids(event)`` names each mention's event as it is written (the corpus stage's
        event identity, ``newsevents.corpus.add``); without it a mention keeps the event id it
        carries, or is an event of its own."""
        if keep_text not in KEEP_TEXT:
            raise ValueError(f"keep_text must be one of {KEEP_TEXT}")
        batch = list(extractions)
        for x in batch:  # every span must point back to its evidence
            bad = x.bad_spans()
            if bad:
                raise StoreError(
                    f"document {x.article.id!r}: {len(bad)} spans do not point into its text"
                    f" ({bad[0]})"
                )
        result = AddResult()
        with self.db.transaction():
            deltas = ActorDeltas()
            known = self._stored(x.article.id for x in batch)
            for x in batch:
                a = x.article
                sha = text_sha(a.text)
                row = known.get(a.id)
                if row is not None and replace:
                    self._delete_document(a.id, deltas)
                    self._insert(x, sha, keep_text, event_ids)
                    deltas.extraction(x, +1)
                    self._restore(row)
                    result.replaced += 1
                    continue
                if row is not None:
                    latest = self.latest_versions([row["given_id"] or a.id]).get(
                        row["given_id"] or a.id
                    )
                    if row["sha256"] == sha or (latest and sha in latest.seen):
                        result.skipped += 1
                        continue
                    # The caller kept the old id for a new text: store it as the next version.
                    _as_version(x, row["given_id"] or a.id, latest)
                self._insert(x, sha, keep_text, event_ids)
                deltas.extraction(x, +1)
                if a.previous_version:
                    self.db.execute(
                        "UPDATE documents SET superseded_by = ? WHERE id = ?",
                        (a.id, a.previous_version),
                    )
                    result.versions += 1
                result.added += 1
                known[a.id] = {"id": a.id, "sha256": sha, "given_id": a.key}
            self._count_actors(deltas)
        return result

    def _count_actors(self, deltas: ActorDeltas) -> None:
        """Add a batch's changes to its actors' event and quote counts (schema 7)."""
        if not self.has_column("actors", "n_events"):
            return
        self.db.executemany(
            "UPDATE actors SET n_events = n_events + ?, n_quotes = n_quotes + ? WHERE id = ?",
            deltas.rows(),
        )

    def _restore(self, row: dict[str, Any]) -> None:
        """What a re-coded document keeps: its storyline and its place among versions."""
        self.db.execute(
            "UPDATE documents SET story_id = ?, given_id = ?, version = ?, previous_version = ?,"
            " superseded_by = ? WHERE id = ?",
            (
                row["story_id"],
                row["given_id"] or row["id"],
                row["version"] or 1,
                row["previous_version"],
                row["superseded_by"],
                row["id"],
            ),
        )

    def _delete_document(self, doc_id: str, deltas: ActorDeltas) -> None:
        for m in self.db.query(
            "SELECT source_id, target_id FROM mentions WHERE doc_id = ?", (doc_id,)
        ):
            deltas.mention(m["source_id"], m["target_id"], -1)
        for q in self.db.query("SELECT speaker_id FROM quotes WHERE doc_id = ?", (doc_id,)):
            deltas.quote(q["speaker_id"], -1)
        for table, col in (
            ("mentions", "doc_id"),
            ("quotes", "doc_id"),
            ("sentences", "doc_id"),
            ("times", "doc_id"),
            ("places", "doc_id"),
            ("doc_bands", "doc_id"),
            ("documents", "id"),
        ):
            self.db.execute(f"DELETE FROM {table} WHERE {col} = ?", (doc_id,))

    def _insert(
        self, x: Extraction, sha: str, keep_text: str, event_ids: EventIds | None = None
    ) -> None:
        a = x.article
        self.db.execute(
            "INSERT INTO documents(id, title, text, keep_text, date, url, source, path, sha256,"
            " n_chars, n_words, duplicate_of, fingerprint, ingested_at, given_id, version,"
            " previous_version, language, encoding)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                a.id,
                a.title,
                a.text if keep_text == "full" else None,
                keep_text,
                a.date,
                a.url,
                a.source,
                a.path,
                sha,
                len(a.text),
                len(a.text.split()),
                a.duplicate_of,
                a.fingerprint,
                _now(),
                a.key,
                a.version,
                a.previous_version,
                a.language,
                a.encoding,
            ),
        )
        if a.fingerprint and not a.duplicate_of:
            from newsevents.ingest.dedupe import band_keys, from_hex

            self.db.executemany(
                "INSERT INTO doc_bands(band, doc_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(band, a.id) for band in band_keys(from_hex(a.fingerprint))],
            )
        if keep_text == "sentences":
            spans = {(e.sentence_start, e.sentence_end) for e in x.events}
            spans |= {
                (q.sentence_start, q.sentence_end) for q in x.quotes if q.sentence_start is not None
            }
            spans |= {(q.start, q.end) for q in x.quotes if q.sentence_start is None}
            self.db.executemany(
                'INSERT INTO sentences(doc_id, start, "end", text) VALUES (?,?,?,?) ON CONFLICT DO NOTHING',
                [(a.id, s, e, a.text[s:e]) for s, e in sorted(spans)],
            )
        for actor in [
            *(e.source for e in x.events),
            *(e.target for e in x.events),
            *(q.speaker for q in x.quotes),
        ]:
            if actor is not None and actor.id:
                self.db.execute(
                    "INSERT INTO actors(id, name, country, sector, code) VALUES (?,?,?,?,?)"
                    " ON CONFLICT(id) DO NOTHING",
                    (actor.id, actor.name, actor.country, actor.sector, actor.code),
                )
        self.db.executemany(
            'INSERT INTO times(doc_id, start, "end", text, type, value, date, date_end, precision)'
            " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            [
                (
                    a.id,
                    t.start,
                    t.end,
                    t.text if keep_text != "none" else None,
                    t.type,
                    t.value,
                    t.date,
                    t.date_end,
                    t.precision,
                )
                for t in x.times
            ],
        )
        self.db.executemany(
            'INSERT INTO places(doc_id, start, "end", text, name, geonameid, lat, lon, country,'
            " feature_code, admin1, type, how) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT DO NOTHING",
            [
                (
                    a.id,
                    p.start,
                    p.end,
                    p.text if keep_text != "none" else None,
                    p.name,
                    p.geonameid,
                    p.lat,
                    p.lon,
                    p.country,
                    p.feature_code,
                    p.admin1,
                    p.type,
                    p.how,
                )
                for p in x.locations
                if p.start is not None
            ],
        )
        for event in x.events:
            # the corpus stage's identity reads the mentions written so far (this batch too)
            event.event_id = event_ids(event) if event_ids else event.event_id or f"ev:{event.id}"
            self._insert_mention(event, keep_text)
        for quote in x.quotes:
            self._insert_quote(quote, keep_text)

    def _insert_mention(self, e: Event, keep_text: str) -> None:
        record = e.to_dict()
        if keep_text == "none":
            record["sentence"] = None
        loc = e.location
        values = {
            "id": e.id,
            "doc_id": e.doc,
            "event_id": e.event_id,
            "sentence": e.sentence if keep_text != "none" else "",
            "sentence_start": e.sentence_start,
            "sentence_end": e.sentence_end,
            "plover": e.plover,
            "cameo": e.cameo,
            "quad_class": e.quad_class,
            "goldstein": e.goldstein,
            "mode": e.mode,
            "context": e.context,
            "negated": int(e.negated),
            "modality": e.modality,
            "date": e.date,
            "date_end": e.date_end,
            "date_precision": e.date_precision,
            "location_name": loc.name if loc else None,
            "location_country": loc.country if loc else None,
            "lat": loc.lat if loc else None,
            "lon": loc.lon if loc else None,
            "confidence": e.confidence,
            "coder_version": e.coder_version,
            "record": json.dumps(record, ensure_ascii=False),
        }
        for role, actor in (("source", e.source), ("target", e.target)):
            for col, value in zip(ACTOR_COLS, _actor_cols(actor), strict=True):
                values[f"{role}_{col}"] = value
        cols = ", ".join(values)
        self.db.execute(
            f"INSERT INTO mentions({cols}) VALUES ({','.join('?' * len(values))})",
            tuple(values.values()),
        )

    def _insert_quote(self, q: Quote, keep_text: str) -> None:
        record = q.to_dict()
        if keep_text == "none":
            record["quote"] = None
        sp = q.speaker
        self.db.execute(
            'INSERT INTO quotes(id, doc_id, quote, start, "end", kind, speaker_id, speaker_name,'
            " speaker_country, speaker_sector, channel, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                q.id,
                q.doc,
                q.quote if keep_text != "none" else "",
                q.start,
                q.end,
                q.kind,
                sp.id if sp else None,
                sp.name if sp else None,
                sp.country if sp else None,
                sp.sector if sp else None,
                q.channel,
                json.dumps(record, ensure_ascii=False),
            ),
        )
        if self.has_table("speakers"):
            self.db.execute(
                "INSERT INTO speakers(name, id, country) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                speaker_key(sp),
            )

    def add_rejections(self, rejections: Iterable[Rejection]) -> int:
        rows = [(r.id, r.reason, r.detail, r.path, _now()) for r in rejections]
        with self.db.transaction():
            self.db.executemany(
                "INSERT INTO rejections(id, reason, detail, path, at) VALUES (?,?,?,?,?)"
                " ON CONFLICT(id, reason) DO UPDATE SET detail = excluded.detail, at = excluded.at",
                rows,
            )
        return len(rows)

    # ---------------------------------------------------------------- reading
    def events(self, **filters: Any) -> list[Record]:
        """Event mentions as records (the extract format plus ``event_id``), filtered; mentions
        of superseded document versions only with ``include_superseded`` (the filters and
        paging of :meth:`events_query`)."""
        sql, params = self.events_query(select="record, event_id", **filters)
        out = []
        for row in self.db.query(sql, params):
            record = json.loads(row["record"], object_hook=Record)
            record["event_id"] = row["event_id"]
            out.append(record)
        return out

    def events_json(self, **filters: Any) -> list[str]:
        """The records of :meth:`events` as JSON texts (the same objects, keys in the same
        order), as the store wrote them where it can: a page of the API is sent without
        decoding and encoding every record in Python.

        A record names its event as the column does (written together): then it goes as it
        is; else (an older or edited row) it is decoded, given the column's id and written
        again. Python writes a float that is not a number as NaN or Infinity, which JSON has
        not: such a record is written again too, with null (as the API's encoder does). Both
        are substring tests here (SQLite's instr went through each record character by
        character: 0.6 ms of a page of 50)."""
        sql, params = self.events_query(select="record, event_id", **filters)
        return [_event_text(r["record"], r["event_id"]) for r in self.db.query(sql, params)]

    def events_query(
        self,
        *,
        select: str = "record",
        actor: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        doc: str | None = None,
        event_id: str | None = None,
        language: str | None = None,
        include_negated: bool = True,
        include_superseded: bool = False,
        limit: int | None = 1000,
        offset: int = 0,
    ) -> tuple[str, list[Any]]:
        """The mention list query (``select``: its columns) and its parameters.

        A page is read in list order off an index, which the filters' columns are tested on.
        With a type and no date range that index is one led by the type (``type_branches``):
        the mentions of that PLOVER type and those of that CAMEO root, each in list order,
        merged (UNION ALL), not a walk through every mention of other types."""
        branches = None
        if type and not (since or until) and self.has_index("mentions_plover_list"):
            branches = type_branches(type, self.has_index("mentions_root_list"))
        where, params = mention_filters(
            actor=actor,
            type=None if branches else type,
            since=since,
            until=until,
            doc=doc,
            event_id=event_id,
            language=language,
            include_negated=include_negated,
            current=self.versioned and not include_superseded,
            ascii_case=self.db.ascii_case,
        )
        order = "date IS NULL, date, doc_id, sentence_start, id"
        floor = self._date_floor(since) if since else None
        if floor is not None or (until and not since):
            # Every mention these dates select has a date: the page is a range of the index
            # mentions_dated (the same order), from the earliest day one of them starts on.
            order = "date, doc_id, sentence_start, id"
            if floor is not None:
                where.append("date >= ?")
                params.append(floor)
        if branches:
            hint = self.db.dialect == "sqlite"  # PostgreSQL's planner picks its own index
            parts, all_params = [], []
            for index, clause, branch_params in branches:
                parts.append(
                    f"SELECT {LIST_ORDER_COLS}, {select} FROM mentions"
                    + (f" INDEXED BY {index}" if hint else "")
                    + " WHERE "
                    + " AND ".join([clause, *where])
                )
                all_params += [*branch_params, *params]
            sql, params = " UNION ALL ".join(parts) + " ORDER BY " + LIST_ORDER, all_params
        else:
            sql = f"SELECT {select} FROM mentions" + (
                " WHERE " + " AND ".join(where) if where else ""
            )
            sql += " ORDER BY " + order
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return sql, params

    def _date_floor(self, since: str) -> str | None:
        """The earliest date of a mention that ends on or after ``since`` (the filter is on
        the end of a period): ``since`` itself unless a period that starts before it ends
        after it. None where an undated mention ends after ``since`` (it sorts last, among
        the undated) or the store lacks the index of the mentions' ends."""
        if not self.has_index("mentions_date_end"):
            return None
        hint = " INDEXED BY mentions_date_end" if self.db.dialect == "sqlite" else ""
        row = self.db.query(
            "SELECT MIN(date) AS floor, COUNT(*) - COUNT(date) AS undated"
            f" FROM mentions{hint} WHERE date_end >= ? AND (date < ? OR date IS NULL)",
            (since, since),
        )[0]
        if row["undated"]:
            return None
        return min(since, row["floor"]) if row["floor"] is not None else since

    def has_table(self, name: str) -> bool:
        """Whether the store has table ``name`` (a read-only store of an older schema may not)."""
        if self._table_names is None:
            self._table_names = self._tables()
        return name in self._table_names

    def has_index(self, name: str) -> bool:
        """Whether the store has index ``name`` (a read-only store of an older schema may not)."""
        if self._indexes is None:
            if self.db.dialect == "sqlite":
                sql = "SELECT name FROM sqlite_master WHERE type = 'index'"
            else:
                sql = "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()"
            self._indexes = {r["name"] for r in self.db.query(sql)}
        return name in self._indexes

    def quotes(self, **filters: Any) -> list[Record]:
        """Stored quote records, in document order or (``by_speaker``) grouped by speaker
        (the filters and paging of :meth:`quotes_query`)."""
        rows = self.quote_rows("record", **filters)
        return [json.loads(r["record"], object_hook=Record) for r in rows]

    def quotes_json(self, **filters: Any) -> list[tuple[str, str | None, tuple]]:
        """The records of :meth:`quotes` as JSON texts, each with its speaker's (JSON text,
        None without one) and the speaker's (name, id); see :meth:`events_json`."""
        if self.db.json_functions:
            select = (
                "record, json_extract(record, '$.speaker') AS speaker,"
                " json_extract(record, '$.speaker.name') AS name,"
                " json_extract(record, '$.speaker.id') AS sid"
            )
            try:
                rows = self.quote_rows(select, **filters)
            except sqlite3.OperationalError:  # a record SQLite does not read (NaN)
                pass
            else:
                return [
                    (r["record"], r["speaker"] if r["speaker"] not in (None, "{}") else None,
                     (r["name"], r["sid"]))
                    for r in rows
                ]  # fmt: skip
        out = []
        for r in self.quotes(**filters):
            sp = r.get("speaker") or {}
            out.append(
                (_json_text(r), _json_text(sp) if sp else None, (sp.get("name"), sp.get("id")))
            )
        return out

    def quote_rows(
        self,
        select: str,
        *,
        speaker: str | None = None,
        limit: int | None = 1000,
        offset: int = 0,
        by_speaker: bool = False,
        **filters: Any,
    ) -> list[dict[str, Any]]:
        """The rows (``select``: their columns) of a page of quotes (:meth:`quotes_query`).

        A page of one speaker's quotes in speaker order is not picked out of every quote in
        that order: the speakers whose quotes can match are found first in the small table
        of every stored speaker (schema 8, ``speaker_keys``), and only their quotes are read,
        off the order's index (the speaker filter is still tested on each). Speakers with a
        name come first in that order; the page reads on into the quotes of speakers without
        one (matched by country or id) only where it runs past the named ones."""
        if not (speaker and by_speaker and self.has_table("speakers")):
            sql, params = self.quotes_query(
                select=select, speaker=speaker, limit=limit, offset=offset,
                by_speaker=by_speaker, **filters,
            )  # fmt: skip
            return self.db.query(sql, params)
        where, params = self._quote_filters(speaker=speaker, **filters)
        keys, key_params = speaker_keys(speaker)
        hint = " INDEXED BY quotes_speaker_order" if self.db.dialect == "sqlite" else ""
        order = " ORDER BY LOWER(speaker_name), speaker_id, doc_id, start"
        named = (
            f"SELECT {select} FROM quotes{hint} WHERE (speaker_name IS NULL) = FALSE"
            f" AND LOWER(speaker_name) IN (SELECT LOWER(name) FROM speakers WHERE {keys})"
            f" AND {' AND '.join(where)}"
        )
        paged = limit is not None  # without a limit, no offset either (as quotes_query)
        page = " LIMIT ? OFFSET ?" if paged else ""
        rows = self.db.query(
            named + order + page,
            [*key_params, *params, *([int(limit), int(offset)] if paged else [])],
        )
        if paged and len(rows) >= int(limit):
            return rows
        if not self.db.query(
            f"SELECT 1 AS one FROM speakers WHERE name = '' AND {keys} LIMIT 1", key_params
        ):
            return rows
        skip = 0
        if paged and offset and not rows:  # the page starts past the named speakers' quotes
            n = self.db.query(
                f"SELECT COUNT(*) AS n FROM ({named}) AS named", [*key_params, *params]
            )[0]["n"]
            skip = max(0, int(offset) - int(n))
        unnamed = (
            f"SELECT {select} FROM quotes{hint} WHERE (speaker_name IS NULL) = TRUE"
            f" AND {' AND '.join(where)}{order}{page}"
        )
        more = [*params, *([int(limit) - len(rows), skip] if paged else [])]
        return rows + self.db.query(unnamed, more)

    def _quote_filters(
        self,
        *,
        speaker: str | None = None,
        doc: str | None = None,
        kind: str | None = None,
        include_superseded: bool = False,
    ) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if speaker:
            # any of the speaker's names: "Sen. Jane Roe", "Roe", "Jane Roe" find the same
            # canonical speaker; the actors table holds the other names an id goes by
            words = [f"%{like_escape(w)}%" for w in speaker_query_words(speaker)]
            name_like = " AND ".join(["LOWER(speaker_name) LIKE ? ESCAPE '\\'"] * len(words))
            actor_like = " AND ".join(["LOWER(name) LIKE ? ESCAPE '\\'"] * len(words))
            where.append(
                f"(({name_like}) OR speaker_country = ? OR speaker_id = ?"
                f" OR speaker_id IN (SELECT id FROM actors WHERE {actor_like}))"
            )
            params += [*words, speaker.upper(), speaker, *words]
        if doc:
            where.append(DOC_FILTER if self.versioned else "doc_id = ?")
            params += [doc, doc] if self.versioned else [doc]
        if self.versioned and not include_superseded:
            where.append(CURRENT_DOCS)
        if kind:
            where.append("kind = ?")
            params.append(kind)
        return where, params

    def quotes_query(
        self,
        *,
        select: str = "record",
        speaker: str | None = None,
        doc: str | None = None,
        kind: str | None = None,
        include_superseded: bool = False,
        limit: int | None = 1000,
        offset: int = 0,
        by_speaker: bool = False,
    ) -> tuple[str, list[Any]]:
        """The quote list query (``select``: its columns) and its parameters, in document
        order or (``by_speaker``) speaker order, read off the index quotes_speaker_order."""
        where, params = self._quote_filters(
            speaker=speaker, doc=doc, kind=kind, include_superseded=include_superseded
        )
        sql = f"SELECT {select} FROM quotes" + (" WHERE " + " AND ".join(where) if where else "")
        order = " ORDER BY doc_id, start"
        if by_speaker:  # read off the index quotes_speaker_order
            order = " ORDER BY speaker_name IS NULL, LOWER(speaker_name), speaker_id, doc_id, start"
        sql += order
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return sql, params

    def places(
        self,
        *,
        country: str | None = None,
        name: str | None = None,
        doc: str | None = None,
        type: str | None = "literal",
        include_superseded: bool = False,
        limit: int | None = 1000,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored toponym mentions: literal ones (``type=None``: all), by country (ISO-3),
        name part or document."""
        where, params = [], []
        if country:
            where.append("country = ?")
            params.append(country.upper())
        if name:
            where.append("(LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(text) LIKE ? ESCAPE '\\')")
            params += [f"%{like_escape(name.lower())}%"] * 2
        if doc:
            where.append(DOC_FILTER if self.versioned else "doc_id = ?")
            params += [doc, doc] if self.versioned else [doc]
        if self.versioned and not include_superseded:
            where.append(CURRENT_DOCS)
        if type:
            where.append("type = ?")
            params.append(type)
        sql = (
            'SELECT doc_id AS doc, start, "end", text, name, geonameid, lat, lon, country,'
            " feature_code, admin1, type, how FROM places"
        )
        sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY doc_id, start"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return self.db.query(sql, params)

    def documents(
        self,
        *,
        q: str | None = None,
        limit: int = 100,
        offset: int = 0,
        include_superseded: bool = False,
    ) -> list[dict[str, Any]]:
        """Stored documents, oldest first: the current version of each (``include_superseded``
        lists the older versions too); ``q`` searches titles and texts."""
        where: list[str] = []
        params: list[Any] = []
        if q:
            where.append(
                "(LOWER(COALESCE(text, '')) LIKE ? ESCAPE '\\'"
                " OR LOWER(COALESCE(title, '')) LIKE ? ESCAPE '\\')"
            )
            like = f"%{like_escape(q.lower())}%"
            params = [like, like]
        if self.versioned and not include_superseded:
            where.append("superseded_by IS NULL")
        optional = ("language", "encoding", "version", "previous_version")
        cols = ", ".join(
            [
                "id, title, date, url, source, n_chars, n_words, story_id, duplicate_of",
                "keep_text, ingested_at",
                # a read-only store of an older schema lacks some
                *(c if self.has_column("documents", c) else f"NULL AS {c}" for c in optional),
            ]
        )
        sql = f"SELECT {cols} FROM documents"
        sql += (
            " WHERE " + " AND ".join(where) if where else ""
        ) + " ORDER BY date IS NULL, date, id"
        return self.db.query(sql + " LIMIT ? OFFSET ?", [*params, int(limit), int(offset)])

    def document(self, doc_id: str) -> dict[str, Any]:
        """One stored document (this version) with its sentences, times, events and quotes."""
        rows = self.db.query("SELECT * FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            raise NotFound(NotFound.E400.format(kind="document", id=doc_id))
        doc = rows[0]
        if self.versioned:
            doc["versions"] = [v["id"] for v in self.versions(doc_id)]
        doc["sentences"] = self.db.query(
            'SELECT start, "end", text FROM sentences WHERE doc_id = ? ORDER BY start', (doc_id,)
        )
        doc["times"] = self.db.query(
            'SELECT text, start, "end", type, value, date, date_end, precision FROM times'
            " WHERE doc_id = ? ORDER BY start",
            (doc_id,),
        )
        own = lambda rows: [r for r in rows if r["doc"] == doc_id]  # noqa: E731
        doc["events"] = own(self.events(doc=doc_id, include_superseded=True, limit=None))
        doc["quotes"] = own(self.quotes(doc=doc_id, include_superseded=True, limit=None))
        return doc

    def actors(self, *, limit: int = 200) -> list[dict[str, Any]]:
        """Actors with their event and quote counts, most events first: read off the index
        actors_busiest (schema 7 keeps the counts), counted here in an older store."""
        cols = "a.id, a.name, a.country, a.sector, a.code"
        if self.has_column("actors", "n_events"):
            return self.db.query(
                f"SELECT {cols}, a.n_events, a.n_quotes FROM actors a"
                " ORDER BY a.n_events DESC, a.name LIMIT ?",
                (int(limit),),
            )
        return self.db.query(
            f"SELECT {cols}, {actor_counts('a')} FROM actors a"
            " ORDER BY n_events DESC, a.name LIMIT ?",
            (int(limit),),
        )

    def recount_actors(self) -> list[dict[str, Any]]:
        """Every actor's counts made again from its mentions and quotes (id, n_events,
        n_quotes, by id): what the kept counts must equal (tests, a store mended by hand)."""
        return self.db.query(f"SELECT a.id, {actor_counts('a')} FROM actors a ORDER BY a.id")

    def rejections(self) -> list[dict[str, Any]]:
        return self.db.query("SELECT id, reason, detail, path, at FROM rejections ORDER BY at, id")

    def stats(self) -> dict[str, Any]:
        """What the store holds, as integers: every stored document version (``superseded``
        of them replaced by a newer version), event mentions, distinct events, quotes, ..."""
        one = lambda sql: int(self.db.query(sql)[0]["n"])  # noqa: E731
        by_type = self.db.query(
            "SELECT plover, COUNT(*) AS n FROM mentions GROUP BY plover ORDER BY n DESC"
        )
        superseded = (
            one("SELECT COUNT(*) AS n FROM documents WHERE superseded_by IS NOT NULL")
            if self.versioned
            else 0
        )
        return {
            "documents": one("SELECT COUNT(*) AS n FROM documents"),
            "superseded": superseded,
            "mentions": one("SELECT COUNT(*) AS n FROM mentions"),
            "events": one("SELECT COUNT(DISTINCT event_id) AS n FROM mentions"),
            "quotes": one("SELECT COUNT(*) AS n FROM quotes"),
            "actors": one("SELECT COUNT(*) AS n FROM actors"),
            "rejections": one("SELECT COUNT(*) AS n FROM rejections"),
            "stories": one("SELECT COUNT(*) AS n FROM stories"),
            "by_type": {r["plover"]: int(r["n"]) for r in by_type},
        }

    def dyads(
        self,
        *,
        by: str = "month",
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[dict[str, Any]]:
        """Event counts, quad-class counts and Goldstein sums by dyad and period (one row per event)."""
        where, params = mention_filters(
            actor=actor,
            since=since,
            until=until,
            include_negated=False,
            current=self.versioned,
            ascii_case=self.db.ascii_case,
        )
        # Columns only (no JSON decoding): one row per event, its first mention.
        events: dict[str, dict[str, Any]] = {}
        for m in self.db.query(
            "SELECT event_id, source_country, source_name, target_country, target_name, date,"
            f" quad_class, goldstein FROM mentions WHERE {' AND '.join(where)} ORDER BY id",
            params,
        ):
            events.setdefault(m["event_id"], m)
        table: dict[tuple, dict[str, Any]] = defaultdict(
            lambda: {"events": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "goldstein": 0.0}
        )
        for e in events.values():
            src = e["source_country"] or e["source_name"]
            tgt = e["target_country"] or e["target_name"]
            row = table[(period_of(e.get("date"), by), src, tgt)]
            row["events"] += 1
            if e.get("quad_class"):
                row[f"q{e['quad_class']}"] += 1
            row["goldstein"] += e.get("goldstein") or 0.0
        return [
            {"period": p, "source": s, "target": t, **v, "goldstein": round(v["goldstein"], 2)}
            for (p, s, t), v in sorted(table.items(), key=lambda kv: tuple(str(x) for x in kv[0]))
        ]

    def export(self, what: str, fmt: str, path: str | Path, **filters: Any) -> int:
        from newsevents.exports import export_rows

        rows = {
            "events": lambda: self.events(limit=None, **filters),
            "quotes": lambda: self.quotes(limit=None, **filters),
            "documents": lambda: self.documents(limit=10**9),
        }[what]()
        return export_rows(rows, fmt, path, kind=what)

    def iter_documents_text(self) -> list[dict[str, Any]]:
        return self.db.query(
            "SELECT id, title, text, date, url, source, path, language FROM documents ORDER BY id"
        )


def speaker_keys(speaker: str) -> tuple[str, list[Any]]:
    """The quote list's speaker filter on the table speakers (name, id, country; '' where a
    quote's speaker has none): a WHERE clause and its parameters, true for every speaker whose
    quotes the filter on the quotes can match."""
    words = [f"%{like_escape(w)}%" for w in speaker_query_words(speaker)]
    name_like = " AND ".join(["LOWER(name) LIKE ? ESCAPE '\\'"] * len(words))
    actor_like = " AND ".join(["LOWER(a.name) LIKE ? ESCAPE '\\'"] * len(words))
    clause = (
        f"(({name_like}) OR country = ? OR id = ?"
        f" OR (id <> '' AND id IN (SELECT a.id FROM actors a WHERE {actor_like})))"
    )
    return clause, [*words, speaker.upper(), speaker, *words]


# The list order of mentions as result columns, for a UNION ALL of pages read off indexes
# in that order (a compound query orders by its result columns).
LIST_ORDER_COLS = (
    "date IS NULL AS o_undated, date AS o_date, doc_id AS o_doc, sentence_start AS o_start,"
    " id AS o_id"
)
LIST_ORDER = "o_undated, o_date, o_doc, o_start, o_id"


def type_branches(type: str, by_root: bool) -> list[tuple[str, str, list[Any]]]:
    """The type filter ``plover = T OR cameo LIKE 't%'`` as disjoint parts, each one an index
    read in list order (index, WHERE clause, parameters): the mentions of PLOVER type T
    (mentions_plover_list), then those of another type whose CAMEO code starts with ``type``,
    found by their code's first two characters (mentions_root_list, led by them lower-cased:
    LIKE ignores ASCII case, so a code LIKE 'ab%' has them equal to 'ab' lower-cased too). A
    one-character type (or a store without that index) walks the list order for its codes."""
    plover, like = type.upper(), f"{like_escape(type)}%"
    cameo = "cameo LIKE ? ESCAPE '\\' AND plover <> ?"
    branches = [("mentions_plover_list", "plover = ?", [plover])]
    if by_root and len(type) >= 2:
        branches.append(
            ("mentions_root_list", f"lower(substr(cameo, 1, 2)) = lower(?) AND {cameo}",
             [type[:2], like, plover])
        )  # fmt: skip
    else:
        branches.append(("mentions_list", cameo, [like, plover]))
    return branches


def mention_filters(
    *,
    actor: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    doc: str | None = None,
    event_id: str | None = None,
    language: str | None = None,
    include_negated: bool = True,
    current: bool = False,
    ascii_case: bool = False,
) -> tuple[list[str], list[Any]]:
    """WHERE clauses and bound parameters for the mention filters shared by every query.
    ``doc`` matches a stored id or a given id (every version); ``current`` leaves out the
    mentions of superseded versions. Text filters match literally (LIKE wildcards escaped).
    ``ascii_case``: the backend's LOWER and LIKE fold ASCII letters only (``Backend.
    ascii_case``), so names are tested without LOWER, the same rows."""
    where: list[str] = []
    params: list[Any] = []
    if actor:
        like = f"%{like_escape(actor.lower())}%"
        name = "{}" if ascii_case else "LOWER({})"
        where.append(
            "(source_country = ? OR target_country = ? OR source_code LIKE ? ESCAPE '\\'"
            f" OR target_code LIKE ? ESCAPE '\\' OR {name.format('source_name')} LIKE ?"
            f" ESCAPE '\\' OR {name.format('target_name')} LIKE ? ESCAPE '\\')"
        )
        code = f"{like_escape(actor.upper())}%"
        params += [actor.upper(), actor.upper(), code, code, like, like]
    if type:
        where.append("(plover = ? OR cameo LIKE ? ESCAPE '\\')")
        params += [type.upper(), f"{like_escape(type)}%"]
    if since:
        where.append("COALESCE(date_end, date) >= ?")
        params.append(since)
    if until:
        where.append("date <= ?")
        params.append(until)
    if doc:
        where.append(DOC_FILTER if current else "doc_id = ?")
        params += [doc, doc] if current else [doc]
    if event_id:
        where.append("event_id = ?")
        params.append(event_id)
    if language:  # documents stored before languages were recorded are English
        where.append("doc_id IN (SELECT id FROM documents WHERE COALESCE(language, 'en') = ?)")
        params.append(language.lower())
    if not include_negated:
        where.append("negated = 0")
    if current:
        where.append(CURRENT_DOCS)
    return where, params


def _event_text(record: str, event_id: str) -> str:
    """A stored mention record as the JSON text of :meth:`Store.events` (see events_json)."""
    if (
        '"event_id": ' + encode_basestring(event_id) in record  # as json.dumps writes it
        and "NaN" not in record
        and "Infinity" not in record
    ):
        return record
    obj = json.loads(record, object_hook=Record)
    obj["event_id"] = event_id
    return _json_text(obj)


def _json_text(obj: Any) -> str:
    """A record as JSON text; a float that is not a number (JSON has none) as null, as the
    API's encoder writes it."""
    try:
        return json.dumps(obj, ensure_ascii=False, allow_nan=False)
    except ValueError:
        return json.dumps(_finite(obj), ensure_ascii=False)


def _finite(obj: Any) -> Any:
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_finite(v) for v in obj]
    return obj


def like_escape(value: str) -> str:
    """A value matched literally inside LIKE (with ESCAPE '\\'): % and _ are no wildcards."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _as_version(x: Extraction, given_id: str, latest: Latest | None) -> None:
    """Re-id an extraction as the version after ``latest`` (its events and quotes follow)."""
    a, old = x.article, x.article.id
    a.given_id = given_id
    a.version = (latest.version if latest else 1) + 1
    a.previous_version = latest.id if latest else old
    a.id = version_id(given_id, a.version)
    for item in [*x.events, *x.quotes]:
        item.doc = a.id
        if item.id and item.id.startswith(old):
            item.id = a.id + item.id[len(old) :]


def _shift(day: str | None, days: int) -> str | None:
    if not day:
        return None
    try:
        return (Date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return None


def period_of(day: str | None, by: str) -> str:
    if not day:
        return "undated"
    if by == "day":
        return day[:10]
    if by == "month":
        return day[:7]
    if by == "year":
        return day[:4]
    d = Date.fromisoformat(day[:10])
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"

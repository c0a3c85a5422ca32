"""Database connections: SQLite file (default) or PostgreSQL URL. SQL lives in store/ only."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any
from urllib.parse import quote

from newsevents.errors import StoreError


class Backend:
    """A DB-API connection with one placeholder style ('?') for both dialects.

    Thread-safe: one re-entrant lock serialises statements, and a transaction holds it to
    the end, so threads sharing a Store (the API's thread pool) never interleave on the
    connection. The lock is only held inside a call, never across the caller's code."""

    def __init__(self, url: str, *, create: bool = True):
        self.url = url
        self.read_only = False
        self.lock = threading.RLock()
        self.dialect = (
            "postgresql" if url.startswith(("postgresql://", "postgres://")) else "sqlite"
        )
        try:
            if self.dialect == "postgresql":
                import psycopg

                # Client-side binding: the server cannot type a bare parameter such as
                # "? IS NULL" (IndeterminateDatatype); the client knows every value's type.
                self.conn = psycopg.connect(
                    url, autocommit=True, cursor_factory=psycopg.ClientCursor
                )
            else:
                path = url[len("sqlite:///") :] if url.startswith("sqlite:///") else url
                self.conn = self._connect_sqlite(path, create)
        except StoreError:
            raise
        except Exception as e:  # driver errors differ per dialect; report them uniformly
            raise StoreError(StoreError.E300.format(url=url, err=e)) from e
        self._in_tx = False
        self._watch: sqlite3.Connection | None = None  # change_counter's own connection
        self._watch_lock = threading.Lock()
        self.json_functions = self.dialect == "sqlite" and _has_json_functions(self.conn)
        self.ascii_case = self.dialect == "sqlite" and _ascii_case(self.conn)

    def _connect_sqlite(self, path: str, create: bool) -> sqlite3.Connection:
        """A new file only where the caller writes; a file we may not write is opened
        read-only (``immutable`` when even its folder is read-only: no -wal/-shm files)."""
        exists = path == ":memory:" or os.path.exists(path)
        if not exists and not create:
            raise StoreError(StoreError.E304.format(url=path))
        # data_version's connection (a file name in a URI: ? and # escaped)
        self._watch_uri = (
            None if path == ":memory:" else f"file:{quote(os.path.abspath(path))}?mode=ro"
        )
        if exists and path != ":memory:" and not _writable(path):
            self.read_only = True
            folder = os.path.dirname(os.path.abspath(path))
            flags = "mode=ro" if os.access(folder, os.W_OK) else "immutable=1"
            uri = f"file:{os.path.abspath(path)}?{flags}"
            self._watch_uri = None if flags == "immutable=1" else uri
            return sqlite3.connect(
                uri, uri=True, isolation_level=None, check_same_thread=False, timeout=30
            )
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
        if _is_sqlite_store_or_new(conn):
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def execute(self, sql: str, params: tuple | list = ()) -> Any:
        with self.lock, self._read_only_errors():
            cur = self.conn.cursor()
            cur.execute(self._sql(sql), tuple(params))
            return cur

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            with self.lock, self._read_only_errors():
                self.conn.cursor().executemany(self._sql(sql), rows)

    @contextmanager
    def _read_only_errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.OperationalError as e:
            if "readonly" in str(e) or "read-only" in str(e):
                raise StoreError(StoreError.E305.format(url=self.url)) from e
            raise

    def query(self, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
        with self.lock:
            cur = self.execute(sql, params)
            if cur.description is None:
                return []
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def script(self, sql: str) -> None:
        with self.lock:
            self._script(sql)

    def _script(self, sql: str) -> None:
        if self.dialect == "sqlite":
            self.conn.executescript(sql)
        else:
            for statement in sql_statements(sql):
                self.execute(statement)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: a crash inside leaves the store as it was before."""
        with self.lock:  # other threads wait for the whole transaction
            if self._in_tx:
                yield
                return
            with self._transaction():
                yield

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._in_tx = True
        try:
            if self.dialect == "postgresql":
                with self.conn.transaction():
                    yield
            else:
                with self._read_only_errors():
                    self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
                self.conn.execute("COMMIT")
        finally:
            self._in_tx = False

    def change_counter(self) -> int | None:
        """A number that changes whenever a commit reaches the store, from this connection,
        another one or another process: SQLite's ``data_version`` read on a connection of its
        own (it never waits for a statement of this one). 0 for a file opened immutable (it
        cannot change); None where there is no such number (PostgreSQL, ``:memory:``)."""
        if self.dialect != "sqlite":
            return None
        if self._watch_uri is None:
            return 0 if self.read_only else None
        with self._watch_lock:
            try:
                if self._watch is None:
                    self._watch = sqlite3.connect(
                        self._watch_uri, uri=True, isolation_level=None, check_same_thread=False
                    )
                return int(self._watch.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error:
                return None

    def close(self) -> None:
        self.conn.close()
        if self._watch is not None:
            self._watch.close()


def _ascii_case(conn: sqlite3.Connection) -> bool:
    """Whether LOWER folds only ASCII letters and LIKE ignores only their case (SQLite's
    own functions; not with the ICU extension or ``PRAGMA case_sensitive_like``): then
    ``LOWER(x) LIKE p`` and ``x LIKE p`` select the same rows, and the second costs a
    third (no new string per row tested)."""
    try:
        lower, ascii_like, other_like = conn.execute(
            "SELECT lower('\u00c9A') = '\u00c9a', 'aB' LIKE 'Ab', '\u00c9' LIKE '\u00e9'"
        ).fetchone()
    except sqlite3.Error:
        return False
    return bool(lower) and bool(ascii_like) and not other_like


def _has_json_functions(conn: sqlite3.Connection) -> bool:
    """Whether this SQLite has its JSON functions (built in since 3.38, an option before)."""
    try:
        return conn.execute("""SELECT json_set('{"a": 1}', '$.b', 'x')""").fetchone()[0] == (
            '{"a":1,"b":"x"}'
        )
    except sqlite3.Error:
        return False


def _writable(path: str) -> bool:
    """Write permission by the file's mode (also for root, who may write anything)."""
    return os.access(path, os.W_OK) and bool(os.stat(path).st_mode & 0o222)


def _is_sqlite_store_or_new(conn: sqlite3.Connection) -> bool:
    """WAL mode changes the file: set it only on an empty file or a newsevents store."""
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return not names or "meta" in names


def sql_statements(sql: str) -> list[str]:
    """Split a script into statements for a driver that runs one at a time.

    A ";" ends a statement only outside quotes and comments, so a comment such as
    "-- keyed on (doc; span)" or a literal 'a;b' never cuts a statement in two.
    """
    statements: list[str] = []
    current: list[str] = []
    quote = ""
    i = 0
    while i < len(sql):
        ch = sql[i]
        if quote:
            current.append(ch)
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
            current.append(ch)
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            i = len(sql) if end < 0 else end
            continue
        elif ch == ";":
            statements.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
        i += 1
    statements.append("".join(current).strip())
    return [s for s in statements if s]


def schema_sql() -> str:
    return resources.files("newsevents.store").joinpath("schema.sql").read_text(encoding="utf-8")

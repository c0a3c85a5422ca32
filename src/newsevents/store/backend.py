"""Database connections: SQLite file (default) or PostgreSQL URL. SQL lives in store/ only."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

from newsevents.errors import StoreError


class Backend:
    """A DB-API connection with one placeholder style ('?') for both dialects.

    Thread-safe: one re-entrant lock serialises statements, and a transaction holds it to
    the end, so threads sharing a Store (the API's thread pool) never interleave on the
    connection. The lock is only held inside a call, never across the caller's code."""

    def __init__(self, url: str):
        self.url = url
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
                self.conn = sqlite3.connect(
                    path, isolation_level=None, check_same_thread=False, timeout=30
                )
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
        except Exception as e:  # driver errors differ per dialect; report them uniformly
            raise StoreError(StoreError.E300.format(url=url, err=e)) from e
        self._in_tx = False

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def execute(self, sql: str, params: tuple | list = ()) -> Any:
        with self.lock:
            cur = self.conn.cursor()
            cur.execute(self._sql(sql), tuple(params))
            return cur

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            with self.lock:
                self.conn.cursor().executemany(self._sql(sql), rows)

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
            for statement in sql.split(";"):
                body = "\n".join(
                    line for line in statement.splitlines() if not line.strip().startswith("--")
                ).strip()
                if body:
                    self.execute(body)

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
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
                self.conn.execute("COMMIT")
        finally:
            self._in_tx = False

    def close(self) -> None:
        self.conn.close()


def schema_sql() -> str:
    return resources.files("newsevents.store").joinpath("schema.sql").read_text(encoding="utf-8")

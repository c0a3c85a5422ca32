"""The PostgreSQL driver runs one statement at a time: the script splitter must not cut inside
comments or quoted literals."""

import pytest

from newsevents.store.backend import schema_sql, sql_statements


def test_semicolon_in_comment_does_not_split() -> None:
    sql = "-- one table; then an index\nCREATE TABLE t (a TEXT);\nCREATE INDEX i ON t (a);"
    assert sql_statements(sql) == ["CREATE TABLE t (a TEXT)", "CREATE INDEX i ON t (a)"]


def test_semicolon_in_literal_does_not_split() -> None:
    sql = "INSERT INTO t VALUES ('a;b');INSERT INTO t VALUES ('it''s; fine')"
    assert sql_statements(sql) == [
        "INSERT INTO t VALUES ('a;b')",
        "INSERT INTO t VALUES ('it''s; fine')",
    ]


def test_trailing_comment_and_blank_statements_dropped() -> None:
    assert sql_statements("SELECT 1;;\n-- done;\n") == ["SELECT 1"]


@pytest.mark.parametrize("statement", sql_statements(schema_sql()))
def test_schema_statements_are_whole(statement: str) -> None:
    # Every statement of the shipped schema starts with a keyword, never with the tail of a
    # comment cut at a semicolon.
    assert statement.split()[0].upper() in {"CREATE", "INSERT", "PRAGMA", "DROP", "ALTER", "UPDATE"}

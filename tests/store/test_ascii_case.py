"""Actor filters on SQLite test names without LOWER (Backend.ascii_case): the same rows."""

from __future__ import annotations

import sqlite3

import pytest

from newsevents.store import Store
from newsevents.store.backend import _ascii_case
from newsevents.store.store import like_escape
from tests.api import sample

pytestmark = pytest.mark.issue(16)

NAMES = ["Mevlut Cavusoglu", "TURKISH officials", "Érdi Ünver", "éRDI", "Straße Groß", "İzmir",
         "ıldız", "100% Turk_ish", "O'Neill", "", None]  # fmt: skip
ACTORS = ["tur", "TUR", "Tur", "é", "É", "érdi", "ÉRDI", "ß", "SS", "i̇", "iz", "ı", "%",
          "_", "100%", "k_i", "o'n", "ünver", "ÜNVER", "straße"]  # fmt: skip


def test_lower_like_and_like_select_the_same_names():
    conn = sqlite3.connect(":memory:")
    assert _ascii_case(conn)
    conn.execute("CREATE TABLE t (name TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(n,) for n in NAMES])
    for actor in ACTORS:
        like = f"%{like_escape(actor.lower())}%"
        folded = conn.execute("SELECT name FROM t WHERE LOWER(name) LIKE ? ESCAPE '\\'", (like,))
        plain = conn.execute("SELECT name FROM t WHERE name LIKE ? ESCAPE '\\'", (like,))
        assert folded.fetchall() == plain.fetchall(), actor


def test_the_probe_sees_case_sensitive_like():
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA case_sensitive_like = ON")
    assert not _ascii_case(conn)


def test_actor_pages_same_with_and_without_lower(tmp_path):
    with Store(sample.build(tmp_path / "news.db")) as store:
        assert store.db.ascii_case
        for actor in ["tur", "TUR", "cavus", "Blinken", "USAGOV", "gaza", "é", "%", "_"]:
            plain = store.events_json(actor=actor, limit=100)
            dyads = store.dyads(actor=actor)
            store.db.ascii_case = False
            try:
                assert store.events_json(actor=actor, limit=100) == plain, actor
                assert store.dyads(actor=actor) == dyads, actor
            finally:
                store.db.ascii_case = True
        assert store.events_json(actor="tur", limit=100)  # the filter finds rows

"""The synthetic store of the API load bench: valid records, written straight in."""

from __future__ import annotations

import pytest
from bench.helpers.synthetic import synthetic_extractions, write_store

from newsevents.store import Store


@pytest.mark.issue(16)
def test_synthetic_store_holds_valid_filterable_records(tmp_path):
    assert all(not x.bad_spans() for x in synthetic_extractions(50))
    db = tmp_path / "syn.db"
    assert write_store(db, 300, batch=100) == 300
    with Store(db) as store:
        stats = store.stats()
        assert stats["quotes"] == 300 and stats["stories"] == 30
        assert 300 <= stats["mentions"] <= 900
        assault = store.events(type="ASSAULT", limit=None)
        assert assault and all(e["plover"] == "ASSAULT" for e in assault)
        by_actor = store.actors(limit=5)
        assert by_actor[0]["n_events"] >= by_actor[-1]["n_events"] > 0


@pytest.mark.issue(16)
def test_store_has_the_actor_lookup_indexes(tmp_path):
    with Store(tmp_path / "new.db") as store:
        names = {
            r["name"] for r in store.db.query("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
        assert {"mentions_source", "mentions_target", "quotes_speaker"} <= names
        assert store.schema_version() >= 4  # 4 added them (5: storyline seen columns)

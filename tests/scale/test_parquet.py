"""Parquet layout: month partitions, typed columns, lossless JSON records, load into a store."""

import pyarrow.dataset as ds

from newsevents import corpus
from newsevents.scale.parquet import document_record, iter_parts, month_of, remove_part, write_part
from newsevents.store import Store
from newsevents.store.load import event_from_record, load_parquet, quote_from_record
from tests.store.records import make_extraction


def _write(root, xs, part=0):
    month = {x.article.id: month_of(x.article.date) for x in xs}
    return write_part(
        root,
        part,
        {
            "documents": [(month[x.article.id], document_record(x.article)) for x in xs],
            "mentions": [(month[x.article.id], e.to_dict()) for x in xs for e in x.events],
            "quotes": [(month[x.article.id], q.to_dict()) for x in xs for q in x.quotes],
        },
    )


def test_month_of_partition_keys():
    assert month_of("2021-04-13") == "2021-04"
    assert month_of(None) == "undated"
    assert month_of("sometime") == "undated"


def test_write_part_partitions_by_publication_month(tmp_path):
    files = _write(tmp_path, [make_extraction("a"), make_extraction("b", date=None)], part=7)
    assert sorted(str(f.relative_to(tmp_path)) for f in map(type(tmp_path), files)) == [
        "documents/month=2021-04/part-000007.parquet",
        "documents/month=undated/part-000007.parquet",
        "mentions/month=2021-04/part-000007.parquet",
        "mentions/month=undated/part-000007.parquet",
        "quotes/month=2021-04/part-000007.parquet",
        "quotes/month=undated/part-000007.parquet",
    ]
    assert not list(tmp_path.rglob("*.tmp"))


def test_parquet_is_queryable_with_hive_partitions(tmp_path):
    _write(tmp_path, [make_extraction("a"), make_extraction("b", date=None)])
    table = ds.dataset(tmp_path / "mentions", format="parquet", partitioning="hive").to_table()
    rows = sorted(table.to_pylist(), key=lambda r: r["doc"])
    assert [r["month"] for r in rows] == ["2021-04", "undated"]
    assert rows[0]["source_country"] == "TUR" and rows[0]["negated"] is False
    assert rows[0]["quad_class"] == 1 and rows[0]["trigger_text"] == "discussed"


def test_records_roundtrip_losslessly(tmp_path):
    x = make_extraction("a")
    _write(tmp_path, [x])
    [(month, tables)] = list(iter_parts(tmp_path))
    assert month == "2021-04"
    assert event_from_record(tables["mentions"][0]) == x.events[0]
    assert quote_from_record(tables["quotes"][0]) == x.quotes[0]
    assert tables["documents"][0]["text"] == x.article.text


def test_remove_part_deletes_every_month(tmp_path):
    _write(tmp_path, [make_extraction("a"), make_extraction("b", date=None)], part=3)
    _write(tmp_path, [make_extraction("c")], part=4)
    remove_part(tmp_path, 3)
    assert [p.name for p in tmp_path.rglob("*.parquet")] == ["part-000004.parquet"] * 3


def test_load_parquet_fills_store_like_add_and_is_idempotent(tmp_path):
    xs = [make_extraction("a"), make_extraction("b", date=None)]
    _write(tmp_path / "pq", xs)
    with Store(tmp_path / "loaded.db") as loaded, Store(tmp_path / "direct.db") as direct:
        assert load_parquet(tmp_path / "pq", loaded) == 2
        assert load_parquet(tmp_path / "pq", loaded) == 0
        corpus.add(direct, [make_extraction("a"), make_extraction("b", date=None)])
        assert loaded.events() == direct.events()
        assert loaded.quotes() == direct.quotes()
        assert loaded.document("a")["text"] == direct.document("a")["text"]


def test_iter_parts_gives_a_chunks_originals_before_its_copies(tmp_path):
    original, copy = make_extraction("orig"), make_extraction("copy")
    copy.article.duplicate_of = "orig"
    month = month_of(original.article.date)
    write_part(tmp_path, "000000-copies", {"documents": [(month, document_record(copy.article))]})
    _write(tmp_path, [original], part=0)
    _write(tmp_path, [make_extraction("next")], part=1)
    ids = [d["id"] for _, tables in iter_parts(tmp_path) for d in tables["documents"]]
    assert ids == ["orig", "copy", "next"]
    with Store(tmp_path / "s.db") as store:
        assert load_parquet(tmp_path, store) == 3
        assert {d["id"]: d["duplicate_of"] for d in store.documents()}["copy"] == "orig"

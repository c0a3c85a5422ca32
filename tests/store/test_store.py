"""The store: idempotent adds, one transaction per batch, queries, aggregates, exports."""

import csv
import json
import sqlite3
from dataclasses import replace

import pyarrow.parquet as pq
import pytest

from newsevents import corpus
from newsevents.errors import NotFound
from newsevents.models import Actor, Rejection
from newsevents.store import Store
from tests.store.records import make_extraction

try:  # the same tests run on PostgreSQL (test_postgres.py)
    import psycopg

    INTEGRITY_ERRORS: tuple[type[Exception], ...] = (sqlite3.IntegrityError, psycopg.IntegrityError)
except ImportError:
    INTEGRITY_ERRORS = (sqlite3.IntegrityError,)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "news.db") as s:
        yield s


def test_store_add_is_idempotent(store):
    first = store.add([make_extraction()])
    again = store.add([make_extraction()])
    assert (first.added, again.added, again.skipped) == (1, 0, 1)
    assert store.stats()["mentions"] == 1 and store.stats()["quotes"] == 1


@pytest.mark.issue(11)
def test_store_changed_text_is_a_new_version_and_the_old_one_is_kept(store):
    store.add([make_extraction()])
    result = store.add([make_extraction(text=make_extraction().article.text + " More.")])
    assert (result.added, result.versions, result.replaced) == (1, 1, 0)
    stats = store.stats()
    assert (stats["documents"], stats["superseded"], stats["mentions"]) == (2, 1, 2)
    # Queries answer from the current version; the old one keeps its events.
    assert [e["doc"] for e in store.events()] == ["d1@v2"]
    assert [e["doc"] for e in store.events(doc="d1")] == ["d1@v2"]
    assert [e["id"] for e in store.document("d1")["events"]] == ["d1:e0"]
    assert [v["id"] for v in store.versions("d1@v2")] == ["d1", "d1@v2"]
    assert store.document("d1@v2")["previous_version"] == "d1"
    assert store.document("d1")["superseded_by"] == "d1@v2"
    # The same text again adds nothing.
    again = store.add([make_extraction(text=make_extraction().article.text + " More.")])
    assert again.skipped == 1 and store.stats()["documents"] == 2


def test_store_batch_is_one_transaction(store):
    good = make_extraction("ok")
    bad = make_extraction("bad")
    bad.events[0].plover = None  # NOT NULL column: the insert fails mid-batch
    with pytest.raises(INTEGRITY_ERRORS):
        store.add([good, bad])
    assert store.stats()["documents"] == 0


def test_store_groups_mentions_of_one_event_across_documents(store):
    corpus.add(store, [make_extraction("a"), make_extraction("b")])  # the corpus stage's ids
    events = store.events()
    assert len(events) == 2 and len({e["event_id"] for e in events}) == 1
    assert store.stats()["events"] == 1


@pytest.mark.issue(10)
def test_store_alone_persists_the_event_ids_it_is_given(store):
    # the store decides no identity: without the corpus stage each mention is its own event
    store.add([make_extraction("a"), make_extraction("b")])
    assert sorted(e["event_id"] for e in store.events()) == ["ev:a:e0", "ev:b:e0"]
    named = make_extraction("c")
    named.events[0].event_id = "ev:given"
    store.add([named], event_ids=lambda e: "ev:chosen")
    assert [e["event_id"] for e in store.events(doc="c")] == ["ev:chosen"]


def test_store_events_filters(store):
    store.add([make_extraction()])
    assert len(store.events(actor="TUR", type="CONSULT", since="2021-04-01")) == 1
    assert store.events(actor="RUS") == []
    assert store.events(until="2021-04-01") == []
    assert store.events(actor="blinken")[0]["source"]["country"] == "TUR"


def test_store_query_parameters_are_bound(store):
    store.add([make_extraction()])
    assert store.events(actor="TUR' OR '1'='1") == []
    assert store.quotes(speaker="x%' OR 1=1 --") == []
    assert store.stats()["documents"] == 1


def test_store_document_view_and_not_found(store):
    store.add([make_extraction()])
    doc = store.document("d1")
    assert doc["text"].startswith("Turkish") and len(doc["events"]) == 1 and len(doc["quotes"]) == 1
    with pytest.raises(NotFound):
        store.document("missing")


def test_store_dyads_by_week(store):
    store.add([make_extraction()])
    rows = store.dyads(by="week")
    assert rows == [
        {
            "period": "2021-W15",
            "source": "TUR",
            "target": "USA",
            "events": 1,
            "q1": 1,
            "q2": 0,
            "q3": 0,
            "q4": 0,
            "goldstein": 1.0,
        }
    ]


def test_store_rejections_recorded_once(store):
    r = Rejection("x", "binary", "NUL bytes", "/tmp/x")
    store.add_rejections([r])
    store.add_rejections([r])
    assert [row["reason"] for row in store.rejections()] == ["binary"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_store_export_formats(store, tmp_path, fmt):
    store.add([make_extraction()])
    out = tmp_path / f"events.{fmt}"
    assert store.export("events", fmt, out) == 1
    if fmt == "csv":
        row = next(csv.DictReader(out.open()))
        assert row["source.country"] == "TUR" and row["plover"] == "CONSULT"
    elif fmt == "jsonl":
        assert json.loads(out.read_text())["target"]["name"] == "Antony Blinken"
    else:
        assert pq.read_table(out).to_pylist()[0]["cameo"] == "040"


@pytest.mark.parametrize("keep", ["full", "sentences", "none"])
def test_store_keep_text_modes(tmp_path, keep):
    with Store(tmp_path / "k.db") as store:
        store.add([make_extraction()], keep_text=keep)
        doc = store.document("d1")
        assert (doc["text"] is not None) == (keep == "full")
        assert (len(doc["sentences"]) > 0) == (keep == "sentences")
        assert len(store.events()) == 1 and len(store.quotes()) == 1


def _with_speaker(doc_id: str, speaker: Actor):
    ex = make_extraction(doc_id)
    ex.quotes = [replace(ex.quotes[0], speaker=speaker)]
    return ex


@pytest.mark.issue(14)
def test_store_quotes_speaker_by_any_name(store):
    roe = Actor("Jane Roe", "USA", "GOV", "USAGOV", "jane-roe", text="Sen. Roe")
    store.add([_with_speaker("a", roe)])
    for query in ("Jane Roe", "Roe", "Sen. Roe", "Sen. Jane Roe", "Roe's", "jane-roe", "USA"):
        assert [q["speaker"]["name"] for q in store.quotes(speaker=query)] == ["Jane Roe"], query
    assert store.quotes(speaker="John Roe") == []
    assert store.quotes(speaker="Doe") == []


@pytest.mark.issue(14)
def test_store_quotes_by_speaker_groups_one_speaker_together(store):
    roe = Actor("Jane Roe", "USA", "GOV", "USAGOV", "jane-roe")
    abe = Actor("Abel Ash", "GBR", "GOV", "GBRGOV", "abel-ash")
    store.add([_with_speaker("a", roe), _with_speaker("b", abe), _with_speaker("c", roe)])
    names = [q["speaker"]["name"] for q in store.quotes(by_speaker=True)]
    assert names == ["Abel Ash", "Jane Roe", "Jane Roe"]


@pytest.mark.issue(16)
def test_list_pages_are_read_off_an_index_not_sorted(tmp_path):
    """/api/events and /api/documents pages at any store size: the ORDER BY of the list
    queries has an index, with filters too (no temporary sort of every row)."""
    with Store(tmp_path / "s.db") as store:
        for sql in (
            "SELECT record FROM mentions WHERE plover = 'ASSAULT'"
            " ORDER BY date IS NULL, date, doc_id, sentence_start, id LIMIT 50",
            "SELECT id FROM documents ORDER BY date IS NULL, date, id LIMIT 50",
            "SELECT record FROM quotes ORDER BY doc_id, start LIMIT 50",
        ):
            plan = " ".join(r["detail"] for r in store.db.query("EXPLAIN QUERY PLAN " + sql))
            assert "TEMP B-TREE" not in plan, (sql, plan)


def _dated(doc_id: str, date: str | None, date_end: str | None = None, plover: str = "CONSULT"):
    x = make_extraction(doc_id, date="2021-05-01")
    x.events[0] = replace(x.events[0], date=date, date_end=date_end, plover=plover)
    return x


@pytest.mark.issue(16)
def test_since_filter_keeps_periods_that_end_after_it_in_date_order(store):
    """A page filtered by dates is read off an index from the earliest day a selected mention
    starts on: a period that starts before ``since`` and ends after it is still listed, first."""
    store.add(
        [
            _dated("a", "2021-03-01"),
            _dated("b", "2021-02-20", "2021-03-10"),  # a period across since
            _dated("c", "2021-03-05"),
            _dated("d", "2021-02-01"),
            _dated("e", "2021-01-01", "2021-02-15"),  # ends before since
            _dated("f", None),
        ]
    )
    assert [e["doc"] for e in store.events(since="2021-03-01")] == ["b", "a", "c"]
    assert [e["doc"] for e in store.events(since="2021-03-01", offset=1, limit=1)] == ["a"]
    assert [e["doc"] for e in store.events(until="2021-03-01")] == ["e", "d", "b", "a"]
    assert [e["doc"] for e in store.events(since="2021-02-10", until="2021-03-01")] == [
        "e", "b", "a",
    ]  # fmt: skip
    assert [e["doc"] for e in store.events(since="2021-02-10", type="CONSULT")] == [
        "e", "b", "a", "c",
    ]  # fmt: skip


@pytest.mark.issue(16)
def test_since_filter_lists_an_undated_mention_whose_period_ends_after_it_last(store):
    store.add([_dated("a", "2021-03-01"), _dated("u", None, "2021-04-01"), _dated("n", None)])
    assert [e["doc"] for e in store.events(since="2021-03-01")] == ["a", "u"]


@pytest.mark.issue(16)
def test_json_pages_are_the_records_of_the_decoded_pages(store):
    """The API's pages go out as the JSON texts the database writes: the same objects."""
    import newsevents.query as queries

    roe = Actor("Jane Roe", "USA", "GOV", "USAGOV", "jane-roe")
    store.add([_dated("a", "2021-03-01"), _dated("b", None), _with_speaker("c", roe)])
    for filters in ({}, {"since": "2021-01-01"}, {"actor": "TUR", "type": "040"}):
        page = queries.events(store, limit=10, offset=0, **filters)
        assert json.loads(queries.events_json(store, limit=10, offset=0, **filters)) == page
        assert all(e["event_id"] for e in page["events"])
    store.db.execute("UPDATE mentions SET event_id = 'ev:other' WHERE doc_id = 'a'")  # edited
    page = queries.events(store, limit=10, offset=0)
    assert json.loads(queries.events_json(store, limit=10, offset=0)) == page
    assert "ev:other" in [e["event_id"] for e in page["events"]]
    for filters in ({}, {"speaker": "Roe"}, {"speaker": "nobody"}):
        page = queries.quotes(store, limit=10, offset=0, **filters)
        assert json.loads(queries.quotes_json(store, limit=10, offset=0, **filters)) == page


@pytest.mark.issue(16)
def test_a_record_sqlite_cannot_read_is_sent_with_null_for_not_a_number(store):
    import newsevents.query as queries

    x = make_extraction("a")
    x.events[0] = replace(x.events[0], goldstein=float("nan"))
    store.add([x])
    page = json.loads(queries.events_json(store, limit=10, offset=0))
    assert page["events"][0]["goldstein"] is None and page["events"][0]["doc"] == "a"


@pytest.mark.issue(16)
def test_storylines_keep_their_date_range_with_their_count(store):
    from newsevents.store import stories as story_sql

    store.add([make_extraction(d, date=day) for d, day in (("a", "2021-02-01"), ("b", None))])
    story_sql.set_document_stories(store, {"a": "s1", "b": "s1"})
    story_sql.save_stories(store, {"s1": "talks"})
    store.add([make_extraction("c", date="2021-03-01"), make_extraction("e", date="2021-01-01")])
    story_sql.set_document_stories(store, {"c": "s1", "e": "s2"})
    story_sql.save_stories(store, {"s2": "other"}, recount={"s1"})
    rows = story_sql.storylines(store)
    assert [(r["id"], r["n_documents"], r["first_date"], r["last_date"]) for r in rows] == [
        ("s1", 3, "2021-02-01", "2021-03-01"),
        ("s2", 1, "2021-01-01", "2021-01-01"),
    ]


@pytest.mark.issue(16)
def test_story_centroids_keep_their_bytes_and_come_latest_first(store):
    from newsevents.store import stories as story_sql
    from newsevents.store.centroids import save_story_centroids

    vecs = {f"s{n}": bytes([n, 0, 255, 7]) * 4 for n in range(4)}
    save_story_centroids(store, [(sid, n, v) for n, (sid, v) in enumerate(vecs.items())])
    save_story_centroids(store, [("s0", 9, vecs["s0"])])  # s0 took an article again
    rows = story_sql.story_centroids(store, latest=2)
    assert [(r["id"], r["seen"], bytes(r["centroid"])) for r in rows] == [
        ("s0", 9, vecs["s0"]),
        ("s3", 3, vecs["s3"]),
    ]


@pytest.mark.issue(16)
def test_filtered_list_pages_are_read_off_an_index(tmp_path):
    """Every list page of the API, with the filters the web page sends: no temporary sort, no
    scan of all documents (superseded ones are looked up in their own small index)."""
    with Store(tmp_path / "s.db") as store:
        store.add([_dated("a", "2021-03-01")])
        queries = [
            store.events_query(since="2021-01-01", until="2021-02-01", type="04"),
            store.events_query(actor="USA", type="CONSULT"),
            store.events_query(type="04"),
            store.events_query(type="4"),
        ]
        queries.append(store.quotes_query(by_speaker=True, speaker="USA"))
        for sql, params in queries:
            steps = [r["detail"] for r in store.db.query("EXPLAIN QUERY PLAN " + sql, params)]
            assert not any("TEMP B-TREE" in step for step in steps), (sql, steps)
            scans = [step for step in steps if step.startswith("SCAN documents")]
            assert all("documents_replaced" in step for step in scans), (sql, steps)
        # a speaker's page: its statements as SQLite ran them (parameters written in)
        ran: list[str] = []
        store.db.conn.set_trace_callback(ran.append)
        store.quotes(speaker="Roe", by_speaker=True, limit=50)
        store.db.conn.set_trace_callback(None)
        pages = [sql for sql in ran if " FROM quotes" in sql]
        assert pages
        for sql in pages:
            plan = " ".join(r["detail"] for r in store.db.query("EXPLAIN QUERY PLAN " + sql))
            assert "TEMP B-TREE" not in plan and "SCAN quotes" not in plan, (sql, plan)
        for sql in (
            "SELECT id FROM documents WHERE superseded_by IS NULL"
            " ORDER BY date IS NULL, date, id LIMIT 50",
            "SELECT id FROM stories ORDER BY n_documents DESC, last_date IS NULL,"
            " last_date DESC, id LIMIT 50",
        ):
            plan = " ".join(r["detail"] for r in store.db.query("EXPLAIN QUERY PLAN " + sql))
            assert "TEMP B-TREE" not in plan, (sql, plan)


def _counts(store):
    return {r["id"]: (r["n_events"], r["n_quotes"]) for r in store.actors(limit=1000)}


def _recounted(store):
    return {r["id"]: (r["n_events"], r["n_quotes"]) for r in store.recount_actors()}


@pytest.mark.issue(16)
def test_actor_counts_are_kept_as_documents_are_added_recoded_and_versioned(store):
    """/api/actors reads counts the store keeps as it writes: after adds, a re-code in place
    with other actors, a new version and a mention whose source is its target, they equal
    the counts made again from the mentions and quotes."""
    roe = Actor("Jane Roe", "USA", "GOV", "USAGOV", "jane-roe")
    store.add([make_extraction("a"), make_extraction("b"), _with_speaker("c", roe)])
    assert _counts(store) == _recounted(store)
    assert _counts(store)["mevlut-cavusoglu"] == (3, 0)
    assert _counts(store)["taliban"] == (0, 2) and _counts(store)["jane-roe"] == (0, 1)
    recoded = make_extraction("a")  # re-coded: the event's target is now its source
    recoded.events[0] = replace(recoded.events[0], target=recoded.events[0].source)
    recoded.quotes = []
    store.add([recoded], replace=True)
    assert _counts(store) == _recounted(store)
    assert _counts(store)["antony-blinken"] == (2, 0) and _counts(store)["taliban"] == (0, 1)
    store.add([make_extraction("b", text=make_extraction().article.text + " Later.")])
    assert _counts(store) == _recounted(store)  # both versions count, as before the change
    assert [a["id"] for a in store.actors(limit=2)] == ["mevlut-cavusoglu", "antony-blinken"]


@pytest.mark.issue(16)
def test_actors_page_is_read_off_an_index(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add([make_extraction("a")])
        sql = "SELECT id FROM actors a ORDER BY a.n_events DESC, a.name LIMIT 200"
        plan = " ".join(r["detail"] for r in store.db.query("EXPLAIN QUERY PLAN " + sql))
        assert "TEMP B-TREE" not in plan and "actors_busiest" in plan, plan


@pytest.mark.issue(16)
def test_store_of_schema_6_gets_its_actor_counts(tmp_path):
    db = tmp_path / "old.db"
    with Store(db) as store:
        store.add([make_extraction("a"), make_extraction("b")])
    con = sqlite3.connect(db)  # as schema 6 wrote it: no counts
    con.execute("DROP INDEX actors_busiest")
    con.execute("ALTER TABLE actors DROP COLUMN n_events")
    con.execute("ALTER TABLE actors DROP COLUMN n_quotes")
    con.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with Store(db) as store:
        assert _counts(store) == _recounted(store)
        assert _counts(store)["taliban"] == (0, 2)


def _typed(doc_id: str, plover: str, cameo: str, date: str | None, source: Actor | None = None):
    x = make_extraction(doc_id)
    x.events[0] = replace(x.events[0], plover=plover, cameo=cameo, date=date)
    if source is not None:
        x.events[0] = replace(x.events[0], source=source)
    return x


def _one_query(store, monkeypatch):
    """The store as without the schema-8 indexes and table: every page one filtered walk in
    list order (the plan the faster ones must agree with, row for row)."""
    monkeypatch.setattr(store, "has_index", lambda name: False)
    monkeypatch.setattr(store, "has_table", lambda name: False)


@pytest.mark.issue(16)
def test_a_type_page_read_by_type_and_code_root_is_the_same_page(store, monkeypatch):
    """type=T matches PLOVER type T or a CAMEO code starting with T: read as two parts off
    indexes led by the type and by the code's first two characters, then merged, every page
    holds the same mentions in the same order as one walk of all mentions in list order,
    also where a mention is in both parts, codes differ in case or the type is one character."""
    fra = Actor("Jean Dupont", "FRA", "GOV", "FRAGOV", "jean-dupont")
    rows = [
        ("CONSULT", "040", "2021-03-02", None),
        ("AID", "041", "2021-03-01", fra),  # the code's root, another type
        ("CONSULT", "CONSULT1", None, None),  # in both parts: listed once
        ("AGREE", "057", "2021-02-01", fra),
        ("AGREE", "Ab1", "2021-02-03", None),  # LIKE and ASCII case (as the backend has it)
        ("ACCUSE", "ab2", "2021-02-04", fra),
        ("ACCUSE", "4", None, None),
        ("CONSULT", "043", "2021-03-02", fra),
    ]
    store.add([_typed(f"d{k}", *row) for k, row in enumerate(rows)])
    cases = [
        {"type": t, **a}
        for t in ("CONSULT", "consult", "04", "040", "0", "4", "ab", "AB", "Ab1", "_b", "%")
        for a in ({}, {"actor": "FRA"})
    ]
    pages = lambda: [  # noqa: E731
        [e["id"] for e in store.events(limit=3, offset=k, **f)] for f in cases for k in range(4)
    ]
    fast = pages()
    assert any(fast) and store.has_index("mentions_root_list")
    _one_query(store, monkeypatch)
    assert fast == pages()


@pytest.mark.issue(16)
def test_a_speaker_page_read_through_the_speakers_table_is_the_same_page(store, monkeypatch):
    """/api/quotes?speaker=X reads only the quotes of the speakers (table speakers) that can
    match: every page equals the one walk of all quotes in speaker order, across the named
    speakers, a speaker with an empty name and one with none at all (matched by country)."""
    roe = Actor("Jane Roe", "USA", "GOV", "USAGOV", "jane-roe")
    doe = Actor("John Doe", "USA", "GOV", "USAGOV", "john-doe")
    kay = Actor("Kay Roe", "GBR", "GOV", "GBRGOV", None)
    blank = Actor("", "USA", None, None, None)
    store.add(
        [_with_speaker(f"d{k}", sp) for k, sp in enumerate([roe, doe, kay, blank, roe, blank])]
    )
    store.db.execute("UPDATE quotes SET speaker_name = NULL WHERE doc_id = 'd5'")
    cases = [
        {"speaker": s, **k}
        for s in ("USA", "Roe", "jane-roe", "Sen. Kay Roe", "GBR", "nobody", "taliban")
        for k in ({}, {"kind": "direct"}, {"doc": "d0"})
    ]
    pages = lambda: [  # noqa: E731
        [q["id"] for q in store.quotes(limit=2, offset=k, by_speaker=True, **f)]
        for f in cases
        for k in range(6)
    ] + [[q["id"] for q in store.quotes(limit=None, by_speaker=True, speaker="USA")]]
    fast = pages()
    assert any(fast) and store.has_table("speakers")
    _one_query(store, monkeypatch)
    assert fast == pages()


@pytest.mark.issue(16)
def test_store_of_schema_7_gets_its_speakers_and_type_indexes(tmp_path):
    db = tmp_path / "old.db"
    roe = Actor("Jane Roe", "USA", "GOV", "USAGOV", "jane-roe")
    with Store(db) as store:
        store.add([make_extraction("a"), _with_speaker("b", roe)])
        before = [q["id"] for q in store.quotes(speaker="USA", by_speaker=True)]
    con = sqlite3.connect(db)  # as schema 7 wrote it
    con.execute("DROP TABLE speakers")
    con.execute("DROP INDEX mentions_plover_list")
    con.execute("DROP INDEX mentions_root_list")
    con.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with Store(db) as store:
        assert store.schema_version() >= 8
        assert {r["name"] for r in store.db.query("SELECT name FROM speakers")} == {
            "Taliban",
            "Jane Roe",
        }
        assert store.has_index("mentions_root_list")
        assert [q["id"] for q in store.quotes(speaker="USA", by_speaker=True)] == before == ["b:q0"]

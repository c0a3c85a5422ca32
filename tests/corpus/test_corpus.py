"""The corpus stage (newsevents.corpus): event identity across documents, copies of rejected
articles, the run's counts, and the rule that the store only persists what it decides."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest

from newsevents import corpus
from newsevents.corpus import Copies, RunSummary
from newsevents.corpus.identity import same_dyad
from newsevents.models import Actor, Article, Extraction, Rejection
from newsevents.store import Store
from tests.store.records import make_extraction

pytestmark = pytest.mark.issue(10)
SRC = Path(__file__).resolve().parents[2] / "src" / "newsevents"
WIRE = (
    "The harbour authority closed the northern port on Tuesday after a storm damaged two "
    "cranes, and ships waiting offshore were told to anchor until the weekend. "
) * 3
OTHER = (
    "A regional court acquitted three farmers accused of diverting a river, saying the "
    "prosecution had not shown who built the dam. "
) * 3


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "news.db") as s:
        yield s


def varied(doc: str, **event_fields) -> Extraction:
    """The store tests' extraction (a TUR-USA CONSULT), its one event changed."""
    x = make_extraction(doc)
    x.events[0] = replace(x.events[0], **event_fields)
    return x


def event_ids(store: Store) -> dict[str, str]:
    return {e["doc"]: e["event_id"] for e in store.events(limit=None)}


def test_one_event_in_many_reports_shares_an_id_within_and_across_batches(store):
    corpus.add(store, [make_extraction("a"), make_extraction("b")])
    corpus.add(store, [make_extraction("c")])
    assert set(event_ids(store).values()) == {"ev:a:e0"}


def test_a_symmetric_type_matches_the_dyad_in_either_order(store):
    x = make_extraction("a")
    tur, usa = x.events[0].source, x.events[0].target
    corpus.add(store, [x, varied("b", source=usa, target=tur)])
    assert event_ids(store)["b"] == "ev:a:e0"


def test_a_directed_type_does_not(store):
    x = varied("a", plover="ACCUSE", cameo="112")
    tur, usa = x.events[0].source, x.events[0].target
    corpus.add(store, [x, varied("b", plover="ACCUSE", cameo="112", source=usa, target=tur)])
    corpus.add(store, [varied("c", plover="ACCUSE", cameo="112")])
    assert event_ids(store) == {"a": "ev:a:e0", "b": "ev:b:e0", "c": "ev:a:e0"}


def test_dates_more_than_a_day_apart_type_and_polarity_keep_events_apart(store):
    corpus.add(store, [make_extraction("a")])  # dated 2021-04-12
    corpus.add(
        store,
        [
            varied("next_day", date="2021-04-13"),
            varied("two_days", date="2021-04-15"),
            varied("negated", negated=True),
            varied("other_type", plover="AGREE", cameo="057"),
        ],
    )
    ids = event_ids(store)
    assert ids["next_day"] == "ev:a:e0"
    assert {ids["two_days"], ids["negated"], ids["other_type"]} == {
        "ev:two_days:e0",
        "ev:negated:e0",
        "ev:other_type:e0",
    }


def test_an_undated_mention_joins_only_its_own_document(store):
    undated = varied("a", date=None)
    twice = varied("a", date=None, id="a:e1")
    undated.events.append(twice.events[0])
    corpus.add(store, [undated, varied("b", date=None)])
    rows = {e["id"]: e["event_id"] for e in store.events(limit=None)}
    assert rows == {"a:e0": "ev:a:e0", "a:e1": "ev:a:e0", "b:e0": "ev:b:e0"}


def test_a_side_is_its_country_else_its_name():
    x = make_extraction("a").events[0]
    row = {"source_country": "TUR", "source_name": "someone else", "target_country": None}
    row["target_name"] = x.target.name
    nameless = replace(x, target=Actor(x.target.name, None, None, None, None))
    assert same_dyad(nameless, row) and not same_dyad(x, row)


def test_load_gives_loaded_mentions_their_event_ids(tmp_path):
    from newsevents.scale.parquet import document_record, month_of, write_part
    from newsevents.store.load import load_parquet

    a, b = make_extraction("a"), make_extraction("b")
    month = month_of(a.article.date)
    write_part(
        str(tmp_path / "pq"),
        0,
        {
            "documents": [(month, document_record(x.article)) for x in (a, b)],
            "mentions": [(month, x.events[0].to_dict()) for x in (a, b)],
            "quotes": [],
        },
    )
    with Store(tmp_path / "loaded.db") as store:
        assert load_parquet(tmp_path / "pq", store) == 2
        assert set(event_ids(store).values()) == {"ev:a:e0"}


def test_a_copy_of_a_rejected_original_is_coded_itself():
    copies = Copies()
    original, copy = Article("orig", WIRE), Article("copy", WIRE + " (Updated.)")
    fresh, linked = copies.split([original, copy, Article("other", OTHER)])
    assert [a.id for a in fresh] == ["orig", "other"]
    assert [(a.id, a.duplicate_of) for a in linked] == [("copy", "orig")]
    copies.rejected(["orig"])
    kept, orphans = copies.orphans(linked)
    assert kept == [] and [(a.id, a.duplicate_of) for a in orphans] == [("copy", None)]
    # the rejected original left the index: a later copy is new, not linked to it
    fresh, linked = copies.split([Article("late", WIRE + " (Corrected.)")])
    assert [a.id for a in fresh] == ["late"] and linked == []


def test_copies_of_a_standing_original_stay_linked():
    copies = Copies()
    _, linked = copies.split([Article("orig", WIRE), Article("copy", WIRE + " Also.")])
    copies.rejected(["other"])
    kept, orphans = copies.orphans(linked)
    assert [a.duplicate_of for a in kept] == ["orig"] and orphans == []


def test_copies_are_found_against_the_store(store):
    corpus.add(store, [Extraction(article=Copies().split([Article("stored", WIRE)])[0][0])])
    fresh, linked = Copies(store).split([Article("copy", WIRE + " Later.")])
    assert fresh == [] and linked[0].duplicate_of == "stored"


def test_summary_counts_rejections_by_reason_and_missing_inputs():
    s = RunSummary()
    s.count_rejections(
        [
            Rejection("x.txt", "empty"),
            {"id": "gone.txt", "reason": "not_found", "detail": "gone.txt: no such file"},
            Rejection("dir/", "unreadable", "dir/: permission denied"),
            Rejection("bad.txt", "unreadable", "bad.txt: permission denied"),
        ]
    )
    assert s.rejected == {"empty": 1, "not_found": 1, "unreadable": 2}
    assert s.missing == ["gone.txt: no such file", "dir/: permission denied"]


def test_summary_counts_coded_documents():
    s = RunSummary()
    later = make_extraction("d1@v2")
    later.article.version = 2
    s.count_coded([make_extraction("d1"), later])
    words = len(make_extraction().article.text.split())
    assert (s.processed, s.versions, s.events, s.quotes, s.words) == (2, 1, 2, 2, 2 * words)
    assert "2 processed (1 new versions)" in s.line()


def _imports(module: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
    return names


def test_the_runners_call_the_corpus_stage_and_the_store_only_persists():
    for front in ("runner.py", "scale/dask.py", "recode.py"):
        assert "newsevents.corpus" in _imports(SRC / front), front
    store_code = (SRC / "store" / "store.py").read_text(encoding="utf-8")
    assert not any(n.startswith("newsevents.corpus") for n in _imports(SRC / "store" / "store.py"))
    # no second copy of the symmetric types, no similarity threshold in the store
    assert "CONSULT" not in store_code and "similarity" not in store_code

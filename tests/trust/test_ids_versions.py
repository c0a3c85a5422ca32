"""Issue 11 (1, 2): document ids unique per source, new text = new version (old one kept),
summary counts = what the store holds, recode keeps storylines."""

import json
import re

import pytest
from click.testing import CliRunner

from newsevents.cli import cli
from newsevents.ingest import read_sources
from newsevents.models import Article, Rejection

PROSE = (
    "The foreign ministers of France and Germany met in Paris on Tuesday to discuss the crisis. "
    "They agreed to send a joint delegation to the region next week, officials said."
)
OTHER = (
    "Protesters marched through the capital of Chile on Friday to demand higher wages. "
    "Police arrested dozens of them near the presidential palace, witnesses said."
)

pytestmark = pytest.mark.issue(11)


def test_same_file_name_in_two_folders_is_two_documents(tmp_path):
    for sub, text in (("a", PROSE), ("b", OTHER)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "report.txt").write_text(text, encoding="utf-8")
    docs = list(read_sources([tmp_path]))
    assert [d.id for d in docs] == ["a/report.txt", "b/report.txt"]
    # The same two files given one by one: still two ids.
    docs = list(read_sources([tmp_path / "a" / "report.txt", tmp_path / "b" / "report.txt"]))
    assert len({d.id for d in docs}) == 2


def test_binary_files_with_one_stem_are_two_rejections(tmp_path):
    for name in ("binary.bin", "binary.txt"):
        (tmp_path / name).write_bytes(b"\x00\x01\x02" * 100)
    docs = list(read_sources([tmp_path / "binary.bin", tmp_path / "binary.txt"]))
    assert all(isinstance(d, Rejection) for d in docs)
    assert [d.id for d in docs] == ["binary.bin", "binary.txt"]


def _summary(output: str) -> dict[str, int]:
    m = re.search(
        r"(\d+) documents read: (\d+) processed.*?, (\d+) already stored, (\d+) near-duplicates,"
        r" (\d+) rejected.*?; (\d+) event mentions, (\d+) quotes",
        output,
    )
    assert m, output
    keys = ("read", "processed", "skipped", "duplicates", "rejected", "mentions", "quotes")
    return dict(zip(keys, map(int, m.groups()), strict=True))


def _stats(runner, db) -> dict:
    result = runner.invoke(cli, ["stats", "--db", db])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.strip().splitlines()) == 1  # one JSON object on one line
    stats = json.loads(result.stdout)
    assert all(isinstance(stats[k], int) for k in ("documents", "events", "mentions", "quotes"))
    return stats


def test_jsonl_id_twice_and_reingest_with_new_text_keep_every_version(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "news.db")
    first = tmp_path / "feed.jsonl"
    first.write_text(
        json.dumps({"id": "a1", "text": PROSE}) + "\n" + json.dumps({"id": "a1", "text": OTHER}),
        encoding="utf-8",
    )
    out = runner.invoke(cli, ["ingest", str(first), "--db", db, "-q", "--no-stories"])
    assert out.exit_code == 0, out.output
    summary, stats = _summary(out.output), _stats(runner, db)
    assert summary["processed"] == 2 and "1 new versions" in out.output
    assert stats["documents"] == summary["processed"] + summary["duplicates"] == 2
    assert (stats["mentions"], stats["quotes"]) == (summary["mentions"], summary["quotes"])
    assert stats["superseded"] == 1
    # Same text again: nothing added. New text for a1: a third version, the others kept.
    again = runner.invoke(cli, ["ingest", str(first), "--db", db, "-q", "--no-stories"])
    assert _summary(again.output)["skipped"] == 2 and _stats(runner, db) == stats
    third = tmp_path / "update.jsonl"
    third.write_text(json.dumps({"id": "a1", "text": PROSE + " Talks resume in May."}))
    runner.invoke(cli, ["ingest", str(third), "--db", db, "-q", "--no-stories"])
    from newsevents.store import Store

    with Store(db) as store:
        versions = store.versions("a1")
        assert [v["id"] for v in versions] == ["a1", "a1@v2", "a1@v3"]
        assert [v["previous_version"] for v in versions] == [None, "a1", "a1@v2"]
        assert store.document("a1")["events"], "the first version keeps its events"
        assert {e["doc"] for e in store.events(doc="a1")} <= {"a1@v3"}


def test_store_of_schema_1_is_migrated_and_keeps_its_documents(tmp_path):
    import sqlite3

    from newsevents.store import Store
    from newsevents.store.store import SCHEMA_VERSION
    from tests.store.records import make_extraction

    db = tmp_path / "old.db"
    with Store(db) as store:
        store.add([make_extraction("d1")])
    con = sqlite3.connect(db)  # make it look like a store written by schema version 1
    con.execute("DROP INDEX documents_given")
    for index in (
        "documents_superseded",
        "documents_current_order",
        "documents_replaced",
        "documents_story_current",
    ):
        con.execute(f"DROP INDEX IF EXISTS {index}")
    for column in ("given_id", "version", "previous_version", "superseded_by", "encoding"):
        con.execute(f"ALTER TABLE documents DROP COLUMN {column}")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with Store(db) as store:
        assert store.schema_version() == int(SCHEMA_VERSION) == 10
        assert store.versions("d1")[0]["id"] == "d1"
        store.add([make_extraction("d1", text=make_extraction().article.text + " Later.")])
        assert [e["doc"] for e in store.events()] == ["d1@v2"]


def test_recode_keeps_every_storyline_and_timeline(tmp_path, examples_dir):
    runner = CliRunner()
    db = str(tmp_path / "news.db")
    assert runner.invoke(cli, ["ingest", str(examples_dir), "--db", db, "-q"]).exit_code == 0
    before = runner.invoke(cli, ["timeline", "--db", db])
    stories = runner.invoke(cli, ["stories", "--db", db, "--format", "json"])
    assert before.stdout.strip() and stories.exit_code == 0
    assert runner.invoke(cli, ["recode", "--db", db]).exit_code == 0
    after = runner.invoke(cli, ["timeline", "--db", db])
    assert len(after.stdout.splitlines()) == len(before.stdout.splitlines()) > 0
    again = json.loads(runner.invoke(cli, ["stories", "--db", db, "--format", "json"]).stdout)
    assert [(s["id"], s["n_mentions"]) for s in again] == [
        (s["id"], s["n_mentions"]) for s in json.loads(stories.stdout)
    ]
    assert all(s["n_mentions"] > 0 for s in again)


def test_article_key_is_the_given_id():
    a = Article(id="x@v2", text="t", given_id="x", version=2)
    assert a.key == "x" and Article(id="y", text="t").key == "y"

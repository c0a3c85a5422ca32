"""The CLI end to end on the two example stories."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from newsevents.cli import cli


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def _is_tur_usa_consult(e: dict) -> bool:
    countries = {(e.get("source") or {}).get("country"), (e.get("target") or {}).get("country")}
    return e["plover"] == "CONSULT" and countries == {"TUR", "USA"}


def test_cli_extract_examples_finds_cavusoglu_blinken_consult(runner, examples_dir, tmp_path):
    events, quotes, errors = tmp_path / "e.jsonl", tmp_path / "q.jsonl", tmp_path / "err.jsonl"
    result = runner.invoke(
        cli,
        [
            "extract",
            str(examples_dir),
            "--events",
            str(events),
            "--quotes",
            str(quotes),
            "--errors",
            str(errors),
        ],
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in events.read_text().splitlines()]
    hits = [e for e in rows if _is_tur_usa_consult(e) and "Cavusoglu" in e["sentence"]]
    assert hits, rows
    e = hits[0]
    assert e["doc"] == "2021-04-13_turkey_us_afghan_peace.txt"
    assert e["cameo"].startswith("04") and e["quad_class"] == 1 and e["goldstein"] is not None
    # provenance: the trigger span points at the evidence in the sentence
    assert e["sentence_start"] <= e["trigger"]["start"] < e["trigger"]["end"] <= e["sentence_end"]
    assert "2 documents read: 2 processed" in result.output, result.output


def test_cli_extract_stdout_and_stdin(runner, examples_dir):
    text = (examples_dir / "2021-04-13_turkey_us_afghan_peace.txt").read_text()
    result = runner.invoke(cli, ["extract", "-"], input=text)
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert any(_is_tur_usa_consult(e) for e in rows)


def test_cli_ingest_idempotent_and_query(runner, examples_dir, tmp_path):
    db = str(tmp_path / "news.db")
    first = runner.invoke(cli, ["ingest", str(examples_dir), "--db", db, "-q"])
    assert first.exit_code == 0, first.output
    stats1 = json.loads(runner.invoke(cli, ["stats", "--db", db]).stdout)
    second = runner.invoke(cli, ["ingest", str(examples_dir), "--db", db, "-q"])
    assert "2 already stored" in second.output
    stats2 = json.loads(runner.invoke(cli, ["stats", "--db", db]).stdout)
    assert stats1 == stats2 and stats1["documents"] == 2 and stats1["mentions"] > 0
    out = runner.invoke(
        cli,
        [
            "events",
            "--db",
            db,
            "--actor",
            "TUR",
            "--type",
            "CONSULT",
            "--since",
            "2021-04-01",
            "--format",
            "csv",
        ],
    )
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows and all(r["plover"] == "CONSULT" for r in rows)
    assert any({r["source.country"], r["target.country"]} == {"TUR", "USA"} for r in rows)


def test_cli_strict_exit_code_on_rejections(runner, tmp_path, examples_dir):
    (tmp_path / "empty.txt").write_text("")
    ok = runner.invoke(
        cli, ["extract", str(tmp_path / "empty.txt"), "--events", str(tmp_path / "e.jsonl")]
    )
    assert ok.exit_code == 0 and "1 rejected (empty 1)" in ok.output
    strict = runner.invoke(
        cli,
        ["extract", str(tmp_path / "empty.txt"), "--strict", "--events", str(tmp_path / "e.jsonl")],
    )
    assert strict.exit_code == 1


def test_cli_export_gdelt_and_icews_columns(runner, examples_dir, tmp_path):
    db = str(tmp_path / "news.db")
    assert runner.invoke(cli, ["ingest", str(examples_dir), "--db", db, "-q"]).exit_code == 0
    # issue 11: GDELT 2.0 tables (tab-separated, no header, 61 fields) to a file
    out = tmp_path / "gdelt.tsv"
    gdelt = runner.invoke(
        cli, ["export", "events", "--db", db, "--format", "gdelt", "-o", str(out)]
    )
    assert gdelt.exit_code == 0, gdelt.output
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert rows and all(len(r) == 61 and r[0].isdigit() for r in rows)
    assert all(r[26].isdigit() for r in rows)  # EventCode: a CAMEO code
    icews = runner.invoke(cli, ["export", "events", "--db", db, "--format", "icews"])
    assert next(csv.DictReader(io.StringIO(icews.stdout)))["CAMEO Code"]


def test_cli_ingest_no_stories_then_update(runner, examples_dir, tmp_path):
    db = str(tmp_path / "news.db")
    assert (
        runner.invoke(
            cli, ["ingest", str(examples_dir), "--db", db, "-q", "--no-stories"]
        ).exit_code
        == 0
    )
    assert json.loads(runner.invoke(cli, ["stats", "--db", db]).stdout)["stories"] == 0
    out = runner.invoke(cli, ["stories", "--db", db, "--update", "--format", "json"])
    stories = json.loads(out.stdout)
    assert len(stories) == 1 and stories[0]["n_documents"] == 2

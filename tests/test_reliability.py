"""Reliability: a killed ingest resumes without loss or duplicates; garbage never stops a batch."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter

import pytest
from bench.helpers.corpus import read_sources_dir, recombine
from bench.helpers.garbage import write_batch
from click.testing import CliRunner

from newsevents.cli import cli
from newsevents.store import Store

BATCH_DOCS = 64  # RunConfig.batch_docs: one store transaction per 64 documents


def _count(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created yet, or schema being written
        return 0


@pytest.mark.slow
def test_ingest_killed_mid_run_resumes_every_document_exactly_once(tmp_path, examples_dir):
    # Four batches and a part: the kill lands while a later batch is being coded, even when a
    # loaded machine wakes the poller only after another batch has been committed.
    n = 4 * BATCH_DOCS + 24
    records = list(recombine(read_sources_dir(examples_dir), n, seed=5, max_paragraphs=1))
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    db = tmp_path / "news.db"
    cmd = [sys.executable, "-m", "newsevents", "ingest", str(src), "--db", str(db), "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    # Kill -9 as soon as the first batch is committed, while later batches are being coded.
    while _count(db) < BATCH_DOCS and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read().decode()[-2000:]
    stored_at_kill = _count(db)
    # killed mid-run, after whole batches only
    assert stored_at_kill % BATCH_DOCS == 0 and BATCH_DOCS <= stored_at_kill < n

    again = subprocess.run(cmd, capture_output=True, text=True, timeout=240)
    assert again.returncode == 0, again.stderr[-2000:]
    # Documents stored before the kill are not coded again.
    assert f"{stored_at_kill} already stored" in again.stderr
    with Store(db) as store:
        ids = [r["id"] for r in store.db.query("SELECT id FROM documents")]
        assert Counter(ids) == Counter(r["id"] for r in records)  # none lost, none twice
        mentions = store.db.query("SELECT id, doc_id FROM mentions")
        assert len({m["id"] for m in mentions}) == len(mentions) > 0
        # Every document's mentions are whole: e0..e(k-1), never a half-written document.
        per_doc = Counter(m["doc_id"] for m in mentions)
        for doc, k in per_doc.items():
            got = {m["id"] for m in mentions if m["doc_id"] == doc}
            assert got == {f"{doc}:e{i}" for i in range(k)}


@pytest.fixture(scope="module")
def garbage_batch(tmp_path_factory, examples_dir):
    folder = tmp_path_factory.mktemp("garbage")
    expected = write_batch(folder, read_sources_dir(examples_dir), 200, 0.05, max_paragraphs=1)
    return folder, expected


@pytest.mark.slow
def test_garbage_batch_codes_every_good_document_and_reports_every_bad_one(garbage_batch, tmp_path):
    folder, expected = garbage_batch
    bad = {k: v for k, v in expected.items() if v}
    assert len(expected) == 200 and len(bad) == 10
    db, errors = tmp_path / "news.db", tmp_path / "errors.jsonl"
    runner = CliRunner()
    args = ["ingest", str(folder), "--db", str(db), "--errors", str(errors), "-q"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    reported = {r["id"]: r for r in map(json.loads, errors.read_text().splitlines())}
    assert {k: r["reason"] for k, r in reported.items()} == bad
    assert all(r["detail"] for r in reported.values())
    with Store(db) as store:
        stored = {r["id"] for r in store.db.query("SELECT id FROM documents")}
        assert stored == {k for k, v in expected.items() if v is None}
        assert {r["id"]: r["reason"] for r in store.rejections()} == bad

    # --strict: same documents, nothing coded again, exit status 1 because of the garbage.
    strict = runner.invoke(cli, [*args, "--strict"])
    assert strict.exit_code == 1
    assert "190 already stored" in strict.output

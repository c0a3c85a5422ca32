"""The store tests of test_store.py, run again on a real PostgreSQL server started here.

The server is a throw-away cluster (initdb in a temp dir, trust auth, loopback, a free port),
started once per session with the Debian ``postgresql`` binaries; as root it runs as the
``postgres`` user through ``runuser``. Skipped, with the reason, when the binaries are missing.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from newsevents.store import Store
from tests.store.records import make_extraction
from tests.store.test_store import *  # noqa: F403 - the same tests, on PostgreSQL

# It opens its own SQLite file; test_postgres_keep_text_modes below covers PostgreSQL.
globals().pop("test_store_keep_text_modes", None)

pytestmark = pytest.mark.postgres


def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_server():
    """URL prefix of a running throw-away PostgreSQL server (stopped at session end)."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql")
    pytest.importorskip("psycopg", reason="psycopg not installed: pip install newsevents[postgres]")
    root = Path(tempfile.mkdtemp(prefix="newsevents-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        if not shutil.which("runuser"):
            pytest.skip("running as root without runuser: cannot start PostgreSQL")
        prefix = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, "postgres")
    data, sock, port = root / "data", root, _free_port()
    subprocess.run(
        [
            *prefix,
            initdb,
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    opts = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [*prefix, pg_ctl, "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w", "start"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server):
    """An empty database for one test (one database, schema dropped and made again: faster
    than CREATE DATABASE per test)."""
    import psycopg

    url = f"{pg_server}/postgres"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")
    return url


@pytest.fixture
def store(pg_url):
    """Overrides test_store's SQLite fixture: every imported test runs on PostgreSQL."""
    with Store(pg_url) as s:
        assert s.db.dialect == "postgresql"
        yield s


@pytest.mark.parametrize("keep", ["full", "sentences", "none"])
def test_postgres_keep_text_modes(pg_url, keep):
    with Store(pg_url) as store:
        store.add([make_extraction()], keep_text=keep)
        doc = store.document("d1")
        assert (doc["text"] is not None) == (keep == "full")
        assert (len(doc["sentences"]) > 0) == (keep == "sentences")
        assert len(store.events()) == 1 and len(store.quotes()) == 1


def test_postgres_reopen_keeps_data_and_schema(pg_url):
    with Store(pg_url) as store:
        store.add([make_extraction("a", date=None)])
    with Store(pg_url) as store:  # schema creation is idempotent on an existing database
        assert store.stats()["documents"] == 1
        assert store.events()[0]["doc"] == "a"
        assert store.add([make_extraction("a", date=None)]).skipped == 1


def test_postgres_load_parquet_roundtrip(pg_url, tmp_path):
    from newsevents.scale.parquet import document_record, month_of, write_part
    from newsevents.store.load import load_parquet

    xs = [make_extraction("p1"), make_extraction("p2", date=None)]
    write_part(
        tmp_path / "pq",
        0,
        {
            "documents": [(month_of(x.article.date), document_record(x.article)) for x in xs],
            "mentions": [(month_of(x.article.date), e.to_dict()) for x in xs for e in x.events],
            "quotes": [(month_of(x.article.date), q.to_dict()) for x in xs for q in x.quotes],
        },
    )
    with Store(pg_url) as store:
        assert load_parquet(tmp_path / "pq", store) == 2
        assert load_parquet(tmp_path / "pq", store) == 0
        assert store.stats()["mentions"] == 2 and store.stats()["quotes"] == 2
        assert Path(tmp_path / "pq" / "mentions" / "month=undated").is_dir()


def test_postgres_ingest_query_and_api_end_to_end(pg_url, examples_dir, tmp_path):
    """The real pipeline into PostgreSQL through the CLI (near-duplicates, storylines), then
    the query commands and the REST API on the same database."""
    import json

    from click.testing import CliRunner

    from newsevents.cli import cli

    runner = CliRunner()
    src = tmp_path / "docs"
    src.mkdir()
    for p in examples_dir.iterdir():  # each example twice: the copy is a near-duplicate
        (src / p.name).write_bytes(p.read_bytes())
        (src / f"copy-{p.name}").write_bytes(p.read_bytes() + b"\n")
    result = runner.invoke(cli, ["ingest", str(src), "--db", pg_url, "-q"])
    assert result.exit_code == 0, result.output
    assert "2 near-duplicates" in result.output
    stats = json.loads(runner.invoke(cli, ["stats", "--db", pg_url]).output)
    assert stats["documents"] == 4 and stats["mentions"] > 0 and stats["stories"] >= 1
    events = runner.invoke(cli, ["events", "--db", pg_url, "--actor", "TUR"])
    assert events.exit_code == 0 and events.output.strip()
    again = runner.invoke(cli, ["ingest", str(src), "--db", pg_url, "-q"])
    assert "4 already stored" in again.output

    from fastapi.testclient import TestClient

    from newsevents.server import create_app

    with TestClient(create_app(pg_url)) as client:
        for path in ("/api/stats", "/api/events", "/api/dyads", "/api/storylines", "/"):
            assert client.get(path).status_code == 200, path

"""feeds add|import|list, follow --once --json, and a follow stopped by SIGTERM or killed."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsevents
from newsevents.cli import cli
from newsevents.follow.cli import parse_interval
from newsevents.store import Store
from newsevents.store import follow as sql
from tests.follow.feeds_xml import article_html, make_item, opml, rss20
from tests.follow.server import Route

pytestmark = pytest.mark.issue(17)
RSS = "application/rss+xml"


def serve(server, n: int, delay: float = 0.0) -> None:
    server.routes["/rss.xml"] = Route(
        rss20(server.base, [make_item(i) for i in range(n)]), content_type=RSS
    )
    for i in range(n):
        server.routes[f"/news/{i}.html"] = Route(article_html(i), delay=delay)


def test_cli_feeds_add_import_list(tmp_path):
    db = str(tmp_path / "new" / "news.db")
    (tmp_path / "new").mkdir()
    runner = CliRunner()
    r = runner.invoke(cli, ["feeds", "add", "http://127.0.0.1:9/a.xml", "--db", db])
    assert r.exit_code == 0 and "added" in r.output and Path(db).exists()  # store created
    r = runner.invoke(cli, ["feeds", "add", "http://127.0.0.1:9/a.xml", "--db", db])
    assert "already followed" in r.output
    r = runner.invoke(cli, ["feeds", "add", "ftp://127.0.0.1/x", "--db", db])
    assert r.exit_code != 0 and "E700" in r.output
    subs = tmp_path / "subs.opml"
    subs.write_text(
        opml(
            [
                ("http://127.0.0.1:9/a.xml", "A"),
                ("http://127.0.0.1:9/b.xml", "B"),
                ("mailto:x", "X"),
            ]
        )
    )
    r = runner.invoke(cli, ["feeds", "import", str(subs), "--db", db])
    assert r.exit_code == 0 and "1 feeds added, 1 already followed" in r.output
    r = runner.invoke(cli, ["feeds", "list", "--db", db, "--format", "json"])
    rows = json.loads(r.output)
    assert [row["url"] for row in rows] == ["http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml"]
    assert rows[1]["title"] == "B" and rows[0]["state"] == "new"
    r = runner.invoke(cli, ["feeds", "list", "--db", db])
    assert r.exit_code == 0 and "b.xml" in r.output


def test_cli_follow_once_json(server, tmp_path):
    serve(server, 2)
    db = str(tmp_path / "news.db")
    runner = CliRunner()
    runner.invoke(cli, ["feeds", "add", server.url("/rss.xml"), "--db", db])
    r = runner.invoke(cli, ["follow", "--once", "--json", "--delay", "0", "--db", db])
    assert r.exit_code == 0, r.output
    # The JSON summary is on stdout; stderr may carry first-use notes (a cache being built).
    line = json.loads(r.stdout.strip().splitlines()[-1])
    assert line["feeds"] == 1 and line["items_new"] == 2 and line["coded"] == 2
    r = runner.invoke(cli, ["follow", "--once", "--delay", "0", "--db", db])
    assert r.output.startswith("round 1: 1 feeds polled") and "0 items new" in r.output
    r = runner.invoke(cli, ["stories", "--db", db, "--format", "json"])
    assert json.loads(r.output)  # storylines were updated by the round


def test_cli_follow_without_feeds_or_with_bad_interval(tmp_path):
    runner = CliRunner()
    missing = str(tmp_path / "mistyped.db")
    r = runner.invoke(cli, ["follow", "--once", "--db", missing])
    assert r.exit_code != 0 and "mistyped.db" in r.output and not Path(missing).exists()
    Store(tmp_path / "x.db").close()
    r = runner.invoke(cli, ["follow", "--once", "--db", str(tmp_path / "x.db")])
    assert r.exit_code != 0 and "feeds add" in r.output
    r = runner.invoke(cli, ["follow", "--every", "soon", "--db", str(tmp_path / "x.db")])
    assert r.exit_code != 0 and "E703" in r.output


def test_parse_interval():
    assert parse_interval("15m") == 900
    assert parse_interval("90") == 90
    assert parse_interval("1.5h") == 5400
    assert parse_interval("1d") == 86400


def _follow_process(db: str) -> subprocess.Popen:
    env = dict(os.environ)
    src = str(Path(newsevents.__file__).resolve().parents[1])
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsevents",
            "follow",
            "--once",
            "--delay",
            "0",
            "--no-stories",
            "--db",
            db,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _wait_for(server, path: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while path not in server.paths():
        assert time.monotonic() < deadline, f"{path} never requested"
        time.sleep(0.05)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_cli_follow_stopped_mid_round_then_rerun_stores_each_article_once(server, tmp_path, sig):
    n = 6
    serve(server, n, delay=0.3)
    db = str(tmp_path / "news.db")
    CliRunner().invoke(cli, ["feeds", "add", server.url("/rss.xml"), "--db", db])
    proc = _follow_process(db)
    _wait_for(server, "/news/1.html")
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=120)
    if sig == signal.SIGTERM:
        assert proc.returncode == 0, err
        assert "(stopped)" in out
    with Store(db) as store:
        if sig == signal.SIGTERM:
            assert sql.lease_holder(store, "follow") is None  # released on a clean stop
        stored_first = len(store.documents())
        assert stored_first < n
    rerun = _follow_process(db)
    out, err = rerun.communicate(timeout=180)
    assert rerun.returncode == 0, err
    with Store(db) as store:
        docs = store.documents()
        assert len(docs) == n
        assert len({d["url"] for d in docs}) == n
        items = sql.known_items(store, [server.url(f"/news/{i}.html") for i in range(n)])
        assert {row["status"] for row in items.values()} == {"stored"}
        assert sql.lease_holder(store, "follow") is None
    assert server.paths().count("/news/5.html") == 1  # not fetched before the stop

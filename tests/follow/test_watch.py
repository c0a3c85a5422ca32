"""watch: files already there and written later, growing files, removal, renamed folders."""

import json
import shutil

import pytest
from click.testing import CliRunner

from newsevents.cli import cli
from newsevents.follow.watch import Watcher
from newsevents.runner import RunConfig
from newsevents.store import Store
from tests.follow.feeds_xml import article_text

pytestmark = pytest.mark.issue(17)


def write_article(path, n: int, revision: int = 0) -> None:
    title, paras = article_text(n, revision)
    path.write_text(title + "\n" + "\n".join(paras) + "\n", encoding="utf-8")


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "news.db") as s:
        yield s


def test_watch_takes_files_once_they_stop_growing(tmp_path, store):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_article(inbox / "a.txt", 0)
    w = Watcher(store, inbox, RunConfig(), settle=0.0, stories=False)
    first = w.scan()
    assert first.waiting == 1 and first.coded == 0  # seen once: maybe still being written
    second = w.scan()
    assert (second.new, second.coded) == (1, 1)

    # a file written in two steps is taken only when its size stays the same
    growing = inbox / "b.txt"
    title, paras = article_text(1)
    growing.write_text(title + "\n" + paras[0] + "\n")
    assert w.scan().waiting == 1
    with open(growing, "a") as f:
        f.write("\n".join(paras[1:]) + "\n")
    assert w.scan().coded == 0  # changed since the last check: wait again
    done = w.scan()
    assert (done.new, done.coded) == (1, 1)
    doc = store.document("b.txt")
    assert "Opposition leaders" in doc["text"]  # the complete file

    # nothing new: nothing done
    again = w.scan()
    assert (again.files, again.new, again.coded, again.waiting) == (2, 0, 0, 0)
    assert len(store.documents()) == 2


def test_watch_changed_and_copied_files(tmp_path, store):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_article(inbox / "a.txt", 0)
    w = Watcher(store, inbox, RunConfig(), settle=0.0, stories=False)
    w.scan(), w.scan()
    shutil.copy(inbox / "a.txt", inbox / "copy-of-a.txt")  # same content, other name
    w.scan()
    copied = w.scan()
    assert (copied.copies, copied.coded) == (1, 0)
    write_article(inbox / "a.txt", 0, revision=1)
    w.scan()
    changed = w.scan()
    assert (changed.changed, changed.coded) == (1, 1)
    # a changed file is a new version, linked to the old one, which is kept
    versions = store.versions("a.txt")
    assert [v["id"] for v in versions] == ["a.txt", "a.txt@v2"]
    assert versions[1]["previous_version"] == "a.txt"
    assert "Update 1:" in store.document("a.txt@v2")["text"]
    assert "Update 1:" not in store.document("a.txt")["text"]


def test_watch_survives_the_folder_emptied_and_renamed(tmp_path, store):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_article(inbox / "a.txt", 0)
    w = Watcher(store, inbox, RunConfig(), settle=0.0, stories=False)
    w.scan(), w.scan()
    (inbox / "a.txt").unlink()  # emptied
    assert w.scan().files == 0
    write_article(inbox / "b.txt", 1)
    w.scan()
    inbox.rename(tmp_path / "elsewhere")  # renamed away while b.txt waits
    gone = w.scan()
    assert gone.missing and not w.pending
    (tmp_path / "elsewhere").rename(inbox)  # back again
    w.scan()
    back = w.scan()
    assert (back.new, back.coded) == (1, 1)
    assert {d["id"] for d in store.documents()} == {"a.txt", "b.txt"}


def test_watch_rejected_file_is_reported_once(tmp_path, store):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "junk.txt").write_bytes(b"\x00\x01\x02 binary")
    (inbox / ".hidden.txt").write_text("a partial download")
    (inbox / "image.png").write_bytes(b"\x89PNG")
    w = Watcher(store, inbox, RunConfig(), settle=0.0, stories=False)
    w.scan()
    first = w.scan()
    assert (first.files, first.rejected) == (1, 1)
    assert w.scan().rejected == 0


def test_cli_watch_once_creates_the_store(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    write_article(inbox / "a.txt", 0)
    write_article(inbox / "sub" / "b.txt", 1)
    db = tmp_path / "fresh.db"
    r = CliRunner().invoke(
        cli, ["watch", str(inbox), "--once", "--settle", "0.2", "--json", "--db", str(db)]
    )
    assert r.exit_code == 0, r.output
    scans = [json.loads(line) for line in r.output.strip().splitlines()]
    assert sum(s["coded"] for s in scans) == 2 and scans[-1]["waiting"] == 0
    with Store(db) as store:
        assert len(store.documents()) == 2
    r = CliRunner().invoke(cli, ["watch", str(inbox), "--once", "--settle", "0.2", "--db", str(db)])
    assert r.exit_code == 0 and "0 new" in r.output


def test_cli_watch_once_on_a_missing_folder(tmp_path):
    r = CliRunner().invoke(
        cli, ["watch", str(tmp_path / "nope"), "--once", "--db", str(tmp_path / "n.db")]
    )
    assert r.exit_code == 0 and "folder missing" in r.output

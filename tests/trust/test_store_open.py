"""Issue 11 (3, 10): missing inputs, unreadable folders and mistyped --db fail loudly; a
read-only store answers queries; another program's SQLite file is refused untouched."""

import hashlib
import json
import os
import sqlite3

import pytest
from click.testing import CliRunner

from newsevents.cli import cli
from newsevents.errors import StoreError
from newsevents.ingest import read_sources
from newsevents.models import Rejection
from newsevents.store import Store
from tests.store.records import make_extraction

pytestmark = pytest.mark.issue(11)
QUERIES = (["stats"], ["events"], ["quotes"], ["dyads"], ["stories"], ["timeline"])


@pytest.mark.parametrize("command", QUERIES)
def test_query_on_a_mistyped_db_is_an_error_and_creates_nothing(tmp_path, command):
    db = tmp_path / "nwes.db"
    result = CliRunner().invoke(cli, [*command, "--db", str(db)])
    assert result.exit_code != 0 and "E304" in result.output, result.output
    assert not db.exists()


def test_missing_input_path_is_a_non_zero_exit(tmp_path):
    result = CliRunner().invoke(
        cli, ["ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "n.db"), "-q"]
    )
    assert result.exit_code == 1 and "no such file or directory" in result.output.lower()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder_is_reported(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("The ministers met in Paris on Monday to talk.")
    locked.chmod(0)
    try:
        docs = list(read_sources([tmp_path]))
    finally:
        locked.chmod(0o755)
    assert [(d.id, d.reason) for d in docs] == [("locked/", "unreadable")]


def test_unlistable_folder_is_a_rejection(tmp_path, monkeypatch):
    """Independent of the user (root reads every folder): os.walk reports the error."""
    (tmp_path / "sub").mkdir()
    real = os.scandir

    def scandir(path):
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs = list(read_sources([tmp_path]))
    assert [(d.id, d.reason) for d in docs if isinstance(d, Rejection)] == [("sub/", "unreadable")]


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_read_only_store_answers_queries(tmp_path):
    db = tmp_path / "ro.db"
    with Store(db) as store:
        store.add([make_extraction()])
    os.chmod(db, 0o444)
    try:
        before = _digest(db)
        result = CliRunner().invoke(cli, ["stats", "--db", str(db)])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["documents"] == 1
        with Store(db) as store:
            assert store.read_only and len(store.events()) == 1
            if os.geteuid() != 0:  # root may write a 0444 file anyway
                with pytest.raises(StoreError, match="E305"):
                    store.add([make_extraction("d2")])
        assert _digest(db) == before
    finally:
        os.chmod(db, 0o644)


def test_foreign_sqlite_file_is_refused_untouched(tmp_path):
    db = tmp_path / "other.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    con.commit()
    con.close()
    before = _digest(db)
    for command in (["stats"], ["events"]):
        result = CliRunner().invoke(cli, [*command, "--db", str(db)])
        assert result.exit_code != 0 and "E303" in result.output and "invoices" in result.output
    with pytest.raises(StoreError, match="E303"):
        Store(db)
    assert _digest(db) == before
    tables = {r[0] for r in sqlite3.connect(db).execute("SELECT name FROM sqlite_master")}
    assert tables == {"invoices"}

"""Issue 11 (8): one fixed, typed column list per export, whatever the rows hold."""

import csv
import io

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from newsevents.cli import cli
from newsevents.exports.native import EVENT_COLUMNS, QUOTE_COLUMNS
from newsevents.store import Store
from tests.store.records import make_extraction

pytestmark = pytest.mark.issue(11)
HEADER = [c for c, _ in EVENT_COLUMNS]


def _store(path, with_target: bool):
    x = make_extraction()
    if not with_target:
        x.events[0].target = None
        x.events[0].location = None
    with Store(path) as store:
        store.add([x])
    return str(path)


@pytest.mark.parametrize("with_target", [True, False])
def test_events_csv_header_is_fixed(tmp_path, with_target):
    db = _store(tmp_path / "s.db", with_target)
    out = CliRunner().invoke(cli, ["events", "--db", db, "--format", "csv"]).stdout
    reader = csv.DictReader(io.StringIO(out))
    assert reader.fieldnames == HEADER
    for name in ("language", "location.geonameid", "location.admin1", "location.feature_code",
                 "location.precision", "date_end", "date_precision", "date_how", "coder_version"):  # fmt: skip
        assert name in reader.fieldnames
    assert "target" not in reader.fieldnames and "location" not in reader.fieldnames
    assert len(list(reader)) == 1


def test_empty_result_has_the_same_header(tmp_path):
    db = _store(tmp_path / "s.db", True)
    out = CliRunner().invoke(cli, ["events", "--db", db, "--format", "csv", "--actor", "ZZZ"])
    assert out.stdout.strip().split(",") == HEADER


def test_api_csv_uses_the_same_columns(client):
    text = client.get("/api/export/events.csv").text
    assert next(csv.reader(io.StringIO(text))) == HEADER
    quotes = client.get("/api/export/quotes.csv").text
    assert next(csv.reader(io.StringIO(quotes))) == [c for c, _ in QUOTE_COLUMNS]


def test_parquet_is_typed_by_the_column_list(tmp_path):
    db = _store(tmp_path / "s.db", False)
    out = tmp_path / "e.parquet"
    r = CliRunner().invoke(
        cli, ["export", "events", "--db", db, "--format", "parquet", "-o", str(out)]
    )
    assert r.exit_code == 0, r.output
    schema = pq.read_table(out).schema
    assert schema.names == HEADER
    types = dict(zip(schema.names, map(str, schema.types), strict=True))
    assert types["target.name"] == "string" and types["location.lat"] == "double"
    assert types["quad_class"] == "int64" and types["negated"] == "bool"

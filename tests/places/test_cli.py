"""``newsevents extract --places``: the places JSON lines."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsevents.cli import cli

pytestmark = pytest.mark.issue(13)

FIELDS = {
    "doc",
    "start",
    "end",
    "text",
    "name",
    "geonameid",
    "lat",
    "lon",
    "country",
    "feature_code",
    "admin1",
    "type",
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    path = tmp_path_factory.mktemp("places") / "docs.jsonl"
    texts = {
        "a": "Turkish troops crossed into Syria near Afrin on Sunday. Ankara said the move was defensive.",
        "b": "The mayor of Houston, Texas, opened a new bridge in the city on Friday.",
    }
    path.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items()))
    return path, texts


def _rows(tmp_path, docs, *extra):
    path, _ = docs
    out = tmp_path / "places.jsonl"
    result = CliRunner().invoke(
        cli,
        ["extract", str(path), "--events", str(tmp_path / "e.jsonl"), "--places", str(out), *extra],
    )
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text().splitlines()]


def test_places_lines_have_the_fields_and_offsets(tmp_path, docs):
    rows = _rows(tmp_path, docs)
    texts = docs[1]
    assert rows and all(FIELDS <= set(r) for r in rows)
    for r in rows:
        assert texts[r["doc"]][r["start"] : r["end"]] == r["text"]
        assert r["type"] == "literal" and r["lat"] is not None
    syria = next(r for r in rows if r["text"] == "Syria")
    assert syria["country"] == "SYR" and syria["feature_code"] == "PCLI" and syria["geonameid"]
    houston = next(r for r in rows if r["text"] == "Houston")
    assert houston["admin1"] == "Texas" and houston["country"] == "USA"


def test_places_all_adds_demonyms_and_metonyms(tmp_path, docs):
    literal = _rows(tmp_path, docs)
    every = _rows(tmp_path, docs, "--places-all")
    extra = [r for r in every if r["type"] != "literal"]
    assert {r["text"] for r in extra} >= {"Turkish"}
    assert all(r["lat"] is None for r in extra)
    assert len(every) == len(literal) + len(extra)


def test_places_all_without_places_is_an_error(tmp_path, docs):
    result = CliRunner().invoke(cli, ["extract", str(docs[0]), "--places-all"])
    assert result.exit_code != 0 and "--places" in result.output

import csv
import io

from newsevents.exports.gdelt import EVENT_COLUMNS as GDELT_COLUMNS
from newsevents.exports.icews import ICEWS_COLUMNS


def rows(client, path, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    reader = csv.DictReader(io.StringIO(r.text))
    return reader.fieldnames, list(reader)


def test_export_gdelt_one_row_per_event_with_gdelt_columns(client):
    header, got = rows(client, "/api/export/gdelt.csv", actor="ISR")
    assert header == GDELT_COLUMNS
    first = got[0]
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20210510", "202105", "2021")
    assert (first["Actor1CountryCode"], first["Actor2CountryCode"]) == ("ISR", "PSE")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "195",
        "195",
        "19",
    )
    assert (first["QuadClass"], first["GoldsteinScale"], first["NumMentions"]) == (
        "4",
        "-10.0",
        "1",
    )
    assert len(got) == 3


def test_export_icews_one_row_per_report_with_icews_columns(client):
    header, got = rows(client, "/api/export/icews.csv", doc="turkey-us")
    assert header == ICEWS_COLUMNS
    consult = next(r for r in got if r["CAMEO Code"] == "040")
    assert consult["Event Date"] == "2021-04-12"
    assert consult["Source Name"] == "Mevlut Cavusoglu"
    assert consult["Source Country"] == "TUR" and consult["Target Country"] == "USA"
    assert consult["Event Text"]  # CAMEO description from the code table
    assert consult["Story ID"] == "turkey-us" and consult["Publisher"] == "AA"


def test_export_native_and_quotes(client):
    header, got = rows(client, "/api/export/events.csv", type="ASSAULT")
    assert "source.country" in header and len(got) == 4
    header, got = rows(client, "/api/export/quotes.csv")
    assert "speaker.name" in header and got[0]["quote"] == "It was a useful call,"


def test_api_gdelt_and_icews_are_the_cli_export(client, sample_db, tmp_path):
    """Issue 11: the API serves what `newsevents export events` writes, byte for byte."""
    from click.testing import CliRunner

    from newsevents.cli import cli

    for fmt, route, suffixes in (
        (
            "gdelt",
            "/api/export/gdelt.tsv",
            {"": "", ".mentions.tsv": "/api/export/gdelt.mentions.tsv"},
        ),
        ("icews", "/api/export/icews.csv", {"": ""}),
        ("polecat", "/api/export/polecat.csv", {"": ""}),
    ):
        out = tmp_path / f"events.{fmt}"
        args = ["export", "events", "--db", str(sample_db), "--format", fmt, "-o", str(out)]
        assert CliRunner().invoke(cli, args).exit_code == 0
        for suffix, other in suffixes.items():
            body = client.get(other or route).text
            assert body == open(f"{out}{suffix}", encoding="utf-8", newline="").read(), route
    lines = client.get("/api/export/gdelt.tsv").text.splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)

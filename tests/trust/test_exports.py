"""Issue 11 (9, 9b): GDELT 2.0 event + Mentions tables and ICEWS's 20 columns, loadable with
the published column lists; DATEADDED filled; Parquet to standard output is a clear error."""

import csv

import pytest
from click.testing import CliRunner

from newsevents.cli import cli
from newsevents.exports import gdelt
from newsevents.exports.icews import ICEWS_COLUMNS as ICEWS_PUBLISHED

pytestmark = pytest.mark.issue(11)

# GDELT 2.0 event table and Mentions table, as published in the GDELT 2.0 codebooks.
GDELT2_EVENTS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name Actor1CountryCode "
    "Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code "
    "Actor1Type1Code Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name Actor2CountryCode "
    "Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code "
    "Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode EventBaseCode "
    "EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code "
    "Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID Actor2Geo_Type "
    "Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code "
    "Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName "
    "ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long "
    "ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()
GDELT2_MENTIONS = (
    "GLOBALEVENTID EventTimeDate MentionTimeDate MentionType MentionSourceName "
    "MentionIdentifier SentenceID Actor1CharOffset Actor2CharOffset ActionCharOffset InRawText "
    "Confidence MentionDocLen MentionDocTone MentionDocTranslationInfo Extras"
).split()
ICEWS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
]  # fmt: skip


def test_published_column_lists():
    assert gdelt.EVENT_COLUMNS == GDELT2_EVENTS and len(GDELT2_EVENTS) == 61
    assert gdelt.MENTION_COLUMNS == GDELT2_MENTIONS
    assert ICEWS_PUBLISHED == ICEWS


def _load(path, columns):
    rows = []
    for line in open(path, encoding="utf-8").read().splitlines():
        fields = line.split("\t")
        assert len(fields) == len(columns), (len(fields), line)
        rows.append(dict(zip(columns, fields, strict=True)))
    return rows


def test_gdelt_export_writes_event_and_mentions_tables(sample_db, tmp_path):
    out = tmp_path / "events.tsv"
    result = CliRunner().invoke(
        cli, ["export", "events", "--db", str(sample_db), "--format", "gdelt", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    events = _load(out, GDELT2_EVENTS)
    mentions = _load(f"{out}.mentions.tsv", GDELT2_MENTIONS)
    assert events and mentions
    ids = {int(e["GLOBALEVENTID"]) for e in events}  # integers, no header line
    assert len(ids) == len(events)
    assert all(e["DATEADDED"].isdigit() and len(e["DATEADDED"]) == 14 for e in events)
    assert {int(m["GLOBALEVENTID"]) for m in mentions} == ids
    assert sum(int(e["NumMentions"]) for e in events) == len(mentions)
    assert all(int(m["ActionCharOffset"]) >= 0 and int(m["MentionDocLen"]) > 0 for m in mentions)
    extras = list(csv.DictReader(open(f"{out}.extras.tsv"), delimiter="\t"))
    assert {int(x["GLOBALEVENTID"]) for x in extras} == ids and extras[0]["plover"]


def test_gdelt_export_needs_a_file(sample_db):
    result = CliRunner().invoke(
        cli, ["export", "events", "--db", str(sample_db), "--format", "gdelt"]
    )
    assert result.exit_code != 0 and "E302" in result.output


def test_icews_export_has_icews_columns(sample_db, tmp_path):
    out = tmp_path / "icews.csv"
    result = CliRunner().invoke(
        cli, ["export", "events", "--db", str(sample_db), "--format", "icews", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    reader = csv.DictReader(open(out, encoding="utf-8"))
    assert reader.fieldnames == ICEWS and list(reader)


@pytest.mark.parametrize("command", [["events"], ["quotes"], ["dyads"], ["stories"]])
def test_parquet_to_standard_output_is_a_clear_error(sample_db, command):
    result = CliRunner().invoke(cli, [*command, "--db", str(sample_db), "--format", "parquet"])
    assert result.exit_code != 0 and "E302" in result.output and "Traceback" not in result.output


def test_polecat_export_has_the_codebook_fields(sample_db, tmp_path):
    from newsevents.exports.icews import POLECAT_COLUMNS

    out = tmp_path / "polecat.csv"
    result = CliRunner().invoke(
        cli, ["export", "events", "--db", str(sample_db), "--format", "polecat", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    reader = csv.DictReader(open(out, encoding="utf-8"))
    rows = list(reader)
    assert reader.fieldnames == POLECAT_COLUMNS and len(POLECAT_COLUMNS) == 21
    assert rows and all(r["Event Type"] and r["Version"] for r in rows)
    assert len({r["Event ID"] for r in rows}) == len(rows)  # one row per event

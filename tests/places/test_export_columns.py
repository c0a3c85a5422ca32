"""An event's place in the GDELT ActionGeo and POLECAT place columns of the exports."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from newsevents.cli import cli
from newsevents.exports.gdelt import EVENT_COLUMNS
from newsevents.exports.icews import POLECAT_COLUMNS
from newsevents.places import gazetteer

pytestmark = pytest.mark.issue(13)


@pytest.fixture(scope="module")
def exported(examples_dir, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("geo")
    db, runner = str(tmp / "news.db"), CliRunner()
    result = runner.invoke(cli, ["ingest", str(examples_dir), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    out = {}
    for fmt in ("gdelt", "polecat"):
        path = tmp / f"{fmt}.out"
        result = runner.invoke(
            cli, ["export", "events", "--db", db, "--format", fmt, "-o", str(path)]
        )
        assert result.exit_code == 0, result.output
        out[fmt] = path
    gdelt = [
        dict(zip(EVENT_COLUMNS, line.split("\t"), strict=True))
        for line in out["gdelt"].read_text(encoding="utf-8").splitlines()
    ]
    with out["polecat"].open(encoding="utf-8") as f:
        polecat = list(csv.DictReader(f))
    assert list(polecat[0]) == POLECAT_COLUMNS
    return gdelt, polecat


def test_the_visit_to_kabul_fills_the_action_geo_columns(exported):
    gdelt, _ = exported
    kabul = gazetteer().get(int(_kabul_id()))
    rows = [r for r in gdelt if r["ActionGeo_FeatureID"] == str(kabul.id)]
    assert rows, [r["ActionGeo_FullName"] for r in gdelt]
    for r in rows:
        assert r["ActionGeo_FullName"].startswith("Kabul") and r["ActionGeo_CountryCode"] == "AFG"
        assert r["ActionGeo_Type"] == "4"  # a world city
        assert abs(float(r["ActionGeo_Lat"]) - kabul.lat) < 0.01
        assert abs(float(r["ActionGeo_Long"]) - kabul.lon) < 0.01


def test_every_placed_event_has_a_point_and_unplaced_ones_none(exported):
    gdelt, _ = exported
    for r in gdelt:
        if r["ActionGeo_FullName"]:
            assert r["ActionGeo_Lat"] and r["ActionGeo_Long"] and r["ActionGeo_Type"], r
        else:
            assert not (r["ActionGeo_Lat"] or r["ActionGeo_FeatureID"] or r["ActionGeo_Type"]), r
    assert any(not r["ActionGeo_FullName"] for r in gdelt)  # the phone call has no pin


def test_polecat_place_columns_agree_with_gdelt(exported):
    gdelt, polecat = exported
    placed = {(r["ActionGeo_FeatureID"], r["ActionGeo_Lat"]) for r in gdelt if r["ActionGeo_Lat"]}
    ids = {r["GeoNames ID"] for r in polecat if r["GeoNames ID"]}
    assert ids and ids <= {i for i, _ in placed}
    for r in polecat:
        if r["GeoNames ID"] == _kabul_id():
            assert r["Placename"] == "Kabul" and r["Latitude"] and r["Longitude"]


def _kabul_id() -> str:
    from newsevents.places.resolve import best_place

    return best_place("Kabul").geonameid

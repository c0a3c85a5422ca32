"""Places are stored and queryable: Store.places, `newsevents places`, /api/places, /places.json."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsevents.cli import cli

pytestmark = pytest.mark.issue(13)

TEXT = (
    "Turkish officials arrived in Ankara on Monday.\n"
    "Later the delegation flew to Houston, Texas, for talks."
)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("placesdb")
    (folder / "a.jsonl").write_text(json.dumps({"id": "p1", "text": TEXT}) + "\n")
    path = folder / "news.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder / "a.jsonl"), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_store_keeps_literal_places_and_typed_ones(db):
    from newsevents.store import Store

    with Store(db) as store:
        literal = store.places()
        every = store.places(type=None)
        usa = store.places(country="usa")
    texts = {p["text"] for p in literal}
    assert {"Ankara", "Houston"} <= texts and "Turkish" not in texts
    assert any(p["text"] == "Turkish" and p["type"] == "demonym" for p in every)
    assert usa and all(p["country"] == "USA" for p in usa)
    for p in literal:
        assert TEXT[p["start"] : p["end"]] == p["text"] and p["doc"] == "p1"


def test_cli_places_query(db):
    result = CliRunner().invoke(
        cli, ["places", "--db", str(db), "--name", "houston", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and rows[0]["admin1"] == "Texas" and rows[0]["geonameid"]


def test_api_places_and_json_twin(db):
    from fastapi.testclient import TestClient

    from newsevents.server import create_app

    with TestClient(create_app(db)) as client:
        api = client.get("/api/places", params={"country": "TUR"}).json()
        twin = client.get("/places.json", params={"country": "TUR"}).json()
        page = client.get("/places", params={"country": "TUR"})
        bad = client.get("/api/places", params={"country": "TURKEY"})
    assert api["places"] == twin["places"] and api["places"][0]["name"] == "Ankara"
    assert page.status_code == 200 and "Ankara" in page.text
    assert bad.status_code == 422


def test_gdelt_actiongeo_columns_from_the_location():
    from newsevents.exports.gdelt import geo_full_name, geo_type

    houston = {"name": "Houston", "admin1": "Texas", "country": "USA", "precision": "city"}
    assert geo_type(houston) == 3 and geo_full_name(houston) == "Houston, Texas, USA"
    assert geo_type({"name": "Idlib", "country": "SYR", "precision": "admin1"}) == 5
    assert geo_type({"name": "Syria", "country": "SYR", "precision": "country"}) == 1
    assert geo_type({}) is None and geo_full_name({}) is None

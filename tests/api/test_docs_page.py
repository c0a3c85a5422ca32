import re


def test_docs_page_works_offline_and_lists_every_route(client):
    r = client.get("/docs")
    assert r.status_code == 200
    # nothing loaded from another host: every src/href is local
    for url in re.findall(r'(?:src|href)="([^"]+)"', r.text):
        assert not re.match(r"(https?:)?//", url) or url.startswith("http://testserver/"), url
    for path in client.get("/openapi.json").json()["paths"]:
        assert path in r.text


def test_openapi_lists_one_router_per_resource(client):
    tags = {
        tag
        for ops in client.get("/openapi.json").json()["paths"].values()
        for op in ops.values()
        for tag in op.get("tags", [])
    }
    assert {"documents", "events", "actors", "dyads", "storylines", "quotes", "exports"} <= tags


def test_api_index_lists_routes(client):
    routes = client.get("/api").json()["routes"]
    assert "/api/storylines/{story_id}/timeline" in routes


def test_every_api_route_is_in_rest_api_md(client):
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "rest-api.md").read_text(encoding="utf-8")
    for path in client.get("/openapi.json").json()["paths"]:
        assert f"`GET {path}`" in doc, path


def test_every_export_column_is_in_rest_api_md(client):
    """Every GDELT column the export fills, and every ICEWS column, is in the mapping."""
    import csv
    import io
    from pathlib import Path

    from newsevents.exports.icews import ICEWS_COLUMNS

    doc = (Path(__file__).resolve().parents[2] / "docs" / "rest-api.md").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/gdelt.csv").text)))
    filled = [c for c in rows[0] if any(r[c] for r in rows)]
    assert "GLOBALEVENTID" in filled and "SQLDATE" in filled
    for col in filled + ICEWS_COLUMNS:
        assert f"`{col}`" in doc, col

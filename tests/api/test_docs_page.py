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

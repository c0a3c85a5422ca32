def test_dyads_by_month_count_events(client):
    rows = client.get("/api/dyads", params={"by": "month", "actor": "ISR"}).json()["dyads"]
    table = {(r["period"], r["source"], r["target"]): r for r in rows}
    assert table[("2021-05", "ISR", "PSE")]["events"] == 1
    assert table[("2021-05", "PSE", "ISR")]["q4"] == 1
    assert table[("2021-06", "ISR", "PSE")]["goldstein"] == -8.0


def test_dyad_series_directed_and_undirected(client):
    one = client.get("/api/dyads/series", params={"source": "ISR", "target": "PSE"}).json()
    assert [(r["period"], r["events"], r["mean_goldstein"]) for r in one["series"]] == [
        ("2021-05", 1, -10.0),
        ("2021-06", 1, -8.0),
    ]
    both = client.get(
        "/api/dyads/series", params={"source": "ISR", "target": "PSE", "directed": "false"}
    ).json()
    assert [(r["period"], r["events"], r["goldstein"]) for r in both["series"]] == [
        ("2021-05", 2, -20.0),
        ("2021-06", 1, -8.0),
    ]


def test_dyad_series_counts_undated_apart(client):
    got = client.get("/api/dyads/series", params={"source": "USA", "target": "TUR"}).json()
    assert got["series"] == []
    assert got["undated_events"] == 1


def test_network_has_actor_nodes_and_dyad_edges(client):
    net = client.get("/api/network").json()
    nodes = {n["id"]: n for n in net["nodes"]}
    assert {"ISR", "PSE", "TUR", "USA"} <= set(nodes)
    edge = next(e for e in net["edges"] if (e["source"], e["target"]) == ("ISR", "PSE"))
    assert edge["events"] == 2 and edge["mean_goldstein"] == -9.0
    for n in nodes.values():
        assert 0 <= n["x"] <= net["width"] and 0 <= n["y"] <= net["height"]


def test_dyad_pairs_busiest_first(client):
    pairs = client.get("/api/dyads/pairs").json()["pairs"]
    assert pairs[0] == {"source": "ISR", "target": "PSE", "events": 2}

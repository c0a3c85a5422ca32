import pytest


def ids(client, **params):
    return [e["id"] for e in client.get("/api/events", params=params).json()["events"]]


def test_events_all_in_date_order_undated_last(client):
    got = ids(client)
    assert got[0] == "turkey-us:e1"  # 2021-04-11
    assert got[-1] == "khalilzad:e0"  # undated
    assert len(got) == 7


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"actor": "ISR"}, ["gaza:e0", "gaza:e1", "gaza:e2"]),
        ({"actor": "blinken"}, ["turkey-us:e0"]),
        ({"type": "CONSULT"}, ["turkey-us:e0", "khalilzad:e0"]),
        ({"type": "190"}, ["gaza:e1", "gaza:e2"]),
        ({"since": "2021-05-11", "until": "2021-06-30"}, ["gaza:e1", "gaza:e2"]),
        ({"doc": "hostile"}, ["hostile:e0"]),
    ],
)
def test_events_filters(client, params, expected):
    assert ids(client, **params) == expected


def test_events_limit_and_offset(client):
    assert ids(client, limit=2, offset=1) == ids(client)[1:3]


def test_events_injection_attempts_are_plain_values(client):
    before = client.get("/api/stats").json()
    assert ids(client, actor="' OR 1=1 --") == []
    assert ids(client, doc="x' OR '1'='1") == []
    assert ids(client, type="CONSULT'; DROP TABLE mentions; --") == []
    r = client.get("/api/documents/x'; DROP TABLE documents; --")
    assert r.status_code == 404
    found = client.get("/api/documents", params={"q": "' OR '1'='1"}).json()["documents"]
    assert found == []
    assert client.get("/api/stats").json() == before


def test_actors_most_active_first(client):
    actors = client.get("/api/actors").json()["actors"]
    assert actors[0]["n_events"] >= actors[-1]["n_events"]
    assert {"mevlut-cavusoglu", "hamas"} <= {a["id"] for a in actors}


def test_quotes_filter_by_speaker(client):
    got = client.get("/api/quotes", params={"speaker": "cavusoglu"}).json()["quotes"]
    assert [q["quote"] for q in got] == ["It was a useful call,"]
    assert client.get("/api/quotes", params={"speaker": "hamas"}).json()["quotes"] == []

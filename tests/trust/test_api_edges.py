"""Issue 11 (11): out-of-range numbers and impossible dates are 422s (never a 500), LIKE
wildcards match literally, asset URLs do not come from the Host header."""

import pytest

pytestmark = pytest.mark.issue(11)
HUGE = "99999999999999999999999"
PAGED = ("/api/events", "/api/documents", "/api/storylines", "/api/quotes", "/", "/documents")


@pytest.mark.parametrize("path", PAGED)
@pytest.mark.parametrize("offset", [HUGE, str(2**63), "-1", "1e3", "nan"])
def test_offset_out_of_range_is_422(client, path, offset):
    r = client.get(path, params={"offset": offset})
    assert r.status_code == 422, (path, offset, r.status_code)


@pytest.mark.parametrize("path", ("/api/events", "/api/quotes", "/api/documents"))
def test_largest_int64_offset_is_an_empty_page(client, path):
    r = client.get(path, params={"offset": str(2**63 - 1)})
    assert r.status_code == 200


@pytest.mark.parametrize("day", ["2021-13-45", "2021-02-30", "2021-00", "0000"])
@pytest.mark.parametrize("path", ("/api/events", "/api/dyads", "/api/network", "/events"))
def test_impossible_dates_are_422(client, path, day):
    assert client.get(path, params={"since": day}).status_code == 422
    assert client.get(path, params={"until": day}).status_code == 422


def test_real_dates_still_accepted(client):
    for day in ("2020-02-29", "2021-04", "2021", ""):
        assert client.get("/api/events", params={"since": day}).status_code == 200


@pytest.mark.parametrize("wild", ["%", "_", "%%", "_%_"])
def test_like_wildcards_match_literally(client, wild):
    assert client.get("/api/events", params={"actor": wild}).json()["events"] == []
    assert client.get("/api/quotes", params={"speaker": wild}).json()["quotes"] == []


def test_document_search_for_percent_is_literal(client):
    assert client.get("/api/documents").json()["documents"]
    assert client.get("/api/documents", params={"q": "%"}).json()["documents"] == []


def test_asset_urls_ignore_the_host_header(client):
    html = client.get("/", headers={"Host": "evil.example"}).text
    assert "evil.example" not in html
    assert 'href="/static/style.css"' in html

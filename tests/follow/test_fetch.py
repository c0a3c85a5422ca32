"""The HTTP client against a local server: timeouts, retries, redirects, size, robots, delay."""

import time

import pytest

from newsevents.follow.fetch import FetchConfig, Fetcher, FetchError
from tests.follow.server import Route

pytestmark = pytest.mark.issue(17)


def _fetcher(config: FetchConfig, **changes) -> Fetcher:
    from dataclasses import replace

    return Fetcher(replace(config, **changes))


def test_fetch_sends_user_agent_and_conditional_get(server, fast_fetch):
    server.routes["/feed"] = Route(b"<rss/>", etag='"abc"', content_type="application/rss+xml")
    with _fetcher(fast_fetch) as f:
        first = f.get(server.url("/feed"))
        assert first.status == 200 and first.etag == '"abc"' and first.content == b"<rss/>"
        again = f.get(server.url("/feed"), etag=first.etag)
        assert again.status == 304 and again.content == b""
    hits = [h for h in server.hits if h.path == "/feed"]
    assert hits[0].headers["User-Agent"].startswith("newsevents/")
    assert hits[1].headers["If-None-Match"] == '"abc"'


def test_fetch_times_out_on_a_slow_server(server, fast_fetch):
    server.routes["/slow"] = Route(b"late", delay=1.5)
    with _fetcher(fast_fetch, timeout=0.3, retries=1) as f:
        t0 = time.monotonic()
        with pytest.raises(FetchError) as e:
            f.get(server.url("/slow"))
    assert e.value.reason == "timeout"
    assert server.paths().count("/slow") == 2  # one retry
    assert time.monotonic() - t0 < 3


def test_fetch_retries_5xx_with_backoff_then_gives_up(server, fast_fetch):
    server.routes["/err"] = Route(b"oops", status=500)
    waits = []
    with Fetcher(fast_fetch, sleep=waits.append) as f:
        with pytest.raises(FetchError) as e:
            f.get(server.url("/err"))
    assert e.value.reason == "http" and e.value.status == 500
    assert server.paths().count("/err") == 3  # 1 + retries
    assert waits == [0.01, 0.02]  # exponential back-off


def test_fetch_does_not_retry_a_404(server, fast_fetch):
    with _fetcher(fast_fetch) as f:
        with pytest.raises(FetchError) as e:
            f.get(server.url("/missing"))
    assert e.value.status == 404 and server.paths().count("/missing") == 1


def test_fetch_follows_redirects_and_stops_loops(server, fast_fetch):
    server.routes["/old"] = Route(status=301, headers={"Location": "/new"})
    server.routes["/new"] = Route(b"here")
    server.routes["/loop1"] = Route(status=302, headers={"Location": "/loop2"})
    server.routes["/loop2"] = Route(status=302, headers={"Location": "/loop1"})
    for i in range(8):
        server.routes[f"/chain{i}"] = Route(status=302, headers={"Location": f"/chain{i + 1}"})
    with _fetcher(fast_fetch, max_redirects=5) as f:
        answer = f.get(server.url("/old"))
        assert answer.content == b"here" and answer.url == server.url("/new")
        with pytest.raises(FetchError) as loop:
            f.get(server.url("/loop1"))
        with pytest.raises(FetchError) as chain:
            f.get(server.url("/chain0"))
    assert loop.value.reason == "redirect_loop"
    assert chain.value.reason == "too_many_redirects"
    assert server.paths().count("/loop1") == 1


@pytest.mark.parametrize("send_length", [True, False])
def test_fetch_refuses_a_50mb_page(server, fast_fetch, send_length):
    server.routes["/huge"] = Route(stream_bytes=50_000_000, send_length=send_length)
    with _fetcher(fast_fetch, max_bytes=2_000_000) as f:
        t0 = time.monotonic()
        with pytest.raises(FetchError) as e:
            f.get(server.url("/huge"))
    assert e.value.reason == "too_large"
    assert time.monotonic() - t0 < 5


def test_fetch_respects_robots_txt(server, fast_fetch):
    server.routes["/robots.txt"] = Route(
        b"User-agent: newsevents\nDisallow: /private/\n", content_type="text/plain"
    )
    server.routes["/private/a.html"] = Route(b"secret")
    server.routes["/public/a.html"] = Route(b"open")
    with _fetcher(fast_fetch) as f:
        assert f.get(server.url("/public/a.html")).content == b"open"
        with pytest.raises(FetchError) as e:
            f.get(server.url("/private/a.html"))
    assert e.value.reason == "robots"
    assert "/private/a.html" not in server.paths()
    assert server.paths().count("/robots.txt") == 1  # cached per host


def test_fetch_robots_txt_5xx_means_fetch_nothing(server, fast_fetch):
    server.routes["/robots.txt"] = Route(b"down", status=503)
    server.routes["/a.html"] = Route(b"page")
    with _fetcher(fast_fetch) as f:
        with pytest.raises(FetchError) as e:
            f.get(server.url("/a.html"))
    assert e.value.reason == "robots" and "/a.html" not in server.paths()


def test_fetch_ignores_robots_when_told(server, fast_fetch):
    server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /\n", content_type="text/plain")
    server.routes["/a.html"] = Route(b"page")
    with _fetcher(fast_fetch, respect_robots=False) as f:
        assert f.get(server.url("/a.html")).content == b"page"


def test_fetch_waits_between_requests_to_one_host(server, fast_fetch):
    server.routes["/a"] = Route(b"a")
    server.routes["/b"] = Route(b"b")
    with _fetcher(fast_fetch, delay=0.4) as f:
        f.get(server.url("/a"))
        f.get(server.url("/b"))
    at = {h.path: h.at for h in server.hits}
    assert at["/b"] - at["/a"] >= 0.35
    assert at["/a"] - at["/robots.txt"] >= 0.35


def test_fetch_crawl_delay_raises_the_delay(server, fast_fetch):
    server.routes["/robots.txt"] = Route(
        b"User-agent: *\nCrawl-delay: 1\n", content_type="text/plain"
    )
    server.routes["/a"] = Route(b"a")
    server.routes["/b"] = Route(b"b")
    with _fetcher(fast_fetch, delay=0.0) as f:
        f.get(server.url("/a"))
        f.get(server.url("/b"))
    at = {h.path: h.at for h in server.hits}
    assert at["/b"] - at["/a"] >= 0.95


def test_fetch_refuses_non_http_redirect(server, fast_fetch):
    server.routes["/evil"] = Route(status=302, headers={"Location": "file:///etc/passwd"})
    with _fetcher(fast_fetch) as f:
        with pytest.raises(FetchError) as e:
            f.get(server.url("/evil"))
    assert e.value.reason == "bad_url"

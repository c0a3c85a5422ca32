"""Follow rounds against a local feed server, through the real pipeline and store."""

import pytest

from newsevents.follow import follow
from newsevents.follow.subscribe import add_feed, feed_status
from newsevents.store import Store
from newsevents.store import follow as sql
from tests.follow.feeds_xml import article_html, atom, make_item, rss10, rss20
from tests.follow.server import Route

pytestmark = pytest.mark.issue(17)
RSS = "application/rss+xml"


def serve_site(server, n: int, *, feed_path="/rss.xml", writer=rss20, start=0, etag='"1"'):
    items = [make_item(i) for i in range(start, start + n)]
    server.routes[feed_path] = Route(writer(server.base, items), content_type=RSS, etag=etag)
    for i in range(start, start + n):
        server.routes[f"/news/{i}.html"] = Route(article_html(i))
    return items


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "news.db") as s:
        yield s


def one_round(store, config):
    return follow(store, config)[0]


def test_follow_round_stores_articles_then_finds_nothing_new(server, store, follow_config):
    serve_site(server, 3)
    add_feed(store, server.url("/rss.xml"))
    first = one_round(store, follow_config)
    assert (first.feeds, first.items_new, first.coded, first.feed_errors) == (1, 3, 3, 0)
    docs = store.documents()
    assert len(docs) == 3
    assert {d["url"] for d in docs} == {server.url(f"/news/{i}.html") for i in range(3)}
    assert all(d["date"] == "2024-03-05" and d["source"] == "Invented World News" for d in docs)
    doc = store.document(docs[0]["id"])
    assert doc["path"] == server.url("/rss.xml")  # the feed is kept on the document
    assert doc["text"].startswith(doc["title"])
    assert "Invented News Service" not in doc["text"]  # trafilatura: main text only
    assert store.events(limit=None)  # coded

    second = one_round(store, follow_config)
    assert (second.not_modified, second.items_new, second.coded) == (1, 0, 0)
    assert len(store.documents()) == 3
    status = feed_status(store)[0]
    assert status["n_items"] == 3 and status["last_new"] == 0 and status["state"] == "ok"
    assert status["etag"] == '"1"'


def test_follow_new_item_between_rounds(server, store, follow_config):
    serve_site(server, 2)
    add_feed(store, server.url("/rss.xml"))
    one_round(store, follow_config)
    serve_site(server, 3, etag='"2"')
    later = one_round(store, follow_config)
    assert (later.items_new, later.coded, later.not_modified) == (1, 1, 0)
    assert len(store.documents()) == 3
    assert server.paths().count("/news/0.html") == 1  # an old item is not fetched again


@pytest.mark.parametrize("writer", [rss10, atom])
def test_follow_rss10_and_atom(server, store, follow_config, writer):
    serve_site(server, 2, writer=writer, etag=None)
    add_feed(store, server.url("/rss.xml"))
    summary = one_round(store, follow_config)
    assert summary.coded == 2 and len(store.documents()) == 2


def test_follow_broken_feeds_are_reported_and_never_stop_the_others(server, store, follow_config):
    serve_site(server, 2)
    server.routes["/500.xml"] = Route(b"boom", status=500)
    server.routes["/html.xml"] = Route(
        b"<!DOCTYPE html><html><body><p>Not a feed</p></body></html>"
    )
    server.routes["/slow.xml"] = Route(b"<rss/>", delay=3.0)
    server.routes["/bad.xml"] = Route(b"<rss><channel><item>", content_type=RSS)
    server.routes["/loop.xml"] = Route(status=302, headers={"Location": "/loop.xml?x=1"})
    server.routes["/loop.xml?x=1"] = Route(status=302, headers={"Location": "/loop.xml"})
    broken = ["/500.xml", "/html.xml", "/slow.xml", "/missing.xml", "/loop.xml"]
    for path in broken:
        add_feed(store, server.url(path))
    add_feed(store, server.url("/rss.xml"))
    # long enough for a loaded machine to answer the good feeds, short of the slow one
    follow_config.fetch.timeout = 1.2
    follow_config.fetch.retries = 0
    summary = one_round(store, follow_config)
    assert summary.feed_errors == len(broken) and summary.coded == 2
    reasons = {e["feed"].rsplit("/", 1)[1]: e["reason"] for e in summary.errors}
    assert reasons == {
        "500.xml": "http",
        "html.xml": "not_a_feed",
        "slow.xml": "timeout",
        "missing.xml": "http",
        "loop.xml": "redirect_loop",
    }
    status = {row["url"].rsplit("/", 1)[1]: row for row in feed_status(store)}
    assert status["500.xml"]["errors"] == 1 and status["500.xml"]["state"] == "failing"
    assert "HTTP 500" in status["500.xml"]["last_error"]
    assert status["rss.xml"]["errors"] == 0

    # retried later: the 500 feed recovers, its error count goes back to 0
    serve_site(server, 1, feed_path="/500.xml", start=5)
    again = one_round(store, follow_config)
    assert again.coded == 1
    status = {row["url"].rsplit("/", 1)[1]: row for row in feed_status(store)}
    assert status["500.xml"]["errors"] == 0 and status["500.xml"]["total_errors"] == 1
    assert status["html.xml"]["errors"] == 2


def test_follow_backs_off_a_failing_feed(server, store, follow_config):
    server.routes["/500.xml"] = Route(b"boom", status=500)
    add_feed(store, server.url("/500.xml"))
    follow_config.error_backoff = 3600
    follow_config.fetch.retries = 0
    assert one_round(store, follow_config).feed_errors == 1
    assert one_round(store, follow_config).feeds == 0  # waiting for its retry time
    assert feed_status(store)[0]["retry_at"]


def test_follow_item_page_404_falls_back_to_the_feed_summary(server, store, follow_config):
    serve_site(server, 2)
    del server.routes["/news/1.html"]
    add_feed(store, server.url("/rss.xml"))
    summary = one_round(store, follow_config)
    assert summary.coded == 2 and summary.item_errors == 0
    by_url = {d["url"]: d for d in store.documents()}
    fallback = store.document(by_url[server.url("/news/1.html")]["id"])
    assert "Opposition leaders" not in fallback["text"]  # only the summary's two sentences
    assert "met the chancellor of Austria" in fallback["text"]
    assert fallback["date"] == "2024-03-05"  # the feed's date


def test_follow_item_without_page_or_summary_is_retried_then_given_up(server, store, follow_config):
    items = [make_item(0)]
    items[0].summary = ""
    server.routes["/rss.xml"] = Route(rss20(server.base, items), content_type=RSS)
    add_feed(store, server.url("/rss.xml"))
    follow_config.max_item_attempts = 2
    first = one_round(store, follow_config)
    assert first.item_errors == 1 and first.coded == 0
    assert feed_status(store)[0]["etag"] is None
    assert one_round(store, follow_config).item_errors == 1
    assert one_round(store, follow_config).item_errors == 0  # given up after 2 attempts
    row = sql.known_items(store, [server.url("/news/0.html")])[server.url("/news/0.html")]
    assert row["status"] == "failed" and row["attempts"] == 2
    # the page comes back: still given up (no endless retries), the feed itself is fine
    assert feed_status(store)[0]["errors"] == 0


def test_follow_same_article_in_two_feeds_and_tracking_links_is_coded_once(
    server, store, follow_config
):
    serve_site(server, 2)  # rss20 links carry utm_ parameters
    items = [make_item(0), make_item(1)]
    server.routes["/atom.xml"] = Route(atom(server.base, items), content_type=RSS)
    add_feed(store, server.url("/rss.xml"))
    add_feed(store, server.url("/atom.xml"))
    summary = one_round(store, follow_config)
    assert summary.coded == 2 and len(store.documents()) == 2
    assert server.paths().count("/news/0.html") == 1


def test_follow_same_text_at_another_url_is_a_duplicate_not_coded(server, store, follow_config):
    items = [make_item(0), make_item(0, path="/mirror/0.html")]
    server.routes["/rss.xml"] = Route(rss20(server.base, items), content_type=RSS)
    server.routes["/news/0.html"] = Route(article_html(0))
    server.routes["/mirror/0.html"] = Route(article_html(0))
    add_feed(store, server.url("/rss.xml"))
    summary = one_round(store, follow_config)
    assert summary.coded == 1 and summary.duplicates == 1
    docs = store.documents()
    assert len(docs) == 2 and sum(1 for d in docs if d["duplicate_of"]) == 1


def test_follow_updated_article_becomes_a_new_version(server, store, follow_config):
    item = make_item(0)
    server.routes["/atom.xml"] = Route(atom(server.base, [item]), content_type=RSS)
    server.routes["/news/0.html"] = Route(article_html(0))
    add_feed(store, server.url("/atom.xml"))
    one_round(store, follow_config)
    # the entry is updated, and so is the page
    server.routes["/atom.xml"] = Route(
        atom(server.base, [item], updated="2024-03-06T09:00:00Z"), content_type=RSS
    )
    server.routes["/news/0.html"] = Route(article_html(0, revision=1))
    summary = one_round(store, follow_config)
    assert (summary.items_updated, summary.versions, summary.coded) == (1, 1, 1)
    url = server.url("/news/0.html")
    new_id = sql.known_items(store, [url])[url]["doc_id"]
    versions = store.versions(new_id)
    assert [v["version"] for v in versions] == [1, 2]
    old_id = versions[0]["id"]
    assert new_id == old_id + "@v2" and versions[1]["previous_version"] == old_id
    old, new = store.document(old_id), store.document(new_id)  # the old one is kept
    assert "Update 1:" in new["text"] and "Update 1:" not in old["text"]
    assert new["duplicate_of"] is None and store.events(doc=new_id)

    # the entry changes again but the page does not: no new version
    server.routes["/atom.xml"] = Route(
        atom(server.base, [item], updated="2024-03-07T09:00:00Z"), content_type=RSS
    )
    third = one_round(store, follow_config)
    assert (third.items_updated, third.coded) == (1, 0)
    assert len(store.documents(include_superseded=True)) == 2  # both versions kept


def test_follow_robots_txt_disallowed_pages_use_the_summary(server, store, follow_config):
    serve_site(server, 1)
    server.routes["/robots.txt"] = Route(
        b"User-agent: *\nDisallow: /news/\n", content_type="text/plain"
    )
    add_feed(store, server.url("/rss.xml"))
    assert one_round(store, follow_config).coded == 1
    assert "/news/0.html" not in server.paths()


def test_follow_lease_keeps_a_second_follower_out(server, store, follow_config, tmp_path):
    from newsevents.errors import FollowError
    from newsevents.follow.lease import Lease

    serve_site(server, 1)
    add_feed(store, server.url("/rss.xml"))
    with Store(tmp_path / "news.db") as other, Lease(other):
        with pytest.raises(FollowError, match="E701"):
            follow(store, follow_config)
    assert "/rss.xml" not in server.paths()
    one_round(store, follow_config)  # released when the holder exits
    assert sql.lease_holder(store, "follow") is None


def test_follow_lease_of_a_dead_process_is_taken_over(store):
    import subprocess
    import sys

    from newsevents.follow.lease import Lease

    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    import socket

    holder = f"{socket.gethostname()}:{dead.stdout.strip()}:feed"
    assert sql.acquire_lease(store, "follow", holder, ttl=3600) is None
    with Lease(store) as lease:
        assert sql.lease_holder(store, "follow")["holder"] == lease.holder


def test_web_feeds_page_shows_feeds_and_arrivals(server, store, follow_config, tmp_path):
    from fastapi.testclient import TestClient

    from newsevents.server import create_app

    serve_site(server, 2)
    server.routes["/500.xml"] = Route(b"<script>x</script>", status=500)
    add_feed(store, server.url("/rss.xml"))
    add_feed(store, server.url("/500.xml"))
    follow_config.fetch.retries = 0
    one_round(store, follow_config)
    with TestClient(create_app(tmp_path / "news.db")) as client:
        page = client.get("/feeds")
        assert page.status_code == 200 and "/feeds.json" in page.text
        assert "Invented World News" in page.text and "failing" in page.text
        assert "Norway and Kenya" in page.text
        data = client.get("/feeds.json").json()
    assert sorted(f["state"] for f in data["feeds"]) == ["failing", "ok"]
    assert len(data["recent"]) == 2 and data["recent"][0]["feed_url"] == server.url("/rss.xml")

import pytest

from newsevents.follow.urls import canonical_url, document_id, host_key, is_web_url

pytestmark = pytest.mark.issue(17)


def test_canonical_url_drops_tracking_fragment_default_port_and_sorts_query():
    a = canonical_url("HTTP://Example.ORG:80/world/a.html?utm_source=rss&b=2&a=1&fbclid=x#top")
    b = canonical_url("http://example.org/world/a.html?a=1&b=2")
    assert a == b == "http://example.org/world/a.html?a=1&b=2"


def test_canonical_url_keeps_meaningful_query_and_other_ports():
    assert (
        canonical_url("https://example.org:8443/story?id=7")
        == "https://example.org:8443/story?id=7"
    )
    assert canonical_url("https://example.org") == "https://example.org/"


def test_document_id_is_stable_per_article_and_versioned():
    one = document_id("https://example.org/a?utm_medium=feed")
    assert one == document_id("https://EXAMPLE.org/a#comments")
    assert one.startswith("example.org:")
    assert document_id("https://example.org/b") != one


def test_host_key_and_web_url():
    assert host_key("https://Example.org/x") == host_key("https://example.org:443/y")
    assert host_key("http://example.org/x") != host_key("https://example.org/x")
    assert is_web_url("https://example.org/feed")
    assert not is_web_url("file:///etc/passwd")
    assert not is_web_url("javascript:alert(1)")

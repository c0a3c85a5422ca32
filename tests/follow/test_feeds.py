import pytest

from newsevents.errors import FollowError
from newsevents.follow.feeds import FeedParseError, html_to_text, parse_feed, parse_opml
from tests.follow.feeds_xml import atom, make_item, opml, rss10, rss20

pytestmark = pytest.mark.issue(17)
BASE = "http://127.0.0.1:9"


@pytest.mark.parametrize("writer,version", [(rss20, "rss20"), (rss10, "rss10"), (atom, "atom10")])
def test_parse_feed_reads_each_format(writer, version):
    items = [make_item(0, "2024-03-05"), make_item(1, "2024-03-06")]
    feed = parse_feed(writer(BASE, items), BASE + "/feed")
    assert feed.version == version
    assert feed.title
    assert [i.link for i in feed.items] == [BASE + "/news/0.html", BASE + "/news/1.html"]
    assert [i.date for i in feed.items] == ["2024-03-05", "2024-03-06"]
    assert feed.items[0].title == items[0].title
    assert feed.items[0].summary.startswith("The foreign minister of Norway met")


def test_parse_feed_signature_changes_when_entry_is_updated():
    item = make_item(0)
    a = parse_feed(atom(BASE, [item]), BASE).items[0]
    b = parse_feed(atom(BASE, [item], updated="2024-03-07T10:00:00Z"), BASE).items[0]
    assert a.link == b.link and a.signature != b.signature
    assert parse_feed(atom(BASE, [item]), BASE).items[0].signature == a.signature


def test_parse_feed_html_page_is_not_a_feed():
    page = b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>"
    with pytest.raises(FeedParseError) as e:
        parse_feed(page, BASE)
    assert e.value.reason == "not_a_feed"


def test_parse_feed_invalid_xml():
    with pytest.raises(FeedParseError) as e:
        parse_feed(b"this is { not xml at all", BASE)
    assert e.value.reason == "invalid_feed"


def test_parse_feed_never_opens_a_string_as_url_or_file(tmp_path):
    # bytes that look like a path are data, not a file to open
    with pytest.raises(FeedParseError):
        parse_feed(str(tmp_path).encode(), BASE)


def test_html_to_text_keeps_paragraphs():
    assert html_to_text("<p>One &amp; two.</p><p>Three<br>four</p>") == "One & two.\nThree\nfour"


def test_parse_opml_nested_and_deduplicated(tmp_path):
    path = tmp_path / "subs.opml"
    path.write_text(opml([(BASE + "/a.xml", "A"), (BASE + "/b.xml", "B"), (BASE + "/a.xml", "A")]))
    assert parse_opml(path) == [(BASE + "/a.xml", "A"), (BASE + "/b.xml", "B")]


def test_parse_opml_bad_file(tmp_path):
    path = tmp_path / "bad.opml"
    path.write_text("<opml><body><outline")
    with pytest.raises(FollowError, match="E702"):
        parse_opml(path)
    other = tmp_path / "other.xml"
    other.write_text("<rss/>")
    with pytest.raises(FollowError, match="E702"):
        parse_opml(other)

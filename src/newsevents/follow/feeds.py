"""Feeds (RSS 2.0, RSS 1.0, Atom) parsed by ``feedparser``, and OPML subscription lists."""

from __future__ import annotations

import hashlib
import io
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.errors import FollowError
from newsevents.follow.urls import canonical_url, is_web_url


@dataclass
class FeedItem:
    link: str  # the article's canonical URL
    guid: str | None = None
    title: str | None = None
    summary: str | None = None  # plain text of the entry's content or summary
    date: str | None = None  # ISO day from the entry (published, else updated)
    signature: str = ""  # changes when the entry is updated (title, summary, dates)


@dataclass
class Feed:
    title: str | None = None
    version: str = ""  # feedparser's name: rss20, rss10, atom10, ...
    items: list[FeedItem] = field(default_factory=list)


class FeedParseError(ValueError):
    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def _iso_day(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    try:
        return time.strftime("%Y-%m-%d", parsed)
    except (TypeError, ValueError):
        return None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (an entry summary), paragraphs on their own lines."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except (ValueError, lxml.etree.ParserError):
        return fragment.strip()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _entry_text(entry) -> str | None:
    contents = [c.get("value", "") for c in entry.get("content") or [] if c.get("value")]
    raw = max(contents, key=len) if contents else entry.get("summary") or ""
    text = html_to_text(raw)
    return text or None


def parse_feed(data: bytes, url: str, content_type: str | None = None) -> Feed:
    """Items of a feed document; raises FeedParseError when it is no feed at all."""
    import feedparser

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    # A stream, never a string: feedparser would open a string as a URL or a file name.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        head = data[:2000].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
            raise FeedParseError("not_a_feed", "the answer is an HTML page, not a feed")
        problem = parsed.get("bozo_exception")
        raise FeedParseError("invalid_feed", f"not RSS or Atom ({problem or 'no feed elements'})")
    feed = Feed(title=parsed.feed.get("title") or None, version=parsed.get("version") or "")
    for entry in parsed.entries:
        link = entry.get("link") or ""
        guid = entry.get("id") or None
        if not is_web_url(link) and guid and is_web_url(guid):
            link = guid
        if not is_web_url(link):
            continue  # an entry with no article page to point at
        summary = _entry_text(entry)
        # dict.get: feedparser's own get maps a missing 'updated' to 'published', with a warning
        updated = dict.get(entry, "updated")
        date = _iso_day(entry.get("published_parsed") or dict.get(entry, "updated_parsed"))
        stamp = "\x1f".join(
            str(x or "") for x in (entry.get("title"), summary, updated, entry.get("published"))
        )
        feed.items.append(
            FeedItem(
                link=canonical_url(link),
                guid=guid,
                title=entry.get("title") or None,
                summary=summary,
                date=date,
                signature=hashlib.sha1(stamp.encode("utf-8")).hexdigest(),
            )
        )
    return feed


def parse_opml(path: str | Path) -> list[tuple[str, str | None]]:
    """(feed URL, title) of every subscription in an OPML file, nested folders included."""
    try:
        tree = ET.parse(str(path))
    except (OSError, ET.ParseError) as e:
        raise FollowError(FollowError.E702.format(path=path, err=e)) from e
    root = tree.getroot()
    if root.tag.lower() != "opml":
        raise FollowError(FollowError.E702.format(path=path, err=f"root element is <{root.tag}>"))
    out: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url or url in seen:
            continue
        seen.add(url)
        out.append((url, outline.get("title") or outline.get("text") or None))
    return out

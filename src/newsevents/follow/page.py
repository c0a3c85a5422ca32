"""An article page -> :class:`Article`: main text and date as the HTML reader finds them
(trafilatura), else the feed entry's own summary and date."""

from __future__ import annotations

from newsevents.follow.feeds import FeedItem
from newsevents.follow.fetch import Fetched
from newsevents.ingest.clean import DecodeError, decode_bytes
from newsevents.ingest.sources import read_html, read_text_document
from newsevents.models import Article

MIN_PAGE_WORDS = 20  # a page that yields fewer words than this gave no article text
HTML_TYPES = {"text/html", "application/xhtml+xml", ""}
TEXT_TYPES = {"text/plain"}


class PageError(ValueError):
    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def decode_page(page: Fetched) -> str:
    """Page text: the charset the server names, else the reader's own decoding rules."""
    if page.charset:
        try:
            return page.content.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode_bytes(page.content)[0]
    except DecodeError as e:
        raise PageError(e.reason, e.detail) from e


def page_article(page: Fetched, doc_id: str) -> Article:
    """What the page itself says; raises PageError for a page that is no article text."""
    kind = page.content_type
    if kind not in HTML_TYPES | TEXT_TYPES:
        raise PageError("unsupported_type", f"page is {kind}, not HTML or text")
    text = decode_page(page)
    if kind in TEXT_TYPES:
        return read_text_document(text, doc_id)
    return read_html(text, doc_id, None)


def item_article(
    item: FeedItem,
    doc_id: str,
    feed_url: str,
    feed_title: str | None,
    page: Fetched | None,
) -> tuple[Article | None, str | None]:
    """The article for a feed item, and why the page was not used (None when it was).

    The page's text wins when it has one; otherwise the entry's summary is the text. The
    entry's date fills a page without one. ``url`` is the item's canonical URL, ``path``
    the feed it came from."""
    article: Article | None = None
    problem: str | None = None
    if page is not None:
        try:
            article = page_article(page, doc_id)
        except PageError as e:
            problem = e.reason
        else:
            if len(article.text.split()) < MIN_PAGE_WORDS:
                problem, article = "no_page_text", None
    if article is None:
        if not item.summary:
            return None, problem or "no_text"
        text = item.summary
        title = item.title
        if title and not text.startswith(title):
            text = f"{title}\n{text}"
        article = Article(id=doc_id, text=text, title=title, title_in_text=bool(title))
    article.url = item.link
    article.path = feed_url
    article.date = article.date or item.date
    article.title = article.title or item.title
    article.source = article.source or feed_title
    return article, problem

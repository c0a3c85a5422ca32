"""newsevents: offline, auditable political event data from news articles.

>>> import newsevents
>>> result = newsevents.extract("Turkey and the US held talks on Monday.", date="2021-04-13")
>>> [(e.plover, e.source.country, e.target.country) for e in result.events]  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.models import Actor, Article, Event, Extraction, Quote, Rejection, TimeExpr

if TYPE_CHECKING:
    from newsevents.store import Store

__version__ = "0.1.0"
__all__ = [
    "Actor",
    "Article",
    "Event",
    "Extraction",
    "Quote",
    "Rejection",
    "Store",
    "TimeExpr",
    "extract",
    "open_store",
]


def extract(
    text: str,
    *,
    date: str | None = None,
    doc_id: str = "text",
    title: str | None = None,
    model: str | None = None,
) -> Extraction:
    """Events, quotes, actors, places and time expressions of one article text."""
    from newsevents.ingest.sources import read_text_document
    from newsevents.nlp import load_nlp, parse_articles
    from newsevents.pipeline import process_parsed

    article = read_text_document(text, doc_id)
    if date:
        article.date = date
    if title:
        article.title = title
    nlp = load_nlp(model) if model else load_nlp()
    return process_parsed(next(parse_articles([article], nlp)))


def open_store(url: str = "news.db") -> Store:
    """Open (and create on first use) a store: a SQLite file path or a postgresql:// URL."""
    from newsevents.store import Store

    return Store(url)


def __getattr__(name: str):
    if name == "Store":
        from newsevents.store import Store

        return Store
    raise AttributeError(name)

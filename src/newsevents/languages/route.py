"""Routing: give each document its language, or reject it as unsupported.

Order of authority: the ``--language`` option (``IngestConfig.language``), then the
document's own ``language`` field (a JSON line's), then detection among the supported
languages. With ``check_language`` off nothing is rejected: a document is coded in the
given or detected language, and in the default language when neither is supported.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsevents.languages import DEFAULT_LANGUAGE, normalise, supported
from newsevents.languages.detect import detect
from newsevents.models import Article, Rejection

REASON = "language_unsupported"


def route(article: Article, forced: str | None, check: bool = True) -> Rejection | None:
    """Set ``article.language``; a Rejection when the language is not supported."""
    langs = supported()
    given = normalise(forced) or normalise(article.language)
    if given is not None:
        if given in langs:
            article.language = given
            return None
        if check:
            how = "given by --language" if normalise(forced) else "given by the document"
            return Rejection(
                article.id,
                REASON,
                f"language {given!r} ({how}) is not supported; supported: {', '.join(langs)}",
                article.path,
            )
    chosen, detected = detect(article.text, langs)
    if chosen is not None:
        article.language = chosen
        return None
    if detected is not None and check:
        return Rejection(
            article.id,
            REASON,
            f"detected language {detected!r} is not supported; supported: {', '.join(langs)} "
            "(--language overrides detection)",
            article.path,
        )
    article.language = given if given in langs else DEFAULT_LANGUAGE
    return None


def group_by_language(articles: Iterable[Article]) -> dict[str, list[tuple[int, Article]]]:
    """Articles by language code, each with its position in the input."""
    groups: dict[str, list[tuple[int, Article]]] = {}
    for i, article in enumerate(articles):
        groups.setdefault(article.language or DEFAULT_LANGUAGE, []).append((i, article))
    return groups


def in_input_order(items: Iterable[tuple[int, object]]) -> Iterator[object]:
    for _, item in sorted(items, key=lambda x: x[0]):
        yield item

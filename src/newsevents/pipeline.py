"""The whole per-article pipeline in one place: parse -> times -> actors -> events -> dates
-> places -> quotes. Each stage is one function of one subpackage."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import groupby
from typing import Any

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events
from newsevents.coding.events.quoted import fill_quoted_sources
from newsevents.config import Settings, current, use
from newsevents.dates import assign_event_dates, tag_times
from newsevents.languages import DEFAULT_LANGUAGE, model_for
from newsevents.languages.coders import process_in_language
from newsevents.models import Article, Extraction
from newsevents.nlp import ParsedArticle, load_nlp, parse_articles
from newsevents.places import assign_locations, geoparse
from newsevents.quotes import extract_quotes


def process_parsed(parsed: ParsedArticle) -> Extraction:
    """Run every extraction stage on one parsed article, by the pipeline of its language."""
    language = parsed.article.language or DEFAULT_LANGUAGE
    if language != DEFAULT_LANGUAGE:
        return process_in_language(parsed, language)
    times = tag_times(parsed)
    actors = find_actors(parsed)
    events = code_events(parsed, actors)
    assign_event_dates(events, parsed, times)
    locations = geoparse(parsed)
    assign_locations(events, locations, parsed)
    quotes = extract_quotes(parsed, actors)
    fill_quoted_sources(events, quotes, parsed)  # "'I back her,' Holt said": Holt backs her
    for i, event in enumerate(events):
        event.id = f"{parsed.article.id}:e{i}"
        event.language = language
    for i, quote in enumerate(quotes):
        quote.id = f"{parsed.article.id}:q{i}"
    return Extraction(
        article=parsed.article,
        events=events,
        quotes=quotes,
        times=times,
        actors=list(actors.mentions),
        locations=locations,
    )


def process_articles(
    articles: Iterable[Article], settings: Settings | None = None, **overrides: Any
) -> Iterator[Extraction]:
    """Parse and extract articles with ``settings`` (default: the current ones), some fields
    replaced by ``overrides`` (``batch_size=8``); an article in another language than English
    is parsed by that language's model (loaded on first use) and coded by its pipeline.
    Errors propagate: batch runs that must not stop use :func:`newsevents.runner.run`."""
    settings = replace(settings or current(), **overrides)
    kwargs = {
        "n_process": settings.processes,
        "batch_size": settings.batch_size,
        "batch_chars": settings.batch_chars,
        "max_chunk_chars": settings.max_chunk_chars,
    }
    models = settings.models()
    # consecutive articles of one language are parsed as one stream (English alone: one stream)
    for language, group in groupby(articles, key=lambda a: a.language or DEFAULT_LANGUAGE):
        nlp = load_nlp(model_for(language, models))
        for parsed in parse_articles(group, nlp, **kwargs):
            with use(settings):
                extraction = process_parsed(parsed)
            yield extraction

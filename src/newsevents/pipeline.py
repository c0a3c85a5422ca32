"""The whole per-article pipeline in one place: parse -> times -> actors -> events -> dates
-> places -> quotes. Each stage is one function of one subpackage."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events
from newsevents.coding.places import assign_locations, geoparse
from newsevents.dates import assign_event_dates, tag_times
from newsevents.languages import DEFAULT_LANGUAGE, model_for
from newsevents.languages.coders import process_in_language
from newsevents.models import Article, Extraction
from newsevents.nlp import ParsedArticle, load_nlp, parse_articles
from newsevents.nlp.pipeline import DEFAULT_MODEL
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
    articles: Iterable[Article],
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    max_chunk_chars: int | None = None,
) -> Iterator[Extraction]:
    """Extract every article; an article with another ``language`` than English is parsed
    by that language's model (loaded on first use) and coded by its pipeline."""
    kwargs = {"n_process": n_process, "batch_size": batch_size}
    if max_chunk_chars:
        kwargs["max_chunk_chars"] = max_chunk_chars
    english = model or DEFAULT_MODEL
    articles = list(articles)
    languages = {a.language or DEFAULT_LANGUAGE for a in articles}
    if languages <= {DEFAULT_LANGUAGE}:  # English alone: one stream, as before
        for parsed in parse_articles(articles, load_nlp(english), **kwargs):
            yield process_parsed(parsed)
        return
    for article in articles:
        language = article.language or DEFAULT_LANGUAGE
        nlp = load_nlp(english if language == DEFAULT_LANGUAGE else model_for(language))
        for parsed in parse_articles([article], nlp, **kwargs):
            yield process_parsed(parsed)

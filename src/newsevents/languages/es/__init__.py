"""The Spanish pipeline: es_core_news_sm parse -> times -> actors -> events -> dates -> quotes,
to the same Extraction and Event schema as English (``language`` = ``"es"``)."""

from __future__ import annotations

from newsevents.config import current
from newsevents.languages import model_for
from newsevents.languages.es import dates, events, quotes
from newsevents.languages.es.actors import document_country
from newsevents.languages.es.truecase import recase
from newsevents.models import Actor, Extraction
from newsevents.nlp.pipeline import ParsedArticle, load_nlp


def process_parsed(parsed: ParsedArticle) -> Extraction:
    parsed = recase(parsed, load_nlp(model_for("es", current().models())))
    times = dates.tag_times(parsed)
    home = document_country(parsed)
    cache: dict[int, Actor | None] = {}
    found = []
    for sent in parsed.sentences():
        found.extend(events.code_sentence(sent, parsed, home, cache))
    dates.assign_event_dates(found, parsed, times)
    said = quotes.extract_quotes(parsed, home)
    for i, event in enumerate(found):
        event.id = f"{parsed.article.id}:e{i}"
    for i, quote in enumerate(said):
        quote.id = f"{parsed.article.id}:q{i}"
    actors = [a for a in cache.values() if a is not None]
    return Extraction(article=parsed.article, events=found, quotes=said, times=times, actors=actors)

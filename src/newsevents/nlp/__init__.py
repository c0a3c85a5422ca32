"""spaCy parsing: one entry point, :func:`parse_articles`."""

from newsevents.nlp.pipeline import ParsedArticle, Sentence, load_nlp, parse_articles, parse_text

__all__ = ["ParsedArticle", "Sentence", "load_nlp", "parse_articles", "parse_text"]

"""The coder of each supported language other than English (English: newsevents.pipeline)."""

from __future__ import annotations

from newsevents.models import Extraction
from newsevents.nlp.pipeline import ParsedArticle


def process_in_language(parsed: ParsedArticle, language: str) -> Extraction:
    if language == "es":
        from newsevents.languages.es import process_parsed

        return process_parsed(parsed)
    raise ValueError(f"no coder for language {language!r}")

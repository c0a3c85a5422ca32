"""Quotes stage: direct and indirect quotes with speakers and channels.

Entry point: :func:`extract_quotes` (``parsed``, ``actors``) -> ``list[Quote]``.
"""

from newsevents.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]

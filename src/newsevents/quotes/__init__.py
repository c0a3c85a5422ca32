"""Quotes stage: direct and indirect quotes with speakers and channels.

Entry point: :func:`extract_quotes` (``parsed``, ``actors``) -> ``list[Quote]``. It is
imported on first use, so the name helpers (:mod:`quotes.names`) load without spaCy.
"""

from __future__ import annotations

from typing import Any

__all__ = ["extract_quotes"]


def __getattr__(name: str) -> Any:
    if name == "extract_quotes":
        from newsevents.quotes.extract import extract_quotes

        return extract_quotes
    raise AttributeError(name)

"""Storylines: the store's new documents join stories of related articles (newsevents.stories)."""

from __future__ import annotations

from typing import Any

from newsevents.config import Settings, use


def assign_storylines(store: Any, settings: Settings | None = None) -> None:
    """Assign the store's new documents to storylines (online: existing stories are kept),
    with ``settings`` (embedding threads, batch and word pieces; default: the current ones)."""
    from newsevents.stories.store_stories import update_stories  # sentence embeddings: heavy

    with use(settings):
        update_stories(store)

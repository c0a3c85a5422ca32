"""Storylines: the store's new documents join stories of related articles (newsevents.stories)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsevents.config import Settings, use


def assign_storylines(
    store: Any, settings: Settings | None = None, vectors: Mapping[bytes, Any] | None = None
) -> None:
    """Assign the store's new documents to storylines (online: existing stories are kept),
    with ``settings`` (embedding threads, batch and word pieces; default: the current ones)
    and the embeddings ``vectors`` computed ahead (``newsevents.stories.ahead``)."""
    from newsevents.stories.store_stories import update_stories  # sentence embeddings: heavy

    with use(settings):
        update_stories(store, vectors=vectors)

"""Event identity across mentions: the reports of one event share one ``event_id``.

Two mentions name one event when they have the same PLOVER type and polarity, the same dyad
(each side's country, else its name; either order for a symmetric type: a meeting of A with
B is a meeting of B with A) and dates at most :data:`WINDOW_DAYS` apart; an undated mention
can only be another undated mention of its own document. A mention that matches none starts
an event of its own (``ev:<mention id>``).

The store persists the ids chosen here (``Store.add(..., event_ids=...)``): it reads the
mentions stored so far, inside the batch's transaction, so a mention can join one written a
moment earlier in the same batch.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsevents.models import SYMMETRIC_TYPES, Actor, Event, Extraction

WINDOW_DAYS = 1


def side(actor: Actor | None) -> str | None:
    """What identifies one side of a dyad: the actor's country, else its name."""
    return actor.country or actor.name if actor else None


def same_dyad(event: Event, row: dict[str, Any]) -> bool:
    """Does a stored mention ``row`` (its source/target columns) have ``event``'s dyad?"""
    mine = (side(event.source), side(event.target))
    theirs = (
        row["source_country"] or row["source_name"],
        row["target_country"] or row["target_name"],
    )
    return theirs == mine or (event.plover in SYMMETRIC_TYPES and theirs[::-1] == mine)


class EventIdentity:
    """``identity(event)`` -> the event id of ``event``: a stored event it reports, or its own."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def __call__(self, event: Event) -> str:
        rows = self.store.mentions_around(
            event.plover, event.negated, event.date, event.doc, days=WINDOW_DAYS
        )
        for row in rows:
            if same_dyad(event, row):
                return row["event_id"]
        return f"ev:{event.id}"


def add(store: Any, extractions: Iterable[Extraction], keep_text: str = "full", **kw: Any) -> Any:
    """Store a batch of extractions (``Store.add``), each mention given its event id."""
    return store.add(extractions, keep_text, event_ids=EventIdentity(store), **kw)

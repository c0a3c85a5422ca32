"""The store: one facade (:class:`Store`) over SQLite (default) or PostgreSQL."""

from newsevents.store.store import AddResult, Store

__all__ = ["AddResult", "Store"]

"""Load a Parquet folder written by ``extract --engine dask --parquet DIR`` into a store.

Records are rebuilt from the lossless JSON ``record`` column, so a loaded store answers the
same queries as one filled by ``ingest``; loading twice adds nothing (``Store.add`` skips
documents already stored with the same text).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from newsevents.models import Actor, Article, Event, Extraction, Location, Quote

_ARTICLE = {f.name for f in dataclasses.fields(Article)}
_ACTOR = {f.name for f in dataclasses.fields(Actor)}
_LOCATION = {f.name for f in dataclasses.fields(Location)}
_EVENT = {f.name for f in dataclasses.fields(Event)}
_QUOTE = {f.name for f in dataclasses.fields(Quote)}


def _pick(record: dict[str, Any], names: set[str]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k in names}


def _actor(record: dict[str, Any] | None) -> Actor | None:
    return Actor(**_pick(record, _ACTOR)) if record else None


def event_from_record(record: dict[str, Any]) -> Event:
    fields = _pick(record, _EVENT)
    fields["source"] = _actor(record.get("source"))
    fields["target"] = _actor(record.get("target"))
    loc = record.get("location")
    fields["location"] = Location(**_pick(loc, _LOCATION)) if loc else None
    return Event(**fields)


def quote_from_record(record: dict[str, Any]) -> Quote:
    fields = _pick(record, _QUOTE)
    fields["speaker"] = _actor(record.get("speaker"))
    return Quote(**fields)


def article_from_record(record: dict[str, Any]) -> Article:
    return Article(**_pick(record, _ARTICLE))


def load_parquet(parquet_dir: str | Path, store, *, keep_text: str = "full") -> int:
    """Add every document of ``parquet_dir`` (with its mentions and quotes) to ``store``;
    returns the number of documents newly added or replaced. One transaction per part."""
    from newsevents.corpus.identity import add
    from newsevents.errors import InputError
    from newsevents.scale.parquet import iter_parts

    if not (Path(parquet_dir) / "documents").is_dir():
        raise InputError(InputError.E201.format(path=f"{parquet_dir} (no documents/ folder)"))
    added = 0
    for _month, tables in iter_parts(parquet_dir):
        events: dict[str, list[Event]] = {}
        quotes: dict[str, list[Quote]] = {}
        for r in tables["mentions"]:
            events.setdefault(r["doc"], []).append(event_from_record(r))
        for r in tables["quotes"]:
            quotes.setdefault(r["doc"], []).append(quote_from_record(r))
        batch = [
            Extraction(
                article=article_from_record(d),
                events=events.get(d["id"], []),
                quotes=quotes.get(d["id"], []),
            )
            for d in tables["documents"]
        ]
        result = add(store, batch, keep_text)  # mentions get their event ids, as in ingest
        added += result.added + result.replaced
    return added

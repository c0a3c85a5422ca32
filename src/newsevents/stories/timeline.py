"""Storyline timelines: one dated entry per event, in event-date order.

Mentions sharing an ``event_id`` (one event, many reports) become one entry that counts its
mentions and keeps every source sentence. The entry date is the event date the dates stage
found in the text, never the publication date of a report: a mention the dates stage could
only date by its publication (``precision == "publication"``) counts as undated. Undated
events come last, marked ``undated`` with the date they were ``reported`` (if known): a
timeline must not invent dates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

# most to least precise; an event reported at several precisions takes the sharpest date
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "publication": 4, "unknown": 5}


@dataclass
class TimelineSource:
    """One report of an event: the document and the sentence that tells it."""

    mention_id: str | None
    doc: str
    title: str | None
    doc_date: str | None
    sentence: str | None
    sentence_start: int
    sentence_end: int
    trigger: dict[str, Any] | None
    date_span: dict[str, Any] | None


@dataclass
class TimelineEntry:
    event_id: str
    date: str | None
    date_end: str | None
    precision: str
    undated: bool
    reported: str | None  # first publication date among the reports
    summary: str
    plover: str
    cameo: str
    quad_class: int | None
    goldstein: float | None
    negated: bool
    modality: str
    source: dict[str, Any] | None
    target: dict[str, Any] | None
    n_mentions: int
    n_documents: int
    sources: list[TimelineSource] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def actor_label(actor: dict[str, Any] | None) -> str:
    """'Mevlut Cavusoglu (TUR GOV)'; a bare country stays 'Turkey (TUR)'."""
    if not actor:
        return "?"
    codes = " ".join(c for c in (actor.get("country"), actor.get("sector")) if c)
    name = actor.get("name") or actor.get("code") or "?"
    return f"{name} ({codes})" if codes and codes != name else name


def summarize(mention: dict[str, Any]) -> str:
    """One line from the evidence: actor – verb – actor — trigger words."""
    verb = mention.get("plover") or mention.get("cameo") or "?"
    if mention.get("negated"):
        verb = f"NOT {verb}"
    if mention.get("modality") and mention["modality"] != "asserted":
        verb = f"{verb} ({mention['modality']})"
    parts = [actor_label(mention.get("source")), verb]
    if mention.get("target"):
        parts.append(actor_label(mention["target"]))
    line = " ".join(parts)
    trigger = (mention.get("trigger") or {}).get("text")
    return f"{line} — {trigger}" if trigger else line


def _best_date(mentions: list[dict[str, Any]]) -> tuple[str | None, str | None, str]:
    """The date most reports give; ties go to the most precise one."""
    dated = [m for m in mentions if m.get("date") and m.get("date_precision") != "publication"]
    if not dated:
        return None, None, "unknown"
    votes = Counter(m["date"] for m in dated)
    pick = min(
        dated,
        key=lambda m: (
            -votes[m["date"]],
            _PRECISION_RANK.get(m.get("date_precision") or "unknown", 5),
            m["date"],
        ),
    )
    return pick["date"], pick.get("date_end"), pick.get("date_precision") or "unknown"


def _representative(mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """The report that says the most: both actors named, then highest confidence."""
    return max(
        mentions,
        key=lambda m: (bool(m.get("source")) + bool(m.get("target")), m.get("confidence") or 0),
    )


def build_timeline(
    mentions: Iterable[dict[str, Any]], documents: dict[str, dict[str, Any]] | None = None
) -> list[TimelineEntry]:
    """Group mention records by ``event_id`` into entries, dated first in date order.

    ``documents`` maps doc id to a row with ``title`` and ``date`` (for source links).
    """
    documents = documents or {}
    groups: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        groups.setdefault(m.get("event_id") or m.get("id") or "", []).append(m)
    entries = []
    for event_id, group in groups.items():
        date, date_end, precision = _best_date(group)
        rep = _representative(group)
        sources = [
            TimelineSource(
                mention_id=m.get("id"),
                doc=m["doc"],
                title=(documents.get(m["doc"]) or {}).get("title"),
                doc_date=(documents.get(m["doc"]) or {}).get("date"),
                sentence=m.get("sentence"),
                sentence_start=m["sentence_start"],
                sentence_end=m["sentence_end"],
                trigger=m.get("trigger"),
                date_span=m.get("date_span"),
            )
            for m in group
        ]
        reported = sorted(s.doc_date for s in sources if s.doc_date)
        reported += sorted(m["date"] for m in group if m.get("date_precision") == "publication")
        entries.append(
            TimelineEntry(
                event_id=event_id,
                date=date,
                date_end=date_end,
                precision=precision,
                undated=date is None,
                reported=reported[0][:10] if reported else None,
                summary=summarize(rep),
                plover=rep.get("plover", ""),
                cameo=rep.get("cameo", ""),
                quad_class=rep.get("quad_class"),
                goldstein=rep.get("goldstein"),
                negated=bool(rep.get("negated")),
                modality=rep.get("modality") or "asserted",
                source=rep.get("source"),
                target=rep.get("target"),
                n_mentions=len(group),
                n_documents=len({m["doc"] for m in group}),
                sources=sources,
            )
        )
    entries.sort(key=_order)
    return entries


def _order(entry: TimelineEntry) -> tuple:
    first = entry.sources[0]
    # undated entries follow the dated ones, in reading order (report date, then position)
    return (
        entry.undated,
        entry.date or "",
        entry.date_end or entry.date or "",
        entry.reported or "9999",
        first.doc,
        first.sentence_start,
    )


def story_timeline(store: Any, story_id: str) -> dict[str, Any]:
    """A storyline with its documents and timeline, as JSON-ready dicts."""
    from newsevents.store import stories as sql

    story = sql.storyline(store, story_id)
    docs = {d["id"]: d for d in story["documents"]}
    entries = build_timeline(sql.story_mentions(store, story_id), docs)
    story["timeline"] = [e.to_dict() for e in entries]
    story["n_events"] = len(entries)
    story["n_undated"] = sum(e.undated for e in entries)
    return story


def timeline_rows(store: Any, story_id: str | None = None) -> list[dict[str, Any]]:
    """Flat timeline rows (for the CLI and CSV): one storyline, or every storyline in turn."""
    from newsevents.store import stories as sql

    ids = [story_id] if story_id else [s["id"] for s in sql.storylines(store, limit=10**9)]
    rows = []
    for sid in ids:
        story = story_timeline(store, sid)
        for e in story["timeline"]:
            rows.append(
                {
                    "story_id": sid,
                    "story": story["label"],
                    "date": e["date"],
                    "date_end": e["date_end"],
                    "precision": e["precision"],
                    "undated": e["undated"],
                    "reported": e["reported"],
                    "summary": e["summary"],
                    "plover": e["plover"],
                    "cameo": e["cameo"],
                    "goldstein": e["goldstein"],
                    "n_mentions": e["n_mentions"],
                    "documents": " ".join(dict.fromkeys(s["doc"] for s in e["sources"])),
                    "event_id": e["event_id"],
                }
            )
    return rows

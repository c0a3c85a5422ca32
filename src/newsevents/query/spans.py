"""Coded spans of a document (event triggers, actors, dates; quotes, speakers, verbs) and
the cutting of a text into segments that each carry the spans covering them.

Segments keep the text as plain strings: the templates escape them, so article text can
never inject markup, however the spans overlap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def _span(kind: str, ref: str | None, obj: dict[str, Any] | None, label: str) -> dict | None:
    if not obj or obj.get("start") is None or obj.get("end") is None:
        return None
    if obj["end"] <= obj["start"]:
        return None
    return {"kind": kind, "start": obj["start"], "end": obj["end"], "ref": ref, "label": label}


def document_spans(
    events: list[dict[str, Any]],
    quotes: list[dict[str, Any]],
    times: list[dict[str, Any]] | None = None,
) -> list[dict]:
    """Every coded span of a document, sorted by position: kind is one of trigger, source,
    target, time (an event's date words), timex (any time expression, when the store keeps
    them), quote, speaker, verb; ``ref`` is the mention or quote id."""
    spans: list[dict | None] = []
    for t in times or []:
        value = t.get("date") or t.get("value") or "?"
        spans.append(_span("timex", None, t, f"{t.get('type', 'TIME')} {value}"))
    for e in events:
        ref = e.get("id")
        what = f"{e.get('plover')} ({e.get('cameo')})"
        spans.append(_span("trigger", ref, e.get("trigger"), what))
        for role in ("source", "target"):
            actor = e.get(role) or {}
            spans.append(_span(role, ref, actor, f"{role}: {actor.get('name')} {what}"))
        date = e.get("date") or "undated"
        spans.append(_span("time", ref, e.get("date_span"), f"event date {date}"))
    for q in quotes:
        ref = q.get("id")
        speaker = q.get("speaker") or {}
        spans.append(_span("quote", ref, q, f"{q.get('kind')} quote: {speaker.get('name')}"))
        spans.append(_span("speaker", ref, speaker, f"speaker: {speaker.get('name')}"))
        spans.append(_span("verb", ref, q.get("verb"), "attribution"))
    out = [s for s in spans if s]
    out.sort(key=lambda s: (s["start"], -s["end"], s["kind"]))
    return out


@dataclass
class Segment:
    text: str
    start: int
    end: int
    spans: list[dict[str, Any]] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return sorted({s["kind"] for s in self.spans})

    @property
    def refs(self) -> list[str]:
        return sorted({s["ref"] for s in self.spans if s["ref"]})

    @property
    def title(self) -> str:
        return "; ".join(dict.fromkeys(s["label"] for s in self.spans))


def segments(text: str, spans: list[dict[str, Any]], base: int = 0) -> list[Segment]:
    """Cut ``text`` (which starts at document offset ``base``) at every span boundary."""
    end_all = base + len(text)
    inside = [s for s in spans if s["start"] < end_all and s["end"] > base]
    cuts = {base, end_all}
    for s in inside:
        cuts.add(max(base, s["start"]))
        cuts.add(min(end_all, s["end"]))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        if a == b:
            continue
        covering = [s for s in inside if s["start"] <= a and s["end"] >= b]
        out.append(Segment(text[a - base : b - base], a, b, covering))
    return out

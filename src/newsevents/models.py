"""Records passed between pipeline stages.

Every extracted field carries the document id and character offsets into the
article text (``Article.text``), so each code and date points back to its evidence.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

CODER_VERSION = "newsevents-coder-0.1"
# PLOVER types whose dyad has no direction: a meeting of A with B is a meeting of B with A
# (the coder orders their actors by it; event identity matches them in either order)
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


class Record(dict):
    """A record as stored and served (``Store.events()``, ``Store.quotes()``): the JSON object
    itself (a dict: ``json.dumps`` writes it unchanged), read by attribute as well, at every
    depth, the way the pipeline's :class:`Event` and :class:`Quote` read: ``r.source.name``,
    ``r.trigger.start`` as well as ``r["trigger"]["start"]``."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class ReadsByKey:
    """Pipeline records read by key too, like a stored :class:`Record`: ``e["trigger"]["start"]``
    as well as ``e.trigger.start`` (``e.get("target")`` is None when there is none)."""

    def __getitem__(self, key: str) -> Any:
        if key not in self.__dataclass_fields__:  # type: ignore[attr-defined]
            raise KeyError(key)
        return getattr(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self.__dataclass_fields__ else default  # type: ignore[attr-defined]


_ATOMIC = (str, int, float, type(None))  # bool is an int


def as_dict(obj: Any) -> dict[str, Any]:
    """``dataclasses.asdict`` without its deep copy of every plain value (each string, number
    and None went through ``copy.deepcopy``: a quarter of a millisecond a quote, paid twice
    as every record is written and stored): the same dict, nested records as dicts, lists
    and dicts copied."""
    return {name: _plain(getattr(obj, name)) for name in _field_names(type(obj))}


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain(value: Any) -> Any:
    if isinstance(value, _ATOMIC):
        return value
    if hasattr(type(value), "__dataclass_fields__"):
        return as_dict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return type(value)((_plain(k), _plain(v)) for k, v in value.items())
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return type(value)(_plain(v) for v in value)
    return copy.deepcopy(value)  # anything else as asdict gives it (named tuples included)


@dataclass(frozen=True)
class Span:
    """Words of the article: ``text == article.text[start:end]``. Written to JSON as
    ``{"text", "start", "end"}`` (the shape the scorers read); reads like that dict too
    (``span["start"]``, ``span.get("text")``)."""

    text: str
    start: int
    end: int

    FIELDS = ("text", "start", "end")

    def __getitem__(self, key: str) -> Any:
        if key not in self.FIELDS:
            raise KeyError(key)
        return getattr(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key) if key in self.FIELDS else default

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    def points_into(self, text: str) -> bool:
        """Whether the offsets slice ``text`` to exactly these words."""
        return 0 <= self.start <= self.end <= len(text) and text[self.start : self.end] == self.text

    @classmethod
    def of(cls, value: Span | Mapping[str, Any] | None) -> Span | None:
        """A Span from a Span, a ``{"text", "start", "end"}`` mapping, or None."""
        if value is None or isinstance(value, Span):
            return value
        return cls(str(value["text"]), int(value["start"]), int(value["end"]))


@dataclass
class Article:
    """One input document after reading, before parsing."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # publication date, ISO YYYY-MM-DD, or None when unknown
    url: str | None = None
    source: str | None = None
    path: str | None = None  # where it was read from
    title_in_text: bool = False  # True when the title is the first line of ``text``
    duplicate_of: str | None = None  # id of an earlier article this one is a copy of
    fingerprint: str | None = None  # MinHash signature (hex), set by ingest.dedupe
    language: str | None = None  # ISO 639-1: given (JSON field, --language) or detected at ingest
    # How a file's bytes were decoded: "utf-8" (JSON, strings given), "utf-16", or the legacy
    # encoding that gave clean text ("cp1252", ...; see ingest.clean.decode_bytes).
    encoding: str = "utf-8"
    # Versions: the id the input gave (a file's path relative to its input root, or a record's
    # "id"); the same given id with a different text is a new version, stored beside the old one
    # under ``id`` = "<given id>@v<n>" and linked to it by ``previous_version``.
    given_id: str | None = None
    version: int = 1
    previous_version: str | None = None

    @property
    def key(self) -> str:
        """The id the input gave (shared by every version of the document)."""
        return self.given_id or self.id


@dataclass
class Rejection:
    """A document that could not be processed, with its reason."""

    id: str
    reason: str  # short machine code: empty, binary, encoding, not_english, too_long, bad_json, ...
    detail: str = ""
    path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass
class Actor(ReadsByKey):
    """A coded actor mention: canonical name, ISO-3 country and sector."""

    name: str
    country: str | None = None  # ISO 3166-1 alpha-3, or None (IGOs, unknown)
    sector: str | None = None  # GOV, MIL, REB, INS, IGO, NGO, CVL, JUD, MED, BUS, OPP, ...
    code: str | None = None  # CAMEO-style code: TURGOV, AFGINS, IGOUNO
    id: str | None = None  # stable canonical id (slug)
    text: str | None = None  # the words in the article
    start: int | None = None
    end: int | None = None
    how: str | None = None  # dictionary, role, country, capital, coref, ...

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass
class Location(ReadsByKey):
    """A place named in the article (a toponym mention), or where an event happened."""

    name: str
    country: str | None = None  # ISO-3
    lat: float | None = None
    lon: float | None = None
    start: int | None = None
    end: int | None = None
    geonameid: str | None = None
    feature_code: str | None = None  # GeoNames feature code where the gazetteer has one
    admin1: str | None = None  # name of the first-level division
    type: str = "literal"  # literal, demonym, metonym
    how: str | None = None  # toponyms: gazetteer, context; events: the rule that chose it
    precision: str | None = None  # point, city, admin1, country, region
    text: str | None = None  # the words in the article


@dataclass
class TimeExpr(ReadsByKey):
    """A time expression found in the text (TIMEX3-like)."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str | None  # TIMEX3 value: 2013-03-22, 2013-W12, 2013-03, P3D, PRESENT_REF...
    date: str | None = None  # first day, ISO, when resolvable to days
    date_end: str | None = None  # last day of the range
    precision: str | None = None  # day, week, month, year, unknown


@dataclass
class Event(ReadsByKey):
    """One event mention: an event as one sentence tells it."""

    doc: str
    sentence: str
    sentence_start: int
    sentence_end: int
    plover: str
    cameo: str
    trigger: Span  # a {text, start, end} mapping is read into a Span
    source: Actor | None = None
    target: Actor | None = None
    mode: str | None = None
    context: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    negated: bool = False
    modality: str = "asserted"  # asserted, planned, hypothetical
    date: str | None = None
    date_end: str | None = None
    date_precision: str = "unknown"  # day, week, month, year, publication, unknown
    date_span: Span | None = None  # the time expression the date comes from
    date_how: str | None = None  # the rule that linked the date: "modifies the trigger", ...
    location: Location | None = None
    confidence: float = 0.5
    coder_version: str = CODER_VERSION
    id: str | None = None
    event_id: str | None = None
    language: str | None = None  # ISO 639-1 code of the document the event was coded from
    # numbers the sentence states (coding/events/magnitude.py): kind (killed, injured,
    # arrested, crowd) -> {"text", "start", "end", "value", "min", "max"}
    magnitude: dict[str, dict[str, Any]] | None = None

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("trigger", "date_span"):  # a {text, start, end} mapping becomes a Span
            value = Span.of(value)
        object.__setattr__(self, name, value)

    def spans(self) -> list[Span]:
        """Every span of the event that must point into the article text."""
        return [s for s in (self.trigger, self.date_span) if s is not None]

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass
class Quote(ReadsByKey):
    doc: str
    quote: str
    start: int
    end: int
    kind: str = "direct"  # direct, indirect
    mixed: bool = False  # a quoted fragment inside reported speech (kind stays "direct")
    speaker: Actor | None = None
    channel: str | None = None
    verb: Span | None = None  # the attribution verb
    sentence_start: int | None = None
    sentence_end: int | None = None
    id: str | None = None

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "verb":  # a {text, start, end} mapping becomes a Span
            value = Span.of(value)
        object.__setattr__(self, name, value)

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)

    def bad_spans(self) -> list[str]:
        """Spans whose offsets do not slice the article text to their words (empty when all
        point back to their evidence, as they must)."""
        text = self.article.text
        spans: list[tuple[str, Span]] = []
        for e in self.events:
            spans += [(f"event {e.id} trigger", e.trigger)]
            spans += [(f"event {e.id} date", e.date_span)] if e.date_span else []
            spans += [
                (f"event {e.id} sentence", Span(e.sentence, e.sentence_start, e.sentence_end))
            ]
            for role, actor in (("source", e.source), ("target", e.target)):
                if actor is not None and actor.text is not None and actor.start is not None:
                    spans.append((f"event {e.id} {role}", Span(actor.text, actor.start, actor.end)))
        for q in self.quotes:
            spans += [(f"quote {q.id}", Span(q.quote, q.start, q.end))]
            spans += [(f"quote {q.id} verb", q.verb)] if q.verb else []
        for t in self.times:
            spans.append((f"time {t.text!r}", Span(t.text, t.start, t.end)))
        return [
            f"{what}: {span.text!r} at {span.start}-{span.end} reads {text[span.start : span.end]!r}"
            for what, span in spans
            if not span.points_into(text)
        ]

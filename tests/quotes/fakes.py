"""A DocumentActors stand-in: actors found by exact surface strings the test names."""

from __future__ import annotations

import re
from dataclasses import replace

from newsevents.models import Actor


class FakeActors:
    """``.mentions``, ``.at(start, end)`` and ``.for_token(token)`` over listed names;
    no pronoun or title resolution, so the quote stage's own fallbacks are exercised."""

    def __init__(self, text: str, known: dict[str, Actor], offset_of=None) -> None:
        self.mentions: list[Actor] = []
        for surface, actor in known.items():
            for m in re.finditer(r"\b" + re.escape(surface) + r"\b", text):
                self.mentions.append(replace(actor, text=surface, start=m.start(), end=m.end()))
        self.mentions.sort(key=lambda a: (a.start, -(a.end or 0)))
        self._offset_of = offset_of

    def at(self, start: int, end: int) -> Actor | None:
        best = None
        for m in self.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, m)
        return best[1] if best else None

    def for_token(self, token) -> Actor | None:
        start = self._offset_of(token.doc) + token.idx
        for m in self.mentions:
            if m.start <= start < m.end:
                return m
        return None


def fake_actors(parsed, known: dict[str, Actor]) -> FakeActors:
    return FakeActors(parsed.article.text, known, parsed.offset_of)


class NoActors:
    """Actors that know nothing: every speaker comes from the quote stage's fallbacks."""

    mentions: list[Actor] = []

    def at(self, start: int, end: int) -> None:
        return None

    def for_token(self, token) -> None:
        return None

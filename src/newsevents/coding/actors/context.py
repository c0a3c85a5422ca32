"""Place names that the article's own words recode: "Georgia" with Atlanta, a governor and
primaries in the story is the US state, not the country (``actors/ambiguous_places.tsv``).

A recoded name takes the other country and stands for a place of it (``how="place"``, a
state or town, which no talk is addressed to), as a US state named by the lists does."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from newsevents.coding.actors.types import CompoundActor, Mention
from newsevents.data import load_tsv
from newsevents.models import Actor


@dataclass(frozen=True)
class Ambiguous:
    name: str
    country: str
    other: str
    other_cues: re.Pattern[str]
    own_cues: re.Pattern[str]


def _cues(field: str) -> re.Pattern[str]:
    words = [w.strip() for w in field.split("|") if w.strip()]
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alts})(?!\w)")


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, Ambiguous]:
    out = {}
    for row in load_tsv("actors/ambiguous_places.tsv"):
        out[row["name"].lower()] = Ambiguous(
            row["name"],
            row["country"],
            row["other"],
            _cues(row["other_cues"]),
            _cues(row["own_cues"]),
        )
    return out


def other_country(text: str, entry: Ambiguous) -> bool:
    """The article's words tell the other country's place: more of its cues than the
    name's own country's, and at least one."""
    other = len(entry.other_cues.findall(text))
    return other > 0 and other > len(entry.own_cues.findall(text))


def _recode(actor: Actor, entry: Ambiguous) -> Actor:
    code = entry.other + (actor.code or "")[len(entry.country) :]
    return replace(actor, country=entry.other, code=code, id=code.lower(), how="place")


def recode_places(records: list[Mention], text: str) -> None:
    """Recode, in place, the mentions of ambiguous place names the article's words place in
    another country (each name decided once for the article)."""
    table = _table()
    if not table:
        return
    decided: dict[str, bool] = {}
    for m in records:
        members = m.actor.members if isinstance(m.actor, CompoundActor) else [m.actor]
        for k, a in enumerate(members):
            entry = table.get((a.name or "").lower())
            if entry is None or a.country != entry.country:
                continue
            if entry.name not in decided:
                decided[entry.name] = other_country(text, entry)
            if not decided[entry.name]:
                continue
            new = _recode(a, entry)
            if a is m.actor:
                m.actor = new
            else:
                m.actor.members[k] = new

"""Turn one rule match into a TIMEX3 value, given the reference date, the tense of the clause
and the last time mentioned (for "the next day", "a year earlier").

Each rule of ``data/dates/rules.tsv`` names a directive ``kind[:arg]``; the directives live in
``absolute.py`` (calendar names), ``relative.py`` (relative to the dct or to the last time
mentioned) and ``periods.py`` (quarters, durations, sets). Without a reference date nothing
relative is guessed: the value keeps X's.
"""

from __future__ import annotations

from newsevents.dates import absolute, periods, relative  # noqa: F401  (they register)
from newsevents.dates.context import DIRECTIVES, Context, Groups, duration

__all__ = ["Context", "duration", "normalize"]


def normalize(directive: str, g: Groups, ctx: Context) -> str | None:
    """TIMEX3 value for a rule's directive and its named groups; None for an unknown
    directive or an impossible date (30 February)."""
    kind, _, arg = directive.partition(":")
    fn = DIRECTIVES.get(kind)
    if fn is None:
        return None
    return fn(arg, {**g, "_kind": kind}, ctx)

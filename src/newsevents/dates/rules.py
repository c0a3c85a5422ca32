"""Load ``data/dates/rules.tsv`` and find every rule match in a text.

Overlapping matches are settled by length (longest first), then by rule order, the way
HeidelTime settles them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from newsevents.data import load_lines
from newsevents.dates.lexicon import placeholders
from newsevents.errors import DataFileError


@dataclass(frozen=True)
class Rule:
    index: int
    name: str
    type: str
    directive: str
    regex: re.Pattern
    loose: bool  # only inside a spaCy DATE/TIME entity


@dataclass
class Match:
    start: int
    end: int
    rule: Rule
    groups: dict[str, str | None]


def _compile(pattern: str) -> re.Pattern:
    subs = placeholders()
    body = re.sub(r"%([A-Z0-9]+)%", lambda m: subs[m[1]], pattern)
    body = re.sub(r"(?<!\\) \?", r"\\s*", body)  # " ?" : optional space
    body = re.sub(r"(?<!\\) ", r"\\s+", body).replace("\\ ", " ")
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w])", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    rules = []
    for i, line in enumerate(load_lines("dates/rules.tsv")):
        parts = line.split("\t")
        if len(parts) != 4:
            raise DataFileError(
                DataFileError.E101.format(name="dates/rules.tsv", line=i, err="need 4 fields")
            )
        name, type_, directive, pattern = parts
        loose = pattern.startswith("@")
        try:
            regex = _compile(pattern.lstrip("@"))
        except re.error as e:
            raise DataFileError(
                DataFileError.E101.format(name="dates/rules.tsv", line=i, err=f"{name}: {e}")
            ) from e
        rules.append(Rule(i, name, type_, directive, regex, loose))
    return tuple(rules)


def find_matches(text: str, entity_spans: list[tuple[int, int]] = ()) -> list[Match]:
    """Non-overlapping rule matches, in text order. Loose rules count only inside an entity."""
    found: list[Match] = []
    for rule in load_rules():
        for m in rule.regex.finditer(text):
            start, end = m.span("x") if "x" in m.re.groupindex and m["x"] else m.span()
            if start == end:
                continue
            if rule.loose and not any(s <= start and end <= e for s, e in entity_spans):
                continue
            found.append(Match(start, end, rule, m.groupdict()))
    found.sort(key=lambda m: (-(m.end - m.start), m.rule.index, m.start))
    taken: list[Match] = []
    for m in found:
        if all(m.end <= t.start or m.start >= t.end for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: m.start)

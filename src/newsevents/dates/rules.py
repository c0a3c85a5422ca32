"""Load ``data/dates/rules.tsv`` and find every rule match in a text.

Overlapping matches are settled by length (longest first), then by rule order, the way
HeidelTime settles them.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsevents.coding.cache import code_version
from newsevents.data import data_path, load_lines
from newsevents.dates import lexicon, literals
from newsevents.dates.lexicon import placeholders
from newsevents.errors import DataFileError

CODE_VERSION = code_version(__file__) + code_version(lexicon.__file__)


FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Rule:
    index: int
    name: str
    type: str
    directive: str
    source: str  # the regular expression, placeholders filled in (compiled: ``regex``)
    loose: bool  # only inside a spaCy DATE/TIME entity
    needs: literals.Needs = ()  # strings every match holds one of each (dates/literals.py)

    @property
    def regex(self) -> re.Pattern:
        """The rule's compiled expression, compiled at its first use: a short text opens
        the gates of a few rules, and compiling all 120 was ~0.13 s of every start."""
        return _compiled(self.source, self.index, self.name)


@functools.cache
def _compiled(source: str, line: int, name: str) -> re.Pattern:
    try:
        return re.compile(source, FLAGS)
    except re.error as e:
        raise DataFileError(
            DataFileError.E101.format(name="dates/rules.tsv", line=line, err=f"{name}: {e}")
        ) from e


@dataclass
class Match:
    start: int
    end: int
    rule: Rule
    groups: dict[str, str | None]


def _source(pattern: str) -> str:
    """A rule's pattern as a regular expression (compiled with ``FLAGS``)."""
    subs = placeholders()
    body = re.sub(r"%([A-Z0-9]+)%", lambda m: subs[m[1]], pattern)
    body = re.sub(r"(?<!\\) \?", r"\\s*", body)  # " ?" : optional space
    body = re.sub(r"(?<!\\) ", r"\\s+", body).replace("\\ ", " ")
    return rf"(?<![\w'’-])(?:{body})(?![\w])"


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
        rules.append(Rule(i, name, type_, directive, _source(pattern.lstrip("@")), loose))

    def check() -> None:
        for rule in rules:
            rule.regex  # noqa: B018 (a rule that does not compile: DataFileError)

    # the needs are cached with the files' contents: a file first read compiles every
    # rule (a bad one fails here, at load); the same files again compile on use
    sources = sorted(data_path("dates").glob("*"))  # the rules and the word lists they read
    patterns = [(r.source, FLAGS) for r in rules]
    needs = literals.cached_needs(patterns, sources, CODE_VERSION, check)
    return tuple(dataclasses.replace(r, needs=n) for r, n in zip(rules, needs, strict=True))


@functools.lru_cache(maxsize=1)
def rule_gates() -> literals.Gates:
    """The rules' needs (``Rule.needs``), by their place in :func:`load_rules`."""
    return literals.Gates([rule.needs for rule in load_rules()])


WINDOW = 60  # characters of context around a core word in which the rules run


@functools.lru_cache(maxsize=1)
def core_regex() -> re.Pattern:
    """Words one of which every time expression contains (see ``dates/core_words.txt``)."""
    ph = placeholders()
    words = "|".join(re.escape(w) for w in load_lines("dates/core_words.txt"))
    parts = [ph[k] for k in ("MONTH", "WEEKDAY", "UNIT", "SEASON", "PART", "HOLIDAY")]
    return re.compile(r"\d|" + "|".join(f"(?:{p})" for p in parts) + rf"|\b(?:{words})\b", re.I)


def windows(text: str) -> list[tuple[int, int]]:
    """Merged stretches of text around core words: the only places rules can match."""
    out: list[tuple[int, int]] = []
    for m in core_regex().finditer(text):
        lo, hi = max(0, m.start() - WINDOW), min(len(text), m.end() + WINDOW)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def find_matches(text: str, entity_spans: list[tuple[int, int]] = ()) -> list[Match]:
    """Non-overlapping rule matches, in text order. Loose rules count only inside an entity."""
    found: list[Match] = []
    spans = windows(text)
    # the rules' words found once per window; a rule runs only in the windows holding
    # the words it needs (the same matches: a match lies inside its window)
    gates = rule_gates()
    open_in = [gates.open(literals.folded(text[lo:hi])) for lo, hi in spans]
    inside_entity = _containment(entity_spans)
    for n, rule in enumerate(load_rules()):
        runs = [s for s, open_ in zip(spans, open_in, strict=True) if n in open_]
        for m in (m for lo, hi in runs for m in rule.regex.finditer(text, lo, hi)):
            start, end = m.span("x") if "x" in m.re.groupindex and m["x"] else m.span()
            if start == end:
                continue
            if rule.loose and not inside_entity(start, end):
                continue
            found.append(Match(start, end, rule, m.groupdict()))
    found.sort(key=lambda m: (-(m.end - m.start), m.rule.index, m.start))
    # the longest match wins; the matches taken never overlap, so sorted by start a new
    # one can only overlap its two neighbours (bisect: linear in the text, not quadratic)
    starts: list[int] = []
    taken: list[Match] = []
    for m in found:
        k = bisect.bisect_right(starts, m.start)
        if k and taken[k - 1].end > m.start:
            continue
        if k < len(taken) and taken[k].start < m.end:
            continue
        starts.insert(k, m.start)
        taken.insert(k, m)
    return taken


def _containment(spans: Sequence[tuple[int, int]]) -> Callable[[int, int], bool]:
    """(start, end) -> whether one of ``spans`` holds it, by bisection over the spans
    sorted by start with the running maximum of their ends."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach: list[int] = []
    for _, e in ordered:
        reach.append(max(e, reach[-1]) if reach else e)

    def holds(start: int, end: int) -> bool:
        k = bisect.bisect_right(starts, start)
        return k > 0 and reach[k - 1] >= end

    return holds

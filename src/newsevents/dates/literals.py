"""Words a regular expression cannot match without: a cheap test before running it.

``required(pattern)`` reads the pattern's syntax tree (Python's own parser, ``re._parser``)
and gives sets of lower-case ASCII strings such that every match of the pattern contains
one string of each set (none when it cannot say: a match may be digits and spaces only).
A stretch of text missing one set cannot hold a match, so the rule need not run there
(:class:`Gates`); :func:`folded` puts the text in the form the strings are tested against,
the same for every way ``re.IGNORECASE`` lets a letter match. A rule for "three days ago"
needs ``ago`` (or another of its last words) and a unit word; most stretches of text
around a number hold the words of few of the 120 date rules.

Exact by construction: a string is only required when every path through the pattern
reads it (a sequence needs what any of its items needs, a choice what all its branches
need, a repeat what its item needs if it runs at least once; look-arounds, classes and
back-references need nothing). When the parser is missing or changes shape the answer is
``None`` and the rule runs everywhere, as it would without this test.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsevents.coding.cache import code_version

try:  # the parser the re module itself uses (named sre_parse before Python 3.11)
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover - older or other Pythons
    try:
        import sre_constants as _C  # type: ignore[no-redef]
        import sre_parse as _P  # type: ignore[no-redef]
    except ImportError:
        _C = _P = None

CODE_VERSION = code_version(__file__)

Need = frozenset[str]  # one of these strings is in every match
Needs = tuple[Need, ...]  # every one of these needs holds (empty: nothing known)
MAX_NEEDS = 3  # the most selective needs of a pattern are kept


def required(pattern: str, flags: int = 0) -> Needs:
    """What every match of ``pattern`` contains: sets of lower-case ASCII strings, one of
    each set in every match; the most selective first. Empty when nothing is known."""
    if _P is None:
        return ()
    try:
        needs = _sequence(_P.parse(pattern, flags))
    except Exception:  # an unknown node shape: no test, the rule runs everywhere
        return ()
    return tuple(sorted(set(needs), key=_selectivity, reverse=True)[:MAX_NEEDS])


def cached_needs(
    patterns: Sequence[tuple[str, int]],
    sources: Sequence[Path],
    version: str,
    check: Callable[[], None] = lambda: None,
) -> list[Needs]:
    """:func:`required` of each (pattern, flags), from the pickle cache when the patterns'
    ``sources`` (data files) and ``version`` (their code's) are unchanged: parsing 120
    date rules again would be ~0.05 s of every start. ``check`` runs before they are
    computed (not when they come from the cache): the patterns' validation."""
    from newsevents.coding.cache import cached

    def build() -> list[Needs]:
        check()
        return [required(pattern, flags) for pattern, flags in patterns]

    return cached(
        "date-needs",
        sources,
        build,
        f"{version}|{CODE_VERSION}|{sys.version}",
        lambda value: isinstance(value, list) and len(value) == len(patterns),
    )


def folded(text: str) -> str:
    """``text`` as :func:`required`'s strings are tested against it: each character that
    ``re.IGNORECASE`` matches to an ASCII letter is that letter in lower case (Python's
    case-insensitive matching also lets dotless ``ı`` and dotted ``İ`` match ``i``, the long
    ``ſ`` match ``s`` and the Kelvin sign match ``k``)."""
    text = text.replace("\u0130", "i").lower()
    if "\u0131" in text or "\u017f" in text:
        text = text.replace("\u0131", "i").replace("\u017f", "s")
    return text


class Gates:
    """Which of many patterns may match in a text, from the strings found in it once.

    ``Gates([needs_0, needs_1, ...]).open(text)`` is the set of the numbers of the patterns
    all of whose needs hold in ``text`` (already :func:`folded`), the ones with no needs
    always among them: every string any pattern needs is looked for once per text, then
    each found string ticks the needs holding it."""

    def __init__(self, needs: Sequence[Needs]) -> None:
        self.always = frozenset(i for i, n in enumerate(needs) if not n)
        self.size = {i: len(n) for i, n in enumerate(needs) if n}
        self.where: dict[str, list[tuple[int, int]]] = {}
        for i, pattern_needs in enumerate(needs):
            for k, need in enumerate(pattern_needs):
                for string in need:
                    self.where.setdefault(string, []).append((i, k))
        self.strings = tuple(sorted(self.where))

    def open(self, text: str) -> frozenset[int]:
        held: dict[int, set[int]] = {}
        for string in self.strings:
            if string in text:
                for i, k in self.where[string]:
                    held.setdefault(i, set()).add(k)
        return self.always | {i for i, ks in held.items() if len(ks) == self.size[i]}


def _selectivity(need: Need) -> tuple[int, int]:
    """Longer shortest string first, then fewer strings."""
    return min(map(len, need)), -len(need)


def _sequence(items: Any) -> list[Need]:
    """Every item of a sequence is in the match: all their needs hold."""
    needs: list[Need] = []
    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        if op is _C.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:  # consecutive literals: one string
            needs.append(frozenset(["".join(run)]))
            run = []
        if op is not None:
            needs.extend(_item(op, av))
    return needs


def _item(op: Any, av: Any) -> list[Need]:
    if op is _C.SUBPATTERN:
        return _sequence(av[-1])
    if op is _C.BRANCH:  # one of the branches is in the match: each gives its best need
        union: set[str] = set()
        for branch in av[1]:
            needs = _sequence(branch)
            if not needs:
                return []
            union |= max(needs, key=_selectivity)
        return [frozenset(union)]
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT) or op is getattr(_C, "POSSESSIVE_REPEAT", None):
        lo, _hi, body = av
        return _sequence(body) if lo >= 1 else []
    if op is getattr(_C, "ATOMIC_GROUP", None):
        return _sequence(av)
    return []  # classes, any character, anchors, look-arounds, back-references

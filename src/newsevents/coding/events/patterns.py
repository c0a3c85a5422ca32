"""PETRARCH2 verb patterns: the index of verbs and patterns, and the matcher that checks a
pattern's object words and prepositional phrases against a verb's complement."""

from __future__ import annotations

import bisect
import functools
from collections import defaultdict

from spacy.tokens import Token

from newsevents.data import load_jsonl


@functools.lru_cache(maxsize=1)
def synsets() -> dict[str, tuple[tuple[str, ...], ...]]:
    return {
        r["name"]: tuple(tuple(w.split()) for w in r["words"])
        for r in load_jsonl("verbs/synsets.jsonl")
    }


@functools.lru_cache(maxsize=1)
def petrarch_index() -> tuple[dict[tuple[str, str | None], list[str]], dict[str, list[dict]]]:
    """(lemma, particle) -> block names with their default codes; block -> patterns."""
    verbs: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for row in load_jsonl("verbs/petrarch_verbs.jsonl"):
        verbs[(row["lemma"], row["particle"])].append(f"{row['block']}|{row['code'] or ''}")
    patterns: dict[str, list[dict]] = defaultdict(list)
    for row in load_jsonl("verbs/petrarch_patterns.jsonl"):
        if row["code"]:
            patterns[row["block"]].append(row)
    return dict(verbs), dict(patterns)


# A token as pattern matching sees it: (lower form, lemma, dependency label). Pattern matching
# runs ~100 patterns per verb; reading spaCy attributes once per token keeps it fast.
Form = tuple[str, str, str]


def token_forms(tokens: list[Token]) -> list[Form]:
    return [(t.lower_, t.lemma_.lower(), t.dep_) for t in tokens]


def word_matches(word: str, tok: Token | Form) -> bool:
    low, lemma = (tok[0], tok[1]) if isinstance(tok, tuple) else (tok.lower_, tok.lemma_.lower())
    if word == low or word == lemma:
        return True
    # PETRARCH words are stems unless marked: ATTACK matches "attacks", "attacked".
    return len(word) >= 4 and low.startswith(word) and len(low) - len(word) <= 3


@functools.lru_cache(maxsize=20000)
def _seq_alternatives(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Expand synonym sets (&NAME) in a word sequence into plain alternatives (bounded)."""
    alts: list[list[str]] = [[]]
    for w in words:
        options = [list(s) for s in synsets().get(w[1:], ())] if w.startswith("&") else [[w]]
        if not options:
            return ()
        alts = [a + o for a in alts for o in options][:200]
    return tuple(tuple(a) for a in alts)


def accepted_words(form: Form) -> set[str]:
    """Every word ``word_matches`` accepts on this token: its forms and stem prefixes."""
    return set(_accepted(form))


@functools.lru_cache(maxsize=65_536)
def _accepted(form: Form) -> frozenset[str]:
    """:func:`accepted_words`, cached: ``word_matches(w, form)`` is ``w in _accepted(form)``."""
    low, lemma, _dep = form
    words = {low, lemma}
    for k in range(1, 4):
        if len(low) - k >= 4:
            words.add(low[: len(low) - k])
    return frozenset(words)


@functools.lru_cache(maxsize=256)
def _positions(forms: tuple[Form, ...]) -> dict[str, list[int]]:
    """Word -> ascending positions in ``forms`` whose token that word matches. Pattern
    matching asks this of one verb's complement and left context for ~100 patterns: cached."""
    where: dict[str, list[int]] = defaultdict(list)
    for i, form in enumerate(forms):
        for w in _accepted(form):
            where[w].append(i)
    return dict(where)


def find_sequence(words: list[str], tokens: list[Token] | list[Form], start: int = 0) -> int | None:
    """Index in ``tokens`` after the first run matching ``words`` (consecutive), or None."""
    forms = tokens if not tokens or isinstance(tokens[0], tuple) else token_forms(tokens)
    alts = _seq_alternatives(tuple(words))
    if len(alts) > 4:
        # Synonym sets expand to many alternatives: find their first words through an index.
        size = len(forms)
        where = _positions(tuple(forms))
        for alt in alts:
            n = len(alt)
            if not n:
                if start <= size:
                    return start
                continue
            found = where.get(alt[0], ())
            for i in found[bisect.bisect_left(found, start) :]:
                if i + n > size:
                    break
                if all(alt[k] in _accepted(forms[i + k]) for k in range(1, n)):
                    return i + n
        return None
    for alt in alts:
        n = len(alt)
        first = alt[0] if alt else None
        for i in range(start, len(forms) - n + 1):
            if first is not None and not word_matches(first, forms[i]):
                continue
            if all(word_matches(alt[k], forms[i + k]) for k in range(1, n)):
                return i + n
    return None


def form_vocabulary(forms: list[Form]) -> set[str]:
    """Every word that ``word_matches`` could accept on some of these tokens."""
    vocab: set[str] = set()
    for form in forms:
        vocab.update(_accepted(form))
    return vocab


def could_match(pattern: dict, vocab: set[str]) -> bool:
    """Cheap necessary test: every element's preposition and first plain word occur somewhere."""
    return required_words(pattern) <= vocab


def required_words(pattern: dict) -> frozenset[str]:
    """The words :func:`could_match` asks for: ``could_match(p, vocab)`` is
    ``required_words(p) <= vocab``."""
    out: set[str] = set()
    for el in (*pattern["post"], *pattern["pre"]):
        if el["prep"]:
            out.add(el["prep"])
        words = el["words"]
        if words and not words[0].startswith("&"):
            out.add(words[0])
    return frozenset(out)


@functools.lru_cache(maxsize=8192)
def block_patterns(block: str) -> tuple[tuple[dict, frozenset[str]], ...]:
    """A block's patterns, each with its :func:`required_words` (one subset test a pattern)."""
    return tuple((pat, required_words(pat)) for pat in petrarch_index()[1].get(block, []))


def pattern_matches(
    pattern: dict, verb: Token, comp: list[Token] | list[Form], before: list[Token] | list[Form]
) -> int:
    """How many elements of a PETRARCH pattern match (0 if any element fails)."""
    comp = comp if not comp or isinstance(comp[0], tuple) else token_forms(comp)
    before = before if not before or isinstance(before[0], tuple) else token_forms(before)
    score = 0
    pos = 0
    for el in pattern["post"]:
        if el["prep"]:
            preps = [
                i for i, t in enumerate(comp) if t[2] in {"prep", "agent"} and t[0] == el["prep"]
            ]
            ok = False
            for i in preps:
                if not el["words"]:
                    ok = True
                    break
                if (
                    find_sequence(el["words"], comp[i + 1 : i + 1 + 6 + len(el["words"])])
                    is not None
                ):
                    ok = True
                    break
            if not ok:
                return 0
        else:
            end = find_sequence(el["words"], comp, pos)
            if end is None:
                return 0
            pos = end
        score += 1 + len(el["words"])
    for el in pattern["pre"]:
        if el["prep"] or find_sequence(el["words"], before) is None:
            return 0
        score += len(el["words"])
    return score

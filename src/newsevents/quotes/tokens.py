"""Character offset <-> spaCy token look-ups over all chunks of a parsed article."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Span, Token

from newsevents.nlp import ParsedArticle


class Ranges:
    """Character ranges ``(start, end)`` (quotations); ``offset in ranges`` tells whether one
    holds ``offset`` (``any(start <= offset < end ...)``) in O(log n), not a scan of them all
    per token: a long article has thousands."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self._pairs = sorted(ranges)
        self._starts = [s for s, _ in self._pairs]
        self._reach = list(itertools.accumulate((e for _, e in self._pairs), max))
        self._longest = max((max(0, e - s) for s, e in self._pairs), default=0)

    def __contains__(self, offset: int) -> bool:
        return self.covers(offset)

    def covers(self, offset: int, without: tuple[int, int] | None = None) -> bool:
        """Whether a range other than ``without`` holds ``offset``."""
        k = bisect.bisect_right(self._starts, offset)
        if k == 0 or self._reach[k - 1] <= offset:
            return False
        if without is None:
            return True
        lo = bisect.bisect_right(self._starts, offset - self._longest)  # none longer
        return any(p != without and p[1] > offset for p in self._pairs[lo:k])

    def starts_in(self, lo: int, hi: int, without: tuple[int, int] | None = None) -> bool:
        """Whether a range other than ``without`` starts in [lo, hi)."""
        first = bisect.bisect_left(self._starts, lo)
        last = bisect.bisect_left(self._starts, hi)
        return any(p != without for p in self._pairs[first:last])

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._pairs)

    def __len__(self) -> int:
        return len(self._pairs)


class TokenIndex:
    """All non-space tokens of an article, ordered by absolute character offset."""

    def __init__(self, parsed: ParsedArticle) -> None:
        self.parsed = parsed
        self.tokens: list[Token] = []
        self.starts: list[int] = []
        self._offsets: dict[int, int] = {}  # id(doc) -> chunk offset
        self._entries: dict[int, tuple[Any, list[Any]]] = {}  # id(lexicon) -> its entries
        for offset, doc in parsed.chunks:
            self._offsets[id(doc)] = offset
            for tok in doc:
                if not tok.is_space:
                    self.tokens.append(tok)
                    self.starts.append(offset + tok.idx)

    def speech_entries(self, lex: Any) -> list[Any]:
        """``lex.verb`` of every token, in order: asked once (the reported clauses and the
        nominal contents both walk every token with it)."""
        known = self._entries.get(id(lex))
        if known is None or known[0] is not lex:
            known = self._entries[id(lex)] = (lex, [lex.verb(t) for t in self.tokens])
        return known[1]

    def start(self, tok: Token) -> int:
        return self._offsets[id(tok.doc)] + tok.idx

    def end(self, tok: Token) -> int:
        return self.start(tok) + len(tok)

    def span_offsets(self, span: Span) -> tuple[int, int]:
        off = self._offsets[id(span.doc)]
        return off + span.start_char, off + span.end_char

    def between(self, start: int, end: int) -> list[Token]:
        """Tokens starting inside ``[start, end)``."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return self.tokens[lo:hi]

    def at_or_after(self, offset: int) -> Token | None:
        i = bisect.bisect_left(self.starts, offset)
        return self.tokens[i] if i < len(self.tokens) else None

    def at_or_before(self, offset: int) -> Token | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.tokens[i] if i >= 0 else None

    def sentence_bounds(self, toks: Iterable[Token]) -> tuple[int, int] | None:
        """Absolute (start, end) of the sentences holding ``toks``, trailing space stripped."""
        bounds = []
        seen: list[tuple[object, int, int]] = []  # (doc, first, end token) of sentences done
        for tok in toks:
            doc, i = tok.doc, tok.i
            if any(d is doc and lo <= i < hi for d, lo, hi in seen):
                continue  # Token.sent walks the sentence: once per sentence is enough
            sent = tok.sent
            seen.append((doc, sent.start, sent.end))
            s, e = self.span_offsets(sent)
            text = sent.text
            bounds.append((s, e - (len(text) - len(text.rstrip()))))
        if not bounds:
            return None
        return min(b[0] for b in bounds), max(b[1] for b in bounds)

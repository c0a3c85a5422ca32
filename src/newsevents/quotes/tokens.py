"""Character offset <-> spaCy token look-ups over all chunks of a parsed article."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from spacy.tokens import Span, Token

from newsevents.nlp import ParsedArticle


class TokenIndex:
    """All non-space tokens of an article, ordered by absolute character offset."""

    def __init__(self, parsed: ParsedArticle) -> None:
        self.parsed = parsed
        self.tokens: list[Token] = []
        self.starts: list[int] = []
        self._offsets: dict[int, int] = {}  # id(doc) -> chunk offset
        for offset, doc in parsed.chunks:
            self._offsets[id(doc)] = offset
            for tok in doc:
                if not tok.is_space:
                    self.tokens.append(tok)
                    self.starts.append(offset + tok.idx)

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

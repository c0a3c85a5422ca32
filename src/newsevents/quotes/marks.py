"""Find quoted stretches of text from quotation marks alone (no parse).

Handles straight and curly, double and single marks; tells apostrophes (Turkey's,
can't, leaders') from single quote marks; pairs marks inside a paragraph; and joins a
quotation that runs over several paragraphs the news way: each continued paragraph
opens with a new mark and the earlier one has no closing mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE_OPEN = "\u201c\u201e\u00ab"  # “ „ «
DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
DOUBLE_AMBIGUOUS = '"\u201f'  # " ‟ (not ″, a double prime for inches and seconds)
SINGLE_OPEN = "\u2018\u201a\u2039"  # ‘ ‚ ‹
SINGLE_CLOSE = "\u2019\u203a"  # ’ ›
SINGLE_AMBIGUOUS = "'"
# every mark of one kind: a paragraph's characters are scanned by the regex engine, and only
# the marks are walked in Python
DOUBLE_MARKS = re.compile(f"[{re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_AMBIGUOUS)}]")
SINGLE_MARKS = re.compile(f"[{re.escape(SINGLE_OPEN + SINGLE_CLOSE + SINGLE_AMBIGUOUS)}]")
OPENERS_BEFORE = "([{<\u2014\u2013-/:"  # a quote may open right after these
CLOSERS_AFTER = ".,;:!?)]}>\u2014\u2013-/\u2026"  # a quote may close right before these
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_AMBIGUOUS + SINGLE_OPEN + SINGLE_CLOSE + "'"


@dataclass
class QuotedSpan:
    """One quotation: content offsets (inside the marks) and the marks' positions."""

    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None if the paragraph ended first
    pieces: list[tuple[int, int]] = field(default_factory=list)  # content per paragraph
    double: bool = True

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    @property
    def outer_end(self) -> int:
        """Offset just after the closing mark (or the content end when unclosed)."""
        return self.close_mark + 1 if self.close_mark is not None else self.end

    def text(self, doc_text: str) -> str:
        """The quoted words; continuation marks between paragraphs are left out."""
        out = doc_text[self.pieces[0][0] : self.pieces[0][1]]
        for (_, prev_end), (start, end) in zip(self.pieces, self.pieces[1:], strict=False):
            gap = doc_text[prev_end:start]
            out += re.sub(r"\S", "", gap) + doc_text[start:end]
        return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph.

    Lines are paragraphs, except in hard-wrapped text (blank-line separated blocks of
    short lines), where a paragraph is a block.
    """
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    lines = [(s, e) for s, e in lines if text[s:e].strip()]
    if len(lines) >= 6 and "\n\n" in text:
        widths = [e - s for s, e in lines]
        wrapped = sum(50 <= w <= 80 for w in widths) / len(widths) >= 0.7
        if wrapped:
            return [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]
    return lines


def _can_open(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (
        (before.isspace() or before in OPENERS_BEFORE or before in ALL_MARKS)
        and not after.isspace()
        and after not in CLOSERS_AFTER.replace("-", "").replace("\u2026", "")
    )


def _can_close(text: str, i: int, end: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    return (not before.isspace()) and (
        after.isspace() or after in CLOSERS_AFTER or after in ALL_MARKS or not after.isalnum()
    )


def _is_apostrophe(text: str, i: int) -> bool:
    """Turkey's, can't, O'Brien: a letter on both sides; '90s: a digit after an elision."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    return bool(re.match(r"\d\ds\b", text[i + 1 : i + 4]))


def _plural_possessive(text: str, i: int, end: int) -> bool:
    """A single mark after -s and before a word (workers' rights) when a later mark after
    punctuation can close the quote instead."""
    if text[i - 1] not in "sSzZ" or not re.match(r" [A-Za-z]", text[i + 1 : i + 3]):
        return False
    return bool(re.search(r"[,.!?;:]['\u2019]", text[i + 1 : end]))


def _spaced_close(text: str, i: int, start: int) -> bool:
    """A straight double mark with a space on each side closes an open quotation when the
    words before it end with punctuation or a single closing mark (``the word 'fair,' " she
    said``): an opening mark is glued to the word after it."""
    if text[i] not in DOUBLE_AMBIGUOUS or i + 1 >= len(text) or not text[i + 1].isspace():
        return False
    j = i - 1
    while j > start and text[j] in " \t":
        j -= 1
    return j < i - 1 and text[j] in ".,!?;:'\u2019"


# a quoted transcript paragraph that opens with a speaker label ("ROE:", "SEN. ROE:") or a
# stage note ("(CROSSTALK)", "(APPLAUSE.)") is a new turn, not the continuation of the last
TURN_OPENING = re.compile(
    r"(?:[A-Z][A-Z.'\-]*[ \t\u00a0]+){0,3}[A-Z][A-Z.'\-]+:|\([A-Z][A-Z ]+\.?\)"
)


def _new_turn(text: str, content_start: int) -> bool:
    return TURN_OPENING.match(text, content_start) is not None


def _open_turn(text: str, mark: int) -> bool:
    """A straight mark that opens a quoted transcript turn ('"ROE: ...'): curly marks after
    it are nested in the turn."""
    return text[mark] in DOUBLE_AMBIGUOUS and _new_turn(text, _first_non_space(text, mark + 1))


def _stage_note(text: str, span: QuotedSpan) -> bool:
    """A quoted transcript paragraph that is only a stage note, "(CROSSTALK.)": no one's words."""
    return (
        len(span.pieces) == 1
        and TURN_OPENING.fullmatch(text, span.start, span.end) is not None
        and text[span.start] == "("
    )


def _pair(text: str, start: int, end: int, double: bool) -> list[tuple[int, int | None]]:
    """Pair the marks of one kind in a paragraph; an unclosed last opening gets None."""
    opens, closes, amb = (
        (DOUBLE_OPEN, DOUBLE_CLOSE, DOUBLE_AMBIGUOUS)
        if double
        else (SINGLE_OPEN, SINGLE_CLOSE, SINGLE_AMBIGUOUS)
    )
    pairs: list[tuple[int, int | None]] = []
    current: int | None = None
    nested = False  # inside curly marks nested in an open straight quotation
    for found in (DOUBLE_MARKS if double else SINGLE_MARKS).finditer(text, start, end):
        i = found.start()
        ch = text[i]
        if nested:
            nested = ch not in closes
            continue
        if current is not None and ch in opens and double and _open_turn(text, current):
            nested = True  # '"ROE: It is like “Shark Tank.” Now ...': the turn stays open
            continue
        if not double and _is_apostrophe(text, i):
            continue
        can_open, can_close = _can_open(text, i, start), _can_close(text, i, end)
        if not double and current is not None and can_close and _plural_possessive(text, i, end):
            continue  # 'The workers' rights matter,' she said

        if not (can_open or can_close) and current is not None and _spaced_close(text, i, start):
            can_close = True  # 'the term 'outreach,' " he said': a space before the mark
        if can_open and can_close:  # glued on both sides: trust a curly mark's direction
            can_open, can_close = ch not in closes, ch not in opens
        if current is None:
            if can_open or (double and not can_close and ch in opens):
                current = i
        elif can_close or (ch in closes and not can_open):
            pairs.append((current, i))
            current = None
        elif can_open and double and ch in opens and _curly_nested(text, current, i, end):
            nested = True  # '“She said “no” twice,” Roe said': a quotation inside this one
        elif can_open:  # a second opening: the first one was never closed
            current = i
    if current is not None:
        pairs.append((current, None))
    return pairs


def _curly_nested(text: str, current: int, i: int, end: int) -> bool:
    """A curly opening inside an open curly quotation is a quotation nested in it when the
    paragraph closes both before it opens again: '“He calls it “fair” and I do not.”'."""
    if text[current] not in DOUBLE_OPEN:
        return False
    closes = 0
    for ch in text[i + 1 : end]:
        if ch in DOUBLE_OPEN or ch in DOUBLE_AMBIGUOUS:
            return False
        if ch in DOUBLE_CLOSE:
            closes += 1
            if closes == 2:
                return True
    return False


def _content(text: str, open_mark: int, close_mark: int | None, para_end: int) -> tuple[int, int]:
    s = open_mark + 1
    e = close_mark if close_mark is not None else para_end
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every outermost quotation in ``text``, in order, with paragraph continuations joined."""
    # wire copy writes ``quotes like this''; same-length curly marks keep every offset
    text = text.replace("``", " \u201c").replace("''", "\u201d ")
    spans: list[QuotedSpan] = []
    paras = paragraphs(text)
    for double in (True, False):
        carry: QuotedSpan | None = None  # an unclosed quote waiting for its continuation
        for p_start, p_end in paras:
            opened_here = False
            for k, (o, c) in enumerate(_pair(text, p_start, p_end, double)):
                content = _content(text, o, c, p_end)
                if content[0] >= content[1]:
                    continue
                continuing = (
                    k == 0
                    and carry is not None
                    and o == _first_non_space(text, p_start)
                    and not _new_turn(text, content[0])
                )
                if carry is not None and continuing:
                    carry.pieces.append(content)
                    carry.close_mark = c
                    span, carry = carry, None
                else:
                    if carry is not None:
                        spans.append(carry)
                        carry = None
                    span = QuotedSpan(o, c, [content], double)
                if c is None:
                    carry, opened_here = span, True
                else:
                    spans.append(span)
            if carry is not None and not opened_here:
                spans.append(carry)  # the next paragraph did not continue it
                carry = None
        if carry is not None:
            spans.append(carry)
    spans = [
        s for s in spans if (s.double or s.close_mark is not None) and not _stage_note(text, s)
    ]
    spans.sort(key=lambda s: (s.open_mark, -s.end))
    outer: list[QuotedSpan] = []
    for s in spans:  # drop quotes nested inside an earlier quote
        if outer and s.open_mark < outer[-1].outer_end:
            continue
        outer.append(s)
    return outer


def _first_non_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i

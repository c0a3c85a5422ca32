"""Decoding and validation: bytes -> text, and the checks a document must pass."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsevents.config import default
from newsevents.models import Article, Rejection

# spaCy's own max_length; longer is rejected, not parsed (the max_doc_chars setting)
DEFAULT_MAX_DOC_CHARS = default("max_doc_chars")


@dataclass
class IngestConfig:
    max_doc_chars: int = DEFAULT_MAX_DOC_CHARS
    check_language: bool = True  # reject documents in an unsupported language
    language: str | None = None  # code every document in this language (--language)
    default_date: str | None = None  # publication date given by the user for undated input
    min_words: int = 3  # fewer words than this is not an article (e.g. HTML junk)


class DecodeError(ValueError):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f]")
_VALID_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode document bytes; returns (text, encoding) or raises DecodeError(reason, detail).

    UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read as
    such. Other bytes are decoded with a legacy encoding (Windows-1252 first, then the one a
    detector names) only when the result is clean text (:func:`clean_text_problem`); the
    caller records the encoding on the document. Anything else is rejected (``encoding``):
    a guess that yields mojibake would be coded as if it were the text."""
    if not data.strip():
        raise DecodeError("empty", "document is empty")
    head = data[:8192]
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in head and not utf16:
        raise DecodeError("binary", "document contains NUL bytes (binary file)")
    if len(_CONTROL.findall(head)) > max(8, len(head) // 100) and not utf16:
        raise DecodeError("binary", "document is mostly control characters (binary file)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    where = f"invalid UTF-8 at byte {utf8_error.start}: {data[utf8_error.start : utf8_error.start + 4]!r}"
    if utf16:
        return _decode_checked(data, ["utf-16"], where)
    # Real UTF-8 sequences mixed with invalid ones is corrupt UTF-8, not a legacy encoding.
    if _VALID_UTF8_MULTIBYTE.search(data):
        raise DecodeError("encoding", where)
    # English-language news in a legacy encoding is nearly always Windows-1252; a detector on
    # short texts guesses exotic code pages instead, so try it first.
    candidates = ["cp1252"]
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding not in candidates:
        candidates.append(best.encoding)
    return _decode_checked(data, candidates, where)


def _decode_checked(data: bytes, encodings: list[str], where: str) -> tuple[str, str]:
    """The first of ``encodings`` that decodes ``data`` into clean text, or DecodeError."""
    problems = []
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            problems.append(f"{encoding}: does not decode")
            continue
        problem = clean_text_problem(text)
        if problem is None:
            return text.removeprefix("\ufeff"), encoding
        problems.append(f"{encoding}: {problem}")
    raise DecodeError("encoding", f"{where}; no encoding gives clean text ({'; '.join(problems)})")


_WORD_RUN = re.compile(r"[^\W\d_]+")
# Non-ASCII characters other than letters that prose in a legacy encoding holds: typographic
# quotes and dashes, spaces, currency, and a few signs; the rest (¤ ¦ ¨ ¬ ¯ ´ ¸ ...) is what
# random or mis-decoded bytes turn into.
_PROSE_SIGNS = set("©®°±×÷·§¶ªº¹²³¼½¾µ")
_PROSE_CATEGORIES = {"Pd", "Pi", "Pf", "Ps", "Pe", "Po", "Zs", "Sc"}
_MIN_EVIDENCE_WORDS = 3


def clean_text_problem(text: str) -> str | None:
    """Why a decoded text does not read as prose, or None when it does.

    A text is clean when it has no control characters (besides tab, newline, carriage return,
    form feed) nor unassigned, private-use or presentation-form characters; its non-ASCII
    characters other than letters are punctuation, spaces, currency or common signs; each word
    keeps to one script, and a Latin word of two letters or more holds an ASCII letter
    ("Zürich", "habló" are clean; "ÿþÃ", "Ïðèâåò" are Latin-1 readings of other bytes); and it
    has at least three words, enough to tell."""
    import unicodedata

    text = text.removeprefix("\ufeff")
    for ch in set(text):
        if ch.isascii():
            if ord(ch) < 32 and ch not in "\t\n\r\f":
                return f"control character U+{ord(ch):04X}"
            continue
        category = unicodedata.category(ch)
        if category[0] == "C":
            return f"control, unassigned or private-use character U+{ord(ch):04X}"
        if category[0] in "LM":
            if "PRESENTATION FORM" in unicodedata.name(ch, "") or ch in "\ufffd":
                return f"presentation-form character U+{ord(ch):04X}"
            continue
        if category not in _PROSE_CATEGORIES and ch not in _PROSE_SIGNS:
            return f"unexpected character {ch!r}"
    words = _WORD_RUN.findall(text)
    if sum(len(w) >= 2 for w in words) < _MIN_EVIDENCE_WORDS:
        return "too few words to tell"
    for word in set(words):
        if word.isascii():
            continue
        scripts = {unicodedata.name(ch, "?").split()[0] for ch in word if ch.isalpha()}
        if len(scripts) > 1:
            return f"word mixes scripts: {word!r}"
        if scripts == {"LATIN"} and len(word) >= 2 and not any(ch.isascii() for ch in word):
            return f"Latin word without an ASCII letter: {word!r}"
    return None


_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def count_letters(text: str) -> int:
    """How many characters of ``text`` are letters (``str.isalpha``): the ASCII ones counted
    in bytes, only the few others ("é", "ß", "’") one by one (a third of the time of testing
    every character)."""
    ascii_part = text.encode("ascii", "ignore")
    letters = len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS))
    if len(ascii_part) < len(text):
        letters += sum(ch.isalpha() for run in _NON_ASCII_RUN.findall(text) for ch in run)
    return letters


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return len(re.findall(r"</?(p|div|span|a|br|body|head|script|td|li)\b", head)) >= 5


def validate(article: Article, config: IngestConfig) -> Rejection | None:
    """The reason an article cannot be processed, or None when it is fine."""
    text = article.text
    if not text or not text.strip():
        return Rejection(article.id, "empty", "no text after reading", article.path)
    if len(text) > config.max_doc_chars:
        return Rejection(
            article.id,
            "too_long",
            f"{len(text):,} characters > limit {config.max_doc_chars:,} (--max-chars)",
            article.path,
        )
    n_words = len(text.split())
    if n_words < config.min_words:
        return Rejection(
            article.id, "too_short", f"{n_words} words < minimum {config.min_words}", article.path
        )
    letters = count_letters(text[:5000])
    if letters < 0.3 * min(len(text), 5000):
        return Rejection(
            article.id, "no_text", "document has too few letters to be prose", article.path
        )
    from newsevents.languages.route import route

    return route(article, config.language, config.check_language)

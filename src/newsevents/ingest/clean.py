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
    """Decode document bytes; returns (text, encoding) or raises DecodeError(reason, detail)."""
    if not data.strip():
        raise DecodeError("empty", "document is empty")
    head = data[:8192]
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        raise DecodeError("binary", "document contains NUL bytes (binary file)")
    if len(_CONTROL.findall(head)) > max(8, len(head) // 100):
        raise DecodeError("binary", "document is mostly control characters (binary file)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    # Real UTF-8 sequences mixed with invalid ones is corrupt UTF-8, not a legacy encoding.
    if _VALID_UTF8_MULTIBYTE.search(data):
        raise DecodeError(
            "encoding",
            f"invalid UTF-8 at byte {utf8_error.start}: {data[utf8_error.start : utf8_error.start + 4]!r}",
        )
    # English-language news in a legacy encoding is nearly always Windows-1252; a detector on
    # short texts guesses exotic code pages instead, so try it first.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("encoding", f"not UTF-8 and no known encoding fits ({utf8_error})")
    return str(best), best.encoding


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return len(re.findall(r"</?(p|div|span|a|br|body|head|script|td|li)\b", head)) >= 5


_WORD = re.compile(r"[^\W\d_]{2,}")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short to tell."""
    sample = text[:3000]
    if len(_WORD.findall(sample)) < 8:
        return None
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect is random without a seed
    try:
        langs = detect_langs(sample)
    except LangDetectException:
        return None
    return langs[0].lang if langs else None


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
    letters = sum(ch.isalpha() for ch in text[:5000])
    if letters < 0.3 * min(len(text), 5000):
        return Rejection(
            article.id, "no_text", "document has too few letters to be prose", article.path
        )
    from newsevents.languages.route import route

    return route(article, config.language, config.check_language)

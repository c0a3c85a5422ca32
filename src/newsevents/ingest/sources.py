"""Readers: plain text, JSON lines, JSON, HTML, folders and standard input."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsevents.ingest.clean import (
    DecodeError,
    IngestConfig,
    decode_bytes,
    looks_like_html,
    validate,
)
from newsevents.models import Article, Rejection

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | {".json"}

# An inline publication-date header: "date 2021-04-13" (optionally "date:"), at the very start.
_DATE_HEADER = re.compile(r"^\s*date\s*:?\s*(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_MAX_TITLE_CHARS = 200


def _normalise_date(value: Any) -> str | None:
    """ISO day from a JSON/HTML date field ('2021-04-13T10:00:00Z' -> '2021-04-13')."""
    if not value or not isinstance(value, str):
        return None
    m = _ISO_DATE.match(value.strip())
    if m:
        return m.group(1)
    import dateparser

    # A publication date names a day: "2024" or "May 2024" is no day (never Jan 1, never today).
    parsed = dateparser.parse(
        value, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date().isoformat() if parsed else None


def _blank(text: str, start: int, end: int) -> str:
    """``text`` with ``[start, end)`` turned to spaces (newlines kept): same length, same offsets."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def read_text_document(text: str, doc_id: str, path: str | None = None) -> Article:
    """A plain-text article: optional ``date YYYY-MM-DD`` header, optional title line."""
    date = None
    m = _DATE_HEADER.match(text)
    if m:
        # Blanked, not cut: every offset still indexes the text as given.
        date = m.group(1)
        text = _blank(text, 0, m.end())
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    title = None
    first, sep, rest = text.lstrip().partition("\n")
    first = first.strip()
    # A title line is short, has no sentence-final punctuation and is followed by more text.
    if (
        sep
        and rest.strip()
        and 0 < len(first) <= _MAX_TITLE_CHARS
        and not first.endswith((".", '"', "”", ":"))
    ):
        title = first
    return Article(
        id=doc_id, text=text, title=title, date=date, path=path, title_in_text=title is not None
    )


def read_html(text: str, doc_id: str, path: str | None) -> Article:
    """An HTML page: main text, title, date, URL and site name by trafilatura."""
    import trafilatura

    body = trafilatura.extract(text, include_comments=False, include_tables=False) or ""
    # Not the extensive date search: it takes a footer's "© 2024" for a publication date.
    meta = trafilatura.extract_metadata(text, extensive=False)
    title = meta.title if meta else None
    date = _normalise_date(meta.date) if meta and meta.date else None
    url = meta.url if meta else None
    source = meta.sitename if meta else None
    full = f"{title}\n{body}" if title and body and not body.startswith(title) else body
    return Article(
        id=doc_id,
        text=full,
        title=title,
        date=date,
        url=url,
        source=source,
        path=path,
        title_in_text=bool(title and body),
    )


def _article_from_record(record: Any, default_id: str, path: str | None) -> Article | Rejection:
    if not isinstance(record, dict):
        return Rejection(default_id, "bad_json", "a JSON line must be an object", path)
    doc_id = str(record.get("id") or default_id)
    text = record.get("text")
    if not isinstance(text, str):
        return Rejection(doc_id, "no_text", "record has no 'text' string", path)
    title = record.get("title") if isinstance(record.get("title"), str) else None
    if looks_like_html(text):
        article = read_html(text, doc_id, path)
        title = title or article.title
        text = article.text
    # The record's "text" is the text as given (offsets index it): a title that is not its
    # first line stays in ``title`` only.
    title_in_text = bool(title) and text.lstrip().startswith(title)
    return Article(
        id=doc_id,
        text=text,
        title=title,
        date=_normalise_date(record.get("date")),
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        source=record.get("source") if isinstance(record.get("source"), str) else None,
        path=path,
        title_in_text=title_in_text,
        language=record.get("language") if isinstance(record.get("language"), str) else None,
    )


def _read_jsonl(data: bytes, file_id: str, path: str) -> Iterator[Article | Rejection]:
    for n, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        default_id = f"{file_id}:{n}"
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as e:
            yield Rejection(default_id, "encoding", f"line {n}: invalid UTF-8 ({e.reason})", path)
            continue
        except json.JSONDecodeError as e:
            yield Rejection(default_id, "bad_json", f"line {n}: {e.msg} at column {e.colno}", path)
            continue
        yield _article_from_record(record, default_id, path)


def _read_bytes(data: bytes, suffix: str, file_id: str, path: str) -> Iterator[Article | Rejection]:
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(data, file_id, path)
        return
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as e:
        yield Rejection(file_id, e.reason, e.detail, path)
        return
    for doc in _read_decoded(text, suffix, file_id, path):
        if isinstance(doc, Article):
            doc.encoding = encoding
        yield doc


def _read_decoded(text: str, suffix: str, file_id: str, path: str) -> Iterator[Article | Rejection]:
    if suffix == ".json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            yield Rejection(file_id, "bad_json", f"{e.msg} at line {e.lineno}", path)
            return
        records = obj if isinstance(obj, list) else [obj]
        for i, record in enumerate(records, 1):
            yield _article_from_record(
                record, file_id if len(records) == 1 else f"{file_id}:{i}", path
            )
    elif suffix in HTML_SUFFIXES or looks_like_html(text):
        yield read_html(text, file_id, path)
    else:
        yield read_text_document(text, file_id, path)


def _iter_files(path: Path) -> Iterator[tuple[Path, str] | Rejection]:
    """Every readable file of an input with its document id: the path relative to the input
    folder (``a/report.txt``), or the file name when the input is a file. A folder that cannot
    be listed is a rejection (``unreadable``), never skipped without a word."""
    if not path.is_dir():
        yield path, path.name
        return
    errors: list[OSError] = []

    def unreadable(e: OSError) -> Rejection:
        where = Path(e.filename or path)
        rel = where.relative_to(path).as_posix() if where != path else path.name
        return Rejection(rel + "/", "unreadable", f"cannot list folder: {e}", str(where))

    for folder, dirs, files in os.walk(path, onerror=errors.append):
        while errors:
            yield unreadable(errors.pop(0))
        dirs.sort()
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in sorted(files):
            child = Path(folder) / name
            if not name.startswith(".") and child.suffix.lower() in KNOWN_SUFFIXES:
                yield child, child.relative_to(path).as_posix()
    for e in errors:  # an error on the last folder listed
        yield unreadable(e)


def _read_stdin() -> Iterator[Article | Rejection]:
    data = sys.stdin.buffer.read()
    first = data.lstrip()[:1]
    suffix = ".jsonl" if first == b"{" else ".txt"
    yield from _read_bytes(data, suffix, "stdin", "-")


def read_sources(
    inputs: Iterable[str | Path | Article | Rejection], config: IngestConfig | None = None
) -> Iterator[Article | Rejection]:
    """Every document of the given paths ('-' is standard input), validated, in order.

    An input may also be an :class:`Article` already read (``newsevents follow`` fetches
    pages itself) or a :class:`Rejection`; articles are validated like the rest."""
    config = config or IngestConfig()
    ids_from: dict[str, Path] = {}  # file-derived id -> the file it came from, in this run
    for item in inputs:
        if isinstance(item, Article | Rejection):
            produced: Iterable[Article | Rejection] = [item]
        elif str(item) == "-":
            produced = _read_stdin()
        else:
            path = Path(item)
            if not path.exists():
                yield Rejection(
                    str(item), "not_found", f"no such file or directory: {item}", str(item)
                )
                continue
            produced = _read_tree(path, ids_from)
        for doc in produced:
            if isinstance(doc, Article):
                if doc.date is None and config.default_date:
                    doc.date = config.default_date
                rejection = validate(doc, config)
                yield rejection or doc
            else:
                yield doc


def _read_tree(path: Path, ids_from: dict[str, Path]) -> Iterator[Article | Rejection]:
    for item in _iter_files(path):
        if isinstance(item, Rejection):
            yield item
            continue
        f, doc_id = item
        yield from _read_file(f, _unique_id(doc_id, f, ids_from))


def _unique_id(doc_id: str, path: Path, ids_from: dict[str, Path]) -> str:
    """Two different files of one run never share an id: a second ``report.txt`` (given as a
    file beside another input's ``report.txt``) is named by its path as given."""
    first = ids_from.setdefault(doc_id, path)
    if first == path:
        return doc_id
    return path.as_posix()


def read_file(path: Path, doc_id: str) -> Iterator[Article | Rejection]:
    """The documents of one file under the given id (``watch`` names a file by its path
    inside the watched folder, as ``ingest`` of that folder would)."""
    yield from _read_file(path, doc_id)


def _read_file(path: Path, doc_id: str) -> Iterator[Article | Rejection]:
    try:
        data = path.read_bytes()
    except OSError as e:
        yield Rejection(doc_id, "unreadable", str(e), str(path))
        return
    yield from _read_bytes(data, path.suffix.lower(), doc_id, str(path))

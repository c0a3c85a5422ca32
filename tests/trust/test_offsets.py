"""Issue 11 (7): every offset indexes the text as given, for every reader and the Python API."""

import io
import json
import sys

import pytest

import newsevents
from newsevents.ingest import read_sources
from newsevents.models import Article
from newsevents.nlp import parse_articles
from newsevents.pipeline import process_parsed

pytestmark = pytest.mark.issue(11)

BODY = (
    "Turkish Foreign Minister Mevlut Cavusoglu met US Secretary of State Antony Blinken in "
    'Ankara on Monday. "We had a useful meeting," Cavusoglu told reporters on Tuesday.'
)
RAW = "date 2021-04-13\nMinisters meet in Ankara\n" + BODY


def _spans(x):
    for e in x.events:
        yield e.trigger
        yield {"text": e.sentence, "start": e.sentence_start, "end": e.sentence_end}
        for actor in (e.source, e.target):
            if actor is not None and actor.start is not None:
                yield {"text": actor.text, "start": actor.start, "end": actor.end}
    for q in x.quotes:
        yield {"text": q.quote, "start": q.start, "end": q.end}
    for t in x.times:
        yield {"text": t.text, "start": t.start, "end": t.end}


def _check(given: str, x) -> None:
    spans = list(_spans(x))
    assert x.events and x.quotes and x.times, "the test text must yield events, quotes, times"
    for span in spans:
        assert given[span["start"] : span["end"]] == span["text"], span


def test_python_api_offsets_index_the_string_passed(nlp):
    result = newsevents.extract(RAW, doc_id="t")
    assert result.article.date == "2021-04-13"
    _check(RAW, result)


def _extract(doc, nlp):
    assert isinstance(doc, Article), doc
    return process_parsed(next(parse_articles([doc], nlp)))


def test_text_file_offsets_index_the_decoded_file(tmp_path, nlp):
    p = tmp_path / "a.txt"
    p.write_bytes(b"\xef\xbb\xbf" + RAW.encode())  # with a byte-order mark
    [doc] = read_sources([p])
    _check(p.read_bytes().decode("utf-8-sig"), _extract(doc, nlp))


def test_jsonl_offsets_index_the_text_field_not_title_plus_text(tmp_path, nlp):
    p = tmp_path / "d.jsonl"
    p.write_text(json.dumps({"id": "j", "title": "Ministers meet", "text": BODY}) + "\n")
    [doc] = read_sources([p])
    assert doc.title == "Ministers meet"
    _check(BODY, _extract(doc, nlp))


def test_stdin_offsets_index_standard_input(monkeypatch, nlp):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RAW.encode())))
    [doc] = read_sources(["-"])
    _check(RAW, _extract(doc, nlp))


def test_html_offsets_index_the_stored_article_text(tmp_path, nlp):
    p = tmp_path / "a.html"
    p.write_text(
        "<html><head><title>Ministers meet</title></head><body><article>"
        f"<p>{BODY}</p><p>{BODY}</p></article></body></html>"
    )
    [doc] = read_sources([p])
    _check(doc.text, _extract(doc, nlp))

"""Readers: plain text (date header, title line), JSON lines, JSON, HTML, encodings, stdin."""

import io
import json
import sys

from newsevents.ingest import IngestConfig, read_sources
from newsevents.models import Article, Rejection

PROSE = (
    "The foreign ministers of France and Germany met in Paris on Tuesday to discuss the crisis. "
    "They agreed to send a joint delegation to the region next week, officials said."
)


def _one(paths, **config):
    docs = list(read_sources([str(p) for p in paths], IngestConfig(**config)))
    assert len(docs) == 1, docs
    return docs[0]


def test_text_reader_date_header(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(" date 2021-04-13 " + PROSE, encoding="utf-8")
    doc = _one([p])
    assert isinstance(doc, Article)
    assert doc.date == "2021-04-13" and doc.id == "a.txt"
    # issue 11: the header is blanked, not cut, so offsets index the file as given
    assert doc.text.lstrip().startswith("The foreign ministers")
    assert len(doc.text) == len(" date 2021-04-13 " + PROSE)


def test_text_reader_title_line(tmp_path):
    p = tmp_path / "b.txt"
    p.write_text("Ministers meet in Paris\n" + PROSE, encoding="utf-8")
    doc = _one([p])
    assert doc.title == "Ministers meet in Paris" and doc.title_in_text and doc.date is None


def test_examples_folder_reads_both(examples_dir):
    docs = list(read_sources([examples_dir]))
    assert {d.id for d in docs} == {
        "2021-04-13_turkey_us_afghan_peace.txt",
        "khalilzad_turkey_qatar.txt",
    }
    assert all(isinstance(d, Article) for d in docs)


def test_jsonl_reader_fields_and_broken_line(tmp_path):
    p = tmp_path / "docs.jsonl"
    good = {
        "id": "x1",
        "text": PROSE,
        "title": "Paris talks",
        "date": "2020-02-03T10:00:00Z",
        "url": "http://example.org/x1",
        "source": "Wire",
    }
    p.write_text(
        json.dumps(good) + "\n{broken json\n" + json.dumps({"id": "x2"}) + "\n", encoding="utf-8"
    )
    docs = list(read_sources([p]))
    assert isinstance(docs[0], Article)
    assert (docs[0].id, docs[0].date, docs[0].source, docs[0].title) == (
        "x1",
        "2020-02-03",
        "Wire",
        "Paris talks",
    )
    assert docs[0].text == PROSE  # issue 11: the text as given; the title stays in .title
    assert (
        isinstance(docs[1], Rejection)
        and docs[1].reason == "bad_json"
        and "line 2" in docs[1].detail
    )
    assert isinstance(docs[2], Rejection) and docs[2].reason == "no_text"


def test_html_reader_main_text_and_date(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Paris talks</title><meta property='article:published_time' content='2019-05-06'>"
        "</head><body><nav>Home | Sport | Weather</nav><article><h1>Paris talks</h1>"
        f"<p>{PROSE}</p><p>{PROSE}</p></article><footer>Cookie policy</footer></body></html>",
        encoding="utf-8",
    )
    doc = _one([p])
    assert isinstance(doc, Article)
    assert "foreign ministers" in doc.text and "Cookie policy" not in doc.text
    assert doc.date == "2019-05-06"


def test_legacy_encoding_is_decoded(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes(("Café owners in Zürich protested on Monday. " + PROSE).encode("cp1252"))
    doc = _one([p])
    assert isinstance(doc, Article) and "Zürich" in doc.text


def test_stdin_jsonl(monkeypatch):
    data = json.dumps({"id": "s1", "text": PROSE}).encode() + b"\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs = list(read_sources(["-"]))
    assert [d.id for d in docs] == ["s1"]


def test_missing_path_is_reported(tmp_path):
    doc = _one([tmp_path / "nope.txt"])
    assert isinstance(doc, Rejection) and doc.reason == "not_found"


def test_default_date_applies_to_undated(tmp_path):
    p = tmp_path / "c.txt"
    p.write_text(PROSE, encoding="utf-8")
    assert _one([p], default_date="2020-01-01").date == "2020-01-01"

"""Issue 11 (4): bytes that are not UTF-8 are decoded only when a legacy encoding gives clean
text, and the document says which; otherwise the document is rejected (``encoding``), never
stored as mojibake. Also: ``documents()`` lists current versions unless asked for all."""

import pytest

from newsevents.ingest import read_sources
from newsevents.ingest.clean import DecodeError, clean_text_problem, decode_bytes
from newsevents.models import Article, Rejection

pytestmark = pytest.mark.issue(11)

PROSE = "The harbour council of Velmora voted on Thursday to close the old ferry pier for repairs. "


def _one(tmp_path, name: str, data: bytes):
    (tmp_path / name).write_bytes(data)
    (doc,) = read_sources([tmp_path / name])
    return doc


def test_invalid_utf8_that_reads_as_mojibake_is_rejected(tmp_path):
    doc = _one(tmp_path, "odd.txt", PROSE.encode() + b"\xff\xfe\xc3(" + PROSE.encode())
    assert isinstance(doc, Rejection) and doc.reason == "encoding"
    assert "byte" in doc.detail and "clean text" in doc.detail


def test_windows_1252_prose_is_decoded_and_says_so(tmp_path):
    text = (
        "The caf\u00e9 owners\u2019 union in Br\u00fcgge protested \u2013 loudly \u2013 on Monday. "
    )
    doc = _one(tmp_path, "legacy.txt", (text + PROSE).encode("cp1252"))
    assert isinstance(doc, Article)
    assert doc.text.startswith(text) and doc.encoding == "cp1252"


def test_utf8_and_utf16_documents_say_so(tmp_path):
    assert _one(tmp_path, "u8.txt", PROSE.encode()).encoding == "utf-8"
    doc = _one(tmp_path, "u16.txt", PROSE.encode("utf-16"))
    assert isinstance(doc, Article) and doc.encoding == "utf-16" and doc.text == PROSE


def test_a_detected_encoding_is_used_when_windows_1252_gives_no_clean_text():
    cyrillic = "Городской совет проголосовал в четверг за ремонт старого причала."
    text, encoding = decode_bytes(cyrillic.encode("cp1251"))
    assert (text, encoding) == (cyrillic, "cp1251")


def test_too_little_text_to_trust_a_guess_is_rejected():
    with pytest.raises(DecodeError) as e:
        decode_bytes(b"\xe9t\xe9")
    assert e.value.reason == "encoding"


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("The envoy\u2019s caf\u00e9 visit cost \u20ac40 \u2014 officials said.", True),
        ("El alcalde habl\u00f3 con los vecinos de la plaza el martes.", True),
        ("The pier \u00ff\u00fe\u00c3 was closed by the harbour council.", False),  # Latin-1 junk
        ("The pier was closed by the council \u00a4\u00a6\u00a8 today.", False),  # odd signs
        ("The pier was closed by the council\x85 today.", False),  # C1 control
        ("The pier was closed by Vel\u043cora council.", False),  # Latin + Cyrillic in a word
    ],
)
def test_clean_text_rule(text, clean):
    assert (clean_text_problem(text) is None) is clean


def test_store_keeps_the_encoding_and_lists_current_versions(tmp_path):
    from newsevents.store import Store
    from tests.store.records import make_extraction

    first = make_extraction("d1")
    first.article.encoding = "cp1252"
    with Store(tmp_path / "s.db") as store:
        store.add([first])
        store.add([make_extraction("d1", text=first.article.text + " Later.")])
        current = store.documents()
        every = store.documents(include_superseded=True)
    assert [d["id"] for d in current] == ["d1@v2"]
    assert [(d["id"], d["version"], d["encoding"]) for d in every] == [
        ("d1", 1, "cp1252"),
        ("d1@v2", 2, "utf-8"),
    ]


def test_api_documents_lists_current_versions_unless_asked(tmp_path):
    from fastapi.testclient import TestClient

    from newsevents.server import create_app
    from newsevents.store import Store
    from tests.store.records import make_extraction

    db = tmp_path / "s.db"
    with Store(db) as store:
        store.add([make_extraction("d1")])
        store.add([make_extraction("d1", text=make_extraction().article.text + " Later.")])
    with TestClient(create_app(db)) as client:
        ids = lambda q: [d["id"] for d in client.get("/api/documents" + q).json()["documents"]]  # noqa: E731
        assert ids("") == ["d1@v2"]
        assert ids("?all_versions=true") == ["d1", "d1@v2"]

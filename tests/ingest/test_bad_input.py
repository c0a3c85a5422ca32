"""Bad documents are rejected with a reason; the batch goes on."""

from newsevents.ingest import IngestConfig, read_sources
from newsevents.models import Article, Rejection

PROSE = "Officials from both countries met in the capital on Monday and agreed to continue the talks next month. "


def _by_id(tmp_path, files: dict[str, bytes], **config):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return {d.id: d for d in read_sources([tmp_path], IngestConfig(**config))}


def test_bad_documents_rejected_with_reasons_and_batch_goes_on(tmp_path):
    docs = _by_id(
        tmp_path,
        {
            "good.txt": PROSE.encode(),
            "empty.txt": b"   \n",
            "binary.txt": bytes(range(256)) * 20,
            "badutf8.txt": "Ministers met in Kabul — talks".encode()
            + b"\xff\xfe\xc3("
            + PROSE.encode(),
            "german.txt": (
                "Die Außenminister beider Länder trafen sich am Montag in Berlin und "
                "vereinbarten, die Gespräche im nächsten Monat fortzusetzen. "
            ).encode()
            * 3,
            "junk.html": b"<html><body><div><script>var a=1;</script><span></span><a href='#'>x</a><br><br></div></body></html>",
        },
    )
    assert isinstance(docs["good.txt"], Article)
    reasons = {k: v.reason for k, v in docs.items() if isinstance(v, Rejection)}
    assert reasons == {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "badutf8.txt": "encoding",
        "german.txt": "language_unsupported",
        "junk.html": "too_short",
    }
    assert all(docs[k].detail for k in reasons)


def test_five_megabyte_document_rejected_as_too_long(tmp_path):
    docs = _by_id(tmp_path, {"huge.txt": (PROSE * 50_000).encode()})
    assert len(PROSE) * 50_000 > 5_000_000
    assert docs["huge.txt"].reason == "too_long" and "limit" in docs["huge.txt"].detail


def test_limit_is_configurable(tmp_path):
    docs = _by_id(tmp_path, {"doc.txt": (PROSE * 20).encode()}, max_doc_chars=100)
    assert docs["doc.txt"].reason == "too_long"


def test_language_check_can_be_disabled(tmp_path):
    text = (
        "Die Außenminister beider Länder trafen sich am Montag in Berlin und vereinbarten Gespräche. "
        * 3
    )
    docs = _by_id(tmp_path, {"de.txt": text.encode()}, check_language=False)
    assert isinstance(docs["de.txt"], Article)

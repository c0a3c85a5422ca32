"""Near-duplicate articles (wire copies) are linked to the first copy and not coded twice."""

from pathlib import Path

from newsevents.corpus import split_duplicates
from newsevents.ingest.dedupe import DuplicateIndex, from_hex, signature, similarity, to_hex
from newsevents.models import Article
from newsevents.store import Store

STORY = (
    Path(__file__).resolve().parents[2] / "examples" / "2021-04-13_turkey_us_afghan_peace.txt"
).read_text()
OTHER = (
    "The central bank raised interest rates by half a point on Thursday to fight inflation, "
    "surprising markets that had expected a smaller move, the governor told reporters. "
) * 3


def test_dedupe_signature_similarity_separates_copies_from_other_stories():
    copy = STORY.replace("crucial", "key") + " (Additional reporting by a wire service.)"
    assert similarity(signature(STORY), signature(copy)) >= 0.8
    assert similarity(signature(STORY), signature(OTHER)) < 0.2


def test_dedupe_signature_round_trips_hex():
    sig = signature(STORY)
    assert (from_hex(to_hex(sig)) == sig).all()


def test_dedupe_split_in_run_and_against_store(tmp_path):
    a = Article("a", STORY)
    b = Article("b", STORY + " Updated.")
    c = Article("c", OTHER)
    fresh, copies = split_duplicates([a, b, c], DuplicateIndex())
    assert [x.id for x in fresh] == ["a", "c"] and [(x.id, x.duplicate_of) for x in copies] == [
        ("b", "a")
    ]

    from newsevents.models import Extraction

    with Store(tmp_path / "s.db") as store:
        store.add([Extraction(article=a)])
        d = Article("d", STORY.replace("Monday", "Tuesday", 1))
        fresh, copies = split_duplicates([d], DuplicateIndex(), store)
        assert not fresh and copies[0].duplicate_of == "a"

"""Synthetic corpora and garbage batches for load and reliability runs."""

from collections import Counter

from bench.helpers.corpus import read_sources_dir, recombine, split_sentences
from bench.helpers.garbage import write_batch

from newsevents.ingest import read_sources
from newsevents.models import Article


def test_split_sentences_keeps_quotes_with_their_sentence():
    text = '"We will not attend," he said. Talks resume Monday. The U.N. agreed.'
    assert split_sentences(text) == [
        '"We will not attend," he said.',
        "Talks resume Monday.",
        "The U.N. agreed.",
    ]


def test_recombine_is_deterministic_and_texts_differ(examples_dir):
    sources = read_sources_dir(examples_dir)
    assert len(sources) == 2
    a = list(recombine(sources, 30, seed=1))
    assert a == list(recombine(sources, 30, seed=1))
    assert len({r["id"] for r in a}) == 30
    assert len({r["text"] for r in a}) > 20
    source_sentences = {s for art in sources for p in art.paragraphs for s in p}
    for record in a[:5]:  # every sentence is a real one
        for para in record["text"].split("\n\n"):
            assert all(s in source_sentences for s in split_sentences(para))


def test_write_batch_expected_outcomes_match_ingest(tmp_path, examples_dir):
    sources = read_sources_dir(examples_dir)
    expected = write_batch(tmp_path, sources, 100, bad_fraction=0.1)
    assert len(expected) == 100
    assert Counter(v for v in expected.values() if v) == {
        "binary": 2,
        "empty": 2,
        "encoding": 2,
        "too_long": 2,
        "bad_json": 2,
    }
    got = {d.id: (None if isinstance(d, Article) else d.reason) for d in read_sources([tmp_path])}
    assert got == expected

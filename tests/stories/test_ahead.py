"""Storyline embeddings computed ahead on a thread (stories.ahead): the same store, no
embedding left for the storylines step, and every case that must not use the thread."""

from __future__ import annotations

import importlib
import sqlite3
from dataclasses import replace

import numpy as np
import pytest

from newsevents.config import Settings
from newsevents.runner import RunConfig, _embed_ahead, run
from newsevents.store import Store
from newsevents.stories.ahead import EmbedAhead, text_key
from newsevents.stories.cluster import embed_text

pytestmark = pytest.mark.issue(16)
# the module (the package exports a function of the same name)
cluster = importlib.import_module("newsevents.stories.cluster")

ARTICLES = {
    "harbour-1.txt": "Dockworkers in Valdoria struck at the northern harbour on Monday.\n"
    "The union said the strike would go on until wages rose.",
    "harbour-2.txt": "The Valdoria dockworkers' strike entered its third day at the harbour.\n"
    "Union leaders met the port authority on Wednesday without a deal.",
    "vote-1.txt": "Lawmakers in Ostria passed a budget after a night-long session.\n"
    "The opposition walked out before the final vote.",
}


def _ingest(tmp_path, name: str, **settings) -> tuple[list[tuple], list[int]]:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for file, text in ARTICLES.items():
        (folder / file).write_text(text, encoding="utf-8")
    embedded: list[int] = []
    real = cluster.embed_docs

    def counting(docs):  # what the storylines step still had to embed
        embedded.append(sum(d.embedding is None for d in docs))
        real(docs)

    config = RunConfig(settings=replace(Settings(), **settings))
    db = tmp_path / name
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cluster, "embed_docs", counting)
        with Store(db) as store:
            run([str(folder)], config, store=store)
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT d.id, d.story_id, s.emb, s.state FROM documents d"
        " JOIN story_state s ON s.id = d.story_id ORDER BY d.id"
    ).fetchall()
    con.close()
    return rows, embedded


def test_embeddings_ahead_give_the_same_stories_and_vectors_and_none_is_left(tmp_path):
    ahead, left = _ingest(tmp_path, "ahead.db", embed_ahead=True)
    plain, embedded = _ingest(tmp_path, "plain.db", embed_ahead=False)
    assert len(ahead) == len(ARTICLES)
    assert ahead == plain  # story ids, summed embeddings (bit for bit) and states
    assert sum(left) == 0  # the thread had embedded every document
    assert sum(embedded) == len(ARTICLES)


def test_vectors_are_those_of_the_plain_call_keyed_by_the_exact_text():
    from newsevents.stories.embed import embed

    pairs = [(None, "Rebels shelled the town overnight."), ("Talks", "Envoys met in a hotel.")]
    with EmbedAhead(Settings()) as ahead:
        ahead.submit(pairs)
        ahead.submit(pairs[:1])  # the same text again: embedded once
        vectors = ahead.vectors()
    texts = [embed_text(t, b) for t, b in pairs]
    assert set(vectors) == {text_key(t) for t in texts}
    expected = embed(texts)
    for text, vector in zip(texts, expected, strict=True):
        assert np.array_equal(vectors[text_key(text)], vector)
    assert text_key(texts[0] + " ") not in vectors


def test_a_failed_batch_is_left_to_the_storylines_step(monkeypatch):
    def broken(self, texts):
        raise RuntimeError("model unavailable")

    monkeypatch.setattr(EmbedAhead, "_embed", broken)
    ahead = EmbedAhead(Settings())
    ahead.submit([(None, "Police arrested two protesters.")])
    assert ahead.vectors() == {}


@pytest.mark.parametrize(
    ("store", "keep_text", "settings"),
    [
        (None, "full", {}),  # extract: no storylines
        ("store", "full", {"stories": False}),
        ("store", "full", {"embed_ahead": False}),
        ("store", "sentences", {}),  # the clusterer reads another text than the article's
        ("store", "full", {"n_process": 2}),  # spaCy's workers take the CPUs (and fork)
    ],
)
def test_no_thread_where_it_cannot_help(store, keep_text, settings):
    config = RunConfig(settings=replace(Settings(), **settings), keep_text=keep_text)
    assert _embed_ahead(store, config) is None


def test_a_thread_for_an_ingest_of_full_texts():
    assert isinstance(_embed_ahead("store", RunConfig(settings=Settings())), EmbedAhead)

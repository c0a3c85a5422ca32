"""Issue 16: spaCy batches bounded by characters, with the same parses as any other batching."""

import pytest

from newsevents.models import Article
from newsevents.nlp import parse_articles
from newsevents.nlp.pipeline import char_batches

pytestmark = pytest.mark.issue(16)

PARAGRAPHS = [
    "Rebels attacked a police post near the northern town on Monday, officials said.",
    "The interior minister said on Tuesday that the army would send more troops.",
    '"We will not negotiate with them," the minister told reporters in the capital.',
    "Farmers in the valley protested against new taxes outside the regional assembly.",
]


def _pieces(lengths):
    return [("x" * n, i) for i, n in enumerate(lengths)]


def test_char_batches_bound_count_and_characters():
    batches = list(char_batches(_pieces([40, 40, 40, 10, 100, 5]), batch_size=3, batch_chars=90))
    assert [[i for _, i in b] for b in batches] == [[0, 1], [2, 3], [4], [5]]
    for b in batches:
        assert len(b) <= 3
        assert len(b) == 1 or sum(len(t) for t, _ in b) <= 90
    # a piece longer than the bound goes alone, never dropped
    assert [[i for _, i in b] for b in char_batches(_pieces([500]), 8, 90)] == [[0]]
    assert [len(b) for b in char_batches(_pieces([1] * 7), 3, 10**6)] == [3, 3, 1]
    assert list(char_batches([], 3, 90)) == []


def _signature(parsed):
    out = []
    for p in parsed:
        for offset, doc in p.chunks:
            out.append(
                (
                    p.article.id,
                    offset,
                    [(t.idx, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc],
                    [(s.start, s.end) for s in doc.sents],
                )
            )
    return out


def test_parses_do_not_depend_on_the_batching(nlp):
    long_text = "\n\n".join(PARAGRAPHS * 6)
    articles = [
        Article(id="short", text=PARAGRAPHS[0]),
        Article(id="long", text=long_text),
        Article(id="other", text="\n\n".join(PARAGRAPHS[1:])),
    ]
    kwargs = {"max_chunk_chars": 400}
    one_batch = _signature(parse_articles(articles, nlp, batch_chars=10**9, **kwargs))
    tight = _signature(parse_articles(articles, nlp, batch_chars=500, **kwargs))
    one_each = _signature(parse_articles(articles, nlp, batch_size=1, **kwargs))
    assert tight == one_batch == one_each
    assert len({(aid, off) for aid, off, _, _ in one_batch}) > 3  # the long one was cut

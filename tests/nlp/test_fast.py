"""The fast attribute ruler and lemmatizer give every token the stock components' attributes."""

from __future__ import annotations

import pickle

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.pipeline import AttributeRuler

from newsevents.config import default
from newsevents.nlp.fast import FastAttributeRuler, FastEnglishLemmatizer, speed_up

ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]

# Invented sentences that reach the ruler's word rules (pronouns, auxiliaries, "gonna",
# "let's", "ain't", negation, determiners as pronouns) and every lemmatizer path.
TEXTS = [
    "The rebels said they were gonna attack the town, but ain't nobody believed them.",
    "Let's not forget: she'd have gone if he hadn't called her himself.",
    "Those who protested were arrested; that was what the ministers wanted.",
    "I told you it's done. Y'all can't say nothin' about it, can you?",
    "Gets worse every year, said Anna Kowalski, 42, who has lived in Novograd since 1999.",
    "  Troops   crossed the border\n\nat dawn on Monday.\n",
    "Something happened there once; everybody knows whether it matters.",
    "The ministers' meetings were being held as the talks had been planned.",
]


@pytest.fixture(scope="module")
def pair():
    model = default("model")
    stock = spacy.load(model)
    fast = speed_up(spacy.load(model))
    return stock, fast


@pytest.mark.issue(16)
def test_components_switched(pair):
    _, fast = pair
    kinds = {type(p) for _, p in fast.pipeline}
    assert FastAttributeRuler in kinds
    assert FastEnglishLemmatizer in kinds


@pytest.mark.issue(16)
def test_same_token_attributes_as_stock(pair):
    stock, fast = pair
    for _ in range(2):  # the second pass reads the caches
        for a, b in zip(fast.pipe(TEXTS), stock.pipe(TEXTS), strict=True):
            assert a.to_array(ATTRS).tolist() == b.to_array(ATTRS).tolist(), a.text
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
            assert [str(t.morph) for t in a] == [str(t.morph) for t in b]


def _ruler_pipeline(fast: bool):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "novograd"}]], {"TAG": "NNP"})
    if fast:
        speed_up(nlp)
    return nlp, ruler


@pytest.mark.issue(16)
def test_rules_added_later_are_used():
    (fast, ruler), (stock, stock_ruler) = _ruler_pipeline(True), _ruler_pipeline(False)
    assert type(ruler) is FastAttributeRuler
    assert fast("in Novograd")[1].tag_ == "NNP"
    for r in (ruler, stock_ruler):
        r.add([[{"LOWER": "in"}, {"LOWER": "novograd"}]], {"LEMMA": "inside"}, index=-2)
        r.add([[{"LOWER": "novograd"}]], {"TAG": "NN"})  # a later rule wins
        r.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
    text = "They met in Novograd  and in novograd."
    a, b = fast(text), stock(text)
    assert a.to_array(ATTRS).tolist() == b.to_array(ATTRS).tolist()
    assert [t.lemma_ for t in a] == ["", "", "inside", "", "", "", "inside", "", ""]
    assert a[3].tag_ == "NN"


@pytest.mark.issue(16)
def test_ruler_reading_other_attributes_left_stock():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"ENT_TYPE": "GPE"}]], {"TAG": "NNP"})
    speed_up(nlp)
    assert type(ruler) is AttributeRuler


@pytest.mark.issue(16)
def test_bad_index_is_a_clear_error():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}, {"LOWER": "b"}]], {"TAG": "X"}, index=5)
    speed_up(nlp)
    with pytest.raises(ValueError, match="index 5"):
        nlp("a b")


@pytest.mark.issue(16)
def test_fast_pipeline_serialises(pair):
    _, fast = pair
    fast("Rebels attacked the town.")  # the lemmatizer's sets are in place
    lemmatizer = fast.get_pipe("lemmatizer")
    again = pickle.loads(pickle.dumps(lemmatizer.lookups))
    assert again.get_table("lemma_index").keys() == lemmatizer.lookups.get_table(
        "lemma_index"
    ).keys()
    assert fast.get_pipe("attribute_ruler").to_bytes()

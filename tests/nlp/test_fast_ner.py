"""The bulk NER decoder finds exactly the entities spaCy's own greedy decoder finds."""

from __future__ import annotations

import pickle
import random

import pytest
import spacy
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.tokens import Doc, Span

from newsevents.config import default
from newsevents.nlp import load_nlp
from newsevents.nlp.fast_ner import FastEntityRecognizer, fast_ner

ENT_ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID]

# Invented news sentences, dense in names, dates, numbers and organisations, with entities
# at the start and the end of a text, before line breaks, and next to runs of spaces.
SENTENCES = [
    "Anna Kowalski, the mayor of Novograd, met General Petr Halas in Lisbon on Monday.",
    "The United Nations Security Council voted 12 to 3 on 4 March 2019 to send 400 troops.",
    "Rebels of the Eastern Liberation Front attacked a police post near Tarvik.",
    "Shares of Borel Industries fell 3.5 percent, or $1.2 billion, on Wednesday morning.",
    "President Maria Santos said the talks in Geneva would resume next week.",
    "  About 2,000 people marched through   central Valport\n\nshouting at the ministry.",
    "The Ministry of Foreign Affairs of Ruritania summoned the Freedonian ambassador.",
    "Two days later, John O'Neill of the Red Cross visited the camp at Kilo 9.",
    "Officials from the World Bank and the IMF arrived in Quito late on Friday night",
    "He said: 'the European Union will answer', and left for Brussels\nat 6 p.m.",
    "Dr. Li Wei, 54, a surgeon at St. Mary's Hospital in Leeds, was released.",
    "The Liberal Democrats won 41% of the vote in the third round, the first since 1998.",
]


def _texts(n: int = 40) -> list[str]:
    rng = random.Random(16)
    out = list(SENTENCES)
    for _ in range(n - len(out)):
        k = rng.randint(2, 8)
        out.append(" ".join(rng.choice(SENTENCES) for _ in range(k)))
    return out


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(default("model"), exclude=["senter"])


@pytest.mark.issue(16)
def test_same_entities_as_spacy_decoder(nlp):
    texts = _texts()
    stock = list(nlp.pipe(texts, batch_size=8))
    fast_nlp = fast_ner(spacy.load(default("model"), exclude=["senter"]))
    assert isinstance(fast_nlp.get_pipe("ner"), FastEntityRecognizer)
    fast = list(fast_nlp.pipe(texts, batch_size=8))
    assert sum(len(d.ents) for d in stock) > 200
    for a, b in zip(stock, fast, strict=True):
        assert a.to_array(ENT_ATTRS).tolist() == b.to_array(ENT_ATTRS).tolist(), a.text
    one = fast_nlp(texts[0])  # a document alone, not in a batch
    assert [(e.start, e.end, e.label_) for e in one.ents] == [
        (e.start, e.end, e.label_) for e in stock[0].ents
    ]


@pytest.mark.issue(16)
def test_newsevents_pipeline_uses_it():
    nlp = load_nlp()
    assert type(nlp.get_pipe("ner")) is FastEntityRecognizer
    doc = nlp("Anna Kowalski met Petr Halas in Lisbon.")
    assert {e.label_ for e in doc.ents} >= {"PERSON", "GPE"}


@pytest.mark.issue(16)
def test_empty_and_space_only_documents(nlp):
    fast_nlp = fast_ner(spacy.load(default("model"), exclude=["senter"]))
    texts = ["", "   ", "\n\n", "Lisbon", SENTENCES[0]]
    for a, b in zip(nlp.pipe(texts), fast_nlp.pipe(texts), strict=True):
        assert a.to_array(ENT_ATTRS).tolist() == b.to_array(ENT_ATTRS).tolist()


@pytest.mark.issue(16)
def test_preset_entities_go_through_spacy(nlp):
    """A document that already holds entity annotations is decoded by spaCy's own code,
    which keeps them."""
    fast_nlp = fast_ner(spacy.load(default("model"), exclude=["senter"]))
    texts = [SENTENCES[0], SENTENCES[2]]
    results = []
    for pipeline in (nlp, fast_nlp):
        docs = []
        for text in texts:
            doc = pipeline.make_doc(text)
            doc.set_ents([Span(doc, 2, 3, label="ORG")], default="unmodified")
            for _, proc in pipeline.pipeline:
                doc = proc(doc)
            docs.append(doc)
        results.append(docs)
    for a, b in zip(*results, strict=True):
        assert a.to_array(ENT_ATTRS).tolist() == b.to_array(ENT_ATTRS).tolist()
        assert (2, 3, "ORG") in {(e.start, e.end, e.label_) for e in b.ents}


@pytest.mark.issue(16)
def test_serialises_as_the_stock_component(nlp):
    stock = spacy.load(default("model"), exclude=["senter"]).get_pipe("ner")
    fast_nlp = fast_ner(spacy.load(default("model"), exclude=["senter"]))
    ner = fast_nlp.get_pipe("ner")
    assert ner.to_bytes() == stock.to_bytes()  # the same model, moves and settings
    again = pickle.loads(pickle.dumps(ner))
    assert type(again) is FastEntityRecognizer
    doc = Doc(fast_nlp.vocab).from_bytes(fast_nlp(SENTENCES[4]).to_bytes())
    assert [e.text for e in doc.ents] == [e.text for e in nlp(SENTENCES[4]).ents]

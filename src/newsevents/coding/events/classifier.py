"""A small linear model over words that scores the PLOVER type of a sentence.

Trained by ``scripts/train_event_classifier.py`` on labelled synthetic stories and stored
as ``verbs/event_model.json`` (vocabulary, weights, bias). Pure Python/numpy: no model
server, no extra dependency. The coder uses it only to re-weigh the confidence of
pattern-coded events; when the file is absent, confidences stay as the patterns set them.
"""

from __future__ import annotations

import functools
import json
import math
import re
from typing import Any

import numpy as np

from newsevents.config import current
from newsevents.data import data_path
from newsevents.errors import DataFileError

MODEL_FILE = "verbs/event_model.json"
WORD = re.compile(r"[a-z][a-z'-]+")


def features(text: str) -> list[str]:
    """Lower-cased words and word bigrams (the model's vocabulary keys)."""
    words = WORD.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


class LinearModel:
    def __init__(
        self, vocab: dict[str, int], labels: list[str], weights: np.ndarray, bias: np.ndarray
    ):
        self.vocab = vocab
        self.labels = labels
        self.weights = weights  # (n_features, n_labels)
        self.bias = bias

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> LinearModel:
        vocab = {w: i for i, w in enumerate(d["vocab"])}
        return cls(
            vocab,
            d["labels"],
            np.asarray(d["weights"], dtype=np.float32),
            np.asarray(d["bias"], dtype=np.float32),
        )

    def to_dict(self) -> dict[str, Any]:
        vocab = sorted(self.vocab, key=self.vocab.get)
        return {
            "labels": self.labels,
            "vocab": vocab,
            "weights": [[round(float(x), 3) for x in row] for row in self.weights],
            "bias": [round(float(x), 3) for x in self.bias],
        }

    def vector(self, text: str) -> np.ndarray:
        x = np.zeros(len(self.vocab), dtype=np.float32)
        for f in features(text):
            i = self.vocab.get(f)
            if i is not None:
                x[i] = 1.0
        norm = math.sqrt(float(x.sum())) or 1.0
        return x / norm

    def proba(self, text: str) -> dict[str, float]:
        z = self.vector(text) @ self.weights + self.bias
        z = np.exp(z - z.max())
        p = z / z.sum()
        return {label: float(p[i]) for i, label in enumerate(self.labels)}


def enabled() -> bool:
    """The ``event_model`` setting is on (NEWSEVENTS_EVENT_MODEL=0 turns it off) and the
    model file is there."""
    return current().event_model and load_model() is not None


@functools.lru_cache(maxsize=1)
def load_model() -> LinearModel | None:
    try:
        path = data_path(MODEL_FILE)
    except DataFileError:
        return None
    with path.open(encoding="utf-8") as f:
        return LinearModel.from_dict(json.load(f))


def reweigh(sentence: str, events: list[Any], weight: float = 0.3) -> None:
    """Blend each event's confidence with the model's probability of its PLOVER type."""
    model = load_model()
    if model is None or not events or not current().event_model:
        return
    p = model.proba(sentence)
    for event in events:
        prob = p.get(event.plover, 0.0)
        event.confidence = round((1 - weight) * event.confidence + weight * prob, 3)

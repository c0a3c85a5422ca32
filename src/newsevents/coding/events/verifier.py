"""The learned verifier: the second stage that decides event / no event for each candidate.

The lexicons and PETRARCH2 patterns propose candidates; the rule stage (coding.events.verify)
keeps or vetoes them. With the verifier on (setting ``event_model``, English only), every
candidate the rules kept is scored by a logistic regression over its features
(coding.events.features): the probability that it tells an event of the proposed type. That
probability, calibrated (Platt scaling on cross-validated predictions), becomes the event's
``confidence``, and the floor (:func:`floor`: the ``min_confidence`` setting, by default the
model's own cross-validated floor) keeps or drops it. A rule veto is final:
the model never brings back a candidate the rules rejected (it may only drop kept ones).
Training records the vetoed candidates too (their words teach the model what the kept
ones with the same words mean).

The weights live in ``verbs/event_verifier.json`` (schema ``newsevents.verifier/1``), trained
by ``scripts/train_verifier.py`` (docs/coding.md, "The learned verifier"). Without the file,
or with the setting off, the rules decide alone.
"""

from __future__ import annotations

import contextvars
import functools
import json
import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsevents.coding.events.features import TENSOR_DIM, CandidateFeatures
from newsevents.config import Settings, current
from newsevents.data import data_path
from newsevents.errors import DataFileError

MODEL_FILE = "verbs/event_verifier.json"
SCHEMA = "newsevents.verifier/1"
LANGUAGES = frozenset({"en"})


@dataclass
class Verifier:
    """Weights of the sparse features, per-type weights of the dense vector, and the
    calibration that turns the score into a probability."""

    vocab: dict[str, int]
    weights: np.ndarray  # (len(vocab),)
    dense: dict[str, np.ndarray]  # type ("" = shared) -> (TENSOR_DIM,)
    bias: float
    platt: tuple[float, float] = (1.0, 0.0)
    meta: dict[str, Any] = field(default_factory=dict)
    prior: float = 0.0  # weight of the rules' own confidence, as log-odds (rule_logit)

    def score(self, f: CandidateFeatures) -> float:
        """The raw margin (log-odds before calibration)."""
        z = self.bias + self.prior * rule_logit(f.rule_confidence)
        for name in f.sparse:
            i = self.vocab.get(name)
            if i is not None:
                z += float(self.weights[i])
        for key in ("", f.plover):
            w = self.dense.get(key)
            if w is not None:
                z += float(f.dense @ w)
        return z

    def probability(self, f: CandidateFeatures) -> float:
        a, b = self.platt
        return 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, a * self.score(f) + b))))

    def to_dict(self) -> dict[str, Any]:
        names = sorted(self.vocab, key=self.vocab.__getitem__)
        keep = [n for n in names if abs(float(self.weights[self.vocab[n]])) >= 1e-3]
        return {
            "schema": SCHEMA,
            **self.meta,
            "tensor_dim": TENSOR_DIM,
            "bias": round(self.bias, 4),
            "prior": round(self.prior, 4),
            "platt": [round(x, 4) for x in self.platt],
            "sparse": {n: round(float(self.weights[self.vocab[n]]), 4) for n in keep},
            "dense": {k: [round(float(x), 4) for x in v] for k, v in sorted(self.dense.items())},
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Verifier:
        if d.get("schema") != SCHEMA:
            raise DataFileError(f"{MODEL_FILE}: schema {d.get('schema')!r}, expected {SCHEMA}")
        if d.get("tensor_dim") != TENSOR_DIM:
            raise DataFileError(f"{MODEL_FILE}: tensor_dim {d.get('tensor_dim')}")
        names = list(d["sparse"])
        meta = {
            k: v for k, v in d.items() if k not in {"bias", "prior", "platt", "sparse", "dense"}
        }
        return cls(
            {n: i for i, n in enumerate(names)},
            np.asarray([d["sparse"][n] for n in names], dtype=np.float32),
            {k: np.asarray(v, dtype=np.float32) for k, v in d["dense"].items()},
            float(d["bias"]),
            (float(d["platt"][0]), float(d["platt"][1])),
            meta,
            float(d.get("prior", 0.0)),
        )


def rule_logit(confidence: float) -> float:
    """The rules' confidence as log-odds (clipped), the model's starting point: the learned
    weights correct the rules rather than replace them, so a model trained on one kind of
    text falls back on the rules where its features say little."""
    c = min(0.95, max(0.05, float(confidence)))
    return math.log(c / (1.0 - c))


@functools.lru_cache(maxsize=1)
def shipped() -> Verifier | None:
    """The shipped model, or None when the file is absent."""
    try:
        path = data_path(MODEL_FILE)
    except DataFileError:
        return None
    with path.open(encoding="utf-8") as f:
        return Verifier.from_dict(json.load(f))


# The floor when no verifier is shipped (the rules decide alone): the one the rules' layer
# confidences were set against (coding.events.LAYER_CONFIDENCE).
RULES_FLOOR = 0.45


def floor(settings: Settings | None = None) -> float:
    """The confidence floor events must clear: the ``min_confidence`` setting when it is set,
    else the floor the shipped model was cross-validated at (its file's ``floor``, chosen by
    scripts/train_verifier.py). One source for the default: a retrained model that picks
    another floor moves the coder's floor with it, and every bench measures that default."""
    s = current() if settings is None else settings
    if s.min_confidence is not None:
        return float(s.min_confidence)
    model = shipped()
    if model is None or "floor" not in model.meta:
        return RULES_FLOOR
    return float(model.meta["floor"])


# A model chooser (document id -> model) set by bench/accuracy's cross-validation, so that
# each fold's documents are coded by a model that did not train on them.
_CHOOSER: contextvars.ContextVar[Any] = contextvars.ContextVar("verifier_chooser", default=None)
# Where candidates' features are collected (for training), or None.
_RECORD: contextvars.ContextVar[list | None] = contextvars.ContextVar(
    "verifier_record", default=None
)


def model_for(doc_id: str, language: str | None) -> Verifier | None:
    """The model that decides the candidates of a document, or None (the rules decide)."""
    if not current().event_model or (language or "en") not in LANGUAGES:
        return None
    chooser = _CHOOSER.get()
    return chooser(doc_id) if chooser is not None else shipped()


@dataclass
class Timer:
    """Seconds the verifier spent computing features and scores inside a :func:`timing` block."""

    seconds: float = 0.0


# The timer of the innermost ``timing()`` block, or None (nothing is timed).
_TIMER: contextvars.ContextVar[Timer | None] = contextvars.ContextVar(
    "verifier_timer", default=None
)


@contextmanager
def timed() -> Iterator[None]:
    """Add the time of this block to the active :func:`timing` block, if any."""
    timer = _TIMER.get()
    if timer is None:
        yield
        return
    t = time.perf_counter()
    try:
        yield
    finally:
        timer.seconds += time.perf_counter() - t


@contextmanager
def timing() -> Iterator[Timer]:
    """Time the verifier while coding inside this block (bench/accuracy prints it)."""
    timer = Timer()
    token = _TIMER.set(timer)
    try:
        yield timer
    finally:
        _TIMER.reset(token)


def recording() -> list | None:
    return _RECORD.get()


@contextmanager
def choose_models(chooser: Any) -> Iterator[None]:
    """Code with ``chooser(doc_id)`` as the verifier (cross-validation)."""
    token = _CHOOSER.set(chooser)
    try:
        yield
    finally:
        _CHOOSER.reset(token)


@contextmanager
def record() -> Iterator[list]:
    """Collect every candidate's features (with its event) while coding."""
    rows: list = []
    token = _RECORD.set(rows)
    try:
        yield rows
    finally:
        _RECORD.reset(token)

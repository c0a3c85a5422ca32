"""Fitting the learned verifier (numpy only, deterministic): L2 logistic regression over the
candidates' sparse and dense features, document-grouped k-fold cross-validation, and Platt
scaling fitted on cross-validated margins. Used by scripts/train_verifier.py (the shipped
model) and bench/accuracy (the cross-validated figures)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from newsevents.coding.events.features import TENSOR_DIM, WHERE, CandidateFeatures
from newsevents.coding.events.verifier import Verifier, rule_logit

# sets whose negatives are not all wrong (a synthetic story labels one type; its other events
# count as wrong): they train the weights but do not calibrate the probability
NOISY_SETS = frozenset({"synthetic"})
# sets whose rows are a sample drawn by the analyst (by coded type and by whether the coder
# emitted it), so their share of right candidates is not the population's: they train the
# weights and are scored, but do not calibrate the probability
SAMPLED_SETS = frozenset({"polnear"})
SET_MARK = "@"  # per-set copies of the features ("@case2021|lemma=attack"): training only


@dataclass
class Row:
    """A training row: a candidate's features, whether its type is right, its document and
    the set it comes from (documents are the unit of cross-validation)."""

    features: CandidateFeatures
    label: bool
    doc: str
    group: str
    weight: float = 1.0


@dataclass
class FitOptions:
    l2: float = 1e-2
    l2_dense: float = 1e-1
    epochs: int = 250
    lr: float = 0.05
    min_count: int = 2
    # learn a weight on the rules' confidence (log-odds) beside the features
    prior: bool = True
    # "frustratingly easy" domain adaptation (Daume 2007): every sparse feature also gets a
    # copy marked with its row's set, which soaks up what only holds on that set; the shipped
    # model keeps the shared copies only (a new text belongs to no training set)
    per_set: bool = True
    # how much dearer a per-set copy's weight is than a shared one (L2 multiplier): the higher,
    # the more of each set's own pattern moves into the shared, shipped weights
    l2_set: float = 1.0
    # each set weighs the same in the loss whatever its size (times its rows' own weights),
    # so the largest set does not decide what every cue means
    balance: bool = True


def _sparse(r: Row, o: FitOptions) -> list[str]:
    if not o.per_set:
        return r.features.sparse
    mark = f"{SET_MARK}{r.group}|"
    own = (f for f in r.features.sparse if not f.rpartition("|")[2].startswith(WHERE))
    return [*r.features.sparse, *(mark + f for f in own)]


def _design(rows: Sequence[Row], vocab: dict[str, int], types: dict[str, int], o: FitOptions):
    indices: list[int] = []
    indptr = [0]
    for r in rows:
        idx = sorted({vocab[f] for f in _sparse(r, o) if f in vocab})
        indices.extend(idx)
        indptr.append(len(indices))
    dense = np.stack([r.features.dense for r in rows]).astype(np.float32)
    t = np.array([types.get(r.features.plover, -1) for r in rows])
    prior = np.array([rule_logit(r.features.rule_confidence) for r in rows]) if o.prior else None
    if prior is None:
        prior = np.zeros(len(rows))
    return np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64), dense, t, prior


def _margins(ind, ptr, dense, t, w, ws, wt, b, x0=None, w0=0.0) -> np.ndarray:
    counts = np.diff(ptr)
    rows = np.repeat(np.arange(len(counts)), counts)
    z = np.bincount(rows, weights=w[ind], minlength=len(counts)) + b
    if x0 is not None:
        z += w0 * x0
    z += dense @ ws
    has = t >= 0
    z[has] += np.einsum("ij,ij->i", dense[has], wt[t[has]])
    return z


def fit(rows: Sequence[Row], options: FitOptions | None = None) -> Verifier:
    """A verifier fitted on ``rows`` (uncalibrated: platt = (1, 0))."""
    o = options or FitOptions()
    df: Counter[str] = Counter()
    for r in rows:
        df.update(set(_sparse(r, o)))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= o.min_count))}
    type_names = sorted({r.features.plover for r in rows if r.features.plover})
    types = {p: i for i, p in enumerate(type_names)}
    ind, ptr, dense, t, x0 = _design(rows, vocab, types, o)
    y = np.array([r.label for r in rows], dtype=np.float64)
    size = Counter(r.group for r in rows)
    sw = np.array([r.weight / (size[r.group] if o.balance else 1) for r in rows], dtype=float)
    sw = sw / sw.sum()
    counts = np.diff(ptr)
    row_of = np.repeat(np.arange(len(counts)), counts)
    w = np.zeros(len(vocab))
    l2 = np.array([o.l2 * (o.l2_set if f.startswith(SET_MARK) else 1.0) for f in vocab])
    ws = np.zeros(TENSOR_DIM)
    wt = np.zeros((max(1, len(types)), TENSOR_DIM))
    b = 0.0
    params = [w, ws, wt]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    mb = vb = 0.0
    w0 = m0 = v0 = 0.0
    has = t >= 0
    for step in range(1, o.epochs + 1):
        z = _margins(ind, ptr, dense, t, w, ws, wt, b, x0, w0)
        p = 1.0 / (1.0 + np.exp(-z))
        g = (p - y) * sw
        gw = np.bincount(ind, weights=g[row_of], minlength=len(vocab)) + l2 * w
        gs = dense.T @ g + o.l2_dense * ws
        gt = np.zeros_like(wt)
        np.add.at(gt, t[has], dense[has] * g[has, None])
        gt += o.l2_dense * wt
        gb = float(g.sum())
        g0 = float(g @ x0)
        m0 = 0.9 * m0 + 0.1 * g0
        v0 = 0.999 * v0 + 0.001 * g0 * g0
        w0 -= o.lr * (m0 / (1 - 0.9**step)) / (np.sqrt(v0 / (1 - 0.999**step)) + 1e-8)
        for k, gk in enumerate((gw, gs, gt)):
            m[k] = 0.9 * m[k] + 0.1 * gk
            v[k] = 0.999 * v[k] + 0.001 * gk * gk
            mhat = m[k] / (1 - 0.9**step)
            vhat = v[k] / (1 - 0.999**step)
            params[k] -= o.lr * mhat / (np.sqrt(vhat) + 1e-8)
        mb = 0.9 * mb + 0.1 * gb
        vb = 0.999 * vb + 0.001 * gb * gb
        b -= o.lr * (mb / (1 - 0.9**step)) / (np.sqrt(vb / (1 - 0.999**step)) + 1e-8)
    dense_w = {"": ws.astype(np.float32)}
    dense_w.update({p: wt[i].astype(np.float32) for p, i in types.items()})
    shared = sorted((f for f in vocab if not f.startswith(SET_MARK)), key=vocab.__getitem__)
    weights = np.array([w[vocab[f]] for f in shared], dtype=np.float32)
    return Verifier(
        {f: i for i, f in enumerate(shared)}, weights, dense_w, float(b), prior=float(w0)
    )


def margins(model: Verifier, rows: Sequence[Row]) -> np.ndarray:
    return np.array([model.score(r.features) for r in rows])


def platt(z: np.ndarray, y: np.ndarray, iters: int = 50) -> tuple[float, float]:
    """Platt scaling: (a, b) with P(right) = sigmoid(a z + b), fitted by Newton's method on
    margins ``z`` that the model did not train on, with Platt's smoothed targets."""
    n_pos, n_neg = float(y.sum()), float(len(y) - y.sum())
    tgt = np.where(y > 0, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))
    a, b = 1.0, 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(a * z + b, -35, 35)))
        g = np.array([np.sum((p - tgt) * z), np.sum(p - tgt)])
        h = p * (1 - p)
        hess = np.array([[np.sum(h * z * z), np.sum(h * z)], [np.sum(h * z), np.sum(h)]])
        hess += np.eye(2) * 1e-6
        step = np.linalg.solve(hess, g)
        a, b = a - step[0], b - step[1]
        if np.abs(step).max() < 1e-8:
            break
    return float(a), float(b)


def folds(docs: Sequence[str], k: int, seed: int = 12) -> dict[str, int]:
    """Document -> fold number, a seeded shuffle cut in ``k`` parts."""
    unique = sorted(set(docs))
    random.Random(seed).shuffle(unique)
    return {d: i % k for i, d in enumerate(unique)}


def cross_margins(
    rows: Sequence[Row], k: int = 5, options: FitOptions | None = None, seed: int = 12
) -> np.ndarray:
    """Out-of-fold margins of every row: each fold scored by a model fitted on the others."""
    fold = folds([r.doc for r in rows], k, seed)
    out = np.zeros(len(rows))
    for i in range(k):
        train = [r for r in rows if fold[r.doc] != i]
        test = [j for j, r in enumerate(rows) if fold[r.doc] == i]
        if not test or not train:
            continue
        model = fit(train, options)
        out[test] = margins(model, [rows[j] for j in test])
    return out


def fit_calibrated(
    rows: Sequence[Row], options: FitOptions | None = None, k: int = 5, seed: int = 12
) -> Verifier:
    """A model fitted on all ``rows``, with Platt scaling fitted on k-fold margins."""
    z = cross_margins(rows, k, options, seed)
    model = fit(rows, options)
    model.platt = calibrate(rows, z)
    return model


def calibrate(rows: Sequence[Row], z: np.ndarray) -> tuple[float, float]:
    """Platt scaling on out-of-fold margins ``z``, on the rows of fully labelled sets (not
    the noisy or sampled ones)."""
    keep = np.array([r.group not in NOISY_SETS | SAMPLED_SETS for r in rows])
    if not keep.any():
        keep[:] = True
    y = np.array([r.label for r in rows], dtype=np.float64)
    return platt(z[keep], y[keep])


def fold_models(
    held: Sequence[Row],
    always: Sequence[Row],
    k: int = 5,
    options: FitOptions | None = None,
    seed: int = 12,
    calibrate_k: int = 3,
) -> tuple[dict[str, int], list[Verifier]]:
    """For the cross-validated figures of a scored set: ``held``'s documents cut in ``k`` folds;
    model i is fitted (and calibrated) on ``always`` plus the other folds of ``held``, never
    on fold i."""
    fold = folds([r.doc for r in held], k, seed)
    models = []
    for i in range(k):
        train = [*always, *(r for r in held if fold[r.doc] != i)]
        models.append(fit_calibrated(train, options, calibrate_k, seed))
    return fold, models


def options_of(model: Verifier | None) -> FitOptions:
    """The fitting options a shipped model was trained with (its ``l2`` metadata)."""
    l2 = (model.meta.get("l2") if model is not None else None) or []
    if len(l2) not in (2, 3):
        return FitOptions()
    return FitOptions(*(float(x) for x in l2[:2]), l2_set=float(l2[2]) if len(l2) == 3 else 1.0)


def chooser(fold: dict[str, int], models: list[Verifier]) -> Callable[[str], Verifier | None]:
    def choose(doc: str) -> Verifier | None:
        i = fold.get(doc)
        return None if i is None else models[i]

    return choose

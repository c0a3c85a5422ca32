#!/usr/bin/env python3
"""Train the PLOVER-type linear model (coding.classifier) on labelled synthetic stories.

    python scripts/train_event_classifier.py [--zip PATH] [--features 3000] [--epochs 60]

Input: the NGEC synthetic story set (CSV in a zip; columns text, title, label, ...), 4,500
fictional stories each labelled with one PLOVER type. Each story gives two short examples,
its title and its lead sentence, because the coder scores single sentences. A multinomial
logistic regression over binary word/bigram features (L2, full-batch gradient descent with
numpy) is trained on 90% and checked on the held-out 10%, then refit on everything and
written to src/newsevents/data/verbs/event_model.json.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from newsevents.coding.events.classifier import LinearModel, features  # noqa: E402
from newsevents.config import Settings  # noqa: E402

OUT = ROOT / "src" / "newsevents" / "data" / "verbs" / "event_model.json"
DEFAULT_ZIP = (
    Settings.from_env().shared_path() / "train/NGEC_gpt_synthetic_events_2023-10-19_19.csv.zip"
)
SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def read_examples(path: Path) -> list[tuple[str, str]]:
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith(".csv"))
        rows = list(csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8")))
    out = []
    for r in rows:
        label = (r.get("label") or "").strip().upper()
        if not label:
            continue
        lead = SENT_END.split((r.get("text") or "").strip(), maxsplit=1)[0]
        # drop dateline/wire prefixes such as "(Reuters) --"
        lead = re.sub(r"^\W*\(?[A-Z][A-Za-z .]*\)?\s*--\s*", "", lead)
        for text in (r.get("title") or "", lead):
            if text.strip():
                out.append((text.strip(), label))
    return out


def build_vocab(examples: list[tuple[str, str]], size: int) -> dict[str, int]:
    df: Counter[str] = Counter()
    for text, _ in examples:
        df.update(set(features(text)))
    kept = [w for w, n in df.most_common() if n >= 3][:size]
    return {w: i for i, w in enumerate(kept)}


def matrix(examples, vocab, labels) -> tuple[np.ndarray, np.ndarray]:
    model = LinearModel(vocab, labels, np.zeros((len(vocab), len(labels))), np.zeros(len(labels)))
    x = np.stack([model.vector(t) for t, _ in examples]).astype(np.float32)
    y = np.array([labels.index(lab) for _, lab in examples])
    return x, y


def fit(x: np.ndarray, y: np.ndarray, n_labels: int, epochs: int, l2: float, lr: float = 20.0):
    w = np.zeros((x.shape[1], n_labels), dtype=np.float32)
    b = np.zeros(n_labels, dtype=np.float32)
    onehot = np.eye(n_labels, dtype=np.float32)[y]
    for _ in range(epochs):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) / len(y)
        w -= lr * (x.T @ g + l2 * w)
        b -= lr * g.sum(axis=0)
    return w, b


def accuracy(w, b, x, y) -> float:
    return float(((x @ w + b).argmax(axis=1) == y).mean())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--zip", type=Path, default=DEFAULT_ZIP)
    ap.add_argument("--features", type=int, default=3000)
    ap.add_argument("--epochs", type=int, default=150)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    examples = read_examples(args.zip)
    labels = sorted({lab for _, lab in examples})
    random.Random(13).shuffle(examples)
    cut = len(examples) * 9 // 10
    vocab = build_vocab(examples[:cut], args.features)
    x_tr, y_tr = matrix(examples[:cut], vocab, labels)
    x_te, y_te = matrix(examples[cut:], vocab, labels)
    w, b = fit(x_tr, y_tr, len(labels), args.epochs, args.l2)
    print(f"examples {len(examples)}, labels {len(labels)}, features {len(vocab)}")
    print(
        f"train accuracy {accuracy(w, b, x_tr, y_tr):.3f}, held-out accuracy {accuracy(w, b, x_te, y_te):.3f}"
    )

    vocab = build_vocab(examples, args.features)
    x, y = matrix(examples, vocab, labels)
    w, b = fit(x, y, len(labels), args.epochs, args.l2)
    model = LinearModel(vocab, labels, w, b)
    args.out.write_text(json.dumps(model.to_dict(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()

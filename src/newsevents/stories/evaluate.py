"""B-cubed precision, recall and F1 of a clustering against gold labels (Bagga & Baldwin
1998; Amigó et al. 2009): per-item scores averaged over items, so big stories weigh by size."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import NamedTuple


class BCubed(NamedTuple):
    precision: float
    recall: float
    f1: float


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> BCubed:
    """Score ``predicted`` (item -> cluster) against ``gold`` (item -> class) on the items
    both name. Each item counts itself, so singletons everywhere give precision 1."""
    items = [i for i in gold if i in predicted]
    if not items:
        return BCubed(0.0, 0.0, 0.0)
    pair = Counter((predicted[i], gold[i]) for i in items)
    pred_size = Counter(predicted[i] for i in items)
    gold_size = Counter(gold[i] for i in items)
    p = sum(pair[predicted[i], gold[i]] / pred_size[predicted[i]] for i in items) / len(items)
    r = sum(pair[predicted[i], gold[i]] / gold_size[gold[i]] for i in items) / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return BCubed(p, r, f)

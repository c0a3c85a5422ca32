import pytest

from newsevents.stories import bcubed


def test_bcubed_perfect_clustering_scores_one():
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed({"a": 1, "b": 1, "c": 2}, gold) == (1.0, 1.0, 1.0)


def test_bcubed_singletons_have_full_precision_low_recall():
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    p, r, f = bcubed({"a": 1, "b": 2, "c": 3, "d": 4}, gold)
    assert p == 1.0
    assert r == pytest.approx((1 / 3 * 3 + 1) / 4)
    assert f == pytest.approx(2 * p * r / (p + r))


def test_bcubed_one_big_cluster_has_full_recall_low_precision():
    gold = {"a": "x", "b": "x", "c": "y", "d": "z"}
    p, r, _ = bcubed({k: 0 for k in gold}, gold)
    assert r == 1.0
    # a, b see 2 of 4 right; c, d see 1 of 4
    assert p == pytest.approx((0.5 + 0.5 + 0.25 + 0.25) / 4)


def test_bcubed_scores_only_items_in_both():
    gold = {"a": "x", "b": "x"}
    assert bcubed({"a": 1, "b": 1, "zz": 1}, gold).f1 == 1.0
    assert bcubed({}, gold) == (0.0, 0.0, 0.0)

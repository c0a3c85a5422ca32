import random

import pytest

from newsevents.quotes.tokens import Ranges


@pytest.mark.issue(16)
def test_ranges_answer_as_a_scan_of_every_quotation():
    rng = random.Random(5)
    for _ in range(200):
        pairs = []
        for _ in range(rng.randint(0, 12)):
            s = rng.randint(0, 120)
            pairs.append((s, s + rng.randint(0, 40)))  # overlapping and empty ones too
        ranges = Ranges(pairs)
        without = rng.choice(pairs) if pairs and rng.random() < 0.7 else None
        for offset in range(-2, 170):
            assert (offset in ranges) == any(s <= offset < e for s, e in pairs)
            assert ranges.covers(offset, without) == any(
                (s, e) != without and s <= offset < e for s, e in pairs
            )
        lo = rng.randint(0, 150)
        hi = lo + rng.randint(0, 30)
        assert ranges.starts_in(lo, hi, without) == any(
            (s, e) != without and lo <= s < hi for s, e in pairs
        )

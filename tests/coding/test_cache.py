import os
import time

import pytest

from newsevents.coding.cache import STALE_S, cached


@pytest.mark.issue(16)
def test_two_versions_keep_their_caches_and_stale_ones_go(tmp_path, monkeypatch):
    """Two checkouts (or installed versions) sharing the cache folder do not rebuild each
    other's dictionaries; a file no one used for a week is removed by the next write."""
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "src.txt"
    source.write_text("x", encoding="utf-8")
    calls: list[str] = []

    def build(tag: str):
        return lambda: calls.append(tag) or {"v": tag}

    assert cached("t", [source], build("a"), version="a") == {"v": "a"}
    assert cached("t", [source], build("b"), version="b") == {"v": "b"}
    assert cached("t", [source], build("a"), version="a") == {"v": "a"}
    assert calls == ["a", "b"]
    files = sorted((tmp_path / "cache").glob("t-*.pickle"))
    assert len(files) == 2
    old = time.time() - STALE_S - 60
    for f in files:
        os.utime(f, (old, old))
    assert cached("t", [source], build("c"), version="c") == {"v": "c"}
    (left,) = (tmp_path / "cache").glob("t-*.pickle")
    assert left not in files

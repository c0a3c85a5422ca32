"""The REST API under 50 concurrent clients for 3 s on loopback: every request answered."""

import pytest
from bench.helpers.loadtest import default_paths, hammer, serve_in_subprocess

from newsevents.store import Store
from tests.store.records import make_extraction

pytest.importorskip("uvicorn", reason="uvicorn not installed")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("api_load") / "news.db"
    days = [f"2021-{m:02d}-{d:02d}" for m in range(1, 7) for d in (3, 17)]
    with Store(path) as store:
        store.add([make_extraction(f"doc-{i:03d}", date=days[i % len(days)]) for i in range(120)])
    return path


def test_api_under_50_concurrent_clients_answers_every_request(db):
    paths = default_paths([f"doc-{i:03d}" for i in range(0, 120, 6)], ["TUR", "USA", "AFG"])
    with serve_in_subprocess(db) as port:
        # every path once per server process first: a worker's first page loads templates
        # and modules (seconds on a loaded machine), which is not what this test measures
        hammer(port, paths, clients=4, seconds=1)
        result = hammer(port, paths, clients=50, seconds=3)
    print(result.line())
    # All timing out at > 40 clients means the thread pool (40 threads) deadlocked on a lock
    # held across a yield dependency (http/deps.py get_store): see docs/scale.md.
    assert not result.failures, (result.line(), result.failures.most_common(5))
    assert result.requests >= 100  # every client got answers, not just a few
    assert result.percentile(99) < 10.0


def test_hammer_counts_failures(db):
    with serve_in_subprocess(db) as port:
        result = hammer(port, ["/api/documents/missing", "/api/stats"], clients=4, seconds=0.5)
    assert result.failures and all(k.startswith("404 ") for k in result.failures)
    assert sum(result.failures.values()) < result.requests

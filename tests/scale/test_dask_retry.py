"""A chunk whose worker dies is re-run one article per task: the article that still fails is
rejected as ``worker_error``, its neighbours are coded. Dask's client is replaced here by one
that runs tasks in this process and "dies" on one chosen article; the tasks are the real ones."""

import io
import json

import pytest

from newsevents.models import Article
from newsevents.runner import RunConfig
from newsevents.scale.dask import _Job

TEXTS = [
    "Turkey and the United States discussed the Afghan peace process in Ankara on Monday.",
    "The Taliban rejected the invitation to the conference, a spokesman said on Tuesday.",
    "Qatar hosted talks between the two Afghan delegations in Doha last week.",
]


class _Future:
    def __init__(self, fn, args):
        self.fn, self.args = fn, args

    def result(self):
        if any(a.id == "poison" for a in self.args[1]):
            raise RuntimeError("KilledWorker: worker died running this task")
        return self.fn(*self.args)


class _DyingClient:
    """Runs each task in-process on result(); any task holding 'poison' 'kills its worker'."""

    def __init__(self):
        self.tasks: list[list[str]] = []

    def submit(self, fn, *args, **kwargs):
        self.tasks.append([a.id for a in args[1]])
        return _Future(fn, args)


@pytest.fixture
def articles():
    docs = [Article(id=f"a{i}", text=t, date="2021-04-13") for i, t in enumerate(TEXTS)]
    return docs[:1] + [Article(id="poison", text=TEXTS[0] + " Again.")] + docs[1:]


def test_failed_chunk_retried_singly_poison_rejected_neighbours_coded(articles, tmp_path):
    client = _DyingClient()
    errors, events = io.StringIO(), io.StringIO()
    job = _Job(client, RunConfig(), str(tmp_path / "pq"), events, None, errors)
    chunk = client.submit(None, 0, articles)  # what run() submitted: the whole chunk
    with pytest.raises(RuntimeError):
        chunk.result()
    result = job.retry_singly(0, articles)
    job.emit(0, result)
    assert client.tasks[1:] == [["a0"], ["poison"], ["a1"], ["a2"]]  # one article per task
    [rejection] = [json.loads(line) for line in errors.getvalue().splitlines()]
    assert rejection["id"] == "poison" and rejection["reason"] == "worker_error"
    assert "KilledWorker" in rejection["detail"]
    assert job.summary.processed == 3 and job.summary.rejected == {"worker_error": 1}
    docs = {json.loads(line)["doc"] for line in events.getvalue().splitlines()}
    assert docs <= {"a0", "a1", "a2"} and docs
    # The chunk's Parquet part holds exactly the coded documents.
    import pyarrow.dataset as ds

    table = ds.dataset(tmp_path / "pq" / "documents", format="parquet", partitioning="hive")
    assert sorted(table.to_table().column("id").to_pylist()) == ["a0", "a1", "a2"]


def test_copy_of_a_rejected_original_is_coded_itself(tmp_path):
    from newsevents.scale.dask import ChunkResult

    client = _DyingClient()
    errors = io.StringIO()
    job = _Job(client, RunConfig(), str(tmp_path / "pq"), None, None, errors)
    copy = Article(id="copy", text=TEXTS[0], date="2021-04-13", duplicate_of="orig")
    kept = Article(id="kept", text=TEXTS[1], date="2021-04-13", duplicate_of="a9")
    rejected = {"id": "orig", "reason": "worker_error", "detail": "died", "path": None}
    job.emit(0, ChunkResult(0, rejections=[rejected], copies=[copy, kept]))
    assert client.tasks == [["copy"]]  # only the orphan is coded
    assert copy.duplicate_of is None and kept.duplicate_of == "a9"
    assert (job.summary.processed, job.summary.duplicates) == (1, 1)
    names = sorted(p.name for p in (tmp_path / "pq" / "documents").rglob("*.parquet"))
    assert names == ["part-000000-copies.parquet", "part-000000-orphans.parquet"]

"""Scale-out engine: the batch runner on a Dask cluster (local processes or a remote scheduler).

The client reads and decodes documents and sends them in chunks (``chunk_size`` articles per
task, so scheduling overhead stays small); each worker process loads spaCy once, validates
(language detection is the costly check, so it runs on workers), extracts, and optionally
writes its chunk as Parquet (see :mod:`newsevents.scale.parquet`) -- with a remote cluster the
Parquet folder must be on storage every worker can reach. Results come back to the client in
input order; at most ``max_in_flight`` chunks are pending, so memory stays bounded on any
input size. A chunk whose worker dies is retried one article per task, so a poison document
is rejected with reason ``worker_error`` and its neighbours are still coded.

Near-duplicates (wire copies) are found on the client with the run's MinHash index, as the
local runner does: copies are linked (``duplicate_of``), not sent to workers; a copy whose
original was rejected is coded itself. Output order and content match ``runner.run``.

Dask imports are lazy: ``import newsevents.scale`` works without the ``dask`` extra.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from newsevents.corpus import Copies, RunSummary
from newsevents.ingest import read_sources
from newsevents.ingest.versions import Versions
from newsevents.models import Article, Rejection
from newsevents.runner import RunConfig, write_jsonl
from newsevents.scale.processes import WARM_UP_TEXT

DEFAULT_CHUNK = 50


@dataclasses.dataclass
class ChunkResult:
    """What one task sends back: JSON-ready records, never spaCy objects."""

    index: int
    events: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    quotes: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    rejections: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    processed: int = 0
    words: int = 0
    coded: list[str] = dataclasses.field(default_factory=list)  # ids of the coded documents
    copies: list[Article] = dataclasses.field(default_factory=list)  # client side only
    cpu_s: float = 0.0  # CPU seconds the worker spent on the task (RunTimings.task_cpu_s)
    # the same by worker process (its pid): a merged result may come from two workers
    worker_cpu_s: dict[int, float] = dataclasses.field(default_factory=dict)

    def merge(self, other: ChunkResult) -> None:
        self.events += other.events
        self.quotes += other.quotes
        self.rejections += other.rejections
        self.processed += other.processed
        self.words += other.words
        self.coded += other.coded
        self.cpu_s += other.cpu_s
        for pid, cpu in other.worker_cpu_s.items():
            self.worker_cpu_s[pid] = self.worker_cpu_s.get(pid, 0.0) + cpu


@dataclasses.dataclass
class RunTimings:
    """Where a run's time went (``run_dask(timings=...)`` fills it; ``bench/scale`` prints
    it): wall seconds of each phase, the CPU the client process spent while the chunks ran
    (reading, near-duplicates, sending, receiving, writing; the local cluster's scheduler
    runs in it too) and the CPU the workers spent inside their tasks."""

    cluster_s: float = 0.0  # starting the local cluster (or connecting)
    preload_s: float = 0.0  # every worker loading spaCy and coding the warm-up article
    chunks_s: float = 0.0  # from the first chunk sent to the last result written
    close_s: float = 0.0
    client_cpu_s: float = 0.0
    task_cpu_s: float = 0.0
    chunks: int = 0  # chunks written (a chunk of near-duplicates alone ran no task)
    # task CPU seconds of each worker process, busiest first: over chunks_s, the share of a
    # CPU each worker got (on a shared machine, what the other jobs left it)
    worker_cpu_s: list[float] = dataclasses.field(default_factory=list)


def write_parquet_part(
    parquet_dir: str,
    part: int | str,
    articles: list[Article],
    events: list[dict[str, Any]],
    quotes: list[dict[str, Any]],
) -> list[str]:
    """One Parquet part: documents (coded or copies), their mentions and quotes, by month."""
    from newsevents.scale.parquet import document_record, month_of, write_part

    month = {a.id: month_of(a.date) for a in articles}
    return write_part(
        parquet_dir,
        part,
        {
            "documents": [(month[a.id], document_record(a)) for a in articles],
            "mentions": [(month[e["doc"]], e) for e in events],
            "quotes": [(month[q["doc"]], q) for q in quotes],
        },
    )


def extract_chunk(
    part: int | str, articles: list[Article], config: RunConfig, parquet_dir: str | None = None
) -> ChunkResult:
    """Worker task: validate, extract and (optionally) write one chunk of articles."""
    from newsevents.ingest import validate
    from newsevents.runner import extract_batch

    cpu = time.process_time()
    rejected: list[Rejection] = []
    good: list[Article] = []
    for article in articles:
        problem = validate(article, config.ingest)
        (rejected if problem else good).append(problem or article)
    # One process per worker already: spaCy must not fork again inside a (daemon) worker.
    done, failed = extract_batch(good, _one_process(config)) if good else ([], [])
    rejected += failed
    result = ChunkResult(
        part if isinstance(part, int) else -1,
        [e.to_dict() for x in done for e in x.events],
        [q.to_dict() for x in done for q in x.quotes],
        [r.to_dict() for r in rejected],
        processed=len(done),
        words=sum(len(x.article.text.split()) for x in done),
        coded=[x.article.id for x in done],
    )
    if parquet_dir:
        write_parquet_part(
            parquet_dir, part, [x.article for x in done], result.events, result.quotes
        )
    result.cpu_s = time.process_time() - cpu
    result.worker_cpu_s = {os.getpid(): result.cpu_s}
    return result


def _preload(config: RunConfig) -> None:
    """Get a worker ready before the first chunk arrives: spaCy and everything the stages
    load at their first document (dictionaries, gazetteer, models; cached per process), by
    validating and coding one invented article. Otherwise every worker paid that in its first
    chunk, in parallel, which counted as work and flattened the gain of more workers."""
    from newsevents.nlp import load_nlp

    load_nlp(config.model)
    warm = Article(id="newsevents-warm-up", text=WARM_UP_TEXT, date="2021-04-12")
    extract_chunk(-1, [warm], config)


def _chunks(
    docs: Iterable[Article | Rejection], size: int, threads: int = 1
) -> Iterator[list[Article | Rejection]]:
    """Chunks of ``size`` documents, the input read ahead by ``4 * threads`` chunks. What is
    left when the input ends is cut in shrinking chunks (guided scheduling: each a
    ``2 * threads``-th of what remains, at most ``size``, at least one document), so the
    workers finish together instead of one being left with a whole chunk at the end."""
    ahead = max(1, 4 * threads) * size
    buffer: list[Article | Rejection] = []
    for doc in docs:
        buffer.append(doc)
        if len(buffer) >= ahead + size:
            yield buffer[:size]
            del buffer[:size]
    while buffer:
        n = max(1, min(size, -(-len(buffer) // max(1, 2 * threads))))
        yield buffer[:n]
        del buffer[:n]


def make_client(scheduler: str | None, n_workers: int):
    """A client to ``scheduler``, or to a new local cluster of ``n_workers`` processes.

    LocalCluster starts worker *processes* by spawning the main module again: a script that
    calls :func:`run_dask` without a scheduler must guard its entry point with
    ``if __name__ == "__main__":`` (the ``newsevents`` command already does).
    """
    import logging

    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    with dask.config.set(LOCAL_CLUSTER):  # the nannies hand it to their workers
        cluster = LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,  # spaCy is CPU-bound; parallelism comes from processes
            processes=True,
            dashboard_address=None,  # no web dashboard (its server and callbacks cost CPU)
            silence_logs=logging.ERROR,
        )
    return Client(cluster), cluster


# A local cluster shares its machine with the client: what Dask does besides running tasks
# takes CPU from the workers. Measured over 20 s of two tasks that sleep, 2 workers: the
# client process (the scheduler runs in it) took 0.96 s and each worker 0.83 s of CPU with
# the defaults, 0.22 and 0.11 s so. Off: the statistical profiler (a thread sampling each
# task's stack every 10 ms). Slower: the event-loop health tick (every 20 ms in every
# process: it only times the loop, for a warning), the memory and system monitors.
LOCAL_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def run_dask(
    inputs: Iterable[str],
    config: RunConfig | None = None,
    *,
    scheduler: str | None = None,
    parquet_dir: str | None = None,
    events_out: TextIO | None = None,
    quotes_out: TextIO | None = None,
    errors_out: TextIO | None = None,
    n_workers: int = 2,
    chunk_size: int = DEFAULT_CHUNK,
    max_in_flight: int | None = None,
    timings: RunTimings | None = None,
) -> RunSummary:
    """Extract every input document on a Dask cluster; same outputs and summary as ``run``.

    ``scheduler``: address of a running cluster (default: a new local cluster of
    ``n_workers`` processes, closed at the end). ``parquet_dir``: also write documents,
    mentions and quotes as Parquet partitioned by publication month. ``timings``: filled
    with the phases' seconds (:class:`RunTimings`).
    """
    config = config or RunConfig()
    timings = timings if timings is not None else RunTimings()
    start = time.perf_counter()
    # Reading on the client is cheap; the language check is left to the workers.
    docs = read_sources(inputs, dataclasses.replace(config.ingest, check_language=False))
    unchanged: list[Article] = []  # the same id and text read twice: coded once
    docs = Versions().stream(docs, on_unchanged=unchanged.append)
    client, cluster = make_client(scheduler, n_workers)
    timings.cluster_s = time.perf_counter() - start
    try:
        client.run(_preload, config)
        timings.preload_s = time.perf_counter() - start - timings.cluster_s
        threads = sum(client.nthreads().values()) or 1
        job = _Job(client, config, parquet_dir, events_out, quotes_out, errors_out)
        t0, cpu = time.perf_counter(), time.process_time()
        job.run(_chunks(docs, chunk_size, threads), max_in_flight or 2 * threads + 1)
        timings.chunks_s = time.perf_counter() - t0
        timings.client_cpu_s = time.process_time() - cpu
        timings.task_cpu_s, timings.chunks = job.task_cpu_s, job.chunks
        timings.worker_cpu_s = sorted(job.worker_cpu_s.values(), reverse=True)
    finally:
        t0 = time.perf_counter()
        client.close()
        if cluster is not None:
            cluster.close()
        timings.close_s = time.perf_counter() - t0
    job.summary.read += len(unchanged)
    job.summary.skipped += len(unchanged)
    job.summary.seconds = time.perf_counter() - start
    return job.summary


class _Job:
    """One run's state: chunks in flight, results waiting for their turn, the run's copies."""

    def __init__(self, client, config, parquet_dir, events_out, quotes_out, errors_out):
        self.client, self.config, self.parquet_dir = client, config, parquet_dir
        self.outs = (events_out, quotes_out, errors_out)
        self.summary = RunSummary()
        self.copies = Copies()  # the corpus stage's near-duplicates, as in runner.run
        self.task_cpu_s, self.chunks = 0.0, 0  # RunTimings
        self.worker_cpu_s: dict[int, float] = {}

    def submit(self, part: int | str, articles: list[Article], write: bool = True):
        out = self.parquet_dir if write else None
        return self.client.submit(
            extract_chunk, part, articles, self.config, out, pure=False, retries=1
        )

    def run(self, chunks: Iterator[list[Article | Rejection]], limit: int) -> None:
        from distributed import as_completed

        pending: dict[Any, tuple[int, list[Article], list[dict[str, Any]], list[Article]]] = {}
        ready: dict[int, ChunkResult] = {}
        queue = as_completed()
        numbered = enumerate(chunks)
        next_out = 0

        def submit_next() -> bool:
            for index, batch in numbered:
                self.summary.read += len(batch)
                bad = [d.to_dict() for d in batch if isinstance(d, Rejection)]
                articles = [d for d in batch if isinstance(d, Article)]
                fresh, copies = self.copies.split(articles)
                if not fresh:
                    ready[index] = ChunkResult(index, rejections=bad, copies=copies)
                    continue
                future = self.submit(index, fresh)
                pending[future] = (index, fresh, bad, copies)
                queue.add(future)
                return True
            return False

        while len(pending) < limit and submit_next():
            pass
        while pending or next_out in ready:
            if pending:
                future = next(queue)
                index, fresh, bad, copies = pending.pop(future)
                try:
                    result = future.result()
                except Exception:  # a worker died or the task raised: retry one by one
                    result = self.retry_singly(index, fresh)
                result.rejections = bad + result.rejections
                result.copies = copies
                ready[index] = result
                while len(pending) < limit and submit_next():
                    pass
            while next_out in ready:  # in input order
                self.emit(next_out, ready.pop(next_out))
                next_out += 1

    def retry_singly(self, part: int | str, articles: list[Article]) -> ChunkResult:
        """Re-run a failed chunk article by article; those that still fail are rejected."""
        merged = ChunkResult(part if isinstance(part, int) else -1)
        for article in articles:
            try:
                merged.merge(self.submit(part, [article], write=False).result())
            except Exception as e:  # noqa: BLE001 - any failure here is this document's
                reason = f"{type(e).__name__}: {e}"
                merged.rejections.append(
                    Rejection(article.id, "worker_error", reason, article.path).to_dict()
                )
        if self.parquet_dir:
            from newsevents.scale.parquet import remove_part

            remove_part(self.parquet_dir, part)  # the failed attempt may have written some
            coded = set(merged.coded)
            kept = [a for a in articles if a.id in coded]
            write_parquet_part(self.parquet_dir, part, kept, merged.events, merged.quotes)
        return merged

    def emit(self, index: int, result: ChunkResult) -> None:
        """Write one chunk's results; code copies whose original was rejected."""
        self.copies.rejected(r["id"] for r in result.rejections)
        copies, orphans = self.copies.orphans(result.copies)
        if orphans:
            part = f"{index:06d}-orphans"
            try:
                extra = self.submit(part, orphans).result()
            except Exception:  # noqa: BLE001
                extra = self.retry_singly(part, orphans)
            result.merge(extra)
            self.copies.rejected(r["id"] for r in extra.rejections)
        if copies and self.parquet_dir:
            write_parquet_part(self.parquet_dir, f"{index:06d}-copies", copies, [], [])
        self.task_cpu_s += result.cpu_s
        for pid, cpu in result.worker_cpu_s.items():
            self.worker_cpu_s[pid] = self.worker_cpu_s.get(pid, 0.0) + cpu
        self.chunks += 1
        events_out, quotes_out, errors_out = self.outs
        s = self.summary
        s.count_rejections(result.rejections)
        write_jsonl(errors_out, result.rejections)
        s.count(
            processed=result.processed,
            events=len(result.events),
            quotes=len(result.quotes),
            words=result.words,
        )
        s.duplicates += len(copies)
        write_jsonl(events_out, result.events)
        write_jsonl(quotes_out, result.quotes)


def _one_process(config: RunConfig) -> RunConfig:
    """The run's config with one spaCy process: a Dask worker is the parallel unit."""
    return dataclasses.replace(config, settings=dataclasses.replace(config.settings, n_process=1))

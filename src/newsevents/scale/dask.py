"""Scale-out engine: the batch runner on a Dask cluster (local processes or a remote scheduler).

The client reads and decodes documents and sends them in chunks (``chunk_size`` articles per
task, so scheduling overhead stays small); each worker process loads spaCy once, validates
(language detection is the costly check, so it runs on workers), extracts, and optionally
writes its chunk as Parquet (see :mod:`newsevents.scale.parquet`) -- with a remote cluster the
Parquet folder must be on storage every worker can reach. Results come back to the client in
input order; at most ``max_in_flight`` chunks are pending, so memory stays bounded on any
input size. A chunk whose worker dies is retried one article per task, so a poison document
is rejected with reason ``worker_error`` and its neighbours are still coded.

Dask imports are lazy: ``import newsevents.scale`` works without the ``dask`` extra.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from newsevents.ingest import read_sources
from newsevents.models import Article, Rejection
from newsevents.runner import RunConfig, RunSummary, write_jsonl

DEFAULT_CHUNK = 50


@dataclasses.dataclass
class ChunkResult:
    """What one task sends back: JSON-ready records, never spaCy objects."""

    index: int
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    rejections: list[dict[str, Any]]
    processed: int = 0
    words: int = 0
    files: list[str] = dataclasses.field(default_factory=list)


def extract_chunk(
    index: int, articles: list[Article], config: RunConfig, parquet_dir: str | None = None
) -> ChunkResult:
    """Worker task: validate, extract and (optionally) write one chunk of articles."""
    from newsevents.ingest import validate
    from newsevents.runner import extract_batch
    from newsevents.scale.parquet import document_record, month_of, write_part

    rejected: list[Rejection] = []
    good: list[Article] = []
    for article in articles:
        problem = validate(article, config.ingest)
        (rejected if problem else good).append(problem or article)
    # One process per worker already: spaCy must not fork again inside a (daemon) worker.
    done, failed = (
        extract_batch(good, dataclasses.replace(config, n_process=1)) if good else ([], [])
    )
    rejected += failed
    events = [e.to_dict() for x in done for e in x.events]
    quotes = [q.to_dict() for x in done for q in x.quotes]
    result = ChunkResult(
        index,
        events,
        quotes,
        [r.to_dict() for r in rejected],
        processed=len(done),
        words=sum(len(x.article.text.split()) for x in done),
    )
    if parquet_dir:
        month = {x.article.id: month_of(x.article.date) for x in done}
        result.files = write_part(
            parquet_dir,
            index,
            {
                "documents": [(month[x.article.id], document_record(x.article)) for x in done],
                "mentions": [(month[e["doc"]], e) for e in events],
                "quotes": [(month[q["doc"]], q) for q in quotes],
            },
        )
    return result


def _preload(model: str) -> None:
    """Load spaCy in a worker before the first chunk arrives (cached per process)."""
    from newsevents.nlp import load_nlp

    load_nlp(model)


def _chunks(docs: Iterable[Article | Rejection], size: int) -> Iterator[list[Article | Rejection]]:
    batch: list[Article | Rejection] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def make_client(scheduler: str | None, n_workers: int):
    """A client to ``scheduler``, or to a new local cluster of ``n_workers`` processes.

    LocalCluster starts worker *processes* by spawning the main module again: a script that
    calls :func:`run_dask` without a scheduler must guard its entry point with
    ``if __name__ == "__main__":`` (the ``newsevents`` command already does).
    """
    import logging

    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(
        n_workers=n_workers,
        threads_per_worker=1,  # spaCy is CPU-bound; parallelism comes from processes
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    return Client(cluster), cluster


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
) -> RunSummary:
    """Extract every input document on a Dask cluster; same outputs and summary as ``run``."""
    from distributed import as_completed

    config = config or RunConfig()
    summary = RunSummary()
    start = time.perf_counter()
    # Reading on the client is cheap; the language check is left to the workers.
    client_ingest = dataclasses.replace(config.ingest, check_language=False)
    docs = read_sources(inputs, client_ingest)

    def reject(rows: list[dict[str, Any]]) -> None:
        for r in rows:
            summary.rejected[r["reason"]] += 1
        write_jsonl(errors_out, rows)

    client, cluster = make_client(scheduler, n_workers)
    try:
        client.run(_preload, config.model)
        threads = sum(client.nthreads().values()) or 1
        limit = max_in_flight or 2 * threads + 1
        pending: dict[Any, tuple[int, list[Article], list[dict[str, Any]]]] = {}
        ready: dict[int, ChunkResult] = {}
        next_out = 0
        queue = as_completed()
        chunks = enumerate(_chunks(docs, chunk_size))

        def submit_next() -> bool:
            for index, batch in chunks:
                summary.read += len(batch)
                articles = [d for d in batch if isinstance(d, Article)]
                bad = [d.to_dict() for d in batch if isinstance(d, Rejection)]
                if not articles:
                    ready[index] = ChunkResult(index, [], [], bad)
                    continue
                future = client.submit(
                    extract_chunk, index, articles, config, parquet_dir, pure=False, retries=1
                )
                pending[future] = (index, articles, bad)
                queue.add(future)
                return True
            return False

        while len(pending) < limit and submit_next():
            pass
        while pending:
            future = next(queue)
            index, articles, bad = pending.pop(future)
            try:
                result = future.result()
            except Exception:  # a worker died or the task raised: retry one by one
                result = _retry_singly(client, index, articles, config, parquet_dir)
            result.rejections = bad + result.rejections
            ready[index] = result
            while len(pending) < limit and submit_next():
                pass
            while next_out in ready:
                _emit(ready.pop(next_out), summary, reject, events_out, quotes_out)
                next_out += 1
        while next_out in ready:  # chunks made only of rejections, at the very end
            _emit(ready.pop(next_out), summary, reject, events_out, quotes_out)
            next_out += 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - start
    return summary


def _retry_singly(
    client, index: int, articles: list[Article], config: RunConfig, parquet_dir: str | None
) -> ChunkResult:
    """Re-run a failed chunk article by article; those that still fail are rejected."""
    merged = ChunkResult(index, [], [], [])
    kept: list[Article] = []
    for article in articles:
        try:
            part = client.submit(extract_chunk, -1, [article], config, None, pure=False).result()
        except Exception as e:  # noqa: BLE001 - any failure here is this document's
            merged.rejections.append(
                Rejection(
                    article.id, "worker_error", f"{type(e).__name__}: {e}", article.path
                ).to_dict()
            )
            continue
        merged.events += part.events
        merged.quotes += part.quotes
        merged.rejections += part.rejections
        merged.processed += part.processed
        merged.words += part.words
        if part.processed:
            kept.append(article)
    if parquet_dir:
        from newsevents.scale.parquet import document_record, month_of, remove_part, write_part

        remove_part(parquet_dir, index)  # the failed attempt may have written some months
        month = {a.id: month_of(a.date) for a in kept}
        merged.files = write_part(
            parquet_dir,
            index,
            {
                "documents": [(month[a.id], document_record(a)) for a in kept],
                "mentions": [(month[e["doc"]], e) for e in merged.events],
                "quotes": [(month[q["doc"]], q) for q in merged.quotes],
            },
        )
    return merged


def _emit(result: ChunkResult, summary: RunSummary, reject, events_out, quotes_out) -> None:
    reject(result.rejections)
    summary.processed += result.processed
    summary.words += result.words
    summary.events += len(result.events)
    summary.quotes += len(result.quotes)
    write_jsonl(events_out, result.events)
    write_jsonl(quotes_out, result.quotes)

"""Batch runs: read -> validate -> parse -> extract -> write/store, never stopped by one bad document."""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from newsevents import corpus
from newsevents.config import Settings, current, use
from newsevents.corpus import Copies, RunSummary
from newsevents.ingest import IngestConfig, read_sources
from newsevents.ingest.versions import Versions
from newsevents.languages import model_for
from newsevents.languages.route import group_by_language
from newsevents.models import Article, Extraction, Rejection
from newsevents.progress import Progress, Reporter, count_documents


@dataclass
class RunConfig:
    """One batch run: the settings (newsevents.config) every stage runs with, how much text
    the store keeps, and the input checks."""

    settings: Settings = field(default_factory=current)
    keep_text: str = "full"
    ingest: IngestConfig = field(default_factory=IngestConfig)

    @property
    def model(self) -> str:
        return self.settings.model

    @property
    def n_process(self) -> int:  # as asked, capped at the usable CPUs (max_processes)
        return self.settings.processes

    @property
    def batch_size(self) -> int:  # documents per spaCy batch
        return self.settings.batch_size

    @property
    def batch_docs(self) -> int:  # documents per store transaction / output flush
        return self.settings.batch_docs

    @property
    def max_chunk_chars(self) -> int:
        return self.settings.max_chunk_chars


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_batch(
    articles: list[Article],
    config: RunConfig,
    on_chunk: Callable[[str, int, int], None] | None = None,
) -> tuple[list[Extraction], list[Rejection]]:
    """Extract every article of a batch, each by its language's pipeline (in input order);
    a document that fails is rejected, the rest go on. Every stage runs with
    ``config.settings``; ``on_chunk(doc_id, done, total)`` follows the parsing."""
    with use(config.settings), _collector(config.settings):
        return _extract_batch(articles, config, on_chunk)


# Young objects between two collections while coding (Python's default: 700). The stages
# make and drop many small objects; most die by reference counting before a collection.
GC_YOUNG = 7_000


@contextlib.contextmanager
def _collector(settings: Settings) -> Iterator[None]:
    """The garbage collector as a batch of coding wants it (setting ``gc_batch``): young
    collections ten times rarer, restored after the batch."""
    if not settings.gc_batch or not gc.isenabled():
        yield
        return
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], GC_YOUNG), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


@functools.lru_cache(maxsize=1)
def _freeze_loaded() -> None:
    """Once a process has coded an article, the models and dictionaries it loaded stay to the
    end: frozen (``gc.freeze``), full collections no longer walk them (each full collection
    walked every one of them: ~0.25 s at a time, ~1 % of an ingest). Reference counting
    still frees what is frozen; only a cycle made of objects alive now is never collected.
    Once per process (an lru_cache of one call)."""
    gc.freeze()


def _extract_batch(
    articles: list[Article],
    config: RunConfig,
    on_chunk: Callable[[str, int, int], None] | None = None,
) -> tuple[list[Extraction], list[Rejection]]:
    # spaCy is imported here, not with this module: query commands import the runner
    # (through follow) and must start without loading spaCy
    from newsevents.nlp import load_nlp, parse_articles
    from newsevents.pipeline import process_parsed

    done: list[tuple[int, Extraction]] = []
    failed: list[Rejection] = []
    for language, items in group_by_language(articles).items():
        model = model_for(language, config.settings.models())
        try:
            nlp = load_nlp(model)  # loaded on first use: an English-only run never loads Spanish
        except (OSError, ImportError) as e:
            failed.extend(
                Rejection(
                    a.id,
                    "model_missing",
                    f"spaCy model {model!r} for language {language!r} cannot be loaded "
                    f"(install the package {model.replace('_', '-')!r}): {e}",
                    a.path,
                )
                for _, a in items
            )
            continue
        parsed_iter = parse_articles(
            [a for _, a in items],
            nlp,
            batch_size=config.batch_size,
            batch_chars=config.settings.batch_chars,
            n_process=config.n_process,
            max_chunk_chars=config.max_chunk_chars,
            on_chunk=on_chunk,
        )
        for (index, _), parsed in zip(items, parsed_iter, strict=True):
            try:
                extraction = process_parsed(parsed)
                if config.settings.gc_batch:
                    _freeze_loaded()
                bad = extraction.bad_spans()
                if bad:  # the store would refuse it: reject this document, keep the batch
                    raise ValueError(f"{len(bad)} spans do not point into the text ({bad[0]})")
                done.append((index, extraction))
            except Exception as e:  # one bad document must never stop the batch
                failed.append(
                    Rejection(
                        parsed.article.id,
                        "extraction_error",
                        f"{type(e).__name__}: {e}",
                        parsed.article.path,
                    )
                )
    done.sort(key=lambda x: x[0])
    return [x for _, x in done], failed


def write_jsonl(out: TextIO | None, rows: Iterable[dict]) -> None:
    if out is None:
        return
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    out.flush()


def run(
    inputs: Iterable[str],
    config: RunConfig | None = None,
    *,
    store=None,
    events_out: TextIO | None = None,
    quotes_out: TextIO | None = None,
    errors_out: TextIO | None = None,
    places_out: TextIO | None = None,
    places_all: bool = False,
    on_batch: Callable[[RunSummary], None] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> RunSummary:
    """Process every input document; store and/or write JSON lines; report bad ones.

    ``places_out`` gets the literal toponyms (with ``places_all`` demonyms and metonyms too)
    as the places JSON lines of ``places.place_rows``. ``on_progress`` follows the run
    (phases, counts against the total when known, chunks of long documents: newsevents.progress)."""
    config = config or RunConfig()
    summary = RunSummary()
    start_time = time.perf_counter()
    progress = Reporter(on_progress)
    if progress:
        inputs = list(inputs)
        progress.phase("counting")
        progress.progress.total = count_documents(inputs)
        progress.phase("reading")

    def reject(rejections: list[Rejection]) -> None:
        summary.count_rejections(rejections)
        write_jsonl(errors_out, (r.to_dict() for r in rejections))
        if store is not None and rejections:
            store.add_rejections(rejections)

    found = Copies(store)  # the corpus stage's near-duplicates: linked, not coded
    versions = Versions(store)
    docs = _told(read_sources(inputs, config.ingest), progress)
    ahead = _embed_ahead(store, config)  # storyline embeddings, on a thread while we parse
    pool = _coding_pool(store, config)  # n_process > 1: workers parse, code and embed
    vectors: dict = {}

    def start(batch: list) -> tuple:
        """Read one batch: reject the bad documents, split off unchanged ones and copies,
        start its coding (in the workers: returns at once)."""
        summary.read += len(batch)
        articles = [d for d in batch if isinstance(d, Article)]
        reject([d for d in batch if isinstance(d, Rejection)])
        # Resume and idempotency: a document already read (stored, or earlier in this run)
        # with the same text is not parsed again; the same id with a new text is a new
        # version.
        articles, unchanged = versions.assign(articles)
        summary.skipped += len(unchanged)
        articles, copies = found.split(articles)
        if ahead is not None:  # embedded while this batch is parsed (a rejected one: unused)
            ahead.submit((a.title, a.text) for a in articles + copies)
        coding = None
        if pool is not None and (articles or copies):
            progress.phase("parsing")
            coding = pool.submit_batch(articles, copies)
        return articles, copies, coding

    def write(done: list[Extraction]) -> None:
        for x in done:
            write_jsonl(events_out, (e.to_dict() for e in x.events))
            write_jsonl(quotes_out, (q.to_dict() for q in x.quotes))
            if places_out is not None:
                from newsevents.places import place_rows

                write_jsonl(places_out, place_rows(x, everything=places_all))

    def finish(articles: list[Article], copies: list[Article], coding) -> None:
        """Wait for one batch's coding, then store and write it."""
        if articles:
            progress.phase("parsing")  # the first batch loads the model too
            stored = 0  # extractions at the head of ``done`` already stored and written
            if coding is not None:
                done, failed = [], []
                for coded in coding.each():  # each task stored while the workers code on
                    if store is not None and coded.done:
                        corpus.add(store, coded.done, config.keep_text)
                    write(coded.done)
                    done += coded.done
                    failed += coded.failed
                stored = len(done)
                failed = coding.in_order(failed)
            else:
                done, failed = extract_batch(
                    articles, config, progress.chunk_parsed if progress else None
                )
            failed_ids = {r.id for r in failed}
            for a in articles:
                if a.id in failed_ids:
                    versions.forget(a.id, a.key)
            found.rejected(failed_ids)
            copies, orphans = found.orphans(copies)  # copies of a rejected article: coded
            if orphans:
                if pool is not None:
                    more_done, more_failed = pool.code(orphans)
                else:
                    more_done, more_failed = extract_batch(orphans, config)
                done += more_done
                failed += more_failed
            reject(failed)
            if store is not None:  # the same rows, in the same order, as one call for all
                rest = done[stored:] + [Extraction(article=a) for a in copies]
                if rest or not stored:
                    corpus.add(store, rest, config.keep_text)
            summary.count_coded(done)
            write(done[stored:])
        summary.duplicates += len(copies)
        if store is not None and copies and not articles:
            corpus.add(store, [Extraction(article=a) for a in copies], config.keep_text)
        summary.seconds = time.perf_counter() - start_time
        if on_batch:
            on_batch(summary)
        if progress:
            rejected = sum(summary.rejected.values())
            progress.batch_done(summary.read, summary.processed, rejected, summary.events)
            progress.phase("reading")

    try:
        if pool is not None:
            pool.start()  # they load spaCy while the first batch is read
        # With workers, the next batch is read while they code this one; it is started
        # (versions, copies) only once this one is stored, as one process does.
        pending = None
        for batch in _batches(docs, config.batch_docs):
            if pending is not None:
                finish(*pending)
            pending = start(batch)
            if pool is None:
                finish(*pending)
                pending = None
        if pending is not None:
            finish(*pending)
        summary.seconds = time.perf_counter() - start_time
        if store is not None and config.settings.stories:
            progress.phase("storylines")
            if ahead is not None:
                vectors = ahead.vectors()
            elif pool is not None:  # the workers' embedding tasks
                vectors = pool.vectors()
            corpus.assign_storylines(store, config.settings, vectors or None)
    finally:
        if ahead is not None:
            ahead.close()
        if pool is not None:
            pool.close()
    progress.phase("done")
    return summary


def _embed_ahead(store, config: RunConfig):
    """The storyline embeddings' worker thread of a run (``stories.ahead``), or None: only
    for a run that stores full texts and gives them storylines, with one spaCy process
    (with more, the worker processes embed their own articles: ``_coding_pool``)."""
    settings = config.settings
    if store is None or not settings.stories or not settings.embed_ahead:
        return None
    if config.keep_text != "full" or settings.processes != 1:
        return None  # the clusterer reads another text, or the workers embed
    from newsevents.stories.ahead import EmbedAhead

    return EmbedAhead(settings)


def _coding_pool(store, config: RunConfig):
    """The worker processes of a run with ``n_process`` > 1 (``scale.processes``), or None.
    They embed the storylines too when the run gives its stored full texts storylines."""
    settings = config.settings
    if settings.processes <= 1:
        return None
    from newsevents.scale.processes import CodingPool

    embed = (
        store is not None
        and settings.stories
        and settings.embed_ahead
        and config.keep_text == "full"
    )
    return CodingPool(config, extract_batch, embed=embed)


def _told(docs: Iterable[Article | Rejection], progress: Reporter) -> Iterator[Article | Rejection]:
    """``docs``, telling the progress of each one read."""
    for doc in docs:
        if progress:
            progress.document_read()
        yield doc

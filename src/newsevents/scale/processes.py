"""A local run on several processes: each worker parses, codes and embeds whole articles.

With ``n_process`` > 1, ``runner.run`` hands each batch's articles to :class:`CodingPool`:
``n_process`` worker processes, each with its own spaCy pipeline, run every extraction stage
and the storyline embeddings of their articles and send back the extractions (plain
dataclasses) and the vectors. The main process keeps what needs the whole run in order: reading,
versions, near-duplicates, the store and the storylines' clustering. (spaCy's own
``n_process`` only parses in its workers; the coding and the embeddings, about as much CPU as
the parse, then ran in the main process alone.)

The answers are the ones one process gives: a worker runs ``runner.extract_batch`` (with one spaCy process) on a slice
of the batch (one spaCy process), the slices are joined in input order, rejections in the
order one process writes them, and each vector comes from the exact text the clusterer would
embed (``stories.ahead.text_key``), one article at a time as the clusterer embeds it.

The storyline embeddings are tasks of their own, queued behind the batch's coding tasks: a
worker that has coded its last slice embeds while the other codes its own, and while the main
process stores the batch and starts the next one (when each coding task embedded its own
articles, a worker sat idle at each batch's end). As with one process (``stories.ahead``),
every article read is embedded, a rejected one for nothing.

A slice whose worker dies (or whose task fails outside the per-document guard) is run again
one article per task; an article that still fails is rejected as ``worker_error`` and its
neighbours are coded, as the Dask engine does (``scale.dask``).
"""

from __future__ import annotations

import dataclasses
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from newsevents.languages.route import group_by_language
from newsevents.models import Article, Extraction, Rejection

# ``runner.RunConfig`` and ``runner.extract_batch``: the runner imports this module, so they
# come in as arguments (a worker task names ``extract_batch`` by reference when pickled)
RunConfig = Any
Extract = Callable[[list[Article], Any], tuple[list[Extraction], list[Rejection]]]


@dataclasses.dataclass
class Coded:
    """What one coding task sends back: the extractions and rejections of its articles."""

    done: list[Extraction] = dataclasses.field(default_factory=list)
    failed: list[Rejection] = dataclasses.field(default_factory=list)


def one_process(config: RunConfig) -> RunConfig:
    """The run's config with one spaCy process: the worker is the parallel unit."""
    return dataclasses.replace(config, settings=dataclasses.replace(config.settings, n_process=1))


def code_task(extract: Extract, articles: list[Article], config: RunConfig) -> Coded:
    """Worker task: ``extract`` (``runner.extract_batch``) ``articles``."""
    done, failed = extract(articles, config) if articles else ([], [])
    return Coded(done, failed)


def embed_task(articles: list[Article], config: RunConfig) -> dict[bytes, Any]:
    """Worker task: the storyline vectors of ``articles``. An embedding that fails leaves
    its vectors out: the storylines step embeds those texts itself and meets the error there."""
    try:
        return embed_articles(articles, config)
    except Exception:  # noqa: BLE001 - the clusterer embeds these itself
        return {}


def embed_articles(articles: list[Article], config: RunConfig) -> dict[bytes, Any]:
    """Text digest -> storyline vector of each article, from the text the clusterer embeds."""
    from newsevents.config import use
    from newsevents.stories.ahead import keyed_texts
    from newsevents.stories.embed import embed

    texts = keyed_texts((a.title, a.text) for a in articles)
    if not texts:
        return {}
    with use(config.settings):
        return dict(zip(texts, embed(list(texts.values())), strict=True))


def slices(n: int, workers: int) -> list[tuple[int, int]]:
    """(start, end) of each task over ``n`` items: each a ``2 * workers``-th of what is left
    (guided scheduling), so the last tasks are small and the workers finish a batch together."""
    out, start = [], 0
    while start < n:
        size = max(1, -(-(n - start) // (2 * workers)))
        out.append((start, start + size))
        start += size
    return out


def start_method() -> str:
    """``fork`` where the platform has it (a worker starts with what the main process has
    imported; the main process of a run has not loaded spaCy), else ``spawn``."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def process_pool(workers: int, model: str | None = None) -> Executor:
    """``workers`` processes, each loading spaCy's ``model`` as it starts."""
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(start_method()),
        initializer=_load_model,
        initargs=(model,),
    )


def _load_model(model: str | None) -> None:
    """A worker's start: its spaCy pipeline, loaded while the main process reads the first
    batch. A model that cannot load is the tasks' to report (``model_missing``)."""
    if model is None:
        return
    from newsevents.nlp import load_nlp

    try:
        load_nlp(model)
    except Exception:  # noqa: BLE001 - extract_batch rejects the documents with the reason
        return


# An invented article that every stage has work on (actors, an event, a place, a date, a
# quote): coding it loads what the stages load at their first document.
WARM_UP_TEXT = (
    "The foreign minister of Ruritania met the prime minister of Freedonia in Geneva on "
    'Monday. "We will sign the agreement next week," the minister told reporters.'
)


def warm_up(config: RunConfig, extract: Extract, embed: bool) -> None:
    """Load in this process what a worker loads for its first article: spaCy, the stages'
    dictionaries and models, with ``embed`` the storyline model (one onnxruntime thread
    only: a forked child has none of its parent's threads). A failure is the tasks' to
    report, each for its documents."""
    from newsevents.nlp import load_nlp

    warm = Article(id="newsevents-warm-up", text=WARM_UP_TEXT, date="2021-04-12")
    try:
        load_nlp(config.model)
        extract([warm], config)
        if embed and config.settings.embed_threads == 1:
            embed_articles([warm], config)
    except Exception:  # noqa: BLE001 - the workers meet it again on real documents
        return


def _ready() -> None:
    """A task that does nothing: submitted once per worker, it starts them all."""


class Batch:
    """One batch in flight: its coding tasks' futures (``each()``, ``result()`` wait and
    join them) and, behind them, its embedding tasks' (``vectors()``)."""

    def __init__(
        self, pool: CodingPool, articles: list[Article], copies: list[Article], embed: bool
    ):
        self.pool, self.articles = pool, articles
        self.tasks = [articles[lo:hi] for lo, hi in slices(len(articles), pool.workers)]
        self.futures = [pool.submit(code_task, pool.extract, task) for task in self.tasks]
        read = articles + copies if embed else []
        self.embedding = [
            pool.submit(embed_task, read[lo:hi]) for lo, hi in slices(len(read), pool.workers)
        ]

    def each(self) -> Iterator[Coded]:
        """Each coding task's answer as it is ready, in input order (the tasks are
        consecutive slices of the batch): the runner stores one while the workers code the next."""
        for task, future in zip(self.tasks, self.futures, strict=True):
            try:
                yield future.result()
            except Exception:  # a worker died or the task raised: one article per task
                yield self.pool.singly(task)

    def in_order(self, failed: list[Rejection]) -> list[Rejection]:
        """Rejections in the order one process gives them: by language, then input order."""
        order = {
            a.id: (rank, i)
            for rank, items in enumerate(group_by_language(self.articles).values())
            for i, a in items
        }
        return sorted(failed, key=lambda r: order.get(r.id, (len(order), 0)))

    def vectors(self) -> dict[bytes, Any]:
        """Text digest -> storyline vector of the batch's articles and copies, waiting for
        them; a task that failed (its worker died) leaves its texts to the storylines step."""
        out: dict[bytes, Any] = {}
        for future in self.embedding:
            try:
                out.update(future.result())
            except Exception:  # noqa: BLE001 - the clusterer embeds these itself
                continue
        return out

    def result(self) -> tuple[list[Extraction], list[Rejection], dict[bytes, Any]]:
        """The batch's extractions in input order, its rejections in the order one process
        gives them and the vectors."""
        joined = Coded()
        for coded in self.each():
            joined.done += coded.done
            joined.failed += coded.failed
        return joined.done, self.in_order(joined.failed), self.vectors()


class CodingPool:
    """``n_process`` worker processes coding (and embedding) the batches of one run.

    ``submit_batch(articles, copies)`` returns a :class:`Batch` at once; its ``each()`` and
    ``result()`` wait. ``extract``: ``runner.extract_batch``. ``embed``: the workers also
    compute storyline vectors (a run that stores full texts and gives them storylines),
    ``vectors()`` waits for them. ``make_pool(workers, model)``: the executor (tests pass
    their own)."""

    def __init__(
        self,
        config: RunConfig,
        extract: Extract,
        embed: bool = False,
        make_pool: Callable[[int, str], Executor] = process_pool,
    ) -> None:
        self.config = one_process(config)
        self.extract = extract
        self.workers = config.n_process
        self.embed = embed
        self.make_pool = make_pool
        self._pool: Executor | None = None
        self._embedding: list[Batch] = []  # batches with embedding tasks, for vectors()

    def _executor(self) -> Executor:
        if self._pool is None:
            self._pool = self.make_pool(self.workers, self.config.model)
        return self._pool

    def start(self) -> None:
        """Start the workers without waiting for them. Forked workers start ready: this
        process loads spaCy and codes (and embeds) one invented article first, so what the
        stages load at their first document is loaded once and shared by the workers' pages,
        not loaded again by each (about 3 s of CPU a worker); spawned ones load spaCy."""
        if start_method() == "fork":
            warm_up(self.config, self.extract, self.embed)
        pool = self._executor()
        for _ in range(self.workers):
            pool.submit(_ready)

    def submit(self, task: Callable[..., Any], *args: Any) -> Future:
        """``task(*args, config)`` in a worker."""
        try:
            return self._executor().submit(task, *args, self.config)
        except BrokenProcessPool:  # an earlier task killed a worker: a new pool
            self._restart()
            return self._executor().submit(task, *args, self.config)

    def submit_batch(self, articles: list[Article], copies: list[Article] = ()) -> Batch:
        """Start coding a batch's ``articles`` and, with ``embed``, embedding them and its
        ``copies`` (their vectors: ``vectors()``); returns at once."""
        batch = Batch(self, list(articles), list(copies), self.embed)
        if batch.embedding:
            self._embedding.append(batch)
        return batch

    def code(self, articles: list[Article]) -> tuple[list[Extraction], list[Rejection]]:
        """Code ``articles`` (nothing embedded) and wait."""
        done, failed, _ = Batch(self, list(articles), [], embed=False).result()
        return done, failed

    def vectors(self) -> dict[bytes, Any]:
        """Text digest -> storyline vector of every batch submitted, waiting for them."""
        out: dict[bytes, Any] = {}
        for batch in self._embedding:
            out.update(batch.vectors())
        return out

    def singly(self, task: list[Article]) -> Coded:
        """A failed task again, one article per task; an article whose task still fails is
        rejected (``worker_error``)."""
        merged = Coded()
        for article in task:
            try:
                coded = self.submit(code_task, self.extract, [article]).result()
            except Exception as e:  # noqa: BLE001 - any failure here is this document's
                if isinstance(e, BrokenProcessPool):
                    self._restart()
                reason = f"{type(e).__name__}: {e}"
                merged.failed.append(Rejection(article.id, "worker_error", reason, article.path))
                continue
            merged.done += coded.done
            merged.failed += coded.failed
        return merged

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> CodingPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

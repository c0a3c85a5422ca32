"""A local run on two processes (scale.processes): workers parse, code and embed; the outputs
and the store are those of one process; a worker that dies costs only its article."""

from __future__ import annotations

import importlib
import io
import os
import sqlite3
from concurrent.futures import Executor, Future
from dataclasses import replace

import pytest

from newsevents.config import Settings
from newsevents.models import Article, Extraction
from newsevents.runner import RunConfig, extract_batch, run
from newsevents.scale import processes
from newsevents.scale.processes import CodingPool, slices
from newsevents.store import Store

pytestmark = [
    pytest.mark.issue(16),
    pytest.mark.skipif(processes.start_method() != "fork", reason="the patched task needs fork"),
]
cluster = importlib.import_module("newsevents.stories.cluster")

# invented news: an event, a quote, a place and a date in most of them, two on one story
ARTICLES = {
    "port-1.txt": "Dockworkers in Valdoria struck at the northern harbour on Monday.\n"
    '"We will not go back until wages rise," the union leader Mara Ostrov told reporters.',
    "port-2.txt": "The Valdoria dockworkers' strike entered its third day at the harbour.\n"
    "Union leaders met the port authority in Kessin on Wednesday without a deal.",
    "vote-1.txt": "Lawmakers in Ostria passed a budget after a night-long session.\n"
    "The opposition walked out before the final vote, its leader said.",
    "border-1.txt": "Troops of Ruritania shelled a border post of Freedonia on Tuesday.\n"
    "Freedonia's foreign minister condemned the attack in Geneva.",
    "aid-1.txt": "The Red Cross delivered food to refugees near the city of Arlen.\n"
    "Officials said more convoys would follow next week.",
    "short.txt": "Two words",  # rejected as read: too short
}
# a wire copy of one of them: linked, not coded, but stored and given a storyline
ARTICLES["port-1-copy.txt"] = ARTICLES["port-1.txt"] + " (Wire)"


def _folder(tmp_path) -> str:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for file, text in ARTICLES.items():
        (folder / file).write_text(text, encoding="utf-8")
    return str(folder)


def _ingest(tmp_path, name: str, n_process: int) -> tuple[dict, list[int]]:
    embedded: list[int] = []
    real = cluster.embed_docs

    def counting(docs):  # what the storylines step (main process) still had to embed
        embedded.append(sum(d.embedding is None for d in docs))
        real(docs)

    # batches of 2 documents: several batches, each spread over the workers
    # max_processes: two processes even where fewer CPUs are usable (the cap's default)
    settings = replace(Settings(), n_process=n_process, max_processes=n_process, batch_docs=2)
    config = RunConfig(settings=settings)
    outs = {k: io.StringIO() for k in ("events", "quotes", "errors", "places")}
    db = tmp_path / name
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cluster, "embed_docs", counting)
        with Store(db) as store:
            run(
                [_folder(tmp_path)],
                config,
                store=store,
                events_out=outs["events"],
                quotes_out=outs["quotes"],
                errors_out=outs["errors"],
                places_out=outs["places"],
            )
    con = sqlite3.connect(db)
    tables = {
        "documents": "SELECT id, story_id, title, date, duplicate_of FROM documents ORDER BY rowid",
        "mentions": "SELECT * FROM mentions ORDER BY rowid",
        "quotes": "SELECT * FROM quotes ORDER BY rowid",
        "stories": "SELECT s.id, s.emb, s.state FROM story_state s ORDER BY s.id",
    }
    got = {k: con.execute(q).fetchall() for k, q in tables.items()}
    con.close()
    got.update({k: out.getvalue() for k, out in outs.items()})
    return got, embedded


def test_two_processes_write_what_one_writes_and_embed_in_the_workers(tmp_path):
    one, left_one = _ingest(tmp_path, "one.db", 1)
    two, left_two = _ingest(tmp_path, "two.db", 2)
    assert len(one["documents"]) == len(ARTICLES) - 1 and one["events"] and one["quotes"]
    assert '"too_short"' in one["errors"]
    assert [row[-1] for row in one["documents"] if row[-1]] == ["port-1-copy.txt"]  # a copy, linked
    for key in one:
        assert two[key] == one[key], key
    assert sum(left_two) == 0  # every vector came from the workers


REAL_TASK = processes.code_task


def dying_task(extract, articles, config):
    """``code_task``, but a worker given the article 'poison' dies (as on a segfault)."""
    if any(a.id == "poison" for a in articles):
        os._exit(1)
    return REAL_TASK(extract, articles, config)


def test_a_dead_worker_costs_only_its_article(monkeypatch):
    texts = [t for name, t in ARTICLES.items() if name.count("-") == 1]
    docs = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    docs.insert(2, Article(id="poison", text="Rebels attacked a police post on Monday."))
    monkeypatch.setattr(processes, "code_task", dying_task)
    config = RunConfig(settings=replace(Settings(), n_process=2, max_processes=2))
    with CodingPool(config, extract_batch) as pool:
        done, failed = pool.code(docs)
        again, _ = pool.code(docs[:2])  # the pool was started again
        vectors = pool.vectors()
    assert [x.article.id for x in done] == ["a0", "a1", "a2", "a3", "a4"], failed
    [rejection] = failed
    assert rejection.id == "poison" and rejection.reason == "worker_error"
    assert "BrokenProcessPool" in rejection.detail
    assert vectors == {}  # no store, no storylines: nothing embedded
    assert [x.article.id for x in again] == ["a0", "a1"]


def test_n_process_is_capped_at_the_usable_cpus(monkeypatch):
    from newsevents import config as config_module

    monkeypatch.setattr(config_module, "usable_cpus", lambda: 2)
    assert Settings(n_process=8).processes == 2  # no more processes than CPUs
    assert Settings(n_process=1).processes == 1
    assert Settings(n_process=8, max_processes=3).processes == 3  # a cap given: that one
    assert RunConfig(settings=Settings(n_process=6)).n_process == 2


def test_the_usable_cpus_follow_the_affinity_mask():
    from newsevents.config import usable_cpus

    if hasattr(os, "sched_getaffinity"):
        assert 1 <= usable_cpus() <= len(os.sched_getaffinity(0))
    else:
        assert 1 <= usable_cpus() <= (os.cpu_count() or 1)


def test_tasks_shrink_toward_the_end_of_a_batch():
    got = slices(20, 2)
    assert got[0] == (0, 5) and got[-1][1] == 20
    assert all(a[1] == b[0] for a, b in zip(got, got[1:], strict=False))
    sizes = [hi - lo for lo, hi in got]
    assert sizes == sorted(sizes, reverse=True) and sizes[-1] == 1
    assert slices(0, 2) == [] and slices(1, 3) == [(0, 1)]


class _InOrder(Executor):
    """Runs each task as it is submitted, noting its name: the order the workers take them."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def submit(self, fn, /, *args, **kwargs):
        self.names.append(fn.__name__)
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def test_embedding_tasks_queue_behind_the_coding_tasks(monkeypatch):
    """A worker done coding embeds while the other still codes: every embedding task comes
    after the batch's coding tasks, and the vectors cover its articles and copies."""
    executor = _InOrder()
    monkeypatch.setattr(processes, "embed_articles", lambda arts, config: {a.id: 1 for a in arts})

    def extract(articles, config):
        return [Extraction(article=a) for a in articles], []

    docs = [Article(id=f"a{i}", text="Rebels attacked a police post.") for i in range(6)]
    copy = Article(id="c0", text="Rebels attacked a police post (Wire).")
    config = RunConfig(settings=replace(Settings(), n_process=2, max_processes=2))
    pool = CodingPool(config, extract, embed=True, make_pool=lambda n, model: executor)
    done, failed, vectors = pool.submit_batch(docs, [copy]).result()
    assert [x.article.id for x in done] == [d.id for d in docs] and not failed
    names = executor.names
    assert set(names) == {"code_task", "embed_task"}
    assert names.index("embed_task") > max(i for i, n in enumerate(names) if n == "code_task")
    assert set(vectors) == {d.id for d in docs} | {"c0"} == set(pool.vectors())
    assert pool.code(docs[:2])[0] and set(pool.vectors()) == set(vectors)  # code(): no embedding

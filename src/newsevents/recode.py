"""Re-code stored documents with the current coder and dictionaries."""

from __future__ import annotations

import time

from newsevents import corpus
from newsevents.corpus import RunSummary
from newsevents.models import Article
from newsevents.runner import RunConfig, extract_batch


def recode_store(
    store, config: RunConfig | None = None, batch_docs: int | None = None
) -> RunSummary:
    """Re-extract every stored document that kept its full text; replaces its mentions and
    quotes (``batch_docs``: the config's by default)."""
    config = config or RunConfig()
    batch_docs = batch_docs or config.batch_docs
    summary = RunSummary()
    start = time.perf_counter()
    rows = store.iter_documents_text()
    for i in range(0, len(rows), batch_docs):
        articles = []
        for row in rows[i : i + batch_docs]:
            summary.read += 1
            if row["text"] is None:
                summary.rejected["no_stored_text"] += 1
                continue
            articles.append(
                Article(
                    id=row["id"],
                    text=row["text"],
                    title=row["title"],
                    date=row["date"],
                    url=row["url"],
                    source=row["source"],
                    path=row["path"],
                    language=row.get("language"),
                )
            )
        done, failed = extract_batch(articles, config)
        summary.count_rejections(failed)
        corpus.add(store, done, "full", replace=True)
        summary.count_coded(done)
    summary.seconds = time.perf_counter() - start
    if config.settings.stories:
        corpus.assign_storylines(store, config.settings)
    return summary

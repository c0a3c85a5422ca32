"""Fetched articles -> the store, through the same runner as ``newsevents ingest``.

New articles go through :func:`newsevents.runner.run` (validation, resume by text hash,
near-duplicate linking, coding). A new version of a stored article is validated and coded
on its own: it is close to its previous version by construction, and must not be linked
to it as a wire copy.
"""

from __future__ import annotations

from newsevents.ingest import validate
from newsevents.ingest.dedupe import signature, to_hex
from newsevents.models import Article, Rejection
from newsevents.runner import RunConfig, extract_batch, run
from newsevents.store import Store


def store_articles(
    store: Store, new: list[Article], versions: list[Article], config: RunConfig
) -> dict[str, int]:
    counts = {"coded": 0, "versions": 0, "duplicates": 0, "already_stored": 0, "rejected": 0}
    if new:
        summary = run(new, config, store=store)
        counts["coded"] += summary.processed
        counts["duplicates"] += summary.duplicates
        counts["already_stored"] += summary.skipped
        counts["rejected"] += sum(summary.rejected.values())
    if versions:
        good: list[Article] = []
        rejected: list[Rejection] = []
        for article in versions:
            problem = validate(article, config.ingest)
            (rejected.append(problem) if problem else good.append(article))
        known = store.stored_sha(a.id for a in good)
        good = [a for a in good if a.id not in known]  # stored by an interrupted round
        counts["already_stored"] += len(versions) - len(rejected) - len(good)
        for article in good:  # copies of this version are linked to it later
            article.fingerprint = to_hex(signature(article.text))
        if good:
            done, failed = extract_batch(good, config)
            rejected += failed
            store.add(done, keep_text=config.keep_text)
            counts["coded"] += len(done)
            counts["versions"] += len(done)
        if rejected:
            store.add_rejections(rejected)
            counts["rejected"] += len(rejected)
    return counts

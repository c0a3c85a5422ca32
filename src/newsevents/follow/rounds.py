"""One polling round over every feed, and the loop that repeats it (``newsevents follow``).

Per feed: a conditional GET; the entries not seen before (by canonical URL), or seen but
changed, are fetched as pages, read, coded and stored in small batches; each item is
marked seen only once its document is in the store, so a round stopped anywhere is taken
up by the next one without coding an article twice. A feed that fails is counted, backed
off, and tried again in a later round; it never stops the others.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from newsevents.corpus import assign_storylines
from newsevents.follow.feeds import FeedItem, FeedParseError, parse_feed
from newsevents.follow.fetch import FetchConfig, Fetcher, FetchError
from newsevents.follow.lease import Lease
from newsevents.follow.page import item_article
from newsevents.follow.urls import document_id
from newsevents.ingest.versions import text_sha
from newsevents.models import Article
from newsevents.runner import RunConfig, run
from newsevents.store import Store
from newsevents.store import follow as sql

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml,"
    " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5"


@dataclass
class FollowConfig:
    fetch: FetchConfig = field(default_factory=FetchConfig.from_settings)
    run: RunConfig = field(default_factory=RunConfig)
    batch_items: int = 16  # articles coded and stored together
    max_item_attempts: int = 3  # an item page that keeps failing is given up after this
    error_backoff: float = 60.0  # a failing feed waits this long, doubled per further failure
    max_error_backoff: float = 6 * 3600.0
    stories: bool = True  # update storylines after a round that stored articles


@dataclass
class RoundSummary:
    round: int = 1
    feeds: int = 0  # feeds polled
    not_modified: int = 0  # of which answered 304
    feed_errors: int = 0
    items_new: int = 0  # entries never seen before
    items_updated: int = 0  # seen entries whose feed entry changed
    coded: int = 0  # articles parsed and coded
    versions: int = 0  # new versions of stored articles
    duplicates: int = 0  # copies of a stored article: linked, not coded
    already_stored: int = 0  # stored by an earlier, interrupted round
    rejected: int = 0
    item_errors: int = 0
    seconds: float = 0.0
    stopped: bool = False
    errors: list[dict[str, Any]] = field(default_factory=list)

    def line(self) -> str:
        parts = [
            f"round {self.round}: {self.feeds} feeds polled ({self.not_modified} not modified,"
            f" {self.feed_errors} failed)",
            f"{self.items_new} items new, {self.items_updated} updated",
            f"{self.coded} articles coded ({self.versions} new versions)",
            f"{self.duplicates} duplicates, {self.rejected} rejected, {self.item_errors} item errors",
        ]
        tail = f" in {self.seconds:.1f}s" + (" (stopped)" if self.stopped else "")
        return "; ".join(parts) + tail

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Pending:
    item: FeedItem
    article: Article
    feed_url: str


class Round:
    """State of one round: the store, the client, the lease, the stop flag, the counts."""

    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        config: FollowConfig,
        *,
        number: int = 1,
        lease: Lease | None = None,
        stop: threading.Event | None = None,
    ):
        self.store = store
        self.fetcher = fetcher
        self.config = config
        self.lease = lease
        self.stop = stop or threading.Event()
        self.summary = RoundSummary(round=number)
        self.seen: set[str] = set()  # links handled in this round (a link in two feeds)

    def run(self) -> RoundSummary:
        started = time.perf_counter()
        for feed in sql.due_feeds(self.store):
            if self.stop.is_set():
                break
            self._renew()
            self.poll(feed)
        self.summary.stopped = self.stop.is_set()
        if self.summary.coded and self.config.stories:
            assign_storylines(self.store)
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    def _renew(self) -> None:
        if self.lease is not None:
            self.lease.renew()

    # ------------------------------------------------------------- one feed
    def poll(self, feed: dict[str, Any]) -> None:
        url = feed["url"]
        self.summary.feeds += 1
        try:
            answer = self.fetcher.get(
                url, etag=feed["etag"], last_modified=feed["last_modified"], accept=FEED_ACCEPT
            )
            if answer.status == 304:
                self.summary.not_modified += 1
                sql.record_poll_ok(
                    self.store,
                    url,
                    status=304,
                    etag=None,
                    last_modified=None,
                    title=None,
                    new_items=0,
                )
                return
            parsed = parse_feed(answer.content, answer.url, answer.headers.get("content-type"))
        except (FetchError, FeedParseError) as e:
            self._feed_failed(feed, e.reason, e.detail, getattr(e, "status", None))
            return
        new_before = self.summary.items_new
        complete = self._items(url, parsed.title, parsed.items)
        sql.record_poll_ok(
            self.store,
            url,
            status=answer.status,
            # Only a feed whose every item was dealt with may be answered 304 next time.
            etag=answer.etag if complete else None,
            last_modified=answer.last_modified if complete else None,
            title=parsed.title,
            new_items=self.summary.items_new - new_before,
        )

    def _feed_failed(self, feed: dict[str, Any], reason: str, detail: str, status) -> None:
        self.summary.feed_errors += 1
        self.summary.errors.append({"feed": feed["url"], "reason": reason, "detail": detail})
        wait = min(
            self.config.error_backoff * 2 ** max(int(feed["errors"] or 0), 0),
            self.config.max_error_backoff,
        )
        sql.record_poll_error(
            self.store,
            feed["url"],
            status=status,
            error=f"{reason}: {detail}",
            retry_at=time.time() + wait,
        )

    def _items(self, feed_url: str, feed_title: str | None, items: list[FeedItem]) -> bool:
        """Fetch, code and store the feed's new and changed items; True when all were done."""
        known = sql.known_items(self.store, (i.link for i in items))
        pending: list[_Pending] = []
        complete = True
        for item in items:
            if item.link in self.seen:
                continue
            self.seen.add(item.link)
            row = known.get(item.link)
            if not self._wanted(item, row):
                continue
            if self.stop.is_set():
                complete = False
                break
            self._renew()
            entry = self._fetch_item(feed_url, feed_title, item, row)
            if entry is None:
                complete = False
                continue
            pending.append(entry)
            if len(pending) >= self.config.batch_items:
                self._store(pending)
                pending = []
        self._store(pending)
        return complete

    def _wanted(self, item: FeedItem, row: dict[str, Any] | None) -> bool:
        if row is None:
            return True
        if row["status"] == "error":
            return row["attempts"] < self.config.max_item_attempts
        if row["status"] == "failed":
            return False
        return row["entry_sig"] != item.signature  # the feed says the entry changed

    def _fetch_item(
        self, feed_url: str, feed_title: str | None, item: FeedItem, row: dict[str, Any] | None
    ) -> _Pending | None:
        page, fetch_problem = None, None
        try:
            page = self.fetcher.get(item.link, accept=PAGE_ACCEPT)
        except FetchError as e:
            fetch_problem = f"{e.reason}: {e.detail}"
        stored = row is not None and row["doc_id"] is not None
        # The given id of every version: the store names version n "<id>@v<n>" (ingest.versions).
        article, problem = item_article(item, document_id(item.link), feed_url, feed_title, page)
        if article is None:
            attempts = (row["attempts"] if row and row["status"] == "error" else 0) + 1
            failed = attempts >= self.config.max_item_attempts
            self.summary.item_errors += 1
            self.summary.errors.append(
                {"item": item.link, "reason": problem, "detail": fetch_problem or problem}
            )
            sql.save_item(
                self.store,
                url=item.link,
                feed_url=feed_url,
                guid=item.guid,
                entry_sig=item.signature,
                status="failed" if failed else "error",
                error=fetch_problem or problem,
            )
            return None
        if not stored:
            self.summary.items_new += 1
            return _Pending(item, article, feed_url)
        self.summary.items_updated += 1
        if text_sha(article.text) == row["sha256"]:
            # The entry changed but the article did not: remember the entry, keep the version.
            sql.save_item(
                self.store,
                url=item.link,
                feed_url=feed_url,
                guid=item.guid,
                entry_sig=item.signature,
                status=row["status"],
            )
            return None
        return _Pending(item, article, feed_url)  # a new text: the runner makes it a version

    # ------------------------------------------------------------- coding and storing
    def _store(self, pending: list[_Pending]) -> None:
        if not pending:
            return
        # Storylines are updated once per round, not after every batch.
        config = replace(self.config.run, settings=replace(self.config.run.settings, stories=False))
        result = run([p.article for p in pending], config, store=self.store)
        self.summary.coded += result.processed
        self.summary.versions += result.versions
        self.summary.duplicates += result.duplicates
        self.summary.already_stored += result.skipped
        self.summary.rejected += sum(result.rejected.values())
        keys = [p.article.key for p in pending]
        latest = self.store.latest_versions(keys)
        stored = sql.stored_documents(self.store, (v.id for v in latest.values()))
        with self.store.db.transaction():
            for p in pending:
                current = latest.get(p.article.key)
                doc = stored.get(current.id) if current else None
                sql.save_item(
                    self.store,
                    url=p.item.link,
                    feed_url=p.feed_url,
                    guid=p.item.guid,
                    entry_sig=p.item.signature,
                    status=(
                        "rejected"
                        if doc is None
                        else ("duplicate" if doc["duplicate_of"] else "stored")
                    ),
                    doc_id=current.id if doc else None,
                    sha256=current.sha256 if doc else None,
                    version=current.version if doc else None,
                )


def follow(
    store: Store,
    config: FollowConfig | None = None,
    *,
    every: float | None = None,
    stop: threading.Event | None = None,
    on_round: Callable[[RoundSummary], None] | None = None,
    lease_ttl: float | None = None,
) -> list[RoundSummary]:
    """Poll every feed once (``every`` None) or every ``every`` seconds until ``stop`` is set.

    Holds the store's follow lease throughout; raises FollowError E701 if another process
    holds it."""
    config = config or FollowConfig()
    stop = stop or threading.Event()
    sql.ensure_schema(store)
    lease = Lease(store, "follow", **({"ttl": lease_ttl} if lease_ttl else {}))
    rounds: list[RoundSummary] = []
    with lease, Fetcher(config.fetch) as fetcher:
        number = 0
        while True:
            number += 1
            summary = Round(store, fetcher, config, number=number, lease=lease, stop=stop).run()
            rounds.append(summary)
            if on_round:
                on_round(summary)
            if every is None or stop.is_set():
                break
            deadline = time.monotonic() + every
            while not stop.is_set():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                stop.wait(min(left, 5.0))
                lease.renew()
            if stop.is_set():
                break
    return rounds

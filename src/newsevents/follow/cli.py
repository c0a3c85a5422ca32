"""CLI adapters for continuous ingest: ``feeds add|import|list``, ``follow``, ``watch``.

Registered on the main group by ``newsevents.cli``; each command opens the store and makes
one library call.
"""

from __future__ import annotations

import json
import re
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import click

from newsevents import config
from newsevents.errors import FollowError, NewsEventsError

db_option = click.option(
    "--db", default="news.db", show_default=True, help="SQLite file or postgresql:// URL."
)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(value: str) -> float:
    """Seconds in '90', '90s', '15m', '1.5h' or '1d'."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value.lower())
    if not m or float(m.group(1)) <= 0:
        raise FollowError(FollowError.E703.format(value=value))
    return float(m.group(1)) * _UNITS[m.group(2)]


def _store(db: str, *, create: bool = True):
    """``feeds add``/``import`` and ``watch`` create a new store; ``feeds list`` and ``follow``
    need an existing one (a mistyped --db is an error, not a new empty store)."""
    from newsevents.store import Store

    try:
        return Store(db, create=create)
    except NewsEventsError as e:
        raise click.ClickException(str(e)) from e


@contextmanager
def stop_on_signals() -> Iterator[threading.Event]:
    """Ctrl-C or SIGTERM sets the event (finish the current item, then stop); a second one
    interrupts at once. Handlers are restored on exit."""
    stop = threading.Event()

    def handler(signum, frame) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        click.echo("stopping after the current item (signal again to stop now)", err=True)

    old = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            old[sig] = signal.signal(sig, handler)
        except ValueError:  # not the main thread: no handlers, the caller's stop only
            pass
    try:
        yield stop
    finally:
        for sig, previous in old.items():
            signal.signal(sig, previous)


def _run_config(keep_text: str, no_language_check: bool, settings=None):
    from newsevents.ingest import IngestConfig
    from newsevents.runner import RunConfig

    return RunConfig(
        settings=settings or config.Settings.from_env(),
        keep_text=keep_text,
        ingest=IngestConfig(check_language=not no_language_check),
    )


keep_text_option = click.option(
    "--keep-text",
    type=click.Choice(["full", "sentences", "none"]),
    default="full",
    show_default=True,
    help="Store whole articles, only evidence sentences, or no text.",
)
no_language_check_option = click.option(
    "--no-language-check", is_flag=True, help="Do not reject non-English documents."
)
json_option = click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")


@click.group()
def feeds() -> None:
    """Subscribe to news feeds (RSS 2.0, RSS 1.0, Atom) that `newsevents follow` polls."""


@feeds.command("add")
@click.argument("urls", nargs=-1, required=True)
@click.option("--title", help="A name for the feed (default: the feed's own title).")
@db_option
def feeds_add(urls, title, db) -> None:
    """Add feed URLs to the store (created if it does not exist)."""
    from newsevents.follow.subscribe import add_feed

    with _store(db) as store:
        for url in urls:
            try:
                added = add_feed(store, url, title)
            except FollowError as e:
                raise click.ClickException(str(e)) from e
            click.echo(f"{'added' if added else 'already followed'}: {url}")


@feeds.command("import")
@click.argument("opml", type=click.Path(exists=True, dir_okay=False))
@db_option
def feeds_import(opml, db) -> None:
    """Add every feed of an OPML subscription list."""
    from newsevents.follow.subscribe import import_opml

    with _store(db) as store:
        try:
            result = import_opml(store, opml)
        except FollowError as e:
            raise click.ClickException(str(e)) from e
    for url in result["skipped"]:
        click.echo(f"skipped (not an http(s) URL): {url}", err=True)
    click.echo(f"{result['added']} feeds added, {result['known']} already followed")


@feeds.command("list")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv"]),
    default="table",
    show_default=True,
)
def feeds_list(db, fmt) -> None:
    """Feeds with their state, last poll, items stored, new items and errors."""
    from newsevents.exports import export_rows
    from newsevents.follow.subscribe import feed_status

    with _store(db, create=False) as store:
        rows = feed_status(store)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt != "table":
        export_rows(rows, fmt, "-")
        return
    if not rows:
        click.echo(f"no feeds in '{db}'")
    for r in rows:
        click.echo(f"{r['state']:<8} {r['url']}" + (f"  ({r['title']})" if r["title"] else ""))
        detail = (
            f"         last poll {r['last_poll'] or 'never'}; {r['n_items']} items stored,"
            f" {r['last_new']} new in the last poll; {r['errors']} errors in a row"
        )
        if r["last_error"]:
            detail += f": {r['last_error']} (retry after {r['retry_at'] or 'next round'})"
        click.echo(detail)


@click.command()
@db_option
@click.option(
    "--every",
    default="15m",
    show_default=True,
    help="Time between rounds: seconds, or a number with s, m, h or d.",
)
@click.option("--once", is_flag=True, help="One round, then exit (for cron or systemd timers).")
@click.option(
    "--delay",
    default=config.default("fetch_delay"),
    show_default=True,
    help=config.help_text("fetch_delay"),
)
@click.option(
    "--timeout",
    default=config.default("fetch_timeout"),
    show_default=True,
    help=config.help_text("fetch_timeout"),
)
@keep_text_option
@no_language_check_option
@click.option("--no-stories", is_flag=True, help="Do not update storylines after each round.")
@json_option
def follow(db, every, once, delay, timeout, keep_text, no_language_check, no_stories, as_json):
    """Poll every feed, fetch new articles, code and store them; Ctrl-C or SIGTERM stops
    cleanly, and a rerun goes on where it stopped."""
    from newsevents.follow import FetchConfig, FollowConfig
    from newsevents.follow import follow as follow_feeds
    from newsevents.follow.subscribe import feed_status

    try:
        interval = None if once else parse_interval(every)
    except FollowError as e:
        raise click.BadParameter(str(e), param_hint="--every") from e
    settings = replace(config.Settings.from_env(), fetch_delay=delay, fetch_timeout=timeout)
    follow_config = FollowConfig(
        fetch=FetchConfig.from_settings(settings),
        run=_run_config(keep_text, no_language_check, settings),
        stories=not no_stories,
    )

    def report(summary) -> None:
        click.echo(json.dumps(summary.to_dict()) if as_json else summary.line())

    with _store(db, create=False) as store:
        if not feed_status(store):
            raise click.ClickException(
                f"no feeds in '{db}': add one with `newsevents feeds add URL --db {db}`"
            )
        try:
            with stop_on_signals() as stop:
                follow_feeds(store, follow_config, every=interval, stop=stop, on_round=report)
        except FollowError as e:
            raise click.ClickException(str(e)) from e
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)


@click.command()
@click.argument("folder", type=click.Path(file_okay=False))
@db_option
@click.option("--once", is_flag=True, help="Ingest what is there now, then exit.")
@click.option(
    "--settle",
    default=1.0,
    show_default=True,
    help="Seconds a file's size must stay unchanged before it is read.",
)
@keep_text_option
@no_language_check_option
@json_option
def watch(folder, db, once, settle, keep_text, no_language_check, as_json) -> None:
    """Ingest the files of a folder, and those written to it later, each once (the store is
    created if it does not exist)."""
    from newsevents.follow import watch as watch_folder

    def report(summary) -> None:
        click.echo(json.dumps(summary.to_dict()) if as_json else summary.line())

    with _store(db) as store:
        try:
            with stop_on_signals() as stop:
                watch_folder(
                    store,
                    folder,
                    _run_config(keep_text, no_language_check),
                    once=once,
                    settle=settle,
                    stop=stop,
                    on_scan=report,
                )
        except FollowError as e:
            raise click.ClickException(str(e)) from e
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)


def register(group: click.Group) -> None:
    for command in (feeds, follow, watch):
        group.add_command(command)

"""Command-line interface: thin adapters over the library (no SQL or spaCy here)."""

from __future__ import annotations

import atexit
import gc
import json
import sys
from contextlib import ExitStack
from typing import Any

import click

from newsevents import config as settings
from newsevents import spacy_cli
from newsevents.errors import NewsEventsError

# spaCy's own command line imported when used, not with spaCy (~0.35 s of every parsing
# command's start). Here, not on `import newsevents`: a library user's import machinery
# stays as it was.
spacy_cli.install()

DEFAULT_DB = "news.db"
db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, help="SQLite file or postgresql:// URL."
)


def _open_store(db: str, *, create: bool = False):
    """Query commands open an existing store only (a mistyped --db is an error, not a new
    empty store); commands that write (ingest, load) pass ``create=True``."""
    from newsevents.store import Store

    return Store(db, create=create)


def _setting_option(flag: str, name: str, **kwargs):
    """An option whose default and help are those of setting ``name`` (newsevents.config)."""
    return click.option(
        flag,
        name,
        default=settings.default(name),
        show_default=True,
        help=settings.help_text(name),
        **kwargs,
    )


def _run_options(f):
    options = [
        _setting_option("--model", "model"),
        _setting_option("--n-process", "n_process"),
        click.option(
            "--errors",
            "errors_path",
            type=click.Path(dir_okay=False),
            help="Write rejected documents (JSON lines) here.",
        ),
        click.option(
            "--date",
            "default_date",
            help="Publication date (YYYY-MM-DD) for documents that have none.",
        ),
        _setting_option("--max-chars", "max_doc_chars"),
        _setting_option("--chunk-chars", "max_chunk_chars"),
        click.option(
            "--language",
            default=None,
            help="Code every document in this language (ISO 639-1: en, es); "
            "default: each document's own `language` field, else the detected language.",
        ),
        click.option(
            "--no-language-check",
            is_flag=True,
            help="Reject no document for its language: code each in the given or detected "
            "language (English when neither is supported).",
        ),
        click.option(
            "--strict", is_flag=True, help="Exit with status 1 if any document was rejected."
        ),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _config(
    model,
    n_process,
    default_date,
    max_doc_chars,
    max_chunk_chars,
    no_language_check,
    keep_text="full",
    language=None,
    stories=True,
):
    """The run's config: the environment's settings with the options given."""
    from dataclasses import replace

    from newsevents.ingest import IngestConfig
    from newsevents.runner import RunConfig

    run_settings = replace(
        settings.Settings.from_env(),
        stories=stories,
        model=model,
        n_process=n_process,
        max_chunk_chars=max_chunk_chars,
        max_doc_chars=max_doc_chars,
    )
    return RunConfig(
        settings=run_settings,
        keep_text=keep_text,
        ingest=IngestConfig(
            max_doc_chars=max_doc_chars,
            check_language=not no_language_check,
            default_date=default_date,
            language=_language(language),
        ),
    )


def _language(code: str | None) -> str | None:
    from newsevents.languages import normalise, supported

    code = normalise(code)
    if code is not None and code not in supported():
        raise click.BadParameter(
            f"{code!r} is not supported; supported: {', '.join(supported())}",
            param_hint="--language",
        )
    return code


def _run_with_progress(inputs, config, quiet: bool, **kwargs):
    """runner.run with a progress bar on standard error: phase, documents done of the total
    (when known) with the time left, and the chunks of a long document."""
    from newsevents.runner import run

    if quiet:  # no bar: rich is not imported (~0.1 s of a start)
        return run(inputs, config, **kwargs)
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from newsevents.progress import describe

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=_stderr_console(),
        transient=True,
    ) as bar:
        task = bar.add_task("starting", total=None)

        def on_progress(p):
            bar.update(task, description=describe(p), completed=p.finished, total=p.total)

        return run(inputs, config, on_progress=on_progress, **kwargs)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _finish(summary, strict: bool) -> None:
    """The summary line; exit status 1 with ``--strict`` and any rejection, and always when an
    input path does not exist or a folder cannot be listed (nothing could be done there)."""
    click.echo(summary.line(), err=True)
    for problem in summary.missing:
        click.echo(f"Error: {problem}", err=True)
    if summary.missing or (strict and sum(summary.rejected.values())):
        sys.exit(1)


class _Group(click.Group):
    """The command group: every library error (NewsEventsError) of any command becomes one
    clean message on standard error and exit status 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NewsEventsError as e:
            raise click.ClickException(str(e)) from e


@click.group(cls=_Group)
@click.version_option(package_name="newsevents")
def cli() -> None:
    """newsevents: who did what to whom, when and where, from news articles."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--events",
    "events_path",
    type=click.Path(dir_okay=False),
    help="Write event mentions (JSON lines) here; default: standard output.",
)
@click.option(
    "--quotes",
    "quotes_path",
    type=click.Path(dir_okay=False),
    help="Write quotes (JSON lines) here.",
)
@click.option(
    "--places",
    "places_path",
    type=click.Path(dir_okay=False),
    help="Write toponyms (JSON lines: doc, start, end, text, name, geonameid, lat, lon, "
    "country, feature_code, admin1, type) here: literal places only.",
)
@click.option(
    "--places-all",
    is_flag=True,
    help="With --places: also demonyms and metonyms (typed, without a point).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run on this machine or on a Dask cluster.",
)
@click.option(
    "--scheduler", default=None, help="Dask scheduler address (default: a local cluster)."
)
@click.option(
    "--parquet",
    "parquet_dir",
    type=click.Path(file_okay=False),
    help="With --engine dask: write Parquet partitioned by month here.",
)
@_run_options
def extract(
    inputs,
    events_path,
    quotes_path,
    places_path,
    places_all,
    engine,
    scheduler,
    parquet_dir,
    model,
    n_process,
    errors_path,
    default_date,
    max_doc_chars,
    max_chunk_chars,
    language,
    no_language_check,
    strict,
    quiet,
) -> None:
    """Extract events, quotes and places from files, folders, .jsonl files or '-' (standard input)."""
    config = _config(
        model,
        n_process,
        default_date,
        max_doc_chars,
        max_chunk_chars,
        no_language_check,
        language=language,
    )
    with ExitStack() as stack:
        events_out = (
            stack.enter_context(open(events_path, "w", encoding="utf-8"))
            if events_path
            else sys.stdout
        )
        quotes_out = (
            stack.enter_context(open(quotes_path, "w", encoding="utf-8")) if quotes_path else None
        )
        errors_out = (
            stack.enter_context(open(errors_path, "w", encoding="utf-8")) if errors_path else None
        )
        if places_all and not places_path:
            raise click.UsageError("--places-all needs --places FILE")
        if places_path and engine == "dask":
            raise click.UsageError("--places runs with --engine local")
        places_out = (
            stack.enter_context(open(places_path, "w", encoding="utf-8")) if places_path else None
        )
        if engine == "dask":
            from newsevents.scale import run_dask

            summary = run_dask(
                list(inputs),
                config,
                scheduler=scheduler,
                parquet_dir=parquet_dir,
                events_out=events_out,
                quotes_out=quotes_out,
                errors_out=errors_out,
            )
        else:
            summary = _run_with_progress(
                list(inputs),
                config,
                quiet or not events_path,
                events_out=events_out,
                quotes_out=quotes_out,
                errors_out=errors_out,
                places_out=places_out,
                places_all=places_all,
            )
    _finish(summary, strict)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option(
    "--keep-text",
    type=click.Choice(["full", "sentences", "none"]),
    default="full",
    show_default=True,
    help="Store whole articles, only evidence sentences, or no text.",
)
@click.option(
    "--no-stories",
    is_flag=True,
    help="Skip storyline assignment (sentence embeddings); run `newsevents stories --update` later.",
)
@_run_options
def ingest(
    inputs,
    db,
    keep_text,
    no_stories,
    model,
    n_process,
    errors_path,
    default_date,
    max_doc_chars,
    max_chunk_chars,
    language,
    no_language_check,
    strict,
    quiet,
) -> None:
    """Extract and store documents; re-ingesting the same documents adds nothing."""
    config = _config(
        model,
        n_process,
        default_date,
        max_doc_chars,
        max_chunk_chars,
        no_language_check,
        keep_text,
        language,
        stories=not no_stories,
    )
    with ExitStack() as stack:
        store = stack.enter_context(_open_store(db, create=True))
        errors_out = (
            stack.enter_context(open(errors_path, "w", encoding="utf-8")) if errors_path else None
        )
        summary = _run_with_progress(
            list(inputs), config, quiet, store=store, errors_out=errors_out
        )
    _finish(summary, strict)


def _after_ingest(store) -> None:
    from newsevents.corpus import assign_storylines

    assign_storylines(store)


def _emit(rows: list[dict[str, Any]], fmt: str, output: str, kind: str | None = None) -> None:
    from newsevents.exports import export_rows

    if fmt == "json":
        text = json.dumps(rows, ensure_ascii=False, indent=2)
        if output == "-":
            click.echo(text)
        else:
            with open(output, "w", encoding="utf-8") as f:
                f.write(text)
        return
    if fmt == "table":
        from rich.console import Console

        from newsevents.tables import render_table

        Console().print(render_table(rows))
        return
    export_rows(rows, fmt, output, kind)


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "json", "table", "parquet"]),
    default="jsonl",
    show_default=True,
)
output_option = click.option(
    "--output", "-o", default="-", show_default=True, help="File to write ('-': standard output)."
)


@cli.command()
@db_option
@click.option("--actor", help="Country code (TUR), actor code prefix (TURGOV) or name part.")
@click.option("--type", "type_", help="PLOVER type (CONSULT) or CAMEO code prefix (04).")
@click.option("--since", help="First day (YYYY-MM-DD).")
@click.option("--until", help="Last day (YYYY-MM-DD).")
@click.option("--doc", help="Document id.")
@click.option("--limit", default=1000, show_default=True)
@format_option
@output_option
def events(db, actor, type_, since, until, doc, limit, fmt, output) -> None:
    """Query stored event mentions."""
    with _open_store(db) as store:
        rows = store.events(actor=actor, type=type_, since=since, until=until, doc=doc, limit=limit)
    _emit(rows, fmt, output, "events")


@cli.command()
@db_option
@click.option(
    "--speaker",
    help="Any of the speaker's names ('Sen. Roe', 'Roe', 'Jane Roe'), a country code or an actor id.",
)
@click.option("--doc", help="Document id.")
@click.option("--kind", type=click.Choice(["direct", "indirect"]))
@click.option("--limit", default=1000, show_default=True)
@format_option
@output_option
def quotes(db, speaker, doc, kind, limit, fmt, output) -> None:
    """Query stored quotes (with their speaker, cue and channel)."""
    with _open_store(db) as store:
        rows = store.quotes(speaker=speaker, doc=doc, kind=kind, limit=limit)
    _emit(rows, fmt, output, "quotes")


@cli.command()
@db_option
@click.option("--country", help="ISO-3 country code.")
@click.option("--name", help="Place name part.")
@click.option("--doc", help="Document id.")
@click.option(
    "--type",
    "type_",
    type=click.Choice(["literal", "demonym", "metonym", "all"]),
    default="literal",
    show_default=True,
)
@click.option("--limit", default=1000, show_default=True)
@format_option
@output_option
def places(db, country, name, doc, type_, limit, fmt, output) -> None:
    """Query stored toponyms (GeoNames id, point, country, division)."""
    with _open_store(db) as store:
        rows = store.places(
            country=country,
            name=name,
            doc=doc,
            type=None if type_ == "all" else type_,
            limit=limit,
        )
    _emit(rows, fmt, output)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per language.")
def languages(as_json) -> None:
    """Supported languages with their spaCy model and lexicon versions."""
    from newsevents.languages import describe

    for row in describe(settings.Settings.from_env().models()):
        if as_json:
            click.echo(json.dumps(row))
        else:
            version = row["model_version"] or "not installed"
            click.echo(
                f"{row['language']}\t{row['name']}\tmodel {row['model']} {version}\t"
                f"lexicon {row['lexicon_version']}"
            )


@cli.command()
@db_option
def stats(db) -> None:
    """Counts of documents, events, quotes, actors and rejections in the store."""
    with _open_store(db) as store:
        click.echo(json.dumps(store.stats()))  # one JSON object, one line


@cli.command()
@db_option
@click.option(
    "--by", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True
)
@click.option("--actor", help="Only dyads with this actor.")
@format_option
@output_option
def dyads(db, by, actor, fmt, output) -> None:
    """Event counts, quad classes and Goldstein sums by dyad and period."""
    with _open_store(db) as store:
        rows = store.dyads(by=by, actor=actor)
    _emit(rows, fmt, output)


@cli.command()
@db_option
@click.argument("what", type=click.Choice(["events", "quotes", "documents"]))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet", "gdelt", "icews", "polecat"]),
    default="csv",
    show_default=True,
    help="gdelt: GDELT 2.0 event table to -o FILE (61 tab-separated columns, no header),"
    " Mentions to FILE.mentions.tsv, extras to FILE.extras.tsv; icews, polecat: their columns"
    " (CSV)."
    " See docs/exports.md.",
)
@output_option
def export(db, what, fmt, output) -> None:
    """Export events, quotes or documents as CSV, JSON lines, Parquet, or GDELT 2.0/ICEWS/POLECAT tables."""
    with _open_store(db) as store:
        if fmt in ("gdelt", "icews", "polecat"):
            n = _export_event_table(store, fmt, output, what)
        else:
            n = store.export(what, fmt, output)
    click.echo(f"{n} rows written", err=True)


def _export_event_table(store, fmt: str, output: str, what: str) -> int:
    from newsevents.errors import StoreError
    from newsevents.query import event_tables

    if what != "events":
        raise click.BadParameter(
            "gdelt, icews and polecat formats export events", param_hint="--format"
        )
    if fmt == "gdelt" and output == "-":
        raise StoreError(StoreError.E302.format(fmt="GDELT 2.0 (event and Mentions tables)"))
    n, files = event_tables(store, fmt)
    if output == "-":
        click.echo(files[""], nl=False)
    for suffix, text in files.items() if output != "-" else ():
        with open(output + suffix, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    return n


@cli.command()
@db_option
def rejections(db) -> None:
    """Documents rejected during ingest, with their reasons."""
    with _open_store(db) as store:
        for row in store.rejections():
            click.echo(json.dumps(row, ensure_ascii=False))


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--dct",
    help="Reference (publication) date YYYY-MM-DD; a TimeML file's <DCT> is used otherwise.",
)
def times(path, dct) -> None:
    """Print every time expression of a text or TimeML file as JSON lines (TIMEX3 values)."""
    from newsevents.dates import times_as_dicts

    for row in times_as_dicts(path, dct):
        click.echo(json.dumps(row, ensure_ascii=False))


@cli.command()
@db_option
@_setting_option("--model", "model")
@_setting_option("--n-process", "n_process")
@_setting_option("--chunk-chars", "max_chunk_chars")
@click.option(
    "--strict", is_flag=True, help="Exit with status 1 if any document could not be re-coded."
)
def recode(db, model, n_process, max_chunk_chars, strict) -> None:
    """Re-code stored documents (after a dictionary or coder change)."""
    from newsevents.recode import recode_store

    # stored documents passed the length check when they were ingested
    config = _config(model, n_process, None, 10**12, max_chunk_chars, True)
    with _open_store(db) as store:
        summary = recode_store(store, config)
    _finish(summary, strict)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@_setting_option("--workers", "serve_workers", type=int)
@_setting_option("--cache-mb", "api_cache_mb", type=float)
def serve(db, host, port, serve_workers, api_cache_mb) -> None:
    """Start the REST API (OpenAPI docs at /docs) and the web page over a store."""
    from newsevents.server import serve as serve_app
    from newsevents.server import worker_count

    n = worker_count(serve_workers)
    click.echo(
        f"serving {db} on http://{host}:{port}/ (API under /api, docs at /docs;"
        f" {n} worker process{'es' if n > 1 else ''})",
        err=True,
    )
    serve_app(db, host=host, port=port, workers=serve_workers, cache_mb=api_cache_mb)


@cli.command()
@click.argument("parquet_dir", type=click.Path(exists=True, file_okay=False))
@db_option
@click.option(
    "--keep-text",
    type=click.Choice(["full", "sentences", "none"]),
    default="full",
    show_default=True,
)
def load(parquet_dir, db, keep_text) -> None:
    """Load a Parquet folder written by `extract --engine dask --parquet DIR` into a store."""
    from newsevents.store.load import load_parquet

    with _open_store(db, create=True) as store:
        n = load_parquet(parquet_dir, store, keep_text=keep_text)
        _after_ingest(store)
    click.echo(f"{n} documents loaded", err=True)


@cli.command()
@db_option
@click.option(
    "--update", is_flag=True, help="First assign stored documents that have no storyline."
)
@format_option
@output_option
def stories(db, update, fmt, output) -> None:
    """Storylines: stories of related articles, with their size and date range."""
    from newsevents.store.stories import storylines

    with _open_store(db) as store:
        if update:
            _after_ingest(store)
        rows = storylines(store, limit=10**6)
    _emit(rows, fmt, output)


@cli.command()
@db_option
@click.option("--story", "story_id", help="One storyline id (default: every storyline).")
@format_option
@output_option
def timeline(db, story_id, fmt, output) -> None:
    """Dated timeline entries per storyline (event dates; undated entries last)."""
    from newsevents.stories.timeline import timeline_rows

    with _open_store(db) as store:
        rows = timeline_rows(store, story_id)
    _emit(rows, fmt, output)


from newsevents.follow.cli import register as _register_follow  # noqa: E402

_register_follow(cli)  # feeds add|import|list, follow, watch


def main() -> None:
    # At exit the interpreter's last garbage collections walk every object the models and
    # dictionaries made (~0.5 s CPU); frozen, they are skipped. Output files and stores are
    # closed by then (each command closes its own), and nothing is collected that would
    # not be freed when the process ends anyway.
    atexit.register(gc.freeze)
    cli()


if __name__ == "__main__":
    main()

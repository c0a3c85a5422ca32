"""A packaged pipeline's tokenizer made once, from the package's own file.

``spacy.load`` first makes the tokenizer from the language's defaults (compiling its prefix,
suffix and infix expressions and adding its ~1,350 special cases, each a fused token and
often a phrase-matcher entry), then loads the package's ``tokenizer`` file over it, which
resets every one of those settings and adds the file's own: the first tokenizer is thrown
away (~0.2 s CPU of every start). For a package whose tokenizer is spaCy's standard one
(``spacy.Tokenizer.v1``) and that ships the file, :func:`empty_first` makes that first
tokenizer empty; what the file sets (prefixes, suffixes, infixes, token and URL matches,
special cases, heuristics) is then the whole tokenizer, as it is with ``spacy.load`` alone.
The loaded pipeline's config names the standard tokenizer again (:func:`restore_config`).
``tests/nlp/test_tokenizer.py`` compares tokens, lexemes and settings with ``spacy.load``.
"""

from __future__ import annotations

import configparser
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import get_package_path, registry

STANDARD = "spacy.Tokenizer.v1"
EMPTY = "newsevents.EmptyTokenizer.v1"


@registry.tokenizers(EMPTY)
def empty_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules: only for a pipeline whose package file fills it."""

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


def empty_first(model: str) -> dict[str, Any]:
    """The ``spacy.load`` config override that makes the first tokenizer empty, for a
    package with the standard tokenizer and its ``tokenizer`` file; ``{}`` otherwise (a
    path, a package of another shape, another tokenizer)."""
    data = _package_data(model)
    if data is None or not (data / "tokenizer").is_file():
        return {}
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(data / "config.cfg", encoding="utf-8")
        spec = json.loads(parser.get("nlp", "tokenizer"))
    except (configparser.Error, OSError, ValueError):
        return {}
    if spec != {"@tokenizers": STANDARD}:
        return {}
    return {"nlp": {"tokenizer": {"@tokenizers": EMPTY}}}


def restore_config(nlp: Language) -> Language:
    """The pipeline's config naming the standard tokenizer, as the package's does (saved
    with ``to_disk`` it loads anywhere, without newsevents)."""
    config = nlp.config
    if config.get("nlp", {}).get("tokenizer") == {"@tokenizers": EMPTY}:
        config["nlp"]["tokenizer"] = {"@tokenizers": STANDARD}
        nlp.config = config
    return nlp


def _package_data(model: str) -> Path | None:
    """The folder of an installed pipeline package's data (the one with its config)."""
    if "/" in model or "\\" in model:
        return None
    try:
        package = get_package_path(model)
    except Exception:  # not an installed package (spaCy raises its own errors later)
        return None
    found = [d for d in package.iterdir() if (d / "config.cfg").is_file()]
    return found[0] if len(found) == 1 else None

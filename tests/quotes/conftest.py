"""The quote tests' shared runner: the real actors stage, then quotes, as in the pipeline."""

from __future__ import annotations

import pytest

from newsevents.coding.actors import find_actors
from newsevents.nlp import parse_text
from newsevents.quotes import extract_quotes


@pytest.fixture(scope="module")
def run(nlp):
    """Quotes of an invented text, all kinds (a module may define its own ``run``)."""

    def _run(text: str):
        parsed = parse_text(text, nlp, id="t")
        return extract_quotes(parsed, find_actors(parsed))

    return _run

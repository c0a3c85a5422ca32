"""The dictionaries-only (PETRARCH-style) configuration of the coder: the coder_mode setting."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsevents import config
from newsevents.coding import coder_mode
from newsevents.coding.actors import default_coder, find_actors
from newsevents.coding.events import code_events
from newsevents.errors import ConfigError
from newsevents.nlp import parse_text

SENTENCE = "Turkish Foreign Minister Mevlut Cavusoglu accused Russia of violating the ceasefire."


@pytest.fixture(scope="module")
def parsed():
    return parse_text(SENTENCE, date="2019-03-01")


def _accusations(parsed, mode: str) -> list:
    settings = replace(config.Settings(), coder_mode=mode)
    actors = find_actors(parsed, settings=settings)
    return [e for e in code_events(parsed, actors, settings=settings) if e.plover == "ACCUSE"]


def test_coder_mode_dictionaries_codes_petrarch_verb_and_phoenix_actors(parsed):
    full = _accusations(parsed, "full")
    base = _accusations(parsed, "dictionaries")
    # the full coder reads the role: a Turkish government official named Cavusoglu
    assert [(e.source.code, e.source.name) for e in full] == [("TURGOV", "Mevlut Cavusoglu")]
    # the baseline: "accuse" from the PETRARCH2 verb dictionary, Russia from the Phoenix list,
    # and of the role-only subject just the demonym the Phoenix country list has ("turkish")
    assert len(base) == 1
    event = base[0]
    assert event.cameo.startswith("11")
    assert event.target is not None and event.target.code == "RUS"
    assert event.source is not None and event.source.code == "TUR"
    assert event.source.sector is None
    assert event.coder_version.endswith("+dictionaries-only")
    assert not full[0].coder_version.endswith("+dictionaries-only")
    phrase = "Turkish Foreign Minister Mevlut Cavusoglu"
    assert default_coder(dictionaries=True).code(phrase) is None  # no such Phoenix entry


def test_coder_mode_rejects_unknown_mode(monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_CODER", "petrarch9")
    with pytest.raises(ConfigError):
        coder_mode.coder_mode()
    monkeypatch.setenv("NEWSEVENTS_CODER", "dictionaries")
    assert coder_mode.dictionaries_only()

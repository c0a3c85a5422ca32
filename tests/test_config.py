"""newsevents.config: one Settings object, environment variables read in one place."""

from __future__ import annotations

import ast
import os
from dataclasses import replace
from pathlib import Path

import pytest

from newsevents import config
from newsevents.config import Settings
from newsevents.errors import ConfigError

SRC = Path(__file__).resolve().parents[1] / "src" / "newsevents"


@pytest.mark.issue(10)
def test_environment_is_read_in_config_only():
    readers = []
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "putenv"):
                if isinstance(node.value, ast.Name) and node.value.id == "os":
                    readers.append(str(path.relative_to(SRC)))
    assert readers and set(readers) == {"config.py"}


def test_every_setting_has_a_default_and_help():
    names = [f.name for f in config.SETTINGS]
    assert {"model", "coder_mode", "min_confidence", "event_model", "cache_dir"} <= set(names)
    for f in config.SETTINGS:
        assert f.metadata["help"].strip(), f.name
        assert getattr(Settings(), f.name) == config.default(f.name)


def test_from_env_parses_each_kind():
    env = {
        "NEWSEVENTS_CODER": " Dictionaries ",
        "NEWSEVENTS_MIN_CONFIDENCE": "0.6",
        "NEWSEVENTS_EVENT_MODEL": "0",
        "NEWSEVENTS_ACTORS": os.pathsep.join(["a.tsv", " ", "b.tsv"]),
        "NEWSEVENTS_CACHE_DIR": "off",
        "UNRELATED": "x",
    }
    s = Settings.from_env(env)
    assert s.coder_mode == "dictionaries" and s.dictionaries_only
    assert s.min_confidence == 0.6
    assert s.event_model is False
    assert s.actor_files == ("a.tsv", "b.tsv")
    assert s.cache_path() is None
    assert Settings.from_env({}) == Settings()
    assert Settings.from_env({"NEWSEVENTS_CACHE_DIR": ""}).cache_path() == (
        Path.home() / ".cache" / "newsevents"
    )


def test_bad_values_raise_config_errors():
    with pytest.raises(ConfigError, match="NEWSEVENTS_MIN_CONFIDENCE"):
        Settings.from_env({"NEWSEVENTS_MIN_CONFIDENCE": "high"})
    with pytest.raises(ConfigError, match="NEWSEVENTS_CODER"):
        Settings.from_env({"NEWSEVENTS_CODER": "petrarch9"})
    with pytest.raises(ConfigError, match="n_process"):
        Settings(n_process=0)


def test_use_sets_the_current_settings_for_a_block_only():
    outside = config.current()
    inner = replace(outside, min_confidence=0.9)
    with config.use(inner):
        assert config.current() is inner
        with config.use(None):
            assert config.current() is inner
    assert config.current() == outside


def test_shared_path_defaults_beside_the_project_root(tmp_path):
    assert Settings().shared_path() == config.project_root().parent / "shared"
    assert Settings(shared_dir=str(tmp_path)).shared_path() == tmp_path


def test_cli_defaults_and_help_come_from_the_settings():
    from newsevents.cli import cli

    params = {p.name: p for p in cli.commands["extract"].params}
    for option, name in (("model", "model"), ("max_doc_chars", "max_doc_chars")):
        assert params[option].default == config.default(name)
        assert params[option].help == config.help_text(name)

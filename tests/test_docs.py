"""Docs are tested: the CLI reference is current, every command has help, README examples run."""

import importlib.util
import re
from pathlib import Path

import click

from newsevents.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def _gen():
    spec = importlib.util.spec_from_file_location(
        "gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_cli_reference_is_current():
    assert (ROOT / "docs" / "cli.md").read_text() == _gen().render(), (
        "docs/cli.md is stale: run .venv/bin/python scripts/gen_cli_docs.py"
    )


def test_docs_every_command_has_help():
    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):
        assert cli.get_command(ctx, name).help, name


def test_docs_readme_tour_names_real_commands():
    readme = (ROOT / "README.md").read_text()
    used = set(re.findall(r"^newsevents (\w+)", readme, re.M))
    assert used and used <= set(cli.list_commands(click.Context(cli)))


def test_docs_readme_opens_with_setup_and_test_commands():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, re.S)
    assert "pip install -e" in blocks[0] and "newsevents ingest examples/" in blocks[0]
    assert blocks[1].strip() == ".venv/bin/python -m pytest"
    assert blocks[1].strip() in (ROOT / ".ci" / "run").read_text()

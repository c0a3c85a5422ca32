"""Docs are tested: the CLI reference is current, every command has help, README examples run."""

import importlib.util
import re
from pathlib import Path

import click
import pytest

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


def _readme_blocks(lang: str, after: str) -> list[str]:
    readme = (ROOT / "README.md").read_text()
    return re.findall(rf"```{lang}\n(.*?)\n```", readme[readme.index(after) :], re.S)


def _fits(text: str, width: int) -> None:
    lines = text.splitlines()
    assert lines and max(len(line) for line in lines) <= width, text
    dates = re.findall(r"\d{4}-\d\d(?:-\d\d)?(?:\.\.[\d-]+)?", text)
    assert dates and not re.search(r"\d{4}-\d?…", text), "a date is cut"


@pytest.mark.slow
@pytest.mark.issue(11)
def test_docs_readme_set_up_and_tour_run_as_written(tmp_path, monkeypatch, examples_dir):
    """Every command of the README's set-up line (after the install) and tour runs as written
    from a checkout, and the Python example prints; the table of the set-up line fits 80
    columns with whole dates."""
    import contextlib
    import io
    import shlex
    import shutil

    from click.testing import CliRunner
    from fastapi.testclient import TestClient

    from newsevents.server import create_app

    shutil.copytree(examples_dir, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    runner = CliRunner()
    setup = _readme_blocks("bash", "**Set up and run")[0]
    setup_commands = [c.strip() for c in setup.split("&&") if "bin/newsevents " in c]
    tour = _readme_blocks("bash", "## A short tour")[0]
    tour_commands = [line.split("  #")[0].strip() for line in tour.splitlines() if line.strip()]
    assert len(setup_commands) == 2 and len(tour_commands) >= 10
    outputs = {}
    for command in setup_commands + tour_commands:
        args = shlex.split(command)[1:]
        if args[0] == "serve":  # runs until stopped: the app it serves answers instead
            with TestClient(create_app(args[args.index("--db") + 1])) as client:
                assert client.get("/api/events").status_code == 200
            continue
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, (command, result.output)
        outputs[command] = result.stdout
    _fits(outputs[setup_commands[1]], 80)
    timeline = next(c for c in tour_commands if " timeline " in c)
    _fits(outputs[timeline], 80)
    assert "2021-04 " in outputs[timeline] or ".." in outputs[timeline]  # precision and ranges
    (python,) = _readme_blocks("python", "## A short tour")[:1]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(python, "README.md", "exec"), {})
    assert len(printed.getvalue().splitlines()) >= 2

"""Query commands start without the NLP stack: spaCy (and the embedding runtime) are
imported only by commands that parse or embed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.api import sample

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("spacy", "thinc", "onnxruntime", "tokenizers")

# Runs CLI commands in a fresh interpreter, then reports which heavy packages got imported.
CHILD = """
import json, sys
from click.testing import CliRunner
from newsevents.cli import cli
runs = json.loads(sys.argv[1])
codes = [CliRunner().invoke(cli, args).exit_code for args in runs]
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(sys.argv[2])))
print(json.dumps({"codes": codes, "heavy": heavy}))
"""


def _run_child(runs: list[list[str]]) -> dict:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
    out = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(runs), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.issue(16)
def test_query_commands_never_import_spacy(tmp_path):
    db = str(sample.build(tmp_path / "news.db"))
    runs = [
        ["events", "--db", db, "--format", "json"],
        ["stats", "--db", db],
        ["timeline", "--db", db],
        ["stories", "--db", db],
    ]
    result = _run_child(runs)
    assert result["codes"] == [0] * len(runs)
    assert result["heavy"] == []


@pytest.mark.issue(16)
def test_the_check_sees_spacy_when_a_command_parses(tmp_path):
    # the same check on a command that codes text: it must see spaCy (the probe works)
    doc = tmp_path / "one.txt"
    doc.write_text("Rebels attacked a police post near the capital on Monday.\n", "utf-8")
    result = _run_child([["extract", str(doc), "-q", "--events", str(tmp_path / "e.jsonl")]])
    assert result["codes"] == [0]
    assert "spacy" in result["heavy"]


@pytest.mark.issue(16)
def test_commands_that_never_fetch_do_not_import_the_http_client(tmp_path):
    db = str(sample.build(tmp_path / "news.db"))
    code = (
        "import json, sys\n"
        "from click.testing import CliRunner\n"
        "from newsevents.cli import cli\n"
        f"code = CliRunner().invoke(cli, ['stats', '--db', {db!r}]).exit_code\n"
        "before = 'httpx' in sys.modules\n"
        "from newsevents.follow import FetchConfig, follow, watch\n"
        "print(json.dumps([code, before, 'httpx' in sys.modules, callable(follow),"
        " callable(watch), FetchConfig.__name__]))\n"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [
        0, False, True, True, True, "FetchConfig"
    ]  # fmt: skip


# A command that parses imports spaCy but not spaCy's command line (newsevents.spacy_cli);
# spaCy's command line still works when asked for, from placeholders turned real.
CLI_CHILD = """
import json, sys
from click.testing import CliRunner
from newsevents.cli import cli
code = CliRunner().invoke(cli, json.loads(sys.argv[1])).exit_code
import spacy
loaded = sorted({m.split(".")[0] for m in sys.modules} & {"typer", "requests", "weasel", "jinja2"})
cli_run = "download" in vars(sys.modules["spacy.cli"])  # (hasattr would run it)
from spacy.cli import download
import spacy.cli.info
after = sorted({m.split(".")[0] for m in sys.modules} & {"typer", "weasel"})
info = spacy.info()
print(json.dumps([code, loaded, cli_run, callable(download), after, info["spacy_version"],
                  sys.modules["spacy.cli.info"].info is not spacy.info]))
"""


@pytest.mark.issue(16)
def test_a_parsing_command_imports_spacy_without_its_command_line(tmp_path):
    doc = tmp_path / "one.txt"
    doc.write_text("Rebels attacked a police post near the capital on Monday.\n", "utf-8")
    args = ["extract", str(doc), "-q", "--events", str(tmp_path / "e.jsonl")]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
    out = subprocess.run(
        [sys.executable, "-c", CLI_CHILD, json.dumps(args)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    import spacy

    code, loaded, cli_run, download, after, version, real_info = json.loads(
        out.stdout.strip().splitlines()[-1]
    )
    assert (code, loaded, cli_run) == (0, [], False)
    # asked for, spaCy's command line is all there: its commands, its info, its imports
    assert download and after == ["typer", "weasel"] and real_info
    assert version == spacy.__version__
    assert (tmp_path / "e.jsonl").read_text("utf-8").strip()


@pytest.mark.issue(16)
def test_importing_newsevents_leaves_the_import_machinery_alone():
    # a library user's `import newsevents` adds no finder; newsevents' command line does
    code = (
        "import json, sys\n"
        "import newsevents\n"
        "before = [type(f).__name__ for f in sys.meta_path]\n"
        "import newsevents.cli\n"
        "after = [type(f).__name__ for f in sys.meta_path]\n"
        "print(json.dumps([before, after]))\n"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    before, after = json.loads(out.stdout.strip().splitlines()[-1])
    assert "DeferredCli" not in before
    assert after.count("DeferredCli") == 1

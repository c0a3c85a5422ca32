"""ruff is clean over the whole project: src/, tests/, scripts/ and the bench scripts, which
have no .py suffix (every top-level bench/ file with a python shebang is checked)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def bench_scripts() -> list[Path]:
    out = []
    for path in sorted((ROOT / "bench").iterdir()):
        if path.is_file() and path.suffix != ".py":
            with path.open("rb") as f:
                first = f.readline()
            if first.startswith(b"#!") and b"python" in first:
                out.append(path)
    return out


def test_bench_scripts_are_found():
    names = {p.name for p in bench_scripts()}
    assert {"accuracy", "stories", "scale"} <= names
    assert "stories_labels.tsv" not in names and "STORIES_LABELS.md" not in names


def test_ruff_is_clean_everywhere():
    paths = [ROOT / "src", ROOT / "tests", ROOT / "scripts", ROOT / "bench", *bench_scripts()]
    res = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-1000:]

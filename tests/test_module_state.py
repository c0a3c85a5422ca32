"""No module-level mutable state in src/newsevents: settings travel in the settings object
(newsevents.config), per-run state in context variables or per-run objects, caches on the
objects they describe (a spaCy Doc's ``user_data``) or in ``functools.lru_cache``."""

from __future__ import annotations

import ast
from pathlib import Path
from types import SimpleNamespace

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newsevents"
MUTATORS = {"append", "add", "update", "extend", "pop", "clear", "setdefault", "remove"}
MUTATORS |= {"discard", "insert", "popitem"}
# Registries filled once, at import, by decorators (like spaCy's registry): not run state.
REGISTRIES = {("dates/context.py", "DIRECTIVES")}


def mutated_module_names(path: Path) -> set[str]:
    """Module-level names that a function of the module rebinds, assigns into or mutates."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names |= {t.id for t in targets if isinstance(t, ast.Name)}
    found: set[str] = set()
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        args = fn.args
        local = {a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]}
        for node in ast.walk(fn):
            if isinstance(node, ast.Global):
                found |= set(node.names)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                if isinstance(owner, ast.Name) and node.func.attr in MUTATORS:
                    if owner.id in names and owner.id not in local:
                        found.add(owner.id)
            elif isinstance(node, ast.Assign | ast.AugAssign):
                for t in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    if isinstance(t, ast.Subscript | ast.Attribute):
                        owner = t.value
                        if isinstance(owner, ast.Name) and owner.id in names:
                            if owner.id not in local:
                                found.add(owner.id)
    return found


def test_the_scan_sees_mutation_of_module_state(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        "TOTAL = [0.0]\nSEEN = set()\nLIMIT = 3\n"
        "def f(x):\n    TOTAL[0] += x\n    SEEN.add(x)\n    return LIMIT\n"
        "def g(SEEN):\n    SEEN.add(1)\n"
    )
    assert mutated_module_names(module) == {"TOTAL", "SEEN"}


@pytest.mark.issue(10)
def test_no_module_level_mutable_state():
    found = {
        (str(path.relative_to(SRC)), name)
        for path in sorted(SRC.rglob("*.py"))
        for name in mutated_module_names(path)
    }
    assert found - REGISTRIES == set()


@pytest.mark.issue(10)
def test_environment_is_read_in_config_only():
    readers = [
        str(path.relative_to(SRC))
        for path in sorted(SRC.rglob("*.py"))
        if any(
            w in path.read_text(encoding="utf-8") for w in ("os.environ", "os.getenv", "getenv(")
        )
    ]
    assert readers == ["config.py"]


@pytest.mark.issue(10)
def test_the_verifier_timer_is_per_block(monkeypatch):
    from newsevents.coding.events import verifier

    clock = iter(range(100))  # a clock that ticks one second per reading
    monkeypatch.setattr(verifier, "time", SimpleNamespace(perf_counter=lambda: next(clock)))
    with verifier.timed():  # outside a timing() block nothing is read or summed
        pass
    with verifier.timing() as outer:
        with verifier.timed():
            pass
        with verifier.timing() as inner:
            with verifier.timed():
                pass
        with verifier.timed():
            pass
    assert (inner.seconds, outer.seconds) == (1, 2)
    assert next(clock) == 6  # three timed blocks, two readings each

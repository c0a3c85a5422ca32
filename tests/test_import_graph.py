"""No import cycles in src/newsevents: two modules that import each other are one module.

The graph is built with ``ast`` from every import statement, wherever it stands: at module level,
inside a function (a "late" import) or under ``if TYPE_CHECKING:``. An edge goes from a module to
the most specific newsevents module it names (``from newsevents.a import b`` points at
``newsevents.a.b`` when that is a module, else at ``newsevents.a``). A package's ``__init__`` that
re-exports its submodules is the usual front door, so importing a submodule does not add an edge
to its parent package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "newsevents"


def module_names(src: Path = SRC) -> dict[str, Path]:
    """Dotted name -> file, for every module of the package."""
    out = {}
    for path in sorted((src / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The longest prefix of ``name`` that is one of our modules."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def import_graph(src: Path = SRC) -> dict[str, set[str]]:
    """module -> the newsevents modules it imports (any import statement anywhere in the file)."""
    modules = module_names(src)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _absolute(node, name, is_package)
                targets = [f"{base}.{alias.name}" for alias in node.names] or [base]
            for target in targets:
                resolved = _resolve(target, modules)
                if resolved and resolved != name:
                    graph[name].add(resolved)
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)


def test_graph_sees_every_kind_of_import(tmp_path: Path) -> None:
    pkg = tmp_path / PACKAGE
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("from .inner import X\n")
    (pkg / "sub" / "inner.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from newsevents.top import T\n"
        "X = 1\n"
    )
    (pkg / "top.py").write_text(
        "def f():\n    from newsevents.sub import inner\n    return inner\n"
    )
    graph = import_graph(tmp_path)
    assert graph["newsevents.sub"] == {"newsevents.sub.inner"}
    assert graph["newsevents.sub.inner"] == {"newsevents.top"}
    assert graph["newsevents.top"] == {"newsevents.sub.inner"}
    assert find_cycles(graph) == [["newsevents.sub.inner", "newsevents.top"]]


def test_graph_covers_the_package() -> None:
    graph = import_graph()
    assert len(graph) > 50
    assert "newsevents.coding.actors" in graph["newsevents.pipeline"]


@pytest.mark.issue(10)
def test_no_import_cycles() -> None:
    cycles = find_cycles(import_graph())
    assert cycles == [], "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


def _package_edges(graph: dict[str, set[str]], depth: int = 2) -> set[tuple[str, str]]:
    def top(name: str) -> str:
        return ".".join(name.split(".")[:depth])

    return {(top(a), top(b)) for a, targets in graph.items() for b in targets if top(a) != top(b)}


@pytest.mark.issue(10)
def test_rooms_keep_to_their_side():
    edges = _package_edges(import_graph())
    # the REST API and the web page share newsevents.http and newsevents.query, not each other
    assert ("newsevents.api", "newsevents.web") not in edges
    assert ("newsevents.web", "newsevents.api") not in edges
    # the library never imports its front ends
    front = {"newsevents.api", "newsevents.web", "newsevents.http", "newsevents.cli"}
    front |= {"newsevents.server", "newsevents.__main__"}
    library = {a for a, _ in edges} - front
    assert not {(a, b) for a, b in edges if a in library and b in front}

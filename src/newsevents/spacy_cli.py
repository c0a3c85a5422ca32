"""spaCy's command line (``spacy.cli``), imported only when something uses it.

``import spacy`` runs ``from .cli.info import info``, which imports spaCy's whole command
line: typer, requests, weasel, httpx, jinja2 and every ``spacy`` subcommand (~0.35 s CPU of
every start of a command that parses), none of which a newsevents command uses. While
spaCy's package initialises, :class:`DeferredCli` (on ``sys.meta_path`` once newsevents'
command line, ``newsevents.cli``, is imported: not with ``import newsevents``, so a library
user's import machinery stays as it was) answers the imports of ``spacy.cli`` and
``spacy.cli.info`` with placeholder modules. The first use of a name the placeholders lack
(``from spacy.cli import download``, ``spacy.cli.train``, ``spacy.info()``) runs the real
modules' code in them, so what spaCy's command line offers is all there, only later. Imported before spaCy it changes nothing else;
imported after, nothing at all.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
import types
from collections.abc import Sequence
from typing import Any

DEFERRED = ("spacy.cli", "spacy.cli.info")


class _Placeholder(types.ModuleType):
    """A deferred module: any name it lacks runs the real module in it first."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)  # import machinery probes (__file__, ...): no import
        materialise(self)
        return getattr(self, name)


def materialise(module: types.ModuleType) -> types.ModuleType:
    """Run the real code of a deferred module in it (``spacy.cli``: its ``info`` first);
    a module that is not deferred is returned as it is."""
    if not isinstance(module, _Placeholder):
        return module
    if module.__name__ == "spacy.cli" and isinstance(
        sys.modules.get("spacy.cli.info"), _Placeholder
    ):
        materialise(sys.modules["spacy.cli.info"])
    parent = sys.modules[module.__name__.rpartition(".")[0]]
    spec = importlib.machinery.PathFinder.find_spec(module.__name__, parent.__path__)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot find {module.__name__}", name=module.__name__)
    module.__class__ = types.ModuleType
    module.__spec__ = spec
    module.__loader__ = spec.loader
    module.__file__ = spec.origin
    if spec.submodule_search_locations is not None:
        module.__path__ = list(spec.submodule_search_locations)
    spec.loader.exec_module(module)
    return module


def info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: runs spaCy's own (``spacy.cli.info.info``), imported on this call."""
    real = materialise(sys.modules["spacy.cli.info"]).info
    return real(*args, **kwargs)


class _PlaceholderLoader:
    """The loader of the placeholders (an import loader: ``create_module``, ``exec_module``)."""

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return _Placeholder(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        parent = sys.modules[module.__name__.rpartition(".")[0]]
        if module.__name__ == "spacy.cli":
            module.__path__ = [os.path.join(parent.__path__[0], "cli")]
        else:
            module.info = info


class DeferredCli:
    """Placeholders for ``spacy.cli`` and ``spacy.cli.info``, made only while ``spacy`` itself
    is being imported (a later ``import spacy.cli`` gets the placeholder, which runs the real
    code at its first use). A meta path finder (``find_spec``)."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in DEFERRED:
            return None
        spacy = sys.modules.get("spacy")
        if spacy is None or not getattr(getattr(spacy, "__spec__", None), "_initializing", False):
            return None
        return importlib.util.spec_from_loader(
            fullname, _PlaceholderLoader(), is_package=fullname == "spacy.cli"
        )


def install() -> None:
    """Put :class:`DeferredCli` on ``sys.meta_path`` (once; nothing if spaCy is imported)."""
    if "spacy" in sys.modules or any(isinstance(f, DeferredCli) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, DeferredCli())

"""Storyline assignment is a library call: runner.run does it, not only the CLI."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsevents.config import Settings
from newsevents.runner import RunConfig, run
from newsevents.store import Store
from newsevents.store.stories import storylines

TEXT = (
    "Norway and Chile signed a fishing agreement in Oslo on Monday.\n"
    "The ministers of both countries met for three hours before the signing."
)


@pytest.mark.issue(10)
@pytest.mark.parametrize("stories", [True, False])
def test_run_assigns_storylines_unless_told_not_to(tmp_path, stories):
    doc = tmp_path / "in" / "fishing.txt"
    doc.parent.mkdir()
    doc.write_text(TEXT, encoding="utf-8")
    config = RunConfig(settings=replace(Settings(), stories=stories))
    with Store(tmp_path / "s.db") as store:
        summary = run([str(doc.parent)], config, store=store)
        assert summary.processed == 1
        rows = storylines(store, limit=10)
        assert len(rows) == (1 if stories else 0)

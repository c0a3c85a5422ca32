"""Whether an event is emitted at all (issue 12, error class 5): an event needs a political
actor on at least one side, whatever type the rules end on; harm done to oneself has no other
side; a capacity ("free to") is no act. Invented sentences."""

from __future__ import annotations

import pytest

from newsevents.models import Article
from newsevents.pipeline import process_articles

pytestmark = pytest.mark.issue(12)


def _events(text: str) -> list[tuple[str, str | None, str | None]]:
    (ex,) = process_articles([Article(id="gate", text=text)])
    return [(e.plover, e.source and e.source.name, e.target and e.target.name) for e in ex.events]


@pytest.mark.parametrize(
    "text",
    [
        # an attack recoded as words at no one, by no political actor: players
        "Jo Pell ran down the wing. Pell beat three defenders and scored.",
        # harm done to oneself: no one attacked
        'The army captain spoke after the loss. "We killed ourselves with mistakes," he said.',
        # a capacity, not an act
        "Party members will be free to back the governor they prefer.",
        # a negated act at "any" one: no one refused, no one chosen
        "Governor Ann Dole said she is not backing any particular candidate in the primary.",
    ],
)
def test_gate_emits_no_event(text):
    assert _events(text) == []


@pytest.mark.parametrize(
    "text, plover",
    [
        ("The senator attacked the governor over the tax plan.", "ACCUSE"),
        # people the lists do not know, but one accuses the other: kept
        ("Kim Tarrow, eager to jab her rivals, attacked Lee Banfield for dodging it.", "ACCUSE"),
        ("The insurgent blew himself up at the checkpoint, killing four soldiers.", "ASSAULT"),
        ("Rebels killed themselves and six guards in the raid.", "ASSAULT"),
        ("Governor Ann Dole will not support any candidate who raises taxes.", "REJECT"),
    ],
)
def test_gate_keeps_political_events(text, plover):
    assert [p for p, _, _ in _events(text)] == [plover]

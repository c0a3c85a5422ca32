"""Reported-speech constructions of session 33, on invented news text (issue 14): acts of
deciding and of office take a stand on what they act on."""

from __future__ import annotations

import pytest

from .kinds import indirect_by_verb

pytestmark = pytest.mark.issue(14)


@pytest.mark.parametrize(
    ("text", "verb", "content", "speaker"),
    [
        (
            "The city council approved a plan to close the old depot.",
            "approved",
            "a plan to close the old depot",
            "city council",
        ),
        (
            "The regulator imposed a record fine on the bank.",
            "imposed",
            "a record fine on the bank",
            "regulator",
        ),
        (
            "Governor Jane Roe vetoed the budget bill on Friday.",
            "vetoed",
            "the budget bill",
            "Jane Roe",
        ),
        (
            "A state appeals court overturned the ruling against the union.",
            "overturned",
            "the ruling against the union",
            "state appeals court",
        ),
        (
            "Mayor Tom Baker appointed a former judge as police commissioner.",
            "appointed",
            "a former judge as police commissioner",
            "Tom Baker",
        ),
    ],
)
def test_act_of_office_reports_its_object(run, text, verb, content, speaker):
    (q,) = indirect_by_verb(run(text), verb)
    assert q.quote == content
    assert q.speaker.name == speaker


def test_act_of_office_needs_a_source_that_can_hold_a_view(run):
    # a thing that blocks or lifts something takes no stand
    quotes = run("The storm blocked the only road, and the fog lifted the next morning.")
    assert indirect_by_verb(quotes, "blocked") == []
    assert indirect_by_verb(quotes, "lifted") == []

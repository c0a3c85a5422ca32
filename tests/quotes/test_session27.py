"""Speaker constructions of session 27, on invented news text (issue 14): two people of one
surname told apart by sex, ..."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.issue(14)


def test_dictionary_name_not_given_the_other_sexs_full_name(run):
    # the body writes him only with a title and her in full: he stays himself
    text = (
        "President Obama spoke to a crowd of teachers in Ohio on Tuesday. His wife, "
        "Michelle Obama, joined him later for a tour of the school.\n\n"
        '"Every classroom needs a good roof," Mr. Obama said.'
    )
    (q,) = [q for q in run(text) if q.kind == "direct"]
    assert q.speaker.name == "Barack Obama"


def test_headline_name_still_gives_way_to_the_bodys_full_name(run):
    text = (
        "Sen. Roe Backs Bridge Plan\n\n"
        "Senator Janet Roe of Ohio backed the bridge plan on Monday.\n\n"
        '"The bridge is long overdue," Roe said.'
    )
    (q,) = [q for q in run(text) if q.kind == "direct"]
    assert q.speaker.name == "Janet Roe"

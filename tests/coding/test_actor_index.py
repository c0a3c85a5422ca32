"""DocumentActors answers position look-ups from a sorted index: the same answers as a scan
of every mention (issue 16: a long article must not cost quadratic time)."""

import pytest

from newsevents.coding.actors import find_actors
from newsevents.nlp import parse_text

TEXT = (
    "Kenyan police and opposition supporters clashed in Nairobi on Monday. "
    "The Interior Minister said officers arrested 12 protesters. "
    "President Jane Roe met German and French diplomats, and the United Nations urged calm. "
    "Rebels in the north attacked an army post, the military said."
)


def _scan(mentions, start, end):
    best, best_key = None, None
    for a in mentions:
        overlap = min(end, a.end) - max(start, a.start)
        if overlap <= 0:
            continue
        contains = a.start <= start and end <= a.end
        key = (contains, overlap if not contains else -(a.end - a.start))
        if best_key is None or key > best_key:
            best, best_key = a, key
    return best


@pytest.mark.issue(16)
def test_at_and_starting_in_answer_as_a_scan(nlp):
    actors = find_actors(parse_text(TEXT, nlp))
    mentions = actors.mentions
    assert len(mentions) >= 5
    for start in range(0, len(TEXT), 3):
        for width in (1, 4, 15, 60):
            end = start + width
            assert actors.at(start, end) is _scan(mentions, start, end)
            assert actors.starting_in(start, end) == [a for a in mentions if start <= a.start < end]

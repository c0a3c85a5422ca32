"""A state joining an international body (coding/events/membership.py, issue 15) on invented
sentences, with the real actor coder and the rule stage: the joiner is the source, the body
the target; joining people, talks or a delegation is no membership."""

import pytest

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events, membership
from newsevents.data import load_tsv
from newsevents.nlp import parse_text
from tests.coding.rules import RULES_ONLY

pytestmark = pytest.mark.issue(15)


def _events(text: str):
    parsed = parse_text(text)
    return code_events(parsed, find_actors(parsed), settings=RULES_ONLY)


def _joins(text: str):
    return [e for e in _events(text) if e.cameo == membership.MEMBERSHIP_CODE]


@pytest.mark.parametrize(
    "text, trigger, source, target",
    [
        ("Norway joined NATO on Monday.", "joined", "NOR", "IGO"),
        (
            "Estonia and Latvia formally became full members of NATO in Brussels.",
            "became",
            "EST",
            "IGO",
        ),
        (
            "Chile's entry into the European Union on Friday surprised traders.",
            "entry",
            "CHL",
            "IGO",
        ),
        (
            "The accession of Peru to the European Union was signed in Rome.",
            "accession",
            "PER",
            "IGO",
        ),
        # an infinitive that describes a kind: the states the copula names, not the kind's words
        (
            "Among the first two former Soviet republics to accede to the EU on Monday were"
            " also Latvia and Estonia.",
            "accede",
            "LVA",
            "IGO",
        ),
        (
            "Estonia became the first former Soviet republic to join the European Union.",
            "join",
            "EST",
            "IGO",
        ),
    ],
)
def test_state_joining_a_body_is_one_event(text, trigger, source, target):
    (e,) = [e for e in _joins(text) if e.trigger["text"] == trigger]
    assert e.source is not None and e.source.country == source
    assert e.target is not None and (e.target.sector == target or e.target.code.startswith(target))


def test_state_told_by_its_kind_leaves_the_body_as_the_side():
    (e,) = _joins("Officials marked the country's entry into NATO on Friday.")
    assert e.source is None and e.target is not None and e.target.sector == "IGO"


@pytest.mark.parametrize(
    "text",
    [
        "The minister joined the European Union delegation in Rome.",  # a delegation, not the body
        "Officials said Norway joined the alliance in 2004.",  # no body named
        "Lech Walesa joined NATO's panel of advisers.",  # a person, and no body joined
        "Norway joined the talks on Monday.",  # talks: a meeting
        "The workers joined the union last year.",  # a trade union is no body of states
    ],
)
def test_no_membership_without_a_state_joining_a_body(text):
    assert _joins(text) == []


def test_membership_words_table():
    rows = load_tsv("verbs/membership.tsv")
    assert rows
    for r in rows:
        assert r["pos"] in {"verb", "noun"}
        assert r["preps"] == "-" or all(p.isalpha() for p in r["preps"].split(","))

"""A dated relative clause or participle that makes its own event noun tells that event
(issue 15, coverage): "the pact signed by the two ministers on Monday" is a signing, not
background to the sentence (rules.makes_its_noun, no background penalty); an active
participle that is a declaration's content tells its author's act (verify._content_of).
Invented sentences."""

import pytest

from newsevents.coding.events import rules as event_rules
from newsevents.nlp import parse_text

pytestmark = pytest.mark.issue(15)


def token(text: str, word: str):
    doc = parse_text(text, date="2024-03-09").chunks[0][1]
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a passive participle on the pact it makes
        (
            "Chile's foreign minister praised the trade pact signed by Peru and Bolivia on Monday.",
            "signed",
        ),
        # an object relative on the deal it makes
        (
            "The governor criticized the deal that the mayor's office signed with the union last week.",
            "signed",
        ),
        # parsed onto the last noun of the phrase: the treaty higher up is what was signed
        (
            "The quarrel concerns a broad security treaty calling for troop withdrawals, "
            "which the two leaders signed in May.",
            "signed",
        ),
        # an attack the clause says was carried out
        ("Villagers described the raid carried out by the rebels on Sunday.", "carried"),
    ],
)
def test_clause_that_makes_its_event_noun_tells_that_event(text, word):
    verb = token(text, word)
    assert event_rules.makes_its_noun(verb)
    assert event_rules.background(verb) == 0.0


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # the noun does the verb's deed: background
        ("The minister praised the treaty calling for troop withdrawals.", "calling"),
        # what the clause does to its noun makes no event of it
        ("The mayor opposed the deal that the council rejected on Monday.", "rejected"),
        # a relative clause on a person is background as before
        ("The envoy thanked the general who signed the truce in May.", "signed"),
        # no time of its own: how things stand, not a dated deed
        ("The council shortened the curfew imposed in the northern province.", "imposed"),
    ],
)
def test_other_relative_clauses_stay_background(text, word):
    verb = token(text, word)
    assert not event_rules.makes_its_noun(verb)
    assert event_rules.background(verb) > 0.0


def coded(text: str) -> list[tuple[str, str]]:
    from newsevents.models import Article
    from newsevents.pipeline import process_articles

    (ex,) = process_articles([Article(id="t", text=text, date="2024-03-09")])
    return [(e.trigger["text"], e.plover) for e in ex.events]


@pytest.mark.parametrize(
    "text",
    [
        "Five opposition parties in Hungary issued statements supporting the country's NATO "
        "membership.",
        "The two unions sent a letter supporting the Kenyan government on Friday.",
    ],
)
def test_declaration_backing_someone_is_its_authors_support(text):
    assert ("supporting", "SUPPORT") in coded(text)


def test_group_backing_someone_is_still_a_relation():
    assert ("backing", "SUPPORT") not in coded("A group backing the senator held a rally on Monday.")

"""Attribution constructions of session 25, on invented news text (issue 14): a closing mark
after a space, general verbs of communication, likening with "to", a that-clause the parser
hangs on a time phrase, and "the fund said" referring back to the named organisation."""

from __future__ import annotations

import pytest

from newsevents.quotes.lexicon import lexicon
from newsevents.quotes.marks import find_quoted_spans

pytestmark = pytest.mark.issue(14)


def indirect(quotes):
    return [
        (q.speaker.name if q.speaker else None, q.quote) for q in quotes if q.kind == "indirect"
    ]


def test_straight_mark_after_a_space_closes_the_quotation():
    text = "\"We never liked the word 'summit,' \" Rhea Vantongeren told them, adding that it was late."
    spans = find_quoted_spans(text)
    assert [s.text(text) for s in spans] == ["We never liked the word 'summit,'"]
    assert text[spans[0].close_mark + 2 :].startswith("Rhea")


def test_straight_mark_between_spaces_opens_nothing_without_a_quotation():
    text = 'The score was 3 " 2 by the break, the coach said.'
    assert find_quoted_spans(text) == []


def test_report_after_a_quotation_closed_after_a_space(run):
    text = (
        "\"I dislike the term 'outreach,' \" Rhea Vantongeren told the club, adding that the "
        "phrase treats voters as strangers."
    )
    quotes = run(text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.quote for q in direct] == ["I dislike the term 'outreach,'"]
    assert ("Rhea Vantongeren", "the phrase treats voters as strangers") in indirect(quotes)


@pytest.mark.parametrize(
    ("lemma", "use"),
    [
        ("confess", "indirect"),
        ("fret", "indirect"),
        ("chide", "objects"),
        ("fire back", "indirect"),
    ],
)
def test_general_communication_verbs_are_cues(lemma, use):
    entry = lexicon().verbs[lemma]
    assert getattr(entry, use)


def test_confessed_that_is_reported_speech(run):
    text = "The treasurer Olav Brekke confessed that the ledger had been wrong for a year."
    assert indirect(run(text)) == [("Olav Brekke", "the ledger had been wrong for a year")]


def test_likened_keeps_what_the_object_is_likened_to(run):
    text = "Senator Ida Marwick likened the toll plan to a tax on commuters."
    assert indirect(run(text)) == [("Ida Marwick", "the toll plan to a tax on commuters")]


def test_that_clause_hung_on_a_time_phrase_is_the_report(run):
    text = (
        "The Harbor Ledger reported at the time that the port director, Tomas Eng, told "
        "the board that the cranes were unsafe."
    )
    quotes = indirect(run(text))
    assert quotes[0][0] == "Harbor Ledger"
    assert quotes[0][1].startswith("the port director")
    assert len(quotes) == 1  # Eng's telling is part of what the paper reported


def test_relative_clause_of_a_time_phrase_stays_a_relative_clause(run):
    text = "The mayor spoke about the week that followed the flood."
    assert all("followed" not in q or q.startswith("the week") for _, q in indirect(run(text)))


def test_the_fund_refers_back_to_the_named_organisation(run):
    text = (
        "The Northern Relief Fund cut its aid forecast on Tuesday.\n\n"
        "The fund warned that donations would fall by a third next year."
    )
    assert indirect(run(text)) == [
        ("Northern Relief Fund", "donations would fall by a third next year")
    ]


def test_a_bare_body_noun_the_article_never_named_stays_as_written(run):
    text = "The crowd cheered at the rally.\n\nThe committee said that the vote would wait."
    quotes = indirect(run(text))
    assert quotes == [("committee", "the vote would wait")]


def test_speech_verb_tagged_as_a_noun_after_a_name_that_is_a_word(run):
    # the tagger reads "Rook charges" as a verb and its object, or a compound noun
    text = "Rook charges that the board that runs the port hid the losses."
    assert indirect(run(text)) == [("Rook", "the board that runs the port hid the losses")]


def test_plural_noun_after_a_name_without_a_that_clause_is_no_report(run):
    text = "The police dropped the Rook charges that had been filed in May."
    assert indirect(run(text)) == []


def test_surname_one_letter_off_is_the_person_named_in_full(run):
    text = (
        "Nurse Kari Brandvoll spoke first at the hearing on Monday.\n\n"
        "Brandvold said that the ward had been full since June."
    )
    assert indirect(run(text)) == [("Kari Brandvoll", "the ward had been full since June")]


def test_misspelling_rule_leaves_short_and_unlike_names_alone():
    from newsevents.coding.actors.coref import misspelt

    assert misspelt("mclenney", "mcclenney") and misspelt("brandvold", "brandvoll")
    assert not misspelt("kane", "kaine")  # too short to call a typo
    assert not misspelt("sandersen", "andersen")  # begins otherwise
    assert not misspelt("brandvoll", "brandvoll")


def test_headline_label_with_a_quoted_fragment_reports_the_line(run):
    text = (
        "Okafor: Council must 'stop all of this bickering' over the budget.\n\n"
        "Mayor Adaeze Okafor gave blunt advice to the council on Friday."
    )
    quotes = [q for q in run(text) if q.kind == "indirect"]
    assert quotes and quotes[0].speaker.name == "Adaeze Okafor"
    assert quotes[0].quote.startswith("Council must")


def test_headline_label_opening_a_quotation_stays_a_direct_quote(run):
    text = (
        "Okafor: 'We will not stop now.'\n\n"
        "Mayor Adaeze Okafor gave blunt advice to the council on Friday."
    )
    quotes = run(text)
    assert not [q for q in quotes if q.kind == "indirect" and "stop now" in q.quote]


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Eng is a former harbor pilot who has long opposed the new crane contract.",
        "Tomas Eng, a former harbor pilot who has long opposed the new crane contract, left.",
    ],
)
def test_relative_clause_on_a_description_speaks_for_the_person(run, text):
    assert [name for name, _ in indirect(run(text))] == ["Tomas Eng"]


def test_markup_left_before_a_name_is_no_part_of_it():
    from newsevents.quotes.names import clean_words

    assert clean_words(['">Jane', "Roe"], lexicon()) == ["Jane", "Roe"]

"""Attribution constructions of session 26, on invented news text (issue 14): quoted
transcript turns, roles qualified by an organisation, ..."""

from __future__ import annotations

import pytest

from newsevents.quotes.marks import find_quoted_spans

pytestmark = pytest.mark.issue(14)

TRANSCRIPT = (
    "The host pressed the governor on the radio, in a partial transcript as follows:\n\n"
    '"BAKER: Will you sign the bill? Critics call it “a giveaway” to the mills.\n\n'
    '"ROE: I will sign it, because the county needs the jobs.\n\n'
    '"But the truth is that the mills have to pay their share.\n\n'
    '"(CROSSTALK.)\n\n'
    '"BAKER: Governor, one more question."'
)


def test_each_labelled_paragraph_of_a_quoted_transcript_is_a_turn():
    spans = find_quoted_spans(TRANSCRIPT)
    texts = [s.text(TRANSCRIPT) for s in spans]
    assert texts[0] == "BAKER: Will you sign the bill? Critics call it “a giveaway” to the mills."
    assert texts[1].startswith("ROE: I will sign it") and "pay their share" in texts[1]
    assert texts[2] == "BAKER: Governor, one more question."
    assert len(texts) == 3  # the stage note is no one's words


def test_transcript_turn_speaks_for_its_label_without_the_label(run):
    # a turn is attributed by its label, as an unquoted "ROE: ..." line is: reported speech
    turns = [q for q in run(TRANSCRIPT) if q.kind == "indirect" and q.verb["text"] == ":"]
    assert [(q.speaker.text, q.quote[:22]) for q in turns] == [
        ("BAKER", "Will you sign the bill"),
        ("ROE", "I will sign it, becaus"),
        ("BAKER", "Governor, one more que"),
    ]
    assert all(TRANSCRIPT[q.start : q.end] == q.quote for q in turns)
    assert [q for q in run(TRANSCRIPT) if q.kind == "direct"] == []


def test_continued_paragraph_without_a_label_stays_one_quotation():
    text = '"We will win the county.\n\n"And we will win it by a lot," Jane Roe said.'
    assert [s.text(text) for s in find_quoted_spans(text)] == [
        "We will win the county.\n\nAnd we will win it by a lot"
    ]


def test_role_of_a_named_organisation_is_not_the_last_speaker(run):
    text = (
        "Jane Roe spoke in Ohio on Monday. She said the plan was fine. "
        "The FBI director criticized Roe for the use of the server."
    )
    speakers = {q.verb["text"]: q.speaker.name for q in run(text) if q.kind == "indirect"}
    assert speakers["said"] == "Jane Roe"
    assert speakers["criticized"] == "FBI director"


def test_bare_role_still_refers_back(run):
    text = "Jane Roe spoke in Ohio on Monday. The senator said the plan was fine."
    assert [q.speaker.name for q in run(text) if q.kind == "indirect"] == ["Jane Roe"]


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            'US Senator Jane Roe visited the museum. "We sing like Barack Obama," the president said.',
            "the president",
        ),
        ('Jane Roe, an American, toured the plant. "They work like Barack Obama," he said.', "he"),
    ],
)
def test_reference_outside_quotes_takes_no_name_from_inside_them(nlp, text, mention):
    from newsevents.coding.actors import find_actors
    from newsevents.nlp import parse_text

    actors = find_actors(parse_text(text, nlp, id="t"))
    start = text.rindex(mention)
    found = actors.at(start, start + len(mention))
    assert found is None or found.name != "Barack Obama"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The latest Gallup poll shows that Roe leads the race.", "Gallup"),
        (
            "Dr. Jane Roe wrote a memoir. According to her account, she told the mayor to rest.",
            "Jane Roe",
        ),
        (
            "A slide from a presentation by Senator Jane Roe shows what the tariff would cost.",
            "Jane Roe",
        ),
    ],
)
def test_a_work_speaks_for_its_owner(run, text, speaker):
    names = [q.speaker.name for q in run(text) if q.kind == "indirect"]
    assert names[-1] == speaker


def test_a_work_without_an_owner_is_not_the_last_speaker(run):
    text = "Jane Roe said the plan was fine. A new poll shows that voters disagree."
    names = {q.verb["text"]: q.speaker.name for q in run(text) if q.kind == "indirect"}
    assert names["said"] == "Jane Roe" and names.get("shows") != "Jane Roe"

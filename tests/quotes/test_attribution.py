"""Speaker attribution on invented news text: cue sources, canonical names, pronoun chains
(issue 14). The real actors stage runs, so quotes and actors meet as in the pipeline."""

from __future__ import annotations

import pytest

from newsevents.quotes.lexicon import lexicon
from newsevents.quotes.names import clean_words

pytestmark = pytest.mark.issue(14)


def direct(quotes):
    return [q for q in quotes if q.kind == "direct"]


def speakers(quotes):
    return [q.speaker.name if q.speaker else None for q in direct(quotes)]


def test_names_clean_titles_party_labels_and_epithets():
    lex = lexicon()
    assert clean_words(["Sen.", "Margaret", "Hollis"], lex) == ["Margaret", "Hollis"]
    assert clean_words(["Republican", "Daniel", "Whitford"], lex) == ["Daniel", "Whitford"]
    assert clean_words(["Crooked", "Daniel", "Whitford"], lex) == ["Daniel", "Whitford"]
    assert clean_words(["rival", "Margaret", "Hollis", "'s"], lex) == ["Margaret", "Hollis"]
    assert clean_words(["Rep.", "Tom", "A.", "Quill", "Jr."], lex) == ["Tom", "A.", "Quill"]


def test_speaker_is_longest_body_name_without_title(run):
    text = (
        "Sen. Margaret Hollis toured the plant on Monday.\n\n"
        '"We will keep these jobs here," Hollis said.'
    )
    assert speakers(run(text)) == ["Margaret Hollis"]


def test_epithet_inside_a_quotation_never_names_the_speaker(run):
    text = (
        'Daniel Whitford spoke in Dayton. "Sneaky Margaret Hollis will raise your taxes," '
        "Whitford said.\n\n"
        'Margaret Hollis answered on Tuesday. "He has no plan at all," Hollis said.'
    )
    quotes = direct(run(text))
    assert [q.speaker.name for q in quotes] == ["Daniel Whitford", "Margaret Hollis"]


def test_dash_after_quotation_names_its_source(run):
    text = (
        "Readers wrote in after the debate.\n"
        "\u201cThe debate changed nothing for me.\u201d \u2015 Laura Benning\n"
        "\u201cI will vote early this year.\u201d \u2014 Oscar Delmar\n"
    )
    assert speakers(run(text)) == ["Laura Benning", "Oscar Delmar"]


def test_colon_after_name_speaks_for_next_paragraph(run):
    text = (
        "Pollster Walter Brandt looked at the new numbers.\n\n"
        "Brandt continued:\n\n"
        '"The gap is closing in every state we measured, and it is closing fast."'
    )
    assert speakers(run(text)) == ["Walter Brandt"]


def test_cue_after_quote_beats_nearest_name(run):
    text = (
        "Margaret Hollis met voters in Akron on Friday.\n\n"
        '"Nobody will outwork me in this state," Daniel Whitford said.'
    )
    assert speakers(run(text)) == ["Daniel Whitford"]


def test_multi_paragraph_quote_keeps_its_speaker(run):
    text = (
        'Walter Brandt said: "The first count is done.\n\n'
        '"The second count starts on Monday and will take a week."\n\n'
        "Other news followed."
    )
    (q,) = direct(run(text))
    assert "second count" in q.quote and q.speaker.name == "Walter Brandt"


def test_pronoun_chain_across_paragraphs(run):
    text = (
        "Daniel Whitford arrived in Dayton late on Sunday.\n\n"
        "He visited a factory that had closed in the spring.\n\n"
        '"These workers were promised help," he said.\n\n'
        "Margaret Hollis, his opponent, spoke in Akron.\n\n"
        '"The plan is ready," she said.'
    )
    assert speakers(run(text)) == ["Daniel Whitford", "Margaret Hollis"]


def test_pronoun_skips_people_named_inside_quotations(run):
    text = (
        "Daniel Whitford spoke to reporters on Monday.\n\n"
        '"My friend Oscar Delmar told me to run," he said.\n\n'
        '"I listened to him," he said.'
    )
    assert speakers(run(text)) == ["Daniel Whitford", "Daniel Whitford"]


def test_surname_does_not_tell_the_sex(run):
    text = 'Secretary Kenji Rose spoke first.\n\n"We are ready to help," he told reporters.'
    assert speakers(run(text)) == ["Kenji Rose"]


def test_mixed_quote_is_direct_and_mixed(run):
    text = 'Margaret Hollis said the new tax plan was "a gift to the few" and would fail.'
    (q,) = direct(run(text))
    assert q.quote == "a gift to the few" and q.mixed
    assert q.speaker.name == "Margaret Hollis"


def test_whole_quotation_is_not_mixed(run):
    (q,) = direct(run('"The new tax plan is a gift to the few," Margaret Hollis said.'))
    assert not q.mixed


def test_speech_verb_cue_is_not_a_label_cue(run):
    text = 'Daniel Whitford called the plan "a disaster" on Monday.'
    (q,) = direct(run(text))
    assert q.speaker.name == "Daniel Whitford"
    assert direct(run('The group backs a plan called "Green Roads" in the city.')) == []


def test_speaker_words_after_quote_when_parse_hangs_them_inside(run):
    text = '"We will find who did this," Harbor police Chief Dana Whitlock said Monday.'
    (q,) = direct(run(text))
    assert "Whitlock" in q.speaker.name


def test_possessive_source_of_a_cue_noun(run):
    text = (
        "Margaret Hollis spoke in Akron on Monday.\n\n"
        'Reporters checked Daniel Whitford\'s claim that "thousands of jobs" had left the state.'
    )
    (q,) = direct(run(text))
    assert q.speaker.name == "Daniel Whitford"


def test_indirect_speech_with_content_span(run):
    text = "Daniel Whitford said that the new count was wrong in three states."
    (q,) = [q for q in run(text) if q.kind == "indirect"]
    assert q.quote == "the new count was wrong in three states"
    assert text[q.start : q.end] == q.quote and q.speaker.name == "Daniel Whitford"


def test_indirect_topic_of_a_speech_verb(run):
    text = "Margaret Hollis talked about the closing of the steel plant in Akron."
    (q,) = [q for q in run(text) if q.kind == "indirect"]
    assert q.quote == "the closing of the steel plant in Akron"
    assert q.speaker.name == "Margaret Hollis" and q.verb["text"] == "talked"


def test_inverted_source_after_quote_whose_clause_has_a_subject(run):
    text = (
        '"If the dam does not hold, it will flood the valley sooner or later," said Tomas '
        "Ferrand, an engineer who has studied the river for years."
    )
    assert speakers(run(text)) == ["Tomas Ferrand"]


def test_said_name_colon_before_quote(run):
    text = 'Critics were unmoved. Said Ferrand: "I do not think the council wants any repair."'
    assert speakers(run(text)) == ["Ferrand"]


def test_conjoined_speech_verb_shares_the_subject(run):
    text = (
        'Mayor Helen Varga said Friday that the report should be public but said "the '
        'question is when."'
    )
    assert speakers(run(text)) == ["Helen Varga"]


def test_participle_continues_the_speaker_before_it(run):
    text = (
        '"The budget is a mess," Ferrand said, going on to say that the town has spent '
        '"years fixing roads that nobody drives on, and people are tired of it."'
    )
    quotes = direct(run(text))
    assert [q.speaker.name for q in quotes] == ["Ferrand", "Ferrand"]


def test_statement_that_names_its_issuer(run):
    text = (
        "After a short meeting, the Harbour Authority issued a statement calling the spill "
        '"a grave failure of oversight and a danger to fishermen."'
    )
    assert speakers(run(text)) == ["Harbour Authority"]


def test_relative_pronoun_speaker_is_the_noun_it_modifies(run):
    text = (
        'Tomas Ferrand, who said the bridge was "unsafe for heavy trucks and buses", '
        "left the meeting early."
    )
    assert speakers(run(text)) == ["Tomas Ferrand"]


def test_quote_after_reported_speech_continues_its_speaker(run):
    text = (
        "The council may wait until spring, Ferrand said. "
        '"Nobody wants to close a bridge in the middle of the tourist season."'
    )
    assert speakers(run(text)) == ["Ferrand"]


def test_surname_that_is_also_a_first_name_tells_no_sex(run):
    text = (
        "Marion Douglas spoke to the union on Monday.\n\n"
        "Douglas told the crowd that she wants a new contract. "
        '"We will not wait another year," she said.'
    )
    assert speakers(run(text)) == ["Marion Douglas"]


def test_a_thing_does_not_speak_the_speech_verb_above_it_does(run):
    text = (
        "Margaret Hollis says it shows that the mayor is "
        '"completely out of touch with the people of this town."'
    )
    assert speakers(run(text)) == ["Margaret Hollis"]


def test_person_before_a_participle_speaks(run):
    text = 'The new ad uses footage of Margaret Hollis asking, "Why should anyone trust them?"'
    assert speakers(run(text)) == ["Margaret Hollis"]


def indirect(quotes):
    return [
        (q.quote, q.speaker.name if q.speaker else None) for q in quotes if q.kind == "indirect"
    ]


def test_parenthetical_attribution_reports_the_clause_around_it(run):
    text = "The new bridge, Tomas Ferrand said, will be finished by the end of the summer."
    assert indirect(run(text)) == [
        (
            "The new bridge, Tomas Ferrand said, will be finished by the end of the summer",
            "Tomas Ferrand",
        )
    ]


def test_transcript_speaker_line_is_reported_speech(run):
    text = "HOLLIS: We have waited long enough for this bridge.\nFERRAND: Then vote for it."
    found = indirect(run(text))
    assert ("We have waited long enough for this bridge", "HOLLIS") in found


def test_vowed_to_reports_the_promise(run):
    text = "Margaret Hollis vowed to rebuild the harbour within two years."
    assert indirect(run(text)) == [("to rebuild the harbour within two years", "Margaret Hollis")]


def test_document_with_no_named_issuer_is_the_source(run):
    text = 'The report says the harbour "will silt up within a decade unless it is dredged."'
    assert speakers(run(text)) == ["report"]


def test_quantifier_subject_speaks_as_written(run):
    text = "Those close to him say that Ferrand will run for the council again next year."
    assert indirect(run(text)) == [
        ("Ferrand will run for the council again next year", "Those close to him")
    ]


def test_canonical_name_drops_generational_suffix(run):
    text = (
        "Tomas Ferrand Jr. toured the harbour on Monday.\n\n"
        '"We will dredge it this year," Tomas Ferrand Jr. said.'
    )
    assert speakers(run(text)) == ["Tomas Ferrand"]

"""extract_quotes on short texts written for each attribution form."""

from __future__ import annotations

import pytest

from newsevents.models import Actor
from newsevents.nlp import parse_text
from newsevents.quotes import extract_quotes

from .fakes import NoActors, fake_actors

PEOPLE = {
    "Maria Lopez": Actor("Maria Lopez", "MEX", "GOV"),
    "Lopez": Actor("Maria Lopez", "MEX", "GOV"),
    "Tom Baker": Actor("Tom Baker", "GBR", "GOV"),
    "Baker": Actor("Tom Baker", "GBR", "GOV"),
    "Interior Ministry": Actor("Interior Ministry", "FRA", "GOV"),
    "Red Cross": Actor("Red Cross", None, "NGO"),
}


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text: str, actors: str = "fake"):
        parsed = parse_text(text, nlp, id="t")
        acts = fake_actors(parsed, PEOPLE) if actors == "fake" else NoActors()
        return extract_quotes(parsed, acts)

    return _run


def direct(quotes):
    return [q for q in quotes if q.kind == "direct"]


def test_extract_quote_before_attribution(run):
    (q,) = direct(run('"The border will stay open," Maria Lopez said on Tuesday.'))
    assert q.quote == "The border will stay open"
    assert q.speaker.name == "Maria Lopez" and q.speaker.country == "MEX"
    assert q.verb["text"] == "said"
    assert q.doc == "t" and q.sentence_start == 0


def test_extract_attribution_before_colon(run):
    (q,) = direct(run('Tom Baker told reporters: "We have no plans to leave the talks."'))
    assert q.quote.startswith("We have no plans")
    assert q.speaker.name == "Tom Baker"
    assert q.channel == "press"


def test_extract_inverted_said_name(run):
    (q,) = direct(run('"Nobody expected the vote to pass," said Tom Baker, the trade minister.'))
    assert q.speaker.name == "Tom Baker"


def test_extract_curly_marks_and_several_sentences(run):
    text = (
        "\u201cWe met the delegation. We agreed on a timetable. Talks resume next week,\u201d "
        "Lopez wrote."
    )
    (q,) = direct(run(text))
    assert q.quote.count(".") == 2 and q.quote.endswith("next week")
    assert q.speaker.name == "Maria Lopez"


def test_extract_single_word_attributed_quote(run):
    quotes = direct(run('Tom Baker has said that a deal would be "difficult" before June.'))
    assert [q.quote for q in quotes] == ["difficult"]
    assert quotes[0].speaker.name == "Tom Baker"


def test_extract_scare_quotes_are_not_quotes(run):
    text = 'The parliament passed a law labelling the groups "foreign agents" last year.'
    assert direct(run(text)) == []


def test_extract_unattributed_short_heading_is_not_a_quote(run):
    assert direct(run("'Peace plan'\n\nThe talks went on for a week.")) == []


def test_extract_pronoun_speaker_from_earlier_quote(run):
    text = (
        '"We will not attend," Maria Lopez said in an interview.\n\n'
        "The ministry gave no details.\n\n"
        '"It is too early for a meeting," she said.'
    )
    first, second = direct(run(text, actors="none"))
    assert first.channel == "interview"
    assert second.speaker.name == "Maria Lopez"


def test_extract_text_message_channel(run):
    (q,) = direct(run('"We cannot come," Tom Baker said in a text message on Monday.'))
    assert q.channel == "text message"


def test_extract_tweeted_channel_and_twitter(run):
    text = '"Good talks today," Lopez tweeted.\n\n"We will meet again," Baker said on Twitter.'
    a, b = direct(run(text))
    assert (a.channel, b.channel) == ("Twitter", "Twitter")
    assert (a.speaker.name, b.speaker.name) == ("Maria Lopez", "Tom Baker")


def test_extract_organisation_statement_speaker(run):
    text = '"Aid convoys must be let through," the Red Cross said in a statement.'
    (q,) = direct(run(text))
    assert q.speaker.name == "Red Cross" and q.channel == "statement"


def test_extract_statement_read_resolves_issuer(run):
    text = (
        "The Interior Ministry said in a statement that the roads were closed.\n"
        '"Travel to the region is forbidden until further notice," the statement read.'
    )
    (q,) = direct(run(text))
    assert q.speaker.name == "Interior Ministry"
    assert q.channel == "statement"
    assert q.verb["text"] == "read"


def test_extract_written_channel_carries_to_he_wrote(run):
    text = (
        "Baker said on Twitter that he was leaving.\n"
        '"From here, I go to Rome and then to Paris for more talks," he wrote.'
    )
    (q,) = direct(run(text, actors="none"))
    assert q.speaker.name == "Baker"
    assert q.channel == "Twitter"


def test_extract_indirect_speech_kept_as_indirect(run):
    quotes = run("Tom Baker said on Twitter that he was on his way to the capital.")
    (q,) = [q for q in quotes if q.kind == "indirect"]
    assert q.quote == "he was on his way to the capital"
    assert q.speaker.name == "Tom Baker" and q.channel == "Twitter"
    assert direct(quotes) == []


def test_extract_unattributed_quote_continues_previous_speaker(run):
    text = '"We are ready to sign," Lopez said. "The other side must now show the same will."'
    a, b = direct(run(text))
    assert b.speaker.name == "Maria Lopez"
    assert b.verb is None


def test_extract_multi_paragraph_quote(run):
    text = (
        'Tom Baker said: "The first phase is over.\n\n'
        '"The second phase begins when both sides sign the text."\n\nOther news followed.'
    )
    (q,) = direct(run(text))
    assert "first phase" in q.quote and "second phase" in q.quote
    assert q.speaker.name == "Tom Baker"


@pytest.mark.issue(14)
def test_extract_multi_paragraph_quote_reads_back_and_is_not_rejected(tmp_path):
    # A quotation continued in the next paragraph (the news way: an opening mark, no
    # closing one) once gave a quote text without that mark, so the span check rejected
    # the whole document.
    import io
    import json

    from newsevents.runner import run as run_batch

    text = (
        'Tom Baker said on Monday: "The first phase is over.\n\n'
        '"The second phase begins when both sides sign the text."\n'
    )
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    summary = run_batch([str(path)], quotes_out=out)
    assert not summary.rejected and summary.processed == 1
    (q,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert text[q["start"] : q["end"]] == q["quote"]
    assert "first phase" in q["quote"] and "second phase" in q["quote"]


def test_extract_apostrophes_do_not_make_quotes(run):
    text = "Turkey's minister can't attend, and the leaders' summit was delayed, Lopez said."
    assert direct(run(text)) == []


def test_extract_offsets_point_at_text(run):
    text = 'Intro line.\n\n"The border will stay open," Maria Lopez said.'
    (q,) = direct(run(text))
    assert text[q.start : q.end] == q.quote
    assert text[q.verb["start"] : q.verb["end"]] == "said"
    assert text[q.speaker.start : q.speaker.end] == "Maria Lopez"


def test_extract_pronoun_skips_speaker_when_another_person_intervenes(run):
    text = (
        '"We will fight on," Maria Lopez said.\n\n'
        "Tom Baker, the opposition leader, disagreed.\n\n"
        '"This is madness and it has to stop," he said.'
    )
    first, second = direct(run(text, actors="none"))
    assert first.speaker.name == "Maria Lopez"
    assert second.speaker.name == "Tom Baker"


def test_extract_unresolvable_pronoun_has_no_speaker(run):
    (q,) = direct(run('"We will respond to this," he said.', actors="none"))
    assert q.speaker is None


def test_extract_quoted_subject_of_speech_verb_is_a_label(run):
    assert direct(run('The so-called "Liberation Front" claimed the attack.')) == []


def test_extract_told_news_agency_is_interview(run, nlp):
    text = '"We are ready," Tom Baker told Global Wire.'
    parsed = parse_text(text, nlp, id="t")
    known = dict(PEOPLE, **{"Global Wire": Actor("Global Wire", None, "MED")})
    (q,) = direct(extract_quotes(parsed, fake_actors(parsed, known)))
    assert q.channel == "interview"


def test_extract_partial_quote_in_reported_clause(run):
    quotes = run('Lopez said in a televised address that her country would "never bow" to threats.')
    (q,) = direct(quotes)
    assert q.quote == "never bow"
    assert q.speaker.name == "Maria Lopez" and q.channel == "television"
    assert [i.kind for i in quotes].count("indirect") == 1


def test_extract_wire_backtick_quotes(run):
    (q,) = direct(run("``We will stay until the work is done,'' Maria Lopez said."))
    assert q.quote == "We will stay until the work is done"
    assert q.speaker.name == "Maria Lopez"


def test_extract_inverted_document_subject(run):
    text = (
        "The Interior Ministry issued a communique on Monday.\n"
        '"Nothing is certain about the border," said the communique, read at a rally.'
    )
    (q,) = direct(run(text))
    assert q.speaker.name == "Interior Ministry"


def test_extract_statement_by_owner(run):
    text = (
        "A statement by the Red Cross described the attacks as senseless.\n"
        '"We deplore these acts against civilians and their families," the statement said.'
    )
    (q,) = direct(run(text))
    assert q.speaker.name == "Red Cross"


def test_extract_parenthetical_said_inside_sentence(run):
    text = 'After the war, Lopez said, the alliance must face "a new kind of threat to all of us."'
    (q,) = direct(run(text))
    assert q.speaker.name == "Maria Lopez"
    assert q.verb["text"] == "said"


def test_extract_person_named_first_takes_over_pronoun(run):
    text = (
        '"We are ready," Maria Lopez said.\n\n'
        "The crowd listened to the nurse Anna Berg, who was injured in the blast.\n\n"
        '"They paid an awful price for our freedom," she said.'
    )
    first, second = direct(run(text, actors="none"))
    assert second.speaker.name == "Anna Berg"


def test_extract_name_inside_reported_speech_does_not_take_over(run):
    text = (
        '"The search goes on," Maria Lopez said.\n\n'
        "She said she could not link the attack to the fugitive Karl Weber.\n\n"
        '"Hundreds of people have been interviewed," she said.'
    )
    quotes = direct(run(text, actors="none"))
    assert quotes[-1].speaker.name == "Maria Lopez"


def test_extract_short_quote_far_below_speech_verb_is_a_label(run):
    text = (
        "The group said its site lists doctors with a code that shows whether they are "
        '"working" or "wounded" now.'
    )
    assert direct(run(text)) == []


def test_extract_possessive_person_is_not_the_speaker(run):
    text = (
        "Tom Baker was charged on Monday.\n"
        '"I hope he turns himself in soon," Baker\'s stepmother said.'
    )
    (q,) = direct(run(text))
    assert q.speaker.name != "Tom Baker"
    assert "stepmother" in q.speaker.name


def test_extract_title_with_apposed_name(run):
    text = "'We will not be intimidated,' the Prime Minister, Tom Baker, told MPs."
    (q,) = direct(run(text, actors="none"))
    assert q.speaker.name == "Tom Baker"


def test_extract_pronoun_after_unnamed_title(run, nlp):
    text = (
        "The foreign minister was blunt on Monday.\n\n"
        '"This is a red line for us and we will defend it," he told reporters.'
    )
    parsed = parse_text(text, nlp, id="t")
    known = {"foreign minister": Actor("foreign minister", "TUR", "GOV")}
    (q,) = direct(extract_quotes(parsed, fake_actors(parsed, known)))
    assert q.speaker.country == "TUR" and q.channel == "press"


def test_extract_role_noun_speaker_keeps_its_organisation(run, nlp):
    text = '"We are studying the proposal," a spokesperson for the Red Cross said in an email.'
    parsed = parse_text(text, nlp, id="t")
    known = {"spokesperson": Actor("spokesperson", None, "NGO")}
    (q,) = direct(extract_quotes(parsed, fake_actors(parsed, known)))
    assert q.speaker.name == "spokesperson for the Red Cross"
    assert q.speaker.sector == "NGO" and q.channel == "email"


def test_extract_cue_words_make_labels(run):
    text = 'Lopez said the group, known as the Front, "The Base", had been dissolved.'
    assert direct(run(text)) == []


def test_extract_short_partial_quote_close_to_speech_verb(run):
    text = 'The ministry said in a statement that the strikes had hit "military targets only".'
    (q,) = direct(run(text))
    assert q.quote == "military targets only" and q.channel == "statement"


def test_extract_according_to_is_indirect_speech(run):
    text = "According to the Red Cross, the convoy reached the city on Monday."
    quotes = run(text)
    (q,) = [q for q in quotes if q.kind == "indirect"]
    assert q.quote == "the convoy reached the city on Monday"
    assert q.speaker.name == "Red Cross"
    # the verb span is the words as written, so its offsets slice the text to them
    assert q.verb["text"] == "According to" == text[q.verb["start"] : q.verb["end"]]


def test_extract_no_marks_and_unbalanced_marks(run):
    assert direct(run("The talks ended on Monday without a deal.")) == []
    quotes = direct(run('He measured 5\' 10" and left. Then "nothing.'))
    assert all(q.speaker is None for q in quotes)


def test_extract_empty_article(nlp):
    parsed = parse_text("", nlp, id="t")
    assert extract_quotes(parsed, NoActors()) == []


def test_extract_quoted_as_saying_gives_the_quoted_person(run):
    text = 'The radio quoted Tom Baker as saying the talks were "going nowhere" at all.'
    (q,) = direct(run(text))
    assert q.speaker.name == "Tom Baker"


def test_extract_quoted_titles_are_not_quotes(run):
    text = 'Tom Baker said on the programme "Week in Review With Anna Berg" that he would run.'
    assert direct(run(text)) == []


def test_extract_subject_lost_by_the_parser(run):
    text = (
        "During his trip to Peru, Mexico's Foreign Minister Maria Lopez on Sunday said "
        '"the union needs to act responsibly" and left.'
    )
    (q,) = direct(run(text))
    assert q.speaker.name == "Maria Lopez"


def test_extract_attribution_found_by_word_order_when_misparsed(run):
    text = (
        '"We need to bring some light into this situation and make sure that everything '
        'the police says is true," a statement from the Red Cross read.'
    )
    (q,) = direct(run(text))
    assert q.speaker.name == "Red Cross"
    assert q.channel == "statement" and q.verb["text"] == "read"


def test_extract_she_skips_the_man_quoted_just_before(run):
    text = (
        "Anna Berg, the health minister, spoke after the vote.\n\n"
        '"We will appeal," Tom Baker said.\n\n'
        '"The law protects every patient in this country," she said.'
    )
    quotes = direct(run(text, actors="none"))
    assert quotes[0].speaker.name == "Tom Baker"
    assert quotes[1].speaker.name == "Anna Berg"


def test_extract_spokeswoman_title_gives_she(run):
    text = (
        "A spokeswoman, Chris Hall, confirmed the visit. Tom Baker declined to comment.\n\n"
        '"The visit will go ahead as planned next week," she said.'
    )
    (q,) = direct(run(text, actors="none"))
    assert q.speaker.name == "Chris Hall"


def test_extract_passive_agent_is_the_speaker(run):
    text = 'Police said the suspect, described by Tom Baker as "quiet and polite", was held.'
    (q,) = direct(run(text))
    assert q.speaker.name == "Tom Baker"


def test_extract_testified_in_a_hearing(run):
    text = '"We were not warned," Maria Lopez testified at a hearing on Tuesday.'
    (q,) = direct(run(text))
    assert q.speaker.name == "Maria Lopez" and q.channel == "testimony"


def test_extract_actor_of_another_person_is_not_kept(run, nlp):
    text = '"Today we have our suspect," FBI agent Bernard Tolbert said.'
    parsed = parse_text(text, nlp, id="t")
    known = {"Bernard": Actor("Koto Bernard", "MDG", "GOV")}
    (q,) = direct(extract_quotes(parsed, fake_actors(parsed, known)))
    assert q.speaker.name == "Bernard Tolbert" and q.speaker.country is None


def test_extract_organisation_in_title_codes_the_person(run, nlp):
    text = '"Today we have our suspect," FBI agent Bernard Tolbert said.'
    parsed = parse_text(text, nlp, id="t")
    known = {"FBI agent Bernard Tolbert": Actor("Federal Bureau of Investigation", "USA", "COP")}
    (q,) = direct(extract_quotes(parsed, fake_actors(parsed, known)))
    assert q.speaker.name == "Bernard Tolbert" and q.speaker.country == "USA"


def test_extract_quoted_term_opening_a_sentence_is_not_a_quote(run):
    text = (
        '"We completed the transition," Maria Lopez said in an interview.\n'
        '"Transition" is a reference to the five-year restructuring effort.'
    )
    quotes = direct(run(text))
    assert [q.quote for q in quotes] == ["We completed the transition"]


def test_extract_quote_running_into_the_attribution_sentence(run):
    text = (
        '"I can confirm that a man was arrested and the army was involved" in the arrest, '
        "police spokesman Tom Baker said."
    )
    (q,) = direct(run(text))
    assert q.speaker.name == "Tom Baker"


def test_extract_the_spokesman_is_the_spokesman_named_before(run):
    text = (
        "Rebel spokesman Ali Noor said the group would attend.\n\n"
        "Tom Baker, a diplomat, welcomed the news.\n\n"
        '"Our position has not changed at all," the spokesman said.'
    )
    (q,) = direct(run(text, actors="none"))
    assert q.speaker.name == "Ali Noor"


def test_extract_the_us_official_is_the_last_american_named(run, nlp):
    text = (
        "Envoy Tom Baker met Maria Lopez in the capital on Saturday.\n\n"
        'The official said the world expects "the two sides to attend the conference."'
    )
    parsed = parse_text(text, nlp, id="t")
    known = dict(PEOPLE, **{"official": Actor("official", "GBR", "GOV", how="role")})
    (q,) = direct(extract_quotes(parsed, fake_actors(parsed, known)))
    assert q.speaker.name == "Tom Baker"


def test_extract_an_indefinite_official_is_someone_new(run, nlp):
    text = (
        "Envoy Tom Baker met Maria Lopez in the capital on Saturday.\n\n"
        '"Very few people came to the meeting," an official said.'
    )
    parsed = parse_text(text, nlp, id="t")
    known = dict(PEOPLE, **{"official": Actor("official", "GBR", "GOV", how="role")})
    (q,) = direct(extract_quotes(parsed, fake_actors(parsed, known)))
    assert q.speaker.name == "official"


def test_extract_the_embassy_is_not_a_person_named_before(run, nlp):
    text = (
        "Envoy Tom Baker finished his visit on Monday.\n\n"
        '"Baker stressed why the talks matter," the embassy said in a statement.'
    )
    parsed = parse_text(text, nlp, id="t")
    known = dict(PEOPLE, **{"embassy": Actor("British embassy", "GBR", "GOV")})
    (q,) = direct(extract_quotes(parsed, fake_actors(parsed, known)))
    assert q.speaker.name == "British embassy"

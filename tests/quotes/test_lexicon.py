"""Schema tests for the quote data files."""

import pytest

from newsevents.data import load_lines, load_tsv
from newsevents.quotes.lexicon import lexicon


def test_lexicon_speech_verbs_schema():
    rows = [r for r in load_tsv("verbs/reporting.tsv") if r["quotes"] == "1"]
    lemmas = [r["lemma"] for r in rows]
    assert len(lemmas) == len(set(lemmas)), "duplicate lemma"
    for r in rows:
        assert r["lemma"] and r["lemma"] == r["lemma"].lower()
        assert r["direct"] in ("0", "1") and r["indirect"] in ("0", "1")
        assert r["document_subject"] in ("0", "1")
    assert {"say", "tell", "tweet", "write", "read"} <= set(lemmas)


def test_lexicon_channels_schema():
    rows = load_tsv("quotes/channels.tsv")
    phrases = [r["phrase"] for r in rows]
    assert len(phrases) == len(set(phrases)), "duplicate phrase"
    assert all(r["channel"] and r["phrase"] == r["phrase"].lower() for r in rows)
    assert {"Twitter", "statement", "text message", "interview", "email"} <= {
        r["channel"] for r in rows
    }


def test_lexicon_word_lists_are_lower_case():
    for name in ("quotes/document_nouns.txt", "quotes/label_cues.txt", "quotes/work_nouns.txt"):
        lines = load_lines(name)
        assert lines and all(line == line.lower() for line in lines)
    for r in load_tsv("quotes/phrases.tsv"):
        assert r["speaker"] in ("object", "document")


def test_lexicon_loads_verbs_channels_and_cues():
    lex = lexicon()
    assert lex.verbs["tweet"].channel == "Twitter"
    assert lex.verbs["read"].document_subject and not lex.verbs["say"].document_subject
    assert lex.channels[("text", "message")] == "text message"
    assert ("so-called",) in lex.label_cues
    assert "statement" in lex.document_nouns


def test_lexicon_gender_words_schema():
    rows = load_tsv("actors/gender_words.tsv")
    words = [r["word"] for r in rows]
    assert len(words) == len(set(words))
    assert all(r["gender"] in ("m", "f") and r["word"] == r["word"].lower() for r in rows)


def test_lexicon_titles_are_lower_case_words():
    lines = load_lines("quotes/titles.txt")
    assert "president" in lines and all(line.isalpha() and line.islower() for line in lines)


def test_lexicon_person_roles_are_people_not_bodies():
    roles = lexicon().person_roles
    assert {"spokesman", "official", "envoy"} <= roles
    assert not {"embassy", "ministry", "government"} & roles


@pytest.mark.issue(14)
def test_lexicon_name_junk_is_one_lower_case_word_a_line():
    lines = load_lines("quotes/name_junk.txt")
    assert len(lines) == len(set(lines))
    assert all(line.isalpha() and line.islower() for line in lines)
    assert {"rep", "republican", "rival"} <= lexicon().name_junk


@pytest.mark.issue(14)
def test_lexicon_cue_nouns_are_lower_case_lemmas():
    lines = load_lines("quotes/cue_nouns.txt")
    assert len(lines) == len(set(lines)) and all(w.isalpha() and w.islower() for w in lines)
    assert {"claim", "statement"} <= lexicon().cue_nouns


@pytest.mark.issue(14)
def test_cue_verbs_schema():
    rows = load_tsv("quotes/cue_verbs.tsv")
    lemmas = [r["lemma"] for r in rows]
    assert len(lemmas) == len(set(lemmas)), "duplicate lemma"
    classes = {"speech", "belief", "evidence", "stance", "attitude", "intention", "commitment"}
    classes |= {"directive", "decision"}
    for r in rows:
        assert r["lemma"] == r["lemma"].lower() and 1 <= len(r["lemma"].split()) <= 2
        assert r["class"] in classes, r
        assert {r["clause"], r["object"], r["infinitive"]} <= {"0", "1"}
        assert "1" in (r["clause"], r["object"], r["infinitive"]), f"{r['lemma']} has no use"
    lex = lexicon()
    assert lex.verbs["doubt"].cue_only and lex.verbs["doubt"].indirect
    assert lex.verbs["point out"].indirect and not lex.verbs["point out"].direct
    assert lex.verbs["agree"].infinitive and not lex.verbs["agree"].cue_only  # a speech verb
    assert "say" not in {r["lemma"] for r in rows if r["class"] != "intention"}
    assert lex.verbs["urge"].directive and not lex.verbs["urge"].cue_only
    assert lex.verbs["instruct"].directive and lex.verbs["instruct"].infinitive


@pytest.mark.issue(14)
def test_source_nouns_are_lower_case_lemmas():
    words = load_lines("quotes/source_nouns.txt")
    assert words and all(w == w.lower() and " " not in w for w in words)
    assert len(words) == len(set(words))


@pytest.mark.issue(14)
def test_cue_adjectives_schema():
    rows = load_tsv("quotes/cue_adjectives.tsv")
    lemmas = [r["lemma"] for r in rows]
    assert len(lemmas) == len(set(lemmas)), "duplicate lemma"
    for r in rows:
        assert r["lemma"] == r["lemma"].lower() and " " not in r["lemma"]
        assert r["class"] in {"belief", "attitude", "stance", "intention"}, r
        assert {r["clause"], r["object"], r["infinitive"]} <= {"0", "1"}
        assert "1" in (r["clause"], r["object"], r["infinitive"]), f"{r['lemma']} has no use"
    assert lexicon().adjectives["confident"].indirect


@pytest.mark.issue(14)
def test_prepositional_cue_rows_name_a_preposition():
    preps = {"to", "for", "on", "against", "at", "over", "with", "about", "in", "of"}
    for r in load_tsv("quotes/cue_verbs.tsv"):
        words = r["lemma"].split()
        if len(words) == 2 and words[1] not in ("out", "in", "down", "up", "back", "off"):
            assert words[1] in preps, r["lemma"]
            assert "1" in (r["object"], r["infinitive"]), r["lemma"]


@pytest.mark.issue(14)
def test_prepositional_row_of_a_speech_verb_still_attributes_direct_quotes():
    lex = lexicon()
    assert lex.verbs["respond to"].direct and not lex.verbs["respond to"].cue_only
    assert lex.verbs["call on"].direct and lex.verbs["call on"].directive
    assert not lex.verbs["refer to"].direct and lex.verbs["refer to"].cue_only


@pytest.mark.issue(14)
def test_stance_nouns_schema():
    rows = load_tsv("quotes/stance_nouns.tsv")
    keys = [(r["lemma"], r["verb"]) for r in rows]
    assert len(keys) == len(set(keys)), "duplicate row"
    for r in rows:
        assert r["lemma"] and r["lemma"] == r["lemma"].lower() and " " not in r["lemma"]
        assert r["verb"] in ("be", "have")
        assert r["preps"] and all(p.isalpha() and p.islower() for p in r["preps"].split(","))
    assert lexicon().stance_nouns[("critic", "be")] == frozenset({"of"})

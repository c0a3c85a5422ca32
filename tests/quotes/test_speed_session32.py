"""Work asked once (issue 16): the speech-verb entries of an article's tokens, the marks of a
paragraph, whether a mention is quoted. Invented sentences."""

from __future__ import annotations

from newsevents.coding.actors.coref import _Quoted
from newsevents.nlp import parse_text
from newsevents.quotes.lexicon import lexicon
from newsevents.quotes.marks import _pair, find_quoted_spans
from newsevents.quotes.tokens import TokenIndex

TEXT = (
    'The mayor said the bridge would reopen. "We fixed it," Ana Reyes told reporters.\n\n'
    "Critics argued that the repairs were late, and the council denied it."
)


def test_speech_entries_are_each_tokens_entry_and_asked_once(nlp):
    index = TokenIndex(parse_text(TEXT, nlp, id="t"))
    lex = lexicon()
    entries = index.speech_entries(lex)
    assert entries == [lex.verb(t) for t in index.tokens]
    said = [e for t, e in zip(index.tokens, entries, strict=True) if t.lower_ == "said"]
    assert said and said[0] is not None and said[0].lemma == "say"
    assert index.speech_entries(lex) is entries  # kept, not computed again


def test_pair_reads_only_its_paragraphs_marks():
    text = 'He said "no" today.\n\nShe said \u201cyes\u201d and \'maybe\' later.'
    second = text.index("She")
    assert _pair(text, 0, second, True) == [(8, 11)]
    assert _pair(text, second, len(text), True) == [(second + 9, second + 13)]
    assert _pair(text, second, len(text), False) == [(second + 19, second + 25)]
    assert _pair(text, 0, second, False) == []
    assert [q.text(text) for q in find_quoted_spans(text)] == ["no", "yes", "maybe"]


def test_quoted_mentions_keep_their_answer(nlp):
    doc = parse_text(TEXT, nlp, id="t").chunks[0][1]

    class Mention:  # what _Quoted reads of a mention: its document and head token
        def __init__(self, head: int) -> None:
            self.doc, self.head = doc, head

    mentions = [Mention(t.i) for t in doc if t.pos_ in ("PROPN", "PRON", "NOUN")]
    quoted = _Quoted()
    first = [quoted(m) for m in mentions]
    assert [quoted(m) for m in mentions] == first == [_Quoted()(m) for m in mentions]
    assert {doc[m.head].text for m, q in zip(mentions, first, strict=True) if q} == {"We", "it"}


def test_speech_verb_entries_behind_their_leading_words(nlp):
    lex = lexicon()
    assert {"go", "go on", "go on about", "point", "point out", "say"} <= lex._verb_heads()
    assert "banana" not in lex._verb_heads()
    doc = parse_text("She pointed out the flaw, went on about the rent and ate a pear.", nlp)
    by_word = {t.lower_: lex.verb(t) for t in doc.chunks[0][1]}
    assert by_word["pointed"].lemma == "point out"
    assert by_word["went"].lemma == "go on about"
    assert by_word["pear"] is None and by_word["ate"] is None
    assert lex._verb_heads() is lex._verb_heads()  # built once per lexicon

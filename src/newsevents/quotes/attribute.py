"""Find who a quotation is attributed to: the speech verb and its subject.

Order of evidence: (1) the dependency parse links the quotation to a speech verb outside
it (``"...," he said``, ``she said it was "hard"``); (2) a speech verb right after the
closing mark (``"...," Naeem, the spokesman, said``); (3) a speech verb before an opening
mark that follows a colon or comma (``He said: "...``); (4) ``according to X``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from newsevents.quotes.lexicon import Lexicon, lexicon
from newsevents.quotes.marks import QuotedSpan
from newsevents.quotes.tokens import Ranges, TokenIndex

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
DASH_CHARS = ("\u2014", "\u2015", "\u2013")  # em dash, horizontal bar, en dash
CLIMB_DEPS = ("conj", "xcomp", "pcomp", "prep", "advcl", "acomp", "advmod")  # share its subject
NOUN_POS = ("NOUN", "PROPN", "PRON", "NUM", "DET")
SHORT_AFTER_TOKENS = 4  # ". he said" / ". said the minister" after a quote ending a sentence
MAX_AFTER_TOKENS = 20  # an attribution after the quote is short: ', Ana Diaz, a spokeswoman, said'
FAR = 99  # distance of an attribution that the parse does not link to the quotation
MAX_NAME_GAP = 5  # words between a lost subject and its verb ("on Sunday", "also")


@dataclass
class Attribution:
    verb: Token | None = None
    subject: Token | None = None  # head of the speaker noun phrase
    how: str = "none"  # parse, after, before, sentence, according
    hops: int = 1  # head steps from the quotation up to the verb (parse); far = loosely tied
    window: list[Token] = field(default_factory=list)  # words of the attribution (channel)


def is_speech_verb(tok: Token, lex: Lexicon, *, direct: bool = True) -> bool:
    verb = lex.verb(tok)
    if verb is None or tok.pos_ not in ("VERB", "AUX") and tok.dep_ != "ROOT":
        return False
    if not (verb.direct if direct else verb.indirect):
        return False
    if verb.document_subject:  # "the statement read": only with a document as subject
        subj = subject_of(tok)
        return subj is not None and subj.lemma_.lower() in lex.document_nouns
    return True


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, climbing through conjoined and embedded verbs that share it."""
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted
    if verb.dep_ == "compound" and verb.head.pos_ == "PROPN" and verb.head.i > verb.i:
        return verb.head  # 'Said Roe: "..."' read as one name
    if verb.pos_ == "NOUN" and verb.i > 0 and verb.doc[verb.i - 1].dep_ == "compound":
        return verb.doc[verb.i - 1]  # "the opinion read" tagged as a noun compound
    for child in verb.children:  # passive "described by neighbours as": the agent speaks
        if child.dep_ == "agent":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    v = verb
    steps = 4  # climbs up to the verb whose subject speaks
    while steps > 0:
        steps -= 1
        if v != verb and v.lemma_.lower() == "quote":
            for child in v.children:  # "ABC quoted an official as saying": the official
                if child.dep_ == "dobj":
                    return child
        subjects = [
            c for c in v.children if c.dep_ in SUBJECT_DEPS and any(x.isalnum() for x in c.text)
        ]  # (a dash the tagger took for a noun is no subject)
        if subjects:
            return _nearest_subject(subjects)
        if v is verb and _person_before_participle(verb):
            return verb.doc[verb.i - 1]
        controller = _object_of_judged_gerund(v) if v is verb else None
        controller = controller or (_object_before_participle(v) if v is verb else None)
        if controller is not None:
            return controller
        if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head  # "a statement issued on Monday saying ..."
        host = _past_relative_clause(v)
        if host is not None:
            v, steps = host, 4  # climbing starts again from the main clause's verb
            continue
        if v.dep_ in CLIMB_DEPS and v.head != v or _conjunct_as_ccomp(v):
            v = v.head
        else:
            break
    return _name_before(verb)


BREAKS = ("--", "-", *DASH_CHARS)  # a dateline ends before a spaced dash (not "R-Wis.")


def _nearest_subject(subjects: list[Token]) -> Token:
    """Of two subjects the parser gave one verb, the one on the verb's side of a colon or
    dash: a headline's label ("The Latest: Roe urges voters to ...") and a dateline ("DOVER,
    May 2 (Wire) -- The mayor said ...") are not the clause's subject."""
    pick = subjects[0]  # a label ends before a colon
    for sub in subjects[1:]:
        between = pick.doc[pick.i + 1 : sub.left_edge.i]
        if any(t.text == ":" or t.text in BREAKS and t.whitespace_ for t in between):
            pick = sub
    return pick


def _past_relative_clause(v: Token) -> Token | None:
    """'Roe defended the fee he paid a builder who said he was cheated, saying, "..."': a
    participle set off by a comma that the parser hung on a relative clause speaks for the
    clause the relative's noun belongs to, not for "who": the verb above that noun."""
    if v.tag_ != "VBG" or v.dep_ != "advcl" or v.i == 0 or v.doc[v.i - 1].text != ",":
        return None
    if v.head.dep_ != "relcl":
        return None
    tok = v.head.head
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head == tok:
            return None
        tok = tok.head
    return None


JUDGED_GERUND_PREPS = ("for", "of")  # "criticized Roe for saying", "accused Roe of lying"
PERSON_ENTS = ("PERSON", "ORG", "NORP", "GPE")


def _object_of_judged_gerund(v: Token) -> Token | None:
    """'The panel held the aide in contempt for refusing to testify': the gerund after the
    object of a verb of judging is the object's act, so the object is its subject (the
    aide refused), not the verb's subject. Only a person or body object controls it ('raised
    money for building a park' is the subject's own purpose)."""
    prep = v.head
    if v.tag_ != "VBG" or v.dep_ != "pcomp" or prep.lower_ not in JUDGED_GERUND_PREPS:
        return None
    if prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    obj = next((c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i), None)
    return obj if obj is not None and _can_act(obj) else None


def _can_act(obj: Token) -> bool:
    """A name, a personal pronoun, a person or a body ("the aide", "voters")."""
    if obj.pos_ == "PROPN" or obj.ent_type_ in PERSON_ENTS:
        return True
    if obj.pos_ == "PRON":
        return obj.lower_ not in ("it", "this", "that", "itself")
    lex = lexicon()
    head = obj.lemma_.lower()
    return head in lex.person_roles or head in lex.source_nouns


def _object_before_participle(v: Token) -> Token | None:
    """'The collapse left many members feeling that ...': a participle complement right
    after a verb's object tells what the object does (the members feel), not the subject."""
    if v.tag_ != "VBG" or v.dep_ not in ("xcomp", "oprd") or v.head.pos_ not in ("VERB", "AUX"):
        return None
    obj = next((c for c in v.head.children if c.dep_ == "dobj" and c.right_edge.i == v.i - 1), None)
    return obj if obj is not None and _can_act(obj) else None  # not "spent the day saying"



def _person_before_participle(verb: Token) -> bool:
    """'footage of Jane Roe saying, "..."': the person a participle follows speaks, not the
    subject of the clause that shows the footage."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return False
    before = verb.doc[verb.i - 1]
    return before.dep_ == "pobj" and (
        before.ent_type_ == "PERSON" or before.pos_ == "PROPN" and before.head.lower_ == "of"
    )


def _conjunct_as_ccomp(verb: Token) -> bool:
    """'Roe said the plan works but said "it is late"': a verb after "and"/"but" with no
    subject of its own that the parser hung as a clause of the verb before it."""
    if verb.dep_ != "ccomp" or verb.head == verb or verb.i == 0:
        return False
    before = verb.doc[verb.i - 1]
    return before.pos_ == "CCONJ" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _continued_speaker(verb: Token, lex: Lexicon, quoted) -> Token | None:
    """'"...," Roe said, going on to say that "...",' and '..., adding "..."': a participle
    or infinitive that the parser hung inside the quotation continues the speech verb just
    before it in the sentence; its subject outside the quotation speaks."""
    v = verb
    while v.dep_ == "xcomp" and v.head != v:
        v = v.head
    if v.tag_ != "VBG" and verb.tag_ != "VBG":
        return None
    for tok in reversed(list(verb.sent)):
        if tok.i >= v.i or quoted(tok) or not is_speech_verb(tok, lex):
            continue
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS and not quoted(c)), None)
        if subj is not None:
            return subj
    return None


def _name_before(verb: Token) -> Token | None:
    """'Minister Albin Hansson on Sunday said "..."' when the parser lost the subject: the
    named entity just before the verb, past time words and adverbs."""
    if verb.dep_ not in ("ROOT", "ccomp", "parataxis"):
        return None
    i = verb.i - 1
    while i >= max(0, verb.i - MAX_NAME_GAP) and i >= verb.sent.start:
        tok = verb.doc[i]
        if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and tok.pos_ == "PROPN":
            return tok
        if not (tok.ent_type_ in ("DATE", "TIME") or tok.pos_ in ("ADP", "ADV", "AUX", "PART")):
            return None
        i -= 1
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """'"...," said a government communique, read at a rally': the parser hangs an inverted
    subject, set off by a comma, on the next verb."""
    if verb.dep_ in CLIMB_DEPS or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ not in ("ccomp", "dep") or child.i <= verb.i:
            continue
        for sub in child.children:
            if (
                sub.dep_ in SUBJECT_DEPS
                and sub.i <= verb.i + 4
                and sub.doc[child.i - 1].text == ","
            ):
                return sub
    return None


def _inside(index: TokenIndex, tok: Token, q: QuotedSpan) -> bool:
    return q.open_mark <= index.start(tok) < q.outer_end


def quote_roots(index: TokenIndex, q: QuotedSpan) -> list[Token]:
    """Tokens of the quotation whose syntactic head lies outside it (or that are roots)."""
    out: list[Token] = []
    for t in index.between(q.start, q.end):
        if t.is_punct:
            continue
        head = t.head  # one Token built per word, not two
        if head.i == t.i or not _inside(index, head, q):
            out.append(t)
    return out


def _from_parse(
    index: TokenIndex, q: QuotedSpan, lex: Lexicon, others: OtherQuotes
) -> tuple[Token, int] | None:
    for root in quote_roots(index, q):
        tok = root
        for hops in range(1, 9):  # nearest speech verb above the quotation, outside it
            if tok.head == tok:
                break
            child, tok = tok, tok.head
            if child.dep_ in SUBJECT_DEPS:
                continue  # 'the so-called "Islamic State" claimed': the quote is who, not what
            if _inside(index, tok, q) or _in_any(index.start(tok), others):
                continue  # a verb inside another quotation speaks for that one
            if is_speech_verb(tok, lex):
                if _thing_subject(tok):
                    # 'she says it shows "..."': a thing does not speak; a speech verb
                    # above it does, else this one stays
                    outer = _outer_speech_verb(tok, lex)
                    return (outer, hops + 1) if outer is not None else (tok, hops)
                return tok, hops
    return None


THING_SUBJECTS = ("it", "this", "that")


def _thing_subject(verb: Token) -> bool:
    """The verb's subject is a thing: its own ('it shows'), or the one it shares with the
    verb it is conjoined to ('the brief said that was wrong and dismissed the claims as')."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return any(c.dep_ in SUBJECT_DEPS and c.lower_ in THING_SUBJECTS for c in verb.children)
    if verb.dep_ != "conj":
        return False
    shared = subject_of(verb)
    return shared is not None and shared.lower_ in THING_SUBJECTS


def _outer_speech_verb(verb: Token, lex: Lexicon) -> Token | None:
    """The speech verb whose reported clause holds ``verb`` ("she says [it shows ...]")."""
    child = verb
    for _ in range(3):
        if child.dep_ not in ("ccomp", "conj") or child.head == child:
            return None
        child = child.head
        if is_speech_verb(child, lex) and not _thing_subject(child):
            return child
    return None


def noun_owner(noun: Token, lex: Lexicon) -> Token | None:
    """The owner of a cue noun: "Roe's claim", "a claim by Roe", "a statement from Roe"."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.cue_nouns:
        return None
    for child in noun.children:
        if (
            child.dep_ == "poss"
            and child.pos_ in ("PROPN", "NOUN")
            or (child.dep_ == "poss" and child.lower_ in ("his", "her", "their", "its"))
        ):
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
                return obj
    return None


def _noun_cue(
    index: TokenIndex, q: QuotedSpan, lex: Lexicon, others: OtherQuotes
) -> tuple[Token, Token] | None:
    """'Roe's claim that there were "thousands of cases"': the nearest cue noun above the
    quotation, outside it, whose owner is named."""
    for root in quote_roots(index, q):
        tok = root
        for _ in range(6):
            if tok.head == tok:
                break
            tok = tok.head
            if _inside(index, tok, q) or _in_any(index.start(tok), others):
                continue
            owner = noun_owner(tok, lex)
            if owner is not None:
                return tok, owner
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("acl", "relcl", "ccomp"):
                break
    return None


class OtherQuotes:
    """The article's quotations but one: ``offset in others`` and
    :meth:`starts_in` skip the quotation being attributed."""

    def __init__(self, ranges: Ranges, own: tuple[int, int]) -> None:
        self.ranges, self.own = ranges, own

    def __contains__(self, offset: int) -> bool:
        return self.ranges.covers(offset, without=self.own)

    def starts_in(self, lo: int, hi: int) -> bool:
        return self.ranges.starts_in(lo, hi, without=self.own)


def _in_any(offset: int, others: OtherQuotes) -> bool:
    return offset in others


def _name_after(index: TokenIndex, q: QuotedSpan, verb: Token | None = None) -> Token | None:
    """The speaker words between the quotation and its verb ('"...," police chief Jane Roe
    said'), read by word order when the parse hangs them inside the quotation: the last
    word of the first person's name, else the last noun before the verb."""
    window = _window_after(index, q)
    if verb is not None:
        window = [t for t in window if t.i < verb.i] if verb in window else []
    nouns = [t for t in window if t.pos_ in ("PROPN", "NOUN", "PRON") and not t.is_punct]
    people = [t for t in nouns if t.ent_type_ == "PERSON"]
    if people:
        last = people[0]
        while last.i + 1 < len(last.doc) and last.doc[last.i + 1] in people:
            last = last.doc[last.i + 1]
        return last
    return nouns[-1] if nouns else None


def _window_after(index: TokenIndex, q: QuotedSpan) -> list[Token]:
    out: list[Token] = []
    first = index.at_or_after(q.outer_end)
    if first is None or "\n" in index.parsed.article.text[q.outer_end : index.start(first)]:
        return out  # an attribution does not start a new paragraph
    skip_to = -1
    for tok in index.between(q.outer_end, q.outer_end + 400):
        if tok.sent.start != first.sent.start:
            break
        if tok.is_quote and tok.i > skip_to:
            skip_to = nickname_end(tok) or -1  # 'Del. Jo "Cia" Roe, said' is one name
            if skip_to < 0:
                break
        elif "\n" in tok.doc[tok.i - 1].text_with_ws and tok.i > first.i:
            break
        out.append(tok)
        if len(out) >= MAX_AFTER_TOKENS or tok.text in (".", "!", "?"):
            break
    return out


MAX_NICKNAME_WORDS = 2


def nickname_end(mark: Token) -> int | None:
    """'Robert "Bobby" Roe': an opening mark between two capitalised words of a name, around
    one or two capitalised words, is a nickname; the index of its closing mark, or None."""
    doc = mark.doc
    if mark.i == 0 or not _capitalised(doc[mark.i - 1]):
        return None
    for n in range(1, MAX_NICKNAME_WORDS + 1):
        close = mark.i + n + 1
        if close + 1 >= len(doc) or not _capitalised(doc[close - 1]):
            return None
        if doc[close].is_quote:
            words = doc[mark.i + 1 : close]
            before, after = doc[mark.i - 1], doc[close + 1]
            if (
                all(_capitalised(w) for w in words)
                and _capitalised(after)
                and any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in (before, after))
                and not mark.whitespace_
                and not doc[close - 1].whitespace_
            ):
                return close
            return None
    return None


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text.rstrip(".").isalpha()


def _after(index: TokenIndex, q: QuotedSpan, lex: Lexicon, text: str) -> Token | None:
    window = _window_after(index, q)
    if not window:
        return None
    last = text[q.close_mark - 1] if q.close_mark else ""
    glued = window[0].text in (",", "\u2014", "-") or last in ",!?\u2026-\u2014"
    for n, tok in enumerate(window):
        if tok.text in (".", "!", "?", ";"):
            break
        if is_speech_verb(tok, lex):
            if glued:
                return tok
            # after a full stop only a bare '"It is done." he said.' attributes
            own = any(c.dep_ in ("ccomp", "dobj") and not c.is_punct for c in tok.children)
            return tok if n <= SHORT_AFTER_TOKENS and not own else None
    return None


def _after_relative_cue(
    index: TokenIndex, q: QuotedSpan, lex: Lexicon, text: str, verb: Token
) -> Token | None:
    """'The fees she cited are "..." , the Gazette reported.': a cue in a relative clause
    before the quotation only describes a noun; a speech verb glued after the quotation
    that closes the sentence is its attribution (the parser may hang the quotation's
    clause on the relative cue)."""
    if verb.dep_ != "relcl" or index.start(verb) >= q.open_mark:
        return None
    after = _after(index, q, lex, text)
    return after if after is not None and after.i != verb.i else None


def _misparsed_after(
    index: TokenIndex, q: QuotedSpan, lex: Lexicon, text: str
) -> tuple[Token, Token] | None:
    """'"...," a statement from the Friends of PCHR read.' parsed with "read" as a noun:
    a glued attribution that is a noun phrase then a speech word, by word order alone."""
    window = _window_after(index, q)
    last = text[q.close_mark - 1] if q.close_mark else ""
    if not window or not (window[0].text == "," or last in ",!?"):
        return None
    words = [t for t in window if not t.is_punct]
    if len(words) < 2 or window[-1].text not in (".", "!", "?"):
        return None
    verb = words[-1]
    entry = lex.verbs.get(verb.lemma_.lower())
    if entry is None or not entry.direct or verb.pos_ in ("VERB", "AUX"):
        return None  # a real verb was already tried by the parse
    head = next((t for t in words[:-1] if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if head is None or (entry.document_subject and head.lemma_.lower() not in lex.document_nouns):
        return None
    while head.dep_ == "compound" and head.head.i < verb.i:
        head = head.head
    return verb, head


def _before(index: TokenIndex, q: QuotedSpan, lex: Lexicon, text: str) -> Token | None:
    """``He said: "...`` — a speech verb in the clause just before a colon or comma."""
    head = text[max(0, q.open_mark - 3) : q.open_mark].rstrip()
    if not head.endswith((":", ",")) and not head.endswith(("said", "says")):
        return None
    last = index.at_or_before(q.open_mark - 1)
    if last is None:
        return None
    for tok in reversed(list(last.sent)):
        if index.start(tok) >= q.open_mark:
            continue
        if tok.is_quote:
            break
        if is_speech_verb(tok, lex):
            return tok
    return None


def _nearer_participle(
    index: TokenIndex, q: QuotedSpan, lex: Lexicon, verb: Token, text: str
) -> Token | None:
    """'The ad ends with footage of Roe saying last week, "..."': a speech participle
    between the parse's verb and the quotation, with nothing said of its own, introduces
    the quotation (the parser hangs it on the sentence's verb, "ends")."""
    if not text[max(0, q.open_mark - 3) : q.open_mark].rstrip().endswith((",", ":")):
        return None
    first = index.at_or_after(q.open_mark)
    if first is None or first.doc is not verb.doc or verb.i >= first.i:
        return None
    for tok in reversed(verb.doc[verb.i + 1 : first.i]):
        if tok.is_quote:
            return None
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        said = any(c.dep_ in ("dobj", "ccomp") and c.i < first.i for c in tok.children)
        if tok.tag_ == "VBG" and is_speech_verb(tok, lex) and not said:
            return tok
        return None
    return None


def _colon_noun(
    index: TokenIndex, q: QuotedSpan, lex: Lexicon, text: str
) -> tuple[Token, Token] | None:
    """'The mayor had a blunt message for the council: "Pay up."': a cue noun that ends the
    clause before a colon opening the quotation carries it; its owner speaks, else the
    subject of the verb that utters it (have, issue, deliver; not "got a warning")."""
    if not text[max(0, q.open_mark - 3) : q.open_mark].rstrip().endswith(":"):
        return None
    colon = index.at_or_before(q.open_mark - 1)
    if colon is None or colon.text != ":" or colon.i == 0:
        return None
    noun = colon.doc[colon.i - 1]
    for _ in range(3):  # "a message for the council:": back to the cue noun
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in lex.cue_nouns:
            break
        if noun.dep_ != "pobj" or noun.head.head == noun.head:
            return None
        noun = noun.head.head
    else:
        return None
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.cue_nouns:
        return None
    owner = noun_owner(noun, lex)
    if owner is not None:
        return noun, owner
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in lex.uttering_verbs:
        return None
    subject = subject_of(verb)
    return (noun, subject) if subject is not None else None


def _according(index: TokenIndex, q: QuotedSpan, lex: Lexicon) -> Token | None:
    """``according to X`` in the quotation's sentence, outside the quotation."""
    first = index.at_or_after(q.open_mark)
    last = index.at_or_before(max(q.open_mark, q.outer_end - 1))
    for sent in {t.sent.start: t.sent for t in (first, last) if t is not None}.values():
        words = [t for t in sent if not _inside(index, t, q)]
        for i in range(len(words)):
            for phrase, where in lex.phrases.items():
                n = len(phrase)
                if where == "object" and [w.lower_ for w in words[i : i + n]] == list(phrase):
                    obj = words[i + n - 1]
                    for child in obj.children:
                        if child.dep_ == "pobj":
                            return child
                    named = _name_in_run(words[i + n :])
                    if named is not None:
                        return named  # "according to engineer Jo Roe" parsed as a verb
                    if i + n < len(words) and words[i + n].pos_ in NOUN_POS:
                        return (
                            words[i + n].head if words[i + n].dep_ == "compound" else words[i + n]
                        )
    return None


SOURCE_ENTS = ("PERSON", "ORG", "NORP", "GPE")
MAX_SOURCE_WORDS = 8  # words after "according to" searched for the source's name


def _name_in_run(words: list[Token]) -> Token | None:
    """The last word of the first name in the words after a phrase, up to punctuation:
    "according to engineer Jo Roe" -> Roe, whatever the parser made of "engineer"."""
    for n, tok in enumerate(words[:MAX_SOURCE_WORDS]):
        if tok.is_punct:
            return None
        if tok.ent_type_ in SOURCE_ENTS:
            while (
                n + 1 < len(words)
                and words[n + 1].ent_iob_ == "I"
                and words[n + 1].ent_type_ == tok.ent_type_
            ):
                n += 1
            return words[n]
    return None


def _same_sentence(
    index: TokenIndex, q: QuotedSpan, lex: Lexicon, others: OtherQuotes
) -> Token | None:
    """'In the aftermath, she said, NATO must face "an aggressive regime ...', '"...was
    involved" in the arrest, Capt. Rod Beer said': the only speech verb with a subject in
    the quotation's sentence, when the sentence quotes nothing else."""
    first = index.at_or_after(q.open_mark)
    if first is None:
        return None
    sent = first.sent
    s_start, s_end = index.span_offsets(sent)
    if others.starts_in(s_start, s_end):
        return None
    verbs = [
        t
        for t in sent
        if not _inside(index, t, q)
        and is_speech_verb(t, lex)
        and any(c.dep_ in SUBJECT_DEPS for c in t.children)  # a clause with its speaker
    ]
    return verbs[0] if len(verbs) == 1 else None


DASHES = "\u2014\u2015\u2013"  # em dash, horizontal bar, en dash
DASH_SOURCE = re.compile(r"[ \t\u00a0]*(?:[\u2014\u2015\u2013]|--)[ \t\u00a0]*(?=[A-Z])")
MAX_SOURCE_LINE = 120  # characters of a source line after a dash: a name, maybe a title


def _dash_source(index: TokenIndex, q: QuotedSpan, text: str) -> Token | None:
    """'"We will win." \u2014 Jane Roe': a name after a dash that closes the quotation's
    line is its source (the epigraph and vox-pop form)."""
    m = DASH_SOURCE.match(text, q.outer_end)
    if m is None:
        return None
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    if line_end - m.end() > MAX_SOURCE_LINE or any(
        c in text[m.end() : line_end] for c in '\u201c"'
    ):
        return None
    first = index.at_or_after(m.end())
    if first is None or index.start(first) >= line_end:
        return None
    if first.ent_type_ not in ("PERSON", "ORG", "NORP") and first.pos_ != "PROPN":
        return None
    head = first
    while (
        head.i + 1 < len(head.doc)
        and index.start(head.doc[head.i + 1]) < line_end
        and (head.doc[head.i + 1].pos_ == "PROPN" or head.doc[head.i + 1].ent_iob_ == "I")
        and not head.doc[head.i + 1].is_punct
    ):
        head = head.doc[head.i + 1]
    return head


def _colon_paragraph(
    index: TokenIndex, q: QuotedSpan, text: str, quoted: Callable[[Token], bool]
) -> Token | None:
    """'Jane Roe continued:' closing the paragraph before a paragraph that is a quotation:
    the clause before the colon speaks for the quotations of the next paragraph, unless
    narration earlier in the paragraph gave them a voice of its own ('"Hi," she said.
    "Bye."': hers)."""
    para_start = text.rfind("\n", 0, q.open_mark) + 1
    lead = text[para_start : q.open_mark]
    if lead.strip() and not lead.lstrip(" \t\u00a0").startswith(('"', "\u201c", "'", "\u2018")):
        return None  # the paragraph is narration, not a quotation
    lead_toks = index.between(para_start, q.open_mark)
    first = next((k for k, t in enumerate(lead_toks) if quoted(t)), None)
    if first is not None and any(t.is_alpha and not quoted(t) for t in lead_toks[first:]):
        return None  # a quotation of this paragraph, then narration: its own voice
    before = text[:para_start].rstrip()
    if not before.endswith(":") or "\n" not in text[len(before) : para_start + 1]:
        return None
    colon = index.at_or_before(len(before) - 1)
    if colon is None:
        return None
    root = colon.sent.root
    if root.pos_ not in ("VERB", "AUX") or not any(c.dep_ in SUBJECT_DEPS for c in root.children):
        return None
    return root


INVERTED_COLON = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(Said|Says|Added|Adds|Asked|Asks|Wrote|Writes)\s+([^:\n]{1,80}):\s*$"
)


def _inverted_colon(index: TokenIndex, q: QuotedSpan, text: str) -> tuple[Token, Token] | None:
    """'Said Roe: "..."' opening a sentence, which the parser may read as one name: the
    speech word and the last word of the source before the colon, by word order."""
    m = INVERTED_COLON.search(text, max(0, q.open_mark - 100), q.open_mark)
    if m is None:
        return None
    verb = index.at_or_after(m.start(1))
    last = index.at_or_before(m.end(2) - 1)
    if verb is None or last is None or last.i <= verb.i or last.doc is not verb.doc:
        return None
    while last.dep_ in ("punct", "case") and last.i > verb.i + 1:
        last = last.doc[last.i - 1]
    if last.pos_ not in ("PROPN", "NOUN"):
        return None
    head = last
    while head.dep_ in ("compound", "flat") and verb.i < head.head.i <= last.i:
        head = head.head
    return verb, head


def attribution_window(verb: Token, index: TokenIndex, q: QuotedSpan | None) -> list[Token]:
    """Words of the attribution clause: the verb's subtree without the quotation or the
    reported clause (its channel words are the quote's, not the attribution's)."""
    skip: set[int] = set()
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") or (q is not None and _inside(index, child, q)):
            skip.update(t.i for t in child.subtree)
    return [t for t in verb.subtree if t.i not in skip and (q is None or not _inside(index, t, q))]


MAX_LABEL_WORDS = 4  # "ROE:", "SEN. ROE:" opening a quoted transcript paragraph


def _label_source(index: TokenIndex, q: QuotedSpan, text: str) -> Token | None:
    """A quoted transcript paragraph that opens with its speaker's label in capitals
    ('"ROE: We will win the county."'): the label is the speaker."""
    colon = text.find(":", q.start, min(q.end, q.start + 40))
    if colon < 0 or "\n" in text[q.start : colon]:
        return None
    words = [t for t in index.between(q.start, colon) if not t.is_space]
    if not 1 <= len(words) <= MAX_LABEL_WORDS:
        return None
    if not all(w.text.isupper() and any(c.isalpha() for c in w.text) for w in words):
        return None
    letters = [w for w in words if len(w.text.rstrip(".")) > 1]
    return letters[-1] if letters else None


def attribute(
    index: TokenIndex,
    q: QuotedSpan,
    lex: Lexicon,
    text: str,
    quoted: Ranges | list[tuple[int, int]] | None = None,
) -> Attribution:
    """The attribution of one quotation, or ``Attribution()`` (how="none") if it has none.
    ``quoted``: (start, end) of the article's quotations (this one is skipped), as
    :class:`Ranges` made once per article or as a list."""
    ranges = quoted if isinstance(quoted, Ranges) else Ranges(quoted or [])
    others = OtherQuotes(ranges, (q.open_mark, q.outer_end))

    def quoted(tok: Token) -> bool:
        return _inside(index, tok, q) or _in_any(index.start(tok), others)

    def found(verb: Token, how: str, hops: int = 1) -> Attribution:
        subject = subject_of(verb)
        if subject is not None and quoted(subject):
            # the quotation's "we" is not its speaker: a subject of the verb outside it
            # ('"If it fails, it will fall," said Jane Roe, a physicist'), the words between
            # the quotation and its verb, or the speaker of the clause a participle continues
            subject = (
                next(
                    (c for c in verb.children if c.dep_ in SUBJECT_DEPS and not quoted(c)),
                    None,
                )
                or _name_after(index, q, verb)
                or _continued_speaker(verb, lex, quoted)
            )
        return Attribution(verb, subject, how, hops, attribution_window(verb, index, q))

    label = _label_source(index, q, text)
    if label is not None:
        return Attribution(None, label, "label", 1, [label])
    inverted = _inverted_colon(index, q, text)
    if inverted is not None:
        verb, subj = inverted
        return Attribution(verb, subj, "before", 1, list(verb.sent))
    parsed = _from_parse(index, q, lex, others)
    if parsed is not None:
        nearer = _nearer_participle(index, q, lex, parsed[0], text)
        if nearer is not None:
            return found(nearer, "before")
        trailing = _after_relative_cue(index, q, lex, text, parsed[0])
        if trailing is not None:
            return found(trailing, "after")
        return found(parsed[0], "parse", parsed[1])
    owned = _noun_cue(index, q, lex, others)
    if owned is not None:
        noun, owner = owned
        return Attribution(noun, owner, "noun", 1, [owner])
    for how, finder in (
        ("after", lambda: _after(index, q, lex, text)),
        ("before", lambda: _before(index, q, lex, text)),
        ("sentence", lambda: _same_sentence(index, q, lex, others)),
    ):
        verb = finder()
        if verb is not None:
            return found(verb, how, FAR if how == "sentence" else 1)
    owned = _colon_noun(index, q, lex, text)
    if owned is not None:
        noun, owner = owned
        return Attribution(noun, owner, "noun", 1, [owner])
    misparsed = _misparsed_after(index, q, lex, text)
    if misparsed is not None:
        verb, subj = misparsed
        return Attribution(verb, subj, "after", 1, [t for t in _window_after(index, q)])
    subj = _according(index, q, lex)
    if subj is not None:
        return Attribution(None, subj, "according", 1, list(subj.subtree))
    subj = _dash_source(index, q, text)
    if subj is not None:
        return Attribution(None, subj, "dash", 1, [subj])
    verb = _colon_paragraph(index, q, text, quoted)
    if verb is not None:
        return found(verb, "colon")
    return Attribution()

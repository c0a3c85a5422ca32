"""Indirect (reported) speech: a speech verb whose clausal complement is not in quote marks,
e.g. "The mayor said on the radio that she would resign"."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from spacy.tokens import Token

from newsevents.quotes.attribute import is_speech_verb, noun_owner
from newsevents.quotes.lexicon import Lexicon
from newsevents.quotes.tokens import TokenIndex

MIN_CLAUSE_TOKENS = 3  # "he said it was" is not yet a report
TOPIC_PREPS = ("about", "of", "on", "for", "against", "over")  # "spoke about the plan"
ADDRESSEE_VERBS = ("tell", "ask", "inform", "urge", "thank", "beg", "plead", "accuse", "warn")


def reported_clauses(
    index: TokenIndex, lex: Lexicon, quoted: list[tuple[int, int]]
) -> Iterator[tuple[Token, int, int]]:
    """(verb, start, end) of each reported clause outside quotation marks."""

    def in_quote(offset: int) -> bool:
        return any(s <= offset < e for s, e in quoted)

    for verb in index.tokens:
        if not is_speech_verb(verb, lex, direct=False) or in_quote(index.start(verb)):
            continue
        for child in verb.children:
            if child.dep_ != "ccomp":
                continue
            toks = [t for t in child.subtree if not t.is_space]
            while toks and (toks[0].is_punct or toks[0].dep_ == "mark"):
                toks.pop(0)
            while toks and toks[-1].is_punct:
                toks.pop()
            if len(toks) < MIN_CLAUSE_TOKENS or _mostly_quoted(index, toks, quoted):
                continue  # a direct quotation's own clause is not reported speech
            yield verb, index.start(toks[0]), index.end(toks[-1])


def nominal_contents(
    index: TokenIndex, lex: Lexicon, quoted: list[tuple[int, int]]
) -> Iterator[tuple[Token, int, int]]:
    """(verb, start, end) of what a speech verb reports as a noun phrase, outside quotation
    marks: its object ("she criticized the new rules", "he called the charges false") or
    the object of a topic preposition ("they talked about the debate", "she called for a
    recount")."""

    def in_quote(offset: int) -> bool:
        return any(s <= offset < e for s, e in quoted)

    for verb in index.tokens:
        entry = lex.verbs.get(verb.lemma_.lower())
        if entry is None or verb.pos_ != "VERB" or in_quote(index.start(verb)):
            continue
        if any(c.dep_ == "ccomp" for c in verb.children):
            continue  # the clause is the report (reported_clauses)
        for child in verb.children:
            if child.dep_ == "dobj" and verb.lemma_.lower() not in ADDRESSEE_VERBS:
                heads = [child] + [c for c in verb.children if c.dep_ in ("oprd", "xcomp")]
            elif child.dep_ == "prep" and child.lower_ in TOPIC_PREPS:
                heads = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            else:
                continue
            toks = sorted(
                (t for h in heads for t in h.subtree if not t.is_space), key=lambda t: t.i
            )
            while toks and toks[0].is_punct:
                toks.pop(0)
            while toks and toks[-1].is_punct:
                toks.pop()
            if not toks or _mostly_quoted(index, toks, quoted):
                continue
            if all(t.ent_type_ in ("DATE", "TIME") or t.is_stop for t in toks):
                continue  # "spoke on Monday", "said so"
            yield verb, index.start(toks[0]), index.end(toks[-1])


def noun_clauses(
    index: TokenIndex, lex: Lexicon, quoted: list[tuple[int, int]]
) -> Iterator[tuple[Token, Token, int, int]]:
    """(noun, owner, start, end) for "Roe's claim that the count was wrong": a cue noun
    with a named owner and a clause of its own, outside quotation marks."""
    for noun in index.tokens:
        owner = noun_owner(noun, lex)
        if owner is None:
            continue
        for child in noun.children:
            if child.dep_ not in ("acl", "ccomp") or child.i < noun.i:
                continue
            if not any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
                continue
            toks = [t for t in child.subtree if not t.is_space]
            while toks and (toks[0].is_punct or toks[0].dep_ == "mark"):
                toks.pop(0)
            while toks and toks[-1].is_punct:
                toks.pop()
            if len(toks) < MIN_CLAUSE_TOKENS or _mostly_quoted(index, toks, quoted):
                continue
            yield noun, owner, index.start(toks[0]), index.end(toks[-1])


def _mostly_quoted(index: TokenIndex, toks: list[Token], quoted: list[tuple[int, int]]) -> bool:
    starts = [s for s, _ in quoted]  # quotations are sorted and do not overlap
    inside = 0
    for t in toks:
        off = index.start(t)
        k = bisect.bisect_right(starts, off) - 1
        inside += k >= 0 and off < quoted[k][1]
    return inside * 2 >= len(toks)


def according_clauses(
    index: TokenIndex, lex: Lexicon, quoted: list[tuple[int, int]]
) -> Iterator[tuple[Token, Token, int, int]]:
    """(phrase start token, speaker head, start, end) for 'According to X, <clause>'."""
    phrases = [p for p, where in lex.phrases.items() if where == "object"]
    for tok in index.tokens:
        for phrase in phrases:
            words = tok.doc[tok.i : tok.i + len(phrase)]
            if [w.lower_ for w in words] != list(phrase):
                continue
            last = words[-1]
            speaker = next((c for c in last.children if c.dep_ == "pobj"), None)
            clause_head = tok.head
            if speaker is None or clause_head == tok or tok.dep_ != "prep":
                continue
            skip = {t.i for t in tok.subtree}
            toks = [t for t in clause_head.subtree if t.i not in skip and not t.is_space]
            while toks and toks[0].is_punct:
                toks.pop(0)
            while toks and toks[-1].is_punct:
                toks.pop()
            if len(toks) < MIN_CLAUSE_TOKENS or _mostly_quoted(index, toks, quoted):
                continue
            yield tok, speaker, index.start(toks[0]), index.end(toks[-1])

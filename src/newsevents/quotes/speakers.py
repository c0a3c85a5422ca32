"""Resolve the subject of an attribution to a speaker Actor.

The document's actors (``coding.actors``) come first; when they have nothing, fall back on
what a quote needs: pronouns to the previous speaker or person, a document ("the statement
read") to whoever issued it, and else the words of the noun phrase themselves.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Token

from newsevents.models import Actor
from newsevents.quotes.lexicon import Lexicon
from newsevents.quotes.tokens import TokenIndex

NP_DEPS = ("compound", "amod", "det", "poss", "case", "nmod", "flat", "nummod", "prep", "pobj")
PERSON_PRONOUNS = ("he", "she", "him", "her", "i")
GROUP_PRONOUNS = ("they", "we", "it")
RECENT_SPEAKER_CHARS = 800  # "he said" within this distance of the last speaker
ISSUE_VERBS = ("issue", "release", "publish", "send", "post", "put", "say", "tell", "write")


def noun_phrase(head: Token) -> list[Token]:
    """The head and its modifiers (no appositions or relative clauses), in order."""
    toks = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in NP_DEPS and not (
                tok == head and child.dep_ == "prep" and _far(head, child)
            ):
                toks.append(child)
                stack.append(child)
    toks.sort(key=lambda t: t.i)
    # keep the contiguous run around the head
    run = [head]
    by_i = {t.i: t for t in toks}
    i = head.i - 1
    while i in by_i:
        run.insert(0, by_i[i])
        i -= 1
    i = head.i + 1
    while i in by_i:
        run.append(by_i[i])
        i += 1
    while run and run[0].dep_ in ("det", "case", "punct"):
        run.pop(0)
    while run and run[-1].is_punct:
        run.pop()
    return run or [head]


def _far(head: Token, prep: Token) -> bool:
    return prep.i != head.i + 1


def _person_name(head: Token) -> str | None:
    if head.ent_type_ == "PERSON":
        for ent in head.doc.ents:
            if ent.start <= head.i < ent.end:
                return ent.text
    return None


class SpeakerResolver:
    """Speaker look-ups for one article; remembers speakers and document issuers in order."""

    def __init__(self, index: TokenIndex, actors: Any, lex: Lexicon) -> None:
        self.index = index
        self.actors = actors
        self.lex = lex
        self.speakers: list[tuple[int, Actor]] = []  # (offset, speaker) of earlier quotes
        self._issuers: list[tuple[int, str, Token]] | None = None

    # --- public -------------------------------------------------------------------------
    def resolve(self, subject: Token | None) -> Actor | None:
        if subject is None:
            return None
        lemma = subject.lemma_.lower()
        if lemma in self.lex.document_nouns:
            issuer = self._document_issuer(subject)
            if issuer is not None:
                return self.resolve(issuer)
        if subject.pos_ == "PRON":
            # a quote's "he said" is almost always the speaker just quoted
            recent = self.previous_speaker(self.index.start(subject), RECENT_SPEAKER_CHARS)
            if recent is not None and subject.lower_ in PERSON_PRONOUNS + GROUP_PRONOUNS:
                return recent
        found = self._from_actors(subject)
        if found is not None:
            return found
        if subject.pos_ == "PRON":
            return self._pronoun(subject)
        return self._from_words(subject)

    def remember(self, offset: int, speaker: Actor | None) -> None:
        if speaker is not None:
            self.speakers.append((offset, speaker))

    def previous_speaker(self, offset: int, max_distance: int = 1500) -> Actor | None:
        for pos, actor in reversed(self.speakers):
            if pos < offset and offset - pos <= max_distance:
                return actor
        return None

    # --- sources ------------------------------------------------------------------------
    def _from_actors(self, head: Token) -> Actor | None:
        if self.actors is None:
            return None
        actor = self.actors.for_token(head)
        if actor is None:
            actor = self.actors.at(self.index.start(head), self.index.end(head))
        if actor is None:
            toks = noun_phrase(head)
            actor = self.actors.at(self.index.start(toks[0]), self.index.end(toks[-1]))
        return actor

    def _pronoun(self, pron: Token) -> Actor | None:
        offset = self.index.start(pron)
        if pron.lower_ in PERSON_PRONOUNS:
            return self._last_person_before(offset) or self.previous_speaker(offset)
        if pron.lower_ in GROUP_PRONOUNS:
            return self.previous_speaker(offset)
        return None

    def _last_person_before(self, offset: int) -> Actor | None:
        best: Token | None = None
        for tok in reversed(self.index.between(max(0, offset - 2000), offset)):
            if tok.ent_type_ == "PERSON" and tok.ent_iob_ in ("B", "I"):
                best = tok
                break
        if best is None:
            return None
        # the last token of the name is its head
        while (
            best.i + 1 < len(best.doc)
            and best.doc[best.i + 1].ent_type_ == "PERSON"
            and best.doc[best.i + 1].ent_iob_ == "I"
        ):
            best = best.doc[best.i + 1]
        return self._from_actors(best) or self._from_words(best)

    def _from_words(self, head: Token) -> Actor:
        toks = noun_phrase(head)
        start, end = self.index.start(toks[0]), self.index.end(toks[-1])
        text = self.index.parsed.article.text[start:end]
        name = _person_name(head) or text
        return Actor(name=name, text=text, start=start, end=end, how="quote-subject")

    # --- documents ----------------------------------------------------------------------
    def _document_issuer(self, noun: Token) -> Token | None:
        """Who issued a statement/letter: named on the noun, else the last issuer before it."""
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
                return child
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        offset = self.index.start(noun)
        lemma = noun.lemma_.lower()
        candidates = [(pos, lem, tok) for pos, lem, tok in self._all_issuers() if pos < offset]
        same = [c for c in candidates if c[1] == lemma]
        pick = (same or candidates)[-1:] if (same or candidates) else []
        return pick[0][2] if pick else None

    def _all_issuers(self) -> list[tuple[int, str, Token]]:
        """(offset, document lemma, issuer) for "X said in a statement", "X issued a letter"."""
        if self._issuers is None:
            self._issuers = []
            for tok in self.index.tokens:
                lemma = tok.lemma_.lower()
                if lemma not in self.lex.document_nouns or tok.pos_ not in ("NOUN", "PROPN"):
                    continue
                verb = tok.head
                if tok.dep_ == "pobj" and verb.dep_ == "prep":
                    verb = verb.head
                elif tok.dep_ != "dobj":
                    continue
                if (
                    verb.lemma_.lower() not in ISSUE_VERBS
                    and verb.lemma_.lower() not in self.lex.verbs
                ):
                    continue
                subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.lemma_.lower() not in self.lex.document_nouns:
                    self._issuers.append((self.index.start(tok), lemma, subj))
        return self._issuers


def with_mention(actor: Actor, index: TokenIndex, head: Token | None) -> Actor:
    """A copy of ``actor`` pointing at this mention's words when the actor points elsewhere."""
    if (
        head is None
        or actor.start is not None
        and actor.start <= index.start(head) < (actor.end or 0)
    ):
        return actor
    toks = noun_phrase(head)
    start, end = index.start(toks[0]), index.end(toks[-1])
    return replace(actor, text=index.parsed.article.text[start:end], start=start, end=end)

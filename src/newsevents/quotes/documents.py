"""Who issued a document that "speaks": 'the statement read', 'said the communique'."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsevents.models import Actor
from newsevents.quotes.lexicon import Lexicon
from newsevents.quotes.tokens import TokenIndex

ISSUE_VERBS = ("issue", "release", "publish", "send", "post", "put", "say", "tell", "write")
MAKE_VERBS = ("deliver", "give", "make", "sign", "file", "draft", "prepare")  # a work's maker


class DocumentIssuers:
    """Issuers of statements, letters, messages in one article, found once, in order."""

    def __init__(
        self, index: TokenIndex, lex: Lexicon, actor_of: Callable[[Token], Actor | None]
    ) -> None:
        self.index = index
        self.lex = lex
        self.actor_of = actor_of
        self._issuers: list[tuple[int, str, Token]] | None = None

    def issuer(self, noun: Token) -> Token | None:
        """Who issued a statement/letter: named on the noun, else the last issuer before it."""
        owner = self.owner(noun)
        if owner is not None:
            return owner
        offset = self.index.start(noun)
        lemma = noun.lemma_.lower()
        # 'the council issued a statement calling ...': the noun itself may name its issuer
        candidates = [(pos, lem, tok) for pos, lem, tok in self._all_issuers() if pos <= offset]
        same = [c for c in candidates if c[1] == lemma]
        pick = same or candidates
        return pick[-1][2] if pick else None

    def owner(self, noun: Token) -> Token | None:
        """'the ministry's statement', 'a Kremlin statement', 'a statement from/by X'."""
        for child in noun.children:
            if child.ent_type_ in ("DATE", "TIME"):
                continue  # "Wednesday's message"
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
                return child
            if child.dep_ == "compound" and self.actor_of(child) is not None:
                return child  # "a government communique"
            if child.dep_ == "prep" and child.lower_ in ("from", "by"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() not in self.lex.document_nouns:
                        return obj
            if child.dep_ == "relcl" and child.lemma_.lower() in (*ISSUE_VERBS, *MAKE_VERBS):
                subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.lower_ not in ("that", "which", "who"):
                    return subj  # "a speech Roe delivered in July", "the letter she wrote"
            if child.dep_ == "acl" and child.lemma_.lower() in (*ISSUE_VERBS, "file", "sign"):
                for agent in (c for c in child.children if c.dep_ == "agent"):
                    for obj in agent.children:  # "a complaint filed by the commission"
                        if obj.dep_ == "pobj":
                            return obj
        return None

    def _all_issuers(self) -> list[tuple[int, str, Token]]:
        """(offset, document lemma, issuer) of every document named with its issuer:
        "X said in a statement", "X issued a letter", "a statement by X"."""
        if self._issuers is None:
            self._issuers = []
            for tok in self.index.tokens:
                lemma = tok.lemma_.lower()
                if lemma not in self.lex.document_nouns or tok.pos_ not in ("NOUN", "PROPN"):
                    continue
                issuer = self.owner(tok) or self._issuing_subject(tok)
                if issuer is not None:
                    self._issuers.append((self.index.start(tok), lemma, issuer))
        return self._issuers

    def _issuing_subject(self, doc_noun: Token) -> Token | None:
        verb = doc_noun.head
        within = False  # "In a statement, the mayor was blunt": the clause is the statement's
        if doc_noun.dep_ == "pobj" and verb.dep_ == "prep":
            within = verb.lower_ == "in"
            verb = verb.head
        elif doc_noun.dep_ != "dobj":
            return None
        lemma = verb.lemma_.lower()
        if not within and lemma not in ISSUE_VERBS and lemma not in self.lex.verbs:
            return None
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lemma_.lower() in self.lex.document_nouns:
            return None
        return subj

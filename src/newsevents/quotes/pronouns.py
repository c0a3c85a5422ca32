"""Who "he said" is: the person who was last the subject of a clause.

News writing introduces a speaker as the subject of a sentence ("Jane Roe bristled at the
question.") and then attributes a quote with a pronoun ('"We are ready," she said.'). So
the antecedent of a speaker pronoun is the nearest earlier clause subject that can be that
pronoun: a named person, a person description the actors stage resolved ("the senator"),
or an earlier pronoun, followed to its own antecedent. Words inside quotation marks and
the subjects of reported clauses ("he said Smith was wrong") are never antecedents; the
subject of a main clause is preferred to that of a clause inside it; the gender of a first
name or title rules a person out.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Token

from newsevents.coding.gender import (
    actor_gender,
    compatible,
    mention_gender,
    surnames,
    word_gender,
)
from newsevents.models import Actor
from newsevents.quotes.tokens import TokenIndex

SUBJECTS = ("nsubj", "nsubjpass")
PERSON_PRONOUNS = ("he", "she")
REPORTED = ("ccomp",)  # a subject in here is what someone said, not who said it
MAX_CHARS = 2500  # how far back an antecedent may be
MAX_SENTENCES = 8
MAX_DEPTH = 6  # pronoun-to-pronoun steps


class PronounChain:
    """Antecedents of person pronouns of one article, memoised so chains stay linear."""

    def __init__(
        self,
        index: TokenIndex,
        quoted: list[tuple[int, int]],
        person_of: Callable[[Token], Actor | None],
        introduced: Callable[[Token], bool] = lambda t: False,
    ) -> None:
        self.index = index
        self._quoted = sorted(quoted)
        self._starts = [s for s, _ in self._quoted]
        self.person_of = person_of  # the person a (non-pronoun) subject token names, or None
        self.introduced = introduced  # a person introduced outside subject position
        self._memo: dict[int, Actor | None] = {}

    def in_quote(self, tok: Token) -> bool:
        off = self.index.start(tok)
        k = bisect_right(self._starts, off) - 1
        return k >= 0 and off < self._quoted[k][1]

    def resolve(self, pron: Token, depth: int = 0, word: str | None = None) -> Actor | None:
        """The person ``pron`` (he/she) refers to, or None; ``word`` reads another form
        as he or she ("his" as "he")."""
        word = word or pron.lower_
        if word not in PERSON_PRONOUNS or depth > MAX_DEPTH:
            return None
        offset = self.index.start(pron)
        if offset in self._memo:
            return self._memo[offset]
        self._memo[offset] = None  # a cycle resolves to no one
        found = self._search(pron, word, offset, depth)
        self._memo[offset] = found
        return found

    def antecedent(
        self,
        head: Token,
        gender: str | None = None,
        fits: Callable[[Token], bool] = lambda t: True,
    ) -> Actor | None:
        """The person a definite description refers back to: a person named earlier in its
        own sentence as a subject or its owner ("Roe's remarks came after the senator
        spoke"), else the nearest
        earlier clause subject that names a person, by the same rules as a pronoun
        ("Jane Roe spoke first. The senator said ..."). ``gender`` ("m", "f") when the role
        word tells it; ``fits`` rules out a named person (one introduced by another role)."""
        word = {"m": "he", "f": "she"}.get(gender or "")
        offset = self.index.start(head)
        for tok in reversed(list(head.sent)):
            if (
                tok.i < head.i
                and tok.ent_type_ == "PERSON"
                and (tok.dep_ in SUBJECTS or tok.dep_ == "poss" and tok.head.dep_ in SUBJECTS)
                and not self.in_quote(tok)
                and fits(tok)
            ):
                actor = self._person(tok, word, 0)
                if actor is not None:
                    return actor
        return self._search(head, word, offset, 0, fits, owners=False)

    def _search(
        self,
        pron: Token,
        word: str | None,
        offset: int,
        depth: int,
        fits: Callable[[Token], bool] = lambda t: True,
        owners: bool = True,
    ) -> Actor | None:
        sents = self._sentences_before(pron)
        for n, sent in enumerate(sents):
            cands = [
                t
                for t in sent
                if (t.dep_ in SUBJECTS or _lost_subject(t))
                and self.index.start(t) < offset
                and t != pron
                and not self.in_quote(t)
                and not _reported(t, self.in_quote)
            ]
            # main-clause subjects first, the nearest first among equals; a subject's owner
            # right after it ("Roe's plan won praise, and she said": Roe)
            cands.sort(key=lambda t: (_depth(t), -t.i))
            # then a person the sentence introduces ("listened to the nurse Jane Roe, who"),
            # before the subjects of adverbial clauses earlier than the introduction
            # ("While Roe won twice, that worries Jo Baker, head of the caucus.": Baker)
            introduced = [
                t
                for t in reversed(list(sent))
                if t.dep_ not in SUBJECTS
                and t.ent_type_ == "PERSON"
                and self.index.start(t) < offset
                and not self.in_quote(t)
                and self.introduced(t)
            ]
            adverbial = [t for t in cands if _depth(t) > 0 and _marked(t)]
            cands = [t for t in cands if t not in adverbial]
            cands += sorted(adverbial + introduced, key=lambda t: -t.i)
            if owners:  # a pronoun, not a description ("the judge" is not Roe of "Roe's brief")
                cands = [o for t in cands for o in (t, *_owners(t))]
            for tok in cands:
                if tok.lower_ not in PERSON_PRONOUNS and not fits(tok):
                    continue
                actor = self._person(tok, word, depth)
                if actor is not None and not owners and _unnamed(tok, actor):
                    continue  # "the judge" refers back to someone named, not to "his wife"
                if actor is not None:
                    return actor
            if n + 1 >= MAX_SENTENCES:
                break
        return None

    def _person(self, tok: Token, word: str | None, depth: int) -> Actor | None:
        if tok.lower_ in PERSON_PRONOUNS:
            if word is not None and tok.lower_ != word:
                return None
            return self.resolve(tok, depth + 1)
        if tok.pos_ == "PRON":
            return None
        actor = self.person_of(tok)
        if actor is None:
            return None
        if word is None:
            return actor
        # a lone surname tells no sex even where it is also a first name ("Roe", "Christie")
        lone = len(actor.name.split()) == 1 and actor.name.lower() in surnames(tok.doc)
        if not compatible(word, mention_gender(tok)) or not (
            lone or compatible(word, actor_gender(actor.name, None))
        ):
            return None
        return actor

    def _sentences_before(self, pron: Token) -> list:
        """The pronoun's sentence, then earlier ones, nearest first, within reach."""
        offset = self.index.start(pron)
        out = []
        seen: set[tuple[int, int]] = set()
        toks = self.index.between(max(0, offset - MAX_CHARS), offset + 1)
        j = len(toks) - 1
        while j >= 0:
            tok = toks[j]
            sent = tok.sent
            key = (id(tok.doc), sent.start)
            if key not in seen:
                seen.add(key)
                out.append(sent)
            # the earlier tokens of this sentence give it again: skip them
            j -= 1
            while j >= 0 and toks[j].doc is tok.doc and toks[j].i >= sent.start:
                j -= 1
        return out


def _unnamed(tok: Token, actor: Actor) -> bool:
    """The subject is a description that names no one ("my aunt"), read from its words."""
    return tok.pos_ == "NOUN" and actor.how == "quote-subject"


def _marked(subject: Token) -> bool:
    """The subject's clause opens with a subordinating word ("while", "because", "if")."""
    return any(c.dep_ == "mark" for c in subject.head.children)


def _lost_subject(tok: Token) -> bool:
    """A name the parser hung as a compound of the verb after it ("Roe bristles at the
    question" read with "Roe bristles" as one noun): the verb's subject."""
    return (
        tok.dep_ == "compound"
        and tok.pos_ == "PROPN"
        and tok.head.pos_ == "VERB"
        and tok.head.i == tok.i + 1
        and not any(c.dep_ in SUBJECTS for c in tok.head.children)
    )


def _owners(subject: Token) -> list[Token]:
    """The named owner of a clause subject: "Roe" of "Roe's plan", and a description
    whose word tells a sex: "the widow" of "The widow's garden won a prize; she said"."""
    return [
        c
        for c in subject.children
        if c.dep_ == "poss" and subject.pos_ == "NOUN" and (c.pos_ == "PROPN" or sexed_noun(c))
    ]


def sexed_noun(tok: Token) -> bool:
    """A common noun whose own word tells a sex ("aunt", "woman", "widower":
    ``data/actors/gender_words.tsv``), singular as written."""
    return tok.pos_ == "NOUN" and word_gender(tok.lower_) is not None


def _reported(tok: Token, in_quote: Callable[[Token], bool] = lambda t: False) -> bool:
    """The token is inside a clause a verb reports ("he said [Smith was wrong]"); not when
    that verb is inside a quotation (the parser hangs 'Roe told him: "It is late"' as a
    clause of the quotation's "is")."""
    child = tok
    for _ in range(10):
        if child.dep_ in REPORTED:
            return not in_quote(child.head)
        if child.head == child:
            return False
        child = child.head
    return False


def _depth(tok: Token) -> int:
    """Steps from the token's verb up to the sentence root: 0 for the main clause."""
    d, v = 0, tok.head
    while v.head != v and d < 10:
        if v.dep_ not in ("conj",):
            d += 1
        v = v.head
    return d

"""Actor mentions in a parsed article: find, code and link them back to full actors.

:mod:`coding.actor_mentions` finds and codes the phrases of each sentence with
:class:`ActorCoder`; short names ("Khalilzad"), descriptions ("the US official") and
pronouns ("he", "they") then take the actor of an earlier full mention
(:mod:`coding.actor_coref`). :class:`DocumentActors` answers look-ups by offsets or tokens.
In dictionaries-only mode (coding.coder_mode) phrases are looked up whole in the Phoenix
lists and nothing refers back: no pronouns, no coreference.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from newsevents.coding.actors.coder import DICTIONARY_VERSION, ActorCoder
from newsevents.coding.actors.context import recode_places
from newsevents.coding.actors.coref import possessive_antecedent, resolve_references
from newsevents.coding.actors.mentions import (
    PERSONS_OWN,
    Ents,
    person_words_into,
    sentence_mentions,
)
from newsevents.coding.actors.referents import Referents
from newsevents.coding.actors.types import CompoundActor, Mention
from newsevents.config import Settings, current, use
from newsevents.models import Actor
from newsevents.nlp import ParsedArticle
from newsevents.spans import SpanIndex

__all__ = [
    "DICTIONARY_VERSION",
    "ActorCoder",
    "CompoundActor",
    "DocumentActors",
    "Mention",
    "find_actors",
]


def default_coder(dictionaries: bool | None = None) -> ActorCoder:
    """The shared coder of the current settings (coder mode, user dictionaries), or of the
    mode asked for."""
    settings = current()
    mode = settings.dictionaries_only if dictionaries is None else dictionaries
    return _shared_coder(mode, settings.actor_files)


@functools.lru_cache(maxsize=4)
def _shared_coder(dictionaries: bool, actor_files: tuple[str, ...]) -> ActorCoder:
    return ActorCoder(dictionaries_only=dictionaries)


class DocumentActors:
    """The actor mentions of one article and lookups by offsets or spaCy tokens."""

    def __init__(self, records: list[Mention], resolves: bool = True) -> None:
        self.resolves = resolves  # pronouns refer back (not in dictionaries-only mode)
        unique: dict[tuple[int, int], Mention] = {}
        for m in records:  # one mention per span ("Afghanistan's" as head and as modifier)
            unique.setdefault((m.actor.start or 0, m.actor.end or 0), m)
        records = list(unique.values())
        self.records = sorted(records, key=lambda m: (m.actor.start or 0, -(m.actor.end or 0)))
        self.mentions: list[Actor] = [m.actor for m in self.records]
        self._by_span = {(m.actor.start, m.actor.end): m for m in self.records}
        self._by_head: dict[tuple[int, int], Mention] = {}
        self._by_token: dict[tuple[int, int], Mention] = {}
        for m in self.records:
            self._by_head.setdefault((id(m.doc), m.head), m)
            for i in range(*m.tokens):
                key = (id(m.doc), i)
                old = self._by_token.get(key)
                if old is None or (m.tokens[1] - m.tokens[0]) < (old.tokens[1] - old.tokens[0]):
                    self._by_token[key] = m
        # the mentions by offset for :meth:`at`: only those that can overlap a span are
        # looked at, so a long article costs linear, not quadratic time (stable: same order)
        self._index: SpanIndex[Actor] | None = None
        self._referents: Referents | None = None  # built when an event side first asks
        if all(a.start is not None and a.end is not None for a in self.mentions):
            self._index = SpanIndex(self.mentions)  # type: ignore[type-var]

    def at(self, start: int, end: int) -> Actor | None:
        """The mention best covering [start, end): the smallest one containing it, else the
        one overlapping it most."""
        best, best_key = None, None
        candidates = self.mentions if self._index is None else self._index.window(start, end)
        for a in candidates:
            overlap = min(end, a.end) - max(start, a.start)
            if overlap <= 0:
                continue
            contains = a.start <= start and end <= a.end
            key = (contains, overlap if not contains else -(a.end - a.start))
            if best_key is None or key > best_key:
                best, best_key = a, key
        return best

    def named_person(self, actor: Actor | None) -> bool:
        """The actor's mention gives a person by name ("Holt", "Maren Holt"), whatever
        coreference made of it: such a person takes no country from where they act."""
        if actor is None:
            return False
        m = self._by_span.get((actor.start, actor.end))
        return m is not None and m.coded is not None and m.coded.named and m.coded.kind == "person"

    def starting_in(self, lo: int, hi: int) -> list[Actor]:
        """The mentions that start in [lo, hi), in text order."""
        if self._index is None:
            return [a for a in self.mentions if a.start is not None and lo <= a.start < hi]
        return self._index.starting_in(lo, hi)

    def for_token(self, token: Token) -> Actor | None:
        """Actor of the phrase headed by ``token`` (or the phrase it is part of)."""
        m = self._by_head.get((id(token.doc), token.i)) or self._by_token.get(
            (id(token.doc), token.i)
        )
        if m is None:
            return self._modifier_actor(token)
        actor = m.actor
        if isinstance(actor, CompoundActor) and m.head != token.i:
            for member in actor.members:  # "Romanian" inside "Hungarian and Romanian officials"
                if member.start is not None and member.start <= _abs(m, token) < member.end:
                    return member
        return actor

    def _modifier_actor(self, token: Token) -> Actor | None:
        """A noun that is no actor takes the country or group modifying it: "a US offer"
        is the US's, "Turkey's support" Turkey's."""
        for child in token.lefts:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                m = self._by_head.get((id(child.doc), child.i)) or self._by_token.get(
                    (id(child.doc), child.i)
                )
                if m is None:
                    continue
                if m.coded is not None and m.coded.kind in ("country", "entity"):
                    return m.actor
                if token.lemma_.lower() in PERSONS_OWN and (m.pronoun or _person(m)):
                    return m.actor  # "the Holt campaign", "her campaign": Holt's, hers
        return None

    def named_side(self, actor: Actor | None) -> Actor | None:
        """An event side told by a role alone, as the person it stands for ("the Ohio
        Republican" -> the Holt named before; :mod:`coding.actors.referents`); the mentions
        themselves stay as coreference left them."""
        if not self.resolves or actor is None:
            return actor
        if self._referents is None:
            self._referents = Referents(self.records)
        return self._referents.name(actor)

    def possessor(self, token: Token) -> Actor | None:
        """The actor a possessive pronoun ("his", "her", "their") stands for ("slammed his
        proposal": the "he"), as its earlier mention has it (offsets of that mention)."""
        if not self.resolves:
            return None  # dictionaries-only: nothing refers back
        ante = possessive_antecedent(self.records, token)
        return ante.actor if ante is not None else None

    def conjuncts(self, token: Token) -> list[Actor]:
        """Actors joined with ``token`` by and/or ("Turkey and US"), or a compound's members."""
        own = self.for_token(token)
        if isinstance(own, CompoundActor):
            if own.how == "coref" and not _members_inside(own):
                return [own]  # "their forces" after "Hungarian and Romanian officials"
            return list(own.members)
        out: list[Actor] = []
        for t in sorted([token, *token.conjuncts], key=lambda t: t.i):
            a = self.for_token(t)
            if a is not None and all(a is not b for b in out):
                out.append(a)
        return out


def _person(m: Mention) -> bool:
    return m.coded is not None and m.coded.kind == "person" and not m.coded.plural


def _members_inside(actor: CompoundActor) -> bool:
    """The compound's members are words of this very mention (not of an earlier one)."""
    return all(
        m.start is not None and actor.start is not None and actor.start <= m.start < actor.end
        for m in actor.members
    )


def _abs(m: Mention, token: Token) -> int:
    """Absolute offset of a token of the mention's doc (mention offsets are absolute)."""
    return (m.actor.start or 0) - m.doc[m.tokens[0]].idx + token.idx


def find_actors(
    parsed: ParsedArticle, coder: ActorCoder | None = None, settings: Settings | None = None
) -> DocumentActors:
    """Find, code and link every actor mention of an article (``coder``: the shared one of
    the ``settings``, default :func:`newsevents.config.current`)."""
    with use(settings):
        return _find_actors(parsed, coder or default_coder())


def _find_actors(parsed: ParsedArticle, coder: ActorCoder) -> DocumentActors:
    date = parsed.article.date
    records: list[Mention] = []
    ents: dict[int, Ents] = {}
    seen: set[str] = set()  # words of the persons' names told so far
    owners: dict[str, set[frozenset[str]]] = {}  # whose names each of those words is in
    for sent in parsed.sentences():
        doc = sent.span.doc
        if id(doc) not in ents:  # entity tables once per chunk, not per sentence
            ents[id(doc)] = Ents(doc, coder)
        found = sentence_mentions(sent, ents[id(doc)], coder, date, seen)
        person_words_into(found, seen, owners)
        records.extend(found)
    recode_places(records, parsed.article.text)  # "Georgia" in a story of US primaries
    if coder.dictionaries_only:  # the baseline resolves nothing: pronouns name no one
        records = [m for m in records if not m.pronoun]
    else:
        resolve_references(records)
    return DocumentActors([m for m in records if not m.drop], not coder.dictionaries_only)

"""Whom an unresolved role stands for, for naming an event's sides.

Coreference (:mod:`coding.actors.coref`) links a description to a person only within a few
sentences, and a qualified one ("the Ohio Republican") not at all. An event side left as
such a role names no one an analyst can use, so the sides of events take, after the
verifier has judged the event from the mentions as written, the person the article most
likely means:

- an office written as a role ("the governor", or a pronoun that took it) is the nearest
  person introduced earlier with that office anywhere in the article ("Gov. Ann Holt" ...
  twenty sentences on ... "the governor");
- a description that tells no office ("the Ohio Republican", "the Texas businessman", "the
  candidate") is first such a person, else the subject of a recent sentence, nearest first,
  as writers vary a name: "Holt met Ames on Monday. The Ohio Republican said ..." (Holt).

Nothing here changes the mentions themselves: speakers of quotes and the verifier's
features read the coreference of :mod:`coding.actors.coref` alone.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from newsevents.coding.actors.types import PERSON_PRONOUNS, Mention
from newsevents.coding.gender import PRONOUN_GENDER, actor_gender, mention_gender
from newsevents.data import load_lines, load_tsv
from newsevents.models import Actor

RECENT = 3  # sentences back a description that tells no office looks for a subject


@functools.lru_cache(maxsize=1)
def _title_roles() -> dict[str, str]:
    """A title written short before a name ("Gov.", "Sen.") -> the role in full."""
    return {r["title"]: r["role"] for r in load_tsv("actors/title_roles.tsv")}


@functools.lru_cache(maxsize=1)
def _party_members() -> frozenset[str]:
    return frozenset(load_lines("actors/party_members.txt"))


@functools.lru_cache(maxsize=1)
def _referring_roles() -> frozenset[str]:
    return frozenset(load_lines("actors/referring_roles.txt"))


def _role(m: Mention) -> str | None:
    role = m.coded.role if m.coded is not None else None
    if role is None:
        return None
    role = role.lower().rstrip(".")
    return _title_roles().get(role, role)


def _head_word(m: Mention) -> str:
    return m.doc[m.head].lower_ if 0 <= m.head < len(m.doc) else ""


def _unresolved_role(m: Mention) -> bool:
    """One person told by a role and no name, that coreference left as it was."""
    c = m.coded
    if c is None or c.named or c.plural or m.pronoun or m.actor.how == "coref":
        return False
    return c.kind == "person" or (_definite(m) and _head_word(m) in _party_members())


def _definite(m: Mention) -> bool:
    """ "the ..." (an unknown name the parser took it for keeps its article: "the Ohio
    Republican" coded as the name "Republican")."""
    c = m.coded
    first = m.doc[m.tokens[0]].lower_ if 0 <= m.tokens[0] < len(m.doc) else ""
    return bool(c is not None and (c.definite or first in ("the", "this", "that")))


@functools.lru_cache(maxsize=1)
def _unreferring() -> frozenset[str]:
    return frozenset(load_lines("actors/unreferring_modifiers.txt"))


def _office(m: Mention) -> bool:
    """A role that is an office ("the governor"), not a word for any person in the race
    ("the candidate", "the presidential candidate")."""
    role = _role(m)
    return role is not None and role.split()[-1] not in _referring_roles()


def _someone_else(m: Mention) -> bool:
    """The role's own words say it is no one named before: "the next president"."""
    words = (m.doc[i] for i in range(*m.tokens) if i != m.head)
    return any(t.lower_ in _unreferring() and t.pos_ != "PROPN" for t in words)  # not "New York"


def _gender(m: Mention) -> str | None:
    if m.pronoun:
        return PRONOUN_GENDER.get(m.pronoun)
    if not 0 <= m.head < len(m.doc):
        return None
    return mention_gender(m.doc[m.head]) or actor_gender(m.actor.name, m.actor.text)


def _fits(want: str | None, cand: Mention) -> bool:
    have = _gender(cand)
    return not (want and have and want != have)


class Referents:
    """The named person each unresolved role of an article stands for (None: no one)."""

    def __init__(self, records: list[Mention]) -> None:
        self.by_span: dict[tuple[int | None, int | None], Actor] = {}
        named = {
            m.actor.name
            for m in records
            if m.coded is not None and m.coded.named and m.coded.kind == "person"
        }
        persons: list[Mention] = []  # mentions of a named person so far, in order
        origins: dict[str, Mention] = {}  # latest unresolved role by the actor name it has
        # by sentence, who a role of it cannot be: the persons other roles of it took, and
        # its subjects so far (a description is not the subject of its own sentence: in
        # "Holt said the senator lied" the senator is not Holt)
        barred: dict[int, set[str]] = {}
        chains: dict[tuple[int, int, str | None], Mention] = {}
        for k, m in enumerate(records):
            key = (m.actor.start, m.actor.end)
            origin = None
            if _unresolved_role(m):
                origin = m
                origins[m.actor.name] = m
                title_of = _name_after(m, records[k + 1] if k + 1 < len(records) else None)
                if title_of is not None and title_of.actor.name in named:
                    self.by_span[key] = title_of.actor  # "Former Secretary ... frontrunner Holt"
                    continue
            elif m.pronoun in PERSON_PRONOUNS and m.actor.name not in named:
                origin = origins.get(m.actor.name)  # "urged him" after an unresolved role
            if origin is not None:
                # a pronoun of a role already resolved in this sentence is that person again
                # ("called him ... and urged him": one person, not two)
                mark = (id(origin), m.sentence, _gender(m) if m.pronoun else None)
                found = chains.get(mark) or self._search(
                    m, origin, persons, barred.get(m.sentence, set())
                )
                if found is not None:
                    self.by_span[key] = found.actor
                    chains[mark] = found
                    barred.setdefault(m.sentence, set()).add(found.actor.name)
            if m.actor.name in named:
                persons.append(m)
                if m.subject and not _possessor(m):
                    barred.setdefault(m.sentence, set()).add(m.actor.name)

    def _search(
        self, m: Mention, origin: Mention, persons: list[Mention], barred: set[str]
    ) -> Mention | None:
        if not (_definite(origin) or m.pronoun) or _someone_else(origin):
            return None  # "a governor", "the next president": no one referred to
        if not m.pronoun and _predicate(origin):
            return None  # "if he is the nominee": said of someone, not referring to him
        want = _gender(m) if m.pronoun else _gender(origin)
        allowed = [
            c
            for c in reversed(persons)  # nearest first
            if c.actor.name not in barred and _fits(want, c) and not _other_country(origin, c)
        ]
        role = _role(origin)
        if role is not None:
            found = next((c for c in allowed if _role(c) == role and _titled(c)), None)
            if found is not None:
                return found
        if _office(origin) or not _definite(origin) or m.pronoun:
            return None  # an office holder is often someone not named before
        recent = [c for c in allowed if origin.sentence - c.sentence <= RECENT]
        # a person named before it in its own sentence, not as its subject ("would back
        # Holt if the businessman wins": Holt); else the first subject of the nearest
        # sentence before, as a writer varies the name of whom the story is about; else
        # the nearest person ("Holt met Ames. The Ohio Republican and the New York
        # businessman ...": Holt, then Ames)
        same = [c for c in recent if c.sentence == origin.sentence]
        subjects = sorted(
            (c for c in recent if c.sentence < origin.sentence and c.subject and not _possessor(c)),
            key=lambda c: (-c.sentence, c.head),
        )
        return next(iter(same + subjects + recent), None)

    def name(self, actor: Actor | None) -> Actor | None:
        """``actor`` with the identity of the person its role stands for, its own words and
        offsets kept; else ``actor`` itself."""
        if actor is None:
            return None
        found = self.by_span.get((actor.start, actor.end))
        if found is None:
            return actor
        return replace(found, text=actor.text, start=actor.start, end=actor.end, how="coref")


def _name_after(role: Mention, nxt: Mention | None) -> Mention | None:
    """The name right after a role phrase that the parser cut off from it, when the two
    share their verb: a run of titles before a name ("Former Secretary of State and
    presidential frontrunner Ann Holt is calling ...", parsed as two subjects)."""
    if nxt is None or nxt.doc is not role.doc or nxt.tokens[0] != role.tokens[1]:
        return None
    if nxt.pronoun or _possessor(nxt) or not 0 <= nxt.head < len(nxt.doc):
        return None
    a, b = role.doc[role.head], nxt.doc[nxt.head]
    return nxt if b.head.i in (a.i, a.head.i) or a.head.i == b.i else None


def _titled(m: Mention) -> bool:
    """The role is said of the named person itself: a title before the name ("Gov. Holt")
    or a phrase beside it ("Holt, the governor of Ohio"), not a word of something else in
    a garbled phrase ("Holt, Ames wage delegate warfare")."""
    word = (m.coded.role or "").split()[-1:] if m.coded is not None else []
    if not word or not 0 <= m.head < len(m.doc):
        return False
    head = m.doc[m.head]
    if head.pos_ != "PROPN":
        return False  # the phrase's head is no name
    for i in range(*m.tokens):
        tok = m.doc[i]
        if tok.lower_.rstrip(".") != word[0]:
            continue
        if tok.head.i == head.i and tok.i != head.i:
            return True
        if tok.head.dep_ == "appos" and tok.head.head.i == head.i:
            return True  # "Holt, the former governor": governor is the apposition's head
        if tok.dep_ == "appos" and tok.head.i == head.i:
            return True
    return False


PREDICATE_DEPS = frozenset({"attr", "oprd", "appos", "acomp"})


def _predicate(m: Mention) -> bool:
    """A noun said of someone ("he is the nominee", "became the candidate")."""
    return 0 <= m.head < len(m.doc) and m.doc[m.head].dep_ in PREDICATE_DEPS


def _possessor(m: Mention) -> bool:
    """A possessor the parser took for a subject ("Holt's plan fails": not Holt acting)."""
    if not 0 <= m.head < len(m.doc):
        return False
    return any(c.dep_ == "case" for c in m.doc[m.head].children)


def _other_country(origin: Mention, cand: Mention) -> bool:
    a, b = origin.actor.country, cand.actor.country
    return bool(a and b and a != b)

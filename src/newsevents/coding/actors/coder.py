"""Code one noun phrase ("Turkish Foreign Minister Mevlut Cavusoglu") to an actor.

The phrase is tokenised, dictionary phrases are tagged longest-first (places, named actors,
role nouns), and the tagged words are cut into segments at commas and prepositions. The
head segment decides: a role noun gives the sector and the country or group *before* it
gives the country ("US envoy for Afghanistan" is American), which is why roles beat
stale name lists. A following appositive (", Zalmay Khalilzad") gives the person's name.

A coder made with ``dictionaries_only=True`` (the PETRARCH-style baseline of
coding.coder_mode) instead looks the whole phrase up in the Phoenix lists alone.
"""

from __future__ import annotations

from dataclasses import replace

from newsevents.coding.actors.compose import Composer
from newsevents.coding.actors.dictionaries import Dictionaries
from newsevents.coding.actors.lexicon import DICTIONARY_VERSION, Entry
from newsevents.coding.actors.types import (
    DEFINITE,
    PREPS,
    Coded,
    CompoundActor,
    Tok,
    Unit,
    drop_acronyms,
    tokenize,
)
from newsevents.config import current
from newsevents.models import Actor

__all__ = ["ActorCoder", "CompoundActor", "Coded", "DICTIONARY_VERSION"]

MEMO_SIZE = 20_000  # memoised phrases per coder before the memo starts afresh


class ActorCoder:
    """Code noun phrases to actors with the shipped dictionaries and user files.

    ``user_files`` (and those of the ``actor_files`` setting, ``$NEWSEVENTS_ACTORS``) are TSV
    dictionaries in the format of docs/dictionaries.md; their entries win over the shipped
    ones. ``dictionaries_only`` (default: the ``coder_mode`` setting) makes the baseline coder:
    the Phoenix lists alone, whole phrases only (:meth:`_code_exact`).
    """

    version = DICTIONARY_VERSION

    def __init__(
        self, user_files: list | None = None, dictionaries_only: bool | None = None
    ) -> None:
        self.dictionaries_only = (
            current().dictionaries_only if dictionaries_only is None else dictionaries_only
        )
        self.dicts = Dictionaries(user_files, self.dictionaries_only)
        self._memo: dict[tuple, Coded | None] = {}

    # -- public -------------------------------------------------------------------------
    def code(self, text: str, date: str | None = None) -> Actor | None:
        """Code a bare noun phrase; ``date`` (ISO) selects dated dictionary entries."""
        coded = self.code_phrase(text, date)
        return coded.actor if coded else None

    def code_phrase(
        self,
        text: str,
        date: str | None = None,
        persons: list[tuple[int, int]] | None = None,
        told: tuple[str, ...] = (),
    ) -> Coded | None:
        """Code ``text``; ``persons`` are (start, end) offsets of names a parser found;
        ``told``: lower-case surnames of persons the article named before, which name those
        persons, not the lists' persons of that surname, before a role ("Kim spokesman").

        Results are memoised (news repeats its phrases); each call gets its own copy.
        """
        key = (text, date, tuple(persons or ()), told)
        if key in self._memo:
            return _copy(self._memo[key])
        toks = tokenize(text)
        coded = None
        if toks and self.dictionaries_only:
            coded = self._code_exact(text, toks, date)
        elif toks:
            units = self._tag(toks, strict_case=not text.islower(), persons=persons or [])
            coded = Composer(self.dicts, text, units, date, frozenset(told)).compose()
            _sector_not_country(coded)
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = coded
        return _copy(coded)

    def _code_exact(self, text: str, toks: list[Tok], date: str | None) -> Coded | None:
        """The baseline: the phrase (less a leading "the") is a Phoenix country or actor
        name, or no actor. No roles, no partial matches, so "Turkish Foreign Minister Mevlut
        Cavusoglu" stays uncoded unless the list has that very phrase."""
        definite = toks[0].key in DEFINITE
        if toks[0].key == "the" and len(toks) > 1:
            toks = toks[1:]
        entry = self.dicts.exact(tuple(t.key for t in toks))
        if entry is None or not self.dicts.case_ok(toks, entry, strict=not text.islower()):
            return None
        if entry.kind == "entity":
            composer = Composer(self.dicts, text, [Unit(toks)], date)
            return composer.entity_actor(Unit(toks, entry), definite)
        name = " ".join(t.text for t in toks)
        country = entry.country
        actor = Actor(name, country, None, country, country.lower(), text, how="country")
        return Coded(actor, "country", False, definite, entry.plural)

    # -- tagging ------------------------------------------------------------------------
    def _tag(self, toks: list[Tok], strict_case: bool, persons: list[tuple[int, int]]) -> list:
        units: list[Unit] = []
        i = 0
        keys = [t.key for t in toks]
        while i < len(toks):
            best = self.dicts.lookup(keys, i, toks, strict_case)
            if best and best[1].surname and not _alone_in_name(toks[i], persons):
                best = None  # a bare surname counts only as the whole of a parser-found name
            if best:
                units.extend(self._split_title(toks[i : i + best[0]], best[1]))
                i += best[0]
            else:
                units.append(Unit([toks[i]]))
                i += 1
        for u in units:
            u.person = any(s <= u.toks[0].start < e for s, e in persons)
        return drop_acronyms(units)

    def _split_title(self, toks: list[Tok], entry: Entry) -> list[Unit]:
        """A list entry that starts with a title ("King Abdullah") is a role and a name, so
        the article's country before the title still decides."""
        if entry.kind == "entity" and len(toks) > 1:
            for m in (3, 2, 1):
                # "Department of State" names a body: what follows a title is a name, and
                # a name does not start with a preposition ("of State")
                if m < len(toks) and toks[m].key not in PREPS:
                    role = self.dicts.exact(tuple(t.key for t in toks[:m]))
                    if role is not None and role.kind == "role":
                        return [Unit(toks[:m], role), Unit(toks[m:], entry)]
        return [Unit(toks, entry)]

    def knows(self, key: str) -> bool:
        """Whether some dictionary phrase starts with this word (a cheap pre-filter)."""
        return self.dicts.knows(key)


def _alone_in_name(tok: Tok, persons: list[tuple[int, int]]) -> bool:
    """The token is the whole person name the parser found ("Lavrov", not "Edward L. Kane")."""
    end = tok.start + len(tok.text)
    return any(s == tok.start and e == end for s, e in persons)


def _copy(coded: Coded | None) -> Coded | None:
    """A copy callers may change (find_actors sets offsets on the actor)."""
    if coded is None:
        return None
    actor = replace(coded.actor)
    if isinstance(actor, CompoundActor):
        actor.members = [replace(m) for m in coded.actor.members]
    return replace(coded, actor=actor)


# Codes the Phoenix country list files some names under that are kinds, not countries
# ("Chevron" MNC, "Unocal" MNC, an NGO database): the actor has that sector and no country.
SECTOR_CODES = frozenset({"MNC", "NGO", "MED", "IGO", "IMG"})


def _sector_not_country(coded: Coded | None) -> None:
    if coded is None or coded.actor.country not in SECTOR_CODES:
        return
    a = coded.actor
    a.sector, a.country = a.sector or a.country, None
    if a.how == "country":
        a.how = "dictionary"  # a listed name, no place
    coded.kind = "entity"

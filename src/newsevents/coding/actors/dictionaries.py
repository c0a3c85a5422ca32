"""The dictionaries one coder consults: the shipped lexicon (or the Phoenix lists alone),
user dictionaries laid over it, and the word lists of the composition rules.

:func:`base_lexicon` assembles the shipped lexicon from the builders of
:mod:`~newsevents.coding.actors.lexicon` and newsevents' own user-format file, through the
pickle cache. :class:`Dictionaries` answers the look-ups of the tagger and the composer.
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Mapping

from newsevents.coding.actors import lexicon as _lexicon_module
from newsevents.coding.actors import userdict as _userdict_module
from newsevents.coding.actors.lexicon import (
    Entry,
    Lexicon,
    add_countries,
    add_phoenix_entities,
    add_roles,
)
from newsevents.coding.actors.types import Tok
from newsevents.coding.actors.userdict import add_user_file, user_lexicon, user_paths
from newsevents.coding.cache import cached, code_version
from newsevents.data import data_path, load_lines, load_tsv

# the cache is rebuilt when the builders or the user-file reader change
CODE_VERSION = (
    code_version(__file__)
    + code_version(_lexicon_module.__file__)
    + code_version(_userdict_module.__file__)
)


@functools.lru_cache(maxsize=1)
def base_lexicon() -> Lexicon:
    """The shipped dictionaries: from the pickle cache, else built (~1 s) and cached."""
    folder = data_path("actors")
    sources = sorted(folder.glob("*.tsv")) + sorted(folder.glob("*.txt"))
    return cached("actors", sources, _build_base, CODE_VERSION, _valid)


def _valid(value: object) -> bool:
    return (
        isinstance(value, Lexicon)
        and isinstance(getattr(value, "lengths", None), dict)
        and isinstance(getattr(value, "phrases", None), PackedPhrases)
    )


def _build_base() -> Lexicon:
    lex = Lexicon()
    add_countries(lex)
    add_roles(lex)
    add_phoenix_entities(lex)
    add_user_file(lex, data_path("actors/newsevents_actors.tsv"), 80, "newsevents")
    lex = lex.build()
    lex.phrases = PackedPhrases(lex.phrases)  # type: ignore[assignment]
    return lex


class PackedPhrases(Mapping):
    """The shipped lexicon's phrases as the cache keeps them: the phrases of each first word
    pickled apart and unpickled at the first look-up of that word. Unpickling all 52,000
    phrases with their entries and actors was most of the lexicon's ~0.15 s load at every
    start; an article looks up a few hundred first words. Same answers as the dict it
    packs (``tests/coding/test_cache.py``)."""

    def __init__(self, phrases: Mapping[tuple[str, ...], Entry]) -> None:
        groups: dict[str, dict[tuple[str, ...], Entry]] = {}
        for words, entry in phrases.items():
            groups.setdefault(words[0], {})[words] = entry
        self._packed = {
            first: pickle.dumps(group, protocol=pickle.HIGHEST_PROTOCOL)
            for first, group in groups.items()
        }
        self._len = len(phrases)
        self._open: dict[str, dict[tuple[str, ...], Entry]] = {}

    def __getstate__(self) -> dict:
        return {"_packed": self._packed, "_len": self._len}

    def __setstate__(self, state: dict) -> None:
        self._packed, self._len, self._open = state["_packed"], state["_len"], {}

    def _group(self, first: str) -> dict[tuple[str, ...], Entry]:
        group = self._open.get(first)
        if group is None:
            blob = self._packed.get(first)
            group = self._open[first] = pickle.loads(blob) if blob is not None else {}
        return group

    def get(self, words: tuple[str, ...], default: Entry | None = None) -> Entry | None:
        return self._group(words[0]).get(words, default) if words else default

    def __getitem__(self, words: tuple[str, ...]) -> Entry:
        if not words:
            raise KeyError(words)
        return self._group(words[0])[words]

    def __contains__(self, words: object) -> bool:
        return isinstance(words, tuple) and bool(words) and words in self._group(words[0])

    def __iter__(self):
        for first in self._packed:
            yield from self._group(first)

    def __len__(self) -> int:
        return self._len


@functools.lru_cache(maxsize=1)
def phoenix_lexicon() -> Lexicon:
    """The converted Phoenix country and actor lists alone, for the dictionaries-only
    baseline (coding.coder_mode): no roles, no other country names or capitals, no
    surnames, no newsevents additions."""
    lex = Lexicon()
    for row in load_tsv("actors/phoenix_countries.tsv"):
        lex.add(tuple(row["pattern"].split()), Entry("country", country=row["country"]), 50)
    add_phoenix_entities(lex, surnames=False)
    return lex.build()


class Dictionaries:
    """Phrase look-ups over the shipped lexicon and user dictionaries (user entries win),
    and the word lists the composition rules read."""

    def __init__(self, user_files: list | None = None, dictionaries_only: bool = False) -> None:
        self.base = phoenix_lexicon() if dictionaries_only else base_lexicon()
        paths = user_paths(user_files)
        self.user: Lexicon | None = user_lexicon(paths) if paths else None
        self.stop = frozenset(load_lines("actors/name_stopwords.txt"))
        self.not_heads = frozenset(load_lines("actors/not_actor_heads.txt"))
        self.bare_roles = frozenset(load_lines("actors/bare_roles.txt"))

    def lookup(self, keys: list[str], i: int, toks: list[Tok], strict: bool):
        """Longest dictionary phrase starting at word ``i``: (length, entry) or None.
        User dictionaries win over shipped ones for the same phrase."""
        if self.user is None:
            lexicons = [self.base]
            lengths = self.base.lengths.get(keys[i], ())  # unique, longest first
        else:
            lexicons = [self.user, self.base]
            lengths = sorted(
                {n for lex in lexicons for n in lex.lengths.get(keys[i], ())}, reverse=True
            )
        for n in lengths:
            if i + n > len(keys):
                continue
            words = tuple(keys[i : i + n])
            for lex in lexicons:
                entry = lex.phrases.get(words)
                if entry is not None and self.case_ok(toks[i : i + n], entry, strict):
                    return n, entry
        return None

    def exact(self, words: tuple[str, ...]) -> Entry | None:
        """The entry of exactly this phrase (user dictionaries first), or None."""
        if self.user is not None and words in self.user.phrases:
            return self.user.phrases[words]
        return self.base.phrases.get(words)

    def knows(self, key: str) -> bool:
        """Whether some dictionary phrase starts with this word (a cheap pre-filter)."""
        return key in self.base.lengths or (self.user is not None and key in self.user.lengths)

    @staticmethod
    def case_ok(toks: list[Tok], entry: Entry, strict: bool) -> bool:
        """Names must look like names: "US" is a country, "us" a pronoun."""
        first = toks[0].text
        if len(toks) == 1 and len(toks[0].key) <= 3 and entry.kind != "role":
            return first.replace(".", "").isupper()
        if strict and entry.kind != "role":  # "al Qaeda" has a capital, "force" none
            return any(t.text[:1].isupper() or t.text[:1].isdigit() for t in toks)
        return True

"""Types shared by the actor coder: tokens, tagged units, coded phrases, compound actors,
mentions, and the word sets several of its modules read (pronouns, prepositions)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from newsevents.coding.actors.lexicon import Entry
from newsevents.models import Actor

TOKEN_RE = re.compile(r"\d[\d,.]*\d|\w[\w.'’&-]*\w\.?|\w\.?|[,;:()]")
PREPS = frozenset({"for", "of", "to", "in", "at", "from", "on", "with", "by", "about", "against"})
PREPS |= {"over", "under", "between", "among", "during", "after", "before", "who", "which"}
PREPS |= {"that", "including", "into", "near", "as"}
OWN_PREPS = frozenset({"of", "for", "from"})  # "president of X", "envoy for X": X gives the country
CONJ = frozenset({"and", "or", "&"})
NAME_PREFIX_RE = re.compile(r"(al|el|ad|ar|as|ash|at|az|bin|ben|abu|de|di|da|du|van|von)-[A-Z]")
AFFIX_WORDS = frozenset({"led", "backed", "based", "allied", "aligned", "run", "owned"})
# Phrases that may refer back: "the official", "his government".
DEFINITE = frozenset({"the", "this", "that", "these", "those", "his", "her", "its", "their"})
PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le", "du"})
PERSON_PRONOUNS = frozenset({"he", "him", "she", "her"})
GROUP_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})  # a country or organisation: "Norway said it would ..."
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS
POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they"}


@dataclass
class CompoundActor(Actor):
    """Several actors named together ("Hungarian and Romanian officials")."""

    members: list[Actor] = field(default_factory=list)


@dataclass
class Coded:
    """An actor and what the phrase was, for in-document reference."""

    actor: Actor
    kind: str  # person, group, country, entity
    named: bool  # the phrase gives a person's name
    definite: bool  # starts with "the"/"this"/"that": may refer back
    plural: bool
    role: str | None = None  # the head role noun ("president"), to match "the president"


@dataclass
class Mention:
    """One actor mention with what coreference needs to know about it."""

    actor: Actor
    coded: Coded | None  # None for pronouns
    doc: Doc
    head: int  # token index of the phrase head in ``doc``
    tokens: tuple[int, int]  # token range [start, end) that refers to this actor
    sentence: int
    subject: bool
    pronoun: str | None = None
    label: str | None = None  # parser label of an unknown name (PERSON, ORG, ...)
    drop: bool = False  # set by reference resolution: not an actor after all


@dataclass
class Tok:
    text: str
    start: int
    key: str

    @property
    def cap(self) -> bool:
        """Capitalised, counting Arabic-style prefixes: "al-Bashir", "el-Sisi"."""
        return self.text[:1].isupper() or bool(NAME_PREFIX_RE.match(self.text))


@dataclass
class Unit:
    """A tagged piece of the phrase: a dictionary entry or a plain word."""

    toks: list[Tok]
    entry: Entry | None = None
    person: bool = False  # inside a person name given by the parser

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.toks)

    @property
    def kind(self) -> str:
        return self.entry.kind if self.entry else "word"


def tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    for m in TOKEN_RE.finditer(text):
        word, start = m.group(), m.start()
        low = word.lower().replace("’", "'")
        head, dash, tail = low.rpartition("-")
        if dash and head and tail in AFFIX_WORDS:  # "Vietnamese-led forces"
            toks.append(Tok(word[: len(head)], start, head.replace(".", "")))
            toks.append(Tok(word[len(head) :], start + len(head), "-" + tail))
            continue
        if low.endswith("'s") and len(word) > 2:  # possessive: "Washington's"
            toks.append(Tok(word[:-2], start, low[:-2].replace(".", "")))
            toks.append(Tok(word[-2:], start + len(word) - 2, "'s"))
            continue
        toks.append(Tok(word, start, low.replace(".", "") if len(low) > 1 else low))
    return toks


def drop_acronyms(units: list[Unit]) -> list[Unit]:
    """ "Palestine Liberation Organization (PLO) Chairman X": the bracketed short form is
    dropped so the phrase reads on."""
    out: list[Unit] = []
    i = 0
    while i < len(units):
        key = units[i].toks[0].key
        if key == "(" and i + 2 < len(units) and units[i + 2].toks[0].key == ")":
            i += 3
            continue
        out.append(units[i])
        i += 1
    return out


def place_units(units: list[Unit]) -> list[Unit]:
    """The units naming a country or a capital."""
    return [u for u in units if u.kind in ("country", "capital")]


def span_text(text: str, units: list[Unit]) -> str:
    """The words of ``units`` as written in ``text``, from the first to the last."""
    start = units[0].toks[0].start
    last = units[-1].toks[-1]
    return text[start : last.start + len(last.text)]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")

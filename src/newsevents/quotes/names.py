"""Canonical speaker names: the longest name the article uses for a person, written clean.

A person's name in running text carries words that are not the name: titles ("Sen.",
"President"), party labels and adjectives ("Republican", "rival"), epithets ("Crooked"), and
the junk of Title Case headlines. The canonical name keeps the first-name-and-surname core
and, among the article's own mentions of that person (outside quotation marks, outside the
headline), the longest one: "Sen. Jane Roe" -> "Jane Roe"; "Roe" -> "Jane Roe" when the
article named her in full; "rival Jane Roe" -> "Jane Roe".
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.coding.gender import census_names, first_name_gender, mention_gender
from newsevents.models import Actor
from newsevents.quotes.lexicon import Lexicon, lexicon

if TYPE_CHECKING:  # spaCy stays unimported for a store that only searches names
    from spacy.tokens import Span

    from newsevents.quotes.tokens import TokenIndex

PARTICLES = frozenset(
    {
        "de",
        "da",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "al",
        "el",
        "bin",
        "ibn",
        "la",
        "le",
        "di",
        "du",
        "st",
        "st.",
    }
)
PREPOSITIONS = frozenset({"for", "of", "at", "from", "with", "to", "in", "on", "by"})
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
INITIAL = re.compile(r"^[A-Z]\.?$|^[A-Z]\.[A-Z]\.?$")
MAX_NAME_WORDS = 5
CONJUNCTIONS = frozenset({"and", "&"})
PRONOUNS = frozenset(
    "i we you he she it they him her us them his its their our who this that".split()
)
NICKNAME = re.compile(r"^[\"\u201c\u2018'][A-Z][\w.-]*[\"\u201d\u2019']$")


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Every first name of the census lists (either sex), lower case."""
    return frozenset(census_names("dist.male.first")) | frozenset(census_names("dist.female.first"))


def _is_initial(word: str) -> bool:
    return bool(INITIAL.match(word))


MARKUP = re.compile(r"^\W*[<>]\W*")  # the end of an HTML tag glued to a name: '">Roe'


def clean_words(
    words: list[str], lex: Lexicon, lower_words: frozenset[str] = frozenset()
) -> list[str]:
    """The name itself out of the words of a person mention.

    Drops determiners, possessive endings, titles, party labels and any leading word that
    is not a name: lower case, a word the article also writes in lower case ("rival"), or
    a word before the first first name ("Crooked Jane Roe": "Jane" is a first name,
    "Crooked" is not)."""
    out = [MARKUP.sub("", w.strip(",;:")) for w in words]  # '">Roe': markup left in the text
    out = [w for w in out if w and w not in ("'s", "\u2019s", "'", "\u2019")]
    out = [re.sub(r"['\u2019]s$", "", w) for w in out]
    if len(out) > 2:  # 'Robert "Bobby" Roe': the quoted nickname is no part of the name
        out = [w for w in out if not NICKNAME.match(w)] or out
    while out and out[-1].lower().rstrip(".") in SUFFIXES and len(out) > 1:
        out.pop()

    def junk(w: str) -> bool:
        low = w.lower().rstrip(".")
        return (
            not any(c.isalpha() for c in w)
            or low in lex.titles
            or w.lower() in lex.titles
            or low in lex.person_roles
            or low in lex.name_junk
            or w[0].islower()
            and low not in PARTICLES
            or low in lower_words
            and low not in first_names()
        )

    while len(out) > 1 and junk(out[0]):
        out.pop(0)
    names = first_names()
    firsts = [i for i, w in enumerate(out[:-1]) if w.lower() in names]
    if firsts and firsts[0] > 0 and not any(_is_initial(w) for w in out[: firsts[0]]):
        out = out[firsts[0] :]  # "Gallant Jane Roe": the name starts at the first name
    return out[-MAX_NAME_WORDS:]


def speaker_query_words(query: str) -> list[str]:
    """Lower-case words a speaker search must find in a name: the query without titles,
    party labels or possessives ("Sen. Roe's" -> ["roe"]); the whole query when nothing
    else is left."""
    words = clean_words(query.split(), lexicon()) or query.split()
    return [w.lower() for w in words] or [query.lower()]


class CanonicalNames:
    """Person names of one article, for turning a speaker into its canonical form."""

    def __init__(self, index: TokenIndex, lex: Lexicon, quoted: list[tuple[int, int]]) -> None:
        self.index = index
        self.lex = lex
        self._quoted = sorted(quoted)
        self._starts = [s for s, _ in self._quoted]
        text = index.parsed.article.text
        self.lower_words = (
            frozenset(w for w in re.findall(r"(?<![\w.])[a-z][a-z]+(?![\w])", text)) - PARTICLES
        )
        self.forms: Counter[tuple[str, ...]] = Counter()  # cleaned body mentions
        self.title_forms: Counter[tuple[str, ...]] = Counter()
        self.sexes: dict[str, set[str]] = {}  # surname -> sexes its body mentions tell
        headline = self._headline_end(text)
        for offset, doc in index.parsed.chunks:
            for ent in doc.ents:
                if ent.label_ != "PERSON":
                    continue
                start = offset + ent.start_char
                if self._in_quote(start):
                    continue
                words = tuple(self.clean(ent))
                if not words or any(w.lower() in CONJUNCTIONS for w in words):
                    continue  # "Jo and Sam Roe" names two people, not a longer Sam Roe
                (self.title_forms if start < headline else self.forms)[words] += 1
                if start >= headline:
                    sex = mention_gender(ent[-1])
                    if sex:  # "Mr. Roe" and "Jane Roe": the body names two people Roe
                        self.sexes.setdefault(words[-1].lower(), set()).add(sex)

    def _headline_end(self, text: str) -> int:
        title = (self.index.parsed.article.title or "").strip()
        first = text.split("\n", 1)[0]
        if title and first.strip().rstrip(".") == title.rstrip("."):
            return len(first)
        return 0

    def _in_quote(self, offset: int) -> bool:
        k = bisect_right(self._starts, offset) - 1
        return k >= 0 and offset < self._quoted[k][1]

    def clean(self, span: Span | list[str]) -> list[str]:
        words = list(span) if isinstance(span, list) else span.text.split()
        return clean_words(words, self.lex, self.lower_words)

    def canonical(self, name: str) -> str:
        """The longest name of the article for the person ``name`` names; a name no
        person of the article ends with (an organisation) loses only its determiners."""
        raw = [w for w in name.split() if w]
        while len(raw) > 1 and raw[-1].lower().rstrip(".,") in {x.rstrip(".") for x in SUFFIXES}:
            raw = raw[:-1]  # "Joseph R. Roe Jr.": the surname is Roe
        surname = re.sub(r"['\u2019]s$", "", raw[-1]).lower() if raw else ""
        body = [f for f in self.forms if f[-1].lower() == surname]
        heads = [f for f in self.title_forms if f[-1].lower() == surname]
        if not body and not heads:
            words = raw
            while len(words) > 1 and words[0].lower() in ("the", "a", "an"):
                words = words[1:]
            return " ".join(words)
        words = self.clean(raw)
        if not words:
            return name
        first = words[0].lower() if len(words) > 1 else None
        for pool, cands in ((self.forms, body), (self.title_forms, heads)):
            full = [f for f in cands if len(f) > 1]
            if not full:
                continue
            same = [f for f in full if first is None or f[0].lower() == first]
            if not same and tuple(words) not in pool:
                # a form the body never wrote (a headline's, a dictionary's): the body's
                # name, unless the body names people of both sexes by that surname and the
                # first name does not tell which ("Barack Obama" is not the body's "Michelle
                # Obama" where it writes him only as "Mr. Obama")
                same = [f for f in full if self._same_sex(first, f[0], surname)]
            if len({f[0].lower() for f in same}) != 1:
                break  # none, or two people of that surname: keep what was written
            pick = max(same, key=lambda f: (len(f), pool[f]))
            if len(pick) >= len(words) or tuple(words) not in pool:
                return " ".join(pick)
            break
        return " ".join(words)

    def _same_sex(self, first: str | None, other: str, surname: str) -> bool:
        mine = first_name_gender(first) if first else None
        theirs = first_name_gender(other)
        if mine and theirs:
            return mine == theirs
        return len(self.sexes.get(surname, ())) < 2

    def _description(self, name: str) -> bool:
        """Words of a phrase, not a name: "spokesperson for the Red Cross"."""
        words = name.split()
        caps = [i for i, w in enumerate(words) if w[:1].isupper()]
        if any(w.lower() in PREPOSITIONS for w in words):
            return True  # "spokesman for Jane Roe" is not Jane Roe
        return bool(caps) and any(_plain(w, self.lex) for w in words[caps[0] :])

    def speaker(self, actor: Actor | None) -> Actor | None:
        """``actor`` with its canonical name when it is a person (or reads like a name)."""
        if actor is None or not actor.name:
            return actor
        actor = _without_prefix(actor)
        owner, sep, owned = actor.name.partition("'s ")
        if sep and actor.how == "quote-owner" and _looks_like_person(owner):
            # "Rival Jane Roe's lawyer": the owner's canonical name, the role as written
            return replace(actor, name=f"{self.canonical(owner)}'s {owned}")
        words = actor.name.split()
        ands = [i for i, w in enumerate(words[1:-1], 1) if w.lower() in CONJUNCTIONS]
        if (
            ands
            and words[ands[-1] - 1].lower() in first_names()
            and words[ands[-1] + 1] in (actor.text or "").split()
        ):
            # "Jo and Sam Roe" found for the words "Sam Roe's brief": the one they name
            actor = replace(actor, name=" ".join(words[ands[-1] + 1 :]))
        if not _looks_like_person(actor.name) or self._description(actor.name):
            return actor
        name = self.canonical(actor.name)
        return actor if name == actor.name else replace(actor, name=name)

    def written_names(
        self, speakers: list[Actor | None], mentions: list[Actor]
    ) -> list[Actor | None]:
        """A coded actor whose dictionary name the article never writes and that lacks a
        word of the article's own name for it is named as the article names it: "the FBI
        said" stays "FBI" when the article never spells "Federal Bureau of Investigation",
        and "Republicans said" stays "Republicans" rather than the dictionary's party label
        (the longest name the article uses for it is the one at hand). The article's name is
        the actor's mention inside the speaker's words, else (for "it", "they") the nearest
        mention of the same actor before it, else after it; a dictionary name that holds
        every word of the written one but titles ("Mr. Roe" for "Jane Roe") stays."""
        text = self.index.parsed.article.text.lower()
        by_id: dict[str, list[Actor]] = {}
        for m in mentions:
            if m.id and m.start is not None and _written_form(m.text):
                by_id.setdefault(m.id, []).append(m)
        out: list[Actor | None] = []
        for a in speakers:
            if a is None or not a.id or a.id not in by_id or a.name.lower() in text:
                out.append(a)
                continue
            if a.how == "quote-owner":  # "Jane Roe's aides": named through the owner
                out.append(a)
                continue
            form = _article_form(a, by_id[a.id])
            words = _name_words(" ".join(self.clean(form.split()))) if form else set()
            if words and not words <= _name_words(a.name):
                a = replace(a, name=form)
            out.append(a)
        return out


# what the text glued before a speaker's words: a dateline ("DOVER - European leaders",
# "DOVER, May 2 -- the mayor") or the end of an HTML tag ('">Roe')
PREFIX = re.compile(
    r"^(?:[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*(?:,[^-\u2014]{0,20})? (?:-|--|\u2014|\u2013) "
    r"|[^>]*[\"=][^>]*>|\W*>)"
)


def _without_prefix(actor: Actor) -> Actor:
    found = PREFIX.match(actor.name)
    rest = actor.name[found.end() :].strip() if found else ""
    if not found or not rest[:1].isalpha():
        return actor
    text, start = actor.text, actor.start
    if text and start is not None and text.startswith(found.group(0)):
        cut = len(text) - len(text[found.end() :].lstrip())
        text, start = text[cut:], start + cut
    return replace(actor, name=rest, text=text, start=start)


def _name_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", name.lower().replace(".", "")) if len(w) >= 2}


def _written_form(words: str | None) -> str:
    """A mention's words as a name ("the FBI's" -> "FBI"), or "" for a pronoun or a
    description ("some of them", "a group of donors")."""
    out = [w for w in (words or "").split() if w]
    while out and out[0].lower() in ("the", "a", "an"):
        out = out[1:]
    if out:
        out[-1] = re.sub(r"['\u2019]s?$", "", out[-1])
    if not out or len(out) > MAX_NAME_WORDS or not all(w[:1].isupper() for w in out if w):
        return ""
    if len(out) == 1 and out[0].lower() in PRONOUNS:
        return ""  # "He", "It" opening a sentence
    return " ".join(w for w in out if w)


def _article_form(a: Actor, mentions: list[Actor]) -> str:
    start = a.start if a.start is not None else -1
    end = a.end if a.end is not None else start
    inside = [m for m in mentions if start <= (m.start or 0) and (m.end or 0) <= end]
    if inside:
        return _written_form(max(inside, key=lambda m: (m.end or 0) - (m.start or 0)).text)
    before = [m for m in mentions if (m.end or 0) <= start]
    if before:
        return _written_form(before[-1].text)
    return _written_form(mentions[0].text) if mentions else ""


def _plain(word: str, lex: Lexicon) -> bool:
    low = word.lower().rstrip(".")
    return word[:1].islower() and low not in lex.name_junk and low not in PARTICLES


def _looks_like_person(name: str) -> bool:
    """A capitalised name of a few words (not a lower-case description like "experts")."""
    words = name.split()
    return 1 <= len(words) <= MAX_NAME_WORDS + 2 and any(w[:1].isupper() for w in words)

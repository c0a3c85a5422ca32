"""Spanish lexicons (``data/es/``), loaded once, keyed by folded forms.

``fold`` lower-cases, strips accents and reads ``nn`` as ``ñ``, so "Policía", "policia",
"POLICIA" and "mañana"/"mannana" meet the same entry.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from newsevents.data import load_tsv

_NN = re.compile(r"nn")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return _NN.sub("n", text)


@dataclass(frozen=True)
class VerbEntry:
    lemma: str  # folded infinitive
    rest: tuple[str, ...]  # folded words that must follow
    reflexive: bool
    cameo: str
    needs_object: bool = False  # OBJ: only transitive or passive
    main_clause: bool = False  # MAIN: only in a main clause


@functools.lru_cache(maxsize=1)
def verbs() -> dict[str, tuple[VerbEntry, ...]]:
    """Folded infinitive -> entries, longest phrases first."""
    out: dict[str, list[VerbEntry]] = {}
    for row in load_tsv("es/verbs.tsv"):
        raw = row["phrase"].split()
        flags = {w for w in raw if w in ("OBJ", "MAIN")}
        words = [fold(w) for w in raw if w not in flags]
        reflexive = words[0] == "se"
        if reflexive:
            words = words[1:]
        entry = VerbEntry(
            words[0],
            tuple(words[1:]),
            reflexive,
            row["cameo"].strip(),
            needs_object="OBJ" in flags,
            main_clause="MAIN" in flags,
        )
        out.setdefault(entry.lemma, []).append(entry)
    return {k: tuple(sorted(v, key=lambda e: -len(e.rest))) for k, v in out.items()}


def event_participle(word: str) -> bool:
    """Is a word the participle of an event verb ("asesinado", "secuestradas")?"""
    w = fold(word)
    for end, infs in (
        ("ado", ("ar",)),
        ("ada", ("ar",)),
        ("ido", ("er", "ir")),
        ("ida", ("er", "ir")),
    ):
        for suffix in (end, end + "s"):
            if w.endswith(suffix) and any(w[: -len(suffix)] + i in verbs() for i in infs):
                return True
    return False


def de_is_target(words: tuple[str, ...]) -> bool:
    """Is a "de" complement of this event noun its target (the victim)?"""
    return words in _de_targets()


@functools.lru_cache(maxsize=1)
def _de_targets() -> frozenset[tuple[str, ...]]:
    """The event nouns (folded words) whose "de" complement is their target."""
    return frozenset(
        tuple(fold(row["noun"]).split())
        for row in load_tsv("es/nouns.tsv")
        if row["de"].strip() == "target"
    )


@functools.lru_cache(maxsize=1)
def nouns() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Folded first word -> ((folded words...), cameo), longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for row in load_tsv("es/nouns.tsv"):
        words = tuple(fold(row["noun"]).split())
        out.setdefault(words[0], []).append((words, row["cameo"].strip()))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """kind -> folded words (multi-word entries joined by spaces)."""
    out: dict[str, set[str]] = {}
    for row in load_tsv("es/words.tsv"):
        out.setdefault(row["kind"], set()).add(fold(row["word"]))
    return {k: frozenset(v) for k, v in out.items()}


def word_set(kind: str) -> frozenset[str]:
    return words().get(kind, frozenset())


def code_map(kind: str) -> dict[str, str]:
    """A kind of ``words.tsv`` whose entries are "CODE CODE" pairs."""
    return dict(w.split() for w in word_set(kind))


@dataclass(frozen=True)
class Agent:
    words: tuple[str, ...]
    sector: str
    domestic: bool


def _inflections(word: str) -> set[str]:
    """Plural and feminine forms of a singular Spanish noun or adjective (folded)."""
    forms = {word}
    if word.endswith("o"):
        forms |= {word[:-1] + "a", word + "s", word[:-1] + "as"}
    elif word.endswith("e"):  # "presidente", "presidenta", "jefes", "jefas"
        forms |= {word + "s", word[:-1] + "a", word[:-1] + "as"}
    elif word.endswith(("a", "i", "u")):
        forms |= {word + "s", word + "es"}
    elif word.endswith("z"):
        forms |= {word[:-1] + "ces"}
    else:  # consonant: -es, and -a/-as for -or, -es, -an, -ol, -in
        forms |= {word + "es", word + "a", word + "as"}
    return forms


@functools.lru_cache(maxsize=1)
def agents() -> dict[str, tuple[Agent, ...]]:
    """Any inflected form of an agent's first word -> agents (longest first)."""
    out: dict[str, list[Agent]] = {}
    for row in load_tsv("es/agents.tsv"):
        ws = fold(row["noun"]).split()
        agent = Agent(tuple(ws), row["sector"].strip(), row["domestic"].strip() == "yes")
        for form in _inflections(ws[0]):
            out.setdefault(form, []).append(agent)
    return {k: tuple(sorted(v, key=lambda a: -len(a.words))) for k, v in out.items()}


def agent_matches(agent: Agent, folded: list[str]) -> bool:
    """Do the folded words (starting at the agent's first word) spell the agent?"""
    if len(folded) < len(agent.words):
        return False
    return all(
        w == a or w in _inflections(a) for w, a in zip(folded[1:], agent.words[1:], strict=False)
    )


@functools.lru_cache(maxsize=1)
def groups() -> dict[tuple[str, ...], tuple[str | None, str]]:
    """Folded name words -> (country or None, sector)."""
    return {
        tuple(fold(r["name"]).split()): ((r["country"] or "").strip() or None, r["sector"].strip())
        for r in load_tsv("es/groups.tsv")
    }


@functools.lru_cache(maxsize=1)
def countries() -> dict[tuple[str, ...], str]:
    """Folded country name words or demonym -> ISO3: pycountry's Spanish names + data/es."""
    import gettext

    import pycountry

    out: dict[tuple[str, ...], str] = {}
    try:
        es = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
        for c in pycountry.countries:
            for name in {c.name, getattr(c, "common_name", c.name)}:
                local = es.gettext(name)
                short = local.split(",")[0].split("(")[0].strip()
                for form in {local, short}:
                    out.setdefault(tuple(fold(form).split()), c.alpha_3)
    except OSError:  # pycountry without its translations: the data file still covers the rest
        pass
    for row in load_tsv("es/demonyms.tsv"):
        form, iso = fold(row["form"]), row["country"].strip()
        if row["kind"] == "demonym":
            for f in _inflections(form):
                out[(f,)] = iso
        else:
            out[tuple(form.replace(".", " ").split())] = iso
            out[tuple(form.split())] = iso
    return out


@functools.lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Folded demonym forms ("colombianos", "mexicana"): country words written lower-case."""
    return frozenset(
        f
        for row in load_tsv("es/demonyms.tsv")
        if row["kind"] == "demonym"
        for f in _inflections(fold(row["form"]))
    )


@functools.lru_cache(maxsize=1)
def regional_words() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Folded words of one country's administrative units -> its ISO3 codes (regional.tsv)."""
    return {
        tuple(fold(r["word"]).split()): tuple(r["countries"].split())
        for r in load_tsv("es/regional.tsv")
    }


SPANISH_SPEAKING = "AR BO CL CO CR CU DO EC ES GT HN MX NI PA PE PR PY SV UY VE".split()


@functools.lru_cache(maxsize=1)
def subdivisions() -> dict[str, frozenset[str]]:
    """Folded ISO 3166-2 subdivision name -> ISO3 codes, for Spanish-speaking countries (a
    name such as "Córdoba" belongs to several)."""
    import pycountry

    out: dict[str, set[str]] = {}
    for cc in SPANISH_SPEAKING:
        iso3 = pycountry.countries.get(alpha_2=cc).alpha_3
        for sub in pycountry.subdivisions.get(country_code=cc) or ():
            out.setdefault(fold(sub.name), set()).add(iso3)
            out.setdefault(fold(sub.name.split(",")[0].split("(")[0].strip()), set()).add(iso3)
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """Folded place name -> ISO3 of its best-known place: the gazetteer's cities
    (newsevents.places), then unambiguous subdivisions of Spanish-speaking countries."""
    from newsevents.places import gazetteer

    out: dict[str, str] = {}
    for name, country in gazetteer().name_countries().items():
        out.setdefault(fold(name), country)
    for name, isos in subdivisions().items():
        if len(isos) == 1:
            out[name] = next(iter(isos))
    return out


def lexicon_words() -> int:
    """How many entries the Spanish lexicons hold (for `newsevents languages`)."""
    return sum(len(v) for v in verbs().values()) + sum(len(v) for v in nouns().values())

"""Verb and noun lexicons that turn a trigger word into a CAMEO code.

Three layers, most trusted first:
1. ``verbs/core.jsonl`` — curated rows: lemma (+ particle, preposition, object words) -> code.
2. ``verbs/petrarch_patterns.jsonl`` — PETRARCH2 verb patterns (object words, prepositional
   phrases) that refine a code, or code a verb the curated rows do not know.
3. ``verbs/petrarch_verbs.jsonl`` — the default code of a PETRARCH2 verb block.
Event nouns ("talks", "phone call", "sanctions") come from ``verbs/nominal.jsonl``.
In dictionaries-only mode (coding.coder_mode) only layers 2 and 3 code, and no noun does.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from newsevents.coding.coder_mode import dictionaries_only
from newsevents.coding.crosswalk import lookup
from newsevents.coding.events import dated_nouns
from newsevents.coding.events.patterns import (
    block_patterns,
    form_vocabulary,
    pattern_matches,
    petrarch_index,
    token_forms,
)
from newsevents.data import load_jsonl, load_lines, load_tsv
from newsevents.errors import CodingError

# Dependents whose subtrees hold a verb's object or complement.
COMPLEMENT_DEPS = {
    "dobj",
    "obj",
    "attr",
    "oprd",
    "xcomp",
    "prep",
    "dative",
    "acomp",
    "pobj",
    "agent",
}


@dataclass(frozen=True)
class Match:
    code: str
    layer: str  # core, pattern, default, nominal
    specificity: int  # how many conditions the row met
    prep: str | None = None  # the preposition the row required: its object is the target


@functools.lru_cache(maxsize=1)
def core_rows() -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in load_jsonl("verbs/core.jsonl"):
        rows[row["lemma"]].append(row)
    return dict(rows)


@functools.lru_cache(maxsize=1)
def nominal_rows() -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in load_jsonl("verbs/nominal.jsonl"):
        rows[row["noun"]].append(row)
    return dict(rows)


@functools.lru_cache(maxsize=1)
def _light_vocab() -> frozenset[str]:
    """Every verb any nominal row or light-verb list names."""
    words = set(word_set("verbs/light_verbs.txt")) | set(word_set("verbs/happen_verbs.txt"))
    for rows in nominal_rows().values():
        for row in rows:
            words.update(row.get("light") or ())
    return frozenset(words)


@functools.lru_cache(maxsize=8)
def word_set(name: str) -> frozenset[str]:
    return frozenset(load_lines(name))


# Adverbs the parser sometimes tags where they are a verb's particle ("forces pull back").
ADVERB_PARTICLES = {"back", "out", "off", "up", "down", "away"}


def particle_of(verb: Token) -> str | None:
    parts = [
        c.lower_
        for c in verb.children
        if c.dep_ == "prt"
        or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in ADVERB_PARTICLES)
    ]
    return " ".join(parts) or None


def complement_tokens(verb: Token) -> list[Token]:
    """Tokens of the verb's objects and complements, in text order (not its subject)."""
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ in COMPLEMENT_DEPS or (child.dep_ == "ccomp" and child.i > verb.i):
            out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


def near_complement(verb: Token, verb_preps: bool = True) -> list[Token]:
    """The heads of a verb's objects and complements, one content word deep, going one step
    further only through a complement verb ("agreed to hold talks") or a noun's "of"
    ("demanded the release of prisoners"). Object words of curated rows must sit here, so
    that "agreed on rules for the talks" is not an agreement to talk. ``verb_preps=False``
    leaves out the verb's own prepositional objects."""
    out: list[Token] = []

    def heads(tok: Token) -> list[Token]:
        found = []
        for c in tok.children:
            if c.dep_ in {"prep", "agent"}:
                if tok is verb and not verb_preps:
                    continue
                found.extend(p for p in c.children if p.dep_ in {"pobj", "pcomp"})
            elif c.dep_ in COMPLEMENT_DEPS or c.dep_ in {"ccomp", "compound", "amod"}:
                found.append(c)
        return found

    # in the passive the subject is the object ("ammunition was found"), for curated rows only;
    # so is the noun a past participle describes ("shells fired by the rebels")
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in {"NOUN", "PROPN"}:
        passive.append(verb.head)
    if relative_object(verb):
        passive.append(verb.head)  # "the pact she struck with them": a pact struck, no blow
    for h in heads(verb) + passive:
        if h.dep_ in {"compound", "amod"}:
            continue
        out.append(h)
        out.extend(c for c in h.children if c.dep_ in {"compound", "amod", "prt"})
        if h.pos_ in {"VERB", "AUX"} or h.dep_ == "xcomp":
            out.extend(heads(h))
        else:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    out.extend(p for p in c.children if p.dep_ == "pobj")
            out.extend(_held(h))
    return out


RELATIVE_TAGS = {"WDT", "WP"}


def relative_object(verb: Token) -> bool:
    """A relative clause whose noun is the verb's object: "the pact (that) she struck", "the
    pact that was struck"; not its subject ("the rebels that struck"), nor a place or a time
    ("the town where they struck")."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    kids = list(verb.children)
    if any(x.tag_ == "WRB" for x in kids):
        return False
    subj = [x for x in kids if x.dep_ == "nsubj"]
    if any(x.tag_ in RELATIVE_TAGS for x in subj):
        return False
    objs = [x for x in kids if x.dep_ in {"dobj", "obj", "nsubjpass"}]
    if any(x.tag_ not in RELATIVE_TAGS for x in objs):
        return False  # an object of its own: "the day he struck the base"
    return bool(subj) or bool(objs)


def _held(noun: Token) -> list[Token]:
    """What a noun's participle says it holds: "a depot containing weapons", "a truck loaded
    with explosives", "a hideout used to store arms" (the participle's object, its "with"
    object, or its purpose verb's object, with their "of": "a large amount of weapons")."""
    out: list[Token] = []
    for part in noun.children:
        if part.dep_ != "acl" or part.tag_ not in {"VBG", "VBN"}:
            continue
        verbs = [part, *(x for x in part.children if x.dep_ in {"xcomp", "advcl"})]
        for v in verbs:
            for c in v.children:
                if c.dep_ in {"dobj", "obj"}:
                    found = [c]
                elif c.dep_ == "prep" and c.lower_ == "with":
                    found = [p for p in c.children if p.dep_ == "pobj"]
                else:
                    continue
                for f in found:
                    out.append(f)
                    for x in f.children:
                        if x.dep_ == "prep" and x.lower_ == "of":
                            out.extend(p for p in x.children if p.dep_ == "pobj")
    return out


def token_words(tok: Token) -> set[str]:
    return {tok.lower_, tok.lemma_.lower()}


def _core_match(lemma: str, particle: str | None, verb: Token, comp: list[Token]) -> Match | None:
    rows = core_rows().get(lemma, [])
    if not rows and lemma.startswith("re") and len(lemma) > 6:
        rows = core_rows().get(lemma[2:], [])  # "reimposed", "reopened": the verb again
    # a verb with a direct object is about that object, not a place in its "on" phrase:
    # "the troops opened fire on the checkpoint" opens no checkpoint
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    near = near_complement(verb, verb_preps=not has_object)
    comp_words = set().union(*(token_words(t) for t in near)) if near else set()
    preps = {c.lower_ for c in verb.children if c.dep_ in {"prep", "agent"}}
    best: Match | None = None
    if particle and not any(r.get("particle") == particle for r in rows):
        if (lemma, particle) in petrarch_index()[0]:
            return None  # "back down" is not "back": PETRARCH2 knows the phrasal verb
        particle = None  # a particle nobody knows is a parser slip ("kidnapped up to 16")
    for row in rows:
        if (row.get("particle") or None) != particle:
            continue
        spec = 0
        if row.get("prep"):
            if row["prep"] not in preps:
                continue
            spec += 1
        if row.get("obj"):
            if not comp_words.intersection(row["obj"]):
                continue
            spec += 2
        if row.get("particle"):
            spec += 1
        if best is None or spec > best.specificity:
            best = Match(row["code"], "core", spec, row.get("prep"))
    return best


def _pattern_match(
    lemma: str, particle: str | None, verb: Token, comp: list[Token]
) -> tuple[Match | None, Match | None]:
    """(best PETRARCH pattern, PETRARCH block default) for a verb."""
    verbs, _ = petrarch_index()
    blocks = verbs.get((lemma, particle)) or (
        [] if particle is None else verbs.get((lemma, None), [])
    )
    best: Match | None = None
    default: Match | None = None
    if not blocks:
        return best, default
    sent = verb.sent
    before = token_forms(sent.doc[sent.start : verb.i])
    comp_forms = token_forms(comp)
    vocab = form_vocabulary(comp_forms + before)
    for entry in blocks:
        block, code = entry.split("|")
        if code and default is None:
            default = Match(code, "default", 0)
        for pat, required in block_patterns(block):
            if not required <= vocab:  # could_match(pat, vocab), as one subset test
                continue
            score = pattern_matches(pat, verb, comp_forms, before)
            if score and (best is None or score > best.specificity):
                best = Match(pat["code"], "pattern", score)
    return best, default


def base_forms(tok: Token) -> list[str]:
    """The lemma, then guesses from the surface form for when the lemmatizer slips
    ("staged" -> "stag"): staged -> stage, imposed -> impose, talks -> talk."""
    return list(forms_of(tok.lemma_.lower(), tok.lower_))


@functools.lru_cache(maxsize=65_536)
def forms_of(lemma: str, low: str) -> tuple[str, ...]:
    """:func:`base_forms` of a (lowercased lemma, lowercased word) pair (the hot path: cached)."""
    forms = [lemma, low]
    for suffix, repl in (("ied", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("s", "")):
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            forms.append(low[: len(low) - len(suffix)] + repl)
    return tuple(dict.fromkeys(forms))


def verb_lemma(tok: Token) -> str:
    """The first base form the lexicons know, else the lemma."""
    known = {} if dictionaries_only() else core_rows()
    verbs, _ = petrarch_index()
    for form in base_forms(tok):
        if form in known or (form, None) in verbs:
            return form
    return tok.lemma_.lower()


def code_verb(verb: Token) -> Match | None:
    """The CAMEO code a verb token carries in its sentence, or None."""
    lemma = verb_lemma(verb)
    particle = particle_of(verb)
    comp = complement_tokens(verb)
    pattern, default = _pattern_match(lemma, particle, verb, comp)
    if dictionaries_only():  # the PETRARCH2 baseline: its patterns, else the block default
        return pattern or default
    core = _core_match(lemma, particle, verb, comp)
    if core is not None:
        # A PETRARCH pattern may make a curated code more precise within the same PLOVER type.
        if pattern and pattern.code[:2] == core.code[:2] and len(pattern.code) > len(core.code):
            if _plover(pattern.code) == _plover(core.code):
                return Match(pattern.code, "core+pattern", core.specificity + 1, core.prep)
        return core
    if lemma in word_set("verbs/not_triggers.txt"):
        return None
    if particle is None and lemma in word_set("verbs/no_defaults.txt"):
        return pattern  # "took a swipe at": too general a verb for its block's default
    return pattern or default


def _plover(code: str) -> str | None:
    try:
        return lookup(code).plover
    except CodingError:
        return None


def code_noun(noun: Token, governor: Token | None, dated: bool = True) -> Match | None:
    """The CAMEO code of an event noun governed by ``governor`` (a light verb), or None;
    ``dated``: a noun with a time of its own codes with no verb (coding/events/dated_nouns)."""
    if dictionaries_only():
        return None  # PETRARCH2 codes verbs only
    rows = nominal_rows().get(noun.lemma_.lower()) or nominal_rows().get(noun.lower_)
    if not rows and hyphenated(noun) in nominal_rows():
        rows = nominal_rows()[hyphenated(noun) or ""]
    if not rows:
        return _event_noun(noun, governor, dated)
    mods = {c.lemma_.lower() for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}}
    gov = None
    if governor is not None:
        gov = next(
            (f for f in base_forms(governor) if f in _light_vocab()), governor.lemma_.lower()
        )
    light_default = word_set("verbs/light_verbs.txt")
    happening = False  # "the protest took place": any event noun told as happening
    if governor is not None and noun.dep_ == "nsubj":
        light_default = word_set("verbs/happen_verbs.txt")
        gov = gov if gov in light_default else None
        happening = gov is not None
    best: Match | None = None
    for row in rows:
        spec = 0
        if row.get("mod"):
            if not mods.intersection(row["mod"]):
                continue
            spec += 2
        light = row.get("light")
        if gov is not None:
            if light and gov not in light and not happening:
                continue
            if not light and gov not in light_default:
                continue
            spec += 1 if light else 0
        elif not row.get("mod") and not (dated and dated_nouns.tells_event(noun)):
            continue  # a bare noun with no verb is an event only when it says what kind ("phone call")
        if best is None or spec > best.specificity:
            best = Match(row["code"], "nominal", spec)
    return best or _event_noun(noun, governor, dated)


def makes_event_noun(noun: Token, verb: Token) -> bool:
    """Whether ``verb`` done to ``noun`` makes an event of it ("sign" a treaty, "hold" talks,
    "carry out" a raid), whatever the noun's own role in its sentence: the light verbs of its
    nominal rows, or the verbs of doing of the general event nouns."""
    if dictionaries_only():
        return False
    forms = base_forms(verb)
    rows = nominal_rows().get(noun.lemma_.lower()) or nominal_rows().get(noun.lower_) or []
    for row in rows:
        light = row.get("light") or word_set("verbs/light_verbs.txt")
        if any(f in light for f in forms):
            return True
    if event_noun_entry(noun) is None or noun.ent_type_ in {"DATE", "TIME"}:
        return False
    return any(f in word_set("verbs/event_noun_verbs.txt") for f in forms)


BACKDROP_PREPS = {"during", "amid", "amidst"}


def hyphenated(noun: Token) -> str | None:
    """The word a tokenizer split at its hyphen ("hostage - taking" -> "hostage-taking"),
    when the part before the hyphen modifies the noun; else None."""
    i = noun.i
    if i < 2 or noun.doc[i - 1].text != "-" or noun.doc[i - 2].head.i != i:
        return None
    if noun.doc[i - 1].whitespace_ or noun.doc[i - 2].whitespace_:
        return None  # "the attack - a raid": a dash, not a hyphen
    return f"{noun.doc[i - 2].lower_}-{noun.lemma_.lower()}"


@functools.lru_cache(maxsize=1)
def event_nouns() -> dict[str, tuple[str, bool]]:
    """verbs/event_nouns.tsv: noun -> (CAMEO code, may code from a "during/amid" phrase)."""
    return {
        r["noun"]: (r["code"], r["backdrop"] == "yes") for r in load_tsv("verbs/event_nouns.tsv")
    }


def event_noun_entry(noun: Token) -> tuple[str, bool] | None:
    """The event_nouns.tsv row of a noun, by lemma, word or hyphenated compound ("car-bomb")."""
    nouns = event_nouns()
    entry = nouns.get(noun.lemma_.lower()) or nouns.get(noun.lower_)
    return entry if entry is not None else nouns.get(hyphenated(noun) or "")


def _event_noun(noun: Token, governor: Token | None, dated: bool = True) -> Match | None:
    """An event noun of the general list: governed by a verb of doing or happening ("carried
    out an ambush", "clashes erupted"), or a protest or fight framing the sentence ("threw
    stones during the demonstration")."""
    entry = event_noun_entry(noun)
    if entry is None or noun.ent_type_ in {"DATE", "TIME"}:
        return None  # "on March 23" is a day
    code, backdrop = entry
    if governor is None:
        if dated and dated_nouns.tells_event(noun):  # "the March 3 bombing", "Friday's raid"
            return Match(code, "nominal", 0)
        framed = noun.dep_ == "pobj" and noun.head.lower_ in BACKDROP_PREPS
        if backdrop and (framed or _told_by_noun(noun) or _aimed(noun)):
            return Match(code, "nominal", 0)
        return Match(code, "nominal", 0) if _agent_of(noun) is not None else None
    copula = doer_copula(noun)
    if copula is not None and copula.i == governor.i:
        return Match(code, "nominal", 0)  # "the rebels were behind the bombing"
    verbs = word_set("verbs/event_noun_verbs.txt")
    if noun.dep_ == "nsubj":
        verbs = word_set("verbs/happen_verbs.txt")
    if any(f in verbs for f in base_forms(governor)):
        return Match(code, "nominal", 0)
    return None


@functools.lru_cache(maxsize=1)
def doer_phrases() -> frozenset[tuple[str, str]]:
    return frozenset(
        (r["preposition"], r["adjective"] or "") for r in load_tsv("verbs/doer_phrases.tsv")
    )


def doer_copula(noun: Token) -> Token | None:
    """The copula whose subject did the event noun ("the rebels were behind Friday's
    bombing", "the militia is responsible for the attacks": ``verbs/doer_phrases.tsv``), or
    None. Being behind an act is having done it, so the copula carries the noun as a verb
    of doing does, and its subject is the doer."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    prep, head = noun.head, noun.head.head
    adjective = ""
    if head.dep_ == "acomp":
        adjective, head = head.lower_, head.head
    if head.lemma_.lower() != "be" or (prep.lower_, adjective) not in doer_phrases():
        return None
    if any(c.dep_ == "neg" for c in head.children):
        return None  # "the army was not behind the attack": no one's act told
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.tag_ in {"WP", "WDT"} and head.dep_ == "relcl" and head.head.pos_ == "PRON":
        return None  # "hunt down those who were behind it": the doer is not named
    return head


UNDER_VERBS = {"come", "be", "remain", "fall"}  # "came under attack", "was under fire"
LOSS_NOUNS = {"loss", "casualty", "damage", "death", "injury", "wound"}


def _agent_of(noun: Token) -> Token | None:
    """The doer an event noun names in a "by" phrase ("raids by the army", "the arrest of
    the mayor by police"): the noun itself tells the event happened, and who did it."""
    for c in noun.children:
        if c.dep_ in {"prep", "agent"} and c.lower_ == "by":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in {"NOUN", "PROPN", "PRON"}:
                return pobj
    return None


def _aimed(noun: Token) -> bool:
    """A violence or protest noun aimed at someone or something ("attacks on the
    villages", "protests against the law"): the noun tells its event happened."""
    if noun.dep_ not in {"nsubj", "nsubjpass", "ROOT"} or not _common(noun):
        return False  # an argument of its clause, not a detail of another event
    return any(
        c.dep_ == "prep"
        and c.lower_ in {"on", "against"}
        and any(p.dep_ == "pobj" and p.ent_type_ not in {"DATE", "TIME"} for p in c.children)
        for c in noun.children
    )


def _common(noun: Token) -> bool:
    """A common noun, not a name or a date ("in March", "the Spring Offensive")."""
    return noun.pos_ == "NOUN" and noun.ent_type_ not in {"DATE", "EVENT", "WORK_OF_ART"}


def _told_by_noun(noun: Token) -> bool:
    """A violence or protest noun that tells its event by its place in the sentence, with no
    verb of doing: "came under attack", "killed in an ambush", "suffered losses in raids"."""
    head = noun.head
    if not _common(noun):
        return False
    if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.pos_ in {"VERB", "AUX"}:
        return any(f in UNDER_VERBS for f in base_forms(head.head))
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in LOSS_NOUNS:
        return True  # "heavy losses in raids"
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB":
        verb = head.head
        objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
        if verb.tag_ == "VBN" or verb.lemma_.lower() in {"die", "perish"}:
            return True  # "were wounded in the shelling", "died in an ambush"
        return any(o.lemma_.lower() in LOSS_NOUNS for o in objects)
    return False

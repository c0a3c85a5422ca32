"""In-document reference: short names, descriptions and pronouns take an earlier actor.

- a name whose words are all in an earlier person's name ("Khalilzad" after "Zalmay
  Khalilzad") is that person;
- a definite description with a role and no name ("the US official", "the Taliban
  spokesman") is the nearest earlier named person of a compatible country and sector;
- "he"/"she" is a person: a subject earlier in the same sentence, else the subject of the
  previous sentence, else the nearest earlier person; "they"/"them" likewise for groups.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from newsevents.coding.actors.types import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    POSSESSIVES,
    THING_PRONOUNS,
    CompoundActor,
    Mention,
)
from newsevents.coding.gender import PRONOUN_GENDER, actor_gender, compatible, mention_gender
from newsevents.data import load_lines

WINDOW = 6  # sentences a description or pronoun may reach back


def _strip_title(text: str) -> str:
    words = text.split()
    while len(words) > 1 and (words[0].lower() in ("the", "mr", "mr.", "mrs", "mrs.", "ms", "ms.")):
        words = words[1:]
    return " ".join(words)


def _words(name: str) -> set[str]:
    return {w.lower().strip(".,") for w in name.split()}


def _is_person(m: Mention) -> bool:
    return m.coded is not None and m.coded.named


def _is_single_person(m: Mention) -> bool:
    """A named person, or a role phrase for one person ("a senior British minister")."""
    c = m.coded
    return c is not None and (c.named or (c.kind == "person" and not c.plural))


def _is_thing(m: Mention) -> bool:
    """A country, organisation or singular group ("the government")."""
    c = m.coded
    return (
        c is not None and not c.named and not c.plural and c.kind in ("country", "entity", "group")
    )


def _is_group(m: Mention) -> bool:
    if m.coded is None:
        return bool(m.pronoun in GROUP_PRONOUNS and m.actor.country)
    if m.coded.named or m.actor.how == "name":  # an unknown name is no "they"
        return False
    return m.coded.plural or m.coded.kind in ("group", "entity")


def _compatible(desc, cand) -> bool:
    """Same country when the description names one, same sector when it gives one ("the
    Iraqi ambassador" is not an earlier Iraqi whose sector is unknown)."""
    if desc.country and cand.country and desc.country != cand.country:
        return False
    if desc.sector and desc.sector != cand.sector:
        return False
    return bool(cand.country or not desc.country)


def _adopt(m: Mention, source, how: str = "coref") -> None:
    """Give mention ``m`` the identity of ``source`` while keeping its own words and offsets."""
    own = m.actor
    m.actor = replace(source, text=own.text, start=own.start, end=own.end, how=how)
    if own.how == "role" and own.sector and not (source.country or source.sector):
        # "Sen. Holt" after "Holt": the title's office (not a list's namesake's)
        m.actor = replace(m.actor, sector=own.sector, code=own.sector)


def resolve_references(records: list[Mention]) -> None:
    """Resolve, in place and in document order, every mention that refers back.

    Pronouns and descriptions look back over the last ``WINDOW`` sentences only, names over
    an index of earlier persons by word, so a long article stays linear in its mentions.
    """
    recent: list[Mention] = []  # mentions of the last WINDOW sentences, in order
    names = _NameIndex()
    quoted = _Quoted()
    for m in records:
        while recent and m.sentence - recent[0].sentence > WINDOW:
            recent.pop(0)
        # a name inside quotation marks is not what the narration's "he" or "the president"
        # refers to ('"We can rock like Jimi," the president said': not Jimi)
        visible = recent if quoted(m) else [c for c in recent if not quoted(c)]
        if m.pronoun:
            ante = _pronoun_antecedent(m, visible)
            if ante is not None:
                _adopt(m, ante.actor)
            else:
                m.drop = True  # a pronoun with no actor before it names no one
        elif m.coded is not None and m.coded.named:
            ante = _name_antecedent(m, names.candidates(_written_name(m)))
            ante = ante or _misspelt_antecedent(m, names)
            if ante is not None:
                _adopt(m, ante.actor)
            elif m.label not in (None, "PERSON"):
                m.coded.named, m.coded.kind = False, "entity"  # an unknown organisation
        elif m.coded is not None and m.coded.definite and m.coded.kind == "person":
            ante = _description_antecedent(m, visible)
            if ante is not None and not m.coded.plural:
                _adopt(m, ante.actor)
        elif m.coded is not None and m.coded.definite and not m.actor.country:
            ante = _group_antecedent(m, recent)  # "his government", "the ministry"
            if ante is not None and isinstance(ante.actor, CompoundActor):
                _adopt(m, ante.actor)  # "the four foreign ministers": the ones listed before
            elif ante is not None and ante.actor.country:
                a = m.actor
                code = ante.actor.country + (a.sector or "")
                m.actor = replace(a, country=ante.actor.country, code=code, how="coref")
        recent.append(m)
        if _is_person(m):
            names.add(m)
    _resolve_forward(records)


class _Quoted:
    """Whether a mention lies inside quotation marks (the marks of its own parsed text)."""

    def __init__(self) -> None:
        self.ranges: dict[int, list[tuple[int, int]]] = {}
        # each mention's answer: asked again for every mention of the window after it
        self.answers: dict[int, tuple[Mention, bool]] = {}

    def __call__(self, m: Mention) -> bool:
        known = self.answers.get(id(m))
        if known is not None and known[0] is m:
            return known[1]
        answer = self._quoted(m)
        self.answers[id(m)] = (m, answer)
        return answer

    def _quoted(self, m: Mention) -> bool:
        if not 0 <= m.head < len(m.doc):
            return False
        key = id(m.doc)
        if key not in self.ranges:
            from newsevents.quotes.marks import find_quoted_spans  # quotes import this module

            spans = find_quoted_spans(m.doc.text)
            self.ranges[key] = [(q.open_mark, q.outer_end) for q in spans]
        at = m.doc[m.head].idx
        return any(a <= at < b for a, b in self.ranges[key])


class _NameIndex:
    """Named persons in order, by each word of their name."""

    def __init__(self) -> None:
        self.by_word: dict[str, list[Mention]] = {}

    def add(self, m: Mention) -> None:
        for w in _words(m.actor.name):
            self.by_word.setdefault(w, []).append(m)

    def candidates(self, name: str) -> list[Mention]:
        """Earlier persons sharing the rarest word of ``name``, oldest first."""
        lists = [self.by_word.get(w, []) for w in _words(name)]
        return min(lists, key=len) if lists else []


MIN_MISSPELT = 6  # letters: a shorter surname one letter off is another name (Kane, Kaine)


def _misspelt_antecedent(m: Mention, names: _NameIndex) -> Mention | None:
    """A lone surname one letter off the surname of exactly one person named in full before
    ("Brandvold" after "Kari Brandvoll"): a typo for that person's name. Both must be long
    (``MIN_MISSPELT``) and begin alike; two such persons, or a written name that is the whole
    name of someone, leave it alone."""
    if m.label != "PERSON":
        return None
    written = _strip_title(m.actor.text)
    word = written.lower()
    if " " in written or len(word) < MIN_MISSPELT or not written[:1].isupper():
        return None
    found: dict[str, Mention] = {}
    for key, mentions in names.by_word.items():
        if not misspelt(word, key):
            continue
        for cand in mentions:
            parts = cand.actor.name.lower().split()
            if len(parts) >= 2 and parts[-1] == key:
                found[cand.actor.name] = cand
    return next(iter(found.values())) if len(found) == 1 else None


def misspelt(word: str, surname: str) -> bool:
    """``word`` is a typo for ``surname`` (lower case): one letter off, both long, alike at the
    start ("mclenney" for "mcclenney")."""
    if min(len(word), len(surname)) < MIN_MISSPELT or word[:2] != surname[:2]:
        return False
    return abs(len(word) - len(surname)) <= 1 and _one_edit(word, surname)


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter added, dropped, changed or two swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or swapped and a[diff[1]] == b[diff[0]]
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _resolve_forward(records: list[Mention]) -> None:
    """A bare name before its full form (a title line: "Khalilzad heads for Turkey")."""
    later = _NameIndex()
    for m in reversed(records):
        if m.coded is not None and m.coded.named and m.actor.how in ("name", "surname"):
            cands = later.candidates(_written_name(m))
            ante = _name_antecedent(m, list(reversed(cands)))  # nearest after m first
            if ante is not None:
                _adopt(m, ante.actor)
                continue
        if _is_person(m) and m.actor.how != "coref":
            later.add(m)


def _written_name(m: Mention) -> str:
    """What the article wrote counts, not the list's full name for it: "Milosevic" is the
    article's Slobodan Milosevic, not the first Milosevic of the lists."""
    if m.actor.how == "surname":  # "Gov. Kim", the lists' Kim: the article's earlier Kim
        return m.actor.name.split()[-1]
    written = m.label or m.actor.how.startswith("dictionary")
    return _strip_title(m.actor.text) if written else m.actor.name


def _name_antecedent(m: Mention, done: list[Mention]) -> Mention | None:
    """An earlier, longer name holding every word of this one: "Abdullah" after "Abdullah
    Abdullah" is him, whatever a dictionary says about another Abdullah."""
    name = _written_name(m)
    words = _words(name)
    n_words = len(name.split())
    from_role = m.actor.how == "role"
    for cand in reversed(done):
        if not _is_person(cand):
            continue
        if cand.actor.name == m.actor.name:
            if not m.actor.country and cand.actor.country:
                return cand  # "Spokesman Yuri G." after "Soviet ... spokesman Yuri G."
            continue
        if not words <= _words(cand.actor.name) or n_words >= len(cand.actor.name.split()):
            continue
        if from_role and m.actor.country and cand.actor.country != m.actor.country:
            continue  # "Turkish Foreign Minister X" is not the earlier American X
        return cand
    return None


def _description_antecedent(m: Mention, done: list[Mention]) -> Mention | None:
    """ "the president": first the nearest person introduced as a president, then the
    nearest named person of a compatible country and sector."""
    want_person = m.coded.kind == "person"
    if m.coded.role:
        for cand in reversed(done):
            if (
                _is_person(cand)
                and cand.coded.role == m.coded.role
                and _compatible(m.actor, cand.actor)
            ):
                return cand
    for cand in reversed(done):
        if m.sentence - cand.sentence > WINDOW:
            break
        ok = _is_person(cand) if want_person else _is_group(cand)
        if ok and cand.actor.country and _compatible(m.actor, cand.actor):
            if not want_person and not m.actor.country and cand.actor.sector != m.actor.sector:
                continue
            if want_person or not m.actor.country:
                return cand
    if (
        want_person
        and m.coded.role in _referring_roles()
        and not m.actor.country
        and not _qualified(m)
    ):
        # "the candidate": the nearest named person of an earlier sentence (not the subject
        # of its own clause: in "Holt said he spoke with the candidate" Holt is not him)
        for cand in reversed(done):
            if m.sentence - cand.sentence > REFERRING_WINDOW:
                break
            if cand.sentence < m.sentence and cand.coded is not None and cand.coded.named:
                if not (m.actor.country and cand.actor.country != m.actor.country):
                    return cand
    return None


REFERRING_WINDOW = 3  # sentences "the candidate" may reach back to a named person


def _qualified(m: Mention) -> bool:
    """A role with words of its own before it ("the Green candidate", "the presidential
    nominee") says which one it is: not merely the nearest named person."""
    words = [m.doc[i] for i in range(*m.tokens) if i != m.head]
    return any(t.pos_ != "DET" and not t.is_punct for t in words)


@functools.lru_cache(maxsize=1)
def _referring_roles() -> frozenset[str]:
    return frozenset(load_lines("actors/referring_roles.txt"))


def _stem(word: str) -> str:
    word = word.lower().strip(".,'")
    return word[:-3] + "y" if word.endswith("ies") else word.rstrip("s")


def _group_antecedent(m: Mention, done: list[Mention]) -> Mention | None:
    """The country of a description without one: for "his/its/their X" the nearest actor
    with a country, for "the X" the nearest one of the same sector."""
    first = m.actor.text.split()[0].lower()
    if first in POSSESSIVES:  # "his forces": whoever "he" would be
        return _pronoun_antecedent(m, done, POSSESSIVES[first])
    possessive = False
    head = _stem(m.actor.text.split()[-1])
    for cand in reversed(done):  # first an earlier phrase with the same noun: "the embassy"
        if m.sentence - cand.sentence > WINDOW:
            break
        words = cand.actor.text.split() if cand.actor.text else []
        if cand.actor.country and words and _stem(words[-1]) == head and not cand.pronoun:
            return cand
    if m.coded.plural:
        return None  # "the foreign ministers" are not whichever government came last
    for cand in reversed(done):
        if m.sentence - cand.sentence > WINDOW:
            break
        if not cand.actor.country or cand.pronoun and cand.actor.how != "coref":
            continue
        if possessive or (cand.actor.sector == m.actor.sector and cand.actor.sector):
            return cand
    return None


def _gender(m: Mention) -> str | None:
    """ "m", "f" or None (unknown) for a person mention: its own pronoun, else the titles
    and first name around its words, else its actor's name (gender and number rule
    antecedents out, never in)."""
    if m.pronoun:
        return PRONOUN_GENDER.get(m.pronoun)
    if not 0 <= m.head < len(m.doc):
        return None
    return mention_gender(m.doc[m.head]) or actor_gender(m.actor.name, m.actor.text)


def _pronoun_antecedent(
    m: Mention, done: list[Mention], pronoun: str | None = None
) -> Mention | None:
    pronoun = pronoun or m.pronoun
    if pronoun in PERSON_PRONOUNS:

        def fits(cand: Mention) -> bool:
            return _is_single_person(cand) and compatible(pronoun, _gender(cand))

    elif pronoun in THING_PRONOUNS:
        fits = _is_thing
    else:
        fits = _is_group
    same = [c for c in done if c.sentence == m.sentence and c.doc is m.doc and c.head < m.head]
    mates = [c for c in same if _clause_mate(m, c)]
    if mates:  # nor whom that subject stands for ("He praised him": not the "he")
        names = {c.actor.name for c in mates}
        done = [c for c in done if c.actor.name not in names]
        same = [c for c in same if c.actor.name not in names]
    if pronoun in GROUP_PRONOUNS:  # "they": a plural phrase of the sentence first
        for cand in reversed(same):
            if cand.coded is not None and cand.coded.plural and fits(cand):
                return cand
    for cand in reversed(same):
        if cand.subject and fits(cand):
            return cand
    earlier = [c for c in done if c.sentence < m.sentence and m.sentence - c.sentence <= WINDOW]
    prev_sents = sorted({c.sentence for c in earlier}, reverse=True)
    for s in prev_sents[:1]:
        for cand in earlier:
            if cand.sentence == s and cand.subject and fits(cand):
                return cand
    for cand in reversed(same + earlier if not same else same):
        if fits(cand):
            return cand
    for cand in reversed(earlier):
        if fits(cand):
            return cand
    return None


OBJECT_PRONOUN_DEPS = {"dobj", "obj", "dative", "pobj"}


def _clause_mate(m: Mention, cand: Mention) -> bool:
    """A personal pronoun object never stands for the subject of its own verb ("Holt
    endorsed him", "Holt spoke with her": not Holt; "himself" would be)."""
    if not m.pronoun or m.pronoun in POSSESSIVES or not 0 <= m.head < len(m.doc):
        return False
    tok = m.doc[m.head]
    if tok.dep_ not in OBJECT_PRONOUN_DEPS:
        return False
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    subj = cand.doc[cand.head] if 0 <= cand.head < len(cand.doc) else None
    if subj is None or subj.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    for _ in range(4):  # the verb whose subject it shares ("hit the trail, accusing him")
        if subj.head.i == verb.i:
            return True
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            return False
        if verb.dep_ not in {"conj", "advcl", "xcomp"} or verb.head == verb:
            return False
        verb = verb.head
    return False


def possessive_antecedent(records: list[Mention], token) -> Mention | None:
    """The earlier mention a possessive pronoun stands for ("Holt slammed his plan": the
    "he" of "his"), resolved as a pronoun at that place would be. ``records``: the
    article's resolved mentions in document order."""
    pronoun = POSSESSIVES.get(token.lower_)
    if pronoun is None:
        return None
    doc, sent = token.doc, token.sent
    before = [m for m in records if m.doc is not doc or m.head < token.i]
    if not before:
        return None
    here = [m for m in before if m.doc is doc and sent.start <= m.head < sent.end]
    number = here[0].sentence if here else before[-1].sentence + 1
    recent = [m for m in before if number - m.sentence <= WINDOW]
    probe = Mention(before[-1].actor, None, doc, token.i, (token.i, token.i + 1), number, False)
    probe.pronoun = pronoun
    return _pronoun_antecedent(probe, recent)

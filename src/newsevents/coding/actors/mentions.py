"""Actor mentions of one sentence: phrases around nominal heads, coded and tidied.

Every nominal phrase head (a noun or proper noun that is not itself a modifier) gives a
phrase: its left modifiers plus "of/for/from" complements and appositives ("Oslo's
special envoy for the Arctic Ingrid Vale"). Names inside a longer mention of the same
person, and a name and role phrase that a comma separates, become one mention.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsevents.coding.actors.coder import ActorCoder
from newsevents.coding.actors.types import OWN_PREPS, PRONOUNS, Coded, CompoundActor, Mention
from newsevents.data import load_jsonl
from newsevents.models import Actor

NOMINAL = frozenset({"NOUN", "PROPN"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "flat", "det", "nummod", "case"})
SKIP_LABELS = frozenset(
    {"EVENT", "FAC", "LAW", "WORK_OF_ART", "PRODUCT", "DATE", "TIME", "MONEY", "PERCENT"}
    | {"QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"}
)
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
DASHES = frozenset({"--", "—", "–", ":"})  # a dateline or heading ends before these
EXPLETIVE_VERBS = frozenset({"seem", "appear", "remain", "become", "happen", "take", "rain"})
WILLING = frozenset(
    {"willing", "ready", "prepared", "determined", "committed", "able", "unable", "eager"}
    | {"keen", "reluctant", "opposed", "confident", "concerned", "aware", "unwilling"}
)


def _referring(t: Token) -> bool:
    """ "it" refers only as the subject of a verb of doing ("it said", not "it is likely")."""
    if t.lower_ != "it":
        return True
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    head = t.head
    if head.lemma_ == "be":  # "it is willing to" refers, "it is likely that" does not
        return any(c.dep_ == "acomp" and c.lemma_ in WILLING for c in head.children)
    return head.lemma_ not in EXPLETIVE_VERBS


def _balanced(texts: list[str], start: int, end: int) -> int:
    """Cut a phrase before a bracket it does not close: "Kenya (AP" -> "Kenya"."""
    depth, cut = 0, end
    for i in range(start, end):
        if texts[i] == "(":
            if depth == 0:
                cut = i
            depth += 1
        elif texts[i] == ")" and depth:
            depth -= 1
            if depth == 0:
                cut = end
    return cut if depth else end


def _key(t: Token) -> str:
    return t.lower_.replace(".", "")


def _strip_det(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _is_head(t: Token) -> bool:
    if t.pos_ not in NOMINAL:
        return False
    return t.dep_ not in MODIFIER_DEPS or t.head.i == t.i


def _np_range(t: Token, texts: list[str]) -> tuple[int, int]:
    """Token range of the phrase headed by ``t``: its left modifiers and the head."""
    start = t.i
    for child in t.lefts:
        if child.dep_ in ("punct", "cc") and child.i == t.left_edge.i:
            continue
        start = min(start, child.left_edge.i)
    for i in range(t.i - 1, start - 1, -1):  # "Nairobi, Kenya -- The main rebel group"
        if texts[i] in DASHES:
            start = i + 1
            break
    while start < t.i and not any(c.isalnum() for c in texts[start]):  # punctuation
        start += 1
    return start, t.i + 1


def _extended_end(t: Token, depth: int = 0) -> int:
    """End of the phrase with of/for/from complements and appositives ("envoy for X, Y")."""
    end = t.i + 1
    for child in t.rights:
        if child.dep_ == "prep" and child.lower_ in OWN_PREPS and depth < 2:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in NOMINAL:
                    end = max(end, _extended_end(pobj, depth + 1))
                    for conj in pobj.conjuncts:
                        if conj.i > pobj.i:
                            end = max(end, conj.i + 1)
        elif child.dep_ == "appos" and child.pos_ in NOMINAL and depth < 2:
            end = max(end, _extended_end(child, depth + 1))
        elif child.dep_ in ("conj", "relcl", "acl"):
            break  # what follows belongs to another phrase or a clause
    return end


class Ents:
    """The parser's entities and token texts of one chunk, read once: spaCy token access
    costs more than the coding itself."""

    def __init__(self, doc: Doc, coder: ActorCoder | None = None) -> None:
        self.text = doc.text  # Doc.text joins every token on each call: read it once
        self.texts = [t.text for t in doc]
        self.idx = [t.idx for t in doc]
        known = coder.knows if coder is not None else (lambda key: False)
        # a word that may start an actor: a capital or a dictionary phrase's first word
        self.cue = [w[:1].isupper() or known(w.lower().replace(".", "")) for w in self.texts]
        ents = list(doc.ents)
        self.persons = [(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON"]
        self.skip = {i for e in ents if e.label_ in SKIP_LABELS for i in range(e.start, e.end)}
        self.named = {i: e for e in ents if e.label_ in NAME_LABELS for i in range(e.start, e.end)}


def sentence_mentions(
    sent, ents: Ents, coder: ActorCoder, date: str | None, seen: set[str] | None = None
) -> list[Mention]:
    """The actor mentions of one sentence. ``seen``: the words of the persons' names the
    article has named before (:func:`person_words_into`)."""
    span = sent.span
    doc = span.doc
    offset = sent.offset
    persons, skip, named = ents.persons, ents.skip, ents.named
    found: list[Mention] = []
    headline: bool | None = None  # read once, at the first phrase
    for t in span:
        if t.pos_ == "PRON" and t.lower_ in PRONOUNS and t.dep_ != "poss" and _referring(t):
            actor = Actor(t.text, text=t.text, start=offset + t.idx, end=offset + t.idx + len(t))
            found.append(_mention(actor, None, t, (t.i, t.i + 1), sent, t.lower_))
            continue
        if not _is_head(t) or t.i in skip:
            continue
        texts, idx = ents.texts, ents.idx
        start, end = _np_range(t, texts)
        ext = max(end, _extended_end(t))
        if headline is None:
            headline = _title_case(span)
        if headline:
            cut = _headline_verb_cut(t, start)
            if cut is not None:
                start, end, ext = cut
                if start >= end:
                    continue
                t = doc[end - 1]  # "Senator Kim Apologizes": Kim heads the phrase
        ext = _balanced(texts, start, min(ext, span.end))
        if not any(ents.cue[start:ext]):
            continue  # no name and no dictionary word: "the talks", "a number of issues"
        coded, used_end = None, ext
        base = idx[start]
        for stop in dict.fromkeys((ext, end)):  # the extended phrase, else the bare one
            text = ents.text[base : idx[stop - 1] + len(texts[stop - 1])]
            hints = [(s - base, e - base) for s, e in persons if base <= s < base + len(text)]
            coded = coder.code_phrase(text, date, hints, _told(text, hints, seen))
            if coded is not None:
                used_end = stop
                break
        if coded is None:
            found.extend(_modifier_mentions(t, start, sent, coder, date))
            continue
        label = None
        if coded.actor.how == "name":  # an unknown name: only what the parser calls a name
            ent = named.get(t.i)
            if ent is None:
                if not _named_before(coded.actor.name, seen):
                    continue
            else:
                label = ent.label_
        if label is not None:
            if label != "PERSON" and ent.start >= start and ent.end <= ext:
                coded.actor.name = _strip_det(ent.text)
                coded.actor.id = _slug(coded.actor.name)
            if label in ("GPE", "LOC"):
                _place_actor(coded, ent.text)
        actor = coded.actor
        actor.start = offset + base
        actor.end = offset + idx[used_end - 1] + len(texts[used_end - 1])
        actor.text = ents.text[base : actor.end - offset]
        if isinstance(actor, CompoundActor):
            _place_members(actor, doc, start, used_end, offset)
        found.append(_mention(actor, coded, t, (start, end), sent, None))
        found[-1].label = label
    return _merge_appositions(_drop_nested_names(found), coder, date, persons)


NAME_WORDS_MAX = 2  # "Trump", "Donald Trump": the parser's miss of a name told before


def _named_before(name: str, seen: set[str] | None) -> bool:
    """A capitalised word the parser took for no name is the person the article named
    before when it is a word of that person's name: "Trump did rule out" after "Donald
    Trump" (the tagger read it as a noun)."""
    words = [w.lower() for w in _strip_det(name).split()]
    if not seen or not 0 < len(words) <= NAME_WORDS_MAX:
        return False
    # a word of one person's name only: with two persons of that name the parser's miss is
    # no one's ("Linda Marlow ... her husband, Peter Marlow ... Marlow")
    return all(w in seen and f"{w}\x00shared" not in seen for w in words)


def _told(text: str, hints: list[tuple[int, int]], seen: set[str] | None) -> tuple[str, ...]:
    """The one-word person names of a phrase that name a person the article named before:
    the coder reads none of them as the lists' person of that surname ("McConnell
    spokesman Stewart" after "Senator Mitch McConnell" is not the lists' other McConnell)."""
    if not seen:
        return ()
    words = {text[s:e].strip().lower() for s, e in hints}
    return tuple(sorted(w for w in words if w in seen))


def person_words_into(
    found: list[Mention], seen: set[str], owners: dict[str, set[frozenset[str]]]
) -> set[str]:
    """Add to ``seen`` the words of the persons named among ``found``; ``owners`` remembers
    whose names each word is in, and a word of two persons' names (neither name holding
    the other: "Linda Marlow", "Peter Marlow"; not "Donald J. Trump", "Trump") is marked
    shared."""
    for m in found:
        if m.coded is None or not m.coded.named or m.coded.kind != "person":
            continue
        words = [w.lower() for w in (m.actor.name or "").split() if w[:1].isupper()]
        name = frozenset(w.rstrip(".") for w in words)
        for w in (w for w in words if len(w) > 2):
            seen.add(w)
            names = owners.setdefault(w, set())
            if any(not (name <= n or n <= name) for n in names):
                seen.add(f"{w}\x00shared")
            names.add(name)
    return seen


def _title_case(span) -> bool:
    """A headline written in title case ("Senator Blasts Governor Over Budget"): most of its
    longer words capitalised and no verb in lower case, where the parser takes a
    capitalised verb for a name word."""
    if any(t.pos_ in ("VERB", "AUX") and t.text.islower() for t in span):
        return False  # "Senator Bob Marks met Governor Lee": a sentence with its verb
    words = [t.text for t in span if t.is_alpha and len(t.text) >= 4]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


@functools.lru_cache(maxsize=1)
def _event_verbs() -> frozenset[str]:
    """Verb lemmas of the event dictionaries (CAMEO verbs, newsevents' core rows)."""
    rows = load_jsonl("verbs/petrarch_verbs.jsonl") + load_jsonl("verbs/core.jsonl")
    return frozenset(str(r.get("lemma") or "") for r in rows) - {""}


def headline_verb(word: str) -> bool:
    """A capitalised third-person verb form of an event verb ("Blasts", "Endorses",
    "Apologizes"): in a title-case headline, the verb between two names."""
    low = word.lower()
    if not word[:1].isupper() or not low.endswith("s") or len(low) < 4:
        return False
    stems = {low[:-1], low[:-2] if low.endswith("es") else ""}
    if low.endswith("ies"):
        stems.add(low[:-3] + "y")
    return bool(stems & _event_verbs())


def _headline_verb_cut(t: Token, start: int) -> tuple[int, int, int] | None:
    """(start, end, extended end) of a headline phrase less a verb the parser took for a
    name word: "Senator Kim Blasts Governor Lee" is Governor Lee; "Senator Kim Apologizes",
    headed by the verb, is Senator Kim. None when no verb is inside."""
    doc = t.doc
    if headline_verb(t.text) and t.i > start:
        return start, t.i, t.i
    verbs = [i for i in range(start + 1, t.i) if headline_verb(doc[i].text)]
    if not verbs:
        return None
    return verbs[-1] + 1, t.i + 1, max(t.i + 1, _extended_end(t))


def _place_actor(coded: Coded, text: str) -> None:
    """A place the actor lists miss ("Genoa") stands for its country, as in the gazetteer."""
    from newsevents.places.resolve import best_place

    place = best_place(text)
    if place is not None and place.country:
        a = coded.actor
        a.country, a.code, a.id, a.how = (
            place.country,
            place.country,
            place.country.lower(),
            "place",
        )
        coded.kind, coded.named = "country", False


def _modifier_mentions(t: Token, start: int, sent, coder: ActorCoder, date) -> list[Mention]:
    """Countries and organisations modifying a noun that is no actor ("a US offer",
    "U.N. helicopters", "Israeli air raids"): each is a mention of its own."""
    out: list[Mention] = []
    doc, offset = t.doc, sent.offset
    i = start
    while i < t.i:
        tok = doc[i]
        if tok.pos_ not in ("PROPN", "ADJ", "NOUN") or not tok.text[:1].isupper():
            i += 1
            continue
        j = i + 1
        while j < t.i and doc[j].pos_ == "PROPN" and doc[j].ent_iob_ == "I":
            j += 1
        coded = coder.code_phrase(doc[i:j].text, date)
        # "the Holt campaign": a person's name before their own organisation is a mention
        owner = coded is not None and coded.named and tok.pos_ == "PROPN" and _persons_own(t)
        if coded is not None and (
            owner or (coded.kind in ("country", "entity") and coded.actor.how != "name")
        ):
            a = coded.actor
            a.start, a.end = offset + tok.idx, offset + doc[j - 1].idx + len(doc[j - 1])
            a.text = doc[i:j].text
            out.append(_mention(a, coded, doc[j - 1], (i, j), sent, None))
        i = j
    return out


PERSONS_OWN = frozenset({"campaign", "camp"})  # a person's own organisation acts for them


def _persons_own(head: Token) -> bool:
    return head.lemma_.lower() in PERSONS_OWN


def _mention(actor, coded, t: Token, rng, sent, pronoun) -> Mention:
    subject = t.dep_ in ("nsubj", "nsubjpass")
    return Mention(actor, coded, t.doc, t.i, rng, sent.index, subject, pronoun)


def _place_members(actor: CompoundActor, doc: Doc, start: int, end: int, offset: int) -> None:
    """Give each member of a compound the offsets of its word in the phrase."""
    used: set[int] = set()
    for member in actor.members:
        for t in doc[start:end]:
            if t.i not in used and member.text and t.text == member.text.split()[0]:
                used.add(t.i)
                member.start = offset + t.idx
                member.end = member.start + len(member.text)
                break


def _drop_nested_names(found: list[Mention]) -> list[Mention]:
    """Mentions inside a longer one: the person's own name or an appositive role phrase
    ("envoy ..., Zalmay Khalilzad"; "Nadery, spokesman for X") and unknown capitalised
    words ("State" in "Secretary of State") are the long mention: their tokens point to it.
    Countries and groups inside ("envoy for Afghanistan") stay mentions of their own."""
    out: list[Mention] = []
    for m in found:
        inside = [
            o
            for o in found
            if o is not m
            and o.coded is not None
            and o.actor.start <= m.actor.start
            and m.actor.end <= o.actor.end
            and (o.actor.end - o.actor.start) > (m.actor.end - m.actor.start)
        ]
        host = max(inside, key=lambda o: o.actor.end - o.actor.start) if inside else None
        if host is None or m.coded is None:
            out.append(m)
            continue
        if host.coded.kind == "entity" and host.actor.how.startswith(("dictionary", "user")):
            continue  # words of a listed organisation's name ("Kurdistan Workers' Party")
        if not host.coded.named and _strip_det(m.actor.text).strip("' ") in host.actor.name:
            continue
        named_host = host.coded.named
        same_person = (
            m.coded.named and named_host and _words(m.actor.name) <= _words(host.actor.name)
        )
        role_of_host = named_host and not m.coded.named and m.coded.kind == "person"
        if same_person or role_of_host or m.actor.how == "name":
            host.tokens = (min(host.tokens[0], m.tokens[0]), max(host.tokens[1], m.tokens[1]))
            if same_person and not _codes(host.actor) and _codes(m.actor):
                # "the mayor's rival, Ohio Sen. Maren Holt": the name's own phrase knew more
                a = host.actor
                host.actor = replace(m.actor, text=a.text, start=a.start, end=a.end)
                host.coded = replace(m.coded, actor=host.actor)
            continue
        out.append(m)
    return out


def _words(name: str) -> set[str]:
    return {w.lower() for w in name.split()}


def _merge_appositions(found, coder, date, persons) -> list[Mention]:
    """Join a name and a role phrase that a comma separates but the parser did not link:
    "Chief Negotiator for the Northern Region, Maren Holt left", "Tomas Eld, spokesman
    for the farmers' union, said"."""
    out: list[Mention] = []
    for m in found:
        prev = _before_comma(m, out)
        if prev is not None and _pairs(prev, m):
            doc = m.doc
            base = prev.actor.start - _off(prev)
            text = doc.char_span(base, m.actor.end - _off(m), alignment_mode="expand").text
            hints = [(s - base, e - base) for s, e in persons if base <= s < base + len(text)]
            coded = coder.code_phrase(text, date, hints)
            if coded is not None and coded.named:
                head = m if m.coded.named else prev
                if not _codes(coded.actor) and _codes(head.actor):
                    # "the mayor's rival, Ohio Sen. Maren Holt": the name's own phrase knew more
                    coded = replace(head.coded, actor=head.actor)
                actor = replace(coded.actor, start=prev.actor.start, end=m.actor.end, text=text)
                merged = replace(
                    head, actor=actor, coded=coded, tokens=(prev.tokens[0], m.tokens[1])
                )
                out = [o for o in out if o is not prev]
                out.append(merged)
                continue
        out.append(m)
    return out


def _codes(a) -> bool:
    return bool(a.country or a.sector)


def _pairs(a: Mention, b: Mention) -> bool:
    """One of the two is a bare name and the other an unnamed role phrase for a person."""
    if a.coded is None or b.coded is None:
        return False
    name, role = (b, a) if b.coded.named else (a, b)
    return (
        name.coded.named
        and not role.coded.named
        and role.coded.kind == "person"
        and not (name.actor.country and role.actor.country != name.actor.country)
    )


def _before_comma(m: Mention, out: list[Mention]) -> Mention | None:
    """The outermost earlier mention ending right before a comma that precedes ``m``."""
    doc = m.doc
    if m.tokens[0] < 1 or doc[m.tokens[0] - 1].text != ",":
        return None
    comma = doc[m.tokens[0] - 1].idx
    cands = [
        o
        for o in out
        if o.doc is doc and o.coded is not None and 0 <= comma - (o.actor.end - _off(o)) <= 1
    ]
    return min(cands, key=lambda o: o.actor.start) if cands else None


def _off(m: Mention) -> int:
    """Chunk offset of a mention (absolute start minus its first token's doc offset)."""
    return m.actor.start - m.doc[m.tokens[0]].idx

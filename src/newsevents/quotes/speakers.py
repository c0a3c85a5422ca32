"""Resolve the subject of an attribution to a speaker Actor.

The document's actors (``coding.actors``) come first; when they have nothing, fall back on
what a quote needs: pronouns to the previous speaker or person, a document ("the statement
read") to whoever issued it, and else the words of the noun phrase themselves.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container
from dataclasses import replace
from typing import Any

from spacy.tokens import Token

from newsevents.coding.actors.coref import misspelt
from newsevents.coding.gender import (
    actor_gender,
    compatible,
    first_name_gender,
    mention_gender,
    surnames,
    title_words,
    word_gender,
    words_gender,
)
from newsevents.data import load_tsv
from newsevents.models import Actor
from newsevents.quotes.documents import DocumentIssuers
from newsevents.quotes.lexicon import Lexicon
from newsevents.quotes.pronouns import PronounChain, sexed_noun
from newsevents.quotes.tokens import TokenIndex

NP_DEPS = ("compound", "amod", "det", "poss", "case", "nmod", "flat", "nummod", "prep", "pobj")
PERSON_PRONOUNS = ("he", "she", "him", "her", "i")
GROUP_PRONOUNS = ("they", "we", "it")
POSSESSIVE_PRONOUNS = {"his": "m", "her": "f"}
OWNER_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}  # as a subject
OWNER_CHARS = 400  # "his lawyer": the owner is among the persons named this close before
RELATIVE_PRONOUNS = ("who", "which", "that")
QUANTIFIER_PRONOUNS = (
    *("those", "others", "some", "many", "several", "both", "all", "most", "few", "each"),
    *("everyone", "everybody", "someone", "somebody", "anyone", "nobody", "none"),
)
WRITER = "the writer"  # an "I" of the narration: the article's own author, unnamed
QUOTE_OPENERS = "\"'\u201c\u2018`"
EMBED = re.compile(r"<tweet|<blockquote|(?<!\w)@\w{2,}")  # an embedded post, a handle
LABEL = re.compile(r"(?:[A-Z][\w.'\-]*\s+){0,3}[A-Z][\w.'\-]+:")  # "ROE:", "Jane Roe:"
SPEECH_WORDS = ("said", "says", "added", "adds", "asked", "asks", "wrote", "writes")
SALIENT_CHARS = 1500  # how far back a topical person can be the "he" of "he said"
RECENT_SPEAKER_CHARS = 800  # "he said" within this distance of the last speaker
MAX_HEADING_WORDS = 4  # "Gender Equality.", "By Jane Roe": a line of names, no sentence
DEFINITE = ("the", "this", "that")  # "the widow" refers back; "a widow", "my aunt" are new
BODY_CHARS = 3000  # "the fund said": the organisation named this close before


def noun_phrase(head: Token) -> list[Token]:
    """The head and its modifiers (no appositions or relative clauses), in order."""
    toks = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in NP_DEPS and not (
                tok == head and child.dep_ == "prep" and _far(head, child)
            ):
                toks.append(child)
                stack.append(child)
    toks.sort(key=lambda t: t.i)
    # keep the contiguous run around the head
    run = [head]
    by_i = {t.i: t for t in toks}
    i = head.i - 1
    while i in by_i:
        run.insert(0, by_i[i])
        i -= 1
    i = head.i + 1
    while i in by_i:
        run.append(by_i[i])
        i += 1
    cut = [k for k, t in enumerate(run) if t.i < head.i and _spaced_dash(t)]
    if cut:  # "DOVER - European leaders": a dateline before the dash is no part of them
        run = run[cut[-1] + 1 :]
    while run and run[0].dep_ in ("det", "case", "punct"):
        run.pop(0)
    while run and (run[-1].is_punct or run[-1].dep_ == "case"):
        run.pop()
    return run or [head]


def _open_quotation(line: str) -> bool:
    """The words before a point of the paragraph leave a quotation open."""
    doubled = line.count("''") + line.count("``")
    straight = line.replace("''", "").count('"')
    return doubled % 2 == 1 or straight % 2 == 1 or line.count("\u201c") > line.count("\u201d")


def _spaced_dash(tok: Token) -> bool:
    """A dash with a space on each side ("DOVER - The mayor"), not a hyphen ("Jo-Ann")."""
    return (
        tok.text in ("-", "--", "\u2014", "\u2013")
        and bool(tok.whitespace_)
        and tok.i > 0
        and bool(tok.doc[tok.i - 1].whitespace_)
    )


def _far(head: Token, prep: Token) -> bool:
    return prep.i != head.i + 1


def _words(name: str) -> set[str]:
    return {w for w in name.lower().split() if len(w) > 2}


def name_relation(name: str, actor_name: str, lex: Lexicon) -> str:
    """How a PERSON name in the text relates to the actor's canonical name: "same" person,
    "other" person (another surname, or another first name before the same surname) or
    "unrelated" (no word in common: the actor came from a title, 'FBI agent X')."""
    mine = [w for w in re.findall(r"[a-z]+", name.lower()) if len(w) > 1]
    theirs = [w for w in re.findall(r"[a-z]+", actor_name.lower()) if len(w) > 1]
    if not mine or not theirs:
        return "same"
    if not set(mine) & set(theirs):
        return "unrelated"
    if mine[-1] not in theirs:
        return "other"
    k = theirs.index(mine[-1])
    mine_first = mine[-2] if len(mine) >= 2 else None
    their_first = theirs[k - 1] if k >= 1 else None
    if (
        mine_first
        and their_first
        and mine_first[0] != their_first[0]  # Joe / Joseph may be one person
        and their_first not in lex.titles
        and mine_first not in lex.titles
        and mine_first not in theirs
    ):
        return "other"
    return "same"


def _is_subject(tok: Token) -> bool:
    """The name is (part of) a clause subject: 'Baker, the leader, disagreed'."""
    for _ in range(3):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        if tok.dep_ not in ("compound", "appos", "flat", "conj") or tok.head == tok:
            return False
        tok = tok.head
    return False


def _in_reported_speech(tok: Token, lex: Lexicon) -> bool:
    """Inside the clause a speech verb reports ('he said ... Osama Bin Laden ...')."""
    child = tok
    for _ in range(12):
        head = child.head
        if head == child:
            return False
        if child.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in lex.verbs:
            return True
        child = head
    return False


NOT_PEOPLE = ("GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL")


def _untagged_person(tok: Token, person_words: Container[str]) -> bool:
    """A name the tagger missed as a person: a proper noun after another one that is a
    known first name, or whose own word names a person elsewhere in the article ("Jana
    Roe" tagged as a product where "Roe" was a person before); or a lone surname of a
    person the article named in full, whatever the tagger made of it ("Roe" as a place),
    or a lone word tagged as a person elsewhere and as nothing here."""
    if tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON":
        return False
    firsts = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    if not firsts:
        alone = tok.ent_iob_ != "I" and not (
            tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I"
        )
        return alone and (
            tok.lower_ in surnames(tok.doc)
            or tok.ent_type_ not in NOT_PEOPLE
            and tok.lower_ in person_words
        )
    if tok.ent_type_ in NOT_PEOPLE:
        return False
    return first_name_gender(firsts[0].text) is not None or tok.lower_ in person_words


def _described(noun: Token) -> Token:
    """Who a description stands for: "Roe, a lawyer who backs ..." and "Roe is a lawyer
    who backs ...": Roe, whose description the relative clause goes on; "the Port Board,
    a body that backs ...": the board."""
    if noun.pos_ != "NOUN":
        return noun
    if noun.dep_ == "appos" and noun.head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return noun.head
    if noun.dep_ == "attr":
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.ent_type_ == "PERSON":
            return subj
    return noun


def _of_organisation(role: Token) -> bool:
    """A role noun with an organisation's name before it ("the FBI director", "the Acme
    chairman") belongs to that organisation: someone the article introduces by the role."""
    return any(
        c.dep_ == "compound" and c.i < role.i and (c.ent_type_ == "ORG" or _acronym(c))
        for c in role.children
    )


def _acronym(tok: Token) -> bool:
    letters = tok.text.replace(".", "")
    return tok.pos_ == "PROPN" and len(letters) >= 2 and letters.isupper() and letters.isalpha()


def _who_clause(tok: Token) -> bool:
    """A proper noun with a "who" clause is a person, whatever the tagger made of it
    ("Roe, who has campaigned for the governor, blasted the plan")."""
    return (
        tok.pos_ == "PROPN"
        and tok.ent_type_ not in NOT_PEOPLE
        and any(
            c.dep_ == "relcl"
            and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ == "who" for g in c.children)
            for c in tok.children
        )
    )


def _its_clause_subject(pron: Token) -> Token | None:
    """'The county's first report was faulted for its claim that ...': a possessive "its"
    after the subject of its own clause, a thing named by a noun, is that subject (the
    memo, the report), not an organisation named sentences before."""
    if pron.lower_ != "its" or pron.dep_ != "poss":
        return None
    verb = pron.head
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head == verb:
            break
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > pron.i or subject.tag_ != "NN":
        return None
    return subject


def _person_name(head: Token) -> str | None:
    """The PERSON entity around a token, read from its IOB tags (no scan of doc.ents)."""
    if head.ent_type_ != "PERSON":
        return None
    doc = head.doc
    start = head.i
    while start > 0 and doc[start].ent_iob_ == "I" and doc[start - 1].ent_type_ == "PERSON":
        start -= 1
    while start < head.i and doc[start].lower_ in SPEECH_WORDS:
        start += 1  # 'Said Roe:' tagged as one name
    end = head.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON":
        end += 1
    return doc[start:end].text


class SpeakerResolver:
    """Speaker look-ups for one article; remembers speakers and document issuers in order."""

    def __init__(
        self,
        index: TokenIndex,
        actors: Any,
        lex: Lexicon,
        quoted: list[tuple[int, int]] | None = None,
    ) -> None:
        self.index = index
        self.actors = actors
        self.lex = lex
        self.speakers: list[tuple[int, Actor]] = []  # (offset, speaker) of earlier quotes
        self.documents = DocumentIssuers(index, lex, self._from_actors)
        self._first: dict[str, int] | None = None
        self._bearers: dict[str, list[tuple[str, Token]]] | None = None
        self._channel_words = {w for phrase in lex.channels for w in phrase}
        self._headings: dict[int, bool] = {}  # line start -> the line is a short heading
        self._described: dict[int, Actor] = {}  # offset -> who "the widow" there is
        self.chain = PronounChain(index, quoted or [], self._subject_person, self._introduced)

    # --- public -------------------------------------------------------------------------
    def resolve(self, subject: Token | None) -> Actor | None:
        actor = self._resolve(subject)
        return self._owned(subject, actor) if actor is not None and subject is not None else actor

    def _owned(self, head: Token, actor: Actor) -> Actor:
        """'his lawyer said', 'her aides say': a speaker described through a possessive
        pronoun is named through its owner, 'Jane Roe's lawyer', when the pronoun chain
        finds who "his" or "her" is; the words alone name no one."""
        if head.pos_ != "NOUN" or not actor.name:
            return actor
        poss = next(
            (c for c in head.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS),
            None,
        )
        words = actor.name.split()
        if poss is None or words[0].lower() != poss.lower_ or len(words) < 2:
            return actor
        gender = POSSESSIVE_PRONOUNS[poss.lower_]
        owner = self.chain.antecedent(poss, gender)
        if owner is None or not owner.name or owner.name.lower() in PERSON_PRONOUNS:
            return actor
        if re.search(r"['\u2019]s\b", owner.name):
            return actor  # the chain found someone's description, not who "his" is
        # the chain's subject must also be the last person named before the pronoun: 'the
        # panel held Roe in contempt. His lawyer said' is Roe's lawyer, not the panel's chief's
        offset = self.index.start(poss)
        word = "he" if gender == "m" else "she"
        window = max(0, offset - OWNER_CHARS), offset
        firsts = self._first_mentions()
        untagged = [  # "frustrating Roe" with Roe tagged as an organisation
            t for t in self.index.between(*window) if _untagged_person(t, firsts)
        ]
        last = [
            t
            for t in sorted([*self._person_tokens(*window), *untagged], key=lambda t: t.i)
            if compatible(word, mention_gender(t)) and not self.chain.in_quote(t)
        ]
        if not last or not _words(self._person_actor(last[-1]).name) & _words(owner.name):
            return actor
        # coded as the owner is: the actors stage's answer for "his aides" was another actor
        return replace(
            actor,
            name=f"{owner.name}'s {' '.join(words[1:])}",
            how="quote-owner",
            country=owner.country,
            sector=owner.sector,
            code=owner.code,
            id=None,
        )

    def _resolve(self, subject: Token | None) -> Actor | None:
        if subject is None:
            return None
        owner = self._work_owner(subject) or self._voice_owner(subject)
        if owner is not None:  # "a Reuters poll shows", "according to her account"
            return self.resolve(owner)
        if subject.lemma_.lower() in self.lex.document_nouns and subject.pos_ == "NOUN":
            issuer = self.documents.issuer(subject)  # "the statement read"
            if issuer is None:  # no one issued it that the article names: the document
                return self._from_actors(subject) or self._from_words(subject)
            return self.resolve(issuer)
        thing = _its_clause_subject(subject)
        if thing is not None:  # "the memo was mocked for its claim that ...": the memo's
            return self.resolve(thing)
        if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
            antecedent = subject.head.head  # "Roe, who said ...": Roe
            return self.resolve(_described(antecedent))
        if subject.pos_ in ("PRON", "DET") and subject.lower_ in QUANTIFIER_PRONOUNS:
            return self._from_words(subject)  # "those close to him say", "others said"
        if subject.pos_ == "PRON":
            return self._pronoun(subject)
        if subject.ent_type_ != "PERSON":
            for child in subject.children:  # "the Prime Minister, Theresa May, told"
                if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                    subject = child
                    break
        found = self._from_actors(subject)
        earlier = self._definite_role(subject, found) or self._definite_body(subject, found)
        if earlier is not None:
            return earlier
        if found is not None:
            return self._checked(found, subject)
        written = _person_name(subject) or (subject.text if subject.pos_ == "PROPN" else None)
        return self._lone_surname(subject, written) or self._from_words(subject)

    def _work_owner(self, noun: Token, depth: int = 0) -> Token | None:
        """Who made a work that speaks ("the Reuters poll shows"): the owner the phrase
        names, through a work it comes from ("a slide from a presentation by Roe")."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.lex.work_nouns or depth > 2:
            return None
        owner = self.documents.owner(noun)
        if owner is None:
            for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    return self._work_owner(obj, depth + 1)
            return None
        return self._work_owner(owner, depth + 1) or owner

    def _voice_owner(self, noun: Token) -> Token | None:
        """'a narrator in the Roe ad asks': the unnamed voice of a work speaks for the
        work's owner (data/quotes/voice_nouns.txt)."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.lex.voice_nouns:
            return None
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "of")):
            for work in (c for c in prep.children if c.dep_ == "pobj"):
                owner = self._work_owner(work)
                if owner is not None:
                    return owner
        return None

    def _definite_role(self, head: Token, actor: Actor | None) -> Actor | None:
        """'the spokesman said', 'the US official said' refer back to a person named before:
        one named with the same role word (Taliban spokesman Mohammed Naeem), else the
        nearest earlier subject that is a person (the pronoun chain's rule), else the last
        topical person of the role's country. Only when the actors found no one by name."""
        if head.pos_ != "NOUN" or head.tag_ != "NN" or head.ent_type_:
            return None
        if head.lemma_.lower() not in self.lex.person_roles:
            return None  # "the embassy said" is the embassy
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None  # "a senior official" is someone new
        if any(c.dep_ in ("prep", "acl", "relcl", "appos") for c in head.children):
            return None  # "the Iraqi ambassador to Greece" introduces someone
        if actor is not None and actor.how not in (None, "role", "quote-subject"):
            return None
        offset = self.index.start(head)
        people = [
            t
            for t in self._person_tokens(max(0, offset - SALIENT_CHARS), offset)
            if self._salient(t)
        ]
        role = head.lemma_.lower()
        for tok in reversed(people):
            if role in (w.lower() for w in title_words(tok)):
                return self._person_actor(tok)
        if _of_organisation(head):
            return None  # "the agency director said": the agency's, not whoever spoke last
        bearers = [
            t
            for t in self._person_tokens(0, offset)
            if role in (w.lower() for w in title_words(t)) and not self.chain.in_quote(t)
        ]
        names = {self._person_actor(t).name for t in bearers}
        if len(names) == 1:  # "President Roe" pages before "the president's plan": only she
            return self._person_actor(bearers[-1])
        country = actor.country if actor is not None else None
        # 'Jane Roe spoke in Ohio. The Ohio senator said ...': the nearest earlier subject
        # that names a person, unless the role's country says it is someone else
        chained = self.chain.antecedent(
            head, words_gender([head.text]), lambda t: self._same_role(t, role)
        )
        if chained is not None and (country is None or chained.country in (None, country)):
            return chained
        if country is None:
            return None
        for tok in reversed(people):
            candidate = self._person_actor(tok)
            if candidate.country == country:
                return candidate
        return None

    def _definite_body(self, head: Token, actor: Actor | None) -> Actor | None:
        """'the fund said', 'the committee voted' refer back to the organisation the article
        named with that head noun: the nearest earlier organisation name, outside quotation
        marks and the headline, that ends with it ('the International Relief Fund'). A bare
        noun the article never named that way ('the crowd said') stays as written; so does
        one with words of its own ('the new committee', 'the committee on ethics'), and so
        does 'the campaign', whose owner the article rarely names as one organisation."""
        if head.pos_ != "NOUN" or head.tag_ != "NN" or head.ent_type_:
            return None
        lemma = head.lemma_.lower()
        if lemma in self.lex.person_roles or lemma in self.lex.document_nouns:
            return None
        if [c.lower_ for c in head.children] != ["the"]:
            return None
        if actor is not None and actor.country:
            return None  # the actors stage knows which body it is ("the ministry": its country)
        offset = self.index.start(head)
        body = self._body_start()
        for tok in reversed(self.index.between(max(body, offset - BODY_CHARS), offset)):
            if tok.lemma_.lower() != lemma or tok.ent_type_ != "ORG" or tok.ent_iob_ == "B":
                continue
            span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if span is None or span.end != tok.i + 1 or self.chain.in_quote(tok):
                continue
            return self._from_actors(span.root) or self._from_words(span.root)
        return None

    def _body_start(self) -> int:
        """Offset where the body starts: after a first line that repeats the title."""
        article = self.index.parsed.article
        first = article.text.split("\n", 1)[0]
        title = (article.title or "").strip().rstrip(".")
        return len(first) if title and first.strip().rstrip(".") == title else 0

    def _same_role(self, tok: Token, role: str) -> bool:
        """A person is not introduced by another role word: "the chairman, Jo Roe" is not
        "the attorney general" of the next paragraph."""
        roles = {w.lower() for w in title_words(tok)} & self.lex.person_roles
        return not roles or role in roles

    def _checked(self, actor: Actor, head: Token) -> Actor:
        """Keep the actors' answer unless it is someone other than the subject's words."""
        name = _person_name(head)
        relation = name_relation(name, actor.name, self.lex) if name else "same"
        if relation == "unrelated" and actor.how == "coref" and " " not in name:
            if misspelt(name.lower(), actor.name.split()[-1].lower()):
                relation = "same"  # "McLenney" that the actors read as "Jo McClenney"
        if relation == "unrelated":
            # 'FBI agent Bernard Tolbert': the person, coded like the organisation
            return replace(actor, name=name, id=None, how="quote-person")
        if relation == "other":
            # 'Juan Miguel Gonzalez' matched to another Miguel: the words, without codes
            return self._from_words(head)
        main = self._lone_surname(head, name)
        if main is not None and main.name != actor.name:
            return main
        if (
            head.pos_ == "NOUN"
            and actor.name.lower() in (actor.name, head.lower_)
            and len(actor.name.split()) == 1
        ):
            # a bare role, capitalised or not: "Officials at the agency", "spokesperson"
            # -> "spokesperson for the EU"
            words = self._from_words(head)
            if len(words.name.split()) > 1:
                return replace(actor, name=words.name, how="quote-role")
        for child in head.children:
            if child.dep_ == "poss" and head.pos_ == "NOUN" and child.ent_type_ == "PERSON":
                owner = self._from_actors(child)
                if owner is not None and owner.name == actor.name:
                    return self._from_words(head)  # "Kopp's stepmother" is not Kopp
        return actor

    def _lone_surname(self, head: Token, name: str | None) -> Actor | None:
        """A lone surname ("Roe said", "Mrs. Roe said") of several people the article names
        in full: the one it is about (``_main_bearer``), or None."""
        lone = [w for w in (name or "").split() if w.lower().rstrip(".") not in self.lex.titles]
        if len(lone) != 1:
            return None
        titles = [w for w in (name or "").split() if w not in lone]
        gender = words_gender(titles) if titles else None  # "Mrs. Roe" is not Sam Roe
        return self._main_bearer(lone[0], self.index.start(head), gender)

    def _main_bearer(self, surname: str, before: int, gender: str | None) -> Actor | None:
        """The person a lone surname stands for when the article names several people of
        that surname in full: the last one named in full as the subject of a clause before
        it ("Sen. Jo Roe spoke. ... a photo of Sam Roe ... Roe said": Jo Roe; a name in
        passing is no topic); None when one person has the surname or none was a subject."""
        if self._bearers is None:
            self._bearers = {}
            for tok in self._person_tokens(0, len(self.index.parsed.article.text)):
                full = _person_name(tok)
                if full and len(full.split()) > 1 and not self.chain.in_quote(tok):
                    self._bearers.setdefault(full.split()[-1].lower(), []).append((full, tok))
        found = self._bearers.get(surname.lower(), [])
        if len({full.split()[0].lower() for full, _ in found}) < 2:
            return None
        topics = [
            t
            for _, t in found
            if self.index.start(t) < before
            and _is_subject(t)
            and (gender is None or mention_gender(t) in (None, gender))
        ]
        if not topics:
            return None
        return self._from_actors(topics[-1]) or self._from_words(topics[-1])

    def new_topic(self, start: int, end: int, speaker: Actor | None) -> Actor | None:
        """The person a narration sentence between two quotations is about, when it is not
        the earlier quotation's speaker: the subject of a main clause, outside quotation
        marks, in ``[start, end)`` ('"...," Roe said. Jo Baker, her rival, named three
        reasons to vote. "Turnout is all."': Baker). None when no other person is."""
        mine = _words(speaker.name) if speaker is not None and speaker.name else set()
        for tok in reversed(self.index.between(start, end)):
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ROOT":
                continue
            if self.chain.in_quote(tok) or tok.pos_ == "PRON":
                continue
            person = self._subject_person(tok)
            if person is None or not person.name:
                return None  # the last narration subject is no person: no new voice
            return None if _words(person.name) & mine else person
        return None

    def remember(self, offset: int, speaker: Actor | None) -> None:
        if speaker is not None:
            self.speakers.append((offset, speaker))

    def previous_speaker(self, offset: int, max_distance: int = 1500) -> Actor | None:
        found = self._previous(offset, max_distance)
        return found[1] if found else None

    def _previous(self, offset: int, max_distance: int) -> tuple[int, Actor] | None:
        for pos, actor in reversed(self.speakers):
            if pos < offset and offset - pos <= max_distance:
                return pos, actor
        return None

    def actor_of(self, tok: Token) -> Actor | None:
        """The document actor of a noun phrase head, without any fallback."""
        return self._from_actors(tok)

    # --- sources ------------------------------------------------------------------------
    def _from_actors(self, head: Token) -> Actor | None:
        if self.actors is None:
            return None
        actor = self.actors.for_token(head)
        if actor is None:
            actor = self.actors.at(self.index.start(head), self.index.end(head))
        if actor is None:
            toks = noun_phrase(head)
            actor = self.actors.at(self.index.start(toks[0]), self.index.end(toks[-1]))
        return actor

    def _pronoun(self, pron: Token) -> Actor | None:
        """ "he said" after a quote is that quote's speaker unless another person (who can
        be "he") came between; then the last such person who was a topic; then the actors'
        own coreference; then the last person named. Names rule out the wrong sex."""
        offset = self.index.start(pron)
        word = pron.lower_
        if pron.dep_ == "poss":  # "his claim that ...": the owner is who "he" would be
            word = OWNER_PRONOUNS.get(word, word)
        if word not in PERSON_PRONOUNS + GROUP_PRONOUNS:
            return None
        if word == "i" and self._narrator(pron):
            return self._writer(pron)
        chained = self.chain.resolve(pron, word=word)
        if chained is not None:
            return chained

        def fits(actor: Actor) -> bool:
            return compatible(word, actor_gender(actor.name, actor.text))

        recent = self._previous(offset, RECENT_SPEAKER_CHARS)
        if recent is not None and recent[1].how == "quote-writer":
            recent = None  # the writer is "I", never "she" or "it"
        if recent is not None and word == "it" and self._a_person(recent[1]):
            recent = None  # "it said" after a quote of the nominee's or of Jo Roe's is no person's
        if (
            recent is not None
            and fits(recent[1])
            # people named since do not take over "it said" ('the report read ... Roe ...,
            # it added'): only a person can be "he"
            and (word == "it" or not self._other_person_between(recent[0], offset, recent[1], word))
        ):
            return recent[1]
        actor = self._from_actors(pron)
        if actor is not None and (
            actor.name.lower() in PERSON_PRONOUNS + GROUP_PRONOUNS or not fits(actor)
        ):
            actor = None
        if word in PERSON_PRONOUNS:
            people = [
                t
                for t in self._person_tokens(max(0, offset - 2000), offset)
                if compatible(word, mention_gender(t))
                and (mention_gender(t) or fits(self._person_actor(t)))
            ]  # "Trump" alone tells no sex, but the article's Donald Trump is not "she"
            salient = [
                t
                for t in people
                if offset - self.index.start(t) <= SALIENT_CHARS and self._salient(t)
            ]
            if salient:  # the last person who was the topic of a clause
                return self._person_actor(salient[-1])
            # "she told" must be a person: trust the actors' answer if it names one
            named = set().union(*(_words(self._name_at(t)) for t in people)) if people else set()
            if actor is not None and _words(actor.name) & named:
                return actor
            if people:
                return self._person_actor(people[-1])
        if actor is not None:
            return actor
        if recent is not None and fits(recent[1]):
            return recent[1]
        return self._last_subject_actor(offset) if word in PERSON_PRONOUNS else None

    def _a_person(self, actor: Actor) -> bool:
        """The actor is a person: by role or sex (``_person_like``), or every word of its name
        is a word of a person the tagger found in the article ("Jo Roe", whom no first-name
        list knows)."""
        if self._person_like(actor):
            return True
        words = [w.lower() for w in actor.name.split() if w[:1].isalpha()]
        return bool(words) and all(w in self._first_mentions() for w in words)

    def _person_like(self, actor: Actor) -> bool:
        """The actor is a person: its name or words tell a sex, or it is named by a role
        for one person ("GOP presidential nominee", "spokesman")."""
        if re.search(r"['\u2019]s\b", actor.name):
            return False  # "Jane Roe's campaign" is her campaign
        if actor_gender(actor.name, actor.text):
            return True
        last = actor.name.split()[-1].lower() if actor.name.split() else ""
        return last in self.lex.person_roles or last in _person_role_nouns()

    def _narrator(self, pron: Token) -> bool:
        """An "I" of the narration is the article's writer ("I asked three tax lawyers,
        and all of them doubt the plan"): outside quotation marks, in a paragraph that is
        no one's words but the writer's. A paragraph that opens with a quote mark (one the
        marks could not pair), a labelled turn ("ROE: I will") or one a colon introduces
        ("Roe continued:") speaks for someone else."""
        if self.chain.in_quote(pron):
            return False
        text = self.index.parsed.article.text
        offset = self.index.start(pron)
        start = text.rfind("\n", 0, offset) + 1
        line = text[start:offset].lstrip()
        if line and (line[0] in QUOTE_OPENERS or LABEL.match(line)):
            return False
        if _open_quotation(line):
            return False  # a mark the pairing missed ("''In this case, I am glad,'' he said")
        after = re.match(r"[^\n]*\n*[^\n]*", text[offset:])  # to the end of the next line
        if EMBED.search(text[start : offset + (after.end() if after else 0)]):
            return False  # a tweet or a reader's post, its handle after it: "I loved it. @jo"
        before = text[:start].rstrip()
        return not before.endswith(":")

    def _writer(self, pron: Token) -> Actor:
        return with_mention(Actor(name=WRITER, how="quote-writer"), self.index, pron)

    def _subject_person(self, tok: Token) -> Actor | None:
        """The person a clause subject names: a PERSON name, or a person description the
        actors stage linked to a named person ("the senator")."""
        if tok.ent_type_ == "PERSON" and tok.lower_ not in self._channel_words:
            return self._person_actor(tok)
        if _untagged_person(tok, self._first_mentions()) or _who_clause(tok):
            return self._person_actor(tok)
        if tok.pos_ != "NOUN":
            return None
        if tok.lemma_.lower() not in self.lex.person_roles:
            # "My aunt has mellowed, but she still says": a description whose own word
            # tells a sex is someone, named or not
            if not sexed_noun(tok) or self.chain.in_quote(tok):
                return None
            return self._sexed_description(tok)
        found = self._from_actors(tok)
        if found is None or found.how != "coref" or not found.name[:1].isupper():
            return None
        return found

    def _sexed_description(self, tok: Token) -> Actor:
        """Who "the widow" or "my aunt" is: the named person the actors stage linked it
        to; for a definite one ("the widow"), else the last person of that sex who was a
        clause subject before it; else the words themselves ("my aunt": someone new)."""
        key = self.index.start(tok)
        if key not in self._described:
            self._described[key] = self._from_words(tok)  # a cycle ends at the words
            found = self._from_actors(tok)
            if found is None or found.how != "coref" or not found.name[:1].isupper():
                found = None
                if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children):
                    found = self.chain.antecedent(tok, word_gender(tok.lower_))
            self._described[key] = found or self._described[key]
        return self._described[key]

    def _introduced(self, tok: Token) -> bool:
        """A first mention that presents the person: with a role before the name or a
        description after it ("the nurse Jane Roe, who ...", "Jane Roe, an engineer")."""
        if not self._salient(tok) or tok.dep_ in ("compound", "poss"):
            return False
        described = any(c.dep_ in ("appos", "relcl", "acl") for c in tok.children)
        roles = any(
            t.lemma_.lower() in self.lex.person_roles for t in tok.doc[max(0, tok.i - 4) : tok.i]
        )
        return described or roles

    def _last_subject_actor(self, offset: int) -> Actor | None:
        """'The foreign minister was blunt. "...," he said': the last named subject."""
        for tok in reversed(self.index.between(max(0, offset - 600), offset)):
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN"):
                found = self._from_actors(tok)
                if found is not None:
                    return found
        return None

    def _name_at(self, tok: Token) -> str:
        return _person_name(tok) or tok.text

    def _person_tokens(self, start: int, end: int) -> list[Token]:
        """Last tokens of PERSON names in ``[start, end)``, leaving out channel names that
        the tagger takes for people (Twitter)."""
        out = []
        for tok in self.index.between(start, end):
            if tok.ent_type_ != "PERSON" or tok.lower_ in self._channel_words:
                continue
            if tok.dep_ == "case" or not tok.is_alpha:
                continue  # the "'s" the tagger put inside "King Hussein's"
            if self._heading(tok):
                continue  # a subheading ("Gender Equality.") or a byline names no one here
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if (
                nxt is None
                or nxt.ent_type_ != "PERSON"
                or nxt.ent_iob_ != "I"
                or nxt.dep_ == "case"
            ):
                out.append(tok)
        return out

    def _heading(self, tok: Token) -> bool:
        """The token's line is a short heading of capitalised words ("Gender Equality.",
        "BORROWING", "By Jane Roe"): no sentence, so no one in it is a topic."""
        text = self.index.parsed.article.text
        offset = self.index.start(tok)
        start = text.rfind("\n", 0, offset) + 1
        if start not in self._headings:
            end = text.find("\n", offset)
            words = text[start : len(text) if end < 0 else end].strip().rstrip(".:").split()
            self._headings[start] = 0 < len(words) <= MAX_HEADING_WORDS and all(
                w[:1].isupper() for w in words
            )
        return self._headings[start]

    def _other_person_between(self, start: int, end: int, actor: Actor, pronoun: str) -> bool:
        mine = _words(actor.name)
        for tok in self._person_tokens(start + 1, end):
            if not self._salient(tok) or not compatible(pronoun, mention_gender(tok)):
                continue  # a name in passing does not take over "he said"
            other = self._person_actor(tok)
            if not (_words(other.name) & mine):
                return True
        return False

    def _salient(self, tok: Token) -> bool:
        """A person who becomes the topic: a clause subject, or a first mention outside
        reported speech ('the audience listened to nurse Emily Lyons')."""
        if _is_subject(tok):
            return True
        if tok.dep_ == "compound" and tok.head.ent_type_ != "PERSON":
            return False  # "the Clinton administration" is not Clinton
        if tok.dep_ == "poss":
            return False  # "King Hussein's brother" is about the brother
        if _in_reported_speech(tok, self.lex):
            return False
        return self._first_mentions().get(tok.lower_) == self.index.start(tok)

    def _first_mentions(self) -> dict[str, int]:
        """Offset of the first PERSON token of each lower-case word (computed once)."""
        if self._first is None:
            self._first = {}
            for t in self.index.tokens:
                if t.ent_type_ == "PERSON":
                    self._first.setdefault(t.lower_, self.index.start(t))
        return self._first

    def _person_actor(self, tok: Token) -> Actor:
        found = self._from_actors(tok)
        return self._checked(found, tok) if found is not None else self._from_words(tok)

    def _from_words(self, head: Token) -> Actor:
        toks = noun_phrase(head)
        start, end = self.index.start(toks[0]), self.index.end(toks[-1])
        text = self.index.parsed.article.text[start:end]
        name = _person_name(head) or text
        return Actor(name=name, text=text, start=start, end=end, how="quote-subject")


@functools.cache
def _person_role_nouns() -> frozenset[str]:
    """The actors stage's role nouns for one person (nominee, senator), lower case."""
    return frozenset(r["pattern"] for r in load_tsv("actors/roles.tsv") if r["kind"] == "person")


def with_mention(actor: Actor, index: TokenIndex, head: Token | None) -> Actor:
    """A copy of ``actor`` pointing at this mention's words when the actor points elsewhere."""
    if (
        head is None
        or actor.start is not None
        and actor.start <= index.start(head) < (actor.end or 0)
    ):
        return actor
    toks = noun_phrase(head)
    start, end = index.start(toks[0]), index.end(toks[-1])
    return replace(actor, text=index.parsed.article.text[start:end], start=start, end=end)

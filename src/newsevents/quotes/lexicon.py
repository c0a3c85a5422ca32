"""Quote language data: speech and cue verbs, channel words, document nouns, attribution phrases.

Everything lives in ``data/quotes/`` so a new verb or channel is a data change, not code.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.data import REPORTING_VERBS, load_lines, load_tsv

if TYPE_CHECKING:  # the store's speaker search loads this module without spaCy
    from spacy.tokens import Token


@dataclass(frozen=True)
class SpeechVerb:
    lemma: str
    direct: bool  # attributes a quotation in quote marks
    indirect: bool  # its clausal complement is reported speech
    channel: str | None  # channel the verb names itself (tweet -> Twitter)
    document_subject: bool  # attributes only with a document as subject ("the statement read")
    objects: bool = True  # its object or topic is what was said ("criticized the rules")
    infinitive: bool = False  # its to-infinitive is what was said or meant ("vowed to win")
    cue_only: bool = False  # a cue of belief or stance (cue_verbs.tsv), not a speech verb
    directive: bool = False  # its addressee is part of what it asks ("urged voters to wait")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, SpeechVerb]
    channels: dict[tuple[str, ...], str]  # lemma sequence -> channel label
    max_channel_len: int
    document_nouns: frozenset[str]
    phrases: dict[tuple[str, ...], str]  # lower-case words -> where the speaker is
    label_cues: tuple[tuple[str, ...], ...]  # words before a quoted name: so-called, dubbed
    titles: frozenset[str]  # words before a surname that are not first names (President)
    person_roles: frozenset[str]  # nouns for one person by role (spokesman, official)
    name_junk: frozenset[str] = frozenset()  # words before a name that are not the name
    cue_nouns: frozenset[str] = frozenset()  # nouns that carry words: "her claim that ..."
    light_verbs: frozenset[str] = frozenset()  # whose cue-noun object speaks: "made a claim"
    source_nouns: frozenset[str] = frozenset()  # people and bodies that hold views: voters
    work_nouns: frozenset[str] = frozenset()  # works that speak for their owner: "a poll shows"
    uttering_verbs: frozenset[str] = frozenset()  # "she had a message:": hers (a cue noun's verb)
    proposal_nouns: frozenset[str] = frozenset()  # "Roe's plan would cut ...": Roe's proposal
    voice_nouns: frozenset[str] = frozenset()  # "the narrator in the Roe ad": the ad's owner
    # "Assuming that ..., the town ...": a participle opening a condition holds no one's view
    conditional_participles: frozenset[str] = frozenset()
    adjectives: dict[str, SpeechVerb] = dataclasses.field(default_factory=dict)  # confident
    # predicate nouns of stance: (lemma, verb "be"/"have") -> prepositions of their content
    stance_nouns: dict[tuple[str, str], frozenset[str]] = dataclasses.field(default_factory=dict)

    def verb(self, tok: Token) -> SpeechVerb | None:
        """The entry for a verb token: a particle and a preposition ("went on about": "go
        on about"), then its phrasal form ("pointed out": "point out"),
        then its prepositional form ("referred to the audit": "refer to", "went after her":
        "go after"), then a verb with its pronoun object ("as the memo put it": "put it")."""
        lemma = tok.lemma_.lower()
        if lemma not in self._verb_heads():
            return None  # no entry is the lemma or begins with it: most tokens
        for prt in (c for c in tok.children if c.dep_ == "prt"):
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.i > prt.i):
                entry = self.verbs.get(f"{lemma} {prt.lower_} {prep.lower_}")
                if entry is not None:  # "went on about the plan": "go on about"
                    return entry
        for child in tok.children:
            if (
                child.dep_ == "prt"
                or child.dep_ == "prep"
                and _next_to(tok, child)
                or child.dep_ == "dobj"
                and child.i == tok.i + 1
            ):
                entry = self.verbs.get(f"{lemma} {child.lower_}")
                if entry is not None:
                    return entry
        return self.verbs.get(lemma)

    def _verb_heads(self) -> frozenset[str]:
        """Every entry's leading words ("go", "go on", "go on about"): a lemma that is none
        of them has no entry, alone or with a particle, preposition or object."""
        heads = self.__dict__.get("_heads")
        if heads is None:
            heads = frozenset(
                " ".join(words[:n])
                for words in (key.split(" ") for key in self.verbs)
                for n in range(1, len(words) + 1)
            )
            object.__setattr__(self, "_heads", heads)  # frozen: kept beside the fields
        return heads


def _next_to(verb: Token, prep: Token) -> bool:
    """The preposition follows the verb with at most adverbs between ("pointed directly to
    the audit"), not a later one of a date or place ("called for a vote on Monday")."""
    between = verb.doc[verb.i + 1 : prep.i]
    return prep.i > verb.i and all(t.pos_ in ("ADV", "PART") for t in between)


def _flag(value: str | None) -> bool:
    return (value or "").strip() == "1"


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load (once) the quote lexicon from the packaged data files."""
    verbs = {
        row["lemma"]: SpeechVerb(
            lemma=row["lemma"],
            direct=_flag(row["direct"]),
            indirect=_flag(row["indirect"]),
            channel=(row.get("channel") or "").strip() or None,
            document_subject=_flag(row.get("document_subject")),
        )
        for row in load_tsv(REPORTING_VERBS)
        if row["quotes"] == "1"
    }
    speech = dict(verbs)
    for row in load_tsv("quotes/cue_verbs.tsv"):
        old = verbs.get(row["lemma"])
        clause, objects, infinitive = (_flag(row[k]) for k in ("clause", "object", "infinitive"))
        directive = row["class"] == "directive"
        base = speech.get(row["lemma"].partition(" ")[0])
        if old is None and base is not None and " " in row["lemma"]:
            # "respond to" is still the speech verb "respond" for direct quotes
            verbs[row["lemma"]] = dataclasses.replace(
                base,
                lemma=row["lemma"],
                indirect=base.indirect or clause,
                objects=objects,
                infinitive=base.infinitive or infinitive,
                directive=directive,
            )
        elif old is None:
            verbs[row["lemma"]] = SpeechVerb(
                row["lemma"], False, clause, None, False, objects, infinitive, True, directive
            )
        else:  # a speech verb with one more use ("hope to", "agree to", "urge to")
            verbs[row["lemma"]] = dataclasses.replace(
                old,
                indirect=old.indirect or clause,
                infinitive=old.infinitive or infinitive,
                directive=directive,
            )
    adjectives = {
        row["lemma"]: SpeechVerb(
            row["lemma"],
            False,
            _flag(row["clause"]),
            None,
            False,
            _flag(row["object"]),
            _flag(row["infinitive"]),
            cue_only=True,
        )
        for row in load_tsv("quotes/cue_adjectives.tsv")
    }
    channels = {
        tuple(row["phrase"].split()): row["channel"] for row in load_tsv("quotes/channels.tsv")
    }
    phrases = {
        tuple(row["phrase"].split()): row["speaker"] for row in load_tsv("quotes/phrases.tsv")
    }
    return Lexicon(
        verbs=verbs,
        channels=channels,
        max_channel_len=max((len(k) for k in channels), default=1),
        document_nouns=frozenset(load_lines("quotes/document_nouns.txt")),
        phrases=phrases,
        titles=frozenset(load_lines("quotes/titles.txt")),
        person_roles=frozenset(load_lines("quotes/person_roles.txt")),
        name_junk=frozenset(w.rstrip(".") for w in load_lines("quotes/name_junk.txt")),
        cue_nouns=frozenset(load_lines("quotes/cue_nouns.txt")),
        light_verbs=frozenset(load_lines("quotes/light_verbs.txt")),
        source_nouns=frozenset(load_lines("quotes/source_nouns.txt")),
        work_nouns=frozenset(load_lines("quotes/work_nouns.txt")),
        uttering_verbs=frozenset(load_lines("quotes/uttering_verbs.txt")),
        proposal_nouns=frozenset(load_lines("quotes/proposal_nouns.txt")),
        voice_nouns=frozenset(load_lines("quotes/voice_nouns.txt")),
        conditional_participles=frozenset(load_lines("quotes/conditional_participles.txt")),
        adjectives=adjectives,
        stance_nouns={
            (row["lemma"], row["verb"]): frozenset(row["preps"].split(","))
            for row in load_tsv("quotes/stance_nouns.tsv")
        },
        label_cues=tuple(
            tuple(line.lower().split()) for line in load_lines("quotes/label_cues.txt")
        ),
    )

"""The channel of a quotation (Twitter, statement, text message, interview, ...) from the
words of its attribution."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.tokens import Token

from newsevents.models import Actor
from newsevents.quotes.lexicon import Lexicon

HANDLE = re.compile(r"^@\w{2,}$")


def find_channel(window: Sequence[Token], verb: Token | None, lex: Lexicon) -> str | None:
    """The channel named by the attribution words; the verb's own channel (tweeted) first,
    then the longest channel phrase, then a social media @handle."""
    if verb is not None:
        own = lex.verbs.get(verb.lemma_.lower())
        if own is not None and own.channel:
            return own.channel
    toks = sorted((t for t in window if not t.is_punct and not t.is_space), key=lambda t: t.i)
    lemmas = [t.lemma_.lower() for t in toks]
    best: tuple[int, int, str] | None = None  # (-length, position, channel)
    for i in range(len(lemmas)):
        for n in range(min(lex.max_channel_len, len(lemmas) - i), 0, -1):
            if any(toks[i + k + 1].i != toks[i + k].i + 1 for k in range(n - 1)):
                continue  # a phrase is a run of adjacent words
            channel = lex.channels.get(tuple(lemmas[i : i + n]))
            if channel is not None:
                cand = (-n, i, channel)
                if best is None or cand < best:
                    best = cand
                break
    if best is not None:
        return best[2]
    if any(HANDLE.match(t.text) for t in toks):
        return "Twitter"
    return None


ADDRESSEE_DEPS = ("dobj", "dative", "iobj")
MEDIA_SECTOR = "MED"


def media_channel(verb: Token | None, actor_of: Callable[[Token], Actor | None]) -> str | None:
    """'told the BBC', 'said to Reuters': words given to a news organisation are an interview."""
    if verb is None:
        return None
    for child in verb.children:
        targets = [child] if child.dep_ in ADDRESSEE_DEPS else []
        if child.dep_ == "prep" and child.lower_ == "to":
            targets = [c for c in child.children if c.dep_ == "pobj"]
        for tok in targets:
            actor = actor_of(tok)
            if actor is not None and MEDIA_SECTOR in (actor.sector, (actor.code or "")[-3:]):
                return "interview"
    return None

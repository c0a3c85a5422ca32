"""Spanish direct quotes and their speakers.

Quoted text between « », “ ” or straight double quotes, and dialogue-dash quotes ("—No
cederemos —dijo el ministro."), of at least three words. The speaker is the subject of the
nearest reporting verb (``data/es/words.tsv``, kind ``report``) in the same sentence or the
next ("..., afirmó el portavoz"), or the ``según`` complement; coded like any actor.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsevents.languages.es import lexicon as lex
from newsevents.languages.es.actors import code_actor
from newsevents.languages.es.events import _conjugated
from newsevents.models import Quote
from newsevents.nlp.pipeline import ParsedArticle

QUOTE = re.compile(r"«([^«»]{3,}?)»|“([^“”]{3,}?)”|\"([^\"\n]{3,}?)\"")
DASH = re.compile(r"(?m)^\s*[—–-]\s*([^—–\n]{3,}?)\s*(?:[—–]\s*(\w[^\n]*))?$")
MIN_WORDS = 3


def _is_report(token: Token) -> bool:
    words = lex.word_set("report")
    if lex.fold(token.lemma_) in words:
        return True
    return token.pos_ == "VERB" and any(i in words for i in _conjugated(token))


def _speaker_token(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass") and any(ch.isalpha() for ch in child.text):
            return child
    return None


def _speaker_near(parsed: ParsedArticle, start: int, end: int) -> tuple[Token | None, Token | None]:
    """(reporting verb, speaker head) closest to a quote, in its sentence or the next."""
    best: tuple[int, Token, Token] | None = None
    for offset, doc in parsed.chunks:
        for sent in doc.sents:
            s, e = offset + sent.start_char, offset + sent.end_char
            if e < start - 1 or s > end + 300:
                continue
            for token in sent:
                pos = offset + token.idx
                if start <= pos < end:
                    continue
                if lex.fold(token.text) in lex.word_set("according") and token.head.pos_ in (
                    "NOUN",
                    "PROPN",
                ):
                    d = min(abs(pos - start), abs(pos - end))
                    if best is None or d < best[0]:
                        best = (d, token, token.head)
                if _is_report(token):
                    speaker = _speaker_token(token)
                    if speaker is not None and not (start <= offset + speaker.idx < end):
                        d = min(abs(pos - start), abs(pos - end))
                        if best is None or d < best[0]:
                            best = (d, token, speaker)
    return (best[1], best[2]) if best else (None, None)


def extract_quotes(parsed: ParsedArticle, home: str | None) -> list[Quote]:
    text = parsed.article.text
    found: list[tuple[int, int]] = []
    for m in QUOTE.finditer(text):
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        found.append((m.start(g), m.end(g)))
    for m in DASH.finditer(text):
        found.append((m.start(1), m.end(1)))
    quotes = []
    for start, end in sorted(set(found)):
        body = text[start:end].strip(" ,.")
        if len(body.split()) < MIN_WORDS:
            continue
        verb, speaker_head = _speaker_near(parsed, start, end)
        speaker = code_actor(speaker_head, parsed, home) if speaker_head is not None else None
        verb_span = None
        if verb is not None:
            vs, ve = parsed.char_span(verb)
            verb_span = {"text": text[vs:ve], "start": vs, "end": ve}
        quotes.append(
            Quote(
                doc=parsed.article.id,
                quote=text[start:end],
                start=start,
                end=end,
                kind="direct",
                speaker=speaker,
                verb=verb_span,
            )
        )
    return quotes

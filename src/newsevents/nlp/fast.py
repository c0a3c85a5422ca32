"""Faster drop-in versions of two of spaCy's rule-based components, same output.

In the small English pipeline the attribute ruler and the rule lemmatizer cost as much CPU as
the dependency parser (each ~0.15 of the whole parse), and neither needs to: both compute a
token's attributes from a few of its own attributes, again for every token.

- :class:`FastAttributeRuler`: a rule whose patterns are all one token long matches a token
  or not by that token's word, tag and dependency label alone, so the rules that match are
  worked out once per (word, tag, dependency) with spaCy's own matcher (on a one-token
  document), cached, and applied in the ruler's order. Rules of several tokens keep a
  matcher of their own. A ruler whose patterns read any other attribute is left as it is.
- :class:`FastEnglishLemmatizer`: the lemma of a token is a function of its word, part of
  speech and morphology; each distinct triple is lemmatized once. spaCy's own cache misses
  the base-form and proper-noun paths, and its look-up of candidate forms searches lists of
  up to 57,000 words (sets here).

:func:`speed_up` switches a loaded pipeline's components to these classes in place
(subclasses: serialising the pipeline is unchanged). ``tests/nlp/test_fast.py`` checks
every token attribute against the stock components.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, ORTH, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Token attributes a one-token pattern may test for its rule to be keyed on (word, tag, dep):
# lexical attributes follow from the word, the rest are the tag and dependency label.
_KEYED = frozenset(
    {"ORTH", "TEXT", "LOWER", "IS_SPACE", "IS_ALPHA", "IS_DIGIT", "IS_PUNCT", "LENGTH"}
    | {"TAG", "DEP"}
)
_CACHE_MAX = 200_000  # distinct (word, tag, dep) keys kept before the cache starts over


class _RulerIndex:
    """The ruler's rules split into one-token rules (cached by key) and the rest."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.n_rules = len(ruler.attrs)
        self.single = Matcher(ruler.vocab)
        self.multi = Matcher(ruler.vocab)
        self.n_multi = 0
        for i in range(self.n_rules):
            _, patterns = ruler.matcher.get(str(i))
            if all(len(p) == 1 for p in patterns):
                self.single.add(str(i), patterns)
            else:
                self.multi.add(str(i), patterns)
                self.n_multi += 1
        self.by_key: dict[tuple[int, int, int], tuple[int, ...]] = {}
        self.merged: dict[tuple[int, ...], dict] = {}

    def rules_for(self, vocab: Any, keys: list[tuple[int, int, int]]) -> None:
        """Fill ``by_key`` for keys not seen yet, with spaCy's matcher on a one-token doc each."""
        todo = list(dict.fromkeys(k for k in keys if k not in self.by_key))
        if not todo:
            return
        if len(self.by_key) + len(todo) > _CACHE_MAX:
            self.by_key.clear()
        strings = vocab.strings
        doc = Doc(vocab, words=[strings[orth] for orth, _, _ in todo])
        for token, (_, tag, dep) in zip(doc, todo, strict=True):
            token.tag = tag
            token.dep = dep
        found: list[list[int]] = [[] for _ in todo]
        matches = self.single(doc, allow_missing=True, as_spans=False) if len(self.single) else []
        for match_id, start, _ in matches:
            found[start].append(int(strings[match_id]))
        for key, rules in zip(todo, found, strict=True):
            self.by_key[key] = tuple(sorted(rules))

    def attrs_of(self, ruler: AttributeRuler, rules: tuple[int, ...]) -> dict:
        """The attributes the rules set, applied in order (later rules win)."""
        merged = self.merged.get(rules)
        if merged is None:
            merged = {}
            for r in rules:
                merged.update(ruler.attrs[r])
            self.merged[rules] = merged
        return merged


def _keyable(ruler: AttributeRuler) -> bool:
    for i in range(len(ruler.attrs)):
        _, patterns = ruler.matcher.get(str(i))
        for pattern in patterns:
            if len(pattern) == 1 and not set(pattern[0]) <= _KEYED:
                return False
    return all("_" not in attrs for attrs in ruler.attrs)


class FastAttributeRuler(AttributeRuler):
    """:class:`spacy.pipeline.AttributeRuler` with one-token rules looked up per
    (word, tag, dependency) instead of matched on every token."""

    _fast_index: _RulerIndex | None = None

    def _index(self) -> _RulerIndex:
        index = self._fast_index
        if index is None or index.n_rules != len(self.attrs):
            index = self._fast_index = _RulerIndex(self)
        return index

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self._annotate(doc)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def _annotate(self, doc: Doc) -> None:
        index = self._index()
        keys = [tuple(row) for row in doc.to_array([ORTH, TAG, DEP]).tolist()]
        index.rules_for(self.vocab, keys)
        by_key = index.by_key
        per_token: dict[int, tuple[int, ...]] = {}
        for i, key in enumerate(keys):
            rules = by_key[key]
            if rules:
                per_token[i] = rules
        if index.n_multi:
            strings = self.vocab.strings
            extra: dict[int, list[int]] = {}
            for match_id, start, end in index.multi(doc, allow_missing=True, as_spans=False):
                rule = int(strings[match_id])
                try:
                    target = range(start, end)[self.indices[rule]]
                except IndexError:
                    raise ValueError(
                        f"attribute ruler rule {rule}: index {self.indices[rule]} is outside "
                        f"the match {doc[start:end].text!r}"
                    ) from None
                extra.setdefault(target, []).append(rule)
            for target, rules in extra.items():
                per_token[target] = tuple(sorted((*per_token.get(target, ()), *rules)))
        for i, rules in per_token.items():
            set_token_attrs(doc[i], index.attrs_of(self, rules))


class FastEnglishLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer with every (word, POS, morphology) lemmatized once."""

    _fast_lemmas: dict | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        error_handler = self.get_error_handler()
        try:
            self._lemmatize_doc(doc)
            return doc
        except Exception as e:
            error_handler(self.name, self, [doc], e)

    def _lemmatize_doc(self, doc: Doc) -> None:
        lemmas = self._fast_lemmas
        if lemmas is None or len(lemmas) > _CACHE_MAX:
            lemmas = self._fast_lemmas = {}
            self._index_sets()
        strings = self.vocab.strings
        overwrite = self.overwrite
        for token in doc:
            if overwrite or token.lemma == 0:
                key = (token.orth, token.pos, token.morph.key)
                lemma = lemmas.get(key)
                if lemma is None:
                    lemma = lemmas[key] = strings.add(self.lemmatize(token)[0])
                token.lemma = lemma

    def _index_sets(self) -> None:
        """Word lists of the index table as lists that test membership with a set."""
        table = self.lookups.get_table("lemma_index", {})
        for pos, words in list(table.items()):
            if isinstance(words, list) and not isinstance(words, _SetList):
                table[pos] = _SetList(words)


class _SetList(list):
    """A list (serialises as one) whose ``in`` is a set look-up."""

    def __init__(self, items: Any = ()) -> None:
        super().__init__(items)
        self._set = frozenset(self)

    def __contains__(self, item: object) -> bool:
        return item in self._set


def speed_up(nlp: Language) -> Language:
    """Switch ``nlp``'s attribute ruler and English rule lemmatizer to the fast classes, and
    its entity recogniser to :class:`newsevents.nlp.fast_ner.FastEntityRecognizer`."""
    from newsevents.nlp.fast_ner import fast_ner

    for _, component in nlp.pipeline:
        if type(component) is AttributeRuler and _keyable(component):
            component.__class__ = FastAttributeRuler
        elif type(component) is EnglishLemmatizer:
            component.__class__ = FastEnglishLemmatizer
    return fast_ner(nlp)

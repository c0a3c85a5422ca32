"""spaCy's greedy entity recogniser decoded in bulk, with the same entities.

spaCy's transition-based NER reads one token per step: at each step it scores the state
(the token, the first token of an open entity, the token before), keeps the actions valid
in that state, and takes the best. In spaCy 3.8's compiled code each validity test takes
and drops the interpreter lock several times (the state's buffer look-ups do), so the loop
spends about half its time on the lock, and the recogniser costs as much as the tagger,
the parser and both token encoders together.

A state with no entity open has nothing in it but its token: its features are the token
and two padding vectors. So every token's "no entity open" scores come from one matrix
product over the whole batch, with the best valid action (out, begin, unit) picked for all
tokens at once; only the steps inside an entity (a begin up to its last token, a few per
entity) are scored one by one. The arithmetic is spaCy's: the same precomputed feature
table, summed in the same order, the same maxout and the same BLIS product for the scores,
ties broken the same way (the first best action), so the entities are the same
(``tests/nlp/test_fast_ner.py`` compares them with spaCy's on real-sized texts).

Documents with preset entity annotations, beam search, or a model of another shape go
through spaCy's own decoder.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span

# spaCy's BILUO move codes (spacy/pipeline/_parser_internals/ner.pyx)
MISSING, BEGIN, IN, LAST, UNIT, OUT = range(6)


class _Ents(list):
    """Entities (start, end, label) per document: this module's predictions."""


class FastEntityRecognizer(EntityRecognizer):
    """:class:`spacy.pipeline.EntityRecognizer` whose greedy decoding scores the states
    with no entity open in bulk (same entities, a fraction of the CPU)."""

    def predict(self, docs: Any) -> Any:
        if isinstance(docs, Doc):
            docs = [docs]
        if self.cfg.get("beam_width", 1) != 1 or not _decodable(self, docs):
            return super().predict(docs)
        return _Ents(_decode(self, docs))

    def set_annotations(self, docs: Any, states_or_ents: Any) -> None:
        if not isinstance(states_or_ents, _Ents):
            return super().set_annotations(docs, states_or_ents)
        for doc, ents in zip(docs, states_or_ents, strict=True):
            # no preset annotation (checked in predict): every other token is outside
            doc.set_ents([Span(doc, s, e, label=label) for s, e, label in ents], default="outside")
        return None


def _decodable(ner: EntityRecognizer, docs: list[Doc]) -> bool:
    model = ner.model
    if (
        len(model.layers) != 3
        or not model.attrs.get("has_upper")
        or model.attrs.get("unseen_classes")
    ):
        return False
    lower = model.layers[1]
    if not (lower.has_dim("nF") and lower.get_dim("nF") == 3 and lower.get_dim("nP") >= 2):
        return False
    return not any(len(doc) and doc.to_array(ENT_IOB).any() for doc in docs)


class _Moves:
    """The recogniser's actions as arrays: move code and label of each class."""

    def __init__(self, ner: EntityRecognizer) -> None:
        moves = ner.moves
        n = moves.n_moves
        self.move = np.zeros(n, dtype=np.int64)
        self.label = np.zeros(n, dtype=np.uint64)
        strings = ner.vocab.strings
        names = [moves.get_class_name(i) for i in range(n)]
        code = {"M": MISSING, "B": BEGIN, "I": IN, "L": LAST, "U": UNIT, "O": OUT}
        self.in_of: dict[int, int] = {}
        self.last_of: dict[int, int] = {}
        for i, name in enumerate(names):
            head, _, label = name.partition("-")
            self.move[i] = code[head]
            self.label[i] = strings[label] if label else 0
            if self.move[i] == IN:
                self.in_of[int(self.label[i])] = i
            elif self.move[i] == LAST:
                self.last_of[int(self.label[i])] = i
        labelled = self.label != 0
        self.out_cols = self.move == OUT
        self.begin_cols = (self.move == BEGIN) & labelled
        self.unit_cols = (self.move == UNIT) & labelled


def _moves_of(ner: EntityRecognizer) -> _Moves:
    """The action table, kept on the component (rebuilt when labels are added)."""
    table = getattr(ner, "_fast_moves", None)
    if table is None or len(table.move) != ner.moves.n_moves:
        table = ner._fast_moves = _Moves(ner)
    return table


def _decode(ner: EntityRecognizer, docs: list[Doc]) -> list[list[tuple[int, int, int]]]:
    out: list[list[tuple[int, int, int]]] = [[] for _ in docs]
    if not any(len(doc) for doc in docs):
        return out
    model = ner.model
    tok2vec, lower, upper = model.layers
    ops = upper.ops
    tokvecs = tok2vec.predict(docs)
    cached = lower.predict(tokvecs)  # (tokens + 1, nF, nO, nP); row 0 is the padding
    bias = lower.get_param("b")
    W = upper.get_param("W")
    b = upper.get_param("b")
    moves = _moves_of(ner)

    # every token with no entity open: features (token, padding, padding)
    unmaxed = cached[1:, 0] + cached[0, 1]
    unmaxed += cached[0, 2]
    unmaxed += bias
    scores = ops.gemm(np.ascontiguousarray(unmaxed.max(axis=-1)), W, trans2=True)
    scores += b
    space = np.concatenate([doc.to_array(IS_SPACE) for doc in docs]).astype(bool)
    starts = np.concatenate([doc.to_array(SENT_START) for doc in docs]) == 1
    # the next token of the same document starts a sentence, or there is none
    lengths = np.array([len(doc) for doc in docs])
    ends = np.cumsum(lengths)
    last = np.zeros(len(space), dtype=bool)
    last[ends[lengths > 0] - 1] = True
    next_start = np.zeros(len(space), dtype=bool)
    next_start[:-1] = starts[1:]
    next_start |= last
    may_begin = ~next_start & ~space
    valid = moves.out_cols[None, :] | (moves.begin_cols[None, :] & may_begin[:, None])
    valid |= moves.unit_cols[None, :] & ~space[:, None]
    best = np.where(valid, scores, -np.inf).argmax(axis=1)
    begins = moves.move[best] != OUT
    labels = moves.label[best]
    kinds = moves.move[best]

    offset = 0
    for d, doc in enumerate(docs):
        n = len(doc)
        ents = out[d]
        resume = 0
        for t in np.flatnonzero(begins[offset : offset + n]).tolist():
            if t < resume:
                continue
            g = offset + t
            label = int(labels[g])
            if kinds[g] == UNIT:
                ents.append((t, t + 1, label))
                continue
            start = g  # BEGIN: the entity is open from the next token on
            i_col, l_col = moves.in_of[label], moves.last_of[label]
            g += 1
            while True:
                if next_start[g]:  # the last token, or before a sentence start: only LAST
                    break
                h = cached[g + 1, 0] + cached[start + 1, 1]
                h += cached[g, 2]
                h += bias
                row = ops.gemm(h.max(axis=-1)[None, :], W, trans2=True)[0]
                row += b
                first, second = (i_col, l_col) if i_col < l_col else (l_col, i_col)
                pick = first if row[first] >= row[second] else second
                if pick == l_col:
                    break
                g += 1
            ents.append((start - offset, g + 1 - offset, label))
            resume = g + 1 - offset
        offset += n
    return out


def fast_ner(nlp: Language) -> Language:
    """Replace ``nlp``'s entity recognisers by :class:`FastEntityRecognizer` instances that
    share their model, moves and settings."""
    for i, (name, component) in enumerate(nlp._components):
        if type(component) is EntityRecognizer:
            fast = FastEntityRecognizer(
                component.vocab,
                component.model,
                name,
                moves=component.moves,
                update_with_oracle_cut_size=component.cfg["update_with_oracle_cut_size"],
                beam_width=component.cfg["beam_width"],
                beam_density=component.cfg["beam_density"],
                beam_update_prob=component.cfg["beam_update_prob"],
                multitasks=component.cfg.get("multitasks", ()),
                incorrect_spans_key=component.cfg.get("incorrect_spans_key"),
                scorer=component.scorer,
            )
            fast.cfg = component.cfg
            nlp._components[i] = (name, fast)
    return nlp

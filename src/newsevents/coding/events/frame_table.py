"""The word -> kinds tables behind the verifier's frame checks (``verbs/event_frames.tsv``,
``verbs/campaign_frames.tsv``, ``verbs/act_frames.tsv``) and the two tree reads they share.

A word is looked up by its lemma and by its lower-cased form, so "rallies" finds the row
for "rally" and "nobody" finds its own row.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from newsevents.data import load_tsv


class FrameTable:
    """One ``word``/``kind`` table, read once on first use."""

    def __init__(self, path: str) -> None:
        self.path = path

    @functools.cached_property
    def table(self) -> dict[str, frozenset[str]]:
        rows: dict[str, set[str]] = {}
        for row in load_tsv(self.path):
            rows.setdefault(row["word"], set()).add(row["kind"])
        return {w: frozenset(k) for w, k in rows.items()}

    def kinds(self, tok: Token) -> frozenset[str]:
        table = self.table
        return table.get(tok.lemma_.lower(), frozenset()) | table.get(tok.lower_, frozenset())


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok: Token, *preps: str) -> list[Token]:
    """Objects of ``tok``'s prepositions that are one of ``preps`` ("spoke [to] voters")."""
    return [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ in {"pobj", "pcomp"}
    ]

"""Quotes of one kind, for the tests' assertions."""

from __future__ import annotations


def direct_quotes(quotes):
    return [q for q in quotes if q.kind == "direct"]


def indirect_by_verb(quotes, verb: str):
    """The indirect reports whose cue is ``verb`` as written ("said", "warned")."""
    return [q for q in quotes if q.kind == "indirect" and q.verb["text"] == verb]

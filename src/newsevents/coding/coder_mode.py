"""Which coder runs: the full coder (default) or a PETRARCH-style dictionaries-only baseline.

The ``coder_mode`` setting (newsevents.config; ``NEWSEVENTS_CODER=dictionaries``) switches
the event and actor coders to what the converted PETRARCH2/Phoenix dictionaries alone give,
so that benchmarks can print the baseline the full coder must beat (docs/coding.md,
"Dictionaries-only mode"):

- events: PETRARCH2 verb patterns and block defaults only; no curated core verbs, no
  event nouns or light verbs, no "must" demands, no learned model;
- actors: exact look-up of the whole phrase in the Phoenix country and actor lists; no
  role nouns, no extra country names, demonyms or capitals, no coreference.

The mode is read from the running stage's settings on every call, so a process may run both
coders one after the other (``config.use(replace(settings, coder_mode=...))``).
"""

from __future__ import annotations

from newsevents.config import CODER_MODES as MODES
from newsevents.config import DICTIONARIES, FULL, current

__all__ = ["DICTIONARIES", "FULL", "MODES", "coder_mode", "dictionaries_only"]


def coder_mode() -> str:
    """The active mode: the ``coder_mode`` of the current settings."""
    return current().coder_mode


def dictionaries_only() -> bool:
    return current().dictionaries_only

"""Which coder runs: the full coder (default) or a PETRARCH-style dictionaries-only baseline.

``NEWSEVENTS_CODER=dictionaries`` (or :func:`set_mode`) switches the event and actor coders
to what the converted PETRARCH2/Phoenix dictionaries alone give, so that benchmarks can
print the baseline the full coder must beat (docs/coding.md, "Dictionaries-only mode"):

- events: PETRARCH2 verb patterns and block defaults only; no curated core verbs, no
  event nouns or light verbs, no "must" demands, no learned model;
- actors: exact look-up of the whole phrase in the Phoenix country and actor lists; no
  role nouns, no extra country names, demonyms or capitals, no coreference.

The mode is read on every call, so a process may run both coders one after the other.
"""

from __future__ import annotations

import os

from newsevents.errors import CodingError

FULL = "full"
DICTIONARIES = "dictionaries"
MODES = (FULL, DICTIONARIES)
_override: dict[str, str | None] = {"mode": None}


def coder_mode() -> str:
    """The active mode: set_mode's value, else NEWSEVENTS_CODER, else "full"."""
    mode = _override["mode"] or os.environ.get("NEWSEVENTS_CODER", "").strip().lower() or FULL
    if mode not in MODES:
        raise CodingError(f"NEWSEVENTS_CODER={mode!r}: expected one of {', '.join(MODES)}")
    return mode


def dictionaries_only() -> bool:
    return coder_mode() == DICTIONARIES


def set_mode(mode: str | None) -> None:
    """Force a mode in this process (None: back to the environment)."""
    if mode is not None and mode not in MODES:
        raise CodingError(f"coder mode {mode!r}: expected one of {', '.join(MODES)}")
    _override["mode"] = mode

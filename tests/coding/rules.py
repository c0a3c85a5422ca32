"""The rule stage alone, as the coding tests read it: the learned verifier off, so a test
checks what a rule keeps or vetoes (the verifier has its own tests in test_verifier.py)."""

from dataclasses import replace

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events
from newsevents.config import Settings
from newsevents.nlp import parse_text

RULES_ONLY = replace(Settings.from_env(), event_model=False)


def types(text: str, settings: Settings | None = RULES_ONLY) -> list[str]:
    """The PLOVER types of the events coded in ``text``."""
    parsed = parse_text(text)
    return [e.plover for e in code_events(parsed, find_actors(parsed), settings=settings)]

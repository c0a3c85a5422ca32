"""Naming an event's sides once the event is judged.

The verifier learnt from the sides as the rule stage found them (coding.events.features);
what is done here changes no event and no confidence, only whom a side names:

- a side told by a role alone is the person it stands for ("the Ohio Republican" -> the
  Holt named before; coding.actors.referents);
- a person the parser hung loosely on the verb (``oprd``, ``dep``) is its target, not the
  place the rule stage fell back on: in "Ames called on Gov. Ann Holt (R) to resign over
  the flood in Dayton" a bracket after the name may parse Holt as ``oprd`` or ``dep`` of
  "called", which the argument reader does not take as an object.
"""

from __future__ import annotations

from typing import Any

from newsevents.coding.events import args as event_args
from newsevents.coding.events import where as event_where
from newsevents.coding.events.candidates import Candidate
from newsevents.models import Actor, Event

# links the parser gives a name it could not place after the verb: an object predicate, or
# an unclassified dependent ("called on Texas Gov. Paul Young (R) to resign": Young is a
# `dep` of "called")
LOOSE_OBJECT_DEPS = frozenset({"oprd", "dep"})


def name_sides(event: Event, cand: Candidate, actors: Any) -> None:
    """Rename, in place, the sides of ``event`` coded from ``cand``."""
    if event.target is None or event_where.is_place(event.target):
        person = _predicate_person(cand, actors)
        if person is not None and not (
            event.source is not None and event_args.same(person, event.source)
        ):
            event.target = person
    name = getattr(actors, "named_side", None)
    if name is not None:
        event.source, event.target = name(event.source), name(event.target)


def _predicate_person(cand: Candidate, actors: Any) -> Actor | None:
    """A person named as an object predicate of the trigger or of the verb governing it."""
    for tok in (cand.trigger, cand.governor):
        if tok is None:
            continue
        for child in tok.children:
            if child.dep_ not in LOOSE_OBJECT_DEPS or child.pos_ != "PROPN":
                continue
            actor = actors.for_token(child)
            named = getattr(actors, "named_person", None)
            if actor is not None and named is not None and named(actor):
                return actor
    return None

"""Where a phrase names a person: capitalised unknown words, particles (al, bin, van) and
listed names after the last role ("President Boris Yeltsin"); not a thing named after a
place ("Afghan Republic") nor a listed organisation ("... Workers' Party")."""

from __future__ import annotations

from newsevents.coding.actors.dictionaries import Dictionaries
from newsevents.coding.actors.lexicon import Entry
from newsevents.coding.actors.types import PARTICLES, Unit, place_units, span_text


class NameRules:
    """Name detection for one phrase ``text``, which the
    :class:`~newsevents.coding.actors.compose.Composer` of that phrase holds."""

    def __init__(self, dicts: Dictionaries, text: str) -> None:
        self.dicts, self.text = dicts, text
        self.stop = dicts.stop

    def is_name_tok(self, u: Unit) -> bool:
        if u.entry is not None:
            return False
        t = u.toks[0]
        if u.person and t.key not in ("'s",):
            return True
        return t.cap and t.key not in self.stop and t.key != "'s" and not t.key.isdigit()

    def name_runs(self, units: list[Unit]) -> list[tuple[int, int]]:
        """(start, end) index ranges of capitalised unknown words (with al/bin/van ...)."""
        runs: list[tuple[int, int]] = []
        i = 0
        while i < len(units):
            if self.is_name_tok(units[i]):
                j = i + 1
                while j < len(units) and (
                    self.is_name_tok(units[j])
                    or (
                        units[j].toks[0].key in PARTICLES
                        and j + 1 < len(units)
                        and self.is_name_tok(units[j + 1])
                    )
                ):
                    j += 1
                runs.append((i, j))
                i = j
            else:
                i += 1
        return runs

    def name_tail(self, head: list[Unit], last_role: int) -> tuple[list[Unit], Entry | None]:
        """The person's name ending the head phrase: unknown capitalised words and known
        names after the last role ("President Boris Yeltsin" with "Yeltsin" known)."""
        k = len(head)
        if (  # "Defence Secretary Tom King": a role word as a surname after a first name
            last_role == k - 1
            and k >= 3
            and head[-1].toks[0].cap
            and len(head[-1].toks) == 1
            and self.is_name_tok(head[-2])
            and any(u.kind == "role" for u in head[:-2])
        ):
            last_role = max(i for i, u in enumerate(head[:-2]) if u.kind == "role")
            head = [*head[:-1], Unit(head[-1].toks)]
            k = len(head)
        while k > last_role + 1:
            u = head[k - 1]
            particle = u.entry is None and u.toks[0].key in PARTICLES and k < len(head)
            # a known name ends the phrase, or is one word of it ("Omar Hassan al-Bashir")
            known = u.kind == "entity" and (k == len(head) or len(u.toks) == 1)
            if not (self.is_name_tok(u) or known or particle):
                break
            k -= 1
        units = head[k:]
        while units and units[0].entry is None and units[0].toks[0].key in PARTICLES:
            units = units[1:]
        if not units:
            return [], None
        ents = [u for u in units if u.kind == "entity"]
        before = head[:k]
        person = any(u.person for u in units)
        if len(units) == 1 and ents and self.is_org(units[0]):
            return [], None
        if ents and len(units) == 1 and not person:
            # a known actor alone is a name only after a role or another known actor
            if not (last_role >= 0 or any(u.kind == "entity" for u in before)):
                return [], None
        elif not person and last_role < 0 and place_units(before):
            return [], None  # "Afghan Republic": a thing named after a place
        # the known name counts only when it ends the name: "Omar Hassan al-Bashir" is not
        # the "Hassan" of the lists
        return units, (units[-1].entry if units[-1].kind == "entity" else None)

    def is_org(self, unit: Unit) -> bool:
        """A listed name ending in a group noun ("... Party", "... Front") is no person."""
        if len(unit.toks) < 2:
            return False
        entry = self.dicts.exact((unit.toks[-1].key,))
        return entry is not None and entry.kind == "role" and entry.role_kind == "group"

    def person_name(self, units: list[Unit]) -> str:
        if len(units) == 1 and units[0].entry is not None and units[0].entry.entity is not None:
            ent = units[0].entry.entity
            written = span_text(self.text, units[:1])
            return written if len(written.split()) >= len(ent.name.split()) else ent.name
        return span_text(self.text, units)

    def phrase_name(self, units: list[Unit]) -> str:
        """The words as written, without leading determiners or a trailing possessive."""
        words = list(units)
        while (
            len(words) > 1
            and words[0].entry is None
            and (words[0].toks[0].key in self.stop or not any(c.isalpha() for c in words[0].text))
        ):
            words.pop(0)
        while len(words) > 1 and words[-1].toks[0].key == "'s":
            words.pop()
        return span_text(self.text, words)

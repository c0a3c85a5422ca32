"""Compose one actor from a tagged phrase: the rules of docs/dictionaries.md.

The head segment decides: a role noun gives the sector and the country or group *before*
it gives the country ("US envoy for Afghanistan" is American); a following appositive
(", Zalmay Khalilzad") gives the person's name; several countries make a compound actor.
"""

from __future__ import annotations

import datetime as _dt

from newsevents.coding.actors.dictionaries import Dictionaries
from newsevents.coding.actors.lexicon import NON_STATE_PREFIXES, Entry, code_parts
from newsevents.coding.actors.names import NameRules
from newsevents.coding.actors.types import (
    CONJ,
    DEFINITE,
    OWN_PREPS,
    PREPS,
    Coded,
    CompoundActor,
    Unit,
    place_units,
    slug,
    span_text,
)
from newsevents.models import Actor


def _singular(key: str | None) -> str | None:
    """ "presidents" -> "president", so a role compares across number."""
    if not key:
        return None
    if key.endswith("ies"):
        return key[:-3] + "y"
    if key.endswith("men"):
        return key[:-3] + "man"
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


def _today8() -> str:
    return _dt.date.today().strftime("%Y%m%d")


class Composer:
    """Turn tagged units into one actor (see the module docstring for the rules)."""

    def __init__(
        self,
        dicts: Dictionaries,
        text: str,
        units: list[Unit],
        date: str | None,
        told: frozenset[str] = frozenset(),
    ):
        self.dicts, self.text, self.units = dicts, text, units
        self.told = told  # surnames of persons the article named before (ActorCoder)
        self.date8 = date.replace("-", "")[:8].ljust(8, "0") if date else None
        self.names = NameRules(dicts, text)

    def segments(self) -> list[tuple[str, list[Unit]]]:
        segs: list[tuple[str, list[Unit]]] = [("", [])]
        for i, u in enumerate(self.units):
            key = u.toks[0].key if u.entry is None else ""
            is_sep = key in PREPS or key in {",", ";", ":", "(", ")"}
            if key == "," and self._between_places(i):
                is_sep = False  # "Hungarian, Romanian and Polish officials"
            if is_sep:
                segs.append((key, []))
            else:
                segs[-1][1].append(u)
        return [(sep, us) for sep, us in segs if us]

    def _between_places(self, i: int) -> bool:
        prev = self.units[i - 1] if i > 0 else None
        nxt = self.units[i + 1] if i + 1 < len(self.units) else None
        return bool(
            prev
            and nxt
            and prev.kind in ("country", "capital")
            and nxt.kind in ("country", "capital")
        )

    def compose(self) -> Coded | None:
        segs = self.segments()
        if not segs:
            return None
        head_i = 0  # the phrase's own words come first: "support for X" is no actor
        if not self._content(segs[0][1]):
            return None
        head = segs[head_i][1]
        # "the official" may refer back; "the chairman of the HCNR" says who it is
        definite = self.units[0].toks[0].key in DEFINITE and len(segs) == 1
        roles = [k for k, u in enumerate(head) if u.kind == "role"]
        last_role = roles[-1] if roles else -1
        # The head noun must be an actor word: "the Afghan peace process" is no actor.
        tail = head[-1]
        if tail.entry is None and tail.toks[-1].key in self.dicts.not_heads:
            return None
        if (
            tail.entry is None
            and not self.names.is_name_tok(tail)
            and tail.toks[0].key not in ("'s",)
        ):
            if not (tail.toks[0].key.isdigit()):
                return None
        if tail.kind in ("country", "capital"):
            roles, last_role = [], -1  # "mostly Christian eastern Beirut" is a place
        content = [u for u in head if u.entry is not None or self.names.is_name_tok(u)]
        if len(segs) == 1 and len(content) == 1 and content[0].kind == "role":
            if content[0].toks[-1].key in self.dicts.bare_roles:
                return None  # "shot in the head", "the other side"
        name_units, name_entity = self.names.name_tail(head, last_role)
        if not name_units and tail.kind == "entity" and self.names.is_org(tail):
            roles, last_role = [], -1  # "the rebel Kurdistan Workers' Party": an organisation
        entities = [u for u in head if u.kind == "entity"]
        lone_entity = not roles and len(entities) == 1 and not place_units(head)
        others = [u for u in head if u.kind == "entity" and u not in name_units]
        descriptor = head if (roles or place_units(head) or others) else []
        if lone_entity and name_units and entities[0].toks[0].start < name_units[0].toks[0].start:
            lone_entity, descriptor = False, head  # "US Secretary of State" + a name
        elif lone_entity and len(name_units) > 1:
            lone_entity = False  # "Muhannad Hadi al-Barazi": a listed word inside a name
        elif lone_entity:
            descriptor, name_units = [], []
        rest = segs[head_i + 1 :]
        for sep, us in rest:
            if sep != ",":
                continue
            runs = self.names.name_runs(us)
            if not name_units and not lone_entity and runs and runs[0] == (0, len(us)):
                name_units = us
            elif not name_units and not lone_entity and len(us) == 1 and us[0].kind == "entity":
                name_units, name_entity = us, us[0].entry
            elif not descriptor and any(u.kind == "role" for u in us):
                descriptor = us
        if not name_units and not lone_entity:  # a parser-given name inside a PP
            for _, us in rest:
                person = [u for u in us if u.person]
                if person:
                    name_units = person
                    if len(person) == 1 and person[0].kind == "entity":
                        name_entity = person[0].entry
                    break
        if lone_entity:
            if not descriptor:
                return self.entity_actor(entities[0], definite)
            name_units, name_entity = [entities[0]], entities[0].entry
        return self._build(descriptor, name_units, name_entity, segs, head_i, definite)

    def _told(self, unit: Unit) -> bool:
        """A listed surname the article's own person has ("Kim spokesman Lee" after "Senator
        Ana Kim"): that person, not the lists' namesake, whose office it would give."""
        entry = unit.entry
        return bool(
            entry is not None
            and entry.surname
            and len(unit.toks) == 1
            and unit.toks[0].text.lower() in self.told
        )

    def _content(self, units: list[Unit]) -> bool:
        return any(u.entry is not None or self.names.is_name_tok(u) for u in units)

    @staticmethod
    def _groups(units: list[Unit], last_role: int) -> list[Unit]:
        return [u for k, u in enumerate(units) if u.kind == "entity" and k < last_role]

    def _entity_code(self, entry: Entry) -> tuple[str | None, str]:
        date8 = self.date8 or _today8()
        code, stale = entry.entity.code_at(date8)
        how = "dictionary"
        if stale:
            how = "dictionary-stale"
        elif not self.date8 and any(s or e for _, s, e in entry.entity.codes):
            how = "dictionary-today"  # no article date: the entry valid today
        if entry.entity.source == "user":
            how = how.replace("dictionary", "user")
        if entry.surname:
            how = "surname"  # a guess from a surname: an earlier or later full name wins
        return code, how

    def entity_actor(self, unit: Unit, definite: bool) -> Coded:
        code, how = self._entity_code(unit.entry)
        country, sector = code_parts(code)
        ent = unit.entry.entity
        if country is None and sector not in ("IGO", "NGO"):
            country = self._name_country(ent.name)  # "Palestinian Islamic Jihad" -> PSE
            code = country + (sector or "") if country else code
        kind = "person" if unit.person else "entity"
        actor = Actor(ent.name, country, sector, code, ent.id, self.text, how=how)
        return Coded(actor, kind, unit.person, definite, False)

    def _name_country(self, name: str) -> str | None:
        """The country a group's name starts with, for lists that code it regionally."""
        words = tuple(w.lower() for w in name.split()[:2])
        for n in (2, 1):
            entry = self.dicts.exact(words[:n]) if len(words) >= n else None
            if entry is not None and entry.kind in ("country", "capital"):
                return entry.country
        return None

    def _build(self, desc, name_units, name_entity, segs, head_i, definite) -> Coded | None:
        if not desc and not name_units:
            return None
        roles = [u for u in desc if u.kind == "role"]
        role = roles[-1] if roles else None
        pre = desc[: desc.index(role)] if role else desc
        places = place_units(pre) or ([] if role else place_units(desc))
        groups = [
            u for u in pre if u.kind == "entity" and u not in name_units and not self._told(u)
        ]
        if not places and not groups and role is not None:  # "president of Afghanistan"
            for sep, us in segs[head_i + 1 :]:
                if sep in OWN_PREPS:
                    if us[-1].entry is None and len(place_units(us)) < 2:
                        break  # "bombers of the U.S. airliner": the airliner is no actor
                    places = place_units(us)
                    groups = [u for u in us if u.kind == "entity" and not u.person]
                    if places or groups:
                        break
                elif sep != ",":
                    break
        parts = sorted(places + groups, key=lambda u: u.toks[0].start)
        if not name_units and len({self._member_key(u) for u in parts}) > 1:
            if len(places) > 1 or (places and groups and self._joined(parts)):
                return self._compound(parts, role, desc, definite)
        country = sector = code = None
        how = "role" if role else None
        group_code = None
        if groups and (not places or groups[0].toks[0].start < places[0].toks[0].start):
            group_code, how_g = self._entity_code(groups[0].entry)
            country, sector = code_parts(group_code)
            if country is None and sector not in ("IGO", "NGO"):
                country = self._name_country(groups[0].entry.entity.name)
                group_code = country + (sector or "") if country else group_code
            how = how or how_g
        elif places:
            country = places[0].entry.country
            sector = places[0].entry.sector  # capitals: the government
            how = how or places[0].kind
        group_sector = code_parts(group_code)[1] if group_code else None
        if role is not None and role.entry.sector and not group_sector:
            sector = role.entry.sector
            if role.entry.weak:  # "rebel spokesman": the earlier role decides
                strong = [r for r in roles[:-1] if r.entry.sector and not r.entry.weak]
                sector = strong[-1].entry.sector if strong else sector
        elif (
            role is not None
            and role.entry.role_kind == "group"
            and not role.entry.sector
            and not group_sector
            and not sector
        ):
            # "the rebel alliance", "a militant front": a group noun with no sector of its
            # own is the group of the role right before it, as "the rebel group" is (not
            # of a possessor's: "the mayor's faction")
            k = desc.index(role)
            before = desc[k - 1] if k else None
            if before is not None and before.kind == "role" and before.entry.sector:
                sector = before.entry.sector
        if name_entity is not None and name_entity.entity is not None and role is None:
            code_e, how_e = self._entity_code(name_entity)  # "Iraq's Saddam Hussein"
            country_e, sector_e = code_parts(code_e)
            if country_e and country_e == country and not sector:
                sector, how = sector_e, how_e
        non_state = group_code is not None and group_code[:3] in NON_STATE_PREFIXES
        if (
            name_entity is not None
            and name_entity.entity is not None
            and not country
            and not non_state
        ):
            code_e, how_e = self._entity_code(name_entity)
            country, sector_e = code_parts(code_e)
            sector = sector or sector_e
            how = how or how_e
        if name_entity is not None and name_entity.surname and name_units:
            how = "surname"  # "Gov. Kim", the lists' Kim: a guess the article's Kim outranks
        if group_code and (country is None or sector == code_parts(group_code)[1]):
            code = group_code  # "Taliban spokesman", "UN envoy": the group's own code
        elif country or sector:
            code = (country or "") + (sector or "")
        if name_units:
            name = self.names.person_name(name_units)
            ident = name_entity.entity.id if name_entity and name_entity.entity else slug(name)
            kind, named = "person", True
            how = how or "name"
        elif (
            groups
            and role is not None
            and not role.entry.sector
            and role.entry.role_kind == "group"
        ):
            ent = groups[0].entry.entity  # "the APEC forum", "the Taliban movement": the group
            name, ident, kind, named = ent.name, ent.id, "entity", False
        elif groups and non_state and country is None:
            # "U.N. officials", "Red Cross officials": no country, so the organisation's name
            ent = groups[0].entry.entity
            name, ident, named = ent.name, ent.id, False
            plural = role.entry.plural if role else False
            kind = "person" if role and role.entry.role_kind == "person" and not plural else "group"
        else:
            name = self.names.phrase_name(desc)
            ident = slug(code or name)
            plural = role.entry.plural if role else False
            kind = (
                "group" if (role is None or role.entry.role_kind == "group" or plural) else "person"
            )
            if role is None and places and not groups:
                if desc[-1] in places:
                    kind, name = "country", span_text(self.text, places[:1])  # "the capital Kabul"
                else:  # "Valley Federal Savings", "Baghdad University": named after a place
                    kind, sector, how = "entity", None, "country"
                    code, ident = country, slug(name)
            named = False
        if not (country or sector or name_units):
            return None
        actor = Actor(name, country, sector, code, ident, self.text, how=how)
        plural = bool(role.entry.plural if role else places and places[-1].entry.plural)
        role_key = " ".join(t.key for t in role.toks) if role else None
        return Coded(actor, kind, named, definite and not named, plural, _singular(role_key))

    def _member_code(self, unit: Unit, sector: str | None) -> str:
        if unit.kind == "entity":
            return self._entity_code(unit.entry)[0] or unit.entry.entity.id
        return unit.entry.country + (sector or unit.entry.sector or "")

    def _member_key(self, unit: Unit) -> str:
        """Who a part stands for: its country ("Accra, Ghana" is one), or the group's code."""
        return unit.entry.country if unit.kind != "entity" else self._member_code(unit, None)

    def _joined(self, parts: list[Unit]) -> bool:
        """The parts are listed with "and"/"or" ("the harbour guild and the river pilots")."""
        keys = {u.toks[0].key for u in self.units}
        return bool(keys & CONJ)

    def _compound(self, parts, role, desc, definite) -> Coded:
        """One actor per listed country or group, each with the role's sector."""
        sector = role.entry.sector if role else None
        members = []
        seen = set()
        for p in parts:
            code = self._member_code(p, sector)
            if code in seen:
                continue
            seen.add(code)
            text = span_text(self.text, [p])
            if p.kind == "entity":
                country, sec = code_parts(code)
                ent = p.entry.entity
                members.append(Actor(ent.name, country, sec, code, ent.id, text, how="dictionary"))
                continue
            sec = sector or p.entry.sector
            members.append(Actor(text, p.entry.country, sec, code, slug(code), text, how=p.kind))
        name = self.names.phrase_name(desc)
        first = members[0]
        actor = CompoundActor(
            name, first.country, sector, first.code, slug(name), self.text, how="compound"
        )
        actor.members = members
        return Coded(actor, "group", False, definite, True)

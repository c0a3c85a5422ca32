"""Spanish actors: the words of an argument -> name, country and sector.

An argument head (a noun, proper noun or pronoun of the Spanish parse) grows into a short name:
its flat/compound parts, adjectives, appositions and one ``de`` + proper-noun complement
("el presidente de Venezuela", "guerrilleros del ELN"), six words at most. The name is coded
from ``data/es``: named groups (FARC -> COL REB), country names and demonyms (pycountry's
Spanish ISO 3166 names, "colombianos" -> COL), role nouns (``agents.tsv``: "alcalde" -> GOV);
a domestic role without a country takes the document's country (the one its places and
coded actors name most).
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from spacy.tokens import Span, Token

from newsevents.languages import ner_label
from newsevents.languages.es import lexicon as lex
from newsevents.languages.es.dates import calendar_word, weekday_word
from newsevents.models import Actor
from newsevents.nlp.pipeline import ParsedArticle

MAX_WORDS = 6
NAME_DEPS = frozenset({"flat", "compound", "amod", "appos", "nummod", "fixed", "flat:name"})
# pronouns that stand for an actor; "otro", "otra": another of the people just named
# ("mataron a uno e hirieron a otro")
PRONOUNS = frozenset(
    {"el", "ella", "ellos", "ellas", "este", "esta", "estos", "estas", "usted"}
    | {"otro", "otra", "otros", "otras"}
)


def _folded(tokens: list[Token]) -> list[str]:
    return [lex.fold(t.text) for t in tokens]


def names_actor(token: Token) -> bool:
    """Does a complement name an actor by itself (a group, a role, a country)?"""
    folded = _folded([t for t in token.subtree if t.pos_ not in ("PUNCT", "DET", "ADP")])
    return bool(_lookup_group(folded) or _lookup_agent(folded) or _lookup_country(folded))


def word_names_actor(token: Token) -> bool:
    """Does a word, with the words after it, begin an actor's name (a role or group noun, a
    named group, a country or demonym)?"""
    folded = _folded([t for t in token.doc[token.i : token.i + 6] if t.pos_ != "PUNCT"])
    if any(lex.agent_matches(a, folded) for a in lex.agents().get(folded[0], ())):
        return True
    group = _lookup_group(folded)
    return bool(group and group[0] == 0) or (folded[0],) in lex.countries()


def _subtree(token: Token) -> set[Token]:
    """A token's subtree without relative and participle clauses ("que ...")."""
    out = {token}
    for child in token.children:
        if child.dep_ not in ("acl", "acl:relcl", "punct") and child.pos_ not in ("VERB", "AUX"):
            out |= _subtree(child)
    return out


def _is_partitive(head: Token) -> bool:
    return (
        head.pos_ == "NUM"
        or lex.fold(head.lemma_) in lex.word_set("partitive")
        or (lex.fold(head.text) in lex.word_set("partitive"))
    )


def _partitive_complement(head: Token) -> Token | None:
    """The "de" complement that a quantity or part noun stands for: "miles de maestros",
    "miembros de un grupo armado" -> maestros, grupo."""
    if not _is_partitive(head):
        return None
    for child in head.children:
        if (
            child.dep_ in ("nmod", "flat")
            and child.i > head.i
            and child.pos_ in ("NOUN", "PROPN")
            and _case(child) in ("de", "del")
        ):
            return child
    return None


def _case(token: Token) -> str:
    return next((lex.fold(c.text) for c in token.children if c.dep_ == "case"), "")


def _town(token: Token, head: Token) -> bool:
    """A place after "de" that says where the actor is from, not who it is: a town ("los
    vecinos de Granada"), or any place after a plural ("los maestros de Honduras"); it is
    coded into the actor's country. A title keeps its country: "el presidente de Chile"."""
    place = ner_label(token.ent_type_, "es") == "GPE" or (lex.fold(token.text),) in lex.countries()
    if not place:
        return False
    if "Plur" in head.morph.get("Number"):
        return True
    if names_actor(token):
        return False
    return lex.fold(token.text) in lex.places() or lex.fold(token.text) in lex.subdivisions()


def name_tokens(head: Token, limit: int = MAX_WORDS, places: bool = False) -> list[Token]:
    """The tokens of an actor's short name around its head, in text order."""
    keep = {head}
    partitive = _is_partitive(head)
    for child in head.children:
        if child.dep_ == "amod":  # the adjective, not what hangs on it ("conocida como ...")
            if lex.event_participle(child.text):
                continue  # "un campesino asesinado": the event, not the name
            if "Part" in child.morph.get("VerbForm") and any(
                c.dep_ in ("obl:agent", "advmod") or _case(c) == "por" for c in child.children
            ):
                continue  # "la autoridad presidida por X": a clause on the name, not of it
            keep.add(child)
        elif child.dep_ in NAME_DEPS and child.pos_ not in ("PUNCT", "DET"):
            keep |= {t for t in _subtree(child) if t.pos_ != "PUNCT"}
        elif child.dep_ == "nmod" and child.i > head.i:
            case = [c for c in child.children if c.dep_ == "case"]
            if (
                case
                and lex.fold(case[0].text) in ("de", "del")
                and (child.pos_ == "PROPN" or child.ent_type_ or partitive or names_actor(child))
                and (places or not _town(child, head))
            ):
                keep |= _subtree(child)
                keep |= {t for c in child.children if c.dep_ in NAME_DEPS for t in c.subtree}
    tokens = sorted(keep, key=lambda t: t.i)
    # a name is one run of words: cut what the parse strung on beyond a gap
    run = [head]
    by_i = {t.i: t for t in tokens}
    i = head.i - 1
    while i in by_i or (i >= 0 and head.doc[i].pos_ in ("ADP", "DET") and i - 1 in by_i):
        if i in by_i:
            run.insert(0, by_i[i])
        else:
            run.insert(0, head.doc[i])
        i -= 1
    i = head.i + 1
    while i in by_i or (i < len(head.doc) and head.doc[i].pos_ in ("ADP", "DET") and i + 1 in by_i):
        run.append(by_i[i] if i in by_i else head.doc[i])
        i += 1
    while run and run[0].pos_ in ("ADP", "DET", "CCONJ"):
        run = run[1:]
    while run and run[-1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT"):
        run = run[:-1]
    if len(run) > limit:
        at = run.index(head) if head in run else 0
        lo = max(0, min(at, len(run) - limit))
        run = run[lo : lo + limit]
        while len(run) > 1 and run[-1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT"):
            run = run[:-1]
    return run or [head]


def _lookup_group(folded: list[str]) -> tuple[int, int, str | None, str] | None:
    table = lex.groups()
    for n in range(min(6, len(folded)), 0, -1):
        for i in range(len(folded) - n + 1):
            hit = table.get(tuple(folded[i : i + n]))
            if hit:
                return i, n, hit[0], hit[1]
    return None


def _lookup_country(folded: list[str], written: list[str] | None = None) -> str | None:
    """The country a name's words name. With the words as ``written``, a country's name
    must have a capital: "una granada" is a grenade, not Grenada; demonyms are lower-case
    in Spanish ("los colombianos")."""
    table = lex.countries()
    for n in range(min(5, len(folded)), 0, -1):
        for i in range(len(folded) - n + 1):
            words = tuple(folded[i : i + n])
            hit = table.get(words)
            if hit and written is not None and not any(w[:1].isupper() for w in written[i : i + n]):
                if not (n == 1 and words[0] in lex.demonyms()):
                    continue
            if hit:
                return hit
    return None


def _lookup_agent(folded: list[str]) -> lex.Agent | None:
    table = lex.agents()
    for i, w in enumerate(folded):
        for agent in table.get(w, ()):
            if lex.agent_matches(agent, folded[i:]):
                return agent
    return None


def capitals(text: str) -> bool:
    """Written in capitals, also when stripping accents left a lower-case letter ("BOLiVAR")."""
    letters = [ch for ch in text.replace("nn", "ñ") if ch.isalpha()]  # "NARInnO": nn is ñ
    return len(letters) > 3 and sum(ch.isupper() for ch in letters) >= 0.75 * len(letters)


def _capital_runs(doc) -> list[Span]:
    """Runs of words in capitals ("VALLE DEL CAUCA") in a sentence that is not all capitals."""
    runs: list[Span] = []
    for sent in doc.sents:
        if capitals(sent.text):
            continue  # a headline: capitals say nothing there
        start = None
        for token in sent:
            upper = capitals(token.text) or (
                start is not None and lex.fold(token.text) in ("de", "del", "la", "el")
            )
            if upper and start is None:
                start = token.i
            elif not upper and start is not None:
                runs.append(doc[start : token.i])
                start = None
        if start is not None:
            runs.append(doc[start : sent.end])
    return [r for r in runs if r and capitals(r[-1].text)]


DATELINE = re.compile(
    r"^\W*[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ .'-]*(?:\([^)]*\))?\s*,\s*\w{3,}\.?\s+\d{1,2}\s*"
    r"\(\w+\)\s*[-–—]+"
)


def in_dateline(token: Token) -> bool:
    """Is the token in a wire dateline ("QUITO, Mar 3 (AFP) -") at its sentence's start?"""
    sent = token.sent
    found = DATELINE.match(sent.text)
    return bool(found) and token.idx - sent.start_char < found.end()


PLACE_LIST_WORDS = 5  # a comma-separated piece longer than this is no place name
NESTED_WEIGHT = 4.0  # a place named with the division that holds it: near certain


def _list_pieces(sent: Span) -> list[str]:
    """The comma-separated pieces of a sentence that look like place names (folded): in
    "... en el barrio Centro, Santa Rosa, Bolívar", the pieces "santa rosa" and "bolivar"."""
    pieces: list[str] = []
    words: list[Token] = []
    for token in [*sent, None]:
        if token is not None and token.text not in (",", ";", ".", "(", ")", "-"):
            words.append(token)
            continue
        name = words[-PLACE_LIST_WORDS:] if words else []
        # the capitalised run at the piece's end: "en el municipio de San Luis" -> San Luis
        while name and not name[0].text[:1].isupper():
            name = name[1:]
        if name and len(words) <= 12:
            pieces.append(lex.fold(" ".join(t.text for t in name)))
        else:
            pieces.append("")
        words = []
    return pieces


def nested_places(doc) -> Counter[str]:
    """Countries of places named next to the first-level division that holds them, either
    order ("Soacha, Cundinamarca", "ANTIOQUIA , ITAGUI"): one name may be a town of many
    countries, a town inside the division named beside it is one place."""
    from newsevents.places.gazetteer import fold as gaz_fold
    from newsevents.places.gazetteer import gazetteer

    gaz = gazetteer()
    found: Counter[str] = Counter()
    for sent in doc.sents:
        pieces = _list_pieces(sent)
        entries = [gaz.lookup(gaz_fold(p)) if p else () for p in pieces]
        for i, (a, b) in enumerate(zip(entries, entries[1:], strict=False)):
            if pieces[i] == pieces[i + 1]:
                continue  # "..., Tolima, Tolima": a town of the division's own name
            countries = {
                m.entry.country
                for area, inner in ((a, b), (b, a))
                for d in area
                if d.entry.kind == "admin1"
                for m in inner
                if m.entry.id != d.entry.id and m.entry.admin1 == d.entry.admin1
            }
            for iso in countries:
                found[iso] += NESTED_WEIGHT / len(countries)
    return found


def document_country(parsed: ParsedArticle) -> str | None:
    """The country a document is about: the one its place names and country words name most
    (a region of a country weighs more than a city name, which many countries share)."""
    counts: Counter[str] = Counter()
    places, subs, names = lex.places(), lex.subdivisions(), lex.countries()

    def count(key: str) -> None:
        if key in subs:
            for iso in subs[key]:
                counts[iso] += 2 / len(subs[key])
        elif (key,) in names or tuple(key.split()) in names:
            counts[names.get((key,)) or names[tuple(key.split())]] += 2
        elif key in places:
            counts[places[key]] += 1

    for _, doc in parsed.chunks:
        counts.update(nested_places(doc))
        counted: set[int] = set()
        for ent in doc.ents:
            if ner_label(ent.label_, "es") in ("GPE", "MISC") or capitals(ent.text):
                count(lex.fold(ent.text))
                counted.update(range(ent.start, ent.end))
        for run in _capital_runs(doc):
            # trailing place lists in capitals ("..., DEPARTAMENTO , MUNICIPIO") are places too
            if not counted.intersection(range(run.start, run.end)):
                count(lex.fold(run.text))
        for token in doc:
            if token.pos_ == "ADJ" and (lex.fold(token.text),) in names:
                counts[names[(lex.fold(token.text),)]] += 1
        folded = _folded(list(doc))
        regional = lex.regional_words()
        for i in range(len(folded)):  # "en la vereda ...": a unit of one country's land
            for words, isos in regional.items():
                if tuple(folded[i : i + len(words)]) == words:
                    for iso in isos:
                        counts[iso] += 2 / len(isos)  # as strong as a region's name
        for i in range(len(folded)):  # named groups of one country ("las FARC", "el EZLN")
            for n in range(min(6, len(folded) - i), 0, -1):
                hit = lex.groups().get(tuple(folded[i : i + n]))
                if hit and hit[0] and (n > 1 or doc[i].text.isupper() or doc[i].pos_ == "PROPN"):
                    counts[hit[0]] += 2
                    break
    if not counts:
        return None
    ranked = counts.most_common(2) + [(None, 0.0)]
    return ranked[0][0] if ranked[0][1] > ranked[1][1] else None


def _apposition_role(head: Token) -> tuple[str | None, str | None, bool] | None:
    """(country, sector, domestic?) of a role or group in apposition to a name: "Ana Ruiz,
    alcaldesa de Soacha", "Pedro, un campesino de 40 años"."""
    for child in head.children:
        if child.dep_ != "appos" or child.i < head.i or child.pos_ not in ("NOUN", "PROPN"):
            continue
        folded = _folded([t for t in name_tokens(child, limit=8, places=True)])
        group = _lookup_group(folded)
        agent = _lookup_agent(folded)
        country = _lookup_country(folded)
        if group:
            return group[2] or country, group[3], False
        if agent:
            return country, agent.sector, agent.domestic
    return None


def known_name(tokens: list[Token], date: str | None) -> tuple[str | None, str | None] | None:
    """(country, sector) of a person or organisation the shared actor dictionaries list
    (the Phoenix lists, by their accent-folded name), coded as of the document's date."""
    from newsevents.coding.actors.lexicon import code_parts

    words = tuple(lex.fold(t.text).replace(".", "") for t in tokens if t.pos_ != "PUNCT")
    if len(words) < 2 and not (tokens and tokens[0].text.isupper()):
        return None  # one word of a name is no one's name: "Ortega" is many people
    entry = _dictionaries().exact(words)
    if entry is None or entry.kind != "entity" or entry.entity is None or entry.surname:
        return None
    day = (date or "")[:10].replace("-", "")
    code, _ = entry.entity.code_at(day if len(day) == 8 else "99999999")
    return code_parts(code) if code else None


@functools.lru_cache(maxsize=1)
def _dictionaries():
    from newsevents.coding.actors.dictionaries import Dictionaries

    return Dictionaries()


def code_actor(head: Token, parsed: ParsedArticle, home: str | None) -> Actor | None:
    """The coded actor of one argument head, or None for a word that names no actor."""
    folded_head = lex.fold(head.lemma_ or head.text)
    if not any(ch.isalpha() for ch in head.text):
        return None
    partitive = any(c.dep_ in ("nmod", "flat") for c in head.children) and (
        head.pos_ == "NUM" or lex.fold(head.text) in lex.word_set("partitive")
    )  # "miles de maestros", "unos 200 de ellos"
    if (
        head.pos_ in ("PRON", "SCONJ", "ADV", "NUM", "VERB", "AUX")
        and lex.fold(head.text) not in PRONOUNS
        and not partitive
    ):
        return None
    if folded_head in lex.word_set("not_actor") or lex.fold(head.text) in lex.word_set("not_actor"):
        return None
    if head.pos_ == "NOUN" and (folded_head in lex.nouns() or lex.fold(head.text) in lex.nouns()):
        return None  # an event noun ("la huelga", "el ataque") is what happened, not who
    if in_dateline(head):
        return None  # "LIMA, 3 may (AFP) -": where the wire filed from
    if weekday_word(head.text) or (calendar_word(head.text) and head.text.islower()):
        return None  # "la protesta del miércoles": when, not who ("Julio" may be a name)
    phrase = name_tokens(head, limit=12, places=True)  # coded on the whole phrase
    folded = _folded(phrase)
    tokens = name_tokens(_partitive_complement(head) or head)  # named by what it counts
    country: str | None = None
    sector: str | None = None
    how = "name"
    group = _lookup_group(folded)
    if group:
        country, sector, how = group[2], group[3], "dictionary"
    explicit = _lookup_country(folded, [t.text for t in phrase])
    if explicit:
        country = explicit
        how = "country" if how == "name" else how
    agent = _lookup_agent(folded)
    if agent:
        sector = sector or agent.sector
        if country is None and agent.domestic and home:
            country, how = home, "role+document"
        elif how == "name":
            how = "role"
    if how == "name" and head.pos_ == "PROPN":
        named = known_name(tokens, parsed.article.date)
        if named is not None:  # "Hugo Chávez": a listed person or organisation
            country, sector, how = named[0], named[1] or sector, "dictionary"
    if how == "name":
        role = _apposition_role(head)
        if role is not None:  # "Ana Ruiz, alcaldesa del pueblo": the role codes the person
            country = role[0] or (home if role[2] else None)
            sector, how = role[1], "apposition"
    if how == "name":
        label = ner_label(head.ent_type_, "es") if head.ent_type_ else ""
        if label == "GPE":
            iso = lex.places().get(lex.fold(" ".join(t.text for t in tokens)))
            country, how = iso, "place" if iso else "name"
        elif (
            label != "PERSON"
            and head.pos_ not in ("PROPN", "NOUN")
            and not partitive
            and lex.fold(head.text) not in PRONOUNS
        ):
            return None
    span: Span = head.doc[tokens[0].i : tokens[-1].i + 1]
    start, end = parsed.char_span(span)
    code = (country or "---") + (sector or "") if (country or sector) else None
    written = parsed.article.text[start:end]  # as written (a headline is parsed recased)
    return Actor(
        name=written,
        country=country,
        sector=sector,
        code=code,
        text=written,
        start=start,
        end=end,
        how=how,
    )

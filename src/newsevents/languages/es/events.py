"""Spanish event coding on the Spanish parse, to the same Event schema as English.

Per sentence:
- triggers: verbs of ``data/es/verbs.tsv`` (by lemma, or by a regular conjugation of the
  infinitive when the lemmatiser misses an unaccented form), nouns of ``nouns.tsv`` that a
  support verb carries ("realizaron una marcha"), that happen ("hubo un ataque") or stand in a
  sentence without an event verb;
- arguments: the subject is the source (the agent ``por`` of a passive; the subject of the
  governing verb when the subject is dropped), the object (``a`` + person included), a
  ``contra`` complement or the passive subject is the target;
- negation ("no asistirá", "nunca atacaron") sets ``negated``; a refusal verb ("se negó a
  liberar") is one REJECT and a threat ("amenazó con atacar") one THREATEN, not two events;
- modality: future and periphrastic future ("va a marchar"), a plan verb ("planean atacar")
  -> planned; conditional, "podría", "si", an attempt ("intentaron tomar") -> hypothetical.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsevents.coding.crosswalk import lookup
from newsevents.languages.es import lexicon as lex
from newsevents.languages.es.actors import (
    capitals,
    code_actor,
    in_dateline,
    names_actor,
    word_names_actor,
)
from newsevents.languages.es.dates import calendar_word
from newsevents.models import Actor, Event
from newsevents.nlp.pipeline import ParsedArticle, Sentence

# The regular conjugation endings of each verb class, the clitics and the relatives the
# coder tests: language data (data/es/words.tsv).
ENDINGS = {conj: lex.word_set(f"ending_{conj}") for conj in ("ar", "er", "ir")}
CLITICS = tuple(sorted(lex.word_set("clitic"), key=lambda c: (-len(c), c)))
REFLEXIVE = lex.word_set("reflexive")
RELATIVES = lex.word_set("relative")
SOURCE_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT = frozenset({"nsubj:pass", "nsubjpass"})
TARGET_DEPS = frozenset({"obj", "iobj", "dobj"})
LIGHT_CONFIDENCE = 0.6
VERB_CONFIDENCE = 0.7


@dataclass
class Trigger:
    token: Token  # the verb or noun
    cameo: str
    words: list[Token]  # every token of the trigger phrase
    nominal: bool = False
    de_target: bool = False  # a "de" complement of the noun is its target
    reflexive: bool = False  # a reflexive reading ("se manifestaron"), never a report


def _strip_clitics(word: str) -> tuple[str, bool]:
    """'negandose' -> ('negando', True)."""
    reflexive = False
    for _ in range(2):
        for c in CLITICS:  # longest first
            if (
                len(word) > len(c) + 3
                and word.endswith(c)
                and word[: -len(c)].endswith(("ndo", "ar", "er", "ir"))
            ):
                reflexive = reflexive or c in REFLEXIVE
                word = word[: -len(c)]
                break
    return word, reflexive


def _infinitives(token: Token) -> list[str]:
    """Candidate folded infinitives of a token: its lemma, then regular conjugations."""
    out = []
    lemma = lex.fold(token.lemma_ or "")
    word, _ = _strip_clitics(lex.fold(token.text))
    if lemma.endswith(("ar", "er", "ir")):
        out.append(lemma)
        stripped, _ = _strip_clitics(lemma)
        out.append(stripped)
    table = lex.verbs()
    for inf in (word,):
        if inf in table:
            out.append(inf)
    for n in range(min(len(word) - 1, 8), 0, -1):
        stem, ending = word[:-n], word[-n:]
        if len(stem) < 3:
            continue
        for conj, endings in ENDINGS.items():
            if ending in endings:
                inf = stem + conj
                if inf in table:
                    out.append(inf)
                # spelling changes before e: ataque -> atacar, llegue -> llegar, venza
                if ending.startswith("e") and stem.endswith("qu"):
                    out.append(stem[:-2] + "c" + conj)
                if ending.startswith("e") and stem.endswith("gu"):
                    out.append(stem[:-2] + "g" + conj)
                if ending.startswith("e") and stem.endswith("c"):
                    out.append(stem[:-1] + "z" + conj)
    return [i for i in dict.fromkeys(out) if i in table]


def _has_reflexive(token: Token) -> bool:
    if _strip_clitics(lex.fold(token.text))[1]:
        return True
    for child in token.children:
        if lex.fold(child.text) in REFLEXIVE and child.pos_ == "PRON":
            return True
    i = token.i - 1
    while i >= 0 and i >= token.i - 3:
        w = lex.fold(token.doc[i].text)
        if w in REFLEXIVE:
            return True
        if token.doc[i].pos_ not in ("AUX", "PRON", "ADV"):
            break
        i -= 1
    return False


def _follows(token: Token, rest: tuple[str, ...], window: int = 4) -> list[Token] | None:
    """Tokens spelling ``rest`` in order after the verb, each within ``window`` tokens."""
    found: list[Token] = []
    i = token.i + 1
    doc = token.doc
    end_sent = token.sent.end
    for word in rest:
        hit = None
        for j in range(i, min(i + window, end_sent)):
            if lex.fold(doc[j].text) == word or lex.fold(doc[j].lemma_) == word:
                hit = doc[j]
                break
        if hit is None:
            return None
        found.append(hit)
        i = hit.i + 1
    return found


def _headline(token: Token) -> bool:
    """A sentence in capitals: the tagger reads its verbs as proper nouns."""
    letters = [ch for ch in token.sent.text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) > 0.8 * len(letters)


def _has_object(token: Token) -> bool:
    if _subject(token)[1]:
        return True
    return any(
        (c.dep_ in TARGET_DEPS and _case(c) in ("", "a", "al"))
        or (c.dep_ in ("obl", "obl:arg") and _case(c) in ("a", "al"))
        for c in token.children
        if c.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
    )


def verb_trigger(token: Token) -> Trigger | None:
    if token.pos_ == "PROPN" and not (token.is_upper and _headline(token)):
        return None
    if token.pos_ in ("DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "PRON", "NUM"):
        return None
    if token.pos_ == "NOUN" and not token.text.islower():
        return None
    if token.pos_ == "ADJ" and token.dep_ == "amod" and token.i < token.head.i:
        return None  # before its noun a participle is an adjective: "las últimas horas"
    for inf in _infinitives(token):
        entries = lex.verbs()[inf]
        reflexive = _has_reflexive(token)
        for entry in entries:
            if entry.reflexive and not reflexive:
                continue
            if (
                not entry.reflexive
                and reflexive
                and any(e.reflexive and not e.rest for e in entries)
            ):
                continue  # "se movilizaban en una moto" is not "movilizar" (mobilise troops)
            if entry.needs_object and not _has_object(token):
                continue
            if entry.main_clause and token.dep_ not in ("ROOT", "conj", "parataxis"):
                continue
            words = _follows(token, entry.rest) if entry.rest else []
            if words is None:
                continue
            if token.pos_ == "NOUN" and entry.rest:
                continue
            return Trigger(token, entry.cameo, [token, *words], reflexive=entry.reflexive)
    return None


def _verb_as_noun(token: Token) -> Trigger | None:
    """An event verb's form that the parse reads as a noun with a determiner ("esos
    desfiles", "los bloqueos"): the event noun of that verb."""
    if token.pos_ != "NOUN" or not any(c.dep_ == "det" for c in token.children):
        return None
    trig = verb_trigger(token)
    if trig is None or len(trig.words) > 1 or trig.reflexive:
        return None
    return Trigger(token, trig.cameo, [token], nominal=True)


def noun_trigger(token: Token) -> Trigger | None:
    if token.pos_ not in ("NOUN", "PROPN", "ADJ") or (token.pos_ == "PROPN" and token.is_title):
        return None
    word = lex.fold(token.text)
    lemma = lex.fold(token.lemma_)
    for key in dict.fromkeys(
        (
            lemma,
            word,
            word[:-1] if word.endswith("s") else word,
            word[:-2] if word.endswith("es") else word,
        )
    ):
        for words, cameo in lex.nouns().get(key, ()):
            tokens = [token]
            ok = True
            j = token.i + 1
            for w in words[1:]:
                if j < len(token.doc) and lex.fold(token.doc[j].text).rstrip("s") == w.rstrip("s"):
                    tokens.append(token.doc[j])
                    j += 1
                else:
                    ok = False
                    break
            if ok:
                return Trigger(
                    token, cameo, tokens, nominal=True, de_target=lex.de_is_target(words)
                )
    return None


def _lemma_in(token: Token, kind: str) -> bool:
    words = lex.word_set(kind)
    lemma = lex.fold(token.lemma_)
    if lemma in words or lex.fold(token.text) in words:
        return True
    return any(i in words for i in _conjugated(token))


def _conjugated(token: Token) -> list[str]:
    word = lex.fold(token.text)
    out = []
    for n in range(min(len(word) - 1, 6), 0, -1):
        stem, ending = word[:-n], word[-n:]
        for conj, endings in ENDINGS.items():
            if ending in endings and len(stem) >= 2:
                out.append(stem + conj)
    return out


def _negated(verb: Token) -> bool:
    nodes = [verb] + [c for c in verb.children if c.dep_ in ("aux", "aux:pass", "cop")]
    if verb.dep_ in ("xcomp",) and verb.head.pos_ in ("VERB", "AUX"):
        nodes.append(verb.head)
    for node in nodes:
        for child in node.children:
            if lex.fold(child.text) in lex.word_set("negation") and child.i < verb.i:
                return True
    # "no se retiraron": the negation may sit before a clitic, unattached
    for i in range(max(verb.sent.start, verb.i - 3), verb.i):
        if lex.fold(verb.doc[i].text) in lex.word_set("negation"):
            between = verb.doc[i + 1 : verb.i]
            if all(t.pos_ in ("PRON", "AUX", "ADV") for t in between):
                return True
    return False


def _conditional_form(token: Token) -> bool:
    """'bloquearían', 'atacaria': the conditional, which the tagger does not always mark."""
    word = lex.fold(token.text)
    return (
        token.pos_ in ("VERB", "AUX")
        and len(word) > 5
        and word.endswith(
            ("aria", "arias", "arian", "ariamos", "eria", "erian", "iria", "irian", "rian")
        )
    )


def _modality(verb: Token) -> str:
    morph = verb.morph
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:pass")]
    if "Fut" in morph.get("Tense") or any("Fut" in a.morph.get("Tense") for a in auxes):
        return "planned"
    if "Cnd" in morph.get("Mood") or any("Cnd" in a.morph.get("Mood") for a in auxes):
        return "hypothetical"
    if any(_conditional_form(t) for t in (verb, *auxes)):
        return "hypothetical"
    for a in auxes:
        if _lemma_in(a, "hypothetical"):
            return "hypothetical"
        if lex.fold(a.lemma_) == "ir":  # "va a marchar"
            return "planned"
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp") and head is not verb:
        if _lemma_in(head, "try"):  # "intentaron tomar el cuartel": an attempt, as in English
            return "hypothetical"
        if _lemma_in(head, "plan"):
            return "planned"
        if _lemma_in(head, "hypothetical"):
            return "hypothetical"
        if "Fut" in head.morph.get("Tense"):
            return "planned"
    for child in verb.children:
        if child.dep_ == "mark" and lex.fold(child.text) == "si":
            return "hypothetical"
    return "asserted"


def _case(token: Token) -> str:
    for child in token.children:
        if child.dep_ in ("case", "mark"):
            return lex.fold(child.text)
    return ""


def _conj_heads(token: Token) -> list[Token]:
    return [token] + [c for c in token.children if c.dep_ == "conj" and c.pos_ == token.pos_]


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """(subject head, passive?) of a verb, inheriting a dropped subject from its governor."""
    participle = "Part" in verb.morph.get("VerbForm")
    passive = (
        any(c.dep_ == "aux:pass" for c in verb.children)
        or any(c.dep_ in PASSIVE_SUBJECT for c in verb.children)
        or (
            participle
            and any(
                c.dep_ in ("cop", "aux") and lex.fold(c.lemma_) in ("ser", "estar")
                for c in verb.children
            )
        )
        # "un campesino asesinado por paramilitares": a participle on its noun
        or (participle and verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PROPN"))
    )
    if participle and not passive and verb.head is not verb and _lemma_in(verb.head, "victim"):
        # "resultaron heridos dos soldados": the subject of resultar is the one hurt
        for child in verb.head.children:
            if child.dep_ in SOURCE_DEPS:
                return child, True
        return None, True
    relative = verb.dep_ in ("acl", "acl:relcl") and verb.head is not verb
    for child in verb.children:
        if in_dateline(child):
            continue  # "LIMA, 3 may (AFP) - El ministro ...": the place the wire filed from
        if child.dep_ in SOURCE_DEPS | PASSIVE_SUBJECT and any(ch.isalpha() for ch in child.text):
            if relative and lex.fold(child.text) in RELATIVES:
                return verb.head, passive  # "los pobladores que exigen": the antecedent
            return child, passive
    if relative and not passive and "Part" not in verb.morph.get("VerbForm"):
        return verb.head, passive
    if (relative or verb.dep_ == "amod") and passive and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head, passive  # "dos personas, desaparecidas por ...": they suffered it
    node = verb
    for _ in range(3):  # xcomp/conj/ccomp chains: "decidieron marchar", "atacaron y quemaron"
        if node.dep_ in ("xcomp", "conj", "advcl", "ccomp") and node.head is not node:
            node = node.head
            for child in node.children:
                if child.dep_ in SOURCE_DEPS:
                    return child, passive
        else:
            break
    return None, passive


def _target_score(token: Token, case: str, skip: set[int]) -> int:
    """How good a target a complement is (0: none)."""
    if token.i in skip or token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
        return 0
    folded = lex.fold(token.text)
    if folded in lex.word_set("not_target") or lex.fold(token.lemma_) in lex.word_set("not_actor"):
        return 0
    if token.pos_ == "PRON" and folded in CLITICS:
        return 0  # "se llevaron a un campesino": the clitic names no one; look further
    if (_place(token) and token.pos_ == "PROPN") or (
        ((token.is_upper and len(token) > 2) or capitals(token.text))
        and not _headline(token)
        and (folded,) not in lex.groups()
    ):
        return 0  # a place, or a trailing place list ("..., DEPARTAMENTO , MUNICIPIO")
    if _time_word(token):
        return 0  # "a las 11:00", "el lunes"
    score = 1
    if case in ("a", "al", "contra"):
        score += 2
    elif case:
        return 0
    if _actorish(token):
        score += 2
    return score


def _place(token: Token) -> bool:
    """Tagged a place, and not a capitalised role the tagger took for one ("al Alcalde")."""
    return token.ent_type_ == "LOC" and not word_names_actor(token)


def _time_word(token: Token) -> bool:
    """A clock time, a bare number or a calendar word: no actor ("a las 8:00", "el martes")."""
    if token.pos_ == "NUM" and not any(c.dep_ == "nmod" for c in token.children):
        return True
    return any(ch.isdigit() for ch in token.text) and ":" in token.text or calendar_word(token.text)


def _actorish(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ("PER", "ORG") or names_actor(token)


# prepositions that introduce the target of some event types besides "a" and "contra":
# "se reunió con X", "protestaron ante la embajada"
TARGET_CASES = {
    "CONSULT": ("con",),
    "AGREE": ("con",),
    "COOPERATE": ("con",),
    "PROTEST": ("ante", "frente"),
    "THREATEN": ("ante", "frente"),
    "REQUEST": ("ante",),
}


def _arguments(
    verb: Token, skip: set[int], plover: str | None = None
) -> tuple[Token | None, Token | None]:
    """(source head, target head) of a verb trigger; ``skip``: the trigger's own words."""
    extra = TARGET_CASES.get(plover or "", ())
    subject, passive = _subject(verb)
    agent = None
    best: tuple[int, int, Token] | None = None
    for child in verb.children:
        case = _case(child)
        if case == "por" and passive and child.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            agent = agent or child  # "fue secuestrado por guerrilleros"
            continue
        if child.dep_ in TARGET_DEPS or child.dep_ in ("obl", "obl:arg"):
            if child.dep_ in ("obl", "obl:arg") and case not in ("a", "al", "contra", *extra):
                continue
            score = _target_score(child, "a" if case in extra else case, skip)
            if score and (best is None or score > best[0]):
                best = (score, -child.i, child)
    target = best[2] if best else None
    if passive:  # "dos campesinos fueron secuestrados por ...": the subject suffered it
        agent = agent or _marked_actor(verb, ("por",), skip)
        return agent, subject if subject is not None else target
    if target is None or _thing(target):
        # "exigen al instituto la homologación": what is demanded is no target when an
        # actor is marked beside it
        target = _marked_actor(verb, ("a", "al", "contra", *extra), skip) or target
    return subject, target


def _thing(token: Token) -> bool:
    """A common noun that names no actor and stands for none ("la homologación", "el
    fin"): a demand, a topic or an object, not who an event is done to."""
    return (
        token.pos_ == "NOUN"
        and not token.ent_type_
        and not _actor_word(token)
        and stand_in(token) is token
    )


def _marked_actor(verb: Token, cases: tuple[str, ...], skip: set[int]) -> Token | None:
    """An actor introduced by one of ``cases`` after the verb in its clause, whatever the
    parse hung it on: the personal "a" ("ejecutaron en la vereda X a dos campesinos") and
    the passive agent "por" ("fue asesinado, en su casa, por hombres armados") mark an
    actor even when the parser attaches the phrase to a place name before it."""
    doc, end = verb.doc, verb.sent.end
    for i in range(verb.i + 1, end):
        word = doc[i]
        if word.i in skip and word.pos_ != "ADP":  # "se llevaron a X": the a is still X's
            continue
        if word.pos_ in ("VERB", "AUX") and word is not verb and verb_trigger(word) is not None:
            break  # another event's clause begins: its "a" is its own
        if word.pos_ != "ADP" or lex.fold(word.text) not in cases:
            continue
        j = i + 1
        if lex.fold(word.text) == "por" and j + 1 < end and lex.fold(doc[j].text) == "parte":
            j += 2 if lex.fold(doc[j + 1].text) in ("de", "del") else 1  # "por parte de"
        while j < end and doc[j].pos_ in ("DET", "NUM", "ADJ") and not _actor_word(doc[j]):
            j += 1
        if j < end and doc[j].pos_ in ("NOUN", "PROPN", "ADJ", "PRON") and _actor_word(doc[j]):
            return doc[j]
    return None


# event types whose target may be anything a "contra" names, a policy as much as a person
AGAINST_TARGET = frozenset({"PROTEST", "ACCUSE", "THREATEN", "REJECT", "COERCE"})


def _against(trigger: Token, skip: set[int], plover: str | None = None) -> Token | None:
    """What an event is against or before, wherever the parse hung the phrase: "marcharon el
    lunes en la capital contra la reforma" -> reforma; "una protesta frente a la embajada",
    "un acuerdo con el gobierno" -> embajada, gobierno. "con" marks a target only when an
    actor follows ("con piedras" is what they fought with)."""
    cases = ("contra", *TARGET_CASES.get(plover or "", ()))
    doc, end = trigger.doc, trigger.sent.end
    for i in range(trigger.i + 1, min(end, trigger.i + 12)):
        word = doc[i]
        folded = lex.fold(word.text)
        if word.i in skip or folded not in cases:
            continue
        if word.pos_ != "ADP" and not (
            folded == "frente" and i + 1 < end and lex.fold(doc[i + 1].text) in ("a", "al")
        ):
            continue
        j = i + 1
        while j < end and (doc[j].pos_ in ("DET", "NUM", "ADJ") or lex.fold(doc[j].text) == "a"):
            j += 1
        if j < end and doc[j].pos_ in ("NOUN", "PROPN") and not _time_word(doc[j]):
            if folded == "con" and not _actor_word(doc[j]):
                return None
            return doc[j]
        return None
    return None


# the event types whose target may be marked after the trigger, wherever the parse hangs it
MARKED_TARGET = AGAINST_TARGET | frozenset({"CONSULT", "AGREE", "COOPERATE"})


def stand_in(token: Token | None) -> Token | None:
    """The actor a non-actor head speaks for: "la decisión del gobierno" -> gobierno, "la
    huelga de los maestros" -> maestros; the head itself when it names an actor or nothing
    better hangs on it."""
    if token is None or token.pos_ != "NOUN" or token.ent_type_ or word_names_actor(token):
        return token
    for child in token.children:
        if child.dep_ != "nmod" or _case(child) not in ("de", "del") or not _actorish(child):
            continue
        if lex.fold(child.lemma_) in lex.word_set("place_noun") or (
            child.ent_type_ == "LOC" and not names_actor(child)
        ):
            continue  # "al este de la ciudad", "al norte de Lima": a place, no actor
        return child
    return token


def _actor_word(token: Token) -> bool:
    """Does one word name an actor: a role, group or country word, or a person's name?"""
    if _place(token) or lex.fold(token.text) in lex.word_set("not_target"):
        return False
    return token.ent_type_ == "PER" or word_names_actor(token)


def _participle_agent(noun: Token) -> Token | None:
    """The "por" agent of a participle that modifies an event noun: "la marcha, organizada por
    los maestros" -> maestros."""
    for child in noun.children:
        if child.dep_ not in ("acl", "amod") or "Part" not in child.morph.get("VerbForm"):
            continue
        for arg in child.children:
            if (
                arg.dep_ in ("obl", "obl:agent", "nmod", "obj")
                and _case(arg) == "por"
                and arg.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
            ):
                return arg
        found = _marked_actor(child, ("por",), set())
        if found is not None:
            return found
    return None


def _modifier(token: Token) -> bool:
    """A bare singular noun after "de" says what kind of event it is, not who holds it:
    "huelga de celo", "marcha de silencio", "jornada de luto"."""
    return (
        token.pos_ == "NOUN"
        and "Sing" in token.morph.get("Number")
        and not any(c.dep_ == "det" for c in token.children)
        and not _actor_word(token)
    )


def _agent_of(verb: Token) -> Token | None:
    """The "por" agent of a passive verb, wherever the parse hung it."""
    for child in verb.children:
        if _case(child) == "por" and child.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            return child
    return _marked_actor(verb, ("por",), set())


def _relative_support_actor(noun: Token) -> Token | None:
    """Who carries an event noun in a relative clause of a support verb on it: "la huelga
    que realizan los maestros", "la marcha que encabezaron los vecinos" -> maestros, vecinos.
    The relative pronoun is the noun; the clause's other bare argument (the small model often
    reads a subject after its verb as an object) is the actor."""
    for clause in noun.children:
        if clause.dep_ not in ("acl", "acl:relcl") or not _lemma_in(clause, "support"):
            continue
        if not any(lex.fold(c.text) in RELATIVES for c in clause.children):
            continue
        for arg in clause.children:
            if (
                arg.dep_ in SOURCE_DEPS | TARGET_DEPS
                and lex.fold(arg.text) not in RELATIVES
                and not _case(arg)
                and arg.pos_ in ("NOUN", "PROPN", "NUM")
                and not _time_word(arg)
            ):
                return arg
    return None


def _noun_arguments(trig: Trigger) -> tuple[Token | None, Token | None, bool]:
    """(source, target, carried?) of a noun trigger: the support verb's subject, else a
    ``por`` or ``de`` complement; ``contra``/``a`` complements are targets."""
    noun = trig.token
    source = target = de = None
    agent = None
    for child in noun.children:
        case = _case(child)
        if child.dep_ in ("nmod", "obl", "amod") and child.pos_ in ("NOUN", "PROPN", "ADJ"):
            extra = TARGET_CASES.get(lookup(trig.cameo).plover or "", ())
            if case in ("contra", "a", "al", "hacia", *extra) and target is None:
                if case == "con" and not (_actor_word(child) or _actorish(child)):
                    continue  # "un acuerdo con piedras": what, not with whom
                target = child
            elif case in ("de", "del") and (de is None or _modifier(de)):
                de = child
            elif case == "por" and agent is None:
                agent = child
            elif case == "entre" and source is None:  # "combates entre X y Y"
                source = child
                others = [c for c in child.children if c.dep_ == "conj"]
                target = others[0] if others else target
    if agent is None:  # "la huelga que realizan los maestros": the relative clause's actor
        agent = _relative_support_actor(noun)
    if de is not None and _modifier(de):  # "la huelga de celo de los controladores"
        de = next((c for c in de.children if c.dep_ == "nmod" and _case(c) in ("de", "del")), None)
    if de is not None and agent is None:  # "el asesinato de un alcalde por indígenas"
        agent = next((c for c in de.children if c.dep_ == "nmod" and _case(c) == "por"), None)
    if agent is None:  # "la huelga convocada por los sindicatos", "el paro, decretado por ..."
        agent = _participle_agent(noun)
    if de is not None:
        if trig.de_target or agent is not None:
            target = target or de
        else:
            source = source or de
    source = agent or source
    while (  # "iniciaron una jornada de protestas": the container carries the event noun
        noun.dep_ == "nmod"
        and _case(noun) in ("de", "del")
        and noun.head is not noun
        and lex.fold(noun.head.lemma_) in lex.word_set("container")
    ):
        noun = noun.head
    head = noun.head
    carried = False
    if head is not noun and head.pos_ in ("VERB", "AUX"):
        if noun.dep_ in TARGET_DEPS or noun.dep_ in ("obl", "obl:arg"):
            if _lemma_in(head, "support"):
                carried = True
                subj, _ = _subject(head)
                source = subj or _bare_subject(head, noun) or source
            elif _lemma_in(head, "victim"):
                carried = True
                subj, _ = _subject(head)
                target = subj or target
        elif noun.dep_ in SOURCE_DEPS | PASSIVE_SUBJECT and _lemma_in(head, "happen"):
            carried = True
        elif (
            noun.dep_ in SOURCE_DEPS | PASSIVE_SUBJECT
            and _lemma_in(head, "support")
            and _subject(head)[1]
        ):
            # "la marcha fue convocada por los sindicatos": the passive's agent holds it
            carried = True
            source = _agent_of(head) or source
        if source is None and not carried and noun.dep_ in ("obl", "obl:arg", "nmod"):
            subj, _ = _subject(head)  # "los mineros marcharon en protesta": the marchers
            source = subj
    elif head is not noun and noun.dep_ == "nmod" and source is None:
        verb = _support_above(noun)
        if verb is not None:  # "participaron en Quito de una marcha": the parse hung it lower
            carried = True
            source = _subject(verb)[0] or source
    return source, target, carried


def _support_above(noun: Token) -> Token | None:
    """A verb of taking part a few complements above an event noun the parse hung on another
    noun:
    "participaron el sábado en la capital de una marcha" (marcha under capital)."""
    node = noun
    for _ in range(3):
        if node.dep_ not in ("nmod", "obl", "obj") or node.head is node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node if _lemma_in(node, "take_part") else None
    return None


def _bare_subject(verb: Token, noun: Token) -> Token | None:
    """The subject of an intransitive support verb that the small model reads as its object
    when it follows the verb: "en la marcha participaron varios dirigentes"."""
    if not _lemma_in(verb, "take_part"):
        return None  # "realizaron una marcha": the object is the event itself
    for child in verb.children:
        if (
            child is not noun
            and child.dep_ in TARGET_DEPS
            and not _case(child)
            and child.pos_ in ("NOUN", "PROPN", "NUM")
            and not _time_word(child)
        ):
            return child
    return None


def _names_its_head(
    token: Token, coded: dict[int, tuple[Trigger, Token | None, Token | None]]
) -> bool:
    """An event noun that is the "de" complement of a coded event noun of its own type: "la
    marcha de protesta", "una huelga de protesta"."""
    head = token.head
    if (
        head is token
        or head.i not in coded
        or token.dep_ != "nmod"
        or _case(token) not in ("de", "del")
    ):
        return False
    mine, theirs = coded[token.i][0], coded[head.i][0]
    return lookup(mine.cameo).plover == lookup(theirs.cameo).plover


def _governs_event(verb: Token, triggers: dict[int, Trigger]) -> Token | None:
    """A complement verb that is itself an event ("se negó a liberar": liberar)."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp", "advcl", "obl") and child.i in triggers:
            return child
    return None


SWALLOWING = ("REJECT", "THREATEN", "REQUEST", "AGREE")  # the complement is what they are about


def code_sentence(
    sent: Sentence, parsed: ParsedArticle, home: str | None, actor_cache: dict[int, Actor | None]
) -> list[Event]:
    span = sent.span
    triggers: dict[int, Trigger] = {}
    for token in span:
        if token.pos_ == "NOUN" and noun_trigger(token) is not None:
            continue  # "protesta", "marcha": the noun, not a mis-tagged verb
        trig = (
            verb_trigger(token) if token.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN") else None
        )
        if trig is None and token.pos_ == "VERB" and token.dep_ == "ROOT":
            trig = verb_trigger(token)
        if trig is not None and _verb_as_noun(token) is not None:
            continue  # "en los desfiles": coded below as a noun, with a noun's arguments
        # "manifestó que...": a report; "se manifestaron", "declararon la huelga": events
        if trig is not None and (
            trig.reflexive or len(trig.words) > 1 or not _lemma_in(token, "report")
        ):
            triggers[token.i] = trig
    # a complement swallowed by its governor: "amenazó con atacar" is one THREATEN
    swallowed: set[int] = set()
    for trig in list(triggers.values()):
        info = lookup(trig.cameo)
        inner = _governs_event(trig.token, triggers)
        if inner is not None and info.plover in SWALLOWING:
            swallowed.add(inner.i)
            if info.plover == "THREATEN" and lookup(triggers[inner.i].cameo).plover == "ASSAULT":
                trig.cameo = "138"
    nominal: dict[int, tuple[Trigger, Token | None, Token | None]] = {}
    covered = {t.i for trig in triggers.values() for t in trig.words}
    for token in span:
        if token.i in covered or token.i in triggers:
            continue
        trig = noun_trigger(token) or _verb_as_noun(token)
        if trig is None:
            continue
        source, target, carried = _noun_arguments(trig)
        head = token.head
        if lookup(trig.cameo).plover == "PROTEST" and head is not token and _lemma_in(head, "call"):
            # "convocaron a una huelga", "anunció nuevas protestas": a threat to protest
            trig.cameo = "133"
            swallowed.add(head.i)
            subj, _ = _subject(head)
            source = subj or source
            carried = True
        if (
            lookup(trig.cameo).plover == "PROTEST"
            and head is not token
            and token.dep_ in TARGET_DEPS
            and _lemma_in(head, "end")
        ):
            # "levantaron la huelga", "suspendieron el paro": the protesters yield
            trig.cameo = "080"
            swallowed.add(head.i)
            subj, _ = _subject(head)
            source = subj or source
            carried = True
        head_trigger = (
            token.head.i in triggers and token.head is not token and token.dep_ in TARGET_DEPS
        )
        if head_trigger and not carried:
            continue  # "condenaron el ataque": the object of an event verb is its topic
        if (
            carried
            or not triggers
            or token.dep_ in ("obl", "nmod", "obl:arg", "nsubj")
            or token.head is token
        ):
            nominal[token.i] = (trig, source, target)
    for i in [i for i in nominal if _names_its_head(span.doc[i], nominal)]:
        del nominal[i]  # "una marcha de protesta": one protest, named twice
    events: list[Event] = []

    def actor(token: Token | None) -> Actor | None:
        if token is None:
            return None
        if token.i not in actor_cache:
            actor_cache[token.i] = code_actor(token, parsed, home)
        return actor_cache[token.i]

    def make(trig: Trigger, source: Token | None, target: Token | None, verb: Token) -> None:
        plover = lookup(trig.cameo).plover
        if target is None and plover in MARKED_TARGET:
            target = _against(trig.words[-1], {t.i for t in trig.words}, plover)
        s, t = actor(stand_in(source)), actor(stand_in(target))
        cameo = trig.cameo
        cameo = _by_source(cameo, s, nominal=trig.nominal)
        if source is not None and cameo in lex.word_set("crowd_from") and _crowd(source):
            cameo = "141"
        modality = _modality(verb)
        if modality == "planned" and lookup(cameo).plover == "PROTEST" and not _negated(verb):
            cameo, modality = "133", "asserted"  # a protest announced is a threat to protest
        info = lookup(cameo)
        if info.plover is None:
            return
        if s is not None and t is not None and s.start == t.start:
            t = None
        start, end = parsed.char_span(trig.token)
        if len(trig.words) > 1:
            end = parsed.char_span(trig.words[-1])[1]
        negated = _negated(verb)
        text = parsed.article.text[start:end]
        events.append(
            Event(
                doc=parsed.article.id,
                sentence=parsed.article.text[sent.start : sent.end],
                sentence_start=sent.start,
                sentence_end=sent.end,
                plover=info.plover,
                cameo=cameo,
                trigger={"text": text, "start": start, "end": end},
                source=s,
                target=t,
                mode=info.mode,
                context=info.context,
                quad_class=info.quad_class,
                goldstein=info.goldstein,
                negated=negated,
                modality=modality,
                confidence=LIGHT_CONFIDENCE if trig.nominal else VERB_CONFIDENCE,
                language="es",
            )
        )

    for i, trig in sorted(triggers.items()):
        if i in swallowed:
            continue
        source, target = _arguments(
            trig.token, {t.i for t in trig.words}, lookup(trig.cameo).plover
        )
        skip = {t.i for t in trig.words}
        heads = _conj_heads(target) if target is not None else [None]
        for t in heads[:1] + [h for h in heads[1:] if _target_score(h, "a", skip)]:
            make(trig, source, t, trig.token)  # "a Ana y a Luis"; not "..., Meta" after them
    for _, (trig, source, target) in sorted(nominal.items()):
        verb = trig.token.head if trig.token.head.pos_ in ("VERB", "AUX") else trig.token
        make(trig, source, target, verb)
    return _dedupe(events)


def _by_source(cameo: str, source: Actor | None, nominal: bool = False) -> str:
    """Who acts changes the code: a road blocked by rebels is a blockade (armed), a bus
    burnt by students a riot (civil), a government that protests (the verb: "Cuba protestó")
    lodges an official complaint (state; a country named alone counts as its state)."""
    if source is None:
        return cameo
    sector = lex.fold(source.sector or "")
    for kind in ("armed", "civil") if nominal else ("armed", "civil", "state"):
        if sector in lex.word_set(f"{kind}_sector") or (
            kind == "state" and not sector and source.country
        ):
            return lex.code_map(kind).get(cameo, cameo)
    return cameo


def _crowd(token: Token) -> bool:
    """A number of people as a subject: "300 personas", "un millar de jóvenes"."""
    if token.pos_ == "NUM" or lex.fold(token.text) in lex.word_set("partitive"):
        return True
    return any(c.dep_ == "nummod" for c in token.children)


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per type and dyad in a sentence."""
    seen: set[tuple] = set()
    out = []
    for e in events:
        key = (
            e.plover,
            e.source.name if e.source else None,
            e.target.name if e.target else None,
        )
        if key in seen:
            continue
        seen.add(key)
        out.append(e)
    return out

"""Headlines in capitals and text stripped of accents, parsed again.

The Spanish model reads a sentence in capitals ("MINEROS BLOQUEAN CARRETERA EN EL SUR") as a
string of proper nouns: no verbs, no subjects. Such a sentence is rewritten in sentence case --
lower case, a capital first letter, country names capitalised and known acronyms kept -- and
its chunk is parsed again. Every character keeps its place (case changes only, checked), so
offsets into the article stay valid; names and sentences are read from the article text.

Records written without accents ("el ejercito ataco el caserio") lose the preterite's stress
mark, and the tagger reads "ataco" as an adjective. In a text with no accented letter at all,
a word that is a known verb's stem plus "o" / "io" gets its accent back ("atacó", "murió")
before the chunk is parsed again -- one character for one.
"""

from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.languages.es import lexicon as lex
from newsevents.nlp.pipeline import ParsedArticle

WORD = re.compile(r"\w[\w'-]*")


def in_capitals(text: str) -> bool:
    """Mostly capital letters (stripping accents may leave one lower-case letter: "BOLiVAR")."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 3 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def sentence_case(text: str) -> str:
    """ "MINEROS DE BOLIVIA BLOQUEAN VIAS" -> "Mineros de Bolivia bloquean vias" (same length)."""
    groups, countries = lex.groups(), lex.countries()
    out = list(text.lower())
    first = True
    for m in WORD.finditer(text):
        word = m.group()
        folded = lex.fold(word)
        if (folded,) in groups and len(word) <= 6:
            keep = word  # an acronym: FARC, ONU
        elif (folded,) in countries and not folded.endswith(("os", "as", "es")):
            keep = word[0] + word[1:].lower()  # a country name, not a plural demonym
        elif first:
            keep = word[0] + word[1:].lower()
        else:
            keep = word.lower()
        first = False
        out[m.start() : m.end()] = keep
    result = "".join(out)
    return result if len(result) == len(text) else text


# words before a noun: "el bloqueo", "un disparo", "tras el paro" are nouns, not preterites
NOUN_MARKERS = frozenset(
    "el un una la lo del al su sus este ese aquel otro nuevo cada primer segundo dicho tal"
    " de en por con tras sin contra para sobre ante entre mas".split()
)
ACCENTED = re.compile(r"[áéíóúÁÉÍÓÚ]")


@functools.lru_cache(maxsize=1)
def _verb_infinitives() -> frozenset[str]:
    """Infinitives the coder knows: event verbs and the cue verbs of ``words.tsv``."""
    out = set(lex.verbs())
    for kind in ("report", "support", "happen", "victim", "call", "plan"):
        out |= {
            w.split()[0] for w in lex.word_set(kind) if w.split()[0].endswith(("ar", "er", "ir"))
        }
    return frozenset(out)


def restore_preterite(text: str) -> str:
    """ "los rebeldes ataco y huyo" -> "atacó", "murio" -> "murió" (same length); only for
    verbs the coder knows, in lower case."""
    known = _verb_infinitives()

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        before = text[max(0, m.start() - 12) : m.start()].split()
        if not word.islower() or (before and lex.fold(before[-1]) in NOUN_MARKERS):
            return word  # "el secuestro", "de un disparo": the noun, not "secuestró"
        if word.endswith("io") and (word[:-2] + "er" in known or word[:-2] + "ir" in known):
            return word[:-1] + "ó"
        if word.endswith("o") and word[:-1] + "ar" in known:
            return word[:-1] + "ó"
        return word

    return WORD.sub(fix, text)


def recase(parsed: ParsedArticle, nlp: Language) -> ParsedArticle:
    """The article with every chunk that holds a headline in capitals (parsed again in
    sentence case) or a text without accents (parsed again with the preterite's accents);
    other chunks are kept as they were."""
    chunks: list[tuple[int, Doc]] = []
    changed = False
    accentless = not ACCENTED.search(parsed.article.text)
    for offset, doc in parsed.chunks:
        text = doc.text
        heads = [s for s in doc.sents if in_capitals(s.text)]
        chars = list(restore_preterite(text) if accentless else text)
        for sent in heads:
            chars[sent.start_char : sent.end_char] = sentence_case(sent.text)
        new = "".join(chars)
        if new == text or len(new) != len(text):
            chunks.append((offset, doc))
            continue
        chunks.append((offset, nlp(new)))
        changed = True
    if not changed:
        return parsed
    return ParsedArticle(parsed.article, chunks)

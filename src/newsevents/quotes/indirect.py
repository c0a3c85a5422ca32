"""Indirect (reported) speech: a speech verb whose clausal complement is not in quote marks,
e.g. "The mayor said on the radio that she would resign"."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from spacy.tokens import Token

from newsevents.models import Quote
from newsevents.quotes.attribute import is_speech_verb, noun_owner, subject_of
from newsevents.quotes.lexicon import Lexicon
from newsevents.quotes.tokens import Ranges, TokenIndex

MIN_CLAUSE_TOKENS = 3  # "he said it was" is not yet a report
MIN_INFINITIVE_TOKENS = 2  # "she refused to resign" is
TOPIC_PREPS = ("about", "of", "on", "for", "against", "over")  # "spoke about the plan"
COMMISSIVE_VERBS = ("pledge", "promise", "vow", "threaten", "propose", "offer", "refuse")
# stances a source takes on what it will do ("she wants to run", "he declined to comment")
INTENT_VERBS = ("want", "plan", "decide", "decline", "intend", "seek")
# a desire for its object, as "like" and "love" are: "voters want lower fares"
WISH_VERBS = ("want",)
CUE_TOPIC_PREPS = ("about", "on", "against")  # "railed against the deal"; not "backs X over Y"
NOUNS = ("NOUN", "PROPN")
PERSONAL_PRONOUNS = ("i", "we", "you", "he", "she", "they", "who")
SOURCE_ENTS_OF_CUES = ("PERSON", "ORG", "NORP", "GPE")
AGENT_SUFFIXES = ("er", "or", "ist", "ian")  # voter, investigator, economist, historian
ADDRESSEE_VERBS = ("tell", "ask", "inform", "urge", "thank", "beg", "plead", "accuse", "warn")


def reported_clauses(
    index: TokenIndex, lex: Lexicon, quoted: list[tuple[int, int]]
) -> Iterator[tuple[Token, int, int]]:
    """(verb, start, end) of each reported clause outside quotation marks."""
    inside = Ranges(quoted)
    for verb, entry in zip(index.tokens, index.speech_entries(lex), strict=True):
        if entry is None or index.start(verb) in inside:
            continue
        lemma = verb.lemma_.lower()
        clause = is_speech_verb(verb, lex, direct=False)
        to_report = (entry.infinitive or lemma in COMMISSIVE_VERBS + INTENT_VERBS) and (
            clause or (entry.cue_only or entry.directive) and verb.pos_ in ("VERB", "AUX")
        )
        if not (clause or to_report):
            continue
        second = coordinated_report(verb, lex)
        if (
            second is None
            and (lemma in INTENT_VERBS or entry.cue_only)
            and _reported(verb, lex)
            and not _own_report(verb, lex)
        ):
            continue  # 'she said she plans to run': the saying is the attribution
        if entry.cue_only and not has_source(verb, lex):
            continue  # 'the crisis highlighted that ...', 'assuming that ...': no one holds it
        if second is None and _part_of_report(verb, lex) and not _own_report(verb, lex):
            continue  # "she said she did not mention the audit": one report
        if to_report and any(c.dep_ == "auxpass" for c in verb.children):
            to_report = False  # 'the accord is expected to pass': not the subject's plan
        misread = (_clause_after_time(verb) or _clause_as_adverbial(verb)) if clause else None
        for child in [*verb.children, *([misread] if misread is not None else [])]:
            if child == misread:
                pass  # "reported at the time that ...": the parser hung the clause on "time"
            elif not (child.dep_ == "ccomp" and clause or to_report and _infinitive(child)):
                continue
            elif _lead_before_colon(verb, child):
                continue  # "The ruling set off a fight: Republicans said ...": a lead-in
            toks = [t for t in child.subtree if not t.is_space]
            if child == misread:  # its "that" is the complementiser, not a relative pronoun
                toks = toks[1:] if toks and toks[0].lower_ == "that" else toks
            cut = [
                c
                for c in child.children
                if coordinated_report(c, lex) is not None or _own_report(c, lex)
            ]
            if cut:  # "... close the depot and suggested that ...": up to the second report
                first = min(t.i for c in cut for t in c.subtree)
                toks = [t for t in toks if t.i < first]
                while toks and toks[-1].dep_ == "cc":
                    toks.pop()
            if entry.directive:
                # 'urged voters to stay home': the addressee is part of what was urged
                toks = _with_addressee(verb, child, toks, entry.lemma.partition(" ")[2])
            toks = _trim_edges(toks, ("mark",))
            shortest = MIN_INFINITIVE_TOKENS if child.dep_ == "xcomp" else MIN_CLAUSE_TOKENS
            if len(toks) < shortest or _mostly_quoted(index, toks, quoted):
                continue  # a direct quotation's own clause is not reported speech
            yield verb, index.start(toks[0]), index.end(toks[-1])


def _lead_before_colon(verb: Token, clause: Token) -> bool:
    """A clause that ends at a colon before the speech verb's own subject introduces the
    report, it is not what was said: "The ruling set off a new fight: Republicans said they
    were sure the agency erred" (the parser hangs the lead-in on "said")."""
    end = clause.right_edge.i
    if end + 1 >= verb.i or clause.doc[end + 1].text != ":":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and end + 1 < c.i < verb.i for c in verb.children)


CONCESSIVE_MARKS = ("though", "although", "while", "whereas")


def _own_report(verb: Token, lex: Lexicon) -> bool:
    """A conjoined speech verb with a subject of its own is another attribution, not part
    of the clause it hangs on: 'She said the fund was empty, and the treasurer replied, "..."'.
    So is a concession with a speech verb of its own, which the writer sets against the
    clause: 'Roe said the fund was empty, though she noted that the state would pay'."""
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    conjoined = verb.dep_ == "conj" and not marks  # not "... but that it would add"
    conceded = verb.dep_ == "advcl" and any(m in CONCESSIVE_MARKS for m in marks)
    # a concession may report a refusal or a promise: "..., although she refused to resign"
    speaks = is_speech_verb(verb, lex) or conceded and _reports_infinitive(verb, lex)
    return (
        (conjoined or conceded)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and speaks
        and has_source(verb, lex)
    )


def _reports_infinitive(verb: Token, lex: Lexicon) -> bool:
    """'refused to resign', 'vowed to appeal': a cue verb whose to-infinitive it reports."""
    entry = lex.verb(verb)
    if entry is None or not (entry.infinitive or verb.lemma_.lower() in COMMISSIVE_VERBS):
        return False
    return any(_infinitive(c) for c in verb.children)


FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
# "has not said whether (if, how, why) she would run": after a negated speech verb, a question
WH_OPENERS = ("whether", "if", "how", "why")
TIME_OPENERS = ("when", "where")  # a question only with a modal: "when she would decide"


def _question(clause: Token, opener: Token) -> bool:
    if opener.lower_ in WH_OPENERS:
        return True
    modal = any(k.tag_ == "MD" for k in clause.children)
    return opener.lower_ in TIME_OPENERS and modal  # not "did not speak when they voted"


def _clause_as_adverbial(verb: Token) -> Token | None:
    """The clause a speech verb reports when the parser hung it as an adverbial clause: in
    "Roe said after the vote she would not resign" the clause after "said" has its own
    subject and no subordinator (if, when, because), so it is what was said; after a negated
    verb a question clause is too ("Roe has not said when she would decide")."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ != "advcl" or c.i < verb.i or c.pos_ not in ("VERB", "AUX"):
            continue
        opener = [k for k in c.children if k.dep_ in ("mark", "advmod") and k.i < c.i]
        negated = any(k.dep_ == "neg" for k in verb.children) and not any(
            k.dep_ == "dobj" for k in verb.children
        )  # not "did not say anything when the council voted"
        if opener and not (negated and _question(c, opener[0])):
            continue  # "said so when she left", "said it because ..."
        finite = c.tag_ in FINITE_TAGS or any(
            k.dep_ in ("aux", "auxpass") and k.tag_ in FINITE_TAGS for k in c.children
        )
        own = any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children)
        if finite and own:
            return c
    return None


TIME_NOUNS = ("time", "moment", "week", "day", "month", "year", "weekend", "night", "morning")


def _clause_after_time(verb: Token) -> Token | None:
    """The that-clause a speech verb reports when the parser read it as a relative clause of
    the time phrase before it: in "the paper reported at the time that the mayor had quit"
    the clause hangs on "time", with "that" as its relative pronoun. Only a clause with a
    subject of its own ("that the mayor had quit", not "the week that followed")."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    for prep in (c for c in verb.children if c.dep_ in ("prep", "npadvmod")):
        nouns = (
            [prep] if prep.dep_ == "npadvmod" else [c for c in prep.children if c.dep_ == "pobj"]
        )
        for noun in nouns:
            if noun.lemma_.lower() not in TIME_NOUNS and noun.ent_type_ not in ("DATE", "TIME"):
                continue
            for rel in (c for c in noun.children if c.dep_ == "relcl" and c.i > noun.i):
                first = rel.doc[noun.i + 1]
                if first.lower_ != "that" or rel not in (first.head, first.head.head):
                    continue
                if any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in rel.children):
                    return rel
    return None


def misread_verbs(
    index: TokenIndex, lex: Lexicon, quoted: list[tuple[int, int]]
) -> Iterator[tuple[Token, Token, int, int]]:
    """(verb, name, start, end) of a speech verb in -s the tagger read as a plural noun after
    a name that is also a word ("Rook charges that the count was wrong", tagged like "rook
    charges" or "to rook charges"): the name right before it as its compound or as the verb
    whose object it is, and a that-clause with a subject of its own after it. The clause is
    the report and the name its source."""
    inside = Ranges(quoted)
    for tok in index.tokens:
        if tok.tag_ != "NNS" or not tok.lower_.endswith("s") or tok.i == 0:
            continue
        entry = lex.verb(tok)
        if entry is None or not entry.indirect or index.start(tok) in inside:
            continue
        name = tok.doc[tok.i - 1]
        compound = name.dep_ == "compound" and name.head == tok
        if not name.text.istitle() or not (compound or tok.dep_ == "dobj" and tok.head == name):
            continue
        if tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].lower_ != "that":
            continue
        mark = tok.doc[tok.i + 1]
        clause = mark.head
        if mark.dep_ != "mark" or clause.pos_ not in ("VERB", "AUX") or clause.i < mark.i:
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            continue
        toks = [t for t in clause.subtree if not t.is_space and t.i > mark.i]
        while toks and toks[-1].is_punct:
            toks.pop()
        if len(toks) < MIN_CLAUSE_TOKENS or _mostly_quoted(index, toks, quoted):
            continue
        yield tok, name, index.start(toks[0]), index.end(toks[-1])


def coordinated_report(verb: Token, lex: Lexicon) -> Token | None:
    """The speech verb whose report a conjoined speech verb continues: in "Roe said that
    the city would close the depot and suggested that it would sell the land" the parser
    hangs "suggested" on "close", inside what "said" reports; with no subject of its own and
    a clause of its own it is Roe's second report, not part of the first. So is a participle
    after a comma ("Roe said the depot was old, arguing that the land was worth more")."""
    if verb.dep_ != "conj" and not _comma_participle(verb):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    head = verb.head
    if not (head.dep_ == "ccomp" and is_speech_verb(head.head, lex, direct=False)):
        return None
    if any(c.dep_ == "ccomp" for c in verb.children):
        return head.head if is_speech_verb(verb, lex, direct=False) else None
    return head.head if _second_object_report(verb, head, lex) else None


def _second_object_report(verb: Token, head: Token, lex: Lexicon) -> bool:
    """'Roe said the city would sell the depot and warned against delays': a conjoined cue
    verb with an object or topic and the tense of the outer speech verb, after a reported
    clause in another form (a modal, an auxiliary, another tense), is a second report; in
    'said the city would sell the depot and buy land' the verb is part of the first."""
    entry = lex.verb(verb)
    outer = head.head
    if entry is None or not entry.objects or entry.lemma in INTENT_VERBS:
        return False
    if _comma_participle(verb):  # "Roe said the dam was safe, citing a survey"
        return any(c.dep_ == "dobj" for c in verb.children)
    if verb.tag_ not in ("VBD", "VBZ") or verb.tag_ != outer.tag_:
        return False
    if not any(c.dep_ in ("dobj", "prep") for c in verb.children):
        return False
    other_form = head.tag_ != verb.tag_ or any(c.dep_ == "aux" for c in head.children)
    return other_form and (not entry.cue_only or has_source(outer, lex))


def _comma_participle(verb: Token) -> bool:
    """'..., arguing that ...': a present participle hung as a clause of the verb before it,
    after a comma."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and verb.head.i < verb.i
    )


def has_source(verb: Token, lex: Lexicon) -> bool:
    """A belief or stance cue needs a subject that can hold a view: a name, a personal
    pronoun, a person, group, body or document noun ("voters back the plan", "the study
    demonstrates that ..."), not a thing ("the crisis highlighted ...") or no one."""
    subj = subject_of(verb)
    if subj is None or _conditional_participle(verb, lex):
        return False
    if subj.lower_ in ("that", "which") and verb.dep_ == "relcl" and verb.head.pos_ in NOUNS:
        subj = verb.head  # "the union, which backs the plan": the union
    return can_hold_view(subj, lex)


def can_hold_view(subj: Token, lex: Lexicon) -> bool:
    """A name, a personal pronoun, a person, group, body or document noun; a share of
    one ("one of the senators", "some of the voters": the senators, the voters)."""
    whole = _partitive_whole(subj)
    if whole is not None:
        subj = whole
    lemma = subj.lemma_.lower()
    if subj.pos_ == "PRON":
        return subj.lower_ in PERSONAL_PRONOUNS
    if subj.pos_ == "PROPN" or subj.ent_type_ in SOURCE_ENTS_OF_CUES:
        return True
    if any(t.ent_type_ in SOURCE_ENTS_OF_CUES for t in subj.lefts):
        return True  # "the Republican nominee", "Senate leaders"
    words = lex.source_nouns | lex.person_roles | lex.document_nouns
    return lemma in words or len(lemma) > 4 and lemma.endswith(AGENT_SUFFIXES)


PARTITIVE_WORDS = ("one", "some", "many", "most", "all", "few", "several", "each", "any", "both")


def _partitive_whole(subj: Token) -> Token | None:
    """'Two of the senators', 'one or more of its members': the noun of the whole."""
    if subj.tag_ != "CD" and subj.lower_ not in PARTITIVE_WORDS:
        return None
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _conditional_participle(verb: Token, lex: Lexicon) -> bool:
    """'Assuming that the levee holds, the town will stay dry': a participle before its
    clause, with no subject of its own, that opens a condition (not "Believing that the tax
    was unfair, the mayor vetoed it", which is the mayor's belief)."""
    return (
        verb.tag_ == "VBG"
        and verb.i < verb.head.i
        and verb.lemma_.lower() in lex.conditional_participles
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _part_of_report(verb: Token, lex: Lexicon) -> bool:
    """The cue is inside the clause another speech verb reports and speaks for the same
    source: no subject of its own ("his aides say it is too early to discuss a run"), a
    pronoun ("she said she did not mention the audit") or the outer subject's own words.
    A named source of its own is a nested attribution ("Roe said Baker has called for a
    recount") and stays."""
    outer = _reporting_head(verb, lex)
    if outer is None or verb.dep_ == "relcl":
        return False  # "she said the tax, which he proposed, was too high": his proposal
    own = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if own is None or own.pos_ == "PRON":
        return True
    theirs = subject_of(outer)
    return theirs is not None and theirs.lower_ == own.lower_


def _reporting_head(verb: Token, lex: Lexicon) -> Token | None:
    child = verb
    for _ in range(8):
        head = child.head
        if head == child:
            return None
        if child.dep_ in ("ccomp", "xcomp") and is_speech_verb(head, lex, direct=False):
            return head
        child = head
    return None


def _reported(verb: Token, lex: Lexicon) -> bool:
    """The verb is inside the clause a speech verb reports ("he said [he plans to run]")."""
    return _reporting_head(verb, lex) is not None


def _with_addressee(verb: Token, child: Token, toks: list[Token], prep: str = "") -> list[Token]:
    """The object before a directive's infinitive joins its content: 'told aides to wait',
    'called on the mayor to resign' (a prepositional row's object)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < child.i), None)
    if obj is None and prep:
        own = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == prep and c.i < child.i]
        obj = next((c for p in own[-1:] for c in p.children if c.dep_ == "pobj"), None)
    if obj is None or obj.pos_ == "PRON" and obj.lower_ in ("me", "us"):
        return toks
    return sorted([*obj.subtree, *toks], key=lambda t: t.i)


def _infinitive(child: Token) -> bool:
    """'she vowed to fight on': the to-infinitive a promise or proposal reports; also when
    the parser hangs it as a clause of purpose right after the verb ('they vow to rebuild')."""
    if child.dep_ == "advcl" and child.head.i + 2 != child.i:
        return False
    return child.dep_ in ("xcomp", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" and c.i < child.i for c in child.children
    )


def parenthetical_clauses(
    index: TokenIndex, lex: Lexicon, quoted: list[tuple[int, int]]
) -> Iterator[tuple[Token, int, int]]:
    """(verb, start, end) of reported speech around a parenthetical attribution: "The
    test, the agency said, was its biggest yet", "The plan hurt, Roe said, since ...",
    "As Roe noted, the dam is old", "As Roe put it, the dam is old". The parser hangs the
    speech verb on the reported clause (parataxis, or an "as" clause); the clause is that
    head's words without the attribution's."""
    inside = Ranges(quoted)
    for verb in index.tokens:
        if verb.head == verb or index.start(verb) in inside:
            continue
        put_it = _as_put_it(verb)
        if verb.dep_ == "parataxis":
            if not is_speech_verb(verb, lex, direct=False):
                continue
        elif not (_as_clause(verb) and (put_it or is_speech_verb(verb, lex, direct=False))):
            continue  # "as Roe noted, ...", "as Roe put it, ..."
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        if not put_it and any(
            c.dep_ == "ccomp"
            or c.dep_ == "dobj"
            and not (verb.lemma_.lower() in ADDRESSEE_VERBS and c.pos_ in ("PRON", "PROPN"))
            for c in verb.children
        ):
            continue  # the verb reports a clause of its own ("he told me" only names whom)
        skip = {t.i for t in verb.subtree}
        host = verb.head
        if host.dep_ in ("nsubj", "nsubjpass") and host.head.i > verb.i:
            host = host.head  # "The dam, as Roe noted, is old": hung on the subject
        toks = [t for t in host.subtree if t.i not in skip and not t.is_space]
        toks = _trim_edges(toks)
        if len(toks) < MIN_CLAUSE_TOKENS or _mostly_quoted(index, toks, quoted):
            continue
        yield verb, index.start(toks[0]), index.end(toks[-1])


def _as_clause(verb: Token) -> bool:
    """'as Roe noted': an adverbial clause opened by "as" around the words it reports."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children
    )


def _as_put_it(verb: Token) -> bool:
    """'as Roe put it': "put" with "it" for what was said."""
    return (
        verb.lemma_.lower() == "put"
        and _as_clause(verb)
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)
    )


QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019`"


def colon_blocks(
    index: TokenIndex, lex: Lexicon, quoted: list[tuple[int, int]]
) -> Iterator[tuple[Token, int, int]]:
    """(verb, start, end) of a paragraph a speech verb introduces with a colon that ends
    its own paragraph, when that paragraph is not in quote marks: "The governor added:"
    then the paragraph of what he added."""
    text = index.parsed.article.text
    inside = Ranges(quoted)
    for tok in index.tokens:
        if tok.text != ":" or index.start(tok) in inside:
            continue
        line_end = text.find("\n", index.end(tok))
        if line_end < 0 or text[index.end(tok) : line_end].strip():
            continue  # the colon does not end its paragraph
        verb = tok.head
        entry = lex.verb(verb)
        if entry is None or not (entry.direct or entry.indirect) or verb.pos_ != "VERB":
            continue
        if subject_of(verb) is None or any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
            continue
        start = line_end
        while start < len(text) and text[start].isspace():
            start += 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end or text[start] in QUOTE_MARKS:
            continue  # a quotation: the direct attribution's colon rule takes it
        toks = [t for t in index.between(start, end) if not t.is_space]
        if len(toks) < MIN_CLAUSE_TOKENS or _mostly_quoted(index, toks, quoted):
            continue
        yield verb, start, end


MAX_LABEL_WORDS = 4  # "PENCE:", "Jane Roe:", "Sen. Jane Roe:" opening a line
SOURCE_ENTS = ("PERSON", "ORG", "NORP")  # a line's label is a source the article names


def speaker_lines(
    index: TokenIndex, quoted: list[tuple[int, int]], lex: Lexicon | None = None
) -> Iterator[tuple[Token, Token, int, int]]:
    """(colon, speaker head, start, end) of lines that open with a name and a colon, the
    transcript and headline form ("ROE: We will win.", "Jane Roe: Voters Want Change"):
    the rest of the line, outside quotation marks, is what the named source says."""
    text = index.parsed.article.text
    inside = Ranges(quoted)
    named: set[str] | None = None
    for tok in index.tokens:
        if tok.text != ":" or index.start(tok) in inside:
            continue
        line_start = text.rfind("\n", 0, index.start(tok)) + 1
        words = index.between(line_start, index.start(tok))
        if not words or not 1 <= len(words) <= MAX_LABEL_WORDS:
            continue
        if not all(w.pos_ == "PROPN" or w.text.rstrip(".").istitle() for w in words):
            continue
        if named is None:
            named = {t.lower_ for t in index.tokens if t.ent_type_ in SOURCE_ENTS}
        transcript = all(w.text.isupper() and len(w.text) > 1 for w in words)  # "ROE:"
        work = lex is not None and words[-1].lemma_.lower() in lex.work_nouns  # "New Poll:"
        if not transcript and not work and not any(
            w.lower_ in named for w in words if w.pos_ in ("PROPN", "NOUN")
        ):
            continue  # "The Latest:", "Stealth Over Health:" name no one the article names
        line_end = text.find("\n", index.end(tok))
        line_end = len(text) if line_end < 0 else line_end
        toks = [t for t in index.between(index.end(tok), line_end) if not t.is_space]
        while toks and (toks[0].is_punct or toks[0].is_quote):
            toks.pop(0)
        while toks and (toks[-1].is_punct or toks[-1].is_quote):
            toks.pop()
        if len(toks) < MIN_CLAUSE_TOKENS or index.start(toks[0]) in inside:
            continue  # a line that opens a quotation is the label's direct quote
        yield tok, words[-1], index.start(toks[0]), index.end(toks[-1])


def nominal_contents(
    index: TokenIndex, lex: Lexicon, quoted: list[tuple[int, int]]
) -> Iterator[tuple[Token, int, int]]:
    """(verb, start, end) of what a speech verb reports as a noun phrase, outside quotation
    marks: its object ("she criticized the new rules", "he called the charges false") or
    the object of a topic preposition ("they talked about the debate", "she called for a
    recount")."""
    inside = Ranges(quoted)
    for verb, entry in zip(index.tokens, index.speech_entries(lex), strict=True):
        if entry is None or not entry.objects or verb.pos_ != "VERB" or index.start(verb) in inside:
            continue
        if entry.lemma in INTENT_VERBS and entry.lemma not in WISH_VERBS:
            continue  # "the city plans a park": an act; only "plans to" reports
        if any(c.dep_ == "ccomp" for c in verb.children):
            continue  # the clause is the report (reported_clauses)
        if entry.cue_only and not has_source(verb, lex):
            continue  # "the rules support growth": a thing takes no stance
        if coordinated_report(verb, lex) is None and _part_of_report(verb, lex):
            continue  # "his aides say it is too early to discuss a run": one report
        preps = CUE_TOPIC_PREPS if entry.cue_only else TOPIC_PREPS
        word = entry.lemma.partition(" ")[2]
        prepositional = any(c.dep_ == "prep" and c.lower_ == word for c in verb.children)
        if prepositional:
            preps = (word,)  # "referred to the audit": the object of its own preposition
        as_much = _as_much(verb)
        if as_much and not any(c.dep_ in ("dobj", "xcomp") for c in verb.children):
            yield verb, index.start(as_much[0]), index.end(as_much[-1])
            continue
        for toks in _object_contents(verb, preps, objects=not prepositional, lex=lex):
            toks = _before_speaking_relative(toks, lex, verb)
            toks = [t for t in toks if not t.is_space]
            toks = _trim_edges(toks)
            if not toks or _mostly_quoted(index, toks, quoted):
                continue
            if _says_nothing(toks):
                continue  # "spoke on Monday", "said so"
            yield verb, index.start(toks[0]), index.end(toks[-1])


def _as_much(verb: Token) -> list[Token]:
    """'Roe said as much on Monday': 'as much' stands for what was said, a claim made before
    (unlike 'spoke as much as he could', where it measures the speaking)."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ == "much" and c.i > verb.i:
            left = [k for k in c.children if k.lower_ == "as" and k.i == c.i - 1]
            right = [k for k in c.subtree if k.i > c.i and k.lower_ in ("as", "than")]
            if left and not right:
                return [left[0], c]
    return []


def _before_speaking_relative(toks: list[Token], lex: Lexicon, verb: Token) -> list[Token]:
    """'Roe endorsed Baker, who says he is honored': a relative clause after a comma that
    reports speech of its own is Baker's attribution, not part of what Roe endorsed (the
    cue's own relative clause, 'the test, which the agency hailed', stays)."""
    inner = {t.i for t in toks}
    for t in toks:
        if t.dep_ != "relcl" or t.head.i not in inner or t.i == verb.i:
            continue
        if not is_speech_verb(t, lex, direct=False):
            continue
        first = min(k.i for k in t.subtree)
        if first > 0 and t.doc[first - 1].text == "," and t.doc[first - 1].i in inner:
            return [k for k in toks if k.i < first - 1]
    return toks


NAMING_VERBS = ("call", "label", "brand", "dub", "term")  # "called the plan a disaster"
OBJECT_PREPS = ("for", "as", "of", "on", "over", "about", "against")  # after an object
# what the object is likened to belongs to it: "compared the plan to a tax", "linked it with"
COMPARING_VERBS = ("compare", "liken", "equate", "link", "tie", "contrast")


def _object_contents(
    verb: Token, preps: tuple[str, ...], objects: bool = True, lex: Lexicon | None = None
) -> list[list[Token]]:
    """The noun-phrase contents of a speech or stance verb: its object with what the
    object is blamed, praised or taken for ("attacked the mayor for the delays", "derided
    the deal as toothless", "accused the board of lying": one content), else each topic
    ("talked about the plant"). An addressee alone is not a content ("told the crowd")."""
    addressee = verb.lemma_.lower() in ADDRESSEE_VERBS
    antecedent = relative_object(verb)
    if antecedent is not None:  # "the tax he proposed": the noun phrase is what he proposed
        return [list(antecedent.subtree)]
    if not objects:  # "referred to the plan as a gift": its preposition's object, and as what
        own = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps), None)
        if own is None or not _pobj(own):
            return []
        later = [c for c in verb.children if c.dep_ == "prep" and c.i > own.i and c.lower_ == "as"]
        return [sorted([*_pobj(own), *(t for c in later for t in c.subtree)], key=lambda t: t.i)]
    if any(c.dep_ == "agent" for c in verb.children):
        # "the plan was endorsed by the union": what the agent endorsed is the subject
        objects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        host = verb.head
        if not objects and verb.dep_ == "acl" and host.pos_ in NOUNS and host.i < verb.i:
            # "a plan, backed by the union, ...": what the agent backed is the noun phrase
            skip = {t.i for t in verb.subtree}
            return [[t for t in host.subtree if t.i not in skip]]
    else:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        objects = objects or [c for c in verb.children if _gerund(c)]
        if verb.lemma_.lower() in NAMING_VERBS and not any(
            c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ == "as"
            for c in verb.children
        ):
            objects = []  # "called a meeting", "called the office": naming needs a name
    obj = objects[0] if objects else None
    if addressee and lex is not None and obj is not None and not _addressed(obj, lex):
        addressee = False  # "urged restraint": no one is addressed, restraint is urged
    contents: list[list[Token]] = []
    joined = [t for o in objects for t in o.subtree]
    n_objects = len(joined)
    if obj is not None:
        for c in verb.children:
            if c.dep_ in ("oprd", "xcomp") and not addressee:
                joined += [*c.subtree]
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        pobj = _pobj(child)
        if not pobj or _says_nothing(pobj):
            continue
        after_object = OBJECT_PREPS
        if verb.lemma_.lower() in COMPARING_VERBS:
            after_object = (*OBJECT_PREPS, "to", "with")
        if obj is not None and child.i > obj.i and child.lower_ in after_object:
            joined += [*child.subtree]  # "for the delays" belongs to what the object is
        elif child.lower_ in preps:
            contents.append(pobj)
    if joined and not (addressee and len(joined) == n_objects):
        contents.insert(0, sorted(joined, key=lambda t: t.i))
    return contents


def _addressed(obj: Token, lex: Lexicon) -> bool:
    """The object of 'tell' or 'urge' is someone addressed: a person, group or body, or
    an audience with the clause it was told hung on it ("told a meeting that ...")."""
    if can_hold_view(obj, lex):
        return True
    return any(k.dep_ == "mark" and k.lower_ == "that" for c in obj.children for k in c.children)


RELATIVE_PRONOUNS = ("which", "that", "whom", "who", "what")
# nouns a relative clause modifies without being its verb's object: "the day she spoke",
# "the way he put it", "the reason they objected"
NOT_OBJECT_NOUNS = (*TIME_NOUNS, "way", "reason", "place", "manner", "extent", "degree")


def relative_object(verb: Token) -> Token | None:
    """The noun a cue verb's relative clause modifies when the clause's object is its gap:
    "the tax he has proposed", "an audit, which the board pointed to as proof", "the
    target they pledged to reach". The clause has a subject of its own (not the relative
    pronoun: in "the union, which backs the plan", the union is the source) and no object
    but the relative pronoun."""
    head = verb.head
    if verb.dep_ != "relcl" or head.pos_ not in NOUNS or head.i > verb.i:
        return None
    if head.ent_type_ in ("DATE", "TIME") or head.lemma_.lower() in NOT_OBJECT_NOUNS:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(c.lower_ in RELATIVE_PRONOUNS for c in subjects):
        return None
    if not _finite(verb):
        return None  # "little reason for the city to respond now": no relative clause
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.lower_ not in RELATIVE_PRONOUNS:
            return None  # "the meeting where she told reporters ..."
        if child.dep_ in ("ccomp", "oprd", "attr", "auxpass"):
            return None  # the clause reports a clause of its own
        if child.dep_ == "xcomp" and any(c.dep_ in ("dobj", "ccomp") for c in child.children):
            return None  # "the plan she vowed to block it with"
        if child.dep_ == "advmod" and child.lower_ in ("where", "when", "why", "how"):
            return None  # "the hall where she spoke"
    return head


def _finite(verb: Token) -> bool:
    return verb.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children
    )


def _pobj(prep: Token) -> list[Token]:
    return [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]


def _gerund(child: Token) -> bool:
    """'she proposed cutting the fares': a gerund complement is what was proposed."""
    return (
        child.dep_ == "xcomp"
        and child.tag_ == "VBG"
        and not any(c.dep_ == "aux" for c in child.children)
    )


def _says_nothing(toks: list[Token]) -> bool:
    """Only dates, times, function words and punctuation ("spoke on Monday", "said so"); a
    numeral is a content, though spaCy lists number words as stop words ("appointed four")."""
    return all(
        t.ent_type_ in ("DATE", "TIME") or t.is_stop and not t.like_num or t.is_punct for t in toks
    )


ADJECTIVE_TOPIC_PREPS = ("about", "of", "on", "over")  # "critical of", "worried about"


def adjective_clauses(
    index: TokenIndex, lex: Lexicon, quoted: list[tuple[int, int]]
) -> Iterator[tuple[Token, int, int]]:
    """(adjective, start, end) of what a predicate adjective of belief, feeling or will
    holds: "voters are confident that the count is right", "she is critical of the plan",
    "he is ready to concede" (data/quotes/cue_adjectives.tsv). Its subject is the source."""
    inside = Ranges(quoted)
    for adj in index.tokens:
        entry = lex.adjectives.get(adj.lemma_.lower())
        if entry is None or adj.pos_ != "ADJ" or adj.dep_ not in ("acomp", "oprd"):
            continue
        if index.start(adj) in inside or _reported(adj, lex) or not has_source(adj, lex):
            continue
        for child in [*adj.children, *_copula_topic(adj)]:
            topic = child.dep_ == "prep" and child.lower_ in ADJECTIVE_TOPIC_PREPS
            if topic and entry.objects:
                heads = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                toks = sorted((t for h in heads for t in h.subtree), key=lambda t: t.i)
            elif (
                child.dep_ == "ccomp" and entry.indirect or entry.infinitive and _infinitive(child)
            ):
                toks = list(child.subtree)
            else:
                continue
            toks = [t for t in toks if not t.is_space]
            toks = _trim_edges(toks, ("mark",))
            if not toks or not topic and len(toks) < MIN_CLAUSE_TOKENS:
                continue
            if _mostly_quoted(index, toks, quoted) or all(t.is_stop for t in toks):
                continue
            if topic and _says_nothing(toks):
                continue  # "was proud on Monday": a date is no topic
            yield adj, index.start(toks[0]), index.end(toks[-1])


def _copula_topic(adj: Token) -> list[Token]:
    """'The mayor is bearish on the mall': spaCy often hangs the adjective's topic on the
    copula; a topic preposition right after the adjective is the adjective's."""
    if adj.dep_ != "acomp" or any(c.dep_ == "prep" for c in adj.children):
        return []
    return [
        c
        for c in adj.head.children
        if c.dep_ == "prep" and c.i == adj.right_edge.i + 1 and c.lower_ in ADJECTIVE_TOPIC_PREPS
    ]


def predicate_nouns(
    index: TokenIndex, lex: Lexicon, quoted: list[tuple[int, int]]
) -> Iterator[tuple[Token, int, int]]:
    """(noun, start, end) of what a predicate noun of stance is about: "the mayor is a
    fierce critic of the plan", "the board has doubts about the loan"
    (data/quotes/stance_nouns.tsv). The subject of its verb ("is", "has") is the source."""
    inside = Ranges(quoted)
    for noun in index.tokens:
        if noun.pos_ != "NOUN" or index.start(noun) in inside:
            continue
        verb = noun.head
        if noun.dep_ == "attr" and verb.lemma_ == "be":
            preps = lex.stance_nouns.get((noun.lemma_.lower(), "be"))
        elif noun.dep_ == "dobj" and verb.lemma_ == "have":
            preps = lex.stance_nouns.get((noun.lemma_.lower(), "have"))
        else:
            continue
        if not preps or _reported(verb, lex) or not has_source(verb, lex):
            continue
        for child in noun.children:
            if child.dep_ != "prep" or child.lower_ not in preps or child.i < noun.i:
                continue
            toks = [t for t in _pobj(child) if not t.is_space]
            while toks and toks[-1].is_punct:
                toks.pop()
            if not toks or _says_nothing(toks) or _mostly_quoted(index, toks, quoted):
                continue
            yield noun, index.start(toks[0]), index.end(toks[-1])


def noun_clauses(
    index: TokenIndex, lex: Lexicon, quoted: list[tuple[int, int]]
) -> Iterator[tuple[Token, Token, int, int]]:
    """(noun, owner, start, end) for "Roe's claim that the count was wrong": a cue noun
    with a named owner and a clause of its own, outside quotation marks, or its
    to-infinitive ("the council's refusal to pay") or topic ("her claims about the test")."""
    for noun in index.tokens:
        owner = cue_noun_source(noun, lex)
        if owner is None:
            continue
        for child in _noun_complements(noun):
            if child.i < noun.i:
                continue
            if child.dep_ in ("acl", "ccomp", "relcl") and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in child.children
            ):  # (a relative pronoun is the clause's subject or object, never its mark:
                # "media reports that she had won" read as a relative clause is the report)
                toks = [t for t in child.subtree if not t.is_space]
            elif child.dep_ == "acl" and _infinitive_clause(child):
                toks = [t for t in child.subtree if not t.is_space]
            elif child.dep_ == "prep" and child.lower_ in NOUN_TOPIC_PREPS:
                toks = [t for t in _pobj(child) if not t.is_space]
                if not toks or _says_nothing(toks):
                    continue
                yield noun, owner, index.start(toks[0]), index.end(toks[-1])
                continue
            else:
                continue
            toks = _trim_edges(toks, ("mark",))
            if len(toks) < MIN_CLAUSE_TOKENS or _mostly_quoted(index, toks, quoted):
                continue
            yield noun, owner, index.start(toks[0]), index.end(toks[-1])


def _trim_edges(toks: list[Token], lead_deps: tuple[str, ...] = ()) -> list[Token]:
    """The words of a content without the punctuation and conjunctions at its ends, nor the
    leading dependents named ("that" in "said that ...", "would" in "the plan would ...")."""
    start, end = 0, len(toks)
    while start < end and (
        toks[start].is_punct or toks[start].dep_ in lead_deps or toks[start].dep_ == "cc"
    ):
        start += 1  # "But the plan is late, she said": the plan is late
    while end > start and (toks[end - 1].is_punct or toks[end - 1].dep_ == "cc"):
        end -= 1  # "the city will sell the depot and": the "and" joins what follows
    return toks[start:end]


def outermost(quotes: list[Quote], own_cues: frozenset[int] = frozenset()) -> list[Quote]:
    """Reported speech inside the content of other reported speech is part of that report:
    "Roe said the council had agreed to vote" is one attribution (Roe's), not a second one
    for the council. Direct quotes are kept; of two reports with the same content the first
    is kept. A report whose cue starts at an offset in ``own_cues`` stays even inside
    another: a relative clause names a source of its own ("Roe said the tax, which Baker
    proposed, was too high")."""
    spans = sorted(
        {(q.start, q.end) for q in quotes if q.kind == "indirect"}, key=lambda x: (x[0], -x[1])
    )
    nested: set[tuple[int, int]] = set()
    reach = -1  # the furthest end of the spans starting before (or with) this one
    for start, end in spans:
        if reach >= end:
            nested.add((start, end))
        reach = max(reach, end)
    kept: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for q in quotes:
        span = (q.start, q.end)
        if q.kind == "indirect":
            own = q.verb is not None and q.verb.start in own_cues
            if not own and (span in nested or span in seen):
                continue  # (a relative clause's report may share its noun with another's)
            seen.add(span)
        kept.append(q)
    return kept


NOUN_TOPIC_PREPS = ("about", "on", "of", "against")  # "her claims about the test"
SOURCE_COMPOUND_ENTS = ("PERSON", "ORG", "NORP")  # "a Kremlin statement", "the Gazette report"


def cue_noun_source(noun: Token, lex: Lexicon) -> Token | None:
    """Who owns a cue noun's content: its owner ("Roe's claim", "a claim by Roe") or a name
    before it ("a Kremlin statement", "the Gazette report")."""
    owner = noun_owner(noun, lex)
    if owner is not None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.cue_nouns:
        return owner
    names = [
        c
        for c in noun.children
        if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in SOURCE_COMPOUND_ENTS
    ]
    if names:
        return names[-1]
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in lex.light_verbs and has_source(verb, lex):
        return subject_of(verb)  # "the mayor issued a warning about ...": the mayor
    return None


def _noun_complements(noun: Token) -> list[Token]:
    """The noun's own children, and for a cue noun that is the subject of "be", the clause
    the verb takes: "Roe's view is that the count was wrong"."""
    children = list(noun.children)
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        children += [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i]
    return children


def _infinitive_clause(child: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" and c.i < child.i for c in child.children)


def _mostly_quoted(index: TokenIndex, toks: list[Token], quoted: list[tuple[int, int]]) -> bool:
    starts = [s for s, _ in quoted]  # quotations are sorted and do not overlap
    inside = 0
    for t in toks:
        off = index.start(t)
        k = bisect.bisect_right(starts, off) - 1
        inside += k >= 0 and off < quoted[k][1]
    return inside * 2 >= len(toks)


EVIDENCE_NOUNS = ("poll", "survey", "study")  # source nouns that are documents of a kind


def according_clauses(
    index: TokenIndex, lex: Lexicon, quoted: list[tuple[int, int]]
) -> Iterator[tuple[Token, Token, int, int]]:
    """(phrase start token, speaker head, start, end) for 'According to X, <clause>' and
    'In the latest poll, <clause>' (a document or poll: phrases.tsv rows "document")."""
    # phrases by first word, in the lexicon's order: a token is tried only against the
    # phrases it can start (the rest would fail the word comparison below)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for p, where in lex.phrases.items():
        if where in ("object", "document") and p:
            by_first.setdefault(p[0], []).append((p, where))
    for tok in index.tokens:
        for phrase, where in by_first.get(tok.lower_, ()):
            words = tok.doc[tok.i : tok.i + len(phrase)]
            if [w.lower_ for w in words] != list(phrase):
                continue
            last = words[-1]
            speaker = next((c for c in last.children if c.dep_ == "pobj"), None)
            clause_head = tok.head
            if speaker is None or clause_head == tok or tok.dep_ != "prep":
                continue
            if where == "document" and (
                speaker.lemma_.lower() not in (*lex.document_nouns, *EVIDENCE_NOUNS)
                or clause_head.pos_ not in ("VERB", "AUX")
                or lex.verb(clause_head) is not None
            ):
                continue  # "in a statement, she said ...": the speech verb reports it
            skip = {t.i for t in tok.subtree}
            toks = [t for t in clause_head.subtree if t.i not in skip and not t.is_space]
            toks = _trim_edges(toks)
            if len(toks) < MIN_CLAUSE_TOKENS or _mostly_quoted(index, toks, quoted):
                continue
            yield tok, speaker, index.start(toks[0]), index.end(toks[-1])


MODALS_OF_PROPOSAL = ("would", "will", "could", "can", "might", "may", "'d", "wo")
PURPOSE_VERBS = ("intend", "design", "mean", "aim")  # "the plan is intended to ..."
OWNER_ENTS = ("PERSON", "ORG", "NORP", "GPE")


def proposal_contents(
    index: TokenIndex, lex: Lexicon, quoted: list[tuple[int, int]]
) -> Iterator[tuple[Token, Token, int, int]]:
    """(noun, owner, start, end) of what a named owner's proposal would do: "Roe's plan
    would cut the levy and raise fares" (the predicate after the subject), "Roe's plan is
    meant to calm the markets" (the purpose), "Under Roe's proposal, fares would fall" (the
    clause). The owner proposes it, as in "Roe proposed cutting the levy"
    (data/quotes/proposal_nouns.txt)."""
    inside = Ranges(quoted)
    for noun in index.tokens:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.proposal_nouns:
            continue
        if index.start(noun) in inside:
            continue
        owner = _proposal_owner(noun)
        if owner is None:
            continue
        toks = _proposal_predicate(noun, lex) or _under_proposal(noun)
        toks = [t for t in toks if not t.is_space]
        toks = _trim_edges(toks, ("aux", "advmod", "mark"))
        if len(toks) < MIN_CLAUSE_TOKENS or _mostly_quoted(index, toks, quoted):
            continue
        yield noun, owner, index.start(toks[0]), index.end(toks[-1])


def _proposal_owner(noun: Token) -> Token | None:
    """"Roe's plan", "her plan", "the Roe plan": a possessor or a name before the noun."""
    for child in noun.children:
        if child.dep_ == "poss" and (
            child.pos_ == "PROPN"
            or child.ent_type_ in OWNER_ENTS
            or child.lower_ in ("his", "her", "their")
        ):
            return child
    names = [
        c
        for c in noun.children
        if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in OWNER_ENTS
    ]
    return names[-1] if names else None


def _proposal_predicate(noun: Token, lex: Lexicon) -> list[Token]:
    """The proposal's own predicate when it is its subject: with a modal ("would cut the
    levy") or a verb of purpose in the passive ("is intended to calm the markets"); a
    speech verb ("the plan calls for ...") is the other readers' to take."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return []
    if verb.lemma_.lower() in PURPOSE_VERBS and any(c.dep_ == "auxpass" for c in verb.children):
        purpose = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        return list(purpose.subtree) if purpose is not None else []
    if lex.verb(verb) is not None:
        return []
    last_subject = max(t.i for t in noun.subtree)
    if not any(c.dep_ == "aux" and c.lower_ in MODALS_OF_PROPOSAL for c in verb.children):
        return []
    toks = [t for t in verb.subtree if t.i > last_subject]
    others = [  # "what his plan would do and how critics say it works": a clause of its own
        c
        for c in verb.children
        if c.dep_ == "conj" and any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children)
    ]
    if others:
        first = min(t.i for c in others for t in c.subtree)
        toks = [t for t in toks if t.i < first]
        while toks and toks[-1].dep_ == "cc":
            toks.pop()
    return toks


def _under_proposal(noun: Token) -> list[Token]:
    """'Under Roe's plan, fares would fall': the clause the "under" phrase opens."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "under" or prep.dep_ != "prep":
        return []
    clause = prep.head
    if clause.pos_ not in ("VERB", "AUX") or clause.i < prep.i:
        return []
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return []
    skip = {t.i for t in prep.subtree}
    return [t for t in clause.subtree if t.i not in skip]

"""extract_quotes: direct quotations with speakers and channels, plus indirect speech."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from spacy.tokens import Token

from newsevents.models import Quote, Span
from newsevents.nlp import ParsedArticle
from newsevents.quotes.attribute import (
    SUBJECT_DEPS,
    Attribution,
    attribute,
    attribution_window,
    nickname_end,
    quote_roots,
    subject_of,
)
from newsevents.quotes.channels import find_channel, media_channel
from newsevents.quotes.indirect import (
    according_clauses,
    adjective_clauses,
    colon_blocks,
    coordinated_report,
    misread_verbs,
    nominal_contents,
    noun_clauses,
    outermost,
    parenthetical_clauses,
    predicate_nouns,
    proposal_contents,
    relative_object,
    reported_clauses,
    speaker_lines,
)
from newsevents.quotes.lexicon import Lexicon, lexicon
from newsevents.quotes.marks import QuotedSpan, find_quoted_spans
from newsevents.quotes.names import CanonicalNames
from newsevents.quotes.speakers import SpeakerResolver, with_mention
from newsevents.quotes.tokens import Ranges, TokenIndex

MIN_UNATTRIBUTED_WORDS = 6  # a longer quoted sentence is a quote even with no attribution
LABEL_MAX_WORDS = 4  # quotes this short may be labels or scare quotes
LABEL_MAX_HOPS = 4  # a short quote more head steps than this below its verb is a label
TITLE_MAX_WORDS = 6  # a Title Case quote up to this long is a name ("This Week")
TITLE_SMALL_WORDS = ("of", "the", "a", "an", "and", "or", "with", "in", "on", "for", "to", "at")
CUE_WINDOW = 4  # words before a quote searched for a label cue (so-called, dubbed, titled)
INHERIT_DISTANCE = 600  # characters back to a previous quote whose speaker continues
MAX_PARAGRAPH_BREAKS = 1  # an unattributed quote continues a voice from this many paragraphs back


def extract_quotes(parsed: ParsedArticle, actors: Any) -> list[Quote]:
    """Direct quotes (kind "direct") and reported speech (kind "indirect") of one article.

    ``actors`` is the article's ``DocumentActors`` (``for_token``, ``at``); speakers are
    resolved through it first, with quote-specific fallbacks for pronouns and documents.
    """
    lex = lexicon()
    text = parsed.article.text
    index = TokenIndex(parsed)
    spans = find_quoted_spans(text)
    quoted = [(s.open_mark, s.outer_end) for s in spans]
    quoted_ranges = Ranges(quoted)  # made once: each quotation's attribution skips the others
    resolver = SpeakerResolver(index, actors, lex, quoted)
    # Pass 1: attributed quotes and reported speech in the order their speakers are named,
    # so "he wrote" finds the speaker named just before it.
    items: list[tuple[int, Quote, Token | None]] = []
    unattributed: list[tuple[QuotedSpan, Quote]] = []
    labels: set[int] = set()  # transcript turns: the speaker's mention is the label alone
    cues_used: set[int] = set()  # offsets of verbs that already quote someone
    for q in spans:
        att = attribute(index, q, lex, text, quoted_ranges)
        words = [t for t in index.between(q.start, q.end) if not t.is_punct]
        if not words:
            continue
        if att.how == "none":
            unattributed.append((q, _quote(parsed, q, index, None)))
            continue
        if _is_label(index, q, words, att, lex, cues_used):
            continue
        if att.verb is not None:
            cues_used.add(index.start(att.verb))
        quote = _quote(parsed, q, index, att)
        if att.how == "label":
            labels.add(id(quote))
        quote.channel = find_channel(att.window, att.verb, lex) or media_channel(
            att.verb, resolver.actor_of
        )
        items.append((_key(index, att.subject, quote.start), quote, att.subject))
    reports = [
        *reported_clauses(index, lex, quoted),
        *parenthetical_clauses(index, lex, quoted),
        *colon_blocks(index, lex, quoted),
    ]
    for verb, start, end in reports:
        outer = coordinated_report(verb, lex)  # "Roe said ... and suggested ...": Roe
        subject = subject_of(outer if outer is not None else verb)
        quote = _indirect(parsed, index, lex, verb, start, end)
        quote.channel = quote.channel or media_channel(verb, resolver.actor_of)
        items.append((_key(index, subject, start), quote, subject))
    nominal = [*nominal_contents(index, lex, quoted), *adjective_clauses(index, lex, quoted)]
    for verb, start, end in nominal:
        outer = coordinated_report(verb, lex)  # "Roe said ... and warned against ...": Roe
        subject = subject_of(outer if outer is not None else verb)
        quote = _indirect(parsed, index, lex, verb, start, end)
        quote.channel = quote.channel or media_channel(verb, resolver.actor_of)
        items.append((_key(index, subject, start), quote, subject))
    for verb, name, start, end in misread_verbs(index, lex, quoted):
        quote = _indirect(parsed, index, lex, verb, start, end)  # "Rook charges that ..."
        items.append((_key(index, name, start), quote, name))
    for noun, start, end in predicate_nouns(index, lex, quoted):
        subject = subject_of(noun.head)  # "the mayor is a critic of ...": the mayor
        quote = _indirect(parsed, index, lex, noun, start, end)
        items.append((_key(index, subject, start), quote, subject))
    proposals = proposal_contents(index, lex, quoted)  # "Roe's plan would cut the levy"
    for noun, owner, start, end in [*noun_clauses(index, lex, quoted), *proposals]:
        quote = _indirect(parsed, index, lex, noun, start, end)
        items.append((_key(index, owner, start), quote, owner))
    for colon, head, start, end in speaker_lines(index, quoted, lex):
        quote = _indirect(parsed, index, lex, colon, start, end)
        items.append((_key(index, head, start), quote, head))
    for phrase, subject, start, end in according_clauses(index, lex, quoted):
        quote = _indirect(parsed, index, lex, phrase, start, end)
        start_v = index.start(phrase)
        to = phrase.nbor(1) if phrase.i + 1 < len(phrase.doc) else None
        end_v = index.end(to) if to is not None and to.lower_ == "to" else index.end(phrase)
        quote.verb = Span(parsed.article.text[start_v:end_v], start_v, end_v)
        quote.channel = find_channel(list(phrase.subtree), None, lex)
        items.append((_key(index, subject, start), quote, subject))
    items.sort(key=lambda x: x[0])
    quotes: list[Quote] = []
    previous: Quote | None = None
    for key, quote, subject in items:
        speaker = resolver.resolve(subject)
        if speaker is None and quote.kind == "indirect":
            continue  # a cue with no one behind it ("Read the rest here") reports nothing
        quote.speaker = with_mention(speaker, index, subject) if speaker is not None else None
        if quote.speaker is not None and subject is not None and id(quote) in labels:
            start, end = index.start(subject), index.end(subject)
            quote.speaker = replace(quote.speaker, text=text[start:end], start=start, end=end)
        if quote.channel is None and quote.kind == "direct":
            quote.channel = _inherit_channel(quote, previous)
        resolver.remember(key, quote.speaker)
        quotes.append(quote)
        previous = quote
    # a report inside another report's content is part of it, unless it is a noun phrase
    # with a relative clause that names a source of its own ("the tax he proposed")
    own_cues = frozenset(index.start(v) for v, *_ in nominal if relative_object(v) is not None)
    quotes = outermost(quotes, own_cues)
    # Pass 2: unattributed quotations continue the voice of the quote just before them.
    # Reported speech counts too: 'Roe said the plan was late. "We lost a year."'
    attributed = sorted(
        (q for q in quotes if q.kind == "direct" or q.speaker is not None),
        key=lambda q: q.sentence_end or q.end,
    )
    for q, quote in unattributed:
        joined = _joined(q, quotes, text)
        if joined is not None:  # '"We won," she said, but "it was close."'
            quote.speaker, quote.channel = joined.speaker, joined.channel
            quotes.append(quote)
            continue
        if not _standalone(q, text) or not _whole_sentence(q, text):
            continue  # a phrase quoted inside a sentence with no speech verb is a label
        before = [a for a in attributed if (a.sentence_end or a.end) <= q.open_mark]
        inherited = _continued(q, before[-1] if before else None, text)
        words = [t for t in index.between(q.start, q.end) if not t.is_punct]
        if inherited is None and not _long_sentence(words):
            continue
        if inherited is not None:
            quote.speaker, quote.channel = inherited.speaker, inherited.channel
            start = max(inherited.end, inherited.sentence_end or 0)
            topic = resolver.new_topic(start, q.open_mark, inherited.speaker)
            if topic is not None:  # 'Roe, who lost the primary, named three reasons. "..."'
                quote.speaker, quote.channel = topic, None
        quotes.append(quote)
    _echoes(quotes)
    names = CanonicalNames(index, lex, quoted)
    for quote in quotes:
        quote.speaker = names.speaker(quote.speaker)
    for quote, speaker in zip(
        quotes,
        names.written_names([q.speaker for q in quotes], getattr(actors, "mentions", [])),
        strict=True,
    ):
        quote.speaker = speaker
    quotes.sort(key=lambda x: (x.start, x.kind))
    return quotes


def _key(index: TokenIndex, subject: Token | None, default: int) -> int:
    return index.start(subject) if subject is not None else default


def _quote(
    parsed: ParsedArticle, q: QuotedSpan, index: TokenIndex, att: Attribution | None
) -> Quote:
    verb = att.verb if att is not None else None
    toks = index.between(q.open_mark, q.outer_end)
    if verb is not None:
        toks = [*toks, verb]
    bounds = index.sentence_bounds(toks) or (q.start, q.end)
    start, kind, cue = q.start, "direct", _verb_dict(index, verb)
    if att is not None and att.how == "label":
        # a transcript turn ('"ROE: We will win."') is attributed by its label, as an
        # unquoted speaker line is (``speaker_lines``): the words after the label, reported
        text = parsed.article.text
        colon = text.index(":", start)
        cue, kind = Span(":", colon, colon + 1), "indirect"
        start = colon + 1
        while start < q.end and text[start].isspace():
            start += 1
    return Quote(
        doc=parsed.article.id,
        # the exact slice, continuation marks between paragraphs included: every span
        # reads back from the text (provenance); a scorer normalises the marks away
        quote=parsed.article.text[start : q.end],
        start=start,
        end=q.end,
        kind=kind,
        verb=cue,
        sentence_start=bounds[0],
        sentence_end=bounds[1],
        mixed=att is not None and kind == "direct" and _is_mixed(index, q, att),
    )


def _is_mixed(index: TokenIndex, q: QuotedSpan, att: Attribution) -> bool:
    """A quoted fragment inside reported speech: 'she said the plan was "a disaster"'.
    The verb's complement that holds the quotation has words of its own outside it."""
    if att.how != "parse" or att.verb is None:
        return False
    for root in quote_roots(index, q):
        child = root
        while child.head != child and child.head != att.verb:
            child = child.head
        if child.head != att.verb:
            continue
        outside = [
            t
            for t in child.subtree
            if not t.is_punct and not t.is_space and not q.open_mark <= index.start(t) < q.outer_end
        ]
        if child.dep_ != "dobj" or outside:
            return bool(outside)
    return False


def _verb_dict(index: TokenIndex, verb: Token | None) -> Span | None:
    if verb is None:
        return None
    return Span(verb.text, index.start(verb), index.end(verb))


def _is_label(
    index: TokenIndex,
    q: QuotedSpan,
    words: list[Token],
    att: Attribution,
    lex: Lexicon,
    cues_used: set[int] = frozenset(),
) -> bool:
    """Scare quotes and names: a short quote after a cue ('the so-called "Islamic State"',
    'a book titled "..."'), or buried deep below its speech verb ('a code that shows whether
    they are "working"'), or a quoted noun phrase that is the subject of its clause. A short
    quote close under a speech verb is the speaker's words ("hard", "military targets")."""
    if _title_case(words) and not _standalone(q, index.parsed.article.text):
        return True  # 'on ABC's "This Week With David Brinkley"', 'Al-Qaeda, "The Base"'
    mark = index.at_or_after(q.open_mark)
    if mark is not None and mark.is_quote and nickname_end(mark) is not None:
        return True  # 'Robert "Bobby" Roe'
    if len(words) > LABEL_MAX_WORDS:
        return False
    # deep below a verb that already quoted its speaker, it is more of the speaker's words:
    # 'Roe said she won "every vote" and that it was close because of "the weather."'
    again = att.verb is not None and index.start(att.verb) in cues_used
    if att.hops > LABEL_MAX_HOPS and not again or _after_cue(index, q, lex):
        return True
    roots = [
        t for t in words if t.head == t or not q.open_mark <= index.start(t.head) < q.outer_end
    ]
    if not roots or any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    if att.how == "noun":
        return False  # 'her claim that "thousands of jobs" left': what the claim says
    return roots[0].dep_ in SUBJECT_DEPS and roots[0].pos_ in ("NOUN", "PROPN")


def _title_case(words: list[Token]) -> bool:
    """Two to six words, every content word capitalised: a title or a name."""
    alpha = [t for t in words if t.is_alpha]
    if not 2 <= len(alpha) <= TITLE_MAX_WORDS:
        return False
    return all(t.text[0].isupper() or t.lower_ in TITLE_SMALL_WORDS for t in alpha) and any(
        t.text[0].isupper() for t in alpha[1:]
    )


def _after_cue(index: TokenIndex, q: QuotedSpan, lex: Lexicon) -> bool:
    """A label cue among the last few words before the quote: 'known as Al-Qaeda, "The Base"'."""
    before = index.between(max(0, q.open_mark - 60), q.open_mark)
    toks = [t for t in before if not (t.is_quote or t.is_punct)][-CUE_WINDOW:]
    lower = [t.lower_ for t in toks]
    for cue in lex.label_cues:
        n = len(cue)
        for i in range(len(lower) - n + 1):
            if tuple(lower[i : i + n]) == cue and not _speaking(toks[i + n - 1]):
                return True
    return False


def _speaking(tok: Token) -> bool:
    """A cue word that is a finite verb with its own subject is someone speaking: 'she
    called the plan "a disaster"', not 'a plan called "Green Deal"'."""
    return tok.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ in SUBJECT_DEPS for c in tok.children)


def _standalone(q: QuotedSpan, text: str) -> bool:
    """The quotation opens a sentence: paragraph start, after . ! ? : or after another
    quotation that ended a sentence (not after a possessive: ABC News' "This Week")."""
    before = text[max(0, q.open_mark - 4) : q.open_mark].rstrip(" \t`\u00a0")  # `` wire mark
    if not before or before[-1] in ".!?:\n":
        return True
    return before[-1] in "\u201d\"'\u2019" and len(before) > 1 and before[-2] in ".!?,"


def _whole_sentence(q: QuotedSpan, text: str) -> bool:
    """The quotation is a sentence of its own: it ends with . ! ? or nothing but punctuation
    follows it ('"Transition" is a reference to ...' is a term, not a quote)."""
    if text[q.end - 1 : q.end] in (".", "!", "?", "\u2026"):
        return True
    after = text[q.outer_end : q.outer_end + 80].split("\n", 1)[0].strip(" '\u2019\u201d\"")
    # '"You blamed thousands of underpaid" workers.': a word or two end the quoted sentence
    return not after or after[0] in ".!?;:" or bool(SENTENCE_TAIL.match(after))


SENTENCE_TAIL = re.compile(r"[a-z]+(?: [a-z]+)?[.!?](?:\s|$)")


def _long_sentence(words: list[Token]) -> bool:
    """An unattributed quotation still counts when it is a full clause of some length."""
    return len(words) >= MIN_UNATTRIBUTED_WORDS and any(
        t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "conj") for t in words
    )


def _continued(q: QuotedSpan, previous: Quote | None, text: str) -> Quote | None:
    """An unattributed quotation right after an attributed one continues the same voice."""
    if previous is None:
        return None
    end = max(previous.end, previous.sentence_end or 0)
    breaks = len(re.findall(r"\n\s*", text[end : q.open_mark]))
    if q.open_mark - end > INHERIT_DISTANCE or breaks > MAX_PARAGRAPH_BREAKS:
        return None
    return previous


JOINING = re.compile(r"\s*,?\s*(?:but|and|yet|then)?\s*,?\s*")
ECHO_MIN_CHARS = 8  # a quotation this long repeated word for word is the same words


def _joined(q: QuotedSpan, quotes: list[Quote], text: str) -> Quote | None:
    """'"We won," she said, but "it was close."': a quotation that follows the speech verb
    of another in its sentence, with only a comma or a conjunction between, is the same
    speaker's."""
    for other in quotes:
        verb = other.verb
        if other.kind != "direct" or verb is None or other.speaker is None:
            continue
        if not other.end <= verb.start < verb.end <= q.open_mark:
            continue  # the verb follows that quotation and comes before this one
        if JOINING.fullmatch(text[verb.end : q.open_mark]):
            return other
    return None


def _echoes(quotes: list[Quote]) -> None:
    """A quotation with no speaker whose words another quotation of the article holds, with
    a speaker, repeats them (a headline quoting the body: 'Plan called "a costly mistake"'
    and later 'it is "a costly mistake," Roe said'): it takes that speaker."""
    spoken = [q for q in quotes if q.kind == "direct" and q.speaker is not None]
    for quote in quotes:
        if quote.kind != "direct" or quote.speaker is not None:
            continue
        words = _plain(quote.quote)
        if len(words) < ECHO_MIN_CHARS:
            continue
        source = next((o for o in spoken if o is not quote and words in _plain(o.quote)), None)
        if source is not None:
            quote.speaker = source.speaker


def _plain(words: str) -> str:
    return " ".join(re.findall(r"\w+", words.lower()))


def _inherit_channel(quote: Quote, previous: Quote | None) -> str | None:
    """'he wrote' after 'said on Twitter': the same speaker's written channel carries over."""
    verb = (quote.verb or {}).get("text", "").lower()
    if previous is None or quote.speaker is None or previous.speaker is None:
        return None
    if verb not in ("wrote", "writes", "added", "adds", "continued", "posted"):
        return None
    return previous.channel if previous.speaker.name == quote.speaker.name else None


def _indirect(
    parsed: ParsedArticle, index: TokenIndex, lex: Lexicon, verb: Token, start: int, end: int
) -> Quote:
    bounds = index.sentence_bounds([verb]) or (start, end)
    return Quote(
        doc=parsed.article.id,
        quote=parsed.article.text[start:end],
        start=start,
        end=end,
        kind="indirect",
        channel=find_channel(attribution_window(verb, index, None), verb, lex),
        verb=_verb_dict(index, verb),
        sentence_start=bounds[0],
        sentence_end=bounds[1],
    )

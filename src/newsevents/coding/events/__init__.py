"""Code event mentions (CAMEO and PLOVER) from a parsed article.

One pass per sentence (see docs/coding.md):
- coding.event_candidates: triggers from the lexicons (coding.event_lexicon), complements
  folded into their verbs ("agreed to meet" is one AGREE, "refused to meet" one REJECT),
  negation and modality (coding.event_modality), arguments (coding.event_args);
- coding.event_rules: negation and mood recoding (a negated meeting is a refusal, "will
  release" an intent, "must withdraw" a demand), background and topic clauses, the dyad;
- here: one Event per candidate (several targets for separate meetings or trips), the
  learned verifier's decision (coding.events.verifier: every candidate the rule stage kept,
  scored with a calibrated probability; a rule veto is final, whatever the model would say),
  and the per-sentence keep rule.
The ``coder_mode`` setting ``dictionaries`` (coding.coder_mode) runs the same passes on the PETRARCH2 verb
dictionary alone, without the learned model: the baseline bench/accuracy prints.
"""

from __future__ import annotations

import functools
import hashlib
from typing import TYPE_CHECKING

from newsevents.coding.coder_mode import dictionaries_only
from newsevents.coding.events import args as event_args
from newsevents.coding.events import candidates as event_candidates
from newsevents.coding.events import dated_nouns
from newsevents.coding.events import magnitude as event_magnitude
from newsevents.coding.events import naming as event_naming
from newsevents.coding.events import rules as event_rules
from newsevents.coding.events import verifier as event_verifier
from newsevents.coding.events import verify as event_verify
from newsevents.coding.events.candidates import Candidate
from newsevents.coding.events.features import features as candidate_features
from newsevents.coding.events.modality import in_condition, is_speculation
from newsevents.config import Settings, use
from newsevents.data import data_path
from newsevents.errors import DataFileError
from newsevents.models import CODER_VERSION, Actor, Event, Span
from newsevents.nlp.pipeline import ParsedArticle, Sentence

if TYPE_CHECKING:  # the actors stage is another module; only its contract is used here
    from newsevents.coding.actors import DocumentActors

SYMMETRIC = event_rules.SYMMETRIC
LAYER_CONFIDENCE = {
    "core": 0.7,
    "core+pattern": 0.75,
    "nominal": 0.65,
    "pattern": 0.5,
    "default": 0.35,
    "must": 0.55,
}
LONE_MARGIN = 0.15  # how much lower the single best mention of a sentence may score
# Modality penalties: a told intention ("will meet", "vowed to", coded as its intent) or a
# plan loses a little; speculation ("could attack", "wants to ban", "would have faced", "if
# elected, she would") more, and it must clear the floor on its own (no lone-mention margin).
MODALITY_PENALTY = 0.05
SPECULATION_PENALTY = 0.15
DICT_FILES = (
    "verbs/core.jsonl",
    "verbs/nominal.jsonl",
    "verbs/petrarch_patterns.jsonl",
    "verbs/intent.tsv",
    "plover/cameo2plover_overrides.tsv",
    "verbs/event_verifier.json",
)


@functools.lru_cache(maxsize=1)
def coder_version() -> str:
    """CODER_VERSION plus a short digest of the dictionaries, so codings can be traced."""
    h = hashlib.sha1()
    for name in DICT_FILES:
        try:
            h.update(data_path(name).read_bytes())
        except DataFileError:  # the learned verifier's weights are optional
            h.update(name.encode())
    return f"{CODER_VERSION}+dict.{h.hexdigest()[:8]}"


def _same_event(a: Event, b: Event) -> bool:
    if a.plover != b.plover:
        return False

    def key(x: Actor | None) -> str | None:
        return None if x is None else (x.country or "") + "|" + (x.name or "")

    pa, pb = (key(a.source), key(a.target)), (key(b.source), key(b.target))
    if pa == pb or (a.plover in SYMMETRIC and pa == pb[::-1]):
        return True
    # one of the two knows fewer actors: the same event told with less detail
    return all(x is None or x == y for x, y in zip(pa, pb, strict=True)) or all(
        y is None or x == y for x, y in zip(pa, pb, strict=True)
    )


def _specific(code: str) -> int:
    return len(code) * 2 - code.endswith("0")


def _better(new: Event, old: Event) -> bool:
    """Of two codings of one event, keep the one with more actors, then the finer code."""
    known = lambda e: (e.source is not None) + (e.target is not None)  # noqa: E731
    if known(new) != known(old) and abs(new.confidence - old.confidence) <= 0.1:
        return known(new) > known(old)
    if known(new) != known(old):
        return new.confidence > old.confidence  # more actors, but much less sure
    if _specific(new.cameo) != _specific(old.cameo):
        return (
            _specific(new.cameo) > _specific(old.cameo) and new.confidence >= old.confidence - 0.1
        )
    return new.confidence > old.confidence


def code_events(
    parsed: ParsedArticle,
    actors: DocumentActors,
    min_confidence: float | None = None,
    settings: Settings | None = None,
) -> list[Event]:
    """Every event mention of an article, sentence by sentence (dates left unset).

    Mentions scored under ``min_confidence`` (default: ``verifier.floor()``, the setting or
    the shipped model's floor) are
    left out: they are mostly PETRARCH2 patterns firing on words that tell no event.
    ``settings`` default to :func:`newsevents.config.current`."""
    with use(settings):
        return _code_events(parsed, actors, min_confidence)


def _code_events(
    parsed: ParsedArticle, actors: DocumentActors, min_confidence: float | None
) -> list[Event]:
    floor = event_verifier.floor() if min_confidence is None else min_confidence
    events: list[Event] = []
    version = coder_version() + ("+dictionaries-only" if dictionaries_only() else "")
    for offset, doc in parsed.chunks:
        doc.user_data[event_args.CHUNK_OFFSET] = offset
    last_pair: tuple[Actor, Actor] | None = None  # the latest two-sided dyad, for "both sides"
    verify = not dictionaries_only()  # the PETRARCH-style baseline has no verifier
    language = parsed.article.language
    model = event_verifier.model_for(parsed.article.id, language) if verify else None
    rows = event_verifier.recording() if verify else None
    sentences = list(parsed.sentences())
    cue_memo: dict = {}  # each sentence's cue words, computed once for it and its neighbours
    for k, sent in enumerate(sentences):
        sent_events: list[Event] = []
        speculative: set[int] = set()  # ids of events told as speculation
        backdrops: set[int] = set()  # ids of dated nouns coded by their date alone
        cues = None
        if verify:
            before = sentences[k - 1].span if k else None
            after = sentences[k + 1].span if k + 1 < len(sentences) else None
            cues = event_verify.sentence_cues(sent.span, before, after, cue_memo)
        for cand in event_candidates.candidates(sent, actors):
            if in_condition(cand.trigger) or event_rules.is_topic(cand.trigger):
                continue  # "unless X agrees", "talks on limiting missiles": not events
            cand = event_rules.resolve_negation(cand)
            if cand is None:
                continue
            event_rules.resolve_mood(cand, actors)
            if verify:
                event_verify.reframe(cand, actors)
            source, target, penalty = event_rules.dyad(cand, actors, parsed, last_pair)
            if cand.governor is None and not cand.args.has_subject and source is None:
                continue  # "Discussed bilateral issues": a fragment with no one doing it
            why, vetoed = "kept", False
            if cues is not None:
                verdict, why = event_verify.explain(cand, source, target, cues, actors)
                vetoed = verdict is None
                if vetoed and rows is None:
                    continue  # a rule veto is final: the learned verifier never overrules it
                if verdict is not None:
                    cand, source, target, extra = verdict
                    penalty += extra
            symmetric = event_rules.reciprocal(cand)
            if not vetoed and source is not None and target is not None and symmetric:
                last_pair = (source, target)  # a vetoed candidate (recorded only) names no dyad
            penalty += event_rules.purpose(cand.trigger)
            penalty += event_rules.background(cand.trigger)
            targets = [target]
            if (event_rules.separate(cand.trigger) or cand.info.cameo == "042") and len(
                cand.args.targets
            ) > 1:
                # separate meetings, or a trip to several places: one event per party
                own = source.country if source is not None else None
                pool = cand.args.preferred or cand.args.targets  # "left X for Y and Z": Y, Z
                others = [t for t in pool if t.country and t.country != own]
                targets = others[:4] or [target]
            if _speculative(cand):
                penalty += SPECULATION_PENALTY - MODALITY_PENALTY
            for target in targets:
                event = _event(parsed, sent, cand, source, target, penalty, version)
                if _speculative(cand):
                    speculative.add(id(event))
                if cand.backdrop:
                    backdrops.add(id(event))
                if model is not None or rows is not None:
                    # the learned verifier decides, from the features and the rules' verdict
                    with event_verifier.timed():
                        offset = cand.trigger.doc.user_data.get(event_args.CHUNK_OFFSET, 0)
                        f = candidate_features(
                            cand, source, target, cues, why, not vetoed, event.confidence, offset
                        )
                        if rows is not None:
                            rows.append((f, event))
                        if model is not None:
                            event.confidence = round(model.probability(f), 3)
                            if _speculative(cand):  # the policy's weight on speculation
                                event.confidence = round(
                                    max(0.05, event.confidence - SPECULATION_PENALTY), 3
                                )
                    if vetoed:
                        continue  # recorded for training only: a rule veto is final
                event_naming.name_sides(event, cand, actors)
                _add(sent_events, event)
        if sent_events:
            found = event_magnitude.magnitude(sent.span, sent.offset)
            for e in sent_events:
                e.magnitude = event_magnitude.for_event(found, e.plover) if found else None
        # a calibrated probability means what it says: no lower bar for a lone mention
        margin = 0.0 if model is not None else LONE_MARGIN
        kept = _keep(sent_events, floor, margin, speculative)
        events.extend(dated_nouns.drop_backdrops(kept, lambda e, b=backdrops: id(e) in b))
    return events


def _speculative(cand: Candidate) -> bool:
    """Speculation (modality.is_speculation), not an intention CAMEO codes as an intent or
    threat (rules.resolve_mood), a demand or an attempt."""
    return (
        cand.modality == "hypothetical" and not cand.from_negation and is_speculation(cand.trigger)
    )


def _keep(
    sent_events: list[Event],
    floor: float,
    margin: float = LONE_MARGIN,
    speculative: set[int] | None = None,
) -> list[Event]:
    """The sentence's best mention if it clears a lower bar, the others if they clear ``floor``:
    a sentence usually tells one event well; the extra readings must earn their place.
    Speculation gets no lower bar: an event that may not have happened must score on its own."""
    if not sent_events:
        return []
    spec = speculative or set()
    best = max(sent_events, key=lambda e: e.confidence)
    return [
        e
        for e in sent_events
        if e.confidence >= floor
        or (e is best and id(e) not in spec and e.confidence >= floor - margin)
    ]


def _add(sent_events: list[Event], event: Event) -> None:
    dup = next((e for e in sent_events if _same_event(e, event)), None)
    if dup is None:
        sent_events.append(event)
    elif _better(event, dup):
        sent_events[sent_events.index(dup)] = event


def _event(
    parsed: ParsedArticle,
    sent: Sentence,
    cand: Candidate,
    source: Actor | None,
    target: Actor | None,
    penalty: float,
    version: str,
) -> Event:
    start, end = parsed.char_span(cand.trigger)
    info = cand.info
    confidence = LAYER_CONFIDENCE.get(cand.layer, 0.5) - penalty
    if cand.modality != "asserted":
        confidence -= MODALITY_PENALTY
    return Event(
        doc=parsed.article.id,
        sentence=sent.text,
        sentence_start=sent.start,
        sentence_end=sent.end,
        plover=info.plover or "",
        cameo=info.cameo,
        trigger=Span(cand.trigger.text, start, end),
        source=source,
        target=target,
        mode=info.mode,
        context=info.context,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        negated=cand.negated,
        modality=cand.modality,
        confidence=round(max(0.05, min(0.99, confidence)), 3),
        coder_version=version,
    )

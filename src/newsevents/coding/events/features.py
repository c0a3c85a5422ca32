"""Cheap features of an event candidate, for the learned verifier (coding.events.verifier).

Everything here is already computed by the time a candidate reaches the verifier: the
trigger and its parse, the rule stage's proposal (type, layer, verdict, confidence), the
actors' kinds and their dependency paths to the trigger, the sentence cues of
coding.events.verify, and spaCy's contextual vector of the trigger token (``doc.tensor``,
the tok2vec output the tagger and parser used). No new model runs.

``sparse`` features are strings ("lemma=ambush", "type=ASSAULT|src=armed"); the dense part
is the trigger's tensor row, L2-normalised. Features are conjoined with the proposed type
so one linear model can learn what each cue means for each type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.tokens import Token

from newsevents.coding.events.candidates import Candidate
from newsevents.coding.events.modality import marker_of
from newsevents.models import Actor

ARMED = {"MIL", "COP", "REB", "INS", "UAF", "SPY", "SEP", "CRM"}
STATE = {"GOV", "JUD", "LEG", "ELI", "OPP", "PTY"}
PEOPLE = {"CVL", "PPL", "REF", "IMG", "BUS", "MED", "EDU", "AGR", "MUS", "REL", "SPO", "LAB"}
TENSOR_DIM = 96  # en-core-web-sm's tok2vec width; other widths are cut or padded
MAX_PATH = 4
WHERE = "at="  # the feature of where in the document the candidate is told (``where``)


@dataclass
class CandidateFeatures:
    """One candidate's features plus what identifies it in the output."""

    sparse: list[str]
    dense: np.ndarray
    plover: str
    rule_kept: bool
    rule_confidence: float
    meta: dict[str, Any] = field(default_factory=dict)


def actor_kind(actor: Actor | None, places: list[Actor]) -> str:
    if actor is None:
        return "none"
    if actor.how == "place" or any(actor is p for p in places):
        return "place"
    if actor.sector in ARMED:
        return "armed"
    if actor.how in {"country", "capital"} or actor.sector in STATE:
        return "state"
    if actor.sector == "IGO" or actor.sector == "NGO":
        return "org"
    if actor.sector in PEOPLE:
        return "people"
    if actor.country or actor.code:
        return "state"
    return "other"


def _token_of(actor: Actor | None, trigger: Token, offset: int) -> Token | None:
    """The head token of an actor mention in the trigger's chunk, if it is there."""
    if actor is None or actor.start is None or actor.end is None:
        return None
    doc = trigger.doc
    span = doc.char_span(actor.start - offset, actor.end - offset, alignment_mode="expand")
    return span.root if span is not None else None


def dep_path(trigger: Token, other: Token | None) -> str:
    """Dependency labels from the trigger down (or up) to ``other``: "nsubj", "prep>pobj",
    "^conj" (up one step), "far" when they meet more than MAX_PATH steps away."""
    if other is None:
        return "none"
    if other.i == trigger.i:
        return "self"
    if other.sent.start != trigger.sent.start:
        return "other_sentence"
    up_t = [trigger, *trigger.ancestors]
    up_o = [other, *other.ancestors]
    ids_t = [t.i for t in up_t]
    meet = next((t for t in up_o if t.i in ids_t), None)
    if meet is None:
        return "far"
    rise = ids_t.index(meet.i)
    down = [t.dep_ for t in up_o[: [t.i for t in up_o].index(meet.i)]][::-1]
    if rise + len(down) > MAX_PATH:
        return "far"
    return "^" * rise + ">".join(down)


CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss"}


def clause_frame(trig: Token) -> str:
    """How the trigger's clause hangs on the word above it, as a class: "adj" ("it would be
    hard to leave"), "purpose" ("flew to Rome to meet"), "other_subject" (the trigger has a
    subject of its own under a verb with another one: "she expects them to sign"), "clause"
    (any other complement), "main"."""
    if trig.dep_ not in CLAUSE_DEPS or trig.head.i == trig.i:
        return "main"
    head = trig.head
    if head.pos_ == "ADJ" or (
        head.lemma_ == "be" and any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in head.children)
    ):
        return "adj"
    to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in trig.children)
    own = next((c for c in trig.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    above = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if own is not None and above is not None and own.lower_ != above.lower_:
        return "other_subject"
    if to_inf and (trig.dep_ == "advcl" or any(c.dep_ == "dobj" for c in head.children)):
        return "other_subject" if trig.dep_ != "advcl" else "purpose"
    if to_inf and trig.dep_ == "xcomp" and head.pos_ == "VERB" and marker_of(trig) is None:
        return "purpose"
    return "clause"


def _object(tok: Token) -> str:
    """The lemma of a verb's direct object and particle ("drum up support": "up support")."""
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
    obj = next((c.lemma_.lower() for c in tok.children if c.dep_ in {"dobj", "obj"}), "-")
    return f"{prt} {obj}".strip()


def _modifier(tok: Token | None) -> str:
    """Whether an actor is only named as a modifier of another noun ("the Afghan peace
    process"): the dependency it modifies with, or "head"."""
    if tok is None:
        return "none"
    return tok.dep_ if tok.dep_ in MODIFIER_DEPS else "head"


# Suffixes of abstract nouns ("regulation", "reform", "security"): an act done to a policy or
# an idea, not to a party ("will expand eligibility", "fight for every vote").
ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ity", "ism", "ance", "ence", "ncy", "ship", "ure")
FIRST_PERSON = {"i", "we", "me", "us"}
QUOTES = frozenset('"“”')


def _object_kind(tok: Token, target_tok: Token | None) -> str:
    """What the trigger acts on, as a class: the target actor ("actor"), a named entity
    ("ent:ORG"), a pronoun, an abstract noun, another noun, a clause, or "none"."""
    obj = next((c for c in tok.children if c.dep_ in {"dobj", "obj", "attr"}), None)
    if obj is None:
        prep = next((c for c in tok.children if c.dep_ in {"prep", "dative"}), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if obj is None:
        if any(c.dep_ in {"ccomp", "xcomp"} for c in tok.children):
            return "clause"
        return "none"
    if target_tok is not None and (obj.i == target_tok.i or target_tok in obj.subtree):
        return "actor"
    if obj.ent_type_:
        return f"ent:{obj.ent_type_}"
    if obj.pos_ == "PRON":
        return "pron"
    if obj.lemma_.lower().endswith(ABSTRACT_SUFFIXES):
        return "abstract"
    return "noun"


def _subject_kind(verb: Token) -> str:
    """Who the clause's subject is, as a class: "first" (I, we: the speaker's own words),
    "second", "pron", "it", an entity type, "noun" or "none"."""
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return "none"
    low = subj.lower_
    if low in FIRST_PERSON:
        return "first"
    if low == "you":
        return "second"
    if low in {"it", "this", "that"}:
        return "it"
    if subj.pos_ == "PRON":
        return "pron"
    return f"ent:{subj.ent_type_}" if subj.ent_type_ else "noun"


def _tense(verb: Token) -> str:
    """The verb's tense or form ("Past", "Pres", "Inf", "Ger", "Part"), or "-"."""
    tense = verb.morph.get("Tense")
    form = verb.morph.get("VerbForm")
    if form and form[0] in {"Inf", "Ger"}:
        return form[0]
    if tense:
        return tense[0]
    return form[0] if form else "-"


def _quoted(trig: Token) -> bool:
    """The trigger is inside quotation marks in its sentence (someone's own words)."""
    sent = trig.sent
    marks = sum(1 for t in sent if t.i < trig.i and (t.text in QUOTES or t.text == "''"))
    return marks % 2 == 1


def _context(trig: Token, verb: Token, tgt_tok: Token | None) -> list[str]:
    """Cues of how the candidate is told, that carry across kinds of text: what is acted on,
    who the subject is, tense, quotation, a question, figures in the sentence."""
    sent = trig.sent
    ents = {e.label_ for e in sent.ents}
    return [
        f"objkind={_object_kind(trig, tgt_tok)}",
        f"subj={_subject_kind(verb)}",
        f"tense={_tense(verb)}",
        f"quoted={_quoted(trig)}",
        f"question={sent.text.rstrip().endswith('?')}",
        f"figures={bool(ents & {'PERCENT', 'MONEY'})}",
    ]


LEAD_CHARS = 400  # a headline and a first sentence, or a whole news snippet
EARLY_CHARS = 1500


def where(trig: Token, offset: int) -> str:
    """Where the trigger's sentence starts in its document (``offset``: its chunk's): "lead"
    (the first LEAD_CHARS characters: a snippet, a headline, a first sentence), "early", or
    "body" (deep in an article, where background and commentary are told). A cue of genre:
    the model learns how much each depth says, per type (verifier_fit keeps it shared)."""
    start = offset + trig.sent.start_char
    return "lead" if start < LEAD_CHARS else "early" if start < EARLY_CHARS else "body"


def _ent(tok: Token | None) -> str:
    return "none" if tok is None else (tok.ent_type_ or tok.pos_)


def features(
    c: Candidate,
    source: Actor | None,
    target: Actor | None,
    cues: Any,
    verdict: str,
    kept: bool,
    rule_confidence: float,
    offset: int,
) -> CandidateFeatures:
    """Features of a candidate whose sides are chosen and whose rule verdict is known
    (``verdict``: the rule verifier's reason, "kept" or why it recoded or vetoed it;
    ``kept``: whether the rules keep it)."""
    trig = c.trigger
    places = c.args.place_added
    gov = c.governor
    plover = c.info.plover or ""
    src_kind = actor_kind(source, places)
    tgt_kind = actor_kind(target, places)
    src_tok = _token_of(source, trig, offset)
    tgt_tok = _token_of(target, trig, offset)
    src_path = dep_path(trig if gov is None else gov, src_tok)
    tgt_path = dep_path(trig, tgt_tok)
    verb = gov if gov is not None else trig
    head = trig.head if trig.head.i != trig.i else None
    base = [
        f"lemma={trig.lemma_.lower()}",
        f"pos={trig.pos_}",
        f"dep={trig.dep_}",
        f"tag={trig.tag_}",
        f"layer={c.layer}",
        f"cameo={c.info.cameo[:3]}",
        f"root={c.info.cameo[:2]}",
        f"gov={gov.lemma_.lower() if gov is not None else '-'}",
        f"head={head.lemma_.lower() if head is not None else '-'}",
        f"headpos={head.pos_ if head is not None else '-'}",
        f"src={src_kind}",
        f"tgt={tgt_kind}",
        f"dyad={src_kind}>{tgt_kind}",
        f"srcpath={src_path}",
        f"tgtpath={tgt_path}",
        f"srcsector={source.sector if source is not None else '-'}",
        f"tgtsector={target.sector if target is not None else '-'}",
        f"modality={c.modality}",
        f"negated={c.negated}",
        f"passive={c.args.passive}",
        f"has_subject={c.args.has_subject}",
        f"verdict={verdict}",
        f"rule_kept={kept}",
        f"conf={min(9, int(rule_confidence * 10))}",
        f"ent={trig.ent_type_ or '-'}",
        f"sent_root={trig.dep_ == 'ROOT' or (gov is not None and gov.dep_ == 'ROOT')}",
        f"marker={marker_of(trig) or '-'}",
        f"frame={clause_frame(verb)}",
        f"obj={_object(trig) if gov is None else '-'}",
        f"srcmod={_modifier(src_tok)}",
        f"tgtmod={_modifier(tgt_tok)}",
        f"srcent={_ent(src_tok)}",
        f"tgtent={_ent(tgt_tok)}",
        *_context(trig, verb, tgt_tok),
        f"{WHERE}{where(trig, offset)}",
    ]
    if cues is not None:
        base += [
            f"violence={cues.violence(trig)}",
            f"contest={cues.contest}",
            f"hazard={cues.hazard}",
            f"hazard_before={cues.hazard_before}",
        ]
    sparse = ["bias", f"type={plover}", *base, *(f"{plover}|{f}" for f in base)]
    dense = np.zeros(TENSOR_DIM, dtype=np.float32)
    tensor = trig.doc.tensor
    if tensor is not None and len(tensor.shape) == 2 and tensor.shape[0] > trig.i:
        row = np.asarray(tensor[trig.i], dtype=np.float32)[:TENSOR_DIM]
        dense[: len(row)] = row
        norm = float(np.linalg.norm(dense))
        if norm > 0:
            dense /= norm
    return CandidateFeatures(sparse, dense, plover, kept, rule_confidence)

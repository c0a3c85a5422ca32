"""Dyad errors by class, on events whose type the scorer matched: which side is wrong and how.

Reads the matching and actor rules of ../shared/gold/score.py itself (imported from its file),
so a class here is what the scorer counts as a dyad error:

- ``missing``: the gold side has an actor, the prediction none;
- ``no_country``: the gold actor has a country, the predicted one none;
- ``wrong_country``: both have a country, another one;
- ``wrong_name``: the gold actor has no country and the names do not match;
- ``swapped``: source and target exchanged.

Each event is counted once under its pair of sides ("source:no_country target:ok") and once
per wrong side; ``N``/``V`` split them by noun or verb trigger (the coders' confidence).
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

NOUN_CONFIDENCE = 0.6  # newsevents.languages.es.events.LIGHT_CONFIDENCE


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _side(s, gold, pred) -> str:
    if not gold or s.actor_ok(gold, pred):
        return "ok"
    if isinstance(gold, list):
        gold = gold[0]
    if not isinstance(pred, dict):
        return "missing"
    if gold.get("country"):
        return "wrong_country" if pred.get("country") else "no_country"
    return "wrong_name"


def breakdown(scorer: Path, gold_path: Path, events_path: Path) -> Counter[str]:
    s = _scorer(scorer)
    by_doc: dict[str, list[dict]] = {}
    for event in s.load_jsonl(str(events_path)):
        by_doc.setdefault(s.doc_key(event.get("doc")), []).append(event)
    counts: Counter[str] = Counter()
    for gdoc in s.load_jsonl(str(gold_path)):
        golds, preds = gdoc["events"], by_doc.get(s.doc_key(gdoc["doc"]), [])

        def pair(g, p):
            return s.one_of(g["plover"], p.get("plover")) * (1 + s.dyad_ok(g, p))

        for gi, pi in s.match(golds, preds, lambda p: p.get("sentence", ""), pair):
            g, p = golds[gi], preds[pi]
            if g["optional"] or s.dyad_ok(g, p):
                continue
            gs, gt, ps, pt = g.get("source"), g.get("target"), p.get("source"), p.get("target")
            if gs and gt and s.actor_ok(gs, pt) and s.actor_ok(gt, ps):
                key = "swapped"
            else:
                key = f"source:{_side(s, gs, ps)} target:{_side(s, gt, pt)}"
            kind = "N" if p.get("confidence") == NOUN_CONFIDENCE else "V"
            counts[key] += 1
            counts[f"{kind} {key}"] += 1
            for side, value in (("source", _side(s, gs, ps)), ("target", _side(s, gt, pt))):
                if value != "ok" and key != "swapped":
                    counts[f"side {side}:{value}"] += 1
    return counts


def lines(counts: Counter[str]) -> list[str]:
    total = sum(v for k, v in counts.items() if not k.startswith(("N ", "V ", "side ")))
    out = [f"dyad errors on type-matched events: {total}"]
    for k, v in counts.most_common():
        if not k.startswith(("N ", "V ", "side ")):
            n, vb = counts.get(f"N {k}", 0), counts.get(f"V {k}", 0)
            out.append(f"  {v:4d}  {k}  (noun triggers {n}, verb triggers {vb})")
    out.append("by side:")
    for k, v in counts.most_common():
        if k.startswith("side "):
            out.append(f"  {v:4d}  {k[5:]}")
    return out

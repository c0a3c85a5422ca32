#!/usr/bin/env python3
"""Draw a random sample of coded events from a JSON-lines corpus, for an analyst's review.

    python scripts/sample_events.py ../shared/dev/corpus/polnear_train.jsonl \
        --articles 200 --n 100 --seed 12 > sample.tsv

Codes the first ``--articles`` articles with the defaults (the whole pipeline), draws ``--n``
events at random with ``--seed``, and prints one TSV row per event: number, document, PLOVER
type, CAMEO code, trigger, source, target, confidence and the evidence sentence, with empty
columns ``type_ok``, ``source_ok``, ``target_ok`` for the reviewer (docs/review-polnear.md).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()

    from newsevents.models import Article
    from newsevents.pipeline import process_articles

    articles = []
    with args.corpus.open(encoding="utf-8") as f:
        for line in f:
            if line.strip() and len(articles) < args.articles:
                row = json.loads(line)
                articles.append(Article(id=row["id"], text=row["text"]))
    events = [e for ex in process_articles(articles) for e in ex.events]
    sample = random.Random(args.seed).sample(events, min(args.n, len(events)))
    print(
        f"# {len(events)} events on {len(articles)} articles; {len(sample)} drawn", file=sys.stderr
    )
    cols = ["n", "doc", "plover", "cameo", "trigger", "source", "target", "confidence"]
    print("\t".join(cols + ["sentence", "type_ok", "source_ok", "target_ok"]))
    for n, e in enumerate(sample, 1):
        name = lambda a: "" if a is None else f"{a.name} ({a.country or '-'}/{a.sector or '-'})"  # noqa: E731
        sentence = " ".join(e.sentence.split())
        row = [str(n), e.doc, e.plover, e.cameo, e.trigger["text"], name(e.source), name(e.target)]
        print("\t".join(row + [f"{e.confidence:.2f}", sentence, "", "", ""]))


if __name__ == "__main__":
    main()

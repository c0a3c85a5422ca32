"""Date every TimeML event of a folder with `assign_event_dates`, as if the coder had coded it.

The shared scorer (`../shared/gold/event_dates.py`) meets only the events the event coder codes
(a few percent of TimeML's). To see how the dating rules behave on many more events, this
builds one `Event` per gold-dated TimeML EVENT (its words as the trigger, modality read by the
coder's own rule, no actors, a type of its own so no twin is borrowed) and scores the dates the
same way: right when [date, date_end] lies inside the gold range. Reads the TimeML files through
the shared scorer's reader; nothing of them is kept.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

SCORER = Path(__file__).resolve().parents[2] / "shared" / "gold" / "event_dates.py"
if not SCORER.exists():
    SCORER = Path("/work/shared/gold/event_dates.py")


def scorer():
    spec = importlib.util.spec_from_file_location("event_dates", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score_all_events(folder: Path, listing: bool = False) -> dict:
    from newsevents.coding.events.modality import modality_of
    from newsevents.dates import assign_event_dates, tag_times
    from newsevents.models import Article, Event
    from newsevents.nlp import load_nlp, parse_articles

    ed = scorer()
    docs = [ed.read_timeml(p) for p in sorted(folder.glob("*.tml"))]
    articles = [Article(id=d["id"], text=d["text"], date=d["dct"]) for d in docs]
    by_id = {d["id"]: d for d in docs}
    n = right = pub_right = 0
    how: Counter = Counter()
    how_right: Counter = Counter()
    for parsed in parse_articles(articles, load_nlp()):
        d = by_id[parsed.article.id]
        sents = list(parsed.sentences())
        events, golds = [], []
        for i, (eid, rng) in enumerate(sorted(d["gold"].items())):
            ev = d["events"][eid]
            sent = next((s for s in sents if s.start <= ev["start"] < s.end), None)
            span = parsed.span_at(ev["start"], ev["end"])
            if sent is None or span is None or not len(span):
                continue
            events.append(
                Event(
                    doc=d["id"],
                    sentence=sent.text,
                    sentence_start=sent.start,
                    sentence_end=sent.end,
                    plover=f"T{i}",
                    cameo="",
                    trigger={"text": ev["text"], "start": ev["start"], "end": ev["end"]},
                    modality=modality_of(span.root),
                )
            )
            golds.append((rng, ev))
        assign_event_dates(events, parsed, tag_times(parsed))
        dct = ed.to_date(d["dct"])
        for e, ((lo, hi), ev) in zip(events, golds, strict=True):
            first, last = ed.to_date(e.date), ed.to_date(e.date_end or e.date)
            ok = first is not None and last is not None and lo <= first and last <= hi
            n += 1
            right += ok
            pub_right += dct is not None and lo <= dct <= hi
            key = (e.date_how or e.date_precision).split(";")[0]
            how[key] += 1
            how_right[key] += ok
            if listing and not ok:
                ctx = d["text"][max(0, ev["start"] - 90) : ev["end"] + 60].replace("\n", " ")
                print(
                    f"BAD {d['id']} '{ev['text']}' gold {lo}..{hi} pred {e.date}..{e.date_end}"
                    f" ({key}) from {(e.date_span or {}).get('text')!r}\n    ...{ctx}..."
                )
    return {
        "events": n,
        "date_accuracy": round(right / n, 3) if n else 0.0,
        "publication_date_alone": round(pub_right / n, 3) if n else 0.0,
        "by_rule": {k: f"{how_right[k]}/{how[k]}" for k, _ in how.most_common()},
    }

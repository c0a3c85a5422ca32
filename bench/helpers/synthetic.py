"""A large store built fast for load benches: synthetic records written straight into it.

No parsing: each article is three invented template sentences ("Ruritania's army shelled
positions of Freedonia's rebels on Monday.") with its events, a quote and storylines coded
by construction, so every span slices the text as the store demands. Actors, types and
dates are drawn from small pools with a fixed seed: filters (actor, type, dates, dyads)
select realistic fractions of the rows. Used by ``bench/api_load --synthetic N``.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from newsevents.models import Actor, Article, Event, Extraction, Quote, Span

# (country code, name) pairs for invented states; sectors as the coder writes them
COUNTRIES = [
    ("USA", "Washington"), ("RUS", "Moscow"), ("CHN", "Beijing"), ("TUR", "Ankara"),
    ("IRN", "Tehran"), ("ISR", "Israel"), ("UKR", "Kyiv"), ("FRA", "Paris"),
    ("DEU", "Berlin"), ("IND", "New Delhi"), ("PAK", "Islamabad"), ("AFG", "Kabul"),
    ("SYR", "Damascus"), ("EGY", "Cairo"), ("NGA", "Abuja"), ("BRA", "Brasilia"),
]  # fmt: skip
SECTORS = [("GOV", "government"), ("MIL", "army"), ("REB", "rebels"), ("OPP", "opposition")]
# (PLOVER type, CAMEO code, verb, quad class, Goldstein)
ACTIONS = [
    ("CONSULT", "040", "met", 1, 1.0), ("AGREE", "057", "signed a deal with", 1, 8.0),
    ("ASSAULT", "190", "attacked", 4, -10.0), ("ACCUSE", "112", "accused", 3, -2.0),
    ("PROTEST", "140", "protested against", 3, -6.5), ("AID", "070", "sent aid to", 2, 7.0),
    ("THREATEN", "130", "threatened", 3, -4.4), ("COERCE", "170", "arrested members of", 4, -7.0),
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
START = date(2019, 1, 1)


def _actor(text: str, words: str, code: str, sector: str | None, at: int) -> Actor:
    start = text.index(words, at)
    return Actor(
        name=words, country=code, sector=sector, code=code + (sector or ""),
        id=f"{code.lower()}-{(sector or 'state').lower()}", text=words, start=start,
        end=start + len(words), how="dictionary",
    )  # fmt: skip


def synthetic_extraction(k: int, rng: random.Random) -> Extraction:
    """Article ``k``: a title, one to three event sentences and a quote."""
    doc_id = f"synthetic-{k:07d}"
    day = START + timedelta(days=rng.randrange(3 * 365))
    sentences, parts = [], []
    for _ in range(rng.randint(1, 3)):
        (sc, sname), (tc, tname) = rng.sample(COUNTRIES, 2)
        (ss, sword), (ts, tword) = rng.choice(SECTORS), rng.choice(SECTORS)
        action = rng.choice(ACTIONS)
        when = rng.choice(WEEKDAYS)
        src, tgt = f"{sname} {sword}", f"{tname} {tword}"
        sentences.append(f"The {src} {action[2]} the {tgt} on {when}.")
        parts.append((sc, ss, src, tc, ts, tgt, action, when))
    speaker_c, speaker_name = rng.choice(COUNTRIES)
    quote = f"We will not accept this, {speaker_name} officials said."
    title = f"{parts[0][2]} and {parts[0][5]}: day {k}"
    text = title + "\n\n" + " ".join(sentences) + "\n\n" + '"' + quote.split(",")[0] + '," '
    text += quote.split(", ", 1)[1]
    events = []
    at = len(title) + 2
    for n, (sentence, (sc, ss, src, tc, ts, tgt, action, when)) in enumerate(
        zip(sentences, parts, strict=True)
    ):
        s = text.index(sentence, at)
        at = s + len(sentence)
        t = text.index(action[2], s)
        d = text.index(when, s)
        event_day = day - timedelta(days=rng.randrange(7))
        events.append(
            Event(
                doc=doc_id,
                sentence=sentence,
                sentence_start=s,
                sentence_end=s + len(sentence),
                plover=action[0],
                cameo=action[1],
                quad_class=action[3],
                goldstein=action[4],
                trigger=Span(action[2], t, t + len(action[2])),
                source=_actor(text, src, sc, ss, s),
                target=_actor(text, tgt, tc, ts, s),
                date=event_day.isoformat(),
                date_precision="day",
                date_span=Span(when, d, d + len(when)),
                confidence=0.7,
                id=f"{doc_id}:e{n}",
            )  # fmt: skip
        )
    q = text.index('"We will') + 1
    said = text.index("said", q)
    speaker = _actor(text, f"{speaker_name} officials", speaker_c, "GOV", q)
    quotes = [
        Quote(
            doc=doc_id,
            quote=text[q : text.index('"', q)],
            start=q,
            end=text.index('"', q),
            speaker=speaker,
            verb=Span("said", said, said + 4),
            id=f"{doc_id}:q0",
        )  # fmt: skip
    ]
    article = Article(id=doc_id, text=text, title=title, date=day.isoformat(), source="synthetic")
    return Extraction(article=article, events=events, quotes=quotes)


def synthetic_extractions(n: int, seed: int = 7) -> Iterator[Extraction]:
    rng = random.Random(seed)
    for k in range(n):
        yield synthetic_extraction(k, rng)


def write_store(path: str | Path, n: int, seed: int = 7, batch: int = 1000) -> int:
    """Write ``n`` synthetic articles (with events, quotes, storylines) into the store at
    ``path``, ``batch`` per transaction; returns how many documents the store holds."""
    from newsevents.store import Store
    from newsevents.store import stories as story_sql

    with Store(path, create=True) as store:
        todo: list[Extraction] = []
        assignment: dict[str, str] = {}
        n_stories = max(1, n // 10)  # ten articles a storyline
        for k, x in enumerate(synthetic_extractions(n, seed)):
            todo.append(x)
            assignment[x.article.id] = f"story-{k % n_stories + 1}"
            if len(todo) >= batch:
                store.add(todo)
                todo = []
        if todo:
            store.add(todo)
        with store.db.transaction():
            story_sql.set_document_stories(store, assignment)
            story_sql.save_stories(store, {s: f"synthetic {s}" for s in set(assignment.values())})
        return int(store.stats()["documents"])

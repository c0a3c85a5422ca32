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


# ---------------------------------------------------------------- storyline streams
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ar", "en", "ol")]
DIM = 384  # the storyline embeddings' size (newsevents.stories.embed)


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))


class StoryStream:
    """Invented articles for storyline benches, in arrival order, fast to make at any size.

    About ``per_story`` articles a storyline: each storyline has its own topic words, names,
    weeks and direction in embedding space; an article mixes its storyline's words with
    background words drawn Zipf-like from an invented vocabulary (a term index sees a long
    tail, as with real news) and names two or three of its storyline's people and places.
    Most articles continue a recent storyline, some an old one. ``doc(k)`` is article ``k``
    (the same for the same seed), with a made-up embedding unless ``embedded=False``.
    """

    def __init__(self, seed: int = 11, vocabulary: int = 20_000, per_story: int = 10) -> None:
        import itertools

        import numpy as np

        rng = random.Random(seed)
        self.seed, self.per_story = seed, per_story
        self.vocab = sorted({_word(rng, rng.randint(2, 4)) for _ in range(vocabulary)})
        rng.shuffle(self.vocab)
        self._cum = list(itertools.accumulate(1.0 / (i + 10) for i in range(len(self.vocab))))
        self._news = np.random.default_rng(seed).normal(size=DIM)  # what all news shares

    def topic(self, story: int):
        """Storyline ``story``: topic words, names, first day and embedding direction."""
        import numpy as np

        rng = random.Random(self.seed * 7_919 + story)
        words = [_word(rng, 3) for _ in range(8)]
        names = [f"{_word(rng, 2).title()} {_word(rng, 3).title()}" for _ in range(4)]
        base = np.random.default_rng(self.seed + 104_729 * story).normal(size=DIM)
        base += 1.5 * self._news
        start = START + timedelta(days=story // 4)  # about four storylines open a day
        return words, names, start, base / np.linalg.norm(base)

    def doc(self, k: int, embedded: bool = True):
        """Article ``k`` as a StoryDoc, and the storyline it was made from."""
        import numpy as np

        from newsevents.stories import StoryDoc

        rng = random.Random(self.seed * 1_000_003 + k)
        newest = k // self.per_story
        story = newest - rng.randrange(min(newest, 20) + 1)  # a recent storyline...
        if rng.random() < 0.1:
            story = rng.randrange(newest + 1)  # ...or an old one coming back
        words, names, start, base = self.topic(story)
        body = [
            rng.choice(words) if rng.random() < 0.25 else self._background(rng) for _ in range(120)
        ]
        emb = None
        if embedded:
            v = base + np.random.default_rng(k).normal(size=DIM) / 24
            emb = (v / np.linalg.norm(v)).astype(np.float32)
        doc = StoryDoc(
            id=f"stream-{k:07d}",
            title=" ".join(rng.sample(words, 3)).title(),
            text=" ".join(body) + ".",
            date=(start + timedelta(days=rng.randrange(30))).isoformat(),
            entities=rng.sample(names, rng.randint(2, 3)),
            embedding=emb,
        )
        return doc, f"story-{story}"

    def _background(self, rng: random.Random) -> str:
        import bisect

        return self.vocab[bisect.bisect(self._cum, rng.random() * self._cum[-1])]


def fill_clusterer(stream: StoryStream, n: int):
    """A clusterer holding articles 0..n-1 of ``stream``, each placed in the storyline it
    was made from (no search: fast at any size; the state is what clustering them well
    would give). Returns the clusterer and doc id -> story id."""
    from newsevents.stories.cluster import OnlineClusterer

    clusterer = OnlineClusterer()
    ids: dict[str, str] = {}
    assignment: dict[str, str] = {}
    for k in range(n):
        doc, made_from = stream.doc(k)
        ids[made_from] = assignment[doc.id] = clusterer.place(doc, ids.get(made_from))
    return clusterer, assignment

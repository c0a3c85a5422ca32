"""Load-test corpora: many realistic articles made by recombining sentences of real ones.

Each synthetic article takes a *base* article (its title, its lead sentence and most of its
sentences, in order) and splices in one or two sentences of one or two other articles after some paragraphs, then gets a
publication date shifted by up to two years. So every sentence is real news prose (names,
quotes, dates, clause structure: the parser and coders do realistic work) while N is
unbounded and texts differ (the store's same-text deduplication does not hide them).
They are not coherent stories: storyline or near-duplicate figures from them mean nothing.
"""

from __future__ import annotations

import html
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

_TAG = re.compile(r"<[^>]+>")
_SENT_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?]['\"”’]))\s+(?=[\"“‘`A-Z0-9])")


@dataclass
class SourceArticle:
    title: str
    date: str | None
    paragraphs: list[list[str]]  # sentences per paragraph


def split_sentences(paragraph: str) -> list[str]:
    """A cheap regex sentence split (no spaCy: building a million articles must be fast)."""
    return [s.strip() for s in _SENT_END.split(" ".join(paragraph.split())) if s.strip()]


def _from_text(title: str, day: str | None, body: str, sep: str = r"\n\s*\n") -> SourceArticle:
    paragraphs = [split_sentences(p) for p in re.split(sep, body)]
    # A "paragraph" of under four words is a slug or signature line, not prose.
    paragraphs = [p for p in paragraphs if p and len(" ".join(p).split()) >= 4]
    return SourceArticle(title.strip(), day, paragraphs)


def read_timeml(path: Path) -> SourceArticle:
    """TITLE, DCT and TEXT of a TimeML (TempEval-3) file, tags stripped, entities decoded."""
    raw = path.read_text(encoding="utf-8")

    def part(tag: str) -> str:
        m = re.search(rf"<{tag}>(.*?)</{tag}>", raw, re.S)
        return html.unescape(_TAG.sub("", m.group(1))) if m else ""

    day = re.search(r"\d{4}-\d{2}-\d{2}", part("DCT"))
    body = part("TEXT")
    # Drop dateline-only lines ("NAIROBI, Kenya (AP) _", "WASHINGTON (AP) --").
    body = re.sub(r"^\s*[A-Z][\w .,'-]*\([A-Za-z ]+\)\s*(_|--)?\s*$", "", body, flags=re.M)
    return _from_text(part("TITLE") or path.stem, day.group(0) if day else None, body)


def read_plain(path: Path) -> SourceArticle:
    """A newsevents plain-text article: optional ``date YYYY-MM-DD`` header, title line."""
    text = path.read_text(encoding="utf-8")
    m = re.match(r"\s*date\s*:?\s*(\d{4}-\d{2}-\d{2})", text)
    if m:
        text = text[m.end() :]
    title, _, body = text.strip().partition("\n")
    # One paragraph per line in plain-text articles.
    return _from_text(title, m.group(1) if m else None, body, sep=r"\n")


def read_sources_dir(*folders: Path) -> list[SourceArticle]:
    out: list[SourceArticle] = []
    for folder in folders:
        for path in sorted(Path(folder).glob("*")):
            if path.suffix == ".tml":
                out.append(read_timeml(path))
            elif path.suffix in (".txt", ""):
                out.append(read_plain(path))
    return [a for a in out if sum(map(len, a.paragraphs)) >= 3]


def recombine(
    sources: list[SourceArticle],
    n: int,
    seed: int = 13,
    prefix: str = "synth",
    max_paragraphs: int | None = None,
) -> Iterator[dict[str, str | None]]:
    """``n`` article records (id, title, date, text, source) built from ``sources``;
    ``max_paragraphs`` makes short articles (fast tests)."""
    rng = random.Random(seed)
    for i in range(n):
        base = rng.choice(sources)
        donors = rng.sample(sources, k=min(2, len(sources)))
        paragraphs: list[str] = []
        for j, para in enumerate(base.paragraphs):
            # Keep the lead; later paragraphs are kept with p=0.8, and a donor paragraph may follow.
            if j == 0 or rng.random() < 0.8:
                paragraphs.append(" ".join(para))
            if j > 0 and rng.random() < 0.25:
                donor = rng.choice(donors)
                if donor.paragraphs:
                    sents = rng.choice(donor.paragraphs)
                    k = rng.randrange(len(sents))
                    paragraphs.append(" ".join(sents[k : k + rng.randint(1, 2)]))
        day = None
        if base.date and rng.random() < 0.95:
            shifted = date.fromisoformat(base.date) + timedelta(days=rng.randint(-730, 730))
            day = shifted.isoformat()
        if max_paragraphs:
            paragraphs = paragraphs[:max_paragraphs]
        yield {
            "id": f"{prefix}-{i:07d}",
            "title": base.title,
            "date": day,
            "text": "\n\n".join(paragraphs),
            "source": "newsevents-make-corpus",
        }

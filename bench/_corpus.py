"""Benchmark corpora: the two examples and the 73 real AQUAINT stories (TimeML tags stripped)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from newsevents.config import Settings
from newsevents.ingest import read_sources
from newsevents.models import Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = Settings.from_env().shared_path()  # ../shared beside the checkout, or $NEWSEVENTS_SHARED
AQUAINT = SHARED / "train" / "tempeval3" / "AQUAINT"


def timeml_article(path: Path) -> Article:
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "", body.group(1) if body else raw)).strip()
    return Article(id=path.stem, text=text, date=dct.group(1) if dct else None, path=str(path))


def real_articles() -> list[Article]:
    docs = [d for d in read_sources([ROOT / "examples"]) if isinstance(d, Article)]
    docs += [timeml_article(p) for p in sorted(AQUAINT.glob("*.tml"))]
    return docs

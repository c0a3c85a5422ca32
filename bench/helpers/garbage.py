"""A mixed batch for reliability runs: good articles plus garbage of every kind ingest meets.

``write_batch`` writes ``n`` documents into a folder, a ``bad_fraction`` of them garbage:
binary files, empty files, invalid UTF-8, 10 MB texts and broken JSON lines (cycled in that
order), the good ones as one JSON-lines file. It returns the expected outcome (document id ->
rejection reason, or None for a good document) so a test or bench can check every document.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from bench.helpers.corpus import SourceArticle, recombine

GARBAGE_KINDS = ("binary", "empty", "encoding", "too_long", "bad_json")
BIG_DOC_CHARS = 10_000_000


def _garbage_file(folder: Path, kind: str, i: int, rng: random.Random, good: str) -> str:
    """Write one bad document file; returns its document id (the file name)."""
    stem = f"bad-{kind}-{i:04d}"
    if kind == "binary":
        data = bytes(rng.randrange(256) for _ in range(4096)) + b"\x00" * 64
    elif kind == "empty":
        data = b"" if i % 2 else b"  \n\t\n"
    elif kind == "encoding":
        # Real UTF-8 with a broken sequence in the middle: corrupt, not a legacy encoding.
        data = good.encode("utf-8") + b" \xff\xfe\xc3( " + "Kabul — talks.".encode()
    else:  # too_long: 10 MB of prose
        data = (good + "\n").encode("utf-8") * (BIG_DOC_CHARS // (len(good) + 1) + 1)
    (folder / f"{stem}.txt").write_bytes(data)
    return f"{stem}.txt"


def write_batch(
    folder: str | Path,
    sources: list[SourceArticle],
    n: int,
    bad_fraction: float = 0.05,
    seed: int = 7,
    max_paragraphs: int | None = 3,
) -> dict[str, str | None]:
    """Write ``n`` documents (good.jsonl + garbage files); return id -> expected reason."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    n_bad = round(n * bad_fraction)
    expected: dict[str, str | None] = {}
    good = list(recombine(sources, n - n_bad, seed=seed, max_paragraphs=max_paragraphs))
    sample = good[0]["text"] or "Officials met in the capital on Monday."
    lines = [json.dumps(r, ensure_ascii=False) for r in good]
    expected.update({str(r["id"]): None for r in good})
    for i in range(n_bad):
        kind = GARBAGE_KINDS[i % len(GARBAGE_KINDS)]
        if kind == "bad_json":
            # A truncated record at a random place; ingest names it <file name>:<line number>.
            pos = rng.randrange(len(lines) + 1)
            lines.insert(pos, '{"id": "broken", "text": "The minister said')
            continue
        expected[_garbage_file(folder, kind, i, rng, sample)] = kind
    for n_line, line in enumerate(lines, 1):
        if line.startswith('{"id": "broken"'):
            expected[f"good.jsonl:{n_line}"] = "bad_json"
    (folder / "good.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return expected

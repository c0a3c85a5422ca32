#!/usr/bin/env python3
"""Convert the CAMEO/PLOVER reference tables and the PETRARCH2 verb dictionary into
newsevents data files.

    python scripts/convert_cameo.py [--reference ../shared/reference]

Writes (under src/newsevents/data/):
  cameo/codes.tsv              code, root, name, goldstein, quad_class
  plover/cameo2plover.tsv      cameo, plover, mode, context, name (CC BY-SA 4.0, from PLOVER)
  verbs/synsets.jsonl          PETRARCH synonym sets: {"name", "words"}
  verbs/petrarch_verbs.jsonl   verb lemmas: {"block", "lemma", "particle", "code"}
  verbs/petrarch_patterns.jsonl  verb patterns: {"block", "pre", "post", "code"}

A pattern element is {"prep": str|null, "words": [str, ...]}: the words (lower case, a
leading "&" names a synonym set) must follow the verb in order; with "prep", they must sit
in a prepositional phrase opened by that preposition.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from newsevents.config import Settings  # noqa: E402

DATA = ROOT / "src" / "newsevents" / "data"


def convert_codes(ref: Path) -> int:
    out = DATA / "cameo" / "codes.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    with (ref / "cameo_codes.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write("# CAMEO event codes (CAMEO codebook, GDELT lookup tables); see data/SOURCES.md\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "root", "name", "goldstein", "quad_class"])
        for r in rows:
            w.writerow([r["code"], r["root"], r["name"], r["goldstein"], r["quad_class"]])
    return len(rows)


PLOVER_LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)#?\s*(.*)$")


def convert_plover(ref: Path) -> int:
    out = DATA / "plover" / "cameo2plover.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    seen = set()
    for line in (ref / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = PLOVER_LINE.match(line.strip())
        if not m:
            continue
        code, plover, mode, context, name = (g.strip() for g in m.groups())
        if code in seen:
            continue
        seen.add(code)
        name = re.sub(r"\s+\d\d\.\d\d\.\d\d:.*$", "", name)  # drop editor's dated notes
        context = ";".join(c.strip() for c in context.split(";") if c.strip())
        rows.append([code, plover, mode.replace(" ", ""), context, name])
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write(
            "# CAMEO -> PLOVER type, mode, context. Derived from PLOVER CAMEO2PLOVER-2021.txt "
            "(Draft 0.8, Open Event Data Alliance), CC BY-SA 4.0; this file keeps that licence.\n"
        )
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["cameo", "plover", "mode", "context", "name"])
        w.writerows(rows)
    return len(rows)


def word(tok: str) -> str:
    """A dictionary word in our form: lower case, '_' joins words, a trailing '_' dropped."""
    tok = tok.strip().lstrip("+").rstrip("_")
    if tok.startswith("&"):
        return "&" + tok[1:].upper()
    return tok.replace("_", " ").lower()


def parse_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        line = line.split("#", 1)[0].rstrip()
        if line.startswith("&"):
            current = line.strip().upper()[1:].rstrip("_")
            sets[current] = []
        elif line.startswith("+") and current:
            sets[current].append(word(line.split()[0]))
        elif not line.strip():
            current = None
    return sets


TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+")


def parse_elements(text: str) -> list[dict]:
    """Pattern side -> elements; markers ($ source, + target, ^ skip, %) are dropped."""
    elements = []
    for tok in TOKEN.findall(text):
        if tok in {"$", "+", "^", "%", "_"}:
            continue
        if tok.startswith("("):
            inner = [t for t in TOKEN.findall(tok[1:-1]) if t not in {"$", "+", "^", "%"}]
            if not inner:
                continue
            words = []
            for t in inner[1:]:
                words.extend(word(w) for w in t.strip("{}").split() if w not in {"$", "+", "^"})
            elements.append({"prep": word(inner[0]), "words": words})
        elif tok.startswith("{"):
            words = [word(w) for w in tok[1:-1].split() if w not in {"$", "+", "^"}]
            if words:
                elements.append({"prep": None, "words": words})
        else:
            elements.append({"prep": None, "words": [word(tok)]})
    return elements


def first_code(raw: str) -> str | None:
    """'[042:043]' -> '042' (source side); '[:173]' -> '173'; '[---]' -> None."""
    parts = [p.strip() for p in raw.strip("[]").split(":") if p.strip()]
    parts = [p for p in parts if re.fullmatch(r"\d{2,4}", p)]
    return parts[0] if parts else None


def parse_verbs(lines: list[str]) -> tuple[list[dict], list[dict]]:
    verbs: list[dict] = []
    patterns: list[dict] = []
    block = None
    block_code = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("---"):
            m = re.match(r"---\s+(\S+)\s+(\[[^\]]*\])", line)
            if m:
                block, block_code = m.group(1), first_code(m.group(2))
            continue
        if block is None:
            continue
        if line.startswith("-"):
            m = re.match(r"-\s*(.*?)\s*(\[[^\]]*\])\s*$", line)
            if not m or "*" not in m.group(1):
                continue
            code = first_code(m.group(2))
            pre, post = m.group(1).split("*", 1)
            patterns.append(
                {
                    "block": block,
                    "pre": parse_elements(pre),
                    "post": parse_elements(post),
                    "code": code,
                }
            )
            continue
        if line.startswith("~"):
            continue
        m = re.match(r"^\+?([A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", line.strip())
        if not m:
            continue
        parts = m.group(1).rstrip("_").lower().split("_")
        code = first_code(m.group(3)) if m.group(3) else block_code
        verbs.append(
            {
                "block": block,
                "lemma": parts[0],
                "particle": " ".join(parts[1:]) or None,
                "code": code,
            }
        )
    return verbs, patterns


def write_jsonl(path: Path, rows: list[dict], header: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        f.write(f"# {header}\n")
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def convert_verbs(ref: Path) -> tuple[int, int, int]:
    text = (ref / "petrarch2" / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace")
    lines = text.splitlines()
    start = next(i for i, x in enumerate(lines) if "SYNONYM SETS" in x)
    mid = next(i for i, x in enumerate(lines) if "VERB PATTERNS" in x)
    end = next((i for i, x in enumerate(lines) if "TRANSFORMATIONS" in x), len(lines))
    synsets = parse_synsets(lines[start:mid])
    verbs, patterns = parse_verbs(lines[mid:end])
    credit = "From PETRARCH2 CAMEO.2.0.txt (Open Event Data Alliance, MIT); see data/SOURCES.md"
    write_jsonl(
        DATA / "verbs" / "synsets.jsonl",
        [{"name": k, "words": v} for k, v in synsets.items()],
        credit,
    )
    write_jsonl(DATA / "verbs" / "petrarch_verbs.jsonl", verbs, credit)
    write_jsonl(DATA / "verbs" / "petrarch_patterns.jsonl", patterns, credit)
    return len(synsets), len(verbs), len(patterns)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--reference", default=Settings.from_env().shared_path() / "reference", type=Path
    )
    args = ap.parse_args()
    print("cameo codes:", convert_codes(args.reference))
    print("plover crosswalk rows:", convert_plover(args.reference))
    print("synsets, verbs, patterns:", convert_verbs(args.reference))


if __name__ == "__main__":
    main()

"""Convert the Phoenix (PETRARCH2) actor and agent dictionaries into newsevents data files.

Reads the TABARI-format files in a PETRARCH2 dictionary folder (MIT, Open Event Data
Alliance 2014) and writes compact TSVs under ``src/newsevents/data/actors/``:

- ``phoenix_countries.tsv``  pattern -> ISO-3 (country names, adjectives, cities)
- ``phoenix_entities.tsv``   id, name, codes (``CODE:YYYYMMDD-YYYYMMDD|...``, dates optional)
- ``phoenix_patterns.tsv``   pattern -> entity id (primary names and synonyms)
- ``phoenix_agents.tsv``     role pattern -> agent code (GOV, MIL, GOVMED, ...)

Patterns are lower-cased, space-separated words with full stops removed ("u.s." -> "us"),
the same normalisation the coder applies to text. Dates are normalised to YYYYMMDD: the
sources mix YYMMDD (two-digit years up to 30 read as 20YY, as in TABARI) and YYYYMMDD.

Usage: python scripts/convert_phoenix.py [../shared/reference/petrarch2] [OUT_DIR]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from newsevents.config import Settings  # noqa: E402

ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
CODE_RE = re.compile(r"\[([^\]]*)\]")
SMALL_WORDS = frozenset(
    {"and", "of", "the", "for", "in", "on", "de", "du", "al", "bin", "von", "van"}
)
ACRONYMS = frozenset({"UN", "US", "EU", "UK", "AU", "USA", "U.N.", "U.S."})
YEAR_PIVOT = 30  # two-digit years <= 30 are 20YY, later ones 19YY


def norm_pattern(raw: str) -> str:
    """TABARI pattern -> the coder's key: lower case, words split on _ or space, no full stops."""
    words: list[str] = []
    for w in raw.replace("_", " ").lower().replace("’", "'").split():
        w = w.replace(".", "")
        if w.endswith("'s") and len(w) > 2:  # the coder cuts "people's" into people 's
            words += [w[:-2], "'s"]
        elif w.strip("'"):
            words.append(w.strip("'"))
    return " ".join(words)


def norm_date(raw: str) -> str | None:
    """YYMMDD or YYYYMMDD -> YYYYMMDD; None when malformed (e.g. a 7-digit typo)."""
    if not raw.isdigit():
        return None
    if len(raw) == 8:
        return raw
    if len(raw) == 6:
        yy = int(raw[:2])
        century = 2000 if yy <= YEAR_PIVOT else 1900
        return f"{century + yy}{raw[2:]}"
    return None


def parse_code(raw: str) -> str | None:
    """'AFGGOV 331108-730717' -> 'AFGGOV:19331108-19730717'; '---' -> None."""
    parts = raw.split()
    if not parts or not re.fullmatch(r"[A-Z]{3,}", parts[0]):
        return None
    code = parts[0]
    if len(parts) == 1:
        return code
    rng = "".join(parts[1:])
    start = end = ""
    if rng.startswith(">"):
        start = norm_date(rng[1:]) or ""
    elif rng.startswith("<"):
        end = norm_date(rng[1:]) or ""
    elif "-" in rng:
        a, b = rng.split("-", 1)
        start, end = norm_date(a) or "", norm_date(b) or ""
    if not start and not end:
        return code
    return f"{code}:{start}-{end}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def display_name(pattern_raw: str) -> str:
    """'MOHAMMAD_ZAHIR_SHAH_' -> 'Mohammad Zahir Shah'; short all-caps acronyms stay upper."""
    words = pattern_raw.replace("_", " ").split()
    if words and words[0] == "THE" and len(words) > 1:
        words = words[1:]
    out = []
    for i, w in enumerate(words):
        if len(w) <= 4 and w.isalpha() and len(words) == 1:
            out.append(w)  # NATO, UN
        elif i and w.lower() in SMALL_WORDS:
            out.append(w.lower())  # "Bosnia and Herzegovina", "Secretary of State"
        elif i == 0 and w in ACRONYMS and len(words) > 1:
            out.append(w)  # "UN Envoy", "US Embassy"
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def read_blocks(path: Path):
    """Yield (primary_raw, synonyms_raw, codes) for each actor block of a TABARI actor file."""
    primary: str | None = None
    synonyms: list[str] = []
    codes: list[str] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        found = CODE_RE.findall(body)
        text = CODE_RE.sub("", body).strip()
        if body.startswith("+"):
            if text[1:].strip():
                synonyms.append(text[1:].strip())
            codes.extend(found)
        elif body[0] in " \t" or not text:
            codes.extend(found)
        else:
            if primary is not None:
                yield primary, synonyms, codes
            primary, synonyms, codes = text, [], list(found)
    if primary is not None:
        yield primary, synonyms, codes


def convert_actors(src: Path) -> tuple[list[tuple[str, str]], list, list[tuple[str, str]]]:
    countries: list[tuple[str, str]] = []
    entities: list[tuple[str, str, str]] = []
    patterns: list[tuple[str, str]] = []
    seen_ids: set[str] = set()
    for name in ACTOR_FILES:
        for primary, synonyms, raw_codes in read_blocks(src / name):
            codes = [c for c in (parse_code(r) for r in raw_codes) if c]
            if not codes:
                continue
            keys = [norm_pattern(p) for p in [primary, *synonyms]]
            keys = [k for k in dict.fromkeys(keys) if k]
            if len(codes) == 1 and re.fullmatch(r"[A-Z]{3}", codes[0]):
                countries.extend((k, codes[0]) for k in keys)
                continue
            ident = slug(display_name(primary))
            base, n = ident, 2
            while ident in seen_ids:  # the same name in two files: keep both, distinct ids
                ident, n = f"{base}-{n}", n + 1
            seen_ids.add(ident)
            entities.append((ident, display_name(primary), "|".join(codes)))
            patterns.extend((k, ident) for k in keys)
    return countries, entities, patterns


def plurals(word: str) -> list[str]:
    """Default English plurals, as TABARI generates them for agents."""
    if word.endswith("man"):
        return [word[:-3] + "men"]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return [word[:-1] + "ies"]
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return [word + "es"]
    return [word + "s"]


def convert_agents(src: Path) -> list[tuple[str, str]]:
    macros: dict[str, list[str]] = {}
    rows: list[tuple[str, str]] = []
    for line in (src / "Phoenix.agents.txt").read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        m = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", body)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        code_m = re.search(r"\[~([A-Z]*)\]", body)
        if not code_m or not code_m.group(1):
            continue
        code = code_m.group(1)
        head = body[: code_m.start()].strip()
        explicit = re.search(r"\{([^}]*)\}", head)
        head = re.sub(r"\{[^}]*\}", "", head).strip()
        forms = [head]
        for macro, words in macros.items():
            if macro in head:
                forms = [f.replace(macro, w) for f in forms for w in words]
        for form in forms:
            key = norm_pattern(form)
            if not key:
                continue
            rows.append((key, code))
            if explicit is not None:
                if explicit.group(1).strip():
                    rows.append((norm_pattern(explicit.group(1)), code))
            elif "!" not in head:
                *first, last = key.split(" ")
                rows.extend((" ".join([*first, p]), code) for p in plurals(last))
    return list(dict.fromkeys(rows))


def write_tsv(path: Path, header: tuple[str, ...], rows, note: str) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(f"# {note}\n")
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")


def main(argv: list[str]) -> None:
    default = Settings.from_env().shared_path() / "reference" / "petrarch2"
    src = Path(argv[1]) if len(argv) > 1 else default
    root = Path(__file__).resolve().parent.parent
    out = Path(argv[2]) if len(argv) > 2 else root / "src/newsevents/data/actors"
    out.mkdir(parents=True, exist_ok=True)
    note = "Generated by scripts/convert_phoenix.py from PETRARCH2 Phoenix dictionaries (MIT, 2014)"
    countries, entities, patterns = convert_actors(src)
    agents = convert_agents(src)
    write_tsv(out / "phoenix_countries.tsv", ("pattern", "country"), countries, note)
    write_tsv(out / "phoenix_entities.tsv", ("id", "name", "codes"), entities, note)
    write_tsv(out / "phoenix_patterns.tsv", ("pattern", "id"), patterns, note)
    write_tsv(out / "phoenix_agents.tsv", ("pattern", "code"), agents, note)
    print(
        f"countries={len(countries)} entities={len(entities)} "
        f"patterns={len(patterns)} agents={len(agents)}"
    )


if __name__ == "__main__":
    main(sys.argv)

"""CAMEO code -> PLOVER type, mode and context, Goldstein score and quad class.

Tables: ``cameo/codes.tsv`` (CAMEO codebook), ``plover/cameo2plover.tsv`` (PLOVER's own
crosswalk, CC BY-SA 4.0) and ``plover/cameo2plover_extra.tsv`` (codes PLOVER leaves out:
CAMEO 01 statements and 02 appeals, and the two-digit roots); ``cameo2plover_overrides.tsv``
holds the few corrections newsevents makes to PLOVER's table, each with its reason. A code missing from a table
falls back to its longest listed prefix, so a 4-digit code always has a root to lean on.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from newsevents.data import load_tsv
from newsevents.errors import CodingError

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(frozen=True)
class CodeInfo:
    cameo: str
    name: str
    plover: str | None  # None: CAMEO codes that PLOVER does not count as events
    mode: str | None
    context: str | None
    goldstein: float
    quad_class: int


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    codes = {r["code"]: r for r in load_tsv("cameo/codes.tsv")}
    plover = {r["cameo"]: r for r in load_tsv("plover/cameo2plover_extra.tsv")}
    # PLOVER's own table wins over ours wherever it has the code.
    plover.update({r["cameo"]: r for r in load_tsv("plover/cameo2plover.tsv")})
    plover.update({r["cameo"]: r for r in load_tsv("plover/cameo2plover_overrides.tsv")})
    return codes, plover


def _prefix_lookup(table: dict[str, dict[str, str]], code: str) -> dict[str, str] | None:
    for n in range(len(code), 1, -1):
        row = table.get(code[:n])
        if row is not None:
            return row
    return None


@functools.lru_cache(maxsize=1024)
def lookup(cameo: str) -> CodeInfo:
    """Everything known about one CAMEO code; raises CodingError for a non-code."""
    codes, plover = _tables()
    row = _prefix_lookup(codes, cameo)
    if row is None or not cameo.isdigit():
        raise CodingError(CodingError.E500.format(code=cameo))
    prow = _prefix_lookup(plover, cameo) or {}
    return CodeInfo(
        cameo=cameo,
        name=row["name"],
        plover=prow.get("plover") or None,
        mode=(prow.get("mode") or "").strip() or None,
        context=(prow.get("context") or "").strip() or None,
        goldstein=float(row["goldstein"]),
        quad_class=int(row["quad_class"]),
    )


def is_code(cameo: str) -> bool:
    try:
        lookup(cameo)
    except CodingError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def default_code_for_plover() -> dict[str, str]:
    """The most general CAMEO code of each PLOVER type (for events typed by the model)."""
    _, plover = _tables()
    best: dict[str, str] = {}
    for code, row in plover.items():
        p = row.get("plover")
        if p and (p not in best or (len(code), code) < (len(best[p]), best[p])):
            best[p] = code
    return best

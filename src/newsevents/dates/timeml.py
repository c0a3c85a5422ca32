"""TempEval-3 TimeML files: text, creation time and gold TIMEX3 expressions."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from newsevents.dates.tagger import as_dict, parse_dct, tag_text
from newsevents.errors import InputError
from newsevents.models import TimeExpr


def read_timeml(path: str | Path) -> tuple[str, str | None, list[TimeExpr]]:
    """(text of <TEXT>, DCT as YYYY-MM-DD, gold TIMEX3s with offsets into that text)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(InputError.E200.format(path=path))
    root = ET.parse(path).getroot()
    dct = None
    dct_el = root.find("DCT/TIMEX3")
    if dct_el is not None:
        d = parse_dct(dct_el.get("value", ""))
        dct = d.isoformat() if d else None
    text_el = root.find("TEXT")
    if text_el is None:
        return "", dct, []
    parts: list[str] = [text_el.text or ""]
    gold: list[TimeExpr] = []
    pos = len(parts[0])

    def walk(el: ET.Element) -> None:
        nonlocal pos
        for child in el:
            start = pos
            inner = child.text or ""
            parts.append(inner)
            pos += len(inner)
            walk(child)
            if child.tag == "TIMEX3":
                gold.append(
                    TimeExpr(
                        text="".join(parts)[start:pos],
                        start=start,
                        end=pos,
                        type=child.get("type", "DATE"),
                        value=child.get("value"),
                    )
                )
            tail = child.tail or ""
            parts.append(tail)
            pos += len(tail)

    walk(text_el)
    return "".join(parts), dct, gold


def times_as_dicts(path_or_text: str | Path, dct: str | None = None) -> Iterator[dict]:
    """Rows for ``newsevents times``: a TimeML file (its <DCT> is the reference unless ``dct``
    is given), a plain-text file, or the text itself."""
    text = str(path_or_text)
    p = Path(text) if len(text) < 4096 and "\n" not in text else None
    if p is not None and p.is_file():
        raw = p.read_text(encoding="utf-8", errors="replace")
        if re.search(r"<TimeML[\s>]", raw[:2000]):
            text, file_dct, _ = read_timeml(p)
            dct = dct or file_dct
        else:
            text = raw
    for t in tag_text(text, dct):
        yield as_dict(t)

"""TimeML reading and the rows of ``newsevents times``."""

from __future__ import annotations

from pathlib import Path

from newsevents.dates import read_timeml, times_as_dicts

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>t1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1">exploded</EVENT> outside the embassies <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, officials said <TIMEX3 tid="t2" type="DATE" value="1998-08-06">yesterday</TIMEX3>.
</TEXT>
</TimeML>
"""


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    return path


def test_read_timeml_offsets_point_at_gold_text(tmp_path):
    text, dct, gold = read_timeml(_write(tmp_path))
    assert dct == "1998-08-07"
    assert [(g.text, g.value) for g in gold] == [
        ("Friday", "1998-08-07"),
        ("yesterday", "1998-08-06"),
    ]
    assert all(text[g.start : g.end] == g.text for g in gold)
    assert "<EVENT" not in text and "exploded" in text


def test_times_as_dicts_uses_timeml_dct(tmp_path):
    rows = list(times_as_dicts(_write(tmp_path)))
    assert [(r["text"], r["value"]) for r in rows] == [
        ("Friday", "1998-08-07"),
        ("yesterday", "1998-08-06"),
    ]


def test_times_as_dicts_plain_text_with_and_without_dct(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The minister arrived on Wednesday.", encoding="utf-8")
    (row,) = times_as_dicts(path, "2013-03-22")
    assert (row["value"], row["date"], row["precision"]) == ("2013-03-20", "2013-03-20", "day")
    (row,) = times_as_dicts(path)
    assert (row["value"], row["date"]) == ("XXXX-WXX-3", None)
    (row,) = times_as_dicts("He left yesterday.", "2013-03-22")
    assert row["date"] == "2013-03-21"

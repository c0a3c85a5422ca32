"""The verifier's training sources (scripts/train_verifier.py): the analyst's judgements of
coded candidates on election news, read by document and trigger characters (never text),
held-out articles refused, and the source skipped when its files are missing.
Invented corpus rows only."""

import csv
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from newsevents.coding.crosswalk import PLOVER_TYPES

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import train_verifier as tv  # noqa: E402

pytestmark = pytest.mark.issue(12)

COLUMNS = ["doc", "start", "end", "coded", "judged", "class"]


def test_judged_file_schema_holds_no_text():
    with tv.JUDGED.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        assert reader.fieldnames == COLUMNS  # ids, offsets, types and a class: no text
        rows = list(reader)
    assert len(rows) >= 300
    for r in rows:
        assert 0 <= int(r["start"]) < int(r["end"])
        assert r["coded"] in PLOVER_TYPES
        assert r["judged"] in PLOVER_TYPES or r["judged"] == "NONE"
        assert r["class"].isidentifier()
    keys = {(r["doc"], r["start"], r["end"], r["coded"]) for r in rows}
    assert len(keys) == len(rows)
    assert tv.judged()  # one judgement per trigger, or the reader refuses


def test_judged_file_leaves_the_review_articles_out():
    if not tv.POLNEAR.exists():
        pytest.skip("shared corpus not here")
    held = []
    with tv.POLNEAR.open(encoding="utf-8") as f:
        for line in f:
            if line.strip() and len(held) < tv.HELD_OUT:
                held.append(json.loads(line)["id"])
    assert not {doc for doc, _, _ in tv.judged()} & set(held)


def _corpus(tmp_path: Path, monkeypatch, judged_rows: list[list]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    texts = {
        "a1": "The senator will fight for every vote.",
        "a2": "Rebels attacked the convoy. The mayor vowed to win.",
        "a3": "Nothing happened.",
    }
    corpus.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items()))
    judged = tmp_path / "judged.tsv"
    lines = ["\t".join(COLUMNS), *("\t".join(map(str, r)) for r in judged_rows)]
    judged.write_text("\n".join(lines) + "\n")
    monkeypatch.setattr(tv, "POLNEAR", corpus)
    monkeypatch.setattr(tv, "JUDGED", judged)
    monkeypatch.setattr(tv, "HELD_OUT", 1)


def _event(doc: str, start: int, end: int, plover: str):
    return SimpleNamespace(doc=doc, plover=plover, trigger={"start": start, "end": end})


def test_polnear_source_reads_judged_triggers(tmp_path, monkeypatch):
    _corpus(
        tmp_path,
        monkeypatch,
        [["a2", 7, 15, "ASSAULT", "ASSAULT", "ok"], ["a2", 38, 43, "THREATEN", "NONE", "promise"]],
    )
    docs, truth = tv.polnear()
    assert [a.id for a in docs] == ["a2"]
    assert truth(_event("a2", 7, 15, "ASSAULT")) is True
    assert truth(_event("a2", 7, 15, "PROTEST")) is False  # another type at a judged trigger
    assert truth(_event("a2", 38, 43, "THREATEN")) is False
    assert truth(_event("a2", 0, 6, "ASSAULT")) is None  # not judged: not a training row


def test_polnear_source_refuses_held_out_articles(tmp_path, monkeypatch):
    _corpus(tmp_path, monkeypatch, [["a1", 19, 24, "ASSAULT", "NONE", "figure"]])
    with pytest.raises(ValueError, match="held out"):
        tv.polnear()


def test_polnear_source_refuses_two_judgements_of_one_trigger(tmp_path, monkeypatch):
    _corpus(
        tmp_path,
        monkeypatch,
        [["a2", 7, 15, "ASSAULT", "ASSAULT", "ok"], ["a2", 7, 15, "PROTEST", "NONE", "other"]],
    )
    with pytest.raises(ValueError, match="two judgements"):
        tv.polnear()


def test_polnear_source_skipped_without_its_files(tmp_path, monkeypatch):
    monkeypatch.setattr(tv, "JUDGED", tmp_path / "missing.tsv")
    docs, truth = tv.polnear()
    assert docs == [] and truth(_event("x", 0, 1, "ASSAULT")) is None
    monkeypatch.setattr(tv, "LOADERS", {"polnear": tv.polnear})
    assert tv.load_rows(["polnear"]) == {}


def test_set_weights_follow_the_model_metadata():
    rows = {
        name: [SimpleNamespace(weight=1.0), SimpleNamespace(weight=0.2)]
        for name in ("case2021", "polnear")
    }
    tv.set_weights({"weights": {"polnear": 0.5}}, rows)
    assert [r.weight for r in rows["polnear"]] == [0.5, 0.5]
    assert [r.weight for r in rows["case2021"]] == [1.0, 1.0]  # unnamed sets weigh 1
    tv.set_weights({}, rows)
    assert all(r.weight == 1.0 for rs in rows.values() for r in rs)

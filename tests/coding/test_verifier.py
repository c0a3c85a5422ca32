"""The learned verifier (coding.events.verifier): features, the shipped weights' schema,
deterministic fitting and calibration, the hook that decides candidates, and English only.
Invented sentences and invented feature rows only."""

import json
from dataclasses import replace

import numpy as np
import pytest

from newsevents.coding.actors import find_actors
from newsevents.coding.events import code_events, verifier
from newsevents.coding.events import verifier_fit as vf
from newsevents.coding.events.features import (
    TENSOR_DIM,
    CandidateFeatures,
    clause_frame,
    dep_path,
)
from newsevents.config import Settings, default
from newsevents.data import data_path
from newsevents.nlp import parse_text

pytestmark = pytest.mark.issue(12)


def _recorded(text: str, **settings):
    parsed = parse_text(text)
    s = replace(Settings.from_env(), **settings)
    with verifier.record() as rows:
        events = code_events(parsed, find_actors(parsed, settings=s), settings=s)
    return events, rows


def test_verifier_features_tell_trigger_actors_and_verdict():
    _, rows = _recorded("Rebels ambushed an army convoy near the town.", event_model=False)
    f = next(f for f, e in rows if e.plover == "ASSAULT")
    assert "lemma=ambush" in f.sparse
    assert "src=armed" in f.sparse and "srcpath=nsubj" in f.sparse
    assert "verdict=kept" in f.sparse and "ASSAULT|lemma=ambush" in f.sparse
    assert f.dense.shape == (TENSOR_DIM,) and abs(float(np.linalg.norm(f.dense)) - 1) < 1e-4


def test_verifier_records_vetoed_candidates_without_emitting_them():
    events, rows = _recorded(
        "A powerful earthquake killed 30 people in the mountain villages.", event_model=False
    )
    assert not any(e.plover == "ASSAULT" for e in events)
    assert any(not f.rule_kept for f, _ in rows)


def test_verifier_never_overrules_a_rule_veto():
    # a model sure of every candidate still cannot bring back one the rules vetoed (an
    # "overrule" bar in an older weights file is ignored)
    sure = verifier.Verifier({}, np.zeros(0, np.float32), {}, 30.0, meta={"overrule": 0.5})
    text = "A powerful earthquake killed 30 people in the mountain villages."
    _, rows = _recorded(text, event_model=False)
    assert any(not f.rule_kept and sure.probability(f) > 0.99 for f, _ in rows)
    with verifier.choose_models(lambda doc: sure):
        events, _ = _recorded(text, event_model=True)
    assert not any(e.plover == "ASSAULT" for e in events)
    with verifier.choose_models(lambda doc: sure):  # kept candidates get the model's word
        events, _ = _recorded("Rebels ambushed an army convoy near the town.", event_model=True)
    assert [e.plover for e in events] == ["ASSAULT"] and events[0].confidence > 0.99


def test_verifier_dep_path():
    doc = parse_text("The army shelled the village.").chunks[0][1]
    verb = doc[2]
    assert dep_path(verb, doc[1]) == "nsubj"
    assert dep_path(verb, doc[4]) == "dobj"
    assert dep_path(verb, None) == "none"
    assert dep_path(doc[1], verb) == "^"


def test_verifier_shipped_file_schema():
    d = json.loads(data_path(verifier.MODEL_FILE).read_text(encoding="utf-8"))
    assert d["schema"] == verifier.SCHEMA and d["language"] == "en"
    assert d["tensor_dim"] == TENSOR_DIM
    assert len(d["platt"]) == 2 and d["platt"][0] > 0  # a higher score is a likelier event
    assert (
        set(d["trained_on"]) <= {"case2021", "plover_gsr", "synthetic", "polnear"} and d["k"] >= 2
    )
    assert all(len(v) == TENSOR_DIM for v in d["dense"].values())
    assert 0 < d["floor"] < 1
    assert data_path(verifier.MODEL_FILE).stat().st_size < 512 * 1024  # shipped small


def test_verifier_floor_default_is_the_cross_validated_one():
    model = verifier.shipped()
    assert model is not None
    # no second default to drift from the model's: unset, the floor is the shipped file's
    assert default("min_confidence") is None
    assert verifier.floor(Settings()) == model.meta["floor"]
    assert verifier.floor(Settings(min_confidence=0.7)) == 0.7  # the setting still overrides
    assert verifier.floor(Settings.from_env({"NEWSEVENTS_MIN_CONFIDENCE": "0.3"})) == 0.3


def test_verifier_floor_follows_a_retrained_model(monkeypatch):
    # a retrain that chooses another floor moves the coder's default floor with it
    text = "Rebels ambushed an army convoy near the town on Sunday."
    kept, _ = _recorded(text, min_confidence=None)
    assert [e.plover for e in kept] == ["ASSAULT"]
    model = verifier.shipped()
    high = replace(model, meta={**model.meta, "floor": min(1.0, kept[0].confidence + 0.01)})
    monkeypatch.setattr(verifier, "shipped", lambda: high)
    assert verifier.floor(Settings()) == high.meta["floor"]
    dropped, _ = _recorded(text, min_confidence=None)
    assert dropped == []
    again, _ = _recorded(text, min_confidence=kept[0].confidence)  # an explicit floor wins
    assert [e.plover for e in again] == ["ASSAULT"]


def _rows(n: int, seed: int) -> list[vf.Row]:
    """Invented rows: the word "good" makes a candidate right, "bad" wrong."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        right = bool(i % 2)
        dense = rng.normal(size=TENSOR_DIM).astype(np.float32)
        sparse = ["bias", "type=X", "good" if right else "bad", f"noise{i % 7}"]
        f = CandidateFeatures(sparse, dense, "X", True, 0.5)
        rows.append(vf.Row(f, right, f"doc{i // 2}", "invented"))
    return rows


def test_verifier_fit_is_deterministic_and_learns():
    rows = _rows(80, 1)
    a, b = vf.fit(rows), vf.fit(rows)
    assert a.to_dict() == b.to_dict()
    z = vf.cross_margins(rows, k=4)
    y = np.array([r.label for r in rows])
    assert ((z > 0) == y).mean() > 0.9  # each row scored by a model not fitted on it


def test_verifier_platt_calibrates():
    rng = np.random.default_rng(3)
    z = rng.normal(size=4000) * 2
    y = (rng.random(4000) < 1 / (1 + np.exp(-(0.5 * z - 1)))).astype(float)
    a, b = vf.platt(z, y)
    assert a == pytest.approx(0.5, abs=0.08) and b == pytest.approx(-1, abs=0.12)


def test_verifier_fold_models_never_train_on_their_fold():
    held = _rows(40, 2)
    fold, models = vf.fold_models(held, [], k=4, calibrate_k=2)
    assert len(models) == 4 and set(fold.values()) == {0, 1, 2, 3}
    # a fold's own words are unseen by its model when they occur only in that fold
    only = {r.doc: f"only_{r.doc}" for r in held}
    for r in held:
        r.features.sparse.append(only[r.doc])
    fold, models = vf.fold_models(held, [], k=4, calibrate_k=2)
    for r in held:
        assert only[r.doc] not in models[fold[r.doc]].vocab


def test_verifier_sets_calibrated_confidence_and_can_be_switched_off():
    text = "Rebels ambushed an army convoy near the town on Sunday."
    on, _ = _recorded(text, event_model=True)
    off, _ = _recorded(text, event_model=False)
    assert [e.plover for e in on] == ["ASSAULT"] and [e.plover for e in off] == ["ASSAULT"]
    model = verifier.shipped()
    _, rows = _recorded(text, event_model=False)
    f = next(f for f, e in rows if e.plover == "ASSAULT")
    assert on[0].confidence == round(model.probability(f), 3)


def test_verifier_is_english_only():
    assert verifier.model_for("doc", "es") is None
    assert verifier.model_for("doc", "en") is verifier.shipped()
    assert verifier.model_for("doc", None) is verifier.shipped()


def test_verifier_chooser_overrides_the_shipped_model():
    other = vf.fit(_rows(20, 4))
    with verifier.choose_models(lambda doc: other if doc == "a" else None):
        assert verifier.model_for("a", "en") is other
        assert verifier.model_for("b", "en") is None
    assert verifier.model_for("a", "en") is verifier.shipped()


def test_verifier_per_set_copies_stay_out_of_the_shipped_model():
    rows = _rows(40, 5)
    for i, r in enumerate(rows):
        r.group = "one" if i < 20 else "two"
    model = vf.fit(rows)
    assert model.vocab and not any(n.startswith(vf.SET_MARK) for n in model.vocab)
    assert not any(n.startswith(vf.SET_MARK) for n in model.to_dict()["sparse"])


def test_verifier_sets_weigh_the_same_whatever_their_size():
    # a cue that means "right" in a big set and "wrong" in a small one: balanced, the
    # shared weight stays near zero; by row count the big set would decide it
    rows = []
    for i in range(200):
        big = i < 180
        right = bool(i % 2)
        f = CandidateFeatures(
            ["bias", "cue" if right == big else "other"],
            np.zeros(TENSOR_DIM, np.float32),
            "X",
            True,
            0.5,
        )
        rows.append(vf.Row(f, right, f"d{i}", "big" if big else "small"))
    plain = vf.fit(rows, vf.FitOptions(per_set=False, balance=False))
    fair = vf.fit(rows, vf.FitOptions(per_set=False))
    cue = lambda m: float(m.weights[m.vocab["cue"]])  # noqa: E731
    assert cue(plain) > 0.5 and abs(cue(fair)) < cue(plain) / 2


def test_verifier_learns_how_far_to_trust_the_rules():
    rng = np.random.default_rng(6)
    rows = []
    for i in range(200):
        conf = float(rng.uniform(0.05, 0.95))
        right = bool(rng.random() < conf)
        f = CandidateFeatures(["bias"], np.zeros(TENSOR_DIM, np.float32), "X", True, conf)
        rows.append(vf.Row(f, right, f"d{i}", "invented"))
    model = vf.fit(rows)
    assert model.prior > 0.3
    assert vf.fit(rows, vf.FitOptions(prior=False)).prior == 0.0
    back = verifier.Verifier.from_dict(model.to_dict())
    assert back.prior == pytest.approx(model.prior, abs=1e-3)


@pytest.mark.parametrize(
    ("text", "word", "frame"),
    [
        ("It would be hard to withdraw the troops this year.", "withdraw", "adj"),
        ("The minister flew to Rome to meet the president.", "meet", "purpose"),
        ("The council expects the rebels to attend the talks.", "attend", "other_subject"),
        ("The rebels attacked the convoy.", "attacked", "main"),
    ],
)
def test_verifier_clause_frame(text, word, frame):
    doc = parse_text(text).chunks[0][1]
    tok = next(t for t in doc if t.text == word)
    assert clause_frame(tok) == frame


@pytest.mark.parametrize(
    ("text", "word", "cues"),
    [
        (
            "We will expand eligibility for the program.",
            "expand",
            {"subj=first", "objkind=abstract", "quoted=False", "tense=Inf"},
        ),
        (
            'The mayor said: "They attacked the convoy."',
            "attacked",
            {"subj=pron", "objkind=noun", "quoted=True", "tense=Past"},
        ),
        ("Did the rebels attack Smith?", "attack", {"question=True", "objkind=ent:PERSON"}),
        ("The party won 52 percent of the vote.", "won", {"figures=True", "question=False"}),
    ],
)
def test_verifier_context_cues(text, word, cues):
    from newsevents.coding.events.features import _context

    doc = parse_text(text).chunks[0][1]
    tok = next(t for t in doc if t.text == word)
    assert cues <= set(_context(tok, tok, None))


def test_verifier_where_tells_the_depth_of_the_sentence():
    from newsevents.coding.events.features import where

    doc = parse_text("The army shelled the town. Talks resumed on Monday.").chunks[0][1]
    shelled = next(t for t in doc if t.text == "shelled")
    resumed = next(t for t in doc if t.text == "resumed")
    assert where(shelled, 0) == "lead" and where(resumed, 0) == "lead"
    assert where(resumed, 1000) == "early"  # the chunk starts 1,000 characters in
    assert where(shelled, 5000) == "body"
    _, rows = _recorded("Rebels ambushed an army convoy near the town.", event_model=False)
    assert all("at=lead" in f.sparse for f, _ in rows)


def test_verifier_depth_cue_gets_no_per_set_copy():
    # the depth in a document tells a genre: a per-set copy would keep it out of the shipped
    # weights, so it stays shared
    f = CandidateFeatures(
        ["bias", "at=body", "X|at=body", "lemma=vow"], np.zeros(TENSOR_DIM), "X", True, 0.5
    )
    names = vf._sparse(vf.Row(f, False, "d", "news"), vf.FitOptions())
    assert "@news|lemma=vow" in names and "@news|bias" in names
    assert not any(n.startswith("@news|") and "at=" in n for n in names)


def test_verifier_sampled_sets_train_but_do_not_calibrate():
    rng = np.random.default_rng(7)
    gold, sampled = _rows(60, 8), _rows(60, 9)
    for r in sampled:
        r.group = next(iter(vf.SAMPLED_SETS))
        r.label = bool(rng.random() < 0.1)  # a sample drawn mostly from wrong readings
    z = rng.normal(size=120)
    rows = [*gold, *sampled]
    y = np.array([r.label for r in gold], dtype=np.float64)
    assert vf.calibrate(rows, z) == vf.platt(z[:60], y)

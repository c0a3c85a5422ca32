import pytest

from newsevents.coding.crosswalk import PLOVER_TYPES, default_code_for_plover, is_code, lookup
from newsevents.data import load_jsonl, load_tsv
from newsevents.errors import CodingError


def test_lookup_consult_phone_call():
    info = lookup("041")
    assert (info.plover, info.mode, info.quad_class) == ("CONSULT", "phone", 1)
    assert info.goldstein == pytest.approx(1.0)


def test_lookup_four_digit_code_keeps_context():
    info = lookup("0356")
    assert info.plover == "AGREE" and info.context == "military"


def test_lookup_appeal_is_request_and_statement_is_no_event():
    assert lookup("020").plover == "REQUEST"
    assert lookup("010").plover is None


def test_lookup_unknown_code_raises():
    with pytest.raises(CodingError):
        lookup("99")
    assert not is_code("abc")


def test_default_code_for_every_plover_type():
    defaults = default_code_for_plover()
    assert set(PLOVER_TYPES) <= set(defaults)
    assert all(lookup(code).plover == p for p, code in defaults.items())


def test_data_files_every_code_is_known():
    codes = {r["code"] for r in load_tsv("cameo/codes.tsv")}
    for name in ("verbs/core.jsonl", "verbs/nominal.jsonl"):
        for row in load_jsonl(name):
            assert row["code"] in codes, (name, row)
    for row in load_tsv("plover/cameo2plover.tsv"):
        assert row["plover"] in PLOVER_TYPES, row
    for row in load_jsonl("verbs/petrarch_patterns.jsonl"):
        assert row["code"] is None or is_code(row["code"]), row


def test_data_files_verb_and_noun_rows_have_their_fields():
    for row in load_jsonl("verbs/core.jsonl"):
        assert set(row) <= {"lemma", "code", "particle", "prep", "obj"}, row
        assert row["lemma"] and row["code"], row
    for row in load_jsonl("verbs/nominal.jsonl"):
        assert set(row) <= {"noun", "code", "mod", "light"}, row
    for row in load_tsv("verbs/modality.tsv"):
        assert row["modality"] in {"planned", "hypothetical"} and row["intent"] in {"yes", "no"}
    for row in load_tsv("verbs/intent.tsv"):
        assert row["kind"] in {"intent", "demand"} and is_code(row["code"]), row
    for row in load_tsv("verbs/negation.tsv"):
        assert row["plover"] in PLOVER_TYPES
        assert row["cameo"] in {"", "-"} or lookup(row["cameo"]).plover == "REJECT", row


def test_lookup_overrides_win_over_plover_table():
    assert lookup("163").plover == "SANCTION"
    assert lookup("0831").plover == "RETREAT"

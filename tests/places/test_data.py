"""Schema of the places data files."""

from __future__ import annotations

import csv
import gzip

import pytest

from newsevents.data import data_path, load_lines, load_tsv
from newsevents.places import gazetteer

pytestmark = pytest.mark.issue(13)


def test_features_have_names_codes_and_points():
    rows = load_tsv("places/features.tsv")
    assert len(rows) > 50
    names = [r["name"] for r in rows]
    assert len(set(names)) == len(names)
    for r in rows:
        assert r["fcode"].isupper() and 2 <= len(r["fcode"]) <= 5, r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        assert not r["country"] or (len(r["country"]) == 3 and r["country"].isupper()), r
        assert not r["geonameid"] or int(r["geonameid"]) > 0, r
    ids = [r["geonameid"] for r in rows if r["geonameid"]]
    assert len(ids) > 30 and len(set(ids)) == len(ids)


def test_features_with_geonames_ids_keep_them_in_the_gazetteer():
    gaz = gazetteer()
    for r in load_tsv("places/features.tsv"):
        if r["geonameid"]:
            e = gaz.get(int(r["geonameid"]))
            assert e is not None and e.name == r["name"] and e.geonameid == r["geonameid"]


def test_abbreviations_name_known_divisions():
    codes = gazetteer().admin1_names()
    for r in load_tsv("places/abbreviations.tsv"):
        assert r["admin1"] in codes, r


def test_divisions_file_fields():
    with gzip.open(data_path("places/divisions.tsv.gz"), "rt", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) > 40_000
    ids = [int(r["geonameid"]) for r in rows]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for r in rows[:: max(1, len(rows) // 500)]:
        assert r["level"] in ("1", "2") and len(r["country"]) == 3
        assert r["code"].startswith(r["code"][:2]) and "." in r["code"]


@pytest.mark.parametrize(
    "name",
    [
        "places/facility_words.txt",
        "places/common_words.txt",
        "places/actor_nouns.txt",
        "places/metonym_verbs.txt",
        "places/event_nouns.txt",
    ],
)
def test_word_lists_are_lower_case_words(name):
    words = load_lines(name)
    assert words and all(w == w.lower().strip() and w for w in words)


def test_place_verbs_are_lemmas_with_a_link():
    rows = load_tsv("places/place_verbs.tsv")
    assert {r["link"] for r in rows} == {"object", "on"}
    for r in rows:
        assert r["lemma"] == r["lemma"].lower().strip() and " " not in r["lemma"], r

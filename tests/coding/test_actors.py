"""Actor coding: bare phrases, dictionaries with dates, user files, whole documents."""

from __future__ import annotations

import pytest

from newsevents.coding.actors import (
    DICTIONARY_VERSION,
    ActorCoder,
    CompoundActor,
    find_actors,
)
from newsevents.errors import DataFileError
from newsevents.nlp import parse_text


@pytest.fixture(scope="module")
def coder() -> ActorCoder:
    return ActorCoder()


@pytest.mark.parametrize(
    "phrase, name, country, sector",
    [
        ("Turkish Foreign Minister Mevlut Cavusoglu", "Mevlut Cavusoglu", "TUR", "GOV"),
        ("Afghan Vice President Amrullah Saleh", "Amrullah Saleh", "AFG", "GOV"),
        ("Taliban spokesman Mohammed Naeem", "Mohammed Naeem", "AFG", "INS"),
        ("US Secretary of State Antony Blinken", "Antony Blinken", "USA", "GOV"),
        (
            "US Special Representative for Afghanistan Reconciliation, Zalmay Khalilzad",
            "Zalmay Khalilzad",
            "USA",
            "GOV",
        ),
        ("the Afghan government", None, "AFG", "GOV"),
        ("a Jordanian spokesman", None, "JOR", "GOV"),
        ("Brazilian police", None, "BRA", "COP"),
        ("the Kenyan army", None, "KEN", "MIL"),
    ],
)
def test_coder_roles_decide_country_and_sector(coder, phrase, name, country, sector):
    actor = coder.code(phrase, "2021-04-13")
    assert actor is not None
    assert (actor.country, actor.sector) == (country, sector)
    if name:
        assert actor.name == name
        if actor.how == "role":
            assert actor.id == name.lower().replace(" ", "-")
    assert actor.code == (country or "") + (sector or "")


def test_coder_group_code_for_taliban(coder):
    actor = coder.code("Taliban")
    assert (actor.country, actor.sector, actor.code) == ("AFG", "INS", "AFGINS")


@pytest.mark.parametrize(
    "phrase, country, sector, how",
    [
        ("US", "USA", None, "country"),
        ("U.S.", "USA", None, "country"),
        ("Afghan", "AFG", None, "country"),
        ("Washington", "USA", "GOV", "capital"),
        ("Kabul", "AFG", "GOV", "capital"),
    ],
)
def test_coder_countries_demonyms_and_capitals(coder, phrase, country, sector, how):
    actor = coder.code(phrase)
    assert (actor.country, actor.sector, actor.how) == (country, sector, how)


def test_coder_lowercase_us_is_no_country(coder):
    assert coder.code("us") is None


@pytest.mark.parametrize("phrase", ["the United Nations", "UN", "NATO", "APEC", "the EU"])
def test_coder_igos_have_no_country(coder, phrase):
    actor = coder.code(phrase)
    assert actor.country is None and actor.sector == "IGO" and actor.code.startswith("IGO")


def test_coder_compound_countries(coder):
    actor = coder.code("Senior Hungarian and Romanian officials")
    assert isinstance(actor, CompoundActor)
    assert [(m.country, m.sector) for m in actor.members] == [("HUN", "GOV"), ("ROU", "GOV")]


def test_coder_not_an_actor(coder):
    assert coder.code("the Afghan peace process") is None
    assert coder.code("support for a ceasefire") is None


def test_coder_dated_entries_follow_article_date(coder):
    # Phoenix: Najibullah led Afghanistan 1987-1992 and is an elite (ELI) otherwise.
    assert coder.code("Mohammad Najibullah", "1990-01-01").code == "AFGGOV"
    assert coder.code("Mohammad Najibullah", "2000-01-01").code == "AFGELI"


def test_coder_without_date_takes_entry_valid_today_and_marks_it(coder):
    actor = coder.code("Mohammad Najibullah")
    assert actor.code == "AFGELI" and actor.how == "dictionary-today"


def test_coder_user_file_and_env_var(tmp_path, monkeypatch):
    path = tmp_path / "mine.tsv"
    path.write_text(
        "name\tcountry\tsector\tstart\tend\n"
        "Jane Roe\tFRA\tGOV\t2020-01-01\t2022-12-31\n"
        "Jane Roe\tFRA\tOPP\t\t\n",
        encoding="utf-8",
    )
    coder = ActorCoder(user_files=[path])
    assert coder.code("Jane Roe", "2021-05-01").code == "FRAGOV"
    assert coder.code("Jane Roe", "2023-05-01").code == "FRAOPP"
    monkeypatch.setenv("NEWSEVENTS_ACTORS", str(path))
    assert ActorCoder().code("Jane Roe", "2021-05-01").how == "user"
    assert isinstance(DICTIONARY_VERSION, str) and DICTIONARY_VERSION


def test_coder_user_file_bad_country_raises(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("name\tcountry\tsector\tstart\tend\nX Y\tZZZ\tGOV\t\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="E102"):
        ActorCoder(user_files=[path])


TEXT = (
    "Turkish Foreign Minister Mevlut Cavusoglu and US Secretary of State Antony Blinken "
    "discussed the Afghan peace process on Monday.\n"
    "Cavusoglu said Turkey and the US would host talks.\n"
    "Taliban spokesman Mohammed Naeem rejected the invitation.\n"
    "He said the group would not attend.\n"
    "The Taliban spokesman later called the US official.\n"
    "Hungarian and Romanian officials agreed on Thursday to work together."
)


@pytest.fixture(scope="module")
def doc_actors(nlp):
    parsed = parse_text(TEXT, nlp, date="2021-04-13")
    return parsed, find_actors(parsed)


def _token(parsed, word: str, nth: int = 0):
    found = [t for _, doc in parsed.chunks for t in doc if t.text == word]
    return found[nth]


def test_find_actors_offsets_are_absolute_and_sorted(doc_actors):
    parsed, actors = doc_actors
    starts = [a.start for a in actors.mentions]
    assert starts == sorted(starts)
    for a in actors.mentions:
        assert parsed.article.text[a.start : a.end] == a.text


def test_find_actors_short_name_refers_back(doc_actors):
    parsed, actors = doc_actors
    actor = actors.for_token(_token(parsed, "Cavusoglu", 1))
    assert (actor.name, actor.country, actor.sector, actor.how) == (
        "Mevlut Cavusoglu",
        "TUR",
        "GOV",
        "coref",
    )


def test_find_actors_pronoun_takes_previous_subject(doc_actors):
    parsed, actors = doc_actors
    actor = actors.for_token(_token(parsed, "He"))
    assert (actor.name, actor.country, actor.sector) == ("Mohammed Naeem", "AFG", "INS")


def test_find_actors_description_refers_back(doc_actors):
    parsed, actors = doc_actors
    start = parsed.article.text.index("The Taliban spokesman")
    actor = actors.at(start, start + len("The Taliban spokesman"))
    assert actor.name == "Mohammed Naeem"
    official = actors.for_token(_token(parsed, "official"))
    assert official.name == "Antony Blinken"


def test_find_actors_conjuncts(doc_actors):
    parsed, actors = doc_actors
    turkey = _token(parsed, "Turkey")
    assert [a.country for a in actors.conjuncts(turkey)] == ["TUR", "USA"]
    us = _token(parsed, "US", 2)
    assert actors.for_token(us).country == "USA"
    officials = _token(parsed, "officials")
    assert [a.country for a in actors.conjuncts(officials)] == ["HUN", "ROU"]
    assert actors.for_token(_token(parsed, "Romanian")).country == "ROU"


def test_find_actors_no_actor_for_plain_nouns(doc_actors):
    parsed, actors = doc_actors
    assert actors.for_token(_token(parsed, "process")).country == "AFG"  # the Afghan process
    assert actors.for_token(_token(parsed, "invitation")) is None


def test_coder_role_beats_stale_list_entry(coder):
    # The 2014 lists know Ehud Barak; the title in the text decides his sector and country.
    actor = coder.code("Israeli Prime Minister Ehud Barak", "2000-01-01")
    assert (actor.name, actor.country, actor.sector, actor.how) == (
        "Ehud Barak",
        "ISR",
        "GOV",
        "role",
    )


def test_coder_weak_role_yields_to_earlier_role(coder):
    assert coder.code("rebel spokesman John Doe").sector == "REB"
    assert coder.code("a Kenyan spokesman").sector == "GOV"


def test_coder_organisation_after_adjective_role(coder):
    actor = coder.code("The rebel Kurdistan Workers' Party", "2000-01-01")
    assert (actor.name, actor.code) == ("Kurdistan Workers' Party", "TURREB")


def test_coder_legacy_country_codes_map_to_iso(coder):
    assert coder.code("East Timor", "2005-01-01").country == "TLS"


def test_coder_inverted_iso_names(coder):
    assert coder.code("the Democratic People's Republic of Korea").country == "PRK"


def test_cache_round_trip_and_off(tmp_path, monkeypatch):
    from newsevents.coding.cache import cached

    calls = []

    def build():
        calls.append(1)
        return {"k": len(calls)}

    source = tmp_path / "src.txt"
    source.write_text("x", encoding="utf-8")
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path / "cache"))
    assert cached("t", [source], build) == {"k": 1}
    assert cached("t", [source], build) == {"k": 1} and len(calls) == 1
    assert cached("t", [source], build, version="new") == {"k": 2}
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", "off")
    assert cached("t", [source], build) == {"k": 3}


def test_data_files_have_valid_codes():
    from newsevents.coding.actors.lexicon import country_codes, sector_codes
    from newsevents.coding.actors.userdict import read_user_rows
    from newsevents.data import data_path, load_tsv

    iso = country_codes()
    for row in load_tsv("actors/country_names.tsv"):
        assert row["country"] in iso and row["kind"] in ("name", "demonym", "capital"), row
    for row in load_tsv("actors/legacy_codes.tsv"):
        assert row["country"] in iso, row
    for row in load_tsv("actors/roles.tsv"):
        assert row["kind"] in ("person", "group"), row
        assert not row["sector"] or row["sector"].rstrip("?") in sector_codes(), row
    entities = read_user_rows(data_path("actors/newsevents_actors.tsv"))
    assert any(e.name == "Taliban" for _, e in entities)


MORE = (
    "A senior British minister said Libya must act as he left for Cairo.\n"
    "Yemen rejected a U.S. request on Tuesday.\n"
    "Prime Minister Mahendra Chaudhry of Fiji and his government were freed."
)


def test_find_actors_pronoun_modifier_and_possessive(nlp):
    parsed = parse_text(MORE, nlp)
    actors = find_actors(parsed)
    he = _token(parsed, "he")
    assert actors.for_token(he).country == "GBR"
    assert actors.for_token(_token(parsed, "request")).country == "USA"
    government = actors.for_token(_token(parsed, "government"))
    assert (government.country, government.sector) == ("FJI", "GOV")


def test_find_actors_it_refers_to_country_but_not_expletive(nlp):
    parsed = parse_text("Syria says it is willing to withdraw.\nIt is likely to happen.", nlp)
    actors = find_actors(parsed)
    assert actors.for_token(_token(parsed, "it")).country == "SYR"
    assert actors.for_token(_token(parsed, "It")) is None


def test_find_actors_surname_guess_yields_to_the_article_full_name(nlp):
    text = (
        "Milosevic defiant as talks open\n"
        "Yugoslav President Slobodan Milosevic said Serbia would not yield.\n"
        "Milosevic later met Chirac."
    )
    parsed = parse_text(text, nlp, date="1999-02-01")
    actors = find_actors(parsed)
    for nth in (0, 2):
        actor = actors.for_token(_token(parsed, "Milosevic", nth))
        assert (actor.name, actor.country, actor.how) == ("Slobodan Milosevic", "SRB", "coref")


def test_docs_user_dictionary_example_loads(tmp_path):
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "dictionaries.md").read_text()
    block = doc.split("## Adding your own actors", 1)[1].split("```", 2)[1]
    path = tmp_path / "example.tsv"
    path.write_text(block.strip("\n") + "\n", encoding="utf-8")
    coder = ActorCoder(user_files=[path])
    assert coder.code("Jane Roe", "2021-01-01").code == "FRAGOV"
    assert coder.code("Jane Roe", "2024-01-01").code == "FRAOPP"
    assert coder.code("the United Front").code == "AFGREB"


def test_coder_regions_are_no_country(coder):
    assert coder.code("South America") is None
    assert coder.code("Latin American leaders").country is None


def test_find_actors_description_prefers_same_role(nlp):
    text = (
        "Defense Secretary Chuck Hagel rejected criticism by President Barack Obama.\n"
        "The president said the prison would close."
    )
    parsed = parse_text(text, nlp, date="2013-05-01")
    actors = find_actors(parsed)
    assert actors.for_token(_token(parsed, "president")).name == "Barack Obama"


@pytest.mark.issue(14)
def test_find_actors_pronoun_agrees_in_gender(nlp):
    text = "Tomas Ferrand greeted Margaret Hollis at the station.\nShe thanked the crowd."
    parsed = parse_text(text, nlp)
    she = find_actors(parsed).for_token(_token(parsed, "She"))
    assert she is not None and she.name == "Margaret Hollis"

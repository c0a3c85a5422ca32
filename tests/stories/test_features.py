import pytest

from newsevents.models import Actor, Article, Extraction, Location
from newsevents.stories.features import (
    entities_from_extraction,
    entity_key,
    entity_vector,
    stem,
    word_vector,
    words,
)


def test_stem_strips_plurals_and_possessives():
    assert stem("embassies") == "embassy"
    assert stem("bombings") == "bombing"
    assert stem("kopp's") == "kopp"
    assert stem("congress") == "congress"
    assert stem("status") == "status"


def test_words_drop_stop_words_and_short_words():
    assert words("The bombs exploded at an embassy in Kenya") == [
        "bomb",
        "exploded",
        "embassy",
        "kenya",
    ]


def test_word_vector_counts_headline_words_more():
    v = word_vector("Embassy bombing", "The embassy was hit. Police came.")
    assert v["embassy"] > v["police"]
    assert v["bombing"] > v["police"]


def test_entity_key_normalises_surface_forms():
    assert entity_key("the U.S. Embassy") == "us embassy"
    assert entity_key("Kopp's") == "kopp"
    assert entity_key("  James   Kopp ") == "james kopp"


def test_entity_vector_is_sublinear_in_mentions():
    v = entity_vector(["Kenya"] * 5 + ["Tanzania"])
    assert 1.0 < v["kenya"] < 5.0
    assert v["tanzania"] == 1.0


def test_entities_from_extraction_uses_actors_countries_and_places():
    ex = Extraction(
        article=Article(id="a", text="x"),
        actors=[Actor(name="Zalmay Khalilzad", country="USA"), Actor(name="Taliban")],
        locations=[Location(name="Doha", country="QAT")],
    )
    assert entities_from_extraction(ex) == ["Zalmay Khalilzad", "USA", "Taliban", "Doha"]


def test_entity_vector_ignores_generic_actors():
    v = entity_vector(["people", "officials", "Kopp", "USA", "al-Qaeda"])
    assert set(v) == {"kopp", "usa", "al-qaeda"}


@pytest.mark.issue(16)
def test_stop_word_file_is_spacys_list():
    from spacy.lang.en.stop_words import STOP_WORDS

    from newsevents.stories.features import stop_words

    assert stop_words() == frozenset(STOP_WORDS)

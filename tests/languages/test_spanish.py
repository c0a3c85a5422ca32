"""The Spanish coder on invented sentences: lexicons, arguments, negation, modality, dates,
quotes, unaccented text."""

import pytest

from newsevents.languages.es import lexicon as lex
from newsevents.languages.es.dates import tag_text

pytestmark = pytest.mark.issue(18)


def _one(x, plover=None):
    events = [e for e in x.events if plover is None or e.plover == plover]
    assert events, [(e.plover, e.trigger["text"]) for e in x.events]
    return events[0]


def test_fold_reads_accents_and_double_n_alike():
    assert lex.fold("Policía") == lex.fold("POLICIA") == "policia"
    assert lex.fold("mañana") == lex.fold("mannana") == "manana"


def test_verb_lexicon_codes_assault_with_source_and_target(code_es):
    e = _one(code_es("Guerrilleros del ELN asesinaron a un concejal en una vereda del Cauca."))
    assert (e.plover, e.cameo, e.language) == ("ASSAULT", "186", "es")
    assert e.source.sector == "REB" and e.source.country == "COL"
    assert e.target.name == "concejal" and e.target.sector == "GOV"
    assert e.source.start is not None and e.trigger["text"] == "asesinaron"


def test_unaccented_text_still_matches(code_es):
    e = _one(
        code_es("Paramilitares secuestraron a dos campesinos en la mannana , ANTIOQUIA , URRAO")
    )
    assert e.plover == "ASSAULT" and e.cameo == "181"
    assert e.source.country == "COL"  # the department names the country
    assert "campesinos" in e.target.name


def test_phrase_verbs_do_not_take_their_own_words_as_target(code_es):
    e = _one(code_es("Hombres armados amenazaron de muerte a los lideres comunales de la region."))
    assert e.plover == "THREATEN" and e.trigger["text"] == "amenazaron de muerte"
    assert "lideres" in e.target.name


def test_passive_agent_is_the_source(code_es):
    e = _one(code_es("El alcalde fue secuestrado por guerrilleros de las FARC el martes."))
    assert e.plover == "ASSAULT" and "guerrilleros" in e.source.name.lower()
    assert e.target.name == "alcalde"


def test_nouns_with_support_verbs_code_protests(code_es):
    e = _one(code_es("Miles de maestros realizaron una marcha contra el Gobierno en Quito."))
    assert e.plover == "PROTEST" and e.trigger["text"] == "marcha"
    assert "maestros" in e.source.name and e.source.sector == "EDU"
    x = code_es("Los mineros iniciaron una huelga de hambre en la plaza central.")
    assert _one(x).cameo == "142"


def test_de_complement_of_a_killing_is_the_victim(code_es):
    e = _one(code_es("El asesinato de un periodista por desconocidos conmocionó a la ciudad."))
    assert e.plover == "ASSAULT"
    assert e.target.name == "periodista" and e.source.name == "desconocidos"


def test_demonyms_and_country_names_code_countries(code_es):
    e = _one(code_es("Soldados venezolanos detuvieron a tres pescadores colombianos en el río."))
    assert e.plover == "COERCE" and e.source.country == "VEN" and e.target.country == "COL"
    e = _one(
        code_es("El presidente de Argentina criticó duramente al Gobierno de Chile."), "ACCUSE"
    )
    assert e.source.country == "ARG" and e.source.sector == "GOV"


def test_groups_code_organisations(code_es):
    e = _one(code_es("La ONU condenó el ataque contra la población civil."), "ACCUSE")
    assert e.source.sector == "IGO" and e.source.country is None


def test_negation_and_refusal(code_es):
    e = _one(code_es("Los sindicatos no marcharon el lunes por la lluvia."))
    assert e.plover == "PROTEST" and e.negated
    x = code_es("El gobierno se negó a liberar a los presos políticos.")
    assert [ev.plover for ev in x.events] == ["REJECT"]  # one refusal, not a release


def test_threat_to_attack_is_one_threat(code_es):
    x = code_es("Los rebeldes amenazaron con atacar la capital.")
    assert [(ev.plover, ev.cameo) for ev in x.events] == [("THREATEN", "138")]


def test_modality_future_and_conditional(code_es):
    assert (
        _one(code_es("El ejército atacará mañana las posiciones rebeldes.")).modality == "planned"
    )
    assert _one(code_es("Los rebeldes van a secuestrar al alcalde.")).modality == "planned"
    assert _one(code_es("Los soldados atacarían el pueblo.")).modality == "hypothetical"


def test_a_planned_or_called_protest_is_a_threat_to_protest(code_es):
    e = _one(code_es("Los campesinos marcharán mañana hacia la capital."))
    assert (e.plover, e.cameo, e.modality) == ("THREATEN", "133", "asserted")
    x = code_es("Los sindicatos convocaron a una huelga general contra el Gobierno.")
    assert [(ev.plover, ev.cameo) for ev in x.events] == [("THREATEN", "133")]
    assert "sindicatos" in x.events[0].source.name


def test_armed_actors_blockade_and_crowds_demonstrate(code_es):
    e = _one(code_es("Guerrilleros del ELN bloquearon la carretera principal."))
    assert (e.plover, e.cameo) == ("COERCE", "191")
    e = _one(code_es("Unas 300 personas se reunieron frente al palacio de gobierno."))
    assert (e.plover, e.cameo) == ("PROTEST", "141")


def test_object_and_main_clause_conditions(code_es):
    assert _one(code_es("Hombres armados desaparecieron a un comerciante.")).cameo == "181"
    assert not code_es("El documento desapareció de la oficina.").events
    x = code_es("Asaltaron la moto en que se movilizaba el testigo.")
    assert all(e.plover != "PROTEST" for e in x.events)
    assert _one(code_es("Los campesinos se movilizaron hacia la capital.")).plover == "PROTEST"


def test_reporting_verbs_are_not_events_and_embedded_events_are(code_es):
    x = code_es("El ministro dijo que la policía detuvo a cinco sospechosos.")
    assert [e.plover for e in x.events] == ["COERCE"]
    assert x.events[0].source.sector == "COP"


@pytest.mark.parametrize(
    "text, value",
    [
        ("ayer", "2021-03-09"),
        ("anteayer", "2021-03-08"),
        ("el lunes", "2021-03-08"),
        ("el 2 de febrero", "2021-02-02"),
        ("el 2 de febrero de 1999", "1999-02-02"),
        ("la semana pasada", "2021-W09"),
        ("el mes pasado", "2021-02"),
        ("marzo de 2020", "2020-03"),
        ("del 3 al 5 de marzo", "2021-03-03/2021-03-05"),
        ("a principios de mes", "2021-03-01/2021-03-10"),
        ("a finales de febrero", "2021-02-19/2021-02-28"),
        ("en 2019", "2019"),
    ],
)
def test_spanish_date_expressions(text, value):
    from datetime import date

    found = tag_text(f"Los hechos ocurrieron {text} en la capital.", date(2021, 3, 10))
    assert [t.value for t in found] == [value]


def test_event_takes_its_sentence_date_else_the_publication_date(code_es):
    x = code_es(
        "El ejército bombardeó ayer un campamento rebelde. Los rebeldes atacaron un puesto."
    )
    dates = [(e.trigger["text"], e.date, e.date_precision) for e in x.events]
    assert dates == [("bombardeó", "2021-03-09", "day"), ("atacaron", "2021-03-10", "publication")]


@pytest.mark.parametrize(
    "text",
    [
        "«No vamos a negociar con terroristas», dijo el ministro de Defensa.",
        "“No vamos a negociar con terroristas”, afirmó el ministro de Defensa.",
        "—No vamos a negociar con terroristas —declaró el ministro de Defensa.",
    ],
)
def test_quotes_and_speakers(code_es, text):
    x = code_es(text)
    assert len(x.quotes) == 1
    q = x.quotes[0]
    assert q.quote.startswith("No vamos a negociar")
    assert text[q.start : q.end] == q.quote
    assert q.speaker is not None and "ministro" in q.speaker.name and q.speaker.sector == "GOV"


def test_every_lexicon_entry_has_a_valid_cameo_code():
    from newsevents.coding.crosswalk import is_code

    for entries in lex.verbs().values():
        assert all(is_code(e.cameo) for e in entries)
    for entries in lex.nouns().values():
        assert all(is_code(c) for _, c in entries)
    assert all(a.sector.isupper() for v in lex.agents().values() for a in v)
    assert lex.countries()[("espana",)] == "ESP" and lex.countries()[("mexicanas",)] == "MEX"

"""One invented Spanish sentence for each word kind, date rule and quote rule that
test_spanish.py does not already cover."""

from datetime import date

import pytest

from newsevents.languages.es.dates import tag_text

pytestmark = pytest.mark.issue(18)

WEDNESDAY = date(2021, 3, 10)


def _events(x, plover=None):
    return [e for e in x.events if plover is None or e.plover == plover]


# --- word kinds of data/es/words.tsv -------------------------------------------------------


def test_happen_verbs_carry_their_subject_event(code_es):
    (e,) = _events(code_es("Hubo un ataque contra la estación de policía."), "ASSAULT")
    assert e.trigger["text"] == "ataque" and e.target.sector == "COP"


def test_victim_verbs_make_their_subject_the_target(code_es):
    (e,) = _events(code_es("El alcalde sufrió un atentado en su casa."), "ASSAULT")
    assert e.target.name == "alcalde" and e.source is None


def test_plan_verbs_make_the_event_planned(code_es):
    (e,) = _events(code_es("Los rebeldes planean atacar la base militar."), "ASSAULT")
    assert e.modality == "planned" and e.source.sector == "REB"


def test_an_attempt_is_told_as_in_english_hypothetical(code_es):
    (e,) = _events(code_es("Los rebeldes trataron de secuestrar al juez."), "ASSAULT")
    assert e.modality == "hypothetical" and e.target.name == "juez"
    (e,) = _events(code_es("Los rebeldes intentaron secuestrar al juez."), "ASSAULT")
    assert e.modality == "hypothetical"


def test_hypothetical_words_and_si(code_es):
    (e,) = _events(code_es("La policía podría detener a los dirigentes."), "COERCE")
    assert e.modality == "hypothetical"


def test_a_protest_under_si_is_no_threat_to_protest(code_es):
    x = code_es("Si los maestros marchan, el gobierno cerrará las escuelas.")
    (e,) = _events(x, "PROTEST")
    assert (e.cameo, e.modality) != ("133", "asserted") and e.modality == "hypothetical"


@pytest.mark.parametrize(
    "text",
    [
        "Los mineros nunca marcharon hacia la capital.",
        "Los mineros jamás marcharon hacia la capital.",
        "Los soldados no se retiraron del pueblo.",
    ],
)
def test_each_negation_word_negates(code_es, text):
    assert all(e.negated for e in code_es(text).events) and code_es(text).events


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("hoy", "2021-03-10"),
        ("anoche", "2021-03-09"),
        ("la víspera", "2021-03-09"),
        ("esta mañana", "2021-03-10"),
        ("el lunes pasado", "2021-03-08"),
        ("el pasado viernes", "2021-03-05"),
        ("el próximo lunes", "2021-03-15"),
        ("la noche del sábado", "2021-03-06"),
        ("la semana próxima", "2021-W11"),
        ("el próximo mes", "2021-04"),
        ("el año pasado", "2020"),
        ("este mes", "2021-03"),
        ("esta semana", "2021-W10"),
        ("el mes en curso", "2021-03"),
        ("hace tres días", "2021-03-07"),
        ("hace 2 semanas", "2021-W08"),
        ("hace un mes", "2021-02"),
        ("el fin de semana pasado", "2021-03-06/2021-03-07"),
        ("el próximo fin de semana", "2021-03-13/2021-03-14"),
        ("el fin de semana", "2021-03-06/2021-03-07"),
        ("a mediados de marzo", "2021-03-11/2021-03-20"),
        ("a finales del año pasado", "2020-09-01/2020-12-31"),
        ("setiembre de 2020", "2020-09"),
        ("el 12 de diciembre", "2020-12-12"),
    ],
)
def test_more_spanish_date_expressions(text, value):
    found = tag_text(f"Los hechos ocurrieron {text} en la capital.", WEDNESDAY)
    assert [t.value for t in found] == [value]


def test_a_bare_weekday_of_a_planned_event_is_the_next_one(code_es):
    (e,) = _events(code_es("El ejército atacará el lunes las posiciones rebeldes."), "ASSAULT")
    assert (e.modality, e.date) == ("planned", "2021-03-15")
    (e,) = _events(code_es("El ejército atacó el lunes las posiciones rebeldes."), "ASSAULT")
    assert e.date == "2021-03-08"


# --- quotes ---------------------------------------------------------------------------------


def test_straight_quotes_and_a_speaker_before_the_quote(code_es):
    x = code_es('El ministro dijo: "No habrá ninguna negociación con ellos".')
    (q,) = x.quotes
    assert q.quote == "No habrá ninguna negociación con ellos" and q.speaker.name == "ministro"


def test_segun_names_the_speaker(code_es):
    text = "Según el portavoz del gobierno, «los rebeldes huyeron hacia la selva»."
    (q,) = code_es(text).quotes
    assert q.quote.startswith("los rebeldes") and "portavoz" in q.speaker.name


def test_the_reporting_verb_may_follow_in_the_next_sentence(code_es):
    text = "«No vamos a ceder ante las amenazas». Así lo afirmó el gobernador."
    (q,) = code_es(text).quotes
    assert q.speaker.name == "gobernador" and q.verb["text"] == "afirmó"


def test_a_quoted_word_or_two_is_no_quote(code_es):
    assert not code_es('Los jóvenes llamaron "traidores" a los concejales.').quotes

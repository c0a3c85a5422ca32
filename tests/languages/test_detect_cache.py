"""Issue 16: langdetect's profiles from the compact cache answer as langdetect's own loading."""

import pytest

from newsevents.languages import detect as detect_module

pytestmark = pytest.mark.issue(16)

TEXTS = [
    "Rebels attacked a police post near the northern town on Monday, officials said.",
    "El ministro dijo el martes que el ejército enviará más tropas a la región del norte.",
    "Le ministre a déclaré mardi que l'armée enverrait des renforts dans le nord du pays.",
    "Der Minister sagte am Dienstag, die Armee werde weitere Truppen in den Norden schicken.",
    "Os agricultores protestaram contra os novos impostos diante da assembleia regional.",
]


def test_cached_table_is_langdetect_table(tmp_path, monkeypatch):
    from langdetect.detector_factory import DetectorFactory

    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path / "cache"))
    detect_module.factory.cache_clear()
    try:
        built = detect_module.factory()  # builds and writes the cache
        detect_module.factory.cache_clear()
        loaded = detect_module.factory()  # reads it
        assert list((tmp_path / "cache").glob("langdetect-*.pickle"))
        full = DetectorFactory()
        full.load_profile(str(detect_module._profiles_dir()))
        for made in (built, loaded):
            assert made.langlist == full.langlist
            assert len(made.word_lang_prob_map) == len(full.word_lang_prob_map)
            for word, row in full.word_lang_prob_map.items():
                assert made.word_lang_prob_map[word] == row
            assert "no such n-gram" not in made.word_lang_prob_map
        DetectorFactory.seed = 0
        for text in TEXTS:
            ours, theirs = loaded.create(), full.create()
            ours.append(text)
            theirs.append(text)
            got = [(x.lang, x.prob) for x in ours.get_probabilities()]
            assert got == [(x.lang, x.prob) for x in theirs.get_probabilities()]
    finally:
        detect_module.factory.cache_clear()


MIXED = TEXTS + [
    "NATO and the EU met in BRUSSELS;  two  spaces, a trailing one ",
    "  Leading spaces, Ünïcödé accents, ß and Œ, Romanian șț and ăî.",
    "Vietnamese Ệạ Ễ, kana あア, bopomofo ㄅ, 中文漢字, 한국어, يی, мир, Δέλτα 123 — “quotes”!",
    "A",
    "",
]


def test_word_by_word_ngrams_are_langdetects_own():
    made = detect_module.factory()
    table = made.word_lang_prob_map
    for text in MIXED + [" ".join(MIXED)]:
        detector = made.create()
        detector.append(text)
        detector.cleaning_text()
        theirs = detector._extract_ngrams()  # langdetect's character-by-character machine
        assert detect_module.ngrams(detector.text, table) == theirs, text
        assert detect_module.ngrams(detector.text, table) == theirs  # words from the memo


def test_detect_answers_as_langdetect_does():
    made = detect_module.factory()
    for text in TEXTS:
        ours = detect_module.detect(text * 3, ("en", "es"))
        detector = made.create()
        detector.append(text * 3)
        top = detector.get_probabilities()  # no faster n-grams on this one
        assert ours[1] == top[0].lang


def test_numpy_scores_are_langdetects_own():
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0
    made = detect_module.factory()
    table = made.word_lang_prob_map
    for text in TEXTS + [" ".join(TEXTS), TEXTS[0] * 5, MIXED[5], MIXED[6]]:
        theirs = made.create()
        theirs.append(text)
        theirs.get_probabilities()  # langdetect's loop over lists of floats
        ours = made.create()
        ours.append(text)
        assert detect_module.scores(ours, table) == theirs.langprob, text

import os
import time

import pytest

from newsevents.coding.cache import STALE_S, cached


@pytest.mark.issue(16)
def test_two_versions_keep_their_caches_and_stale_ones_go(tmp_path, monkeypatch):
    """Two checkouts (or installed versions) sharing the cache folder do not rebuild each
    other's dictionaries; a file no one used for a week is removed by the next write."""
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "src.txt"
    source.write_text("x", encoding="utf-8")
    calls: list[str] = []

    def build(tag: str):
        return lambda: calls.append(tag) or {"v": tag}

    assert cached("t", [source], build("a"), version="a") == {"v": "a"}
    assert cached("t", [source], build("b"), version="b") == {"v": "b"}
    assert cached("t", [source], build("a"), version="a") == {"v": "a"}
    assert calls == ["a", "b"]
    files = sorted((tmp_path / "cache").glob("t-*.pickle"))
    assert len(files) == 2
    old = time.time() - STALE_S - 60
    for f in files:
        os.utime(f, (old, old))
    assert cached("t", [source], build("c"), version="c") == {"v": "c"}
    (left,) = (tmp_path / "cache").glob("t-*.pickle")
    assert left not in files


@pytest.mark.issue(16)
def test_same_contents_elsewhere_share_one_cache(tmp_path, monkeypatch):
    """A fresh clone or a second checkout (other paths, other modification times, same
    contents) reads the cache the first one wrote; a changed content rebuilds."""
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path / "cache"))
    calls: list[int] = []

    def build():
        calls.append(1)
        return {"n": len(calls)}

    first, second = tmp_path / "a" / "src.txt", tmp_path / "b" / "src.txt"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text("same words", encoding="utf-8")
    os.utime(second, (1_000_000, 1_000_000))
    assert cached("t", [first], build) == {"n": 1}
    assert cached("t", [second], build) == {"n": 1}
    second.write_text("other words", encoding="utf-8")
    assert cached("t", [second], build) == {"n": 2}
    assert len(calls) == 2


@pytest.mark.issue(16)
def test_gazetteer_key_ignores_modification_times(tmp_path, monkeypatch):
    import importlib

    from newsevents.data import data_path

    gazetteer = importlib.import_module("newsevents.places.gazetteer")
    before = gazetteer.index_key()
    copy = tmp_path / "features.tsv"
    copy.write_bytes(data_path(gazetteer.FEATURES).read_bytes())
    os.utime(copy, (1_000_000, 1_000_000))
    sources = gazetteer._sources()
    swapped = [copy if p.name == copy.name else p for p in sources]
    monkeypatch.setattr(gazetteer, "_sources", lambda: swapped)
    assert gazetteer.index_key() == before
    copy.write_text(copy.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert gazetteer.index_key() != before


@pytest.mark.issue(16)
def test_packed_phrases_answer_as_the_dict_they_pack():
    import pickle

    from newsevents.coding.actors.dictionaries import PackedPhrases
    from newsevents.coding.actors.lexicon import Entity, Entry

    guard = Entity("A1", "Northern Guard", "XYZMIL:20010101-|XYZREB")
    plain = {
        ("northern", "guard"): Entry("entity", country="XYZ", entity=guard),
        ("northern",): Entry("region"),
        ("minister",): Entry("role", sector="GOV", role_kind="person"),
        ("foreign", "minister"): Entry("role", sector="GOV", role_kind="person", weak=True),
    }
    packed = pickle.loads(pickle.dumps(PackedPhrases(plain)))
    assert packed == plain and len(packed) == 4 and dict(packed) == plain
    for words in [*plain, ("northern", "army"), ("south",), ()]:
        assert packed.get(words) == plain.get(words)
        assert (words in packed) == (words in plain)
    assert packed[("northern", "guard")].entity.code_at("20050101") == ("XYZMIL", False)
    with pytest.raises(KeyError):
        packed[("south",)]


@pytest.mark.issue(16)
def test_the_shipped_lexicon_loads_packed():
    from newsevents.coding.actors.dictionaries import PackedPhrases, base_lexicon

    lex = base_lexicon()
    assert isinstance(lex.phrases, PackedPhrases) and len(lex.phrases) > 10_000
    first = next(iter(lex.lengths))
    n = lex.lengths[first][0]
    assert any(len(words) == n and words[0] == first for words in lex.phrases)

"""The two Afghan peace-process examples are one developing story."""

import re

from newsevents.stories import OnlineClusterer, StoryDoc, cluster, entities_from_spacy


def _read(path, nlp) -> StoryDoc:
    text = path.read_text(encoding="utf-8").strip()
    m = re.match(r"(\d{4}-\d\d-\d\d)_", path.name)
    text = re.sub(r"^date\s+\S+\s+", "", text)
    title, _, body = text.partition("\n")
    doc = StoryDoc(path.name, title, body, m.group(1) if m else None)
    doc.entities = entities_from_spacy(nlp(text))
    return doc


def test_examples_join_one_story(examples_dir, nlp):
    docs = [_read(p, nlp) for p in sorted(examples_dir.glob("*.txt"))]
    assert len(docs) == 2
    assert len(set(cluster(docs).values())) == 1


def test_examples_stay_apart_from_an_unrelated_story(examples_dir, nlp):
    docs = [_read(p, nlp) for p in sorted(examples_dir.glob("*.txt"))]
    text = (
        "Poland, Hungary and the Czech Republic formally joined NATO on Friday at a ceremony "
        "in Independence, Missouri, ending decades of Soviet domination."
    )
    other = StoryDoc("nato", "Three countries join NATO", text, "2021-04-14")
    other.entities = entities_from_spacy(nlp(text))
    got = cluster([*docs, other], OnlineClusterer())
    assert got["nato"] != got[docs[0].id]
    assert got[docs[0].id] == got[docs[1].id]

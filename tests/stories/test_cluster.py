import json

import pytest

from newsevents.stories import OnlineClusterer, StoryDoc, cluster, story_label
from newsevents.stories import features as F
from newsevents.stories.story import Story, day_number

WORDS_ENTS = {"words": 1.0, "entities": 1.0}


def _docs() -> list[StoryDoc]:
    return [
        StoryDoc(
            "a1",
            "Bombs hit U.S. embassies in Kenya and Tanzania",
            "Bombs went off near the U.S. missions in Dar es Salaam and Nairobi, "
            "killing dozens. Kenya and Tanzania said the bombings were terrorism.",
            "1998-08-07",
            ["U.S.", "Kenya", "Tanzania", "Nairobi", "Dar es Salaam"],
        ),
        StoryDoc(
            "b1",
            "Poland, Hungary and Czech Republic join NATO",
            "Poland, Hungary and the Czech Republic joined the NATO alliance at a ceremony "
            "in Independence, Missouri, ending decades of Soviet domination.",
            "1999-03-12",
            ["Poland", "Hungary", "Czech Republic", "NATO", "Independence"],
        ),
        StoryDoc(
            "a2",
            "Embassy bombing toll rises in Kenya",
            "The death count from the blasts at the U.S. missions in Tanzania and Kenya climbed "
            "as rescuers searched the rubble in Nairobi.",
            "1998-08-09",
            ["Kenya", "Tanzania", "U.S.", "Nairobi"],
        ),
        StoryDoc(
            "b2",
            "NATO admits three former Warsaw Pact members",
            "Hungary, Poland and the Czech Republic became members of NATO on Friday.",
            "1999-03-13",
            ["Hungary", "Poland", "Czech Republic", "NATO"],
        ),
    ]


def test_cluster_groups_articles_of_one_story():
    got = cluster(_docs(), OnlineClusterer(weights=WORDS_ENTS))
    assert got["a1"] == got["a2"]
    assert got["b1"] == got["b2"]
    assert got["a1"] != got["b1"]


def test_online_add_starts_a_story_below_threshold():
    c = OnlineClusterer(threshold=0.99, weights=WORDS_ENTS)
    ids = [c.add(d) for d in _docs()]
    assert len(set(ids)) == 4


def test_online_restore_continues_like_the_original():
    docs = _docs()
    original = OnlineClusterer(weights=WORDS_ENTS)
    for d in docs[:3]:
        original.add(d)
    restored = OnlineClusterer.from_dict(json.loads(json.dumps(original.to_dict())))
    assert restored.to_dict() == original.to_dict()
    assert restored.add(docs[3]) == original.add(docs[3])
    assert restored.last_score == pytest.approx(original.last_score)
    assert restored.stories[restored.add(docs[3])].size == 3


def test_time_gap_damps_the_score():
    c = OnlineClusterer(weights=WORDS_ENTS, tau_days=30, time_floor=0.5)
    first, later = _docs()[0], _docs()[2]
    c.add(first)
    _, near = c.best(later)
    later.date = "2000-08-09"
    _, far = c.best(later)
    assert far < near
    assert far >= 0.5 * near - 1e-9


def test_story_label_names_shared_entities():
    docs = [d for d in _docs() if d.id.startswith("b")]
    label = story_label(docs)
    assert "NATO" in label or "Poland" in label
    assert len(label.split(", ")) == 3


def test_clusterer_label_prefers_specific_entities():
    c = OnlineClusterer(weights=WORDS_ENTS)
    ids = c.add_many(_docs())
    label = c.label(ids["a1"])
    assert "Kenya" in label or "Tanzania" in label or "Nairobi" in label


def test_candidate_search_finds_the_exhaustive_best():
    docs = _docs()
    c = OnlineClusterer(threshold=0.99, weights=WORDS_ENTS)  # every article its own story
    for d in docs[:3]:
        c.add(d)
    probe = docs[3]
    sid, score = c.best(probe)
    wv = c._weigh(F.word_vector(probe.title, probe.text), c.df_words)
    ev = c._weigh(F.entity_vector(probe.entities), c.df_ents)
    day = day_number(probe.date)
    exhaustive = {s: c._score(st, wv, ev, None, day) for s, st in c.stories.items()}
    assert sid == max(exhaustive, key=exhaustive.get)
    assert score == pytest.approx(exhaustive[sid])


def test_time_scale_grows_with_story_lifetime():
    c = OnlineClusterer(tau_days=30, time_floor=0.5)
    short = Story("s", size=2, first="1999-01-01", last="1999-01-02")
    long = Story("l", size=2, first="1998-01-01", last="1999-01-02")
    day = day_number("1999-03-01")
    assert c._time_weight(day, long) > c._time_weight(day, short)
    assert c._time_weight(day_number("1999-01-01"), short) == 1.0
    assert c._time_weight(None, short) == 1.0


def test_label_drops_contained_names_and_puts_codes_last():
    docs = [
        StoryDoc(
            f"k{i}",
            "Kopp charged",
            "James Charles Kopp was charged in the killing of Barnett Slepian in Buffalo.",
            f"1999-05-0{i}",
            ["James Charles Kopp", "Kopp", "USA", "Barnett Slepian", "Buffalo", "Bush"],
        )
        for i in (1, 2)
    ]
    names = story_label(docs, n=5).split(", ")
    assert "Kopp" not in names
    assert "James Charles Kopp" in names
    assert names[-1] == "USA"

from newsevents.stories.timeline import actor_label, build_timeline, summarize


def mention(mid, doc, event_id, date=None, precision="day", start=0, **kw):
    return {
        "id": mid, "doc": doc, "event_id": event_id, "date": date, "date_precision": precision,
        "sentence": f"sentence of {mid}", "sentence_start": start, "sentence_end": start + 10,
        "plover": kw.pop("plover", "CONSULT"), "cameo": "040", "trigger": {"text": "talks"},
        "source": kw.pop("source", {"name": "Ankara", "country": "TUR"}),
        "target": kw.pop("target", {"name": "Antony Blinken", "country": "USA", "sector": "GOV"}),
        **kw,
    }  # fmt: skip


def test_timeline_groups_reports_of_one_event():
    entries = build_timeline(
        [
            mention("a:e0", "a", "ev1", "2021-04-12"),
            mention("b:e3", "b", "ev1", "2021-04-12"),
            mention("b:e4", "b", "ev1", "2021-04-12", start=50),
        ]
    )
    assert len(entries) == 1
    assert (entries[0].n_mentions, entries[0].n_documents) == (3, 2)
    assert [s.mention_id for s in entries[0].sources] == ["a:e0", "b:e3", "b:e4"]


def test_timeline_orders_by_event_date_not_report_order():
    entries = build_timeline(
        [mention("a:e0", "a", "late", "2021-05-01"), mention("a:e1", "a", "early", "2021-04-01")]
    )
    assert [e.event_id for e in entries] == ["early", "late"]


def test_timeline_undated_entries_come_last_without_a_date():
    docs = {"a": {"date": "2021-04-13", "title": "A"}, "b": {"date": None, "title": "B"}}
    entries = build_timeline(
        [mention("b:e0", "b", "u1"), mention("a:e0", "a", "d1", "2021-04-12")], docs
    )
    assert [(e.event_id, e.undated, e.date) for e in entries] == [
        ("d1", False, "2021-04-12"),
        ("u1", True, None),
    ]
    assert entries[0].sources[0].title == "A"


def test_timeline_event_date_is_the_majority_then_most_precise():
    entries = build_timeline(
        [
            mention("a:e0", "a", "ev", "2021-04-01", precision="month"),
            mention("b:e0", "b", "ev", "2021-04-12"),
            mention("c:e0", "c", "ev", "2021-04-12"),
            mention("d:e0", "d", "ev", None),
        ]
    )
    assert (entries[0].date, entries[0].precision, entries[0].undated) == (
        "2021-04-12",
        "day",
        False,
    )
    entries = build_timeline(
        [
            mention("a:e0", "a", "ev", "2021-04-01", precision="month"),
            mention("b:e0", "b", "ev", "2021-04-12"),
        ]
    )
    assert entries[0].precision == "day"


def test_summary_reads_actor_verb_actor_trigger():
    m = mention(
        "a:e0", "a", "ev", source={"name": "Mevlut Cavusoglu", "country": "TUR", "sector": "GOV"}
    )
    assert summarize(m) == "Mevlut Cavusoglu (TUR GOV) CONSULT Antony Blinken (USA GOV) — talks"
    m = mention("a:e0", "a", "ev", target=None, negated=True, modality="planned")
    assert summarize(m) == "Ankara (TUR) NOT CONSULT (planned) — talks"


def test_actor_label_without_codes_is_the_name():
    assert actor_label({"name": "Protesters"}) == "Protesters"
    assert actor_label(None) == "?"


def test_timeline_publication_date_is_not_an_event_date():
    docs = {"a": {"date": "2021-04-13"}, "b": {"date": "2021-04-20"}}
    entries = build_timeline(
        [
            mention("b:e0", "b", "later", "2021-04-20", precision="publication"),
            mention("a:e0", "a", "pub", "2021-04-13", precision="publication"),
            mention("a:e1", "a", "real", "2021-04-12"),
            mention("b:e1", "b", "real", "2021-04-20", precision="publication"),
        ],
        docs,
    )
    assert [(e.event_id, e.date, e.undated, e.reported) for e in entries] == [
        ("real", "2021-04-12", False, "2021-04-13"),
        ("pub", None, True, "2021-04-13"),
        ("later", None, True, "2021-04-20"),
    ]

from newsevents.query.spans import document_spans, segments

TEXT = "Turkey met Qatar on Monday."


def test_segments_cover_the_text_once_with_overlaps():
    spans = [
        {"kind": "quote", "start": 0, "end": 27, "ref": "q0", "label": "q"},
        {"kind": "source", "start": 0, "end": 6, "ref": "e0", "label": "s"},
        {"kind": "trigger", "start": 7, "end": 10, "ref": "e0", "label": "t"},
    ]
    segs = segments(TEXT, spans)
    assert "".join(s.text for s in segs) == TEXT
    assert [(s.text, s.kinds) for s in segs[:3]] == [
        ("Turkey", ["quote", "source"]),
        (" ", ["quote"]),
        ("met", ["quote", "trigger"]),
    ]


def test_segments_of_a_sentence_use_document_offsets():
    spans = [{"kind": "trigger", "start": 107, "end": 110, "ref": "e0", "label": "t"}]
    segs = segments(TEXT, spans, base=100)
    assert [(s.text, s.start) for s in segs if s.spans] == [("met", 107)]


def test_document_spans_skip_missing_offsets_and_include_time_expressions():
    events = [
        {
            "id": "e0", "plover": "CONSULT", "cameo": "040", "date": "2021-04-12",
            "trigger": {"text": "met", "start": 7, "end": 10},
            "source": {"name": "Turkey", "start": 0, "end": 6},
            "target": {"name": "Qatar"},  # no offsets: not highlighted
            "date_span": {"text": "Monday", "start": 20, "end": 26},
        }
    ]  # fmt: skip
    times = [{"text": "Monday", "start": 20, "end": 26, "type": "DATE", "date": "2021-04-12"}]
    kinds = [(s["kind"], TEXT[s["start"] : s["end"]]) for s in document_spans(events, [], times)]
    assert kinds == [
        ("source", "Turkey"),
        ("trigger", "met"),
        ("time", "Monday"),
        ("timex", "Monday"),
    ]

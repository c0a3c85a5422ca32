from newsevents.quotes.marks import find_quoted_spans, paragraphs


def texts(text: str) -> list[str]:
    return [q.text(text) for q in find_quoted_spans(text)]


def test_marks_straight_and_curly_double():
    text = 'He said "one thing" and then \u201canother thing\u201d today.'
    assert texts(text) == ["one thing", "another thing"]


def test_marks_mixed_curly_open_straight_close():
    text = 'The envoy said the world expects \u201cthem to attend," the council said.'
    assert texts(text) == ["them to attend"]


def test_marks_single_quotes_and_apostrophes():
    text = "Turkey's leader can't go. She called it 'a plan that works' yesterday."
    assert texts(text) == ["a plan that works"]


def test_marks_plural_possessive_is_not_a_quote():
    text = "The ministers' meeting ended. The leaders' talks went on."
    assert texts(text) == []


def test_marks_curly_apostrophe_inside_quote():
    text = "\u201cI\u2019ll be there, and we\u2019re ready,\u201d she said."
    assert texts(text) == ["I\u2019ll be there, and we\u2019re ready"]


def test_marks_nested_single_inside_double_is_one_quote():
    text = "\"They said 'no' to us,\" he said."
    assert texts(text) == ["They said 'no' to us"]


def test_marks_paragraph_continuation_joins_pieces():
    text = '"We will go on.\n\n"And we will win," she said.\n\nNext paragraph "here" too.'
    spans = find_quoted_spans(text)
    assert [q.text(text) for q in spans][0] == "We will go on.\n\nAnd we will win"
    assert len(spans[0].pieces) == 2
    assert spans[0].start == 1


def test_marks_unclosed_quote_stops_at_paragraph_end():
    text = '"We will go on, he said.\n\nThe rest is "plain" text.'
    spans = find_quoted_spans(text)
    assert spans[0].text(text) == "We will go on, he said."
    assert spans[0].close_mark is None
    assert spans[1].text(text) == "plain"


def test_marks_trailing_comma_left_out():
    text = '"It is done," he said.'
    (q,) = find_quoted_spans(text)
    assert text[q.start : q.end] == "It is done"


def test_paragraphs_lines_and_wrapped_blocks():
    assert paragraphs("a\nb\n\nc") == [(0, 1), (2, 3), (5, 6)]
    line = "x" * 70
    wrapped = "\n".join([line, line, line]) + "\n\n" + "\n".join([line, line, line])
    assert len(paragraphs(wrapped)) == 2


def test_marks_wire_backtick_quotes():
    text = "``We will bring them to justice,'' she told workers."
    (q,) = find_quoted_spans(text)
    assert q.text(text) == "We will bring them to justice"
    assert text[q.close_mark : q.close_mark + 2] == "''"


def test_marks_plural_possessive_inside_single_quote():
    text = "'The workers' rights matter,' she said."
    assert texts(text) == ["The workers' rights matter"]


def test_marks_curly_quotation_nested_in_a_curly_quotation():
    # session 32: the inner pair closes before the outer one; no third opening between
    text = "\u201cI would rather live in what he calls \u201chell\u201d than vote for him.\u201d \u2015 Ana Roe"
    assert texts(text) == ["I would rather live in what he calls \u201chell\u201d than vote for him."]


def test_marks_second_curly_opening_with_one_close_restarts():
    # the first quotation was never closed: the second opening starts the quotation
    text = "\u201cWe won. They call us \u201closers\u201d now."
    assert texts(text) == ["losers"]

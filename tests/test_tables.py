"""Issue 11 (12): ``--format table`` fits the terminal, never cuts a date, and shows a date's
precision and range; stored and extracted records read the same way."""

import pytest
from rich.console import Console

from newsevents.tables import date_label, render_table, shorten

pytestmark = pytest.mark.issue(11)


@pytest.mark.parametrize(
    ("date", "end", "precision", "label"),
    [
        ("2022-03-08", "2022-03-08", "day", "2022-03-08"),
        ("2022-03-01", "2022-03-31", "month", "2022-03"),
        ("2022-02-01", "2022-02-28", "month", "2022-02"),
        ("2022-01-01", "2022-12-31", "year", "2022"),
        ("2022-03-07", "2022-03-13", "week", "2022-03-07..03-13"),
        ("2022-12-30", "2023-01-02", "day", "2022-12-30..2023-01-02"),
        ("2022-03-01", "2022-05-31", "month", "2022-03-01..05-31"),  # a season: a range
        ("2022-03-08", None, "publication", "2022-03-08 (pub)"),
        (None, None, "unknown", ""),
    ],
)
def test_date_label_tells_precision_and_range(date, end, precision, label):
    assert date_label(date, end, precision) == label


def test_shorten_cuts_at_a_word():
    assert shorten("The mayor of Tarvel opened the bridge", 20) == "The mayor of Tarvel…"
    assert shorten("short", 20) == "short"


def _event(i: int, date: str, end: str, precision: str) -> dict:
    name = "Governor Ilsabet Marrowind-Castellanos of the Northern Coastal Province"
    return {
        "doc": f"a-rather-long-document-name-{i}.txt",
        "date": date,
        "date_end": end,
        "date_precision": precision,
        "plover": "COOPERATE",
        "cameo": "0311",
        "negated": False,
        "modality": "planned",
        "source": {"name": name, "country": "XYZ", "sector": "GOV"},
        "target": {"name": "harbour workers' union", "sector": "LAB"},
        "trigger": {"text": "pledged", "start": 10, "end": 17},
    }


@pytest.mark.parametrize("width", [60, 80, 120])
def test_events_table_fits_and_keeps_whole_dates(width):
    rows = [
        _event(0, "2022-03-08", "2022-03-08", "day"),
        _event(1, "2022-03-07", "2022-03-13", "week"),
    ]
    console = Console(width=width, record=True, file=open("/dev/null", "w"))
    console.print(render_table(rows))
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= width
    assert "2022-03-08" in text and "2022-03-07..03-13" in text
    words = " ".join(text.split())  # the summary wraps; its words stay in order
    assert "COOPERATE (planned) harbour" in words and "— pledged" in words


def test_quotes_table_fits():
    row = {
        "quote": "We will rebuild the pier before the winter storms arrive " * 4,
        "kind": "direct",
        "speaker": {"name": "Ilsabet Marrowind"},
    }
    console = Console(width=80, record=True, file=open("/dev/null", "w"))
    console.print(render_table([row]))
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80 and "Ilsabet Marrowind" in text
    assert "…" in text  # a long quote is shortened, not printed whole


def test_stored_and_extracted_records_read_the_same_way(tmp_path):
    from newsevents.store import Store
    from tests.store.records import make_extraction

    x = make_extraction("d1")
    with Store(tmp_path / "s.db") as store:
        store.add([x])
        (stored,) = store.events()
        (quote,) = store.quotes()
    made = x.events[0]
    for e in (made, stored):
        assert (e.trigger.start, e["trigger"]["start"]) == (made.trigger.start,) * 2
        assert e.source.name == e["source"]["name"] == made.source.name
        assert e.get("location") is None and e.date_precision == "day"
    assert quote.speaker.name == x.quotes[0].speaker.name
    with pytest.raises(AttributeError):
        stored.no_such_field  # noqa: B018

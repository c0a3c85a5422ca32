"""Issue 11 (6): a copyright year is no publication date; a year-only date yields no day."""

import json

import pytest

from newsevents.ingest import read_sources

pytestmark = pytest.mark.issue(11)
BODY = "<p>" + "The ministers of France and Germany met in Paris to talk about trade. " * 6 + "</p>"


@pytest.mark.parametrize("footer", ["© 2024 Example News", "Copyright 2019 Example News Ltd."])
def test_copyright_footer_is_no_publication_date(tmp_path, footer):
    p = tmp_path / "a.html"
    p.write_text(
        f"<html><head><title>Talks</title></head><body><article>{BODY}</article>"
        f"<footer>{footer}</footer></body></html>"
    )
    [doc] = read_sources([p])
    assert doc.date is None


def test_published_time_meta_still_read(tmp_path):
    p = tmp_path / "a.html"
    p.write_text(
        "<html><head><title>Talks</title>"
        "<meta property='article:published_time' content='2021-04-13T08:00:00Z'></head>"
        f"<body><article>{BODY}</article><footer>© 2024</footer></body></html>"
    )
    [doc] = read_sources([p])
    assert doc.date == "2021-04-13"


@pytest.mark.parametrize("value", ["2024", "May 2024", "2021-04"])
def test_year_or_month_only_date_field_yields_no_day(tmp_path, value):
    p = tmp_path / "d.jsonl"
    text = "The ministers of France and Germany met in Paris to talk about trade."
    p.write_text(json.dumps({"id": "x", "text": text, "date": value}))
    [doc] = read_sources([p])
    assert doc.date is None

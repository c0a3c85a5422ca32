import re

import pytest

from tests.api.sample import SCRIPT

PAGES = [
    ("/", "/index.json"),
    ("/events?actor=ISR", "/events.json?actor=ISR"),
    ("/quotes", "/quotes.json"),
    ("/actors", "/actors.json"),
    ("/network", "/network.json"),
    ("/dyads?source=ISR&target=PSE", "/dyads.json?source=ISR&target=PSE"),
    ("/documents?q=gaza", "/documents.json?q=gaza"),
    ("/documents/turkey-us", "/documents/turkey-us.json"),
    ("/storylines/story-1", "/storylines/story-1.json"),
]


@pytest.mark.parametrize("page,twin", PAGES)
def test_page_renders_and_has_json_twin(client, page, twin):
    html = client.get(page)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    js = client.get(twin)
    assert js.status_code == 200 and js.headers["content-type"].startswith("application/json")
    assert twin.split("?")[0] in html.text  # the page links its twin


@pytest.mark.parametrize(
    "twin,api",
    [
        ("/events.json?actor=ISR", "/api/events?actor=ISR"),
        ("/quotes.json", "/api/quotes"),
        ("/actors.json", "/api/actors"),
        ("/network.json", "/api/network"),
        ("/documents/turkey-us.json", "/api/documents/turkey-us"),
        ("/storylines/story-1.json", "/api/storylines/story-1"),
    ],
)
def test_json_twin_equals_api(client, twin, api):
    assert client.get(twin).json() == client.get(api).json()


def test_document_page_escapes_article_text(client):
    html = client.get("/documents/hostile").text
    assert SCRIPT not in html
    assert "<b>Bold</b>" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&lt;b&gt;Bold&lt;/b&gt;" in html
    for page in ("/", "/documents", "/events", "/storylines/story-3"):
        assert SCRIPT not in client.get(page).text


def test_document_page_highlights_every_coded_span(client):
    html = client.get("/documents/turkey-us").text
    pairs = re.findall(r'<span class="hl ([^"]+)"[^>]*>([^<]*)</span>', html)
    found = {text: kinds.split() for kinds, text in pairs}
    assert "trigger" in found["phone call"]
    assert "source" in found["Mevlut Cavusoglu"]
    assert "target" in found["Antony Blinken"]
    assert "time" in found["Monday"]
    assert "speaker" in found["Cavusoglu"]
    assert "verb" in found["said"]
    assert "quote" in found["It was a useful call,"]


def test_document_page_text_is_complete(client):
    doc = client.get("/api/documents/gaza").json()
    html = client.get("/documents/gaza").text
    body = re.search(r'<article class="doctext" id="doctext">(.*?)</article>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", body) == doc["text"]


def test_storyline_page_shows_both_reports_and_marks_undated(client):
    html = client.get("/storylines/story-1").text
    assert "Turkey and US discuss Afghan peace" in html
    assert "Khalilzad heads for Turkey and Qatar" in html
    timeline = html[html.index('id="timeline"') :]
    assert timeline.index("2021-04-11") < timeline.index("2021-04-12") < timeline.index("undated<")
    assert "Mevlut Cavusoglu (TUR GOV) CONSULT Antony Blinken (USA GOV) — phone call" in html


def test_events_page_filters_and_links_csv(client):
    html = client.get("/events?actor=ISR&type=ASSAULT").text
    assert html.count('<tr data-ref="gaza:') == 3
    assert "hostile:e0" not in html
    assert "/api/export/gdelt.csv?actor=ISR&amp;type=ASSAULT" in html


def test_dyads_page_draws_bars_per_period(client):
    html = client.get("/dyads?source=ISR&target=PSE").text
    assert html.count('<rect class="bar conflict"') == 2
    assert "ISR → PSE" in html


def test_network_page_draws_nodes_and_edges(client):
    net = client.get("/api/network").json()
    html = client.get("/network").text
    assert html.count('<g class="node"') == len(net["nodes"])
    assert html.count('<line class="edge') == len(net["edges"])


def test_pages_use_no_external_resources(client):
    for page, _ in PAGES:
        for url in re.findall(r'(?:src|href)="([^"]+)"', client.get(page).text):
            assert not re.match(r"(https?:)?//", url) or url.startswith("http://testserver/"), url


def test_empty_form_fields_mean_no_filter(client):
    everything = client.get("/api/events").json()["events"]
    r = client.get("/events.json?actor=&type=&since=&until=&doc=")
    assert r.status_code == 200 and r.json()["events"] == everything
    assert client.get("/quotes?speaker=&kind=").status_code == 200
    assert client.get("/network?actor=&since=&until=").status_code == 200


def test_events_page_highlights_trigger_in_evidence_and_escapes_it(client):
    html = client.get("/events?doc=turkey-us").text
    assert '<span class="hl trigger">phone call</span>' in html
    assert '<span class="hl source">Mevlut Cavusoglu</span>' in html
    assert SCRIPT not in client.get("/events?doc=hostile").text


def test_document_links_only_to_web_urls(tmp_path):
    from fastapi.testclient import TestClient

    from newsevents.models import Article, Extraction
    from newsevents.server import create_app
    from newsevents.store import Store

    with Store(tmp_path / "u.db") as store:
        store.add(
            [
                Extraction(Article(id="js", text="Text.", url="javascript:alert(1)")),
                Extraction(Article(id="web", text="Text.", url="https://example.org/a?b=1&c=2")),
            ]
        )
    with TestClient(create_app(tmp_path / "u.db")) as c:
        assert 'href="javascript:' not in c.get("/documents/js").text
        assert 'href="https://example.org/a?b=1&amp;c=2"' in c.get("/documents/web").text


def test_storyline_page_draws_dated_entries_on_a_strip(client):
    html = client.get("/storylines/story-2").text
    strip = html[html.index('<svg id="strip"') : html.index("</svg>")]
    assert strip.count('class="mark quad4"') == 3
    assert "<rect" in strip  # the June event is a month: a bar, not a dot
    story1 = client.get("/storylines/story-1").text
    assert story1.count('class="mark') == 2  # the undated report is not drawn


@pytest.mark.issue(14)
def test_quotes_page_lists_quotes_by_speaker_with_cue_and_channel(client):
    html = client.get("/quotes").text
    assert 'class="speaker-head"' in html and "<th>Cue</th>" in html and "<th>Channel</th>" in html
    data = client.get("/quotes.json").json()
    first = data["speakers"][0]
    assert first["speaker"]["name"] and first["quotes"][0]["verb"]["text"] == "said"
    assert [q["id"] for g in data["speakers"] for q in g["quotes"]] == [
        q["id"] for q in data["quotes"]
    ]

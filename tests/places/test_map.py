"""The /map page: events by location on the offline world map (invented events)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.models import Actor, Article, Event, Extraction, Location
from newsevents.store import Store

pytestmark = pytest.mark.issue(13)
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

TEXT = (
    "Envoys met in Doha on Monday.\n"
    "Troops shelled villages near Idlib on Tuesday.\n"
    "Ministers met again in Doha on Friday.\n"
    "Officials talked by phone."
)
PLACES = {
    "Doha": Location("Doha", "QAT", 25.28, 51.53, geonameid="290030", precision="city"),
    "Idlib": Location("Idlib", "SYR", 35.93, 36.63, geonameid="169389", precision="city"),
}


def _event(n: int, sentence: str, trigger: str, quad: int, place: str | None) -> Event:
    s = TEXT.index(sentence)
    t = TEXT.index(trigger, s)
    loc = PLACES.get(place) if place else None
    if loc is not None:
        start = TEXT.index(place, s)
        loc = Location(
            **{
                **loc.__dict__,
                "start": start,
                "end": start + len(place),
                "how": "trigger",
                "text": place,
            }
        )
    return Event(
        doc="m1",
        sentence=sentence,
        sentence_start=s,
        sentence_end=s + len(sentence),
        plover="CONSULT" if quad == 1 else "ASSAULT",
        cameo="040" if quad == 1 else "190",
        trigger={"text": trigger, "start": t, "end": t + len(trigger)},
        source=Actor("Envoys", "USA", "GOV", "USAGOV", "envoys"),
        quad_class=quad,
        date="2021-04-1" + str(n),
        date_precision="day",
        location=loc,
    )


@pytest.fixture(scope="module")
def map_db(tmp_path_factory) -> Path:
    from newsevents.store import stories as story_sql

    path = tmp_path_factory.mktemp("map") / "map.db"
    events = [
        _event(2, "Envoys met in Doha on Monday.", "met", 1, "Doha"),
        _event(3, "Troops shelled villages near Idlib on Tuesday.", "shelled", 4, "Idlib"),
        _event(6, "Ministers met again in Doha on Friday.", "met", 1, "Doha"),
        _event(7, "Officials talked by phone.", "talked", 1, None),
    ]
    with Store(path) as store:
        store.add(
            [Extraction(article=Article(id="m1", text=TEXT, date="2021-04-16"), events=events)]
        )
        with store.db.transaction():
            story_sql.set_document_stories(store, {"m1": "story-m"})
            story_sql.save_stories(store, {"story-m": "Doha talks"})
    return path


def test_map_json_groups_events_by_place(map_db):
    from fastapi.testclient import TestClient

    from newsevents.server import create_app

    with TestClient(create_app(map_db)) as client:
        data = client.get("/map.json").json()
        page = client.get("/map")
        conflict = client.get("/map.json", params={"type": "ASSAULT"}).json()
    assert data["events"] == 4 and data["unplaced"] == 1
    doha = next(p for p in data["places"] if p["name"] == "Doha")
    assert doha["count"] == 2 and doha["quad_class"] == 1 and doha["country"] == "QAT"
    assert [p["name"] for p in conflict["places"]] == ["Idlib"]
    assert page.status_code == 200 and page.text.count('class="land"') > 150
    assert 'class="pin quad4"' in page.text and "/documents/m1#" in page.text


def test_storyline_page_has_a_map_of_its_events(map_db):
    from fastapi.testclient import TestClient

    from newsevents.server import create_app

    with TestClient(create_app(map_db)) as client:
        page = client.get("/storylines/story-m")
        twin = client.get("/storylines/story-m.json")
    assert page.status_code == 200 and 'id="storymap"' in page.text
    assert page.text.count('class="pin ') == 2 and twin.status_code == 200


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium (/usr/bin/chromium)")
def test_browser_map_shows_events_and_clicks_through(map_db):
    from playwright.sync_api import sync_playwright

    from tests.live_server import live_server

    outside: list[str] = []
    with live_server(map_db) as base, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900})

        def route(r):
            if r.request.url.startswith(base):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.goto(base + "/map")
        page.wait_for_selector("#worldmap circle.pin")
        assert page.locator("#worldmap path.land").count() > 150
        assert page.locator("#worldmap circle.pin").count() == 2
        box = page.locator("#worldmap").bounding_box()
        assert box and box["width"] > 600
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "map.png"), full_page=True)
        page.locator("#worldmap a.marker[data-place='Idlib']").click()
        page.wait_for_url("**/documents/m1*")
        assert "Idlib" in page.inner_text("body")
        browser.close()
    assert outside == []

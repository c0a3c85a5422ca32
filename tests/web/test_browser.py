"""End-to-end tests in headless Debian Chromium (Python Playwright, no downloaded browser).

Each view is saved as a screenshot into docs/screenshots/."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium (/usr/bin/chromium)"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(sample_db):
    from tests.live_server import live_server

    with live_server(sample_db) as url:
        yield url


@pytest.fixture(scope="module")
def page(base_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        # offline: any request to another host fails the test
        outside: list[str] = []

        def route(r):
            if r.request.url.startswith(base_url):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        yield pg
        assert outside == [], outside
        assert errors == [], errors
        browser.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_browser_timeline_view(page, base_url):
    page.goto(base_url + "/")
    page.click("text=Turkey, Afghanistan, Khalilzad")
    page.wait_for_selector("#timeline")
    entries = page.locator("#timeline li.entry")
    assert entries.count() == 3
    assert "undated" in (entries.nth(2).get_attribute("class") or "")
    assert "phone call" in entries.nth(1).inner_text()
    shot(page, "timeline")


def test_browser_event_table_filter_and_csv(page, base_url):
    page.goto(base_url + "/events")
    assert page.locator("#events tbody tr").count() == 7
    page.fill("input[name=actor]", "ISR")
    page.click("form.filters button")
    page.wait_for_url("**/events?actor=ISR*")
    assert page.locator("#events tbody tr").count() == 3
    shot(page, "events")
    with page.expect_download() as download:
        page.click("text=GDELT 2.0")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith("GLOBALEVENTID,SQLDATE") and text.count("\n") == 4


def test_browser_document_view_highlights_and_never_runs_article_script(page, base_url):
    page.goto(base_url + "/documents")
    page.click("text=Turkey and US discuss Afghan peace")
    page.wait_for_selector("#doctext")
    assert page.locator("#doctext .hl.trigger").first.inner_text() in ("phone call", "announced")
    page.hover("tr#turkey-us\\:e0")
    assert page.locator("#doctext .hl.active").count() >= 3  # trigger, source, target, date
    shot(page, "document")
    page.goto(base_url + "/documents/hostile")
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned = 1</script>" in page.locator("#doctext").inner_text()
    for path in ("/storylines/story-3", "/events?doc=hostile", "/documents?q=riot"):
        page.goto(base_url + path)
        assert page.evaluate("window.__pwned") is None, path
        assert "<script>" in page.locator("main").inner_text(), path


def test_browser_network_view(page, base_url):
    page.goto(base_url + "/network")
    assert page.locator("svg#network g.node").count() >= 6
    assert page.locator("svg#network line.edge.conflict").count() >= 2
    shot(page, "network")


def test_browser_dyad_series_view(page, base_url):
    page.goto(base_url + "/dyads")
    page.select_option("#pair", "PSE|ISR")
    page.wait_for_url("**source=PSE**")
    assert page.locator("svg#series rect.bar.conflict").count() == 1
    page.goto(base_url + "/dyads?source=ISR&target=PSE")
    assert page.locator("svg#series rect.bar.conflict").count() == 2
    shot(page, "dyads")

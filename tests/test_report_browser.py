"""The overview page (index.html) in a real headless browser: Chromium, driven by Playwright.

The page's own script must run (its hash is in the Content-Security-Policy) without a console
error, sort and filter the article table, and nothing taken from an article may ever run.
Skipped, with the reason, where Playwright or a Chromium is not installed (``pip install
playwright``; ``apt-get install chromium``; never ``playwright install``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from overview_samples import CAMPBELL, KELLER, PARK, batch, summary

from toolkit.reports._index import index_html

#: Flags for a browser in a test: headless, no sandbox (containers), no network of its own.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Titles and outlets that would run script if they were not escaped.
IMG_TITLE = "<img src=x onerror=window.__ran=1>"
SCRIPT_TITLE = "</script><script>window.__ran=2</script>"
ATTR_OUTLET = '"><img src=x onerror=window.__ran=3>'


def _chromium() -> tuple[str | None, str]:
    """The Chromium to drive (``TOOLKIT_CHROMIUM``, else the system's), or None and why not."""
    named = os.environ.get("TOOLKIT_CHROMIUM")
    if named:
        return (
            (named, "")
            if Path(named).is_file()
            else (None, f"TOOLKIT_CHROMIUM={named}: no such file")
        )
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found or Path("/usr/bin/chromium").is_file():
        return found or "/usr/bin/chromium", ""
    return None, "no Chromium installed (apt-get install chromium, or set TOOLKIT_CHROMIUM)"


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install playwright)"
    )
    executable, why_not = _chromium()
    if executable is None:
        pytest.skip(why_not)
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser, tmp_path):
    """The overview of four articles, opened from a file; ``page.problems`` collects console
    errors and uncaught exceptions."""
    rows = [
        summary("Harbour reopens", [KELLER, CAMPBELL], words=420, outlet="Island Post",
                date="2024-01-10"),
        summary("Ferry deal signed", [KELLER, PARK], words=180, outlet="The Ledger",
                date="2024-03-02T08:00:00Z"),
        summary(IMG_TITLE, [CAMPBELL], words=950, outlet=ATTR_OUTLET, date="2024-02-20"),
        summary(SCRIPT_TITLE, [], words=310),
    ]  # fmt: skip
    index = tmp_path / "index.html"
    index.write_text(index_html(batch(rows)), encoding="utf-8")
    tab = browser.new_page()
    tab.problems = []
    tab.on("console", lambda m: tab.problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda error: tab.problems.append(str(error)))
    tab.goto(index.as_uri())
    yield tab
    tab.close()


def _titles(page) -> list[str]:
    """The titles of the table's visible rows, top to bottom."""
    return page.eval_on_selector_all(
        "#ov-articles tbody tr:not([hidden]) td:first-child a", "links => links.map(a => a.text)"
    )


def test_the_page_loads_without_errors_and_its_script_runs(page):
    assert page.problems == []
    assert page.is_visible("#ov-controls")  # unhidden by the script: the CSP let it run
    assert page.text_content("#ov-count") == "4 of 4 articles shown"


def test_sorting_by_a_number_column_both_ways(page):
    page.click("th:has-text('words') button")
    assert _titles(page) == ["Ferry deal signed", SCRIPT_TITLE, "Harbour reopens", IMG_TITLE]
    assert page.get_attribute("th:has-text('words')", "aria-sort") == "ascending"
    page.click("th:has-text('words') button")
    assert _titles(page) == [IMG_TITLE, "Harbour reopens", SCRIPT_TITLE, "Ferry deal signed"]
    assert page.get_attribute("th:has-text('words')", "aria-sort") == "descending"
    assert page.problems == []


def test_sorting_by_date_puts_undated_articles_last(page):
    page.click("th:has-text('date') button")
    assert _titles(page) == ["Harbour reopens", IMG_TITLE, "Ferry deal signed", SCRIPT_TITLE]
    page.click("th:has-text('date') button")
    assert _titles(page) == ["Ferry deal signed", IMG_TITLE, "Harbour reopens", SCRIPT_TITLE]
    assert page.get_attribute("th:has-text('words')", "aria-sort") is None


def test_sorting_by_text(page):
    page.click("th:has-text('article') button")
    assert _titles(page) == [SCRIPT_TITLE, IMG_TITLE, "Ferry deal signed", "Harbour reopens"]


def test_filtering_by_words_and_by_outlet(page):
    page.fill("#ov-filter", "jo park")
    assert _titles(page) == ["Ferry deal signed"]
    assert page.text_content("#ov-count") == "1 of 4 articles shown"
    page.fill("#ov-filter", "")
    page.select_option("#ov-outlet", "Island Post")
    assert _titles(page) == ["Harbour reopens"]
    page.select_option("#ov-outlet", ATTR_OUTLET)
    assert _titles(page) == [IMG_TITLE]
    page.fill("#ov-filter", "harbour")
    assert _titles(page) == []
    assert page.text_content("#ov-count") == "0 of 4 articles shown"
    assert page.problems == []


def test_markup_in_titles_and_outlets_shows_as_text_and_nothing_runs(page):
    assert page.evaluate("window.__ran") is None
    assert page.evaluate("document.images.length") == 0
    assert page.evaluate("document.scripts.length") == 1  # the page's own
    assert IMG_TITLE in _titles(page) and SCRIPT_TITLE in _titles(page)
    outlets = page.eval_on_selector_all("#ov-outlet option", "os => os.map(o => o.value)")
    assert ATTR_OUTLET in outlets
    page.click("th:has-text('outlet') button")  # moving the rows runs nothing either
    assert page.evaluate("window.__ran") is None
    assert page.problems == []

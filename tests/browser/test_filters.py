"""The practice table's filters (overrides/assets/migsite/filters.js) in Chromium."""

from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest
from browsing import LANGS, Served, Tab
from playwright.sync_api import expect

from migsite.l10n import format_count

pytestmark = pytest.mark.browser

ROWS = "table[data-migsite-table] tbody tr"


def row_data(tab: Tab) -> list[dict]:
    """Every row of the table: its data-* attributes and whether it is shown."""
    return tab.page.locator(ROWS).evaluate_all("rows => rows.map(r => ({...r.dataset, shown: !r.hidden}))")


def count_text(tab: Tab, shown: int, total: int) -> str:
    """The counter line as Python's CLDR rules (Babel) write it: the script must agree."""
    form = tab.page.locator("form[data-migsite-filters]")
    template = form.get_attribute("data-count-template")
    assert template and "{n}" in template
    return format_count(template, tab.lang() or "en", n=shown, total=total)


def query(tab: Tab) -> dict[str, list[str]]:
    return parse_qs(urlsplit(tab.page.url).query)


def assert_shown(tab: Tab, expected: list[bool]) -> None:
    """Waits (Playwright's expect retries) until the count and the shown rows are the expected ones."""
    expect(tab.page.locator("[data-migsite-count]")).to_contain_text(count_text(tab, sum(expected), len(expected)))
    expect(tab.page.locator(f"{ROWS}:not([hidden])")).to_have_count(sum(expected))
    rows = row_data(tab)
    assert [r["shown"] for r in rows] == expected
    status = tab.page.locator("[data-migsite-count]").inner_text().strip()
    assert status.splitlines()[0] == count_text(tab, sum(expected), len(expected))


@pytest.mark.parametrize("lang", LANGS)
def test_region_filter_narrows_rows_keeps_url_and_survives_reload(tab: Tab, site: Served, lang: str) -> None:
    tab.open(site.url(lang, "practices/"))
    form = tab.page.locator("form[data-migsite-filters]")
    expect(form).to_be_visible()  # hidden in the HTML, shown by the script
    rows = row_data(tab)
    total = len(rows)
    assert total > 2 and all(r["shown"] for r in rows)
    assert_shown(tab, [True] * total)
    # a region with some of the practices, not all
    regions = Counter(r["region"] for r in rows)
    region = sorted(code for code, n in regions.items() if 0 < n < total)[0]
    expected = [r["region"] == region for r in rows]

    form.locator('select[name="region"]').select_option(region)
    assert_shown(tab, expected)
    assert query(tab) == {"region": [region]}

    tab.page.reload()
    expect(form.locator('select[name="region"]')).to_have_value(region)
    assert_shown(tab, expected)

    # back to every region: every row, and a clean URL
    form.locator('select[name="region"]').select_option("")
    assert_shown(tab, [True] * total)
    assert query(tab) == {}


@pytest.mark.parametrize("lang", LANGS)
def test_free_text_filter(tab: Tab, site: Served, lang: str) -> None:
    tab.open(site.url(lang, "practices/"))
    rows = row_data(tab)
    # a city's name, as a reader would type it (capitals, surrounding spaces)
    city = tab.page.locator(f"{ROWS} td:nth-child(2)").first.inner_text().strip()
    expected = [all(word in r["text"] for word in city.lower().split()) for r in rows]
    assert 0 < sum(expected) < len(rows)
    box = tab.page.locator('form[data-migsite-filters] input[name="q"]')
    box.press_sequentially(f" {city.upper()} ", delay=10)
    assert_shown(tab, expected)
    assert query(tab) == {"q": [city.upper()]}
    # every word must match: a second word that no practice has empties the table
    box.press_sequentially("zzqx", delay=10)
    assert_shown(tab, [False] * len(rows))
    # the reset button brings every row back
    tab.page.locator('form[data-migsite-filters] button[type="reset"]').click()
    tab.page.wait_for_function("() => location.search === ''")
    assert_shown(tab, [True] * len(rows))


def test_filters_combine_and_come_from_the_url(tab: Tab, site: Served) -> None:
    tab.open(site.url(LANGS[0], "practices/"))
    rows = row_data(tab)
    by_theme = Counter(t for r in rows for t in r["theme"].split())
    theme = sorted(by_theme, key=lambda t: (-by_theme[t], t))[0]
    years = sorted(int(r["year"]) for r in rows if r["year"])
    start = years[len(years) // 2]
    expected = [theme in r["theme"].split() and bool(r["year"]) and int(r["year"]) >= start for r in rows]
    assert 0 < sum(expected) < len(rows)
    tab.open(site.url(LANGS[0], f"practices/?theme={theme}&from={start}"))
    assert_shown(tab, expected)
    # a value that is not an option is ignored, not an error
    tab.open(site.url(LANGS[0], "practices/?region=atlantis"))
    assert_shown(tab, [True] * len(rows))
    assert not tab.page_errors

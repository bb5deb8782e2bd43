"""Reader-grade views at a desktop size (1366x900) and a phone size (390x844), in every language: no page
wider than the window, the first practice and a practice's summary on the first screen, heat-map cells
that are links with counts, a visible focus on every kind of control, a skip link and the filters a few
Tab presses after it, and axe-core's colour-contrast and target-size rules on a phone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from browsing import LANGS, READER_PAGES, SIZES, Served, Tab, open_tab
from helpers import FALLBACK_PAGES
from playwright.sync_api import expect

from migsite.ui import load_ui

pytestmark = pytest.mark.browser

PAGES = READER_PAGES
KEYS = [(size, lang, name) for size in SIZES for lang in LANGS for name in PAGES]

MEASURE = """() => {
    const box = el => {
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height};
    };
    const visibleRow = document.querySelector("table[data-migsite-table] tbody tr:not([hidden])");
    const heading = [...document.querySelectorAll(".md-content h2")]
        .find(h => !h.closest(".migsite-facts, .migsite-filters"));
    return {
        inner: window.innerWidth,
        scroll: document.documentElement.scrollWidth,
        body: document.body.scrollWidth,
        wide: [...document.querySelectorAll(".md-content *")]
            .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1
                          && !el.closest(".md-typeset__scrollwrap, pre, .highlight"))
            .slice(0, 5).map(el => el.tagName.toLowerCase() + "." + [...el.classList].join(".")),
        firstPractice: box(visibleRow),
        summary: box(document.querySelector(".migsite-summary")),
        keyFacts: box(document.querySelector(".migsite-facts > dl")),
        firstHeading: box(heading),
        skip: !!document.querySelector("a.md-skip[href^='#']"),
        heat: [...document.querySelectorAll(".migsite-heat td.migsite-heat__cell")].map(td => {
            const a = td.querySelector("a[href]");
            return {text: td.textContent.trim(), href: a ? a.getAttribute("href") : null};
        }),
    };
}"""


@pytest.fixture(scope="module")
def measured(browser: Any, site: Served) -> Iterator[dict[tuple[str, str, str], dict]]:
    out = {}
    for size, viewport in SIZES.items():
        context = browser.new_context(viewport=viewport)
        context.set_default_timeout(30_000)
        tab = open_tab(context)
        for lang in LANGS:
            for name, rel in PAGES.items():
                tab.open(site.url(lang, rel))
                if name == "search":
                    tab.page.wait_for_selector("[data-migsite-search-results] li")
                out[size, lang, name] = tab.page.evaluate(MEASURE)
        context.close()
    yield out


@pytest.mark.parametrize("key", KEYS, ids=["-".join(k) for k in KEYS])
def test_no_horizontal_overflow(measured: dict, key: tuple[str, str, str]) -> None:
    m = measured[key]
    assert m["scroll"] <= m["inner"] + 1 and m["body"] <= m["inner"] + 1, m
    assert not m["wide"], m["wide"]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_first_practice_is_on_the_first_screen(measured: dict, size: str, lang: str) -> None:
    m = measured[size, lang, "practices"]
    first = m["firstPractice"]
    assert first and first["top"] < SIZES[size]["height"] - 40, first


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_practice_summary_and_key_facts_on_the_first_screen(measured: dict, size: str, lang: str) -> None:
    m = measured[size, lang, "practice"]
    height = SIZES[size]["height"]
    assert m["summary"] and m["summary"]["bottom"] <= height, m["summary"]
    if size == "desktop":
        # the key facts and the start of the prose too
        assert m["keyFacts"]["bottom"] <= height, m["keyFacts"]
        assert m["firstHeading"]["top"] < height, m["firstHeading"]


@pytest.mark.parametrize("key", KEYS, ids=["-".join(k) for k in KEYS])
def test_every_page_has_a_skip_link(measured: dict, key: tuple[str, str, str]) -> None:
    assert measured[key]["skip"]


@pytest.mark.parametrize("lang", LANGS)
def test_heat_map_cells_are_links_with_counts(measured: dict, lang: str) -> None:
    """A cell with practices links to the list filtered on them; an empty cell is a 0, not a link
    to an empty list."""
    cells = measured["desktop", lang, "coverage"]["heat"]
    assert cells and all(c["text"].isdigit() for c in cells)
    linked = [c for c in cells if c["text"] != "0"]
    assert linked and all(c["href"] for c in linked), "a heat-map cell with practices and no link"
    assert all("objective=" in c["href"] and ("region=" in c["href"] or "theme=" in c["href"]) for c in linked)
    zeros = [c for c in cells if c["text"] == "0"]
    assert zeros and not any(c["href"] for c in zeros), "a link to an empty list"


def test_heat_map_link_opens_the_filtered_list(tab: Tab, site: Served) -> None:
    tab.open(site.url(LANGS[0], "compact/coverage/"))
    link = tab.page.locator(".migsite-heat td.migsite-heat__l1 a, .migsite-heat td.migsite-heat__l2 a").first
    count = int(link.inner_text())
    link.focus()
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url("**/practices/?objective=*")
    tab.page.wait_for_function("() => !document.querySelector('form[data-migsite-filters]').hidden")
    shown = tab.page.locator("table[data-migsite-table] tbody tr:not([hidden])").count()
    assert shown == count


# A ring on the control, or on the card whose whole area is the control's link.
FOCUS_RING = """el => [el, el.closest(".migsite-cards > li")].filter(Boolean).some(e => {
    const s = getComputedStyle(e);
    return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== "none");
})"""
CONTROLS = {
    "practices": [
        "form[data-migsite-filters] input[name=q]",
        "form[data-migsite-filters] select[name=region]",
        "form[data-migsite-filters] input[name=from]",
        "form[data-migsite-filters] button[type=reset]",
        "form[data-migsite-filters] summary",
        "table[data-migsite-table] a",
        "#migsite-search-q",
        ".migsite-search-form button",
    ],
    "coverage": [".migsite-heat a.migsite-heat__link"],
    "practice": [".migsite-breadcrumb a", ".migsite-related a"],
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", CONTROLS)
def test_focus_is_visible_on_every_kind_of_control(tab: Tab, site: Served, lang: str, name: str) -> None:
    tab.open(site.url(lang, PAGES[name]))
    tab.page.keyboard.press("Tab")  # keyboard use: :focus-visible applies from now on
    for selector in CONTROLS[name]:
        control = tab.page.locator(selector).first
        control.focus()
        assert control.evaluate("el => el === document.activeElement"), selector
        assert control.evaluate(FOCUS_RING), f"{selector}: no visible focus ring"


@pytest.mark.parametrize("lang", LANGS)
def test_filters_are_a_few_tabs_after_the_skip_link(tab: Tab, site: Served, lang: str) -> None:
    tab.open(site.url(lang, "practices/"))
    page = tab.page
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('form[data-migsite-filters]')"):
            break
    else:
        pytest.fail("the filters are more than 5 Tab presses after the skip link")


def test_filter_changes_are_history_entries(tab: Tab, site: Served) -> None:
    tab.open(site.url(LANGS[0], "practices/"))
    page = tab.page
    total = page.locator("table[data-migsite-table] tbody tr").count()
    region = page.locator("select[name=region] option").nth(1).get_attribute("value")
    page.locator("select[name=region]").select_option(region)
    assert f"region={region}" in page.url
    narrowed = page.locator("table[data-migsite-table] tbody tr:not([hidden])").count()
    assert narrowed < total
    page.go_back()
    page.wait_for_function("() => location.search === ''")
    assert page.locator("select[name=region]").input_value() == ""
    assert page.locator("table[data-migsite-table] tbody tr:not([hidden])").count() == total


def test_unknown_filter_value_is_reported(tab: Tab, site: Served) -> None:
    tab.open(site.url(LANGS[0], "practices/?region=atlantis"))
    text = tab.page.locator("[data-migsite-count]").inner_text()
    assert "region=atlantis" in text


@pytest.mark.parametrize("lang, words", [("en", "BOGOTA"), ("fr", "sante"), ("es", "bogota")])
def test_free_text_ignores_accents_and_case(tab: Tab, site: Served, lang: str, words: str) -> None:
    tab.open(site.url(lang, "practices/"))
    total = tab.page.locator("table[data-migsite-table] tbody tr").count()
    tab.page.locator("form[data-migsite-filters] input[name=q]").fill(words)
    shown = tab.page.locator("table[data-migsite-table] tbody tr:not([hidden])").count()
    assert 0 < shown < total


AXE_PHONE = """() => axe.run(document, {
    runOnly: {type: "rule", values: ["color-contrast", "target-size"]}, resultTypes: ["violations"]})"""


@pytest.fixture
def phone_tab(new_tab: Callable[..., Tab]) -> Tab:
    return new_tab(viewport=SIZES["phone"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["home", "practices", "practice", "coverage", "objective"])
def test_phone_contrast_and_target_size(phone_tab: Tab, site: Served, lang: str, name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    phone_tab.open(site.url(lang, PAGES[name]))
    phone_tab.page.evaluate(Axe().axe_script)
    results = phone_tab.page.evaluate(AXE_PHONE)
    problems = [
        f"{v['id']}: " + "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:5])
        for v in results["violations"]
    ]
    assert not problems, problems


def test_untranslated_practice_is_found_by_its_translated_facts(tab: Tab, fallback_site: Served) -> None:
    # In the copy without its Spanish text (helpers.FALLBACK_PAGES), the IDNYC page is English prose
    # (left out of the Spanish index) with a Spanish fact box: city "Nueva York", "Estados Unidos".
    assert FALLBACK_PAGES["es"] == "practices/nyc-idnyc.md"
    tab.open(fallback_site.url("es", "search/?q=Nueva York"))
    results = tab.page.locator("[data-migsite-search-results] li a")
    expect(results.first).to_be_visible()
    links = results.evaluate_all("as => as.map(a => a.href)")
    assert any("/es/practices/nyc-idnyc/" in href for href in links), links


@pytest.mark.parametrize("lang", LANGS)
def test_search_results_say_their_kind(tab: Tab, site: Served, lang: str) -> None:
    tab.open(site.url(lang, "search/?q=migra"))
    tab.page.wait_for_selector("[data-migsite-search-results] li")
    kinds = tab.page.locator("[data-migsite-search-results] li .migsite-search__kind").all_inner_texts()
    assert kinds and all(k.strip() for k in kinds)
    ui_kinds = {v for k, v in load_ui(lang).items() if k.startswith("search_kind_")}
    assert set(kinds) <= ui_kinds

"""A phone-sized viewport: no horizontal scrolling of the page, a navigation drawer that opens."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from browsing import LANGS, SAMPLE, Served, Tab
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2, "has_touch": True}
NO_OVERFLOW = """() => ({
    scroll: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    inner: window.innerWidth,
    wide: [...document.querySelectorAll(".md-content *")]
        .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1
                      && !el.closest(".md-typeset__scrollwrap, pre, .highlight"))
        .slice(0, 5).map(el => el.tagName.toLowerCase() + "." + [...el.classList].join(".")),
})"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["home", "practices", "coverage"])
def test_phone_has_no_horizontal_overflow(new_tab: Callable[..., Tab], site: Served, lang: str, name: str) -> None:
    tab = new_tab(**PHONE)
    tab.open(site.url(lang, SAMPLE[name]))
    size = tab.page.evaluate(NO_OVERFLOW)
    assert size["inner"] == PHONE["viewport"]["width"], size
    assert size["scroll"] <= size["inner"] + 1, size
    assert size["body"] <= size["inner"] + 1, size


DRAWER = """() => {
    const r = document.querySelector(".md-sidebar--primary").getBoundingClientRect();
    return r.left >= -1 && r.right > 100 && r.right <= window.innerWidth + 1;
}"""

ON_SCREEN = """(a) => {
    const r = a.getBoundingClientRect();
    return r.left >= 0 && r.left < window.innerWidth && r.width > 10;
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_phone_navigation_drawer_opens(new_tab: Callable[..., Tab], site: Served, lang: str) -> None:
    tab = new_tab(**PHONE)
    tab.open(site.url(lang, SAMPLE["practice"]))
    page = tab.page
    assert not page.evaluate(DRAWER), "the drawer is on screen before it is opened"
    page.locator('.md-header label[for="__drawer"]').click()
    page.wait_for_function(DRAWER)
    expect(page.locator("#__drawer")).to_be_checked()
    # its links are on screen and lead somewhere in the same language
    link = page.locator(".md-sidebar--primary nav.md-nav--primary a.md-nav__link[href]").first
    # (the drawer slides in: wait until the link has arrived, not one reading of its box)
    page.wait_for_function(ON_SCREEN, arg=link.element_handle())
    link.click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", lang)
    assert not tab.page_errors

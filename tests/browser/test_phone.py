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
    return r.left >= 0 && r.right > 100 && r.right <= window.innerWidth + 1;
}"""

ON_SCREEN = """(a) => {
    const r = a.getBoundingClientRect();
    return r.left >= 0 && r.left < window.innerWidth && r.width > 10;
}"""


# The index of the first link of the drawer that is on top where a finger would tap it.
ON_TOP = """() => [...document.querySelectorAll(".md-sidebar--primary nav.md-nav--primary a.md-nav__link[href]")]
    .findIndex(a => { const r = a.getBoundingClientRect();
                      if (r.width < 10 || r.left < 0 || r.right > window.innerWidth) return false;
                      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                      return hit && a.contains(hit); })"""


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
    # (the drawer slides in, and on a practice page it opens on the panel of its section, Practices, over
    # the top level: wait until a link of the drawer is on top where a finger would tap it)
    page.wait_for_function(f"({ON_TOP})() >= 0")
    index = page.evaluate(ON_TOP)
    link = page.locator(".md-sidebar--primary nav.md-nav--primary a.md-nav__link[href]").nth(index)
    box = link.bounding_box()
    assert box and 0 <= box["x"] < PHONE["viewport"]["width"] and box["width"] > 10
    link.click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", lang)
    assert not tab.page_errors

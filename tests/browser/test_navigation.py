"""Moving between languages in Chromium: the language selector, per-language search, fallback pages."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browsing import CONFIG, LANGS, MOUNT, PREFIX, Served, Tab, search
from helpers import FALLBACK_PAGES
from htmlscan import parse
from playwright.sync_api import expect

from migsite.ui import load_ui

pytestmark = pytest.mark.browser

PRACTICE = "practices/nyc-idnyc/"


@pytest.mark.parametrize("source", LANGS)
def test_language_switcher_lands_on_the_same_page(tab: Tab, site: Served, source: str) -> None:
    page = tab.page
    for target in (code for code in LANGS if code != source):
        tab.open(site.url(source, PRACTICE))
        expect(page.locator("html")).to_have_attribute("lang", source)
        # Material's selector opens on hover (or focus); the links are not reachable before.
        page.locator(".md-header .md-select").hover()
        link = page.locator(f'.md-header a.md-select__link[hreflang="{target}"]')
        link.click()
        page.wait_for_url(site.url(target, PRACTICE))
        expect(page.locator("html")).to_have_attribute("lang", target)
        expect(page.locator("div.migsite-content")).to_have_count(1)


# ------------------------------------------------------------------------------------------------ search

# A word of each language's own pages, and an inflected form that appears on none of them whose
# stem (Snowball: migrantes/migrants -> migr, acogidas/acogida -> acog, welcomes/welcome -> welcom)
# does: only a stemmer can find it.
WORD = {"en": "cities", "fr": "villes", "es": "ciudades"}
INFLECTED = {"en": ("sheltering", "shelter"), "fr": ("hébergées", "hébergement"), "es": ("acogidas", "acogida")}



def page_words(site_dir: Path, lang: str) -> set[str]:
    """Every word shown on the built pages of `lang` (generated blocks included)."""
    root = site_dir / PREFIX[lang]
    others = [site_dir / prefix for code, prefix in PREFIX.items() if code != lang and prefix]
    words: set[str] = set()
    for path in root.rglob("index.html"):
        if any(path.is_relative_to(other) for other in others) or "assets" in path.parts:
            continue
        text = " ".join(parse(path.read_text(encoding="utf-8")).text).lower()
        words.update(re.findall(r"\w+", text))
    return words


def assert_in_language(site: Served, lang: str, links: list[str]) -> None:
    """Every result is a page of `lang` that exists in the build (not another language's, not a 404)."""
    others = [site.base + prefix for code, prefix in PREFIX.items() if code != lang and prefix]
    for href in links:
        assert href.startswith(site.url(lang)), (lang, href)
        assert not href.startswith(tuple(others)), (lang, href)
        path = urlsplit(href).path.removeprefix(MOUNT + "/")
        assert (site.root / path / "index.html").is_file(), (lang, href)


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_pages_of_the_reader_language_only(tab: Tab, site: Served, lang: str) -> None:
    tab.open(site.url(lang, "practices/"))
    links = search(tab.page, WORD[lang])
    assert links, f"no result for {WORD[lang]!r} from a {lang} page"
    assert_in_language(site, lang, links)
    expect(tab.page.locator("html")).to_have_attribute("lang", lang)


def test_inflected_search_words_are_absent_as_such_and_present_by_stem(site_dir: Path) -> None:
    """The words of the stemming test below still prove stemming with the current content."""
    for lang, (inflected, base) in INFLECTED.items():
        words = page_words(site_dir, lang)
        assert inflected not in words, f"{inflected!r} now appears on the {lang} pages: pick another form"
        assert base in words, f"{base!r} no longer appears on the {lang} pages: pick another word"


@pytest.mark.parametrize("lang", LANGS)
def test_search_stems_inflected_forms(tab: Tab, site: Served, lang: str) -> None:
    inflected, base = INFLECTED[lang]
    tab.open(site.url(lang, "practices/"))
    links = search(tab.page, inflected)
    assert links, f"{inflected!r} found nothing in {lang}, though {base!r} is on its pages"
    assert_in_language(site, lang, links)


# ---------------------------------------------------------------------------------------------- fallback


def test_fallback_notice_is_visible_in_the_reader_language(tab: Tab, fallback_site: Served) -> None:
    lang = "es"
    site = fallback_site
    md = FALLBACK_PAGES[lang]
    rel = md.removesuffix(".md").removesuffix("index") + ("" if md.endswith("index.md") else "/")
    tab.open(site.url(lang, rel))
    ui = load_ui(lang)
    notice = tab.page.locator("aside.migsite-fallback")
    expect(notice).to_have_count(1)
    expect(notice).to_be_visible()
    box = notice.bounding_box()
    assert box and box["height"] > 10 and box["width"] > 100
    expect(notice).to_contain_text(ui["fallback_title"])
    expect(notice).to_contain_text(ui["fallback_text"])
    expect(tab.page.locator("html")).to_have_attribute("lang", lang)
    # the notice is in the reader's language, the English content is marked as English
    assert notice.evaluate("el => el.closest('[lang]').lang") == lang
    content = tab.page.locator("div.migsite-content")
    expect(content).to_have_attribute("lang", CONFIG.default.code)
    assert content.locator("h1").evaluate("el => el.closest('[lang]').lang") == CONFIG.default.code
    assert notice.evaluate("(el, content) => !content.contains(el)", content.element_handle())


# --------------------------------------------------------------------------------------------- not found


def test_missing_page_gets_a_working_404_page(tab: Tab, site: Served) -> None:
    """The host serves the root 404.html for any missing path, however deep: its styles and scripts
    are absolute URLs under /site/, so it is styled and runs there too."""
    url = site.url("fr", "no/such/page/here/")
    response = tab.page.goto(url)
    assert response is not None and response.status == 404
    expect(tab.page.locator("h1").first).to_be_visible()
    expect(tab.page.locator(".md-header")).to_have_css("position", "sticky")  # Material's stylesheet applies
    expect(tab.page.locator("html")).to_have_class(re.compile(r"(^|\s)js(\s|$)"))  # Material's bundle ran
    assert [f for f in tab.failed if not f.endswith(url)] == []
    assert [e for e in tab.console_errors if url not in e] == []
    assert not tab.page_errors

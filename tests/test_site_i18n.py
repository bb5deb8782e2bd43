"""The built trilingual site, as a reader gets it (static HTML; the browser suite drives Chromium)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from helpers import FALLBACK_PAGES
from htmlscan import html_pages, parse, requested_urls, tags
from sitepaths import CONFIG, LANGS, PREFIX, page, url_of

from migsite.config import load_mkdocs_yml
from migsite.ui import load_ui

SITE_URL = CONFIG.site_url
SAMPLE = ["index.html", "practices/index.html", "practices/nyc-idnyc/index.html", "compact/objectives/15/index.html"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rel", SAMPLE)
def test_html_lang_attribute(site_dir, lang, rel):
    (html_tag,) = tags(page(site_dir, lang, rel), "html")
    assert html_tag["lang"] == lang


def test_every_page_in_a_language_folder_has_that_language(site_dir):
    for path in html_pages(site_dir):
        rel = path.relative_to(site_dir).parts
        expected = rel[0] if rel[0] in LANGS else CONFIG.default.code
        if rel[0] == "assets":
            continue
        (html_tag,) = tags(path.read_text(encoding="utf-8"), "html")
        assert html_tag["lang"] == expected, path


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rel", SAMPLE)
def test_switcher_lands_on_same_page(site_dir, lang, rel):
    html = page(site_dir, lang, rel)
    here = SITE_URL + PREFIX[lang] + rel.removesuffix("index.html")
    links = {a["hreflang"]: a["href"] for a in tags(html, "a") if "md-select__link" in (a.get("class") or "")}
    assert set(links) == set(LANGS)
    for other, href in links.items():
        target = urljoin(here, href)
        assert target == SITE_URL + PREFIX[other] + rel.removesuffix("index.html"), (lang, other, href)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rel", SAMPLE)
def test_hreflang_alternates_are_absolute_and_complete(site_dir, lang, rel):
    html = page(site_dir, lang, rel)
    alts = {a["hreflang"]: a["href"] for a in tags(html, "link", rel="alternate") if a.get("hreflang")}
    assert set(alts) == {*LANGS, "x-default"}
    for code in LANGS:
        assert alts[code] == SITE_URL + PREFIX[code] + rel.removesuffix("index.html")
    assert alts["x-default"] == SITE_URL + rel.removesuffix("index.html")


def test_sitemap_lists_alternates(site_dir):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site_dir / "sitemap.xml").getroot()  # noqa: S314 - our own build output
    urls = {u.find("s:loc", ns).text: u for u in root.findall("s:url", ns)}
    for lang in LANGS:
        loc = SITE_URL + PREFIX[lang] + "practices/nyc-idnyc/"
        assert loc in urls
        alts = {a.get("hreflang"): a.get("href") for a in urls[loc].findall("x:link", ns)}
        assert alts == {code: SITE_URL + PREFIX[code] + "practices/nyc-idnyc/" for code in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_404_page_per_language(site_dir, lang):
    html = (site_dir / PREFIX[lang] / "404.html").read_text(encoding="utf-8")
    (html_tag,) = tags(html, "html")
    assert html_tag["lang"] == lang
    ui = load_ui(lang)
    assert ui["not_found_title"] in " ".join(parse(html).text)
    # absolute asset URLs: the page is served for any missing path
    assert all(u.startswith("/") or u.startswith("http") for u in requested_urls(html))


@pytest.mark.parametrize("lang", [code for code in LANGS if code != CONFIG.default.code])
def test_fallback_page_has_notice_in_reader_language_and_english_content(fallback_site_dir, lang):
    missing = [FALLBACK_PAGES[lang]]
    site_dir = fallback_site_dir
    ui = load_ui(lang)
    for md in missing:
        html = page(site_dir, lang, url_of(md))
        (html_tag,) = tags(html, "html")
        assert html_tag["lang"] == lang
        text = " ".join(parse(html).text)
        assert ui["fallback_title"] in text and ui["fallback_text"] in text, md
        notice = [a for a in tags(html, "aside") if "migsite-fallback" in (a.get("class") or "")]
        assert notice, md
        assert tags(html, "div", **{"class": "migsite-content", "lang": "en"}), md
        contribute = [a["href"] for a in tags(html, "a") if a.get("href", "").endswith("contribute/")]
        assert contribute, md


@pytest.mark.parametrize("lang", LANGS)
def test_translated_page_has_no_fallback_notice(site_dir, lang):
    html = page(site_dir, lang, "index.html")
    assert not [a for a in tags(html, "aside") if "migsite-fallback" in (a.get("class") or "")]
    assert not tags(html, "div", **{"class": "migsite-content", "lang": "en"})


def test_no_third_party_requests_anywhere(site_dir):
    offenders = []
    for path in html_pages(site_dir):
        html = path.read_text(encoding="utf-8")
        for url in requested_urls(html):
            host = urlparse(url).netloc
            if host and host != urlparse(SITE_URL).netloc:
                offenders.append((path.relative_to(site_dir).as_posix(), url))
        for needle in ("fonts.googleapis", "fonts.gstatic", "api.github.com", "unpkg.com", "cdn.jsdelivr"):
            if needle in html:
                offenders.append((path.relative_to(site_dir).as_posix(), needle))
    assert not offenders, offenders[:10]


def test_no_repo_url_so_no_github_api_calls():
    assert "repo_url" not in load_mkdocs_yml()


@pytest.mark.parametrize(
    ("lang", "rel", "expected"),
    [
        ("en", "practices/nyc-idnyc/index.html", "docs/practices/nyc-idnyc.md"),
        ("fr", "practices/nyc-idnyc/index.html", "docs_fr/practices/nyc-idnyc.md"),
        ("es", "index.html", "docs_es/index.md"),
    ],
)
def test_edit_link_points_at_the_real_file(site_dir, lang, rel, expected):
    html = page(site_dir, lang, rel)
    edits = [a["href"] for a in tags(html, "a") if "md-content__button" in (a.get("class") or "")]
    assert edits == [CONFIG.edit_base + expected]


@pytest.mark.parametrize("lang", LANGS)
def test_site_name_description_and_nav_translated(site_dir, lang):
    mk = load_mkdocs_yml()
    i18n = next(p["i18n"] for p in mk["plugins"] if isinstance(p, dict))
    langs = {entry["locale"]: entry for entry in i18n["languages"]}
    name = langs[lang].get("site_name", mk["site_name"])
    description = langs[lang].get("site_description", mk["site_description"])
    html = page(site_dir, lang, "governance/index.html")
    assert f"- {name}</title>" in html
    # pages without a summary (here the 404 page) describe themselves with the site description
    (meta,) = tags((site_dir / PREFIX[lang] / "404.html").read_text(encoding="utf-8"), "meta", name="description")
    assert meta["content"] == description
    nav_labels = langs[lang].get("nav_translations") or {}
    text = " ".join(parse(html).text)
    for label in nav_labels.values():
        assert label in text, label


def test_nav_never_lists_practices(site_dir):
    html = page(site_dir, "en", "governance/index.html")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    practice_ids = [p.stem for p in Path("docs/practices").glob("*.md")]
    links = [a.get("href", "") for a in tags(nav, "a")]
    assert not [h for h in links if any(f"practices/{pid}/" in h for pid in practice_ids if pid != "index")]

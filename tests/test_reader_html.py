"""The built pages a reader finds their way with: breadcrumb and current menu section, related practices,
complete tables of contents, sources once, the home page's live parts, sharing and print metadata."""

from __future__ import annotations

import re
from html import unescape

import pytest
from htmlscan import tags
from sitepaths import CONFIG, LANGS
from sitepaths import page as html

from migsite.corpus import load_site
from migsite.ui import load_ui

SITE = load_site(CONFIG)
OUTSIDE_MENU = {
    "practice": "practices/nyc-idnyc/index.html",
    "objective": "compact/objectives/15/index.html",
    "recommendation": "right-to-the-city/recommendations/access-to-housing/index.html",
}


def headings(page: str, level: int = 2) -> list[str]:
    """The text of every heading of `level`, without its permalink sign."""
    found = re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", page, re.S)
    return [unescape(re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", " ", h)).split() for h in found]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", OUTSIDE_MENU)
def test_breadcrumb_and_current_section_outside_the_menu(site_dir, lang, kind):
    page = html(site_dir, lang, OUTSIDE_MENU[kind])
    (nav,) = [a for a in tags(page, "nav") if "migsite-breadcrumb" in (a.get("class") or "")]
    assert nav.get("aria-label") == load_ui(lang)["breadcrumb_label"]
    assert 'aria-current="page"' in page
    # the menu shows the section the page belongs to as the current one
    assert [a for a in tags(page, "li") if "md-nav__item--active" in (a.get("class") or "")]


@pytest.mark.parametrize("lang", LANGS)
def test_practice_page_sources_once_and_related_practices(site_dir, lang):
    ui = load_ui(lang)
    page = html(site_dir, lang, OUTSIDE_MENU["practice"])
    assert headings(page).count(ui["sources"].split()) == 1
    assert ui["related_title"].split() in headings(page)
    related = page.split('id="related"', 1)[1]
    assert related.count('class="migsite-card__link"') >= 1
    # the editorial note on objectives appears once in what we generate
    assert unescape(page).count(ui["objectives_note"]) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_objective_page_toc_lists_the_generated_sections(site_dir, lang):
    ui = load_ui(lang)
    page = html(site_dir, lang, OUTSIDE_MENU["objective"])
    toc = page.split('data-md-component="toc"', 1)[1].split("</nav>", 1)[0]
    for anchor in ("#practices", "#recommendations"):
        assert f'href="{anchor}"' in toc, anchor
    assert ui["practices"] in toc


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_a_skip_link_to_its_title(site_dir, lang):
    prefix = "" if lang == CONFIG.default.code else f"{lang}/"
    for record in SITE.records(lang):
        page = html(site_dir, lang, _built(record.url))
        skip = [a for a in tags(page, "a") if "md-skip" in (a.get("class") or "")]
        assert skip, f"{prefix}{record.url}: no skip link"
        target = skip[0]["href"].lstrip("#")
        assert f'id="{target}"' in page


def _built(url: str) -> str:
    return url + "index.html"


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_has_live_figures_newest_practices_and_our_logo(site_dir, lang):
    page = html(site_dir, lang, "index.html")
    practices = len(SITE.records(lang, "practice"))
    assert 'class="migsite-figures"' in page
    first = re.search(r'class="migsite-figures__n">([^<]+)<', page).group(1)
    assert first == str(practices)
    newest = page.split('id="newest"', 1)[1]
    assert newest.count('class="migsite-card__link"') == min(6, practices)
    logo = [a for a in tags(page, "img") if a.get("src", "").endswith("assets/migsite/logo.svg")]
    assert logo


@pytest.mark.parametrize("lang", LANGS)
def test_open_graph_and_description_in_the_page_language(site_dir, lang):
    page = html(site_dir, lang, OUTSIDE_MENU["practice"])
    record = SITE.get(lang, "practices/nyc-idnyc.md")
    meta = {a.get("property") or a.get("name"): a.get("content") for a in tags(page, "meta")}
    assert meta["og:title"] == record.title
    assert meta["og:description"] == meta["description"] == record.summary
    assert meta["og:url"].startswith(CONFIG.site_url) and meta["og:url"].endswith("practices/nyc-idnyc/")
    assert meta["og:locale"].split("_")[0] == lang
    assert meta["og:site_name"]


@pytest.mark.parametrize("lang", LANGS)
def test_print_shows_the_page_address(site_dir, lang):
    page = html(site_dir, lang, OUTSIDE_MENU["practice"])
    (p,) = [a for a in tags(page, "p") if "migsite-print-url" in (a.get("class") or "")]
    assert CONFIG.site_url in page.split('class="migsite-print-only migsite-print-url"', 1)[1].split("</p>", 1)[0]


@pytest.mark.parametrize("lang", LANGS)
def test_objective_header_cites_the_title_sources_as_links(site_dir, lang):
    """'Source of the title' is followed by one link per source, its text the source's title, its address
    the full URL: no half-links made by urlize from research notes."""
    ui = load_ui(lang)
    for n, o in SITE.vocab.objectives.items():
        page = html(site_dir, lang, f"compact/objectives/{n:02d}/index.html")
        sources = o.source.get(lang, ())
        found = re.findall(r'<p class="migsite-objective__source"[^>]*>(.*?)</p>', page, re.S)
        if not sources:
            assert found == [], (lang, n)
            continue
        (para,) = found
        assert unescape(para).startswith(f"{ui['title_source']} —"), (lang, n)
        anchors = re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', para)
        links = [(unescape(href), unescape(text)) for href, text in anchors]
        assert links == [(src.url, src.title) for src in o.source[lang]], (lang, n)
        # nothing but the links and their separators after the label
        rest = re.sub(r"<a [^>]*>.*?</a>", "", para.split("—", 1)[1])
        assert rest.replace(";", "").strip() == "", (lang, n, rest)


@pytest.mark.parametrize("lang", LANGS)
def test_an_objective_without_recommendations_says_so_in_words(site_dir, lang):
    linked = {n for r in SITE.records("en", "recommendation") for n in r.doc.objectives}
    unlinked = set(range(1, 24)) - linked
    assert unlinked, "every objective has a recommendation: the empty state needs a test of its own"
    empty = min(unlinked)
    page = html(site_dir, lang, f"compact/objectives/{empty:02d}/index.html")
    notes = [unescape(t) for t in re.findall(r'<p class="migsite-empty">(.*?)</p>', page, re.S)]
    assert load_ui(lang)["no_recommendations"] in notes and "—" not in notes

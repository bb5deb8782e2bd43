"""Search: one chunked Pagefind index per language, built from translated content only."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest
from htmlscan import tags
from sitepaths import CONFIG, LANGS, PREFIX, page, url_of

from migsite.corpus import load_site

SITE = load_site(CONFIG)


def excluded(record) -> bool:
    return bool(getattr(record.doc, "search_exclude", False))


def facts_only(record) -> bool:
    """An untranslated practice or recommendation: indexed by its fact box, which is in the reader's language."""
    return not record.translated and record.kind in ("practice", "recommendation")


def test_one_index_per_language(site_dir):
    entry = json.loads((site_dir / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == set(LANGS)
    for lang in LANGS:
        # every translated page of the language is indexed, and the fact boxes of untranslated practices
        expected = sum(1 for r in SITE.pages[lang].values() if (r.translated and not excluded(r)) or facts_only(r))
        assert entry["languages"][lang]["page_count"] == expected, lang
        assert (site_dir / "pagefind" / f"wasm.{lang}.pagefind").exists()


@pytest.mark.parametrize("lang", LANGS)
def test_only_translated_content_is_indexed(site_dir, lang):
    for r in SITE.pages[lang].values():
        html = page(site_dir, lang, url_of(r.path))
        bodies = [a for a in tags(html, "div") if "data-pagefind-body" in a]
        assert len(bodies) == (1 if r.translated and not excluded(r) else 0), r.path
        facts = [a for a in tags(html, "aside") if "data-pagefind-body" in a]
        assert len(facts) == (1 if facts_only(r) else 0), r.path
        assert all(a.get("lang") == lang for a in facts)
    assert "data-pagefind-body" not in (site_dir / PREFIX[lang] / "404.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_header_search_goes_to_the_search_page_of_the_same_language(site_dir, lang):
    html = page(site_dir, lang, "practices/nyc-idnyc/index.html")
    (form,) = [a for a in tags(html, "form") if "migsite-search-form" in (a.get("class") or "")]
    here = f"https://example.org/site/{PREFIX[lang]}practices/nyc-idnyc/"
    assert urljoin(here, form["action"]) == f"https://example.org/site/{PREFIX[lang]}search/"
    search = page(site_dir, lang, "search/index.html")
    (root,) = [a for a in tags(search, "div") if "data-migsite-search" in a]
    assert urljoin(f"https://example.org/site/{PREFIX[lang]}search/", root["data-bundle"]) == (
        "https://example.org/site/pagefind/"
    )
    assert [a for a in tags(search, "script") if (a.get("src") or "").endswith("assets/migsite/search.js")]


def test_generated_lists_are_not_indexed_twice(site_dir):
    """Index pages repeat every practice title: their generated part is left out of the index."""
    html = page(site_dir, "en", "practices/index.html")
    table_pos = html.index("data-migsite-table")
    ignore_pos = html.rfind("data-pagefind-ignore", 0, table_pos)
    assert ignore_pos != -1


def test_no_lunr_index_is_published(site_dir):
    assert not list(site_dir.rglob("search_index.json"))  # the whole-index download is gone

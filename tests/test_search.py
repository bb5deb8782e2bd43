"""Search: one chunked Pagefind index per language, built from translated content only."""

from __future__ import annotations

import gzip
import json
from urllib.parse import urljoin

import pytest
from htmlscan import tags
from sitepaths import CONFIG, LANGS, PREFIX, page, url_of

from migsite import views
from migsite.corpus import load_site

SITE = load_site(CONFIG)


def excluded(record) -> bool:
    return bool((record.facts.get("search") or {}).get("exclude"))


def test_one_index_per_language(site_dir):
    entry = json.loads((site_dir / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == set(LANGS)
    for lang in LANGS:
        # every translated page of the language is indexed, nothing else
        expected = sum(1 for r in SITE.pages[lang].values() if r.translated and not excluded(r))
        assert entry["languages"][lang]["page_count"] == expected, lang
        assert (site_dir / "pagefind" / f"wasm.{lang}.pagefind").exists()


@pytest.mark.parametrize("lang", LANGS)
def test_only_translated_content_is_indexed(site_dir, lang):
    for r in SITE.pages[lang].values():
        html = page(site_dir, lang, url_of(r.path))
        bodies = [a for a in tags(html, "div") if "data-pagefind-body" in a]
        assert len(bodies) == (1 if r.translated and not excluded(r) else 0), r.path
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


def fragment(site_dir, lang: str, url: str) -> dict:
    """The content Pagefind indexed for the page at `url` (site-relative, e.g. 'practices/x/')."""
    for path in (site_dir / "pagefind" / "fragment").glob(f"{lang}_*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        data = json.loads(raw.removeprefix(b"pagefind_dcd"))  # Pagefind's signature, then JSON
        if data["url"].endswith("/" + PREFIX[lang] + url):
            return data
    raise AssertionError(f"no {lang} fragment for {url}")


@pytest.mark.parametrize("lang", LANGS)
def test_fact_box_values_are_indexed_not_its_labels(site_dir, lang):
    """The heading, labels and note of the fact box are the same on every practice page: indexed,
    they made every practice answer a search for "sources" or for the note's words."""
    record = SITE.get(lang, "practices/nyc-idnyc.md")
    box = views.fact_box(SITE, record, lang)
    content = fragment(site_dir, lang, "practices/nyc-idnyc/")["content"]
    note = next(row["note"] for row in box["rows"] if row["note"])
    for boilerplate in (box["title"], note):
        assert boilerplate not in content
    for key in ("city", "country", "region", "sources"):
        (row,) = [r for r in box["rows"] if r["key"] == key]
        assert row["items"][0]["text"] in content, key
    html = page(site_dir, lang, "practices/nyc-idnyc/index.html")
    labels = tags(html, "dt")
    assert labels and all("data-pagefind-ignore" in a for a in labels)

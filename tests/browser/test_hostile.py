"""Hostile front matter executes nothing in a real browser: a copy of the project with a practice whose
every field is an injection attempt (tests/test_build_copies.py), opened in Chromium in every language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from browsing import LANGS, RESULTS, Served, Tab, search, serving
from helpers import copy_project, mkdocs_build
from playwright.sync_api import expect
from test_build_copies import HOSTILE, HOSTILE_CITY, HOSTILE_TITLE

pytestmark = pytest.mark.browser

PRACTICE = "practices/zz-hostile/"
# Pages that show the hostile practice's fields, and the coverage page, which counts it.
PAGES = {PRACTICE: True, "practices/": True, "practices/by-region/": True, "compact/coverage/": False}

# Record any call of the functions the payloads use, besides the dialogs Chromium reports.
TRAP = """
window.__migsiteCalls = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  const original = window[name];
  window[name] = function (...args) {
    window.__migsiteCalls.push(name + "(" + args.join(",") + ")");
    return original.apply(window, args);
  };
}
"""
# Markup that would run script had a hostile string become markup (Material itself uses none of it).
ACTIVE = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith("on")) found.push(`${el.localName}[${attr.name}]`);
      if (/^\\s*javascript:/i.test(attr.value)) found.push(`${el.localName}[${attr.name}=${attr.value}]`);
    }
    if (el.matches("iframe, embed, object, img[src='x']")) found.push(el.localName);
  }
  for (const script of document.scripts)
    if (script.textContent.includes("alert(")) found.push(`script: ${script.textContent.slice(0, 60)}`);
  return found;
}"""


@pytest.fixture(scope="module")
def hostile(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    project = copy_project(tmp_path_factory.mktemp("hostile-browser") / "project")
    (project / "docs/practices/zz-hostile.md").write_text(HOSTILE, encoding="utf-8")
    out = project / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    with serving(out) as served:
        yield served


@pytest.fixture
def trapped(tab: Tab) -> Tab:
    tab.page.add_init_script(TRAP)
    return tab


def assert_inert(tab: Tab, where: str) -> None:
    page = tab.page
    summary = page.locator(".migsite-summary")
    if summary.count():  # one payload waits for the mouse
        summary.first.hover()
    assert not tab.dialogs, (where, tab.dialogs)
    assert page.evaluate("window.__migsiteCalls") == [], where
    assert page.evaluate(ACTIVE) == [], where
    assert not tab.page_errors, (where, tab.page_errors)


@pytest.mark.parametrize("lang", LANGS)
def test_hostile_practice_runs_nothing(trapped: Tab, hostile: Served, lang: str) -> None:
    page = trapped.page
    for rel, shows_practice in PAGES.items():
        trapped.open(hostile.url(lang, rel))
        if shows_practice:  # the payloads are there, as text
            expect(page.locator("body")).to_contain_text(HOSTILE_TITLE)
        if rel == PRACTICE:
            expect(page.locator(".md-content h1").first).to_have_text(HOSTILE_TITLE)
            expect(page.locator("aside.migsite-facts")).to_contain_text(HOSTILE_CITY)
        assert_inert(trapped, f"{lang}/{rel}")


@pytest.mark.parametrize("lang", LANGS)
def test_hostile_practice_runs_nothing_through_the_filters(trapped: Tab, hostile: Served, lang: str) -> None:
    page = trapped.page
    trapped.open(hostile.url(lang, "practices/"))
    form = page.locator("form[data-migsite-filters]")
    form.locator('select[name="region"]').select_option("europe")
    form.locator('input[name="q"]').press_sequentially("<script>", delay=5)
    row = page.locator("table[data-migsite-table] tbody tr", has_text=HOSTILE_TITLE)
    expect(row).to_have_count(1)
    expect(row).to_be_visible()
    expect(page.locator("table[data-migsite-table] tbody tr:not([hidden])")).to_have_count(1)
    assert_inert(trapped, f"{lang}/practices/ filtered")
    # the same filters from a shared URL, the hostile strings themselves as values
    trapped.page.reload()
    assert_inert(trapped, f"{lang}/practices/ reloaded")
    trapped.open(hostile.url(lang, f"practices/?q={quote(HOSTILE_CITY)}&region={quote(HOSTILE_TITLE)}"))
    expect(form.locator('input[name="q"]')).to_have_value(HOSTILE_CITY)
    assert_inert(trapped, f"{lang}/practices/?q=<payload>")


def test_hostile_title_in_search_results_is_text(trapped: Tab, hostile: Served) -> None:
    lang = LANGS[0]  # the hostile page is English: the other languages' indexes leave it out
    trapped.open(hostile.url(lang, "practices/"))
    links = search(trapped.page, "plain text")  # the body of the hostile page
    assert any(link.startswith(hostile.url(lang, PRACTICE)) for link in links), links
    expect(trapped.page.locator(RESULTS).first).to_contain_text(HOSTILE_TITLE)
    assert_inert(trapped, "search results")


def test_only_the_sites_own_scripts_run(tab: Tab, hostile: Served) -> None:
    """Whatever a contributor writes, the pages load no script but the site's own: the theme's, the
    site's and Pagefind's, all under assets/ or pagefind/ (raw HTML and stray files are refused by the
    build, tests/test_hostile_inputs.py); and the site serves no other script file."""
    scripts: list[str] = []
    tab.page.on("request", lambda request: scripts.append(request.url) if request.resource_type == "script" else None)
    for lang in LANGS:
        for rel in (*PAGES, "search/?q=plain"):
            tab.open(hostile.url(lang, rel))
    own = (hostile.base + "assets/", hostile.base + "pagefind/")
    assert scripts and [u for u in scripts if not u.startswith(own)] == []
    files = [p.relative_to(hostile.root) for p in hostile.root.rglob("*") if p.suffix in (".js", ".mjs")]
    assert files and [p for p in files if p.parts[0] not in ("assets", "pagefind")] == []

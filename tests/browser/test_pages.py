"""Each sample page, in each language, as a reader's browser opens it: no script error, no request to
another host, no serious or critical accessibility violation (axe-core)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from browsing import LANGS, SAMPLE, Served, Tab, open_tab, wait_for_search_results

pytestmark = pytest.mark.browser

PAGES = [(lang, name) for lang in LANGS for name in SAMPLE]
IDS = [f"{lang}-{name}" for lang, name in PAGES]
BLOCKING = ("serious", "critical")


@pytest.fixture(scope="module")
def opened(browser: Any, site: Served) -> Iterator[dict[tuple[str, str], Tab]]:
    """Every sample page, each in a fresh context, opened side by side (for speed) and left until it
    has loaded and, on the search page, until Pagefind has answered (its worker, index and stemmer)."""
    contexts, tabs = [], {}
    for lang, name in PAGES:
        context = browser.new_context()
        context.set_default_timeout(30_000)
        contexts.append(context)
        tab = tabs[lang, name] = open_tab(context)
        tab.open(site.url(lang, SAMPLE[name]), wait_until="commit")
    for (_, name), tab in tabs.items():
        tab.page.wait_for_load_state("load")
        if name == "search":
            wait_for_search_results(tab.page)
    yield tabs
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def axe_results(opened: dict[tuple[str, str], Tab]) -> dict[tuple[str, str], dict]:
    """axe-core, as pinned through axe-playwright-python, on every loaded page (runs side by side)."""
    from axe_playwright_python.sync_playwright import Axe

    script = Axe().axe_script
    for tab in opened.values():
        tab.page.evaluate(script)
        tab.page.evaluate("() => { window.__migsiteAxe = axe.run(document, {resultTypes: ['violations']}); }")
    return {key: tab.page.evaluate("() => window.__migsiteAxe") for key, tab in opened.items()}


@pytest.mark.parametrize("key", PAGES, ids=IDS)
def test_no_console_error(opened: dict[tuple[str, str], Tab], key: tuple[str, str]) -> None:
    tab = opened[key]
    assert not tab.page_errors, tab.page_errors
    assert not tab.console_errors, tab.console_errors


@pytest.mark.parametrize("key", PAGES, ids=IDS)
def test_no_request_to_another_host(opened: dict[tuple[str, str], Tab], site: Served, key: tuple[str, str]) -> None:
    tab = opened[key]
    assert len(tab.requests) > 3, tab.requests  # the page, its styles and scripts at least
    network = [urlsplit(url) for url in tab.requests if not url.startswith(("data:", "blob:"))]
    elsewhere = [url.geturl() for url in network if (url.scheme, url.netloc) != ("http", site.netloc)]
    assert not elsewhere, elsewhere
    # and nothing the page asks its own host for is missing
    assert not tab.failed, tab.failed


def describe(violation: dict) -> str:
    nodes = violation["nodes"]
    where = "; ".join(
        f"{' '.join(map(str, n['target']))}: {(n.get('failureSummary') or '').splitlines()[-1].strip()}"
        for n in nodes[:4]
    )
    return f"{violation['impact']} {violation['id']} ({violation['help']}) x{len(nodes)}: {where}"


@pytest.mark.parametrize("key", PAGES, ids=IDS)
def test_accessibility(axe_results: dict[tuple[str, str], dict], key: tuple[str, str]) -> None:
    results = axe_results[key]
    assert results["testEngine"]["name"] == "axe-core", results
    blocking = [v for v in results["violations"] if v.get("impact") in BLOCKING]
    assert not blocking, "\n".join(describe(v) for v in blocking)

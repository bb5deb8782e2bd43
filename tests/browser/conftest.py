"""Fixtures of the browser suite: a built site served over HTTP under /site/, one Chromium per session.

Without Chromium (or Playwright) every browser test is skipped with the reason. When the environment
variable CI is set (CI=true), a skipped browser test fails instead: CI cannot pass without running them.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import Served, Tab, open_tab, serving
from chromium import CHROMIUM_ARGS
from ci import in_ci, skip_or_fail

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Any:
    """In CI, any skip of a browser test (a fixture's, a marker's) is reported as a failure."""
    report = yield
    if report.skipped and not hasattr(report, "wasxfail") and item.get_closest_marker("browser") and in_ci():
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"browser test skipped while CI is set: {reason}"
    return report


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Debian Chromium for the session (Playwright's own browser download is not used)."""
    executable = shutil.which("chromium")
    if not executable:
        skip_or_fail("Chromium is not installed (apt-get install chromium): browser tests need it")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("Playwright is not installed (pip install -r requirements-dev.txt)")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


@pytest.fixture(scope="session")
def site(site_dir: Path, browser: Any) -> Iterator[Served]:
    """The session's strict build of the real site, over HTTP (after `browser`: no build without Chromium)."""
    with serving(site_dir) as served:
        yield served


@pytest.fixture(scope="session")
def fallback_site(fallback_site_dir: Path, browser: Any) -> Iterator[Served]:
    """The site built without a few translations (helpers.FALLBACK_PAGES), over HTTP."""
    with serving(fallback_site_dir) as served:
        yield served


@pytest.fixture
def new_tab(browser: Any) -> Iterator[Callable[..., Tab]]:
    """Factory of tabs, each in its own context (options: viewport=..., etc.), closed after the test."""
    contexts = []

    def make(**context_options: Any) -> Tab:
        context = browser.new_context(**context_options)
        context.set_default_timeout(20_000)
        contexts.append(context)
        return open_tab(context)

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def tab(new_tab: Callable[..., Tab]) -> Tab:
    return new_tab()

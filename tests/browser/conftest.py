"""Fixtures of the browser suite: a built site served over HTTP under /site/, one Chromium per session.

Without Chromium (or Playwright) every browser test is skipped with the reason. When the environment
variable CI is set (CI=true), a skipped browser test fails instead: CI cannot pass without running them.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from chromium import CHROMIUM_ARGS
from ci import in_ci, skip_or_fail

from migsite.config import load_config

CONFIG = load_config()
LANGS = CONFIG.codes
PREFIX = {code: ("" if code == CONFIG.default.code else f"{code}/") for code in LANGS}
# The site is published under a path (https://<host>/site/): serve it under the same one, so that the
# 404 pages' absolute asset URLs and every relative link are exercised as on the published host.
MOUNT = urlsplit(CONFIG.site_url).path.rstrip("/")
# The pages every language is checked on (console, network, accessibility), relative to the language root.
SAMPLE = {
    "home": "",
    "practices": "practices/",
    "practice": "practices/nyc-idnyc/",
    "objectives": "compact/objectives/",
    "objective": "compact/objectives/15/",
    "coverage": "compact/coverage/",
    "search": "search/?q=migration",
}
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


# ---------------------------------------------------------------------------------------------- server


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """The files of `directory` under MOUNT, like GitHub Pages serves a project site: its 404.html
    (status 404) for any missing path, no directory listings, nothing outside MOUNT."""

    def send_head(self):
        if not urlsplit(self.path).path.startswith(MOUNT + "/"):
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path(path[len(MOUNT) :])

    def list_directory(self, path):
        self.send_error(404)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


@dataclass(frozen=True)
class Served:
    """A built site served on 127.0.0.1: `base` is http://127.0.0.1:<port>/site/."""

    root: Path
    base: str

    @property
    def netloc(self) -> str:
        return urlsplit(self.base).netloc

    def url(self, lang: str, rel: str = "") -> str:
        return self.base + PREFIX[lang] + rel


@contextmanager
def serving(root: Path) -> Iterator[Served]:
    handler = functools.partial(_SiteHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)  # port 0: a free one
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"serve-{root}", daemon=True)
    thread.start()
    try:
        yield Served(root, f"http://127.0.0.1:{server.server_address[1]}{MOUNT}/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


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


# ------------------------------------------------------------------------------------------------ tabs


@dataclass
class Tab:
    """A page in a fresh browser context, with everything it reported."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # responses >= 400 and requests that failed
    dialogs: list[str] = field(default_factory=list)

    def open(self, url: str, wait_until: str = "load") -> Any:
        response = self.page.goto(url, wait_until=wait_until)
        assert response is not None and response.ok, f"{url}: HTTP {response.status if response else 'none'}"
        return response

    def lang(self) -> str | None:
        return self.page.locator("html").get_attribute("lang")


def open_tab(context: Any) -> Tab:
    page = context.new_page()
    tab = Tab(page)

    def on_console(message: Any) -> None:
        if message.type == "error":
            where = message.location.get("url", "") if message.location else ""
            tab.console_errors.append(f"{message.text} ({where})")

    def on_dialog(dialog: Any) -> None:
        tab.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_response(response: Any) -> None:
        if response.status >= 400:
            tab.failed.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: tab.page_errors.append(str(error)))
    page.on("request", lambda request: tab.requests.append(request.url))
    page.on("requestfailed", lambda request: tab.failed.append(f"{request.failure} {request.url}"))
    page.on("response", on_response)
    page.on("dialog", on_dialog)
    return tab


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

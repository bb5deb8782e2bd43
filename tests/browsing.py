"""Helpers of the browser tests (tests/browser/): the built site served over HTTP under /site/, as
GitHub Pages serves it, and browser tabs that record what a page reported."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from migsite.config import load_config

CONFIG = load_config()
LANGS = CONFIG.codes
PREFIX = {code: ("" if code == CONFIG.default.code else f"{code}/") for code in LANGS}
# The site is published under a path (https://<host>/site/): serve it under the same one, so that the
# 404 pages' absolute asset URLs and every relative link are exercised as on the published host.
MOUNT = urlsplit(CONFIG.site_url).path.rstrip("/")
# The reader's views judged at both sizes in every language (tests/browser/test_reader.py) and
# photographed by bench/screenshots.py, relative to the language root.
SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
READER_PAGES = {
    "home": "",
    "practices": "practices/",
    "practice": "practices/nyc-idnyc/",
    "objectives": "compact/objectives/",
    "objective": "compact/objectives/15/",
    "coverage": "compact/coverage/",
    "mayors": "uclg/mayors-mechanism/",
    "recommendation": "right-to-the-city/recommendations/access-to-housing/",
    "search": "search/?q=housing",
}

# The pages every language is checked on (console, network, accessibility), relative to the language root.
SAMPLE = {
    **{name: READER_PAGES[name] for name in ("home", "practices", "practice", "objectives", "objective", "coverage")},
    "search": "search/?q=migration",
}


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


# ---------------------------------------------------------------------------------------------- search

# Where the search page lists its results.
RESULTS = "[data-migsite-search-results]"


def search(page, query: str) -> list[str]:  # noqa: ANN001 - a Playwright page
    """Search as a reader does, from the page open in `page`; the result links once they are shown.
    The header form leads to the language's search page, which searches with Pagefind."""
    box = page.locator("form.migsite-search-form input[name=q]")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    wait_for_search_results(page)
    return page.locator(f"{RESULTS} a").evaluate_all("links => links.map(a => a.href)")


def wait_for_search_results(page) -> None:  # noqa: ANN001 - a Playwright page
    """Until the search page's status is no longer its "loading" text: Pagefind has answered."""
    root = page.locator("[data-migsite-search]")
    page.wait_for_function(
        """(root) => {
            const text = root.querySelector("[data-migsite-search-status]").textContent.trim();
            return text && text !== root.dataset.loading;
        }""",
        arg=root.element_handle(),
    )

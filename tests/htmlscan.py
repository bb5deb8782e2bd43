"""Small readers of built HTML, on the standard library's parser (no regexes on markup)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class Elements(HTMLParser):
    """Every start tag as (tag, attrs dict), in document order, plus visible text by element id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Elements:
    p = Elements()
    p.feed(html)
    return p


def tags(html: str, tag: str, **attrs: str) -> list[dict[str, str | None]]:
    return [a for t, a in parse(html).tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def requested_urls(html: str) -> list[str]:
    """URLs a browser fetches when it opens the page (not links a reader may follow)."""
    out = []
    for tag, a in parse(html).tags:
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and a.get("src"):
            out.append(a["src"])
        if (
            tag == "link"
            and a.get("href")
            and (a.get("rel") or "")
            in ("stylesheet", "preload", "preconnect", "dns-prefetch", "icon", "modulepreload", "manifest")
        ):
            out.append(a["href"])
        if tag == "object" and a.get("data"):
            out.append(a["data"])
    return out

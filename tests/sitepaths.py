"""Where a page of the content model lands in the built site, per language."""

from __future__ import annotations

from pathlib import Path

from migsite.config import load_config

CONFIG = load_config()
LANGS = CONFIG.codes
PREFIX = {code: ("" if code == CONFIG.default.code else f"{code}/") for code in LANGS}


def url_of(md: str) -> str:
    """The built file of a locale-relative .md path: practices/x.md -> practices/x/index.html."""
    stem = md.removesuffix(".md")
    return (stem.removesuffix("index") if stem.endswith("index") else stem + "/") + "index.html"


def page(site: Path, lang: str, rel: str) -> str:
    """The HTML of built file `rel` (e.g. practices/index.html) in `lang`."""
    return (site / PREFIX[lang] / rel).read_text(encoding="utf-8")

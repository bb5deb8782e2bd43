"""A 404 page per language: /404.html in the default language, /<lang>/404.html for the others.

The i18n plugin renders 404.html once per language build at the same path, so the last
language would win; this hook keeps the default language's page at the root and writes each
other language's page into its own folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from migsite.ui import load_ui

_default_404: str | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _default_404
    if not config.plugins["i18n"].building:  # a new round: hooks/lifecycle.py
        _default_404 = None
    return config


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == "404.html":
        lang = _language(config)
        i18n = config.plugins["i18n"]
        context["not_found"] = {
            "ui": load_ui(lang),
            "home": "" if lang == i18n.default_language else f"{lang}/",
        }
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    global _default_404
    if template_name != "404.html":
        return output
    i18n = config.plugins["i18n"]
    lang = _language(config)
    if lang == i18n.default_language:
        _default_404 = output
        return output
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _default_404 if _default_404 is not None else output


def _language(config: MkDocsConfig) -> str:
    i18n = config.plugins["i18n"]
    return i18n.current_language or i18n.default_language

"""Reader-facing helpers for the templates: language-correct counts (Jinja filters `plural`, `number`,
`percent`, from migsite.l10n) and the wayfinding parts of a page's view model (breadcrumb, related
practices, home page figures, a complete table of contents), from migsite.reader.

Thin adapter: the logic is plain Python in migsite/; runs after hooks/content.py has put the page's
view model in the context and before hooks/generated.py."""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from migsite import l10n


def _lang(context: Any) -> str:
    view = context.get("migsite") or {}
    return view.get("lang") or "en"


@pass_context
def count_filter(context: Any, message: str, **values: Any) -> str:
    return l10n.format_count(message, _lang(context), **values)


@pass_context
def number_filter(context: Any, n: int | float) -> str:
    return l10n.number(n, _lang(context))


@pass_context
def percent_filter(context: Any, value: float, digits: int = 1) -> str:
    """`value` in percent (93.9) -> "93.9%" / "93,9 %"."""
    return l10n.percent(value / 100, _lang(context), digits)


def on_env(env: Any, config: MkDocsConfig, **_: Any) -> Any:
    env.filters["plural"] = count_filter
    env.filters["number"] = number_filter
    env.filters["percent"] = percent_filter
    return env


@event_priority(-15)
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    return context

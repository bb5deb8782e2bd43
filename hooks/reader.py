"""Reader-facing helpers for the templates: language-correct counts (Jinja filters `plural`, `number`,
`percent`, from migsite.l10n) and the wayfinding parts of a page's view model (breadcrumb, related
practices, home page figures, a complete table of contents), from migsite.reader.

Thin adapter: the logic is plain Python in migsite/; runs after hooks/content.py has put the page's
view model in the context and before hooks/generated.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from babel.core import get_global
from jinja2 import pass_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from migsite import l10n, reader
from migsite.history import History, load_history

_history: History | None = None
_lit: list[Any] = []  # nav pages marked active for the page being rendered


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


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _history
    if not config.plugins["i18n"].building:  # once a round (see hooks/lifecycle.py): the home's newest practices
        _history = load_history(Path(config.config_file_path).parent)
    return config


@event_priority(-15)
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    view = context.get("migsite")
    if not view:
        return context
    site, record, lang = view["site"], view["record"], view["lang"]
    nav = context.get("nav")
    in_nav = {_path(p): p for p in (nav.pages if nav else [])}
    _unlight()
    if _path(page) not in in_nav:
        # A page outside the menu (a practice, an objective, a recommendation, an index of practices):
        # a breadcrumb, and its nearest ancestor in the menu shown as the current section.
        view["breadcrumb"] = reader.breadcrumb(site, record, lang)
        for path in reversed(reader.ancestors(record.path)):
            if path in in_nav and path != "index.md":
                in_nav[path].active = True
                _lit.append(in_nav[path])
                break
    view["og_locale"] = og_locale(lang)
    view["og_alternates"] = [og_locale(code) for code in site.config.codes if code != lang]
    if record.kind == "practice":
        view["related"] = reader.related_practices(site, record, lang)
    if record.path == "index.md":
        view["home"] = reader.home(site, _history or History(False), lang)
    _complete_toc(page, view)
    return context


def og_locale(lang: str) -> str:
    """Open Graph wants language_TERRITORY: the CLDR's likely territory of the language (fr -> fr_FR)."""
    parts = str(get_global("likely_subtags").get(lang, lang)).split("_")
    return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else parts[0]


def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    _unlight()
    return output


def _unlight() -> None:
    while _lit:
        _lit.pop().active = False


def _path(page: Any) -> str:
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


def _complete_toc(page: Page, view: dict[str, Any]) -> None:
    """The table of contents lists what the templates add after the prose (an objective page's lists, a
    practice's sources and related practices), under one top entry for the page title: Material's skip
    link goes to the first entry, so every page gets one, to its title."""
    ui, record = view["ui"], view["record"]
    items = list(page.toc)
    if items and items[0].level == 1:
        return
    extra: list[tuple[str, str]] = []
    if record.kind == "objective":
        n = record.doc.number
        extra = [("practices", ui["practices"]), ("recommendations", ui["recommendations"])]
        pages = view["site"].records(view["lang"])
        if any(r.kind not in ("practice", "recommendation") and n in r.objectives for r in pages):
            extra.append(("other-pages", ui["other_pages"]))
    elif record.kind in ("practice", "recommendation"):
        # A body that still has its own Sources section keeps it, and the template adds none.
        view["sources_in_body"] = any(a.id == "sources" or str(a.title).strip() == ui["sources"] for a in items)
        if not view["sources_in_body"]:
            extra.append(("sources", ui["sources"]))
        if view.get("related"):
            extra.append(("related", ui["related_title"]))
    top = AnchorLink(str(page.title or ""), "migsite-title", 1)
    top.children = items + [AnchorLink(title, anchor, 2) for anchor, title in extra]
    page.toc.items = [top]

"""Load and validate the content once per build round; give each page its record and view model.

Thin adapter: loading, validation and view models are plain Python in migsite/; the HTML is in
overrides/ (main.html and partials/migsite/*.html)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page as MkDocsPage

from migsite import views
from migsite.config import load_config
from migsite.corpus import MEMO, Record, Site, load_site
from migsite.errors import ContentErrors
from migsite.history import History, load_history, too_shallow
from migsite.model import Page
from migsite.status import LanguageStatus, PageStatus, translation_status
from migsite.ui import load_ui
from migsite.vocab import language_name

_site: Site | None = None
_status: list[LanguageStatus] = []
_page_status: dict[tuple[str, str], PageStatus] = {}
_history: History = History(False, "not loaded")
_keep_memo = True  # False in a one-shot `mkdocs build`: no later round to reuse the memo


def on_startup(command: str, **_: Any) -> None:
    global _keep_memo
    _keep_memo = command == "serve"


# Order and reasons: hooks/lifecycle.py. Loaded once a round (the language builds share it).
@event_priority(90)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site, _status, _page_status, _history
    if _site is None or not config.plugins["i18n"].building:
        root = Path(config.config_file_path).parent
        _site = load_content(root)
        if not _keep_memo:
            MEMO.clear()  # what it holds (every file's text and parse) would only be reused by a next round
        _history = load_history(root)
        if shallow := too_shallow(_history):
            raise PluginError(shallow)
        _status = translation_status(_site, _history)
        _page_status = {(st.lang, p.path): p for st in _status for p in st.pages}
    return config


def on_page_markdown(markdown: str, page: MkDocsPage, config: MkDocsConfig, **_: Any) -> str:
    record = page_record(page, config)
    # Escaped once here, as Markup: Material's templates print titles unescaped (nav, <title>),
    # ours escape with |e, which leaves Markup alone.
    # Only what Material reads goes into page.meta (title, description, hide, search): facts stay in
    # the typed record (the view model `migsite`), so no fact can change Material's behaviour.
    doc = record.doc
    page.meta.clear()  # MkDocs put the raw front matter here; Material must not read facts as its options
    if record.title:
        page.meta["title"] = escape(record.title)
    if record.summary:
        page.meta["description"] = escape(record.summary)
    if isinstance(doc, Page):  # a translation's page inherits hide: and search: from English
        if doc.hide:
            page.meta["hide"] = list(doc.hide)
        if doc.search_exclude:
            page.meta["search"] = {"exclude": True}
    if not record.translated:
        # English text served under /fr/ must not answer French searches.
        page.meta["search"] = {"exclude": True}
        if not page.file.src_uri.startswith(f"{site().config.default.code}/"):
            # A started translation (docs_fr/x.md, still partly English) is served as the English page.
            return record.body
    return markdown


@event_priority(-10)
def on_page_context(context: dict[str, Any], page: MkDocsPage, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    context["migsite"] = page_view(page, config)
    return context


# ---------------------------------------------------------------------------- helpers


def site() -> Site:
    if _site is None:
        raise PluginError("migsite: content requested before on_config loaded it")
    return _site


def load_content(root: Path) -> Site:
    try:
        return load_site(load_config(root))
    except ContentErrors as exc:
        # A clear list of file, field, value and expectation; no traceback.
        raise PluginError(exc.report()) from None


def current_language(config: MkDocsConfig) -> str | None:
    return config.plugins["i18n"].current_language


def page_record(page: MkDocsPage, config: MkDocsConfig) -> Record:
    lang = current_language(config) or site().config.default.code
    rel = getattr(page.file, "norm_src_uri", page.file.src_uri)
    record = site().get(lang, rel)
    if record is None:
        raise PluginError(f"{page.file.src_uri}: page not known to the content model (is it outside docs/?)")
    return record


def page_view(page: MkDocsPage, config: MkDocsConfig) -> dict[str, Any]:
    s = site()
    record = page_record(page, config)
    lang = record.lang
    default = s.config.default.code
    alternates = getattr(page.file, "alternates", {}) or {}
    state = _page_status.get((lang, record.path))
    return {
        "site": s,
        "lang": lang,
        "ui": load_ui(lang),
        "kind": record.kind,
        "record": record,
        "content_lang": lang if record.translated else default,
        "fallback": not record.translated,
        "outdated": state is not None and state.state == "outdated",
        "translation_status": _status,
        "language_names": {code: language_name(code) for code in s.config.codes},
        "contribute_href": views.page_href(s, lang, "contribute.md"),
        "english_href": views.page_href(s, default, record.path),
        "lang_root": views.lang_prefix(s, lang),
        "hreflang": [
            {"lang": code, "href": s.config.site_url + f.url.lstrip("./")}
            for code, f in sorted(alternates.items())
            if code in s.config.codes
        ],
        "x_default": s.config.site_url + views.page_href(s, default, record.path).lstrip("./"),
        "summary": record.summary if record.kind in ("practice", "recommendation") else None,
        "facts": views.fact_box(s, record, lang),
        "sources": views.sources(record, lang),
        "objective": views.objective_header(s, record, lang),
        "updated": views.last_updated(_history, record, lang),
    }

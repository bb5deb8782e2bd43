"""Generated parts of pages: practice indexes, objective lists, coverage matrix, open data.

Thin adapter: migsite.indexes computes everything once per language build; the templates in
overrides/partials/migsite/generated/ draw it. A page asks for a generator with `generate:` in
its English front matter; every objective page gets its lists."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from migsite import opendata
from migsite.corpus import Site
from migsite.indexes import Indexes
from migsite.model import GENERATORS

log = get_plugin_logger("migsite.generated")

_indexes: Indexes | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _indexes
    _indexes = None
    return config


# After hooks/content.py (-10) has put the page's view model in the context.
@event_priority(-20)
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    view = context.get("migsite")
    if not view:
        return context
    record = view["record"]
    name = "objective-lists" if record.kind == "objective" else getattr(record.doc, "generate", None)
    if name is None:
        return context
    if name not in GENERATORS and name != "objective-lists":
        raise PluginError(
            f"{record.source_file}: field 'generate': got {name!r}; expected one of {', '.join(sorted(GENERATORS))}"
        )
    view["generated"] = {
        "template": f"partials/migsite/generated/{name}.html",
        "idx": indexes(view["site"], view["lang"]),
    }
    return context


def on_post_build(config: MkDocsConfig) -> None:
    idx = _indexes  # the current language's, made while its pages were rendered
    i18n = config.plugins["i18n"]
    if idx is None or idx.lang != (i18n.current_language or i18n.default_language):
        log.info("no page of this language was rendered (dirty reload): open data files left as they were")
        return
    folder = Path(config.site_dir) / idx.prefix() / "practices"
    folder.mkdir(parents=True, exist_ok=True)
    rows = idx.open_data_rows()
    columns = idx.open_data_columns
    (folder / "practices.json").write_text(opendata.to_json(rows, idx.lang, columns), encoding="utf-8")
    # UTF-8 with a byte-order mark (spreadsheets set to French or Spanish then read the accents right) and
    # CRLF line ends (RFC 4180); the separator stays a comma, as the open-data page says.
    (folder / "practices.csv").write_text(
        opendata.to_csv(rows, [c for c, _ in columns]), encoding="utf-8-sig", newline="\r\n"
    )


def indexes(site: Site, lang: str) -> Indexes:
    global _indexes
    if _indexes is None or _indexes.lang != lang or _indexes.site is not site:
        _indexes = Indexes(site, lang)
    return _indexes

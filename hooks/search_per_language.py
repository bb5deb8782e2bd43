"""One search index per language, with that language's stemmer.

Material's search plugin writes search/search_index.json after each language build. In each
nested language build this hook moves it to <lang>/search/search_index.json, locations made
relative to the language root and `lang` set to that language alone. After the i18n plugin has
built every language it rewrites the root index with all of them; the default language's own
entries are then filtered back out. overrides/main.html points each page's search base at its
language root."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from migsite.search import localize_index


# Below the i18n plugin (-100): in the outer build it has then built every other language.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    lang = i18n.current_language if i18n.building else i18n.default_language
    others = [code for code in i18n.build_languages if code != i18n.default_language]
    prefix = "" if lang == i18n.default_language else f"{lang}/"
    root_index = Path(config.site_dir) / "search" / "search_index.json"
    index = json.loads(root_index.read_text(encoding="utf-8"))
    localized = localize_index(index, lang, prefix, [f"{code}/" for code in others if code != lang])
    target = Path(config.site_dir) / prefix / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(localized, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

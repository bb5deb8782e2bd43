"""The order of the hooks' events, in one place, and the start of each build round.

MkDocs calls an event's handlers by decreasing `@event_priority` (0 without it), and in the order
of registration among equals: the plugins of mkdocs.yml, then its hooks, top to bottom. The i18n
plugin (mkdocs-static-i18n) runs the default language's build, then, from its own on_post_build,
one nested build per other language, with the same config object. A *round* is one outer build
(`mkdocs build`, or one rebuild of `mkdocs serve`): its first on_config is the one where the
plugin is not yet `building` the other languages.

ORDER below is the order of every event a hook handles, with the i18n plugin's place in it and
why; tests/test_lifecycle.py fails when a priority in hooks/ (or the plugin's) disagrees with it.

This module is also a hook: when a round starts, it clears every functools cache of the migsite
package (UI strings of _ui.yaml, vocabulary.yaml, the site configuration...), so that a rebuild
of `mkdocs serve` reads the files as they are now. Module state of the hooks, and its life:

- per round: the content, history and translation status (content.py), the default language's
  404 page (error_pages.py), both replaced when a round starts;
- per language build: the indexes (generated.py), dropped in each on_config;
- per process: the command and --dirty (content.py, gc_freeze.py, search_pagefind.py, from
  on_startup), the compiled templates (template_cache.py: Jinja checks each template's source
  checksum), and, under `mkdocs serve`, the content memo (migsite/memo.py: each result keyed by the
  text it comes from, so an edited file is never answered from it)."""

from __future__ import annotations

import sys

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

I18N = "i18n"  # the plugin's rows; every other name is a module of hooks/

# event -> [(hook or plugin, priority, why)], in the order MkDocs calls them.
ORDER: dict[str, list[tuple[str, int, str]]] = {
    "on_startup": [
        ("gc_freeze", 0, "remembers the command: objects are frozen in one-shot builds only"),
        ("content", 0, "remembers the command: the content memo is kept between rounds of serve only"),
        ("search_pagefind", 0, "remembers --dirty: a dirty rebuild keeps the first build's search index"),
    ],
    "on_config": [
        ("lifecycle", 110, "first: a new round clears migsite's caches before anything reads a file"),
        ("i18n_folders", 100, "stages docs_dir/<locale> links before anything reads docs_dir"),
        ("content", 90, "loads and validates the content once a round, from fresh caches"),
        ("reader", 0, "reads the git history once a round: the newest practices of the home page"),
        ("generated", 0, "drops the previous language build's indexes"),
        ("error_pages", 0, "forgets the previous round's 404 page"),
        (I18N, -100, "picks the language of this build and reconfigures the theme for it"),
        ("gc_freeze", -200, "last: freezes what the content and the configuration hold"),
    ],
    "on_files": [
        (I18N, -100, "makes this language's files (and their alternates) from docs_dir"),
        ("i18n_folders", -110, "after it: points each page's edit link at its real locale folder"),
    ],
    "on_nav": [
        (I18N, -100, "translates the navigation"),
        ("gc_freeze", -200, "last: freezes the files and the navigation"),
    ],
    "on_env": [
        (I18N, 0, "adds a Jinja extension"),
        ("template_cache", 0, "one bytecode cache for every language build's environment"),
        ("reader", 0, "adds the Jinja filters plural, number and percent (CLDR, through Babel)"),
        ("gc_freeze", -200, "last: freezes the pages read"),
    ],
    "on_page_markdown": [
        (I18N, 50, "translates admonition titles"),
        ("content", 0, "gives the page its title, summary and facts from the content model"),
    ],
    "on_template_context": [
        (I18N, 50, "adds its variables"),
        ("error_pages", 0, "gives the 404 page its language's strings"),
    ],
    "on_page_context": [
        (I18N, 50, "reconfigures Material's language switcher"),
        ("content", -10, "puts the page's view model in the context"),
        ("reader", -15, "after content: breadcrumb, current menu section, related practices, home figures"),
        ("generated", -20, "after content: adds the generated part the view model asks for"),
    ],
    "on_post_page": [
        ("reader", 0, "unmarks the menu section it marked current for the page just written"),
        (I18N, -100, "passes the page to the with-pdf plugin when there is one (not here)"),
    ],
    "on_post_template": [
        ("error_pages", 0, "writes each language's 404 page in its folder"),
    ],
    "on_post_build": [
        ("generated", 0, "writes this language's open data while its indexes are current"),
        (I18N, -100, "the outer build runs the other languages' builds here"),
        ("search_pagefind", -200, "after every language is written: one Pagefind index"),
    ],
}


def round_starts(config: MkDocsConfig) -> bool:
    """True in the first on_config of a round (the default language's build), before priority -100."""
    return not config.plugins[I18N].building


@event_priority(110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if round_starts(config):
        clear_caches()
    return config


def clear_caches() -> int:
    """Clear every functools cache (@cache, @lru_cache) of the loaded migsite modules; how many."""
    cleared = 0
    for name, module in list(sys.modules.items()):
        if name != "migsite" and not name.startswith("migsite."):
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == name:
                value.cache_clear()
                cleared += 1
    return cleared

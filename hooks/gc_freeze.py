"""Keep Python's garbage collector off the objects each language build inherits, in `mkdocs build`.

The i18n plugin runs one MkDocs build per language in one process, and every build keeps the
objects of the builds before it (their files, pages and navigation, the content of all languages):
measured on the benchmark's 1000-practice site, 71 000 tracked objects when the English build
starts, 117 000 at the French, 149 000 at the Spanish. Each full collection walks all of them
again, so a language cost more the later it was built. `gc.freeze()` at the start of each
language build moves what exists to the collector's permanent generation, which it never walks;
what the build itself allocates is collected as before. Measured with gc callbacks (one core,
1000 practices): collection time 1.34 s -> 0.78 s for the three languages, 0.36 s -> 0.27 s for
English alone.

Only in `mkdocs build` and `gh-deploy`, whose process ends with the build: frozen objects are
never freed, so a long-lived `mkdocs serve` would keep every rebuild's leftovers."""

from __future__ import annotations

import gc
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger("migsite.gc_freeze")

ONE_SHOT_COMMANDS = {"build", "gh-deploy"}
_command: str | None = None


def on_startup(command: str, **_: Any) -> None:
    global _command
    _command = command


# Last of the config events: after hooks/content.py (90) has loaded the content and the i18n
# plugin (-100) has picked the language.
@event_priority(-200)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _command in ONE_SHOT_COMMANDS:
        gc.freeze()
        log.debug("gc: %d objects frozen", gc.get_freeze_count())
    return config

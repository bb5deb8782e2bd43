"""Keep Python's garbage collector off long-lived objects in `mkdocs build`.

The i18n plugin runs one MkDocs build per language in one process, and every build keeps the
objects of the builds before it (their files, pages and navigation) besides the content of all
languages: measured on the benchmark's 1000-practice site, 71 000 tracked objects when the English
build starts, 117 000 at the French, 149 000 at the Spanish. Each full collection walks all of
them again, and the files, navigation and pages of the build itself, although none of them is
garbage before the process ends. `gc.freeze()` moves what exists to the collector's permanent
generation, which it never walks; this hook calls it at three points of each language build:
when the configuration is ready (the content is loaded), when the navigation is (the files and
alternates are made), and before the pages are rendered (they are read and converted). What the
rendering allocates is collected as before. Measured with gc callbacks (one core, 1000
practices): collection time 1.28-1.34 s -> 0.61-0.77 s for the three languages, 0.33-0.36 s ->
0.22-0.26 s for English alone; peak memory of the MkDocs process 136 -> 139 MB.

Only in `mkdocs build` and `gh-deploy`, whose process ends with the build: frozen objects are
never freed, so a long-lived `mkdocs serve` would keep every rebuild's leftovers."""

from __future__ import annotations

import gc
import logging
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.nav import Navigation

log = get_plugin_logger("migsite.gc_freeze")

ONE_SHOT_COMMANDS = {"build", "gh-deploy"}
_command: str | None = None


def on_startup(command: str, **_: Any) -> None:
    global _command
    _command = command


# Last of each event: after hooks/content.py (90) has loaded the content and the i18n plugin
# (-100) has picked the language, made the files and their alternates.
@event_priority(-200)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    freeze("config")
    return config


@event_priority(-200)
def on_nav(nav: Navigation, **_: Any) -> Navigation:
    freeze("navigation")
    return nav


@event_priority(-200)
def on_env(env: Environment, **_: Any) -> Environment:
    freeze("pages read")
    return env


# ---------------------------------------------------------------------------- helpers


def freeze(point: str) -> None:
    if _command in ONE_SHOT_COMMANDS:
        gc.freeze()  # constant time: it moves the collector's lists, it does not walk them
        if log.isEnabledFor(logging.DEBUG):  # counting them does walk them
            log.debug("gc: %d objects frozen (%s)", gc.get_freeze_count(), point)

"""Full-text search with Pagefind: one chunked index per language, built from the HTML after the
last language is written. Readers download only the index chunks their query needs.

Only translated content is indexed (templates mark it `data-pagefind-body`); English text served
as a fallback under /fr/ is not, so a French search returns French pages. Pagefind picks each
page's language, and so its stemmer, from `<html lang>`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger("migsite.search")
_dirty = False  # `mkdocs serve --dirty` (the preview, migsite/preview.py): the process's whole life


def on_startup(command: str, dirty: bool, **_: Any) -> None:
    global _dirty
    _dirty = dirty and command == "serve"


# Below the i18n plugin (-100), whose outer on_post_build builds every other language first.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return  # a nested language build: the outer build indexes them all at the end
    entry = Path(config.site_dir) / "pagefind" / "pagefind-entry.json"
    if _dirty and entry.exists():
        log.info("dirty rebuild: the search index is left as the first build made it")
        return
    command = [
        *(sys.executable, "-m", "pagefind", "--site", config.site_dir, "--output-subdir", "pagefind"),
        *("--exclude-selectors", ".headerlink"),  # the pilcrows of heading permalinks are not words
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise PluginError(f"Pagefind failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    # Pagefind writes the languages of its entry file in random order: sort them (reproducible builds).
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    summary = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith("Indexed")]
    log.info("search index: %s", "; ".join(summary))

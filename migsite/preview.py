"""A fast preview for contributors and translators: one language (with its English fallback) served
by `mkdocs serve --dirty`, so that a saved page shows in the browser within a couple of seconds.

    .venv/bin/python -m migsite.preview --lang fr        # then open http://127.0.0.1:8000/site/fr/

It writes mkdocs.preview.yml (git-ignored) next to mkdocs.yml: `INHERIT: mkdocs.yml`, with the i18n
plugin's public `build: false` on every language but the default one and the previewed one, and runs
`mkdocs serve --dirty -f mkdocs.preview.yml`. After the first build only the pages saved since are
rebuilt: the edited page is current; index pages, navigation labels and the search index stay as
the first build made them until the preview is restarted (or a full `mkdocs serve` is used).

No MkDocs import here (migsite stays plain Python): MkDocs runs as a command."""

from __future__ import annotations

import argparse
import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from .config import ROOT, languages_from_mkdocs, load_mkdocs_yml

PREVIEW_FILE = "mkdocs.preview.yml"


def preview_config(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """The override of mkdocs.yml that builds the default language and `lang` only."""
    codes = [language.code for language in languages_from_mkdocs(data)]
    if lang not in codes:
        raise SystemExit(f"unknown language {lang!r}; the site has {', '.join(codes)}")
    plugins = copy.deepcopy(data.get("plugins") or [])
    for plugin in plugins:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for item in plugin["i18n"]["languages"]:
                item["build"] = bool(item.get("default")) or item["locale"] == lang
    # Lists replace the parent's (MkDocs merges INHERIT dictionaries only): plugins in full, and the
    # watch list plus mkdocs.yml itself, which a rebuild should also pick up.
    watch = [*(data.get("watch") or []), "mkdocs.yml"]
    return {"INHERIT": "mkdocs.yml", "plugins": plugins, "watch": watch}


def write_preview_config(root: Path, lang: str) -> Path:
    path = root / PREVIEW_FILE
    text = "# Written by `python -m migsite.preview`: do not edit, do not commit.\n" + yaml.safe_dump(
        preview_config(load_mkdocs_yml(root), lang), allow_unicode=True, sort_keys=False
    )
    path.write_text(text, encoding="utf-8")
    return path


def serve_command(config_file: Path, address: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(config_file), "-a", address]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m migsite.preview", description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", required=True, help="the language to preview (e.g. fr); English is always built")
    parser.add_argument("--root", default=str(ROOT), help="the project folder (holding mkdocs.yml)")
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    config_file = write_preview_config(root, args.lang)
    print(
        f"Preview of '{args.lang}' with its English fallback ({config_file.name}): a saved page is rebuilt alone and "
        "shows in a second or two. Index pages (practice lists, objective pages), navigation labels and search "
        "keep the first build's content: restart the preview (Ctrl+C, then the same command) to refresh them.",
        file=sys.stderr,
    )
    try:
        return subprocess.call(serve_command(config_file, args.dev_addr), cwd=root)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())

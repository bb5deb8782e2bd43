"""UI strings of generated content: one file per language, `_ui.yaml` in the language's own folder
(docs/_ui.yaml, docs_fr/_ui.yaml, ...), so that a language is one config entry plus one folder.
English is the reference: a key missing in another language falls back to English (the test
suite and `python -m migsite status` report it)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from .config import ROOT, load_config

UI_FILE = "_ui.yaml"


def ui_path(lang: str, root: Path = ROOT) -> Path:
    config = load_config(root)
    folder = config.language(lang).folder if lang in config.codes else config.default.folder
    return root / folder / UI_FILE


@cache
def load_ui(lang: str, root: Path = ROOT) -> dict[str, str]:
    english = _read(ui_path(load_config(root).default.code, root))
    return {**english, **_read(ui_path(lang, root))}


def _read(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of key: text")
    return data


def missing_keys(langs: list[str], root: Path = ROOT) -> list[str]:
    """Every 'lang.key' present in English but absent (or empty) in another language."""
    english = _read(ui_path(load_config(root).default.code, root))
    out = []
    for lang in langs:
        strings = _read(ui_path(lang, root))
        out += [f"{lang}.{key}" for key in english if not strings.get(key)]
    return out

"""UI strings of generated content: one file per language in migsite/locales/, English as the reference."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

LOCALES = Path(__file__).parent / "locales"


@cache
def load_ui(lang: str) -> dict[str, str]:
    """The strings for a language; a key missing there falls back to English (tests forbid it)."""
    english = _read("en")
    path = LOCALES / f"{lang}.yaml"
    return {**english, **(_read(lang) if path.exists() else {})}


def _read(lang: str) -> dict[str, str]:
    return yaml.safe_load((LOCALES / f"{lang}.yaml").read_text(encoding="utf-8")) or {}


def missing_keys(langs: list[str]) -> list[str]:
    """Every 'lang.key' present in English but absent (or empty) in another language."""
    english = _read("en")
    out = []
    for lang in langs:
        path = LOCALES / f"{lang}.yaml"
        strings = _read(lang) if path.exists() else {}
        out += [f"{lang}.{key}" for key in english if not strings.get(key)]
    return out

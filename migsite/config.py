"""The site's languages, read from mkdocs.yml so that plain Python and MkDocs agree.

Adding a language is one entry under the i18n plugin's `languages` plus one folder
`docs_<code>/`: everything here derives from that list."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool

    @property
    def folder(self) -> str:
        """The locale's source folder, relative to the project root."""
        return "docs" if self.default else f"docs_{self.code}"


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    languages: tuple[Language, ...]
    site_url: str
    edit_base: str  # absolute URL prefix for "edit this page"

    @property
    def default(self) -> Language:
        return next(lang for lang in self.languages if lang.default)

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    def language(self, code: str) -> Language:
        return next(lang for lang in self.languages if lang.code == code)


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may carry !ENV or !!python/name tags; their values do not matter here."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def languages_from_mkdocs(data: dict[str, Any]) -> tuple[Language, ...]:
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return tuple(
                Language(item["locale"], item.get("name", item["locale"]), bool(item.get("default")))
                for item in plugin["i18n"]["languages"]
                if item.get("build", True)
            )
    raise ValueError("mkdocs.yml: no i18n plugin with languages")


def load_mkdocs_yml(root: Path = ROOT) -> dict[str, Any]:
    """mkdocs.yml as plain data (tags such as !ENV read as None)."""
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}  # noqa: S506


@cache
def load_config(root: Path = ROOT) -> SiteConfig:
    data = load_mkdocs_yml(root)
    return SiteConfig(
        root=root,
        languages=languages_from_mkdocs(data),
        site_url=(data.get("site_url") or "").rstrip("/") + "/",
        edit_base=data.get("edit_uri") or "",
    )

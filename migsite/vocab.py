"""Closed vocabularies and the Global Compact reference data, each term labelled per language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError

from .values import url_problem

DATA = Path(__file__).parent / "data"
VOCABULARIES = ("regions", "themes", "principles", "programmes", "audiences")


@dataclass(frozen=True)
class TitleSource:
    """A page where an objective's official title can be read in one language."""

    title: str  # the link text, e.g. "UN Network on Migration: Objective 8"
    url: str  # full http(s) address


@dataclass(frozen=True)
class Objective:
    number: int
    title: dict[str, str]
    short_label: dict[str, str]
    source: dict[str, tuple[TitleSource, ...]]  # language -> the sources of the title in that language
    unverified: tuple[str, ...]

    def slug(self) -> str:
        return f"{self.number:02d}"


@dataclass(frozen=True)
class Vocabulary:
    terms: dict[str, dict[str, dict[str, str]]]  # vocabulary -> term id -> lang -> label
    objectives: dict[int, Objective]
    instrument: dict[str, str]
    country_region: dict[str, str]  # ISO 3166-1 alpha-2 code -> region id (data/countries.yaml)

    def ids(self, vocabulary: str) -> list[str]:
        return list(self.terms[vocabulary])

    def label(self, vocabulary: str, term: str, lang: str) -> str:
        labels = self.terms[vocabulary][term]
        return labels.get(lang) or labels["en"]

    def objective_title(self, number: int, lang: str) -> str:
        o = self.objectives[number]
        return o.title.get(lang) or o.title["en"]

    def objective_label(self, number: int, lang: str) -> str:
        o = self.objectives[number]
        return o.short_label.get(lang) or o.short_label["en"]

    def missing_labels(self, langs: list[str]) -> list[str]:
        """Every (vocabulary, term, language) without a label: the test suite requires none."""
        out = []
        for vocabulary, terms in self.terms.items():
            for term, labels in terms.items():
                out += [f"{vocabulary}.{term}.{lang}" for lang in langs if not labels.get(lang)]
        for o in self.objectives.values():
            out += [f"objectives.{o.number}.title.{lang}" for lang in langs if not o.title.get(lang)]
            out += [
                f"objectives.{o.number}.source.{lang}"
                for lang in langs
                if not o.source.get(lang) and lang not in o.unverified  # unverified: no source, by definition
            ]
        return out


@cache
def load_vocabulary() -> Vocabulary:
    terms = yaml.safe_load((DATA / "vocabulary.yaml").read_text(encoding="utf-8"))
    gcm = yaml.safe_load((DATA / "gcm.yaml").read_text(encoding="utf-8"))
    objectives = {
        o["number"]: Objective(
            number=o["number"],
            title=o["title"],
            short_label=o["short_label"],
            source={lang: title_sources(o["number"], lang, items) for lang, items in (o.get("source") or {}).items()},
            unverified=tuple(o.get("unverified", [])),
        )
        for o in gcm["objectives"]
    }
    return Vocabulary({k: terms[k] for k in VOCABULARIES}, objectives, gcm["instrument"], _country_regions())


def title_sources(number: int, lang: str, items: Any) -> tuple[TitleSource, ...]:
    """The sources of objective `number`'s title in `lang`, checked: each a readable title and a full URL."""
    where = f"migsite/data/gcm.yaml: objective {number}, source.{lang}"
    if not isinstance(items, list) or not items:
        raise ValueError(f"{where}: expected a list of {{title, url}} entries, got {items!r}")
    out = []
    for i, item in enumerate(items, 1):
        if not isinstance(item, dict) or set(item) != {"title", "url"}:
            raise ValueError(f"{where}, entry {i}: expected exactly the keys 'title' and 'url', got {item!r}")
        title, url = item["title"], item["url"]
        if not isinstance(title, str) or not title.strip():
            raise ValueError(f"{where}, entry {i}: the title is empty")
        problem = url_problem(url) if isinstance(url, str) else "a URL as text"
        if problem:
            raise ValueError(f"{where}, entry {i}: {url!r}: expected {problem}")
        out.append(TitleSource(title.strip(), url))
    return tuple(out)


@cache
def _country_regions() -> dict[str, str]:
    """Every assigned ISO 3166-1 alpha-2 code and its one region (data/countries.yaml)."""
    regions = yaml.safe_load((DATA / "countries.yaml").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for region, codes in regions.items():
        for code in codes:
            if code in out:
                raise ValueError(f"migsite/data/countries.yaml: {code} is in both {out[code]} and {region}")
            out[code] = region
    return out


@cache
def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def is_country_code(code: object) -> bool:
    """An assigned ISO 3166-1 alpha-2 code (CLDR's EU, EZ, UN, ZZ, XA... are not)."""
    return isinstance(code, str) and code in _country_regions()


@cache
def country_name(code: str, lang: str) -> str:
    """The country's name in the reader's language, from CLDR (Babel)."""
    name: str = _locale(lang).territories.get(code) or _locale("en").territories.get(code, code)
    return name


@cache
def language_name(lang: str) -> str:
    """A language's own name for itself (endonym), from CLDR."""
    name = _locale(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]

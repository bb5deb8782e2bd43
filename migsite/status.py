"""Translation status per language: translated, outdated, started or missing, from the records and git history.

A translation is *outdated* when its English source has a commit newer than the translation's
baseline, other than commits whose message (subject or body) carries `[skip translation]`. The
baseline is the newest commit that touched the translation itself, or the commit named by its
`translation_of:` field (a translator's acknowledgement: "I checked the English up to this commit")
when that one is newer: committing an updated translation always brings it up to date, with or
without the field. A translation file whose text is still the English text (as `migsite translate`
writes it) is *started*: readers get the English page with the notice until it is translated."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.numbers import format_percent

from . import frontmatter, inputs, scaffold
from .corpus import Site
from .history import History
from .structure import StructureWarning, compare


def format_share(percent: float, locale: str) -> str:
    """A percentage with at most one decimal, in the locale's notation (CLDR percent pattern)."""
    try:
        pattern = Locale.parse(locale.replace("-", "_")).percent_formats[None].pattern
    except (ValueError, UnknownLocaleError):
        pattern = "#,##0%"
    pattern = re.sub(r"0(?=[^0#]*%)", "0.#", pattern, count=1)
    return format_percent(percent / 100, format=pattern, locale=locale.replace("-", "_"))


STATES = ("translated", "outdated", "started", "missing")
STARTED_NOTE = "translation started: its text is still the English one, so readers get the English page"


@dataclass(frozen=True)
class PageStatus:
    path: str
    state: str  # "translated" | "outdated" | "started" (file exists, text still English) | "missing"
    file: str  # the translation file (or where it would go)
    source_file: str
    source_commit: str | None = None  # newest English commit the translation has not followed
    note: str = ""


@dataclass
class LanguageStatus:
    lang: str
    pages: list[PageStatus] = field(default_factory=list)
    warnings: list[StructureWarning] = field(default_factory=list)

    def count(self, state: str) -> int:
        return sum(1 for p in self.pages if p.state == state)

    def percent(self, state: str) -> float:
        return round(100 * self.count(state) / len(self.pages), 1) if self.pages else 100.0

    def percent_text(self, state: str, locale: str) -> str:
        """The share of pages in a state as the language writes it: "93.9%", "93,9 %" (CLDR, via Babel)."""
        return format_share(self.percent(state), locale)

    @property
    def up_to_date_percent(self) -> float:
        return self.percent("translated")

    def summary(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "total": len(self.pages),
            **{s: self.count(s) for s in STATES},
            **{f"{s}_percent": self.percent(s) for s in STATES},
        }


def page_state(site: Site, history: History, lang: str, path: str) -> PageStatus:
    record = site.pages[lang][path]
    folder = site.config.language(lang).folder
    file = f"{folder}/{path}"
    if not record.translated:
        if (site.config.root / file).is_file():  # started (still the English text): shown as the fallback
            return PageStatus(path, "started", file, record.source_file, note=started_note(site, file, path))
        return PageStatus(path, "missing", file, record.source_file)
    if not history.available:
        return PageStatus(path, "translated", file, record.source_file, note=history.reason)
    notes = []
    own = history.of(file)
    baseline = own[0] if own else None
    ack = record.doc.translation_of
    if ack:
        acknowledged, why = history.lookup(str(ack))
        if acknowledged is None:
            notes.append(f"{why}; using the file's own history")
        elif baseline is None or acknowledged.order < baseline.order:
            baseline = acknowledged  # newer than the translation's last commit (e.g. not committed yet)
    note = "; ".join(notes)
    if baseline is None:  # never committed: a new translation, current by definition
        return PageStatus(path, "translated", file, record.source_file, note=note or "not committed yet")
    newer = [c for c in history.of(record.source_file) if c.order < baseline.order and not c.skips_translation]
    if newer:
        return PageStatus(path, "outdated", file, record.source_file, newer[0].sha, note)
    return PageStatus(path, "translated", file, record.source_file, note=note)


def started_note(site: Site, file: str, path: str) -> str:
    """Where a started translation is still in English, for the translator."""
    text = inputs.read_text(site.config.root / file, file)
    parsed = frontmatter.parse(text, file) if isinstance(text, str) else text
    if not isinstance(parsed, frontmatter.Parsed):
        return STARTED_NOTE
    english = site.pages[site.config.default.code][path].body
    lines = scaffold.english_left(parsed.body, english)
    if not lines:
        return STARTED_NOTE
    n = len(lines)
    return (
        f"{STARTED_NOTE}: {n} paragraph{'s' if n != 1 else ''} still in English, "
        f"the first on line {parsed.body_line + lines[0]}"
    )


def translation_status(site: Site, history: History, langs: list[str] | None = None) -> list[LanguageStatus]:
    out = []
    for lang in langs or [code for code in site.config.codes if code != site.config.default.code]:
        status = LanguageStatus(lang)
        for path in site.pages[lang]:
            status.pages.append(page_state(site, history, lang, path))
            record = site.pages[lang][path]
            if record.translated:
                english = site.pages[site.config.default.code][path]
                aliases = {
                    form: src.url.en for src in getattr(english.doc, "sources", ()) for form in src.url.forms.values()
                }
                status.warnings += compare(
                    english.body, record.body, english.file, record.file, record.body_line, aliases
                )
        out.append(status)
    return out


def to_json(statuses: list[LanguageStatus]) -> dict[str, Any]:
    return {
        "languages": [
            {
                **s.summary(),
                "pages": [asdict(p) for p in s.pages if p.state != "translated"],
                "structure_warnings": [str(w) for w in s.warnings],
            }
            for s in statuses
        ]
    }

"""Translation status: translated, outdated or missing, per language, from the records and git history.

A translation is *outdated* when its English source has a commit newer than the translation's
baseline, other than commits marked `[skip translation]`. The baseline is the commit named by the
translation's `translation_of:` field when set (a translator's acknowledgement: "I checked the
English up to this commit"), otherwise the newest commit that touched the translation itself."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .corpus import Site
from .history import History
from .structure import StructureWarning, compare


@dataclass(frozen=True)
class PageStatus:
    path: str
    state: str  # "translated" | "outdated" | "missing"
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

    @property
    def up_to_date_percent(self) -> float:
        return self.percent("translated")

    def summary(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "total": len(self.pages),
            **{s: self.count(s) for s in ("translated", "outdated", "missing")},
            **{f"{s}_percent": self.percent(s) for s in ("translated", "outdated", "missing")},
        }


def page_state(site: Site, history: History, lang: str, path: str) -> PageStatus:
    record = site.pages[lang][path]
    folder = site.config.language(lang).folder
    file = f"{folder}/{path}"
    if not record.translated:
        return PageStatus(path, "missing", file, record.source_file)
    if not history.available:
        return PageStatus(path, "translated", file, record.source_file, note=history.reason)
    baseline = None
    note = ""
    ack = record.doc.translation_of
    if ack:
        baseline = history.resolve(str(ack))
        if baseline is None:
            note = f"translation_of: {ack!r} is not a commit of this repository; using the file's own history"
    if baseline is None:
        own = history.of(file)
        baseline = own[0] if own else None
    if baseline is None:  # never committed: a new translation, current by definition
        return PageStatus(path, "translated", file, record.source_file, note=note or "not committed yet")
    newer = [c for c in history.of(record.source_file) if c.order < baseline.order and not c.skips_translation]
    if newer:
        return PageStatus(path, "outdated", file, record.source_file, newer[0].sha, note)
    return PageStatus(path, "translated", file, record.source_file, note=note)


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

"""Wayfinding for readers: breadcrumbs, related practices, the home page's figures and newest
practices. Plain data (localised text, site-root-relative links); overrides/ draws it."""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from .corpus import Record, Site, practice
from .history import History
from .ui import load_ui
from .views import page_href
from .vocab import country_name


def ancestors(path: str) -> list[str]:
    """The index pages above `path`, from the home page down: practices/x.md -> [index.md, practices/index.md]."""
    parts = PurePosixPath(path).parent.parts
    out = ["index.md"] + [f"{'/'.join(parts[: i + 1])}/index.md" for i in range(len(parts))]
    if PurePosixPath(path).name == "index.md":
        out = out[:-1]
    return [p for p in out if p != path]


def breadcrumb(site: Site, record: Record, lang: str) -> list[dict[str, Any]] | None:
    """Home > section > ... > this page (the last item has no link). None on the home page."""
    if record.path == "index.md":
        return None
    ui = load_ui(lang)
    trail: list[dict[str, Any]] = []
    for path in ancestors(record.path):
        parent = site.get(lang, path)
        if parent is None:
            continue
        text = ui["home"] if path == "index.md" else (parent.title or path)
        trail.append({"text": text, "href": page_href(site, lang, path), "path": path})
    if not trail:
        return None
    trail.append({"text": record.title or record.path, "href": None, "path": record.path})
    return trail


def practice_card(site: Site, record: Record, lang: str) -> dict[str, Any]:
    p = practice(record)
    where = f"{p.city.get(lang)}, {country_name(p.country, lang)}"
    return {
        "id": record.id,
        "title": record.title or record.id,
        "href": page_href(site, lang, record.path),
        "meta": f"{where} · {p.start_year}" if p.start_year else where,
        "summary": record.summary or "",
        "status": p.status,
        "status_label": load_ui(lang)[f"practice_status_{p.status}"],
        "translated": record.translated,
    }


def related_practices(site: Site, record: Record, lang: str, limit: int = 4) -> list[dict[str, Any]]:
    """Practices sharing objectives or themes with `record`, most shared first (an objective counts
    twice a theme), then by title. Each says what it shares."""
    if record.kind != "practice":
        return []
    index = _related_index(site, lang)
    objectives = set(practice(record).objectives)
    themes = set(practice(record).themes)
    scores: dict[str, int] = defaultdict(int)
    for n in objectives:
        for pid in index.by_objective.get(n, ()):
            scores[pid] += 2
    for t in themes:
        for pid in index.by_theme.get(t, ()):
            scores[pid] += 1
    scores.pop(record.id, None)
    best = heapq.nsmallest(limit, scores, key=lambda pid: (-scores[pid], index.sort_title[pid], pid))
    ui = load_ui(lang)
    out = []
    for pid in best:
        other = index.records[pid]
        card = practice_card(site, other, lang)
        shared = [ui["objective_n"].format(n=n) for n in sorted(objectives & set(practice(other).objectives))]
        shared += [site.vocab.label("themes", t, lang) for t in practice(other).themes if t in themes]
        card["shared"] = shared
        out.append(card)
    return out


@dataclass
class _RelatedIndex:
    records: dict[str, Record]  # practice id -> record
    sort_title: dict[str, str]  # practice id -> its title as sorted (case-folded)
    by_objective: dict[int, list[str]]  # objective -> practice ids
    by_theme: dict[str, list[str]]  # theme -> practice ids


def _related_index(site: Site, lang: str) -> _RelatedIndex:
    """Practices by objective and by theme, built once per language: every practice page asks (a page
    costs what its shared objectives and themes list, not a pass over every practice)."""
    key = ("related", lang)
    if key not in site.derived:
        index = _RelatedIndex({}, {}, defaultdict(list), defaultdict(list))
        for r in site.practices(lang):
            index.records[r.id] = r
            index.sort_title[r.id] = (r.title or r.id).casefold()
            for n in set(practice(r).objectives):
                index.by_objective[n].append(r.id)
            for t in set(practice(r).themes):
                index.by_theme[t].append(r.id)
        site.derived[key] = index
    index = site.derived[key]
    if not isinstance(index, _RelatedIndex):
        raise TypeError(f"site.derived[{key!r}] is not a related-practice index")
    return index


def first_seen(history: History, record: Record) -> int:
    """When the practice's English file was first committed (0 when git does not know)."""
    commits = history.of(record.source_file) if history.available else []
    return commits[-1].timestamp if commits else 0


def home(site: Site, history: History, lang: str, newest: int = 6) -> dict[str, Any]:
    """Live figures of the site and its newest practices (first committed last; start year as tie-break)."""
    practices = site.practices(lang)
    docs = [practice(r) for r in practices]
    cities = {(p.country, p.city.en) for p in docs}
    countries = {p.country for p in docs}
    covered = {n for p in docs for n in p.objectives}
    ordered = sorted(
        practices,
        key=lambda r: (first_seen(history, r), practice(r).start_year or 0, r.id),
        reverse=True,
    )
    return {
        "figures": {
            "practices": len(practices),
            "cities": len(cities),
            "countries": len(countries),
            "languages": len(site.config.codes),
            "objectives": len(covered),
            "objectives_total": len(site.vocab.objectives),
        },
        "newest": [practice_card(site, r, lang) for r in ordered[:newest]],
    }

"""View models: plain dicts of already-localised text and site-root-relative links, for the
Jinja templates in overrides/. No HTML here: templates escape and lay out."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from babel.dates import format_date

from .corpus import Record, Site
from .history import History
from .ui import load_ui
from .vocab import country_name


def lang_prefix(site: Site, lang: str) -> str:
    """URL prefix of a language relative to the site root: '' for the default, 'fr/' otherwise."""
    return "" if lang == site.config.default.code else f"{lang}/"


def page_href(site: Site, lang: str, path: str) -> str:
    """Site-root-relative URL of the page at `path` (locale-relative .md path) in `lang`."""
    record = site.get(lang, path)
    url = record.url if record else path.removesuffix(".md") + "/"
    return lang_prefix(site, lang) + url


def objective_path(number: int) -> str:
    return f"compact/objectives/{number:02d}.md"


def city_name(record: Record, lang: str) -> str:
    return (record.facts.get("city_names") or {}).get(lang) or record.facts["city"]


def objective_links(site: Site, lang: str, numbers: list[int]) -> list[dict[str, Any]]:
    ui = load_ui(lang)
    return [
        {
            "text": ui["objective_label"].format(n=n, label=site.vocab.objective_label(n, lang)),
            "title": site.vocab.objective_title(n, lang),
            "href": page_href(site, lang, objective_path(n)) if site.get(lang, objective_path(n)) else None,
        }
        for n in numbers
    ]


def terms(site: Site, lang: str, vocabulary: str, ids: list[str]) -> list[dict[str, Any]]:
    return [{"text": site.vocab.label(vocabulary, t, lang), "href": None} for t in ids]


def fact_box(site: Site, record: Record, lang: str) -> dict[str, Any] | None:
    """The generated box of facts for a practice or a recommendation, in the reader's language."""
    ui = load_ui(lang)
    f = record.facts
    rows: list[dict[str, Any]] = []

    def row(key: str, items: list[dict[str, Any]], note: str | None = None) -> None:
        if items:
            rows.append({"key": key, "label": ui[key], "items": items, "note": note})

    if record.kind == "practice":
        row("city", [{"text": city_name(record, lang), "href": None}])
        row("country", [{"text": country_name(f["country"], lang), "href": None}])
        row("region", terms(site, lang, "regions", [f["region"]]))
        year = f["start_year"]
        row("start_year", [{"text": str(year) if year else ui["year_unknown"], "href": None}])
        row("themes", terms(site, lang, "themes", f["themes"]))
        row("objectives", objective_links(site, lang, f["objectives"]), ui["objectives_note"])
        row("principles", terms(site, lang, "principles", f["principles"]))
        row("programmes", terms(site, lang, "programmes", f.get("programmes") or []))
        row("partners", [{"text": p, "href": None} for p in f.get("partners") or []])
    elif record.kind == "recommendation":
        row("audience", terms(site, lang, "audiences", f["audience"]))
        row("objectives", objective_links(site, lang, f["objectives"]))
        practices = [site.get(lang, f"practices/{pid}.md") for pid in f.get("practices") or []]
        row(
            "related_practices",
            [{"text": p.title, "href": page_href(site, lang, p.path)} for p in practices if p is not None],
        )
    elif record.kind == "page" and record.objectives:
        row("objectives", objective_links(site, lang, record.objectives))
        return {"title": ui["related_objectives"], "rows": rows}
    else:
        return None
    row("sources", [{"text": s["title"], "href": s["url"], "external": True} for s in f["sources"]])
    return {"title": ui["facts_title"], "rows": rows}


def last_updated(history: History, record: Record, lang: str) -> dict[str, str] | None:
    """When the file that supplies the page's words last changed, as a date in the reader's language."""
    commits = history.of(record.file) if history.available else []
    if not commits:
        return None
    day = datetime.fromtimestamp(commits[0].timestamp, tz=UTC).date()
    return {"iso": day.isoformat(), "text": format_date(day, format="long", locale=lang)}


def objective_header(site: Site, record: Record, lang: str) -> dict[str, Any] | None:
    """Number, official title with its source, and the unofficial-wording note where it applies."""
    if record.kind != "objective":
        return None
    ui = load_ui(lang)
    o = site.vocab.objectives[record.facts["number"]]
    return {
        "number": o.number,
        "label": ui["objective_n"].format(n=o.number),
        "short_label": site.vocab.objective_label(o.number, lang),
        "title": site.vocab.objective_title(o.number, lang),
        "source": o.source.get(lang),
        "unofficial": lang in o.unverified or lang not in o.title,
    }

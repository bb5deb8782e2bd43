"""View models: plain dicts of already-localised text and site-root-relative links, for the
Jinja templates in overrides/. No HTML here: templates escape and lay out."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from babel.dates import format_date
from babel.numbers import format_currency

from .corpus import Record, Site
from .history import History
from .l10n import format_count
from .model import Objective, Practice, Recommendation, Spec, attribute, specs
from .ui import load_ui
from .values import Source
from .vocab import country_name

Item = dict[str, Any]  # one displayed value: text, href (None: plain text), and display extras


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


def objective_links(site: Site, lang: str, numbers: tuple[int, ...]) -> list[Item]:
    ui = load_ui(lang)
    return [
        {
            "text": ui["objective_label"].format(n=n, label=site.vocab.objective_label(n, lang)),
            "title": site.vocab.objective_title(n, lang),
            "href": page_href(site, lang, objective_path(n)) if site.get(lang, objective_path(n)) else None,
        }
        for n in numbers
    ]


def _text(text: str, **extra: Any) -> Item:
    return {"text": text, "href": None, **extra}


def _link(text: str, href: str | None) -> Item:
    return {"text": text, "href": href, "external": href is not None}


def display_items(site: Site, lang: str, name: str, spec: Spec, value: Any) -> list[Item]:
    """A fact as the items of a fact-box row, in the reader's language (one rule per display)."""
    ui = load_ui(lang)
    vocab = site.vocab
    if value is None or value == ():
        if spec.display == "year" and spec.required:
            return [_text(ui["year_unknown"], missing=True)]
        return []
    match spec.display:
        case "text":
            return [_text(value)]
        case "local":
            return [_text(value.get(lang))]
        case "locals":
            return [_text(v.get(lang)) for v in value]
        case "country":
            return [_text(country_name(value, lang))]
        case "term":
            return [_text(vocab.label(spec.vocabulary or name, value, lang))]
        case "terms":
            return [_text(vocab.label(spec.vocabulary or name, t, lang)) for t in value]
        case "objectives":
            return objective_links(site, lang, value)
        case "year":
            return [_text(str(value))]
        case "status":
            return [_text(ui[f"practice_status_{value}"], badge=value)]
        case "date":
            return [_text(format_date(value, format="long", locale=lang), iso=value.isoformat())]
        case "reach":
            text = format_count(ui["reach_value"], lang, n=value.number)
            if value.year:
                text += f" ({value.year})"
            return [_link(text, value.source)]
        case "evidence":
            return [_link(str(value.year), value.source)]
        case "funding":
            parts = [value.source.get(lang)]
            if value.amount is not None:
                parts.append(format_currency(value.amount, value.currency, locale=lang))
            if value.year:
                parts.append(str(value.year))
            return [_text(", ".join(parts))]
        case "legal":
            return [_link(act.title.get(lang) + (f" ({act.year})" if act.year else ""), act.url) for act in value]
        case "sources":
            return [source_item(src, lang) for src in value]
        case "refs":
            records = [site.get(lang, f"practices/{pid}.md") for pid in value]
            return [{"text": r.title, "href": page_href(site, lang, r.path)} for r in records if r is not None]
    return []


def source_item(src: Source, lang: str) -> Item:
    ui = load_ui(lang)
    return {**_link(src.title.get(lang), src.url.get(lang)), "type": src.type, "type_label": ui[f"source_{src.type}"]}


def fact_box(site: Site, record: Record, lang: str) -> dict[str, Any] | None:
    """The generated box of facts of a page, in the reader's language: one row per field the model
    shows in the fact box, key facts first (each row: key, label, items, note, primary)."""
    ui = load_ui(lang)
    doc = record.doc
    rows: list[dict[str, Any]] = []
    for name, spec in specs(type(doc)).items():
        if not spec.factbox:
            continue
        items = display_items(site, lang, name, spec, getattr(doc, attribute(name)))
        if items:
            note = ui["objectives_note"] if spec.display == "objectives" and record.kind == "practice" else None
            rows.append(
                {"key": name, "label": ui[spec.label or name], "items": items, "note": note, "primary": spec.key}
            )
    if not rows:
        return None
    rows.sort(key=lambda r: not r["primary"])  # stable: key facts first, each group in model order
    title = ui["related_objectives"] if record.kind == "page" else ui["facts_title"]
    return {"title": title, "rows": rows}


def sources(record: Record, lang: str) -> dict[str, Any] | None:
    """The sources of a practice or recommendation, listed once, after the prose."""
    doc = record.doc
    if not isinstance(doc, Practice | Recommendation):
        return None
    reason = doc.no_official_source if isinstance(doc, Practice) else None
    return {"items": [source_item(src, lang) for src in doc.sources], "no_official_source": reason}


def last_updated(history: History, record: Record, lang: str) -> dict[str, str] | None:
    """When the file that supplies the page's words last changed, as a date in the reader's language."""
    commits = history.of(record.file) if history.available else []
    if not commits:
        return None
    day = datetime.fromtimestamp(commits[0].timestamp, tz=UTC).date()
    return {"iso": day.isoformat(), "text": format_date(day, format="long", locale=lang)}


# Objective 1 is paragraph 17 of the Compact (annex to A/RES/73/195), objective 23 paragraph 39.
FIRST_OBJECTIVE_PARAGRAPH = 17


def objective_header(site: Site, record: Record, lang: str) -> dict[str, Any] | None:
    """Number, official title with its source, and the unofficial-wording note where it applies."""
    if not isinstance(record.doc, Objective):
        return None
    ui = load_ui(lang)
    o = site.vocab.objectives[record.doc.number]
    return {
        "number": o.number,
        "paragraph": o.number + FIRST_OBJECTIVE_PARAGRAPH - 1,
        "label": ui["objective_n"].format(n=o.number),
        "short_label": site.vocab.objective_label(o.number, lang),
        "title": site.vocab.objective_title(o.number, lang),
        # the pages where the title can be read in this language, each as a link: {"text", "href"}
        "sources": [{"text": src.title, "href": src.url} for src in o.source.get(lang, ())],
        "unofficial": lang in o.unverified or lang not in o.title,
    }

"""Starting points for contributors and translators: a new practice page, a new translation."""

from __future__ import annotations

import argparse
import datetime
import re
from pathlib import Path

import yaml

from . import frontmatter, inputs
from .config import SiteConfig
from .model import MODELS, specs
from .schema import SLUG

TODO = "TODO"
# Optional facts of the practice record (migsite/model.py), as commented lines to fill in or delete.
OPTIONAL = """\
# Optional facts: uncomment what a source gives (see CONTRIBUTING.md, "practice").
# end_year: 2021                       # with status: ended
# implementing_body: City department or agency that runs it
# partners: [Partner organisation]
# target_group: Who it is for
# reach: {number: 1000, year: 2024, source: https://the-url-of-one-of-the-sources}
# funding: {source: City budget, amount: 100000, currency: EUR, year: 2024}
# legal_basis: [{title: Ordinance or council decision, url: https://..., year: 2016}]
# no_official_source: Why no official (city, government, UN) source exists, if none does
"""
# The body's headings (one set per language: _ui.yaml section_*), each with what belongs in it.
SECTIONS = (
    ("Context", "TODO: why the city acted (250-600 words in all, every fact from a source)."),
    ("What the city did", "TODO"),
    ("Who was involved", "TODO"),
    (
        "Results",
        "TODO: what the sources report it achieved, with year and source; or one sentence saying that no "
        "evaluation has been published.",
    ),
    ("Lessons learned", "TODO: what other cities can learn, attributed to the source that says it."),
)


class ScaffoldError(Exception):
    pass


MIN_PARAGRAPH_WORDS = 8  # a shorter paragraph may be the same in every language (a name, a figure)
_LIST_ITEM = re.compile(r"\n(?=[ \t]*(?:[-*+]|\d+\.)[ \t])")
_SKIPPED = ("#", "|", "[^", ">", "<!--")  # headings, tables, footnote definitions, quotations, comments


def prose_paragraphs(body: str) -> list[tuple[int, str]]:
    """(line, text with spaces normalised) of each prose paragraph or list item of a Markdown body: not
    code, headings, tables, footnote definitions (source titles stay in their language), quotations,
    or paragraphs with a web address."""
    out: list[tuple[int, str]] = []
    fence = None
    block: list[str] = []
    start = 0

    def flush() -> None:
        text = "\n".join(block)
        line = start
        for item in _LIST_ITEM.split(text):
            stripped = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", item).strip()
            words = re.findall(r"[^\W\d_]+", stripped)
            prose = stripped and not stripped.startswith(_SKIPPED) and "://" not in stripped
            if prose and len(words) >= MIN_PARAGRAPH_WORDS:
                out.append((line, " ".join(stripped.split())))
            line += item.count("\n") + 1

    for i, line in enumerate(body.split("\n")):
        marker = re.match(r"\s*(`{3,}|~{3,})", line)
        if fence is not None:
            if marker and marker.group(1)[0] == fence:
                fence = None
            continue
        if marker:
            fence = marker.group(1)[0]
            continue
        if line.strip():
            if not block:
                start = i
            block.append(line)
        elif block:
            flush()
            block = []
    if block:
        flush()
    return out


def english_left(body: str, english_body: str) -> list[int]:
    """0-based lines of `body` where a paragraph of the English body is still there, word for word."""
    english = {text for _, text in prose_paragraphs(english_body)}
    return [line for line, text in prose_paragraphs(body) if text in english]


def still_english(body: str, english_body: str) -> bool:
    """A started translation: its prose is still the English prose (as `start_translation` writes it),
    or some paragraph of at least MIN_PARAGRAPH_WORDS words is still the English one, word for word
    (a translation half done). It is served as the English fallback, with the notice, and counted as
    started until then. Pages without prose (generated ones) never count as started."""
    english = " ".join(english_body.split())
    if not english:
        return False
    return " ".join(body.split()) == english or bool(english_left(body, english_body))


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def new_practice(config: SiteConfig, args: argparse.Namespace) -> Path:
    """Write docs/practices/<id>.md with every required field; values not given are TODO and the
    validator (run right after) says what each one expects."""
    if not SLUG.match(args.id):
        raise ScaffoldError(f"id {args.id!r}: use lower-case words and hyphens, e.g. lyon-welcome-desk")
    path = config.root / config.default.folder / "practices" / f"{args.id}.md"
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(config.root)} already exists")
    meta = {
        "kind": "practice",
        "title": args.title or "",
        "summary": args.summary or "",
        "city": args.city or "",
        "country": args.country or TODO,
        "region": args.region or TODO,
        "status": args.status or TODO,
        "start_year": args.start_year,
        "themes": _split(args.themes) or [TODO],
        "objectives": [int(n) if n.isdigit() else n for n in _split(args.objectives)] or [TODO],
        "principles": _split(args.principles) or [TODO],
        "last_verified": datetime.date.today().isoformat(),
        "sources": [
            {"title": args.source_title or "", "url": args.source_url or TODO, "type": args.source_type or TODO}
        ],
    }
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100).replace(
        f"last_verified: '{meta['last_verified']}'", f"last_verified: {meta['last_verified']}"
    )
    body = "".join(f"\n## {heading}\n\n{hint}\n" for heading, hint in SECTIONS)
    text = "---\n" + head + OPTIONAL + "---\n" + body
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def start_translation(config: SiteConfig, page: str, locale: str) -> Path:
    """Copy an English page's words (title, summary, prose) to docs_<locale>/ at the same path.

    Facts are not copied: the translation inherits them from the English page."""
    if locale not in config.codes or locale == config.default.code:
        others = [c for c in config.codes if c != config.default.code]
        raise ScaffoldError(f"locale {locale!r}: translations go to one of {', '.join(others)}")
    source = (config.root / page).resolve()
    english_root = (config.root / config.default.folder).resolve()
    if not source.is_file() or english_root not in source.parents:
        raise ScaffoldError(f"{page}: not an English page under {config.default.folder}/")
    rel = source.relative_to(english_root)
    target = config.root / config.language(locale).folder / rel
    if target.exists():
        raise ScaffoldError(f"{target.relative_to(config.root)} already exists")
    text = inputs.read_text(source, page)
    parsed = text if not isinstance(text, str) else frontmatter.parse(text, page)
    if not isinstance(parsed, frontmatter.Parsed):
        raise ScaffoldError(str(parsed))
    model = MODELS.get(parsed.meta.get("kind", "page"), MODELS["page"])
    words = {name: parsed.meta[name] for name, spec in specs(model).items() if not spec.fact and name in parsed.meta}
    words.pop("translation_of", None)
    head = "---\n" + yaml.safe_dump(words, allow_unicode=True, sort_keys=False, width=100) + "---\n" if words else ""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(head + parsed.body, encoding="utf-8")
    return target

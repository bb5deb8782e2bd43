"""Load and validate every page of every language into records, with facts merged from English.

Plain Python: no MkDocs import. The MkDocs hooks and the command line both call `load_site`."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from . import frontmatter, inputs, layout, scaffold
from .config import SiteConfig
from .errors import ContentError, ContentErrors, FieldError
from .schema import SCHEMAS, SLUG, Field
from .vocab import Vocabulary, load_vocabulary


@dataclass
class Record:
    """One page as a reader of one language gets it."""

    path: str  # relative to the locale folder, POSIX: "practices/nyc-idnyc.md"
    lang: str  # the language of the build that serves it
    file: str  # the file that supplied its words, relative to the project root
    source_file: str  # the English file that supplies its facts
    kind: str
    facts: dict[str, Any]
    words: dict[str, Any]
    body: str
    translated: bool  # False: English content served as a fallback under /<lang>/
    body_line: int = 1  # line of `file` where the body starts

    @property
    def id(self) -> str:
        return PurePosixPath(self.path).stem

    @property
    def title(self) -> str | None:
        return self.words.get("title")

    @property
    def objectives(self) -> list[int]:
        if self.kind == "objective":
            return []
        return list(self.facts.get("objectives") or [])

    @property
    def url(self) -> str:
        """URL relative to the language root, with directory URLs ("practices/nyc-idnyc/")."""
        p = PurePosixPath(self.path)
        parts = list(p.parent.parts) if p.stem in ("index", "README") else [*p.parent.parts, p.stem]
        return "/".join(parts) + "/" if parts else ""


@dataclass
class Site:
    config: SiteConfig
    vocab: Vocabulary
    pages: dict[str, dict[str, Record]] = field(default_factory=dict)  # lang -> path -> record

    def records(self, lang: str, kind: str | None = None) -> list[Record]:
        return [r for r in self.pages[lang].values() if kind is None or r.kind == kind]

    def practices(self, lang: str) -> list[Record]:
        return sorted(self.records(lang, "practice"), key=lambda r: r.id)

    def get(self, lang: str, path: str) -> Record | None:
        return self.pages.get(lang, {}).get(path)


def _markdown_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.rglob("*.md") if not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _fields(kind: str) -> dict[str, Field]:
    return {f.name: f for f in SCHEMAS[kind]}


def _validate(
    meta: dict[str, Any], kind: str, file: str, lines: dict[str, int], vocab: Vocabulary, errors: list[ContentError]
) -> dict[str, Any]:
    """Check each field of an English page; return the normalised values of the good ones."""
    fields = _fields(kind)
    clean: dict[str, Any] = {}
    for name, value in meta.items():
        f = fields.get(name)
        if f is None:
            errors.append(
                ContentError(file, name, value, f"a field of a {kind} page ({', '.join(fields)})", lines.get(name))
            )
            continue
        try:
            clean[name] = f.check(value, vocab)
        except FieldError as exc:
            errors.append(ContentError(file, name, value, exc.expected, lines.get(name)))
    for f in fields.values():
        if f.required and f.name not in meta:
            errors.append(ContentError(file, f.name, None, f"this required field of a {kind} page", 2))
    clean.setdefault("kind", kind)
    return clean


def _kind(meta: dict[str, Any], file: str, errors: list[ContentError]) -> str | None:
    names = {k: [f.name for f in v] for k, v in SCHEMAS.items()}
    if "kind" not in meta and (guess := layout.missing_kind(meta, names)):
        errors.append(ContentError(file, None, None, guess, 2))  # one error, not one per field of that kind
        return None
    kind = meta.get("kind", "page")
    if kind not in SCHEMAS:
        errors.append(ContentError(file, "kind", kind, f"one of {', '.join(SCHEMAS)}", None))
        return None
    return kind


def load_site(config: SiteConfig, vocab: Vocabulary | None = None) -> Site:
    """Load every language; raise ContentErrors listing every problem found."""
    vocab = vocab or load_vocabulary()
    errors: list[ContentError] = layout.check_project(config)  # stray files, raw HTML, pages out of place
    site = Site(config, vocab)
    default = config.default
    english: dict[str, tuple[str, dict[str, Any], str, int]] = {}  # path -> (kind, clean meta, body, body line)

    # 1. English: the source of every fact.
    src_root = config.root / default.folder
    for path in _markdown_files(src_root):
        rel = path.relative_to(src_root).as_posix()
        file = f"{default.folder}/{rel}"
        text = inputs.read_text(path, file)
        parsed = text if isinstance(text, ContentError) else frontmatter.parse(text, file)
        if isinstance(parsed, ContentError):
            errors.append(parsed)
            continue
        kind = _kind(parsed.meta, file, errors)
        if kind is None:
            continue
        clean = _validate(parsed.meta, kind, file, parsed.field_lines, vocab, errors)
        english[rel] = (kind, clean, parsed.body, parsed.body_line)

    # practice files that failed to load: a reference to one is not also reported as "not found"
    unread = {p.stem for p in _markdown_files(src_root / "practices")} - {PurePosixPath(r).stem for r in english}
    _check_identities(english, default.folder, errors, unread)

    site.pages[default.code] = {}
    for rel, (kind, clean, body, body_line) in english.items():
        facts, words = _split(kind, clean)
        file = f"{default.folder}/{rel}"
        site.pages[default.code][rel] = Record(rel, default.code, file, file, kind, facts, words, body, True, body_line)

    # 2. Translations: words only; facts must be absent or identical to the English ones.
    for lang in config.languages:
        if lang.default:
            continue
        pages: dict[str, Record] = {}
        root = config.root / lang.folder
        for path in _markdown_files(root):
            rel = path.relative_to(root).as_posix()
            file = f"{lang.folder}/{rel}"
            en_file = f"{default.folder}/{rel}"
            text = inputs.read_text(path, file)
            parsed = text if isinstance(text, ContentError) else frontmatter.parse(text, file)
            if isinstance(parsed, ContentError):
                errors.append(parsed)
                continue
            if rel not in english:
                if (src_root / rel).exists():
                    continue  # the English page itself failed; its error is already listed
                errors.append(
                    ContentError(
                        file, None, None, f"a translation needs its English source {en_file}, which does not exist"
                    )
                )
                continue
            kind, en_clean, en_body, _ = english[rel]
            words = _translation_words(parsed, kind, en_clean, file, en_file, vocab, errors)
            if scaffold.still_english(parsed.body, en_body):
                continue  # a started translation: the English fallback below serves it
            facts, en_words = _split(kind, en_clean)
            merged = {**en_words, **words}
            pages[rel] = Record(rel, lang.code, file, en_file, kind, facts, merged, parsed.body, True, parsed.body_line)
        # 3. Fallback: English pages with no translation are served in English under /<lang>/.
        for rel, record in site.pages[default.code].items():
            if rel not in pages:
                pages[rel] = Record(
                    rel,
                    lang.code,
                    record.file,
                    record.file,
                    record.kind,
                    record.facts,
                    dict(record.words),
                    record.body,
                    False,
                )
        site.pages[lang.code] = dict(sorted(pages.items()))

    if errors:
        raise ContentErrors(errors)
    for lang, pages in site.pages.items():
        for record in pages.values():
            if record.kind == "objective":
                record.words["title"] = vocab.objective_title(record.facts["number"], lang)
    return site


def _split(kind: str, clean: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    fields = _fields(kind)
    facts = {k: v for k, v in clean.items() if fields[k].fact}
    words = {k: v for k, v in clean.items() if not fields[k].fact}
    return facts, words


def _translation_words(
    parsed: frontmatter.Parsed,
    kind: str,
    en_clean: dict[str, Any],
    file: str,
    en_file: str,
    vocab: Vocabulary,
    errors: list[ContentError],
) -> dict[str, Any]:
    fields = _fields(kind)
    words: dict[str, Any] = {}
    for name, value in parsed.meta.items():
        line = parsed.field_lines.get(name)
        f = fields.get(name)
        if f is None:
            errors.append(ContentError(file, name, value, f"a field of a {kind} page ({', '.join(fields)})", line))
            continue
        try:
            clean = f.check(value, vocab)
        except FieldError as exc:
            errors.append(ContentError(file, name, value, exc.expected, line))
            continue
        if not f.fact:
            words[name] = clean
        elif clean != en_clean.get(name, None if name != "kind" else "page"):
            errors.append(
                ContentError(
                    file,
                    name,
                    value,
                    f"the English value {en_clean.get(name)!r} from {en_file}: facts live only in the English "
                    "page; remove this field from the translation",
                    line,
                )
            )
    for f in fields.values():
        if f.required and not f.fact and f.name not in words:
            errors.append(ContentError(file, f.name, None, f"this required field of a {kind} page (translated)", 2))
    return words


def _check_identities(
    english: dict[str, tuple[str, dict[str, Any], str, int]],
    folder: str,
    errors: list[ContentError],
    unread: set[str] = frozenset(),
) -> None:
    """Ids and numbers that other pages refer to must be unique and resolvable."""
    by_key: dict[tuple[str, Any], list[str]] = defaultdict(list)
    practice_ids = set()
    for rel, (kind, clean, _, _) in english.items():
        stem = PurePosixPath(rel).stem
        if kind == "practice":
            if not SLUG.match(stem):
                errors.append(
                    ContentError(f"{folder}/{rel}", "id", stem, "a file name of lower-case words and hyphens")
                )
            by_key[("practice id", stem)].append(rel)
            practice_ids.add(stem)
        elif kind in ("recommendation", "objective") and "number" in clean:
            by_key[(f"{kind} number", clean["number"])].append(rel)
    for (what, key), rels in by_key.items():
        if len(rels) > 1:
            for rel in rels:
                others = ", ".join(f"{folder}/{r}" for r in rels if r != rel)
                errors.append(ContentError(f"{folder}/{rel}", what, key, f"a unique {what} (also used by {others})"))
    for rel, (kind, clean, _, _) in english.items():
        refs = clean.get("practices", []) if kind == "recommendation" else []
        unknown = [p for p in refs if p not in practice_ids and p not in unread]
        if unknown:
            errors.append(
                ContentError(
                    f"{folder}/{rel}", "practices", unknown, f"ids of practice pages ({', '.join(unknown)} not found)"
                )
            )

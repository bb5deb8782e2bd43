"""Load and validate every page of every language into records, with facts merged from English.

Plain Python: no MkDocs import. The MkDocs hooks and the command line both call `load_site`."""

from __future__ import annotations

import dataclasses
import datetime
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path, PurePosixPath
from typing import Any

from . import frontmatter, inputs, layout, scaffold
from .config import SiteConfig
from .errors import ContentError, ContentErrors, FieldError
from .memo import Memo
from .model import MODELS, Doc, Objective, Practice, Recommendation, attribute, build, specs, with_words
from .schema import SLUG
from .values import LocalText
from .vocab import Vocabulary, load_vocabulary


@dataclass
class Record:
    """One page as a reader of one language gets it."""

    path: str  # relative to the locale folder, POSIX: "practices/nyc-idnyc.md"
    lang: str  # the language of the build that serves it
    file: str  # the file that supplied its words, relative to the project root
    source_file: str  # the English file that supplies its facts
    doc: Doc  # the typed front matter: English facts, this language's words
    body: str
    translated: bool  # False: English content served as a fallback under /<lang>/
    body_line: int = 1  # line of `file` where the body starts

    @property
    def kind(self) -> str:
        return self.doc.kind

    @property
    def id(self) -> str:
        return posixpath.splitext(posixpath.basename(self.path))[0]

    @property
    def title(self) -> str | None:
        return self.doc.title

    @property
    def summary(self) -> str | None:
        return self.doc.summary

    @property
    def objectives(self) -> tuple[int, ...]:
        return self.doc.objectives_declared

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
    # Data derived from the pages on first use, by whoever needs it (the pages do not change after
    # load_site): key -> value, e.g. ("practices", "fr") -> the French practices by id.
    derived: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False, compare=False)

    def records(self, lang: str, kind: str | None = None) -> list[Record]:
        return [r for r in self.pages[lang].values() if kind is None or r.kind == kind]

    def practices(self, lang: str) -> list[Record]:
        """The practices of a language, by id (a new list each call; the records are shared)."""
        key = ("practices", lang)
        if key not in self.derived:
            self.derived[key] = sorted(self.records(lang, "practice"), key=lambda r: r.id)
        return list(self.derived[key])

    def get(self, lang: str, path: str) -> Record | None:
        return self.pages.get(lang, {}).get(path)


def practice(record: Record) -> Practice:
    """The typed practice of a record of kind practice."""
    if not isinstance(record.doc, Practice):
        raise TypeError(f"{record.file} is a {record.kind} page, not a practice")
    return record.doc


def _markdown_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.rglob("*.md") if not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _check_fields(
    meta: dict[str, Any],
    model: type[Doc],
    file: str,
    lines: dict[str, int],
    vocab: Vocabulary,
    errors: list[ContentError],
    translation: bool = False,
) -> dict[str, Any]:
    """Check each field; return the typed values of the good ones (front-matter names)."""
    fields = specs(model)
    allowed = [n for n, f in fields.items() if not (translation and f.fact)]
    clean: dict[str, Any] = {}
    for name, value in meta.items():
        spec = fields.get(name)
        if spec is None:
            errors.append(
                ContentError(
                    file, name, value, f"a field of a {model.KIND} page ({', '.join(allowed)})", lines.get(name)
                )
            )
            continue
        try:
            clean[name] = spec.check(value, vocab)
        except FieldError as exc:
            errors.append(ContentError(file, name, value, exc.expected, lines.get(name)))
    where = "translated" if translation else model.KIND
    for name, spec in fields.items():
        if spec.required and name not in meta and (not translation or not spec.fact):
            errors.append(ContentError(file, name, None, f"this required field of a {where} page", 2))
    return clean


def _kind(meta: dict[str, Any], file: str, line: int | None, errors: list[ContentError]) -> type[Doc] | None:
    names = {kind: list(specs(model)) for kind, model in MODELS.items()}
    if "kind" not in meta and (guess := layout.missing_kind(meta, names)):
        errors.append(ContentError(file, None, None, guess, 2))  # one error, not one per field of that kind
        return None
    kind = meta.get("kind", "page")
    if kind not in MODELS:
        errors.append(ContentError(file, "kind", kind, f"one of {', '.join(MODELS)}", line))
        return None
    return MODELS[kind]


def _english_doc(parsed: frontmatter.Parsed, file: str, vocab: Vocabulary) -> tuple[Doc | None, list[ContentError]]:
    """The typed document of an English page (None when its fields have errors), and its errors."""
    errors: list[ContentError] = []
    model = _kind(parsed.meta, file, parsed.field_lines.get("kind"), errors)
    if model is None:
        return None, errors
    clean = _check_fields(parsed.meta, model, file, parsed.field_lines, vocab, errors)
    if errors:
        return None, errors
    clean.setdefault("kind", model.KIND)
    doc = build(model, clean)
    for name, value, expected in doc.problems(vocab):
        errors.append(ContentError(file, name, value, expected, parsed.field_lines.get(name)))
    return doc, errors


def _translation(
    parsed: frontmatter.Parsed, en_doc: Doc, en_body: str, file: str, en_file: str, vocab: Vocabulary
) -> tuple[Doc | None, list[ContentError]]:
    """A translation's document (None while its body is still the English one: a started
    translation), and its errors."""
    errors: list[ContentError] = []
    words = _translation_words(parsed, en_doc, file, en_file, vocab, errors)
    if scaffold.still_english(parsed.body, en_body):
        return None, errors
    return with_words(en_doc, words), errors


# The work of each file, kept between the rounds of `mkdocs serve` (see migsite/memo.py).
MEMO = Memo()


def parse(text: str, file: str) -> frontmatter.Parsed | ContentError:
    """frontmatter.parse through the memo: the layout checks and the loader parse a page once."""
    return MEMO.get(("parse", file, text), frontmatter.parse, text, file)


def _read(path: Path, file: str) -> tuple[str, frontmatter.Parsed] | ContentError:
    """A page's text and parsed front matter, or the error that stops it."""
    text = inputs.read_text(path, file)
    if isinstance(text, ContentError):
        return text
    parsed = parse(text, file)
    return parsed if isinstance(parsed, ContentError) else (text, parsed)


def load_site(config: SiteConfig, vocab: Vocabulary | None = None) -> Site:
    """Load every language; raise ContentErrors listing every problem found."""
    vocab = vocab or load_vocabulary()
    MEMO.new_round(vocab)
    errors: list[ContentError] = layout.check_project(config, MEMO)  # stray files, raw HTML, misplaced pages
    site = Site(config, vocab)
    default = config.default
    english: dict[str, tuple[Doc, str, int]] = {}  # path -> (document, body, body line)
    failed: set[str] = set()  # English pages with errors: their translations are not checked further
    english_text: dict[str, str] = {}  # path -> the English file's text (a translation's memo key)

    # 1. English: the source of every fact.
    src_root = config.root / default.folder
    for path in _markdown_files(src_root):
        rel = path.relative_to(src_root).as_posix()
        file = f"{default.folder}/{rel}"
        read = _read(path, file)
        if isinstance(read, ContentError):
            errors.append(read)
            failed.add(rel)
            continue
        text, parsed = read
        doc, found = MEMO.get(("english", file, text), _english_doc, parsed, file, vocab)
        errors += found
        if doc is None:
            failed.add(rel)
            continue
        english[rel] = (doc, parsed.body, parsed.body_line)
        english_text[rel] = text

    _check_identities(english, failed, default.folder, errors)

    site.pages[default.code] = {}
    for rel, (doc, body, body_line) in english.items():
        file = f"{default.folder}/{rel}"
        site.pages[default.code][rel] = Record(rel, default.code, file, file, doc, body, True, body_line)

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
            read = _read(path, file)
            if isinstance(read, ContentError):
                errors.append(read)
                continue
            text, parsed = read
            if rel not in english:
                if rel in failed:
                    continue  # the English page itself failed; its error is already listed
                errors.append(
                    ContentError(
                        file, None, None, f"a translation needs its English source {en_file}, which does not exist"
                    )
                )
                continue
            en_doc, en_body, _ = english[rel]
            key = ("translation", file, text, en_file, english_text[rel])
            doc, found = MEMO.get(key, _translation, parsed, en_doc, en_body, file, en_file, vocab)
            errors += found
            if doc is None:
                continue  # a started translation: the English fallback below serves it
            pages[rel] = Record(rel, lang.code, file, en_file, doc, parsed.body, True, parsed.body_line)
        # 3. Fallback: English pages with no translation are served in English under /<lang>/.
        for rel, record in site.pages[default.code].items():
            if rel not in pages:
                pages[rel] = Record(rel, lang.code, record.file, record.file, record.doc, record.body, False)
        site.pages[lang.code] = dict(sorted(pages.items()))

    if errors:
        raise ContentErrors(errors)
    for code, pages in site.pages.items():
        for rel, record in pages.items():
            if isinstance(record.doc, Objective):
                pages[rel] = dataclasses.replace(
                    record, doc=dataclasses.replace(record.doc, title=vocab.objective_title(record.doc.number, code))
                )
    return site


def _translation_words(
    parsed: frontmatter.Parsed,
    en_doc: Doc,
    file: str,
    en_file: str,
    vocab: Vocabulary,
    errors: list[ContentError],
) -> dict[str, Any]:
    """A translation's words; a fact it repeats must equal the English value (then it is dropped)."""
    model = type(en_doc)
    fields = specs(model)
    clean = _check_fields(parsed.meta, model, file, parsed.field_lines, vocab, errors, translation=True)
    words: dict[str, Any] = {}
    for name, value in clean.items():
        if not fields[name].fact:
            words[name] = value
            continue
        english_value = getattr(en_doc, attribute(name))
        if value != english_value:
            errors.append(
                ContentError(
                    file,
                    name,
                    parsed.meta[name],
                    f"the English value {plain(english_value)!r} from {en_file}: facts live only in the English "
                    "page; remove this field from the translation",
                    parsed.field_lines.get(name),
                )
            )
    return words


def _check_identities(
    english: dict[str, tuple[Doc, str, int]], failed: set[str], folder: str, errors: list[ContentError]
) -> None:
    """Ids and numbers that other pages refer to must be unique and resolvable; no practice twice.
    A practice that failed its own checks still counts as existing (its error is listed already)."""
    by_key: dict[tuple[str, Any], list[str]] = defaultdict(list)
    practice_ids = {PurePosixPath(rel).stem for rel in failed if rel.startswith("practices/")}
    for rel, (doc, _, _) in english.items():
        stem = PurePosixPath(rel).stem
        if isinstance(doc, Practice):
            if not SLUG.match(stem):
                errors.append(
                    ContentError(f"{folder}/{rel}", "id", stem, "a file name of lower-case words and hyphens")
                )
            by_key[("practice id", stem)].append(rel)
            practice_ids.add(stem)
        elif isinstance(doc, Recommendation | Objective):
            by_key[(f"{doc.kind} number", doc.number)].append(rel)
    for (what, key), rels in by_key.items():
        if len(rels) > 1:
            for rel in rels:
                others = ", ".join(f"{folder}/{r}" for r in rels if r != rel)
                errors.append(ContentError(f"{folder}/{rel}", what, key, f"a unique {what} (also used by {others})"))
    for rel, (doc, _, _) in english.items():
        unknown = [p for p in doc.practices if p not in practice_ids] if isinstance(doc, Recommendation) else []
        if unknown:
            errors.append(
                ContentError(
                    f"{folder}/{rel}", "practices", unknown, f"ids of practice pages ({', '.join(unknown)} not found)"
                )
            )
    _check_duplicate_practices(
        {rel: doc for rel, (doc, _, _) in english.items() if isinstance(doc, Practice)}, folder, errors
    )


def plain(value: Any) -> Any:
    """A typed value as it would be written in front matter (for messages)."""
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, LocalText):
        return value.en if set(value.forms) == {"en"} else dict(value.forms)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in dataclasses.asdict(value).items() if v is not None}
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _normal_title(title: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", title.casefold()).split())


def _check_duplicate_practices(practices: dict[str, Practice], folder: str, errors: list[ContentError]) -> None:
    """The same practice twice: same city and the same official link, or near-identical titles.
    Only practices of one city are compared (grouped first: linear in the number of practices)."""
    by_city: dict[str, list[tuple[str, Practice]]] = defaultdict(list)
    for rel, doc in sorted(practices.items()):
        by_city[doc.city.en.casefold()].append((rel, doc))
    pairs = [(a, b) for items in by_city.values() for i, a in enumerate(items) for b in items[i + 1 :]]
    for (rel_a, a), (rel_b, b) in pairs:
        if PurePosixPath(rel_a).stem == PurePosixPath(rel_b).stem:
            continue
        official_a = {u for src in a.sources if src.official for u in src.url.forms.values()}
        official_b = {u for src in b.sources if src.official for u in src.url.forms.values()}
        similar = SequenceMatcher(None, _normal_title(a.title), _normal_title(b.title)).ratio() >= 0.9
        if similar or (official_a and official_a == official_b):
            why = "near-identical title" if similar else "the same official sources"
            errors.append(
                ContentError(
                    f"{folder}/{rel_a}",
                    "title" if similar else "sources",
                    a.title if similar else sorted(official_a),
                    f"a practice different from {folder}/{rel_b} (same city, {why}): merge the two pages, "
                    "or make the title and sources say how they differ",
                )
            )

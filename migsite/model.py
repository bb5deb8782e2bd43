"""One typed model per page kind: the single declaration of every front-matter field.

Each field says its type (the dataclass annotation), its check, whether it is a fact (English front
matter only, inherited by translations) or words (translated), its label key in `_ui.yaml`, how it
is displayed, and where it shows: the fact box, the practice filters, the practice list, the open
data. The fact box, the filters, the open-data columns and their documentation on the data page
are all derived from these declarations (see `views.py`, `indexes.py`, `opendata.py`)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, fields, replace
from typing import Any, ClassVar, Literal

from . import schema as s
from .errors import FieldError
from .values import Funding, LastReported, LegalAct, LocalText, Reach, Source
from .vocab import Vocabulary

# How a value is displayed and written to open data: views.py and opendata.py have one rule per display.
Display = Literal[
    "none", "text", "local", "locals", "country", "term", "terms", "objectives", "year", "status", "date",
    "reach", "evidence", "funding", "legal", "sources", "refs",
]  # fmt: skip

# The generated parts a page can ask for with `generate:` (templates in overrides/partials/migsite/generated/).
GENERATORS = (
    "practice-table",
    "practices-by-region",
    "practices-by-theme",
    "practices-by-year",
    "practices-by-objective",
    "practices-by-principle",
    "practices-by-programme",
    "objectives-overview",
    "coverage-matrix",
    "recommendations-list",
    "open-data-columns",
    "translation-status",
    "search-page",
)


@dataclass(frozen=True)
class Spec:
    """What the model knows about one field."""

    check: s.Check[Any]
    required: bool = False
    fact: bool = True
    label: str | None = None  # key in _ui.yaml; default: the field's name
    display: Display = "none"
    vocabulary: str | None = None  # for display term/terms
    factbox: bool = False  # a row of the fact box
    key: bool = False  # one of the key facts shown first (and on phones before the disclosure)
    filter: bool = False  # a filter of the practice list
    opendata: bool = False  # columns of practices.json / practices.csv


def fact(check: s.Check[Any], *, default: Any = None, **spec: Any) -> Any:
    return field(default=default, metadata={"spec": Spec(check, **spec)})


def words(check: s.Check[Any], **spec: Any) -> Any:
    return field(default=None, metadata={"spec": Spec(check, fact=False, **spec)})


@dataclass(frozen=True, kw_only=True)
class Doc:
    """Fields every kind has. Subclasses declare theirs; `kind` is fixed per class."""

    KIND: ClassVar[str] = ""
    kind: str
    title: str | None = None
    summary: str | None = None
    translation_of: str | None = words(s.text(60))  # a translator's acknowledgement (TRANSLATING.md)

    @property
    def objectives_declared(self) -> tuple[int, ...]:
        return ()

    def problems(self, vocab: Vocabulary) -> list[tuple[str, Any, str]]:
        """Checks across fields, on the English page: (field, value, expected)."""
        return []


@dataclass(frozen=True, kw_only=True)
class Practice(Doc):
    KIND: ClassVar[str] = "practice"
    kind: str = fact(s.kind_of("practice"), required=True)
    title: str = words(s.text(200), required=True)
    summary: str = words(s.text(400), required=True)
    city: LocalText = fact(s.local_name, required=True, display="local", factbox=True, key=True, opendata=True)
    country: str = fact(s.country, required=True, display="country", factbox=True, key=True, filter=True, opendata=True)
    region: str = fact(
        s.term("regions"), required=True, display="term", vocabulary="regions", factbox=True, filter=True,
        opendata=True,
    )  # fmt: skip
    status: str = fact(s.status, required=True, display="status", factbox=True, key=True, filter=True, opendata=True)
    # the year a source last showed a practice of unknown status at work: how stale "unknown" is
    last_reported: LastReported | None = fact(s.last_reported, display="evidence", factbox=True, key=True,
                                              opendata=True)  # fmt: skip
    start_year: int | None = fact(s.year_or_null, required=True, display="year", factbox=True, key=True,
                                  filter=True, opendata=True)  # fmt: skip
    end_year: int | None = fact(s.year_or_null, display="year", factbox=True, opendata=True)
    objectives: tuple[int, ...] = fact(
        s.objectives(1), required=True, display="objectives", factbox=True, key=True, filter=True, opendata=True
    )
    themes: tuple[str, ...] = fact(
        s.terms("themes", 1), required=True, display="terms", vocabulary="themes", factbox=True, filter=True,
        opendata=True,
    )  # fmt: skip
    principles: tuple[str, ...] = fact(
        s.terms("principles", 1), required=True, display="terms", vocabulary="principles", factbox=True,
        filter=True, opendata=True,
    )  # fmt: skip
    programmes: tuple[str, ...] = fact(
        s.terms("programmes"), default=(), display="terms", vocabulary="programmes", factbox=True, filter=True,
        opendata=True,
    )  # fmt: skip
    implementing_body: LocalText | None = fact(s.local_name, display="local", factbox=True, opendata=True)
    partners: tuple[LocalText, ...] = fact(s.local_names, default=(), display="locals", factbox=True, opendata=True)
    target_group: str | None = words(s.text(300), display="text", factbox=True, opendata=True)
    reach: Reach | None = fact(s.reach, display="reach", factbox=True, opendata=True)
    funding: Funding | None = fact(s.funding, display="funding", factbox=True, opendata=True)
    legal_basis: tuple[LegalAct, ...] = fact(s.legal_basis, default=(), display="legal", factbox=True,
                                             opendata=True)  # fmt: skip
    last_verified: datetime.date = fact(s.date, required=True, display="date", factbox=True, opendata=True)
    sources: tuple[Source, ...] = fact(s.sources, required=True, display="sources", opendata=True)
    no_official_source: str | None = words(s.text(400), display="text", opendata=True)

    @property
    def objectives_declared(self) -> tuple[int, ...]:
        return self.objectives

    def problems(self, vocab: Vocabulary) -> list[tuple[str, Any, str]]:
        out: list[tuple[str, Any, str]] = []
        expected_region = vocab.country_region.get(self.country)
        if expected_region and self.region != expected_region:
            out.append(("region", self.region, f"{expected_region!r}, the region of {self.country} "
                        "(migsite/data/countries.yaml)"))  # fmt: skip
        if self.end_year is not None:
            if self.status not in ("ended", "pilot"):
                out.append(("end_year", self.end_year, "no end year unless status is ended (or pilot)"))
            if self.start_year is not None and self.end_year < self.start_year:
                out.append(("end_year", self.end_year, f"a year from the start year {self.start_year}"))
        urls = {u for src in self.sources for u in src.url.forms.values()}
        for name, cited in (("reach", self.reach), ("last_reported", self.last_reported)):
            if cited is not None and cited.source not in urls:
                out.append((name, cited.source, "a source url that is also in 'sources'"))
        if self.last_reported is not None:
            seen = self.last_reported
            if self.status != "unknown":
                out.append(("last_reported", seen.year, "no last_reported unless status is unknown (the status "
                            "says whether it runs)"))  # fmt: skip
            if self.start_year is not None and seen.year < self.start_year:
                out.append(("last_reported", seen.year, f"a year from the start year {self.start_year}"))
            if seen.year > self.last_verified.year:
                out.append(("last_reported", seen.year, f"a year up to last_verified ({self.last_verified.year})"))
        official = any(src.official for src in self.sources)
        if not official and not self.no_official_source:
            out.append(
                (
                    "sources",
                    "no official source",
                    "at least one source of type official (the city's, a "
                    "government's or a UN body's own site or document), or 'no_official_source' with the reason",
                )
            )
        if official and self.no_official_source:
            out.append(("no_official_source", self.no_official_source, "no reason: an official source is listed"))
        return out


@dataclass(frozen=True, kw_only=True)
class Recommendation(Doc):
    KIND: ClassVar[str] = "recommendation"
    kind: str = fact(s.kind_of("recommendation"), required=True)
    title: str = words(s.text(200), required=True)
    summary: str = words(s.text(400), required=True)
    number: int = fact(s.positive_int, required=True)
    audience: tuple[str, ...] = fact(s.terms("audiences", 1), required=True, display="terms",
                                     vocabulary="audiences", factbox=True, key=True)  # fmt: skip
    objectives: tuple[int, ...] = fact(s.objectives(1), required=True, display="objectives", factbox=True,
                                       key=True)  # fmt: skip
    practices: tuple[str, ...] = fact(s.slugs, default=(), display="refs", label="related_practices", factbox=True)
    sources: tuple[Source, ...] = fact(s.sources, required=True, display="sources")

    @property
    def objectives_declared(self) -> tuple[int, ...]:
        return self.objectives


@dataclass(frozen=True, kw_only=True)
class Objective(Doc):
    KIND: ClassVar[str] = "objective"
    kind: str = fact(s.kind_of("objective"), required=True)
    number: int = fact(s.objective_number, required=True)
    summary: str | None = words(s.text(400))


@dataclass(frozen=True, kw_only=True)
class Page(Doc):
    KIND: ClassVar[str] = "page"
    kind: str = fact(s.kind_of("page"), default="page")
    title: str | None = words(s.text(200))
    summary: str | None = words(s.text(400))
    objectives: tuple[int, ...] = fact(s.objectives(0), default=(), display="objectives", factbox=True)
    generate: str | None = fact(s.one_of(GENERATORS, "generator"))
    hide: tuple[str, ...] = fact(s.hide, default=())
    search_exclude: bool = fact(s.search_options, default=False)  # front matter: search: {exclude: true}

    @property
    def objectives_declared(self) -> tuple[int, ...]:
        return self.objectives


MODELS: dict[str, type[Doc]] = {m.KIND: m for m in (Practice, Recommendation, Objective, Page)}
# Front-matter names that differ from the attribute's (Material reads `search:` itself).
ALIASES: dict[str, str] = {"search": "search_exclude"}
FRONT_MATTER_NAME = {v: k for k, v in ALIASES.items()}

# The body of a practice: one heading set per language, in this order (labels: _ui.yaml `section_*`).
PRACTICE_SECTIONS = ("context", "action", "actors", "results", "lessons")


def specs(model: type[Doc]) -> dict[str, Spec]:
    """Front-matter name -> Spec, in declaration order."""
    return {FRONT_MATTER_NAME.get(f.name, f.name): f.metadata["spec"] for f in fields(model) if "spec" in f.metadata}


def attribute(name: str) -> str:
    return ALIASES.get(name, name)


def build(model: type[Doc], clean: dict[str, Any]) -> Doc:
    """The typed document from checked values (front-matter names); absent fields take their defaults."""
    return model(**{attribute(k): v for k, v in clean.items()})


def with_words(doc: Doc, words_: dict[str, Any]) -> Doc:
    """A translation's document: the English facts with the translation's words."""
    return replace(doc, **{attribute(k): v for k, v in words_.items()})


# ---------------------------------------------------------------- JSON Schema for editors


def json_schema(model: type[Doc], vocab: Vocabulary, translation: bool = False) -> dict[str, Any]:
    """A JSON Schema of a kind's front matter (English page, or translation: words only)."""
    props: dict[str, Any] = {}
    required: list[str] = []
    for name, spec in specs(model).items():
        if translation and spec.fact:
            continue
        props[name] = spec.check.schema(vocab)
        if spec.required and name != "kind" or (name == "kind" and not translation and model.KIND != "page"):
            required.append(name)
    title = f"{model.KIND} page" + (" (translation: words only)" if translation else "")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Front matter of a {title}",
        "type": "object",
        "properties": props,
        "required": required,
        "additionalProperties": False,
    }


SECTION_HEADING = re.compile(r"^##\s+(.+?)\s*$", re.M)


def body_sections(body: str) -> list[str]:
    """The level-2 headings of a body, in order."""
    return [m.group(1) for m in SECTION_HEADING.finditer(body)]


__all__ = ["FieldError", "GENERATORS", "MODELS", "Doc", "Objective", "Page", "Practice", "Recommendation", "Spec"]

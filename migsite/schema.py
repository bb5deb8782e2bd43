"""Field checks: each turns a raw front-matter value into a typed value or raises FieldError, and
describes itself as a JSON Schema fragment (for editors: see `python -m migsite schema`).

The page kinds that use these checks are declared in `migsite.model`."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from .errors import FieldError
from .values import (
    CURRENCY,
    SOURCE_TYPES,
    STATUSES,
    Funding,
    LastReported,
    LegalAct,
    LocalText,
    Reach,
    Source,
    url_problem,
)
from .vocab import Vocabulary, is_country_code

T = TypeVar("T")
MAX_YEAR = datetime.date.today().year + 1
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANG_CODE = re.compile(r"^[a-z]{2,3}$")


@dataclass(frozen=True)
class Check(Generic[T]):
    """A field check: `check(value, vocab)` returns the typed value; `schema(vocab)` describes it."""

    fn: Callable[[Any, Vocabulary], T]
    schema: Callable[[Vocabulary], dict[str, Any]] = field(default=lambda _v: {})

    def __call__(self, value: Any, vocab: Vocabulary) -> T:
        return self.fn(value, vocab)


def _missing(value: Any) -> str:
    return "missing" if value is None else repr(value)


# ---------------------------------------------------------------- scalars


def text(max_len: int = 300) -> Check[str]:
    def check(value: Any, _: Vocabulary) -> str:
        if not isinstance(value, str) or not value.strip():
            raise FieldError("a non-empty text")
        if len(value) > max_len:
            raise FieldError(f"a text of at most {max_len} characters (got {len(value)})")
        return value.strip()

    return Check(check, lambda _v: {"type": "string", "minLength": 1, "maxLength": max_len})


def kind_of(kind: str) -> Check[str]:
    def check(value: Any, _: Vocabulary) -> str:
        if value != kind:
            raise FieldError(f"{kind!r}")
        return kind

    return Check(check, lambda _v: {"const": kind})


def one_of(choices: tuple[str, ...], what: str) -> Check[str]:
    def check(value: Any, _: Vocabulary) -> str:
        if value not in choices:
            raise FieldError(f"one {what} of: {', '.join(choices)}")
        return str(value)

    return Check(check, lambda _v: {"enum": list(choices)})


def _year(value: Any, what: str = "a year") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= MAX_YEAR:
        raise FieldError(f"{what} from 1900 to {MAX_YEAR}")
    return value


# No maximum in the JSON Schema: it would change every year (the check itself stops at next year).
YEAR_SCHEMA = {"type": "integer", "minimum": 1900}


def _year_or_null(value: Any, _: Vocabulary) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= MAX_YEAR:
        raise FieldError(f"a year from 1900 to {MAX_YEAR}, or null when no source gives it")
    return value


year_or_null = Check(_year_or_null, lambda _v: {"type": ["integer", "null"], "minimum": 1900})
year = Check(lambda value, _v: _year(value), lambda _v: YEAR_SCHEMA)


def _date(value: Any, _: Vocabulary) -> datetime.date:
    # Dates stay strings in our YAML loader (see frontmatter.py): parse them here, strictly.
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            day = datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            if day > datetime.date.today() + datetime.timedelta(days=1):
                raise FieldError("a date that is not in the future")
            return day
    raise FieldError("a date written YYYY-MM-DD, e.g. 2026-11-27")


date = Check(_date, lambda _v: {"type": "string", "format": "date"})


def _positive_int(value: Any, _: Vocabulary) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise FieldError("a whole number from 1")
    return value


positive_int = Check(_positive_int, lambda _v: {"type": "integer", "minimum": 1})


def _country(value: Any, vocab: Vocabulary) -> str:
    if not is_country_code(value):
        raise FieldError("an assigned ISO 3166-1 alpha-2 country code in capitals, e.g. BR, ES, US")
    return str(value)


country = Check(_country, lambda _v: {"type": "string", "pattern": "^[A-Z]{2}$"})


def http_url(value: Any) -> str:
    if not isinstance(value, str):
        raise FieldError("an http(s) URL")
    url = value.strip()
    if problem := url_problem(url):
        raise FieldError(problem)
    return url


URL_SCHEMA = {"type": "string", "pattern": "^https?://\\S+$"}
url = Check(lambda value, _v: http_url(value), lambda _v: URL_SCHEMA)


# ---------------------------------------------------------------- per-language names


def _local(check: Callable[[Any], str], value: Any, what: str) -> LocalText:
    """A name, or its forms per language ({en: Zurich, es: Zúrich}); English is required."""
    if isinstance(value, dict):
        bad = [k for k in value if not isinstance(k, str) or not LANG_CODE.match(k)]
        if bad:
            raise FieldError(f"{what} per language with language codes as keys (got {', '.join(map(repr, bad))})")
        if "en" not in value:
            raise FieldError(f"{what} per language including the English form 'en'")
        return LocalText({k: check(v) for k, v in value.items()})
    return LocalText({"en": check(value)})


def _name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise FieldError("a non-empty name")
    if len(value) > 300:
        raise FieldError(f"a name of at most 300 characters (got {len(value)})")
    return value.strip()


def _record_schema(required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of a mapping with these keys only (a source, a reach, a funding...)."""
    return {"type": "object", "required": required, "additionalProperties": False, "properties": properties}


def _local_schema(inner: dict[str, Any]) -> dict[str, Any]:
    return {
        "oneOf": [
            inner,
            {
                "type": "object",
                "required": ["en"],
                "propertyNames": {"pattern": LANG_CODE.pattern},
                "additionalProperties": inner,
            },
        ]
    }


local_name = Check(lambda value, _v: _local(_name, value, "a name"), lambda _v: _local_schema({"type": "string"}))


def _local_names(value: Any, _: Vocabulary) -> tuple[LocalText, ...]:
    if not isinstance(value, list):
        raise FieldError("a list of names; a name with forms per language is {en: …, fr: …, es: …}")
    return tuple(_local(_name, v, "a name") for v in value)


local_names = Check(_local_names, lambda _v: {"type": "array", "items": _local_schema({"type": "string"})})


# ---------------------------------------------------------------- vocabularies


def objectives(min_items: int) -> Check[tuple[int, ...]]:
    def check(value: Any, vocab: Vocabulary) -> tuple[int, ...]:
        if not isinstance(value, list):
            raise FieldError("a list of Global Compact objective numbers, e.g. [15, 16]")
        bad = [v for v in value if isinstance(v, bool) or not isinstance(v, int) or v not in vocab.objectives]
        if bad:
            raise FieldError(
                f"Global Compact objective numbers from 1 to {max(vocab.objectives)} "
                f"({', '.join(map(repr, bad))} {'is' if len(bad) == 1 else 'are'} not)"
            )
        if len(set(value)) != len(value):
            raise FieldError("each objective once")
        if len(value) < min_items:
            raise FieldError(f"at least {min_items} objective number(s)")
        return tuple(sorted(value))

    return Check(
        check,
        lambda v: {
            "type": "array",
            "items": {"type": "integer", "minimum": 1, "maximum": max(v.objectives)},
            "uniqueItems": True,
            "minItems": min_items,
        },
    )


def _objective_number(value: Any, vocab: Vocabulary) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in vocab.objectives:
        raise FieldError(f"a Global Compact objective number from 1 to {max(vocab.objectives)}")
    return value


objective_number = Check(_objective_number, lambda v: {"type": "integer", "minimum": 1, "maximum": max(v.objectives)})


def terms(vocabulary: str, min_items: int = 0) -> Check[tuple[str, ...]]:
    def check(value: Any, vocab: Vocabulary) -> tuple[str, ...]:
        allowed = vocab.ids(vocabulary)
        if not isinstance(value, list):
            raise FieldError(f"a list of {vocabulary} ids (from migsite/data/vocabulary.yaml)")
        bad = [v for v in value if v not in allowed]
        if bad:
            raise FieldError(
                f"{vocabulary} ids from migsite/data/vocabulary.yaml "
                f"({', '.join(map(repr, bad))} unknown; known: {', '.join(allowed)})"
            )
        if len(set(value)) != len(value):
            raise FieldError(f"each {vocabulary} id once")
        if len(value) < min_items:
            raise FieldError(f"at least {min_items} {vocabulary} id(s)")
        return tuple(value)

    return Check(
        check,
        lambda v: {"type": "array", "items": {"enum": v.ids(vocabulary)}, "uniqueItems": True, "minItems": min_items},
    )


def term(vocabulary: str) -> Check[str]:
    def check(value: Any, vocab: Vocabulary) -> str:
        allowed = vocab.ids(vocabulary)
        if value not in allowed:
            raise FieldError(f"one {vocabulary} id from migsite/data/vocabulary.yaml ({', '.join(allowed)})")
        return str(value)

    return Check(check, lambda v: {"enum": v.ids(vocabulary)})


def _slugs(value: Any, _: Vocabulary) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and SLUG.match(v) for v in value):
        raise FieldError("a list of page ids (lower case, hyphens)")
    return tuple(value)


slugs = Check(_slugs, lambda _v: {"type": "array", "items": {"type": "string", "pattern": SLUG.pattern}})


# ---------------------------------------------------------------- structured facts


def _mapping(value: Any, what: str, allowed: dict[str, bool]) -> dict[str, Any]:
    """A mapping whose keys are among `allowed` (key -> required)."""
    if not isinstance(value, dict):
        raise FieldError(f"{what}: a mapping with {', '.join(allowed)}")
    unknown = [k for k in value if k not in allowed]
    if unknown:
        raise FieldError(f"{what} with only {', '.join(allowed)} ({', '.join(map(repr, unknown))} unknown)")
    missing = [k for k, required in allowed.items() if required and value.get(k) is None]
    if missing:
        raise FieldError(f"{what} with {', '.join(missing)} (missing)")
    return value


def _entries(value: Any, what: str, allowed: dict[str, bool], expected: str) -> list[tuple[str, dict[str, Any]]]:
    """A non-empty list of mappings (keys as for _mapping), each with its label for messages ("source 2")."""
    if not isinstance(value, list) or not value:
        raise FieldError(expected)
    return [(f"{what} {i}", _mapping(item, f"{what} {i}", allowed)) for i, item in enumerate(value, 1)]


def _sources(value: Any, _: Vocabulary) -> tuple[Source, ...]:
    out = []
    entries = _entries(
        value, "source", {"title": True, "url": True, "type": True},
        "at least one source: a list of {title: …, url: https://…, type: official}",
    )  # fmt: skip
    for what, m in entries:
        try:
            title = _local(_name, m["title"], "a title")
            link = _local(http_url, m["url"], "a URL")
        except FieldError as exc:
            raise FieldError(f"{what}: {exc.expected}") from None
        if m["type"] not in SOURCE_TYPES:
            raise FieldError(f"{what}: a type among {', '.join(SOURCE_TYPES)} (got {_missing(m['type'])})")
        out.append(Source(title, link, m["type"]))
    return tuple(out)


sources = Check(
    _sources,
    lambda _v: {
        "type": "array",
        "minItems": 1,
        "items": _record_schema(
            ["title", "url", "type"],
            {
                "title": _local_schema({"type": "string"}),
                "url": _local_schema(URL_SCHEMA),
                "type": {"enum": list(SOURCE_TYPES)},
            },
        ),
    },
)


def _reach(value: Any, _: Vocabulary) -> Reach:
    m = _mapping(value, "reach", {"number": True, "year": False, "source": True})
    if isinstance(m["number"], bool) or not isinstance(m["number"], int) or m["number"] < 1:
        raise FieldError("reach: a number of people (a whole number from 1)")
    return Reach(
        m["number"], _year(m["year"], "reach: a year") if m.get("year") is not None else None, http_url(m["source"])
    )


reach = Check(
    _reach,
    lambda _v: _record_schema(
        ["number", "source"],
        {"number": {"type": "integer", "minimum": 1}, "year": YEAR_SCHEMA, "source": URL_SCHEMA},
    ),
)


def _last_reported(value: Any, _: Vocabulary) -> LastReported:
    m = _mapping(value, "last_reported", {"year": True, "source": True})
    return LastReported(_year(m["year"], "last_reported: a year"), http_url(m["source"]))


last_reported = Check(
    _last_reported,
    lambda _v: _record_schema(["year", "source"], {"year": YEAR_SCHEMA, "source": URL_SCHEMA}),
)


def _funding(value: Any, _: Vocabulary) -> Funding:
    m = _mapping(value, "funding", {"source": True, "amount": False, "currency": False, "year": False})
    amount = m.get("amount")
    if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int | float) or amount <= 0):
        raise FieldError("funding: an amount above zero")
    currency = m.get("currency")
    if (amount is None) != (currency is None):
        raise FieldError("funding: an amount and its currency together (ISO 4217, e.g. EUR, USD)")
    if currency is not None and (not isinstance(currency, str) or not CURRENCY.match(currency)):
        raise FieldError("funding: a currency as an ISO 4217 code in capitals, e.g. EUR, USD, CHF")
    y = _year(m["year"], "funding: a year") if m.get("year") is not None else None
    return Funding(_local(_name, m["source"], "funding: a source"), amount, currency, y)


funding = Check(
    _funding,
    lambda _v: {
        **_record_schema(
            ["source"],
            {
                "source": _local_schema({"type": "string"}),
                "amount": {"type": "number", "exclusiveMinimum": 0},
                "currency": {"type": "string", "pattern": CURRENCY.pattern},
                "year": YEAR_SCHEMA,
            },
        ),
        "dependentRequired": {"amount": ["currency"], "currency": ["amount"]},
    },
)


def _legal_basis(value: Any, _: Vocabulary) -> tuple[LegalAct, ...]:
    out = []
    entries = _entries(
        value, "legal basis", {"title": True, "url": False, "year": False},
        "a list of acts: {title: …, url: https://…, year: 2016} (url and year optional)",
    )  # fmt: skip
    for what, m in entries:
        try:
            out.append(
                LegalAct(
                    _local(_name, m["title"], "a title"),
                    http_url(m["url"]) if m.get("url") is not None else None,
                    _year(m["year"]) if m.get("year") is not None else None,
                )
            )
        except FieldError as exc:
            raise FieldError(f"{what}: {exc.expected}") from None
    return tuple(out)


legal_basis = Check(
    _legal_basis,
    lambda _v: {
        "type": "array",
        "items": _record_schema(
            ["title"], {"title": _local_schema({"type": "string"}), "url": URL_SCHEMA, "year": YEAR_SCHEMA}
        ),
    },
)

status = one_of(STATUSES, "status")

HIDEABLE = ("navigation", "toc", "footer", "path", "tags", "feedback")


def _hide(value: Any, _: Vocabulary) -> tuple[str, ...]:
    if not isinstance(value, list) or any(v not in HIDEABLE for v in value):
        raise FieldError(f"a list of page parts to hide, among {', '.join(HIDEABLE)}")
    return tuple(value)


hide = Check(_hide, lambda _v: {"type": "array", "items": {"enum": list(HIDEABLE)}})


def _search_exclude(value: Any, _: Vocabulary) -> bool:
    if not isinstance(value, dict) or set(value) != {"exclude"} or not isinstance(value["exclude"], bool):
        raise FieldError("{exclude: true} to leave the page out of the search index")
    return bool(value["exclude"])


search_options = Check(
    _search_exclude,
    lambda _v: {"type": "object", "required": ["exclude"], "properties": {"exclude": {"type": "boolean"}}},
)

"""Front-matter schemas of the page kinds. Each field is a fact (English only, inherited by
translations) or a word (translated). A check returns the normalised value or raises FieldError."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from .errors import FieldError
from .vocab import Vocabulary, is_country_code

Check = Callable[[Any, Vocabulary], Any]
MAX_YEAR = datetime.date.today().year + 1
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Field:
    name: str
    check: Check
    required: bool = False
    fact: bool = True


def text(max_len: int = 300) -> Check:
    def check(value: Any, _: Vocabulary) -> str:
        if not isinstance(value, str) or not value.strip():
            raise FieldError("a non-empty text")
        if len(value) > max_len:
            raise FieldError(f"a text of at most {max_len} characters (got {len(value)})")
        return value.strip()

    return check


def kind_of(*kinds: str) -> Check:
    def check(value: Any, _: Vocabulary) -> str:
        if value not in kinds:
            raise FieldError(f"one of {', '.join(kinds)}")
        return value

    return check


def objective_number(value: Any, vocab: Vocabulary) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in vocab.objectives:
        raise FieldError(f"a Global Compact objective number from 1 to {max(vocab.objectives)}")
    return value


def objectives(min_items: int) -> Check:
    def check(value: Any, vocab: Vocabulary) -> list[int]:
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
        return sorted(value)

    return check


def terms(vocabulary: str, min_items: int = 0) -> Check:
    def check(value: Any, vocab: Vocabulary) -> list[str]:
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
        return list(value)

    return check


def term(vocabulary: str) -> Check:
    def check(value: Any, vocab: Vocabulary) -> str:
        allowed = vocab.ids(vocabulary)
        if value not in allowed:
            raise FieldError(f"one {vocabulary} id from migsite/data/vocabulary.yaml ({', '.join(allowed)})")
        return value

    return check


def country(value: Any, _: Vocabulary) -> str:
    if not is_country_code(value):
        raise FieldError("an ISO 3166-1 alpha-2 country code in capitals, e.g. BR, ES, US")
    return value


def year_or_null(value: Any, _: Vocabulary) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= MAX_YEAR:
        raise FieldError(f"a year from 1900 to {MAX_YEAR}, or null when no source gives it")
    return value


def positive_int(value: Any, _: Vocabulary) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise FieldError("a whole number from 1")
    return value


def http_url(value: Any) -> str:
    if not isinstance(value, str):
        raise FieldError("an http(s) URL")
    parsed = urlparse(value.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc or any(c.isspace() for c in value.strip()):
        raise FieldError("an http(s) URL such as https://example.org/page")
    return value.strip()


def sources(value: Any, _: Vocabulary) -> list[dict[str, str]]:
    if not isinstance(value, list) or not value:
        raise FieldError("at least one source: a list of {title: ..., url: https://...}")
    out = []
    for i, src in enumerate(value):
        if not isinstance(src, dict) or set(src) - {"title", "url"} or "url" not in src or "title" not in src:
            raise FieldError(f"source {i + 1} to have exactly 'title' and 'url'")
        if not isinstance(src["title"], str) or not src["title"].strip():
            raise FieldError(f"source {i + 1} to have a non-empty title")
        try:
            url = http_url(src["url"])
        except FieldError as exc:
            raise FieldError(f"source {i + 1} url {src['url']!r} to be {exc.expected}") from None
        out.append({"title": src["title"].strip(), "url": url})
    return out


def names(value: Any, _: Vocabulary) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise FieldError("a list of names")
    return [v.strip() for v in value]


def slugs(value: Any, _: Vocabulary) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and SLUG.match(v) for v in value):
        raise FieldError("a list of page ids (lower case, hyphens)")
    return list(value)


def localized_names(value: Any, _: Vocabulary) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
    ):
        raise FieldError("a mapping of language code to name, e.g. {fr: Lisbonne, es: Lisboa}")
    return dict(value)


# A translator's acknowledgement of the source revision a translation is up to date with
# (see TRANSLATING.md); allowed on every kind, meaningful only in docs_<lang>/.
TRANSLATION_OF = Field("translation_of", text(60), fact=False)

HIDEABLE = ("navigation", "toc", "footer", "path", "tags", "feedback")


def hide(value: Any, _: Vocabulary) -> list[str]:
    if not isinstance(value, list) or any(v not in HIDEABLE for v in value):
        raise FieldError(f"a list of page parts to hide, among {', '.join(HIDEABLE)}")
    return list(value)


def search_options(value: Any, _: Vocabulary) -> dict[str, bool]:
    if not isinstance(value, dict) or set(value) != {"exclude"} or not isinstance(value["exclude"], bool):
        raise FieldError("{exclude: true} to leave the page out of the search index")
    return dict(value)


WORDS = (
    Field("title", text(200), fact=False),
    Field("summary", text(400), fact=False),
)

SCHEMAS: dict[str, tuple[Field, ...]] = {
    "practice": (
        Field("kind", kind_of("practice"), required=True),
        Field("title", text(200), required=True, fact=False),
        Field("summary", text(400), required=True, fact=False),
        Field("city", text(100), required=True),
        Field("city_names", localized_names),
        Field("country", country, required=True),
        Field("region", term("regions"), required=True),
        Field("start_year", year_or_null, required=True),
        Field("themes", terms("themes", 1), required=True),
        Field("objectives", objectives(1), required=True),
        Field("principles", terms("principles", 1), required=True),
        Field("programmes", terms("programmes")),
        Field("partners", names),
        Field("sources", sources, required=True),
        TRANSLATION_OF,
    ),
    "recommendation": (
        Field("kind", kind_of("recommendation"), required=True),
        Field("title", text(200), required=True, fact=False),
        Field("summary", text(400), required=True, fact=False),
        Field("number", positive_int, required=True),
        Field("objectives", objectives(1), required=True),
        Field("audience", terms("audiences", 1), required=True),
        Field("practices", slugs),
        Field("sources", sources, required=True),
        TRANSLATION_OF,
    ),
    "objective": (
        Field("kind", kind_of("objective"), required=True),
        Field("number", objective_number, required=True),
        Field("summary", text(400), fact=False),
        TRANSLATION_OF,
    ),
    "page": (
        Field("kind", kind_of("page")),
        *WORDS,
        Field("objectives", objectives(0)),
        Field("generate", text(60)),
        Field("hide", hide),
        Field("search", search_options),
        TRANSLATION_OF,
    ),
}

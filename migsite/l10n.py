"""Language-correct counts: CLDR plural rules and number formats through Babel.

UI strings that hold a count use a small subset of ICU MessageFormat, so that translators write every
plural form of their language in one string:

    practices_count: "{n, plural, one {# practice} other {# practices}}"
    filter_count: "{total, plural, one {{n} of # practice shown} other {{n} of # practices shown}}"

`#` is the selecting number, formatted for the language ("1,000" / "1 000" / "1000"); other `{name}`
placeholders are filled by `format_count` (numbers formatted too). The categories a language needs
are CLDR's (English and Spanish: one/other, with "many" for Spanish millions; French: one/many/other,
where French "one" covers 0 and 1). `other` is required; a missing category falls back to it.
The same syntax is read by overrides/assets/migsite/filters.js and search.js with Intl.PluralRules."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from babel import Locale
from babel.numbers import format_decimal, format_percent

PLURAL = re.compile(r"^\{\s*(\w+)\s*,\s*plural\s*,(.*)\}$", re.S)
CATEGORIES = ("zero", "one", "two", "few", "many", "other")


class MessageError(ValueError):
    pass


def is_plural(message: str) -> bool:
    return bool(PLURAL.match(message.strip()))


@cache
def parse_plural(message: str) -> tuple[str, dict[str, str]]:
    """`{n, plural, one {...} other {...}}` -> ("n", {"one": "...", "other": "..."})."""
    m = PLURAL.match(message.strip())
    if not m:
        raise MessageError(f"not a plural message: {message!r}")
    var, body = m.group(1), m.group(2)
    forms: dict[str, str] = {}
    i = 0
    while i < len(body):
        if body[i].isspace():
            i += 1
            continue
        key = re.match(r"(=\d+|\w+)\s*\{", body[i:])
        if not key:
            raise MessageError(f"expected 'category {{text}}' at {body[i:]!r} in {message!r}")
        start = i + key.end()
        depth, j = 1, start
        while j < len(body) and depth:
            depth += {"{": 1, "}": -1}.get(body[j], 0)
            j += 1
        if depth:
            raise MessageError(f"unbalanced braces in {message!r}")
        forms[key.group(1)] = body[start : j - 1]
        i = j
    if "other" not in forms:
        raise MessageError(f"plural message without an 'other' form: {message!r}")
    for k in forms:
        if k not in CATEGORIES and not k.startswith("="):
            raise MessageError(f"unknown plural category {k!r} in {message!r} (CLDR: {', '.join(CATEGORIES)})")
    return var, forms


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def plural_category(lang: str, n: int | float) -> str:
    return _locale(lang).plural_form(n)


def number(n: int | float, lang: str) -> str:
    """A count in the language's digits and grouping: 1,234 / 1 234 / 1234 (Spanish groups from 10 000)."""
    return format_decimal(n, locale=lang)


def percent(fraction: float, lang: str, digits: int = 1) -> str:
    """A share (0.939) as the language writes it: 93.9% / 93,9 % / 93,9 %."""
    return format_percent(round(fraction, digits + 2), locale=lang, decimal_quantization=False)


def _shown(value: Any, lang: str) -> Any:
    return number(value, lang) if isinstance(value, int | float) and not isinstance(value, bool) else value


def format_count(message: str, lang: str, **values: Any) -> str:
    """Fill a UI string: plural forms chosen by CLDR for the selecting value, numbers localised."""
    shown = {k: _shown(v, lang) for k, v in values.items()}
    if not is_plural(message):
        return message.format(**shown)
    var, forms = parse_plural(message)
    n = values[var]
    text = forms.get(f"={n}") or forms.get(plural_category(lang, n)) or forms["other"]
    return text.replace("#", shown[var]).format(**shown)

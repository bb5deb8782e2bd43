"""Open data: practices.json and practices.csv per language, and the documentation of their columns.

The columns are derived from the practice model (`migsite.model.Practice`): every field marked
`opendata` gives one or more columns, by one rule per display kind (COLUMN_RULES). Their meaning,
on the data page and in the JSON, is written from the field's label in the reader's language."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .model import Practice, Spec, attribute, specs
from .vocab import Vocabulary, country_name

SEPARATOR = " | "


@dataclass(frozen=True)
class Ctx:
    lang: str
    vocab: Vocabulary
    spec: Spec
    name: str


Getter = Callable[[Any, Ctx], Any]


def _label(v: str, c: Ctx) -> str:
    return c.vocab.label(c.spec.vocabulary or c.name, v, c.lang)


# display -> [(column name pattern, documentation key in _ui.yaml, value getter)]; the value is never None.
COLUMN_RULES: dict[str, list[tuple[str, str, Getter]]] = {
    "text": [("{name}", "col_doc_words", lambda v, c: v)],
    "local": [("{name}", "col_doc_name", lambda v, c: v.get(c.lang))],
    "locals": [("{name}", "col_doc_names", lambda v, c: [x.get(c.lang) for x in v])],
    "country": [
        ("{name}_code", "col_doc_country_code", lambda v, c: v),
        ("{name}", "col_doc_name", lambda v, c: country_name(v, c.lang)),
    ],
    "term": [("{name}_id", "col_doc_id", lambda v, c: v), ("{name}", "col_doc_name", _label)],
    "terms": [
        ("{name}", "col_doc_ids", lambda v, c: list(v)),
        ("{singular}_labels", "col_doc_names", lambda v, c: [_label(x, c) for x in v]),
    ],
    "objectives": [
        ("{name}", "col_doc_numbers", lambda v, c: list(v)),
        ("{singular}_labels", "col_doc_names", lambda v, c: [c.vocab.objective_label(n, c.lang) for n in v]),
    ],
    "year": [("{name}", "col_doc_year", lambda v, c: v)],
    "status": [("{name}", "col_doc_id", lambda v, c: v)],
    "date": [("{name}", "col_doc_date", lambda v, c: v.isoformat())],
    "reach": [
        ("{name}_number", "col_doc_number", lambda v, c: v.number),
        ("{name}_year", "col_doc_year", lambda v, c: v.year),
        ("{name}_source", "col_doc_url", lambda v, c: v.source),
    ],
    "evidence": [
        ("{name}_year", "col_doc_evidence_year", lambda v, c: v.year),
        ("{name}_source", "col_doc_url", lambda v, c: v.source),
    ],
    "funding": [
        ("{name}_source", "col_doc_name", lambda v, c: v.source.get(c.lang)),
        ("{name}_amount", "col_doc_number", lambda v, c: v.amount),
        ("{name}_currency", "col_doc_currency", lambda v, c: v.currency),
        ("{name}_year", "col_doc_year", lambda v, c: v.year),
    ],
    "legal": [
        ("{name}_titles", "col_doc_names", lambda v, c: [a.title.get(c.lang) for a in v]),
        ("{name}_urls", "col_doc_urls", lambda v, c: [a.url or "" for a in v]),
    ],
    "sources": [
        ("{singular}_urls", "col_doc_urls", lambda v, c: [s.url.get(c.lang) for s in v]),
        ("{singular}_titles", "col_doc_names", lambda v, c: [s.title.get(c.lang) for s in v]),
        ("{singular}_types", "col_doc_source_types", lambda v, c: [s.type for s in v]),
    ],
}
# Columns that are not fields: (name, documentation key).
PAGE_COLUMNS = (
    ("id", "col_doc_page_id"),
    ("title", "col_doc_page_title"),
    ("summary", "col_doc_page_summary"),
    ("url", "col_doc_page_url"),
    ("translated", "col_doc_page_translated"),
)


def _fields() -> list[tuple[str, Spec]]:
    return [(name, spec) for name, spec in specs(Practice).items() if spec.opendata]


def _column(pattern: str, name: str) -> str:
    return pattern.format(name=name, singular=name.removesuffix("s"))


def columns(ui: dict[str, str]) -> list[tuple[str, str]]:
    """(column, meaning) of every column, in order, documented in the language of `ui`."""
    out = [(name, ui[key]) for name, key in PAGE_COLUMNS]
    for name, spec in _fields():
        label = ui[spec.label or name]
        for pattern, key, _ in COLUMN_RULES[spec.display]:
            out.append((_column(pattern, name), ui[key].format(label=label)))
    return out


def fact_values(doc: Practice, lang: str, vocab: Vocabulary) -> dict[str, Any]:
    """The open-data columns of one practice's fields (None where a field is empty)."""
    out: dict[str, Any] = {}
    for name, spec in _fields():
        value = getattr(doc, attribute(name))
        ctx = Ctx(lang, vocab, spec, name)
        for pattern, _, get in COLUMN_RULES[spec.display]:
            out[_column(pattern, name)] = None if value is None else get(value, ctx)
    return out


def to_json(rows: list[dict[str, Any]], lang: str, column_docs: list[tuple[str, str]]) -> str:
    """`{"language", "columns", "practices": [...]}` with one practice per line: readable and diffable,
    and written by json's C encoder (an `indent` makes json fall back to its pure-Python encoder)."""
    head = json.dumps({"language": lang, "columns": dict(column_docs)}, ensure_ascii=False, indent=1)
    practices = "[\n" + ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n ]" if rows else "[]"
    return head.removesuffix("\n}") + f',\n "practices": {practices}\n}}\n'


# OWASP, "CSV Injection": a spreadsheet runs a cell starting with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)")


def neutralise(cell: str) -> str:
    """A cell as text a spreadsheet will not run: OWASP's advice (prefix a single quote) applied only
    to cells a spreadsheet would read as a formula. A signed number ("-3", "+1.5") or a lone "-" or
    "+" is left as it is: it is read as a value, not run. Nothing else changes; JSON is untouched."""
    if not cell.startswith(FORMULA_START) or cell in ("-", "+") or _NUMBER.fullmatch(cell):
        return cell
    return "'" + cell


def _cell(value: str) -> str:
    # A lone CR is not quoted by the csv module when lines end in LF: it would split the row in two.
    return neutralise(value).replace("\r\n", "\n").replace("\r", "\n")


def to_csv(rows: list[dict[str, Any]], names: list[str]) -> str:
    """CSV with one practice per line; list values joined by ' | ' (RFC 4180 quoting by the csv module).
    Cells that a spreadsheet would run as formulas are neutralised (see `neutralise`)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: _cell(SEPARATOR.join(map(str, v)) if isinstance(v, list) else ("" if v is None else str(v)))
                for k, v in row.items()
            }
        )
    return out.getvalue()

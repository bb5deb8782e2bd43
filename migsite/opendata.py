"""Open data: practices.json and practices.csv per language, and the documentation of their columns."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

# column -> what it holds (English; the site's open-data page documents them in every language)
COLUMNS: dict[str, str] = {
    "id": "Stable identifier of the practice (its file name).",
    "title": "Title in this language.",
    "summary": "One-sentence summary in this language.",
    "url": "Address of the practice page in this language.",
    "translated": "Whether the page is translated into this language (false: shown in English).",
    "city": "City, as named in this language.",
    "country_code": "ISO 3166-1 alpha-2 country code.",
    "country": "Country name in this language (Unicode CLDR).",
    "region_id": "Region identifier.",
    "region": "Region name in this language.",
    "start_year": "Year the practice started; empty when no source gives it.",
    "themes": "Theme identifiers.",
    "theme_labels": "Theme names in this language.",
    "objectives": "Global Compact objective numbers (editorial judgement).",
    "objective_labels": "Short labels of those objectives in this language.",
    "principles": "Guiding-principle identifiers (editorial judgement).",
    "principle_labels": "Guiding-principle names in this language.",
    "programmes": "Programme or network identifiers.",
    "partners": "Partner names as given by the sources.",
    "source_urls": "Addresses of the sources.",
    "source_titles": "Titles of the sources.",
}
SEPARATOR = " | "


def to_json(rows: list[dict[str, Any]], lang: str) -> str:
    """`{"language", "columns", "practices": [...]}` with one practice per line: readable and diffable,
    and written by json's C encoder (an `indent` makes json fall back to its pure-Python encoder)."""
    head = json.dumps({"language": lang, "columns": COLUMNS}, ensure_ascii=False, indent=1)
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


def to_csv(rows: list[dict[str, Any]]) -> str:
    """CSV with one practice per line; list values joined by ' | ' (RFC 4180 quoting by the csv module).
    Cells that a spreadsheet would run as formulas are neutralised (see `neutralise`)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: _cell(SEPARATOR.join(map(str, v)) if isinstance(v, list) else ("" if v is None else str(v)))
                for k, v in row.items()
            }
        )
    return out.getvalue()

"""Open data: practices.json and practices.csv per language, and the documentation of their columns."""

from __future__ import annotations

import csv
import io
import json
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


def to_csv(rows: list[dict[str, Any]]) -> str:
    """CSV with one practice per line; list values joined by ' | ' (RFC 4180 quoting by the csv module)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: SEPARATOR.join(map(str, v)) if isinstance(v, list) else ("" if v is None else v)
                for k, v in row.items()
            }
        )
    return out.getvalue()

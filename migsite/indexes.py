"""Practice indexes and the Global Compact cross-reference, computed once per language from the
validated records. Plain data (localised text and site-root-relative links); templates draw it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .corpus import Record, Site
from .ui import load_ui
from .views import city_name, lang_prefix, objective_path, page_href
from .vocab import country_name

Row = dict[str, Any]


@dataclass
class Indexes:
    """Every generated list of one language. Build with `Indexes(site, lang)`; attributes are lazy."""

    site: Site
    lang: str
    # dimension -> coverage: the gap list, the heat map and the table of a dimension share one count
    _coverage: dict[str, dict[str, Any]] = field(default_factory=dict, init=False, repr=False, compare=False)

    # ------------------------------------------------------------------ practices
    @cached_property
    def practices(self) -> list[Row]:
        """One row per practice, sorted by city then title (locale-independent ids as tie-break)."""
        rows = [self._practice_row(r) for r in self.site.practices(self.lang)]
        return sorted(rows, key=lambda r: (r["city"].casefold(), r["title"].casefold(), r["id"]))

    def _practice_row(self, r: Record) -> Row:
        s, lang, f = self.site, self.lang, r.facts
        vocab = s.vocab
        return {
            "id": r.id,
            "path": r.path,
            "title": r.title,
            "summary": r.words.get("summary", ""),
            "href": page_href(s, lang, r.path),
            "translated": r.translated,
            "city": city_name(r, lang),
            "country_code": f["country"],
            "country": country_name(f["country"], lang),
            "region_id": f["region"],
            "region": vocab.label("regions", f["region"], lang),
            "year": f["start_year"],
            "themes": [{"id": t, "label": vocab.label("themes", t, lang)} for t in f["themes"]],
            "objectives": [
                {"number": n, "label": vocab.objective_label(n, lang), "href": self.objective_href(n)}
                for n in f["objectives"]
            ],
            "principles": [{"id": p, "label": vocab.label("principles", p, lang)} for p in f["principles"]],
            "programmes": [{"id": p, "label": vocab.label("programmes", p, lang)} for p in f.get("programmes") or []],
            "partners": list(f.get("partners") or []),
            "sources": list(f["sources"]),
        }

    def objective_href(self, n: int) -> str | None:
        return (
            page_href(self.site, self.lang, objective_path(n)) if self.site.get(self.lang, objective_path(n)) else None
        )

    @cached_property
    def filters(self) -> dict[str, Any]:
        """The options of each filter of the practice table, labelled and sorted for this language."""
        rows = self.practices
        vocab = self.site.vocab

        def options(key: str, vocabulary: str) -> list[dict[str, str]]:
            used = {item["id"] for row in rows for item in row[key]}
            return [
                {"value": t, "label": vocab.label(vocabulary, t, self.lang)} for t in vocab.ids(vocabulary) if t in used
            ]

        countries = sorted({(r["country_code"], r["country"]) for r in rows}, key=lambda c: c[1].casefold())
        regions = {r["region_id"] for r in rows}
        years = [r["year"] for r in rows if r["year"]]
        used_objectives = sorted({o["number"] for r in rows for o in r["objectives"]})
        return {
            "regions": [
                {"value": t, "label": vocab.label("regions", t, self.lang)}
                for t in vocab.ids("regions")
                if t in regions
            ],
            "countries": [{"value": code, "label": name} for code, name in countries],
            "themes": options("themes", "themes"),
            "principles": options("principles", "principles"),
            "objectives": [
                {"value": str(n), "label": f"{n}. {vocab.objective_label(n, self.lang)}"} for n in used_objectives
            ],
            "year_min": min(years) if years else None,
            "year_max": max(years) if years else None,
        }

    @cached_property
    def by_region(self) -> list[Row]:
        """Region -> country -> city -> practices, in vocabulary order then alphabetical."""
        tree: dict[str, dict[str, dict[str, list[Row]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
        for row in self.practices:
            tree[row["region_id"]][row["country"]][row["city"]].append(row)
        out = []
        for region in self.site.vocab.ids("regions"):
            if region not in tree:
                continue
            countries = [
                {
                    "label": country,
                    "cities": [
                        {"label": city, "practices": tree[region][country][city]}
                        for city in sorted(cities, key=str.casefold)
                    ],
                }
                for country, cities in sorted(tree[region].items(), key=lambda c: c[0].casefold())
            ]
            out.append(
                {
                    "id": region,
                    "label": self.site.vocab.label("regions", region, self.lang),
                    "countries": countries,
                    "count": sum(len(c["practices"]) for country in countries for c in country["cities"]),
                }
            )
        return out

    def _grouped(self, key: str, vocabulary: str) -> list[Row]:
        groups = [
            {
                "id": term,
                "label": self.site.vocab.label(vocabulary, term, self.lang),
                "practices": [r for r in self.practices if any(item["id"] == term for item in r[key])],
            }
            for term in self.site.vocab.ids(vocabulary)
        ]
        return [g for g in groups if g["practices"]]

    @cached_property
    def by_theme(self) -> list[Row]:
        return self._grouped("themes", "themes")

    @cached_property
    def by_principle(self) -> list[Row]:
        return self._grouped("principles", "principles")

    @cached_property
    def by_programme(self) -> list[Row]:
        return self._grouped("programmes", "programmes")

    @cached_property
    def by_year(self) -> list[Row]:
        years: dict[int | None, list[Row]] = defaultdict(list)
        for row in self.practices:
            years[row["year"]].append(row)
        ordered = sorted((y for y in years if y is not None), reverse=True)
        out = [{"id": str(y), "label": str(y), "practices": years[y]} for y in ordered]
        if None in years:
            out.append({"id": "unknown", "label": load_ui(self.lang)["year_unknown"], "practices": years[None]})
        return out

    # ------------------------------------------------------------------ objectives
    @cached_property
    def declarations(self) -> dict[int, dict[str, list[Row]]]:
        """Objective -> {practices, recommendations, pages}: every declared (page, objective) pair once."""
        out: dict[int, dict[str, list[Row]]] = {
            n: {"practices": [], "recommendations": [], "pages": []} for n in self.site.vocab.objectives
        }
        practice_rows = {r["id"]: r for r in self.practices}
        for record in sorted(self.site.records(self.lang), key=lambda r: r.path):
            for n in record.objectives:
                if record.kind == "practice":
                    out[n]["practices"].append(practice_rows[record.id])
                elif record.kind == "recommendation":
                    out[n]["recommendations"].append(self._page_row(record))
                else:
                    out[n]["pages"].append(self._page_row(record))
        for lists in out.values():
            lists["recommendations"].sort(key=lambda r: r["number"])
        return out

    def _page_row(self, r: Record) -> Row:
        return {
            "path": r.path,
            "title": r.title or r.path,
            "href": page_href(self.site, self.lang, r.path),
            "summary": r.words.get("summary", ""),
            "number": r.facts.get("number", 0),
        }

    @cached_property
    def recommendations(self) -> list[Row]:
        rows = []
        for r in self.site.records(self.lang, "recommendation"):
            row = self._page_row(r)
            row["objectives"] = [
                {"number": n, "label": self.site.vocab.objective_label(n, self.lang), "href": self.objective_href(n)}
                for n in r.facts["objectives"]
            ]
            row["audience"] = [self.site.vocab.label("audiences", a, self.lang) for a in r.facts["audience"]]
            rows.append(row)
        return sorted(rows, key=lambda r: r["number"])

    @cached_property
    def objectives(self) -> list[Row]:
        vocab = self.site.vocab
        rows = []
        for n, o in sorted(vocab.objectives.items()):
            d = self.declarations[n]
            rows.append(
                {
                    "number": n,
                    "title": vocab.objective_title(n, self.lang),
                    "short_label": vocab.objective_label(n, self.lang),
                    "unofficial": self.lang in o.unverified or self.lang not in o.title,
                    "href": self.objective_href(n),
                    "practices": len(d["practices"]),
                    "recommendations": len(d["recommendations"]),
                    "pages": len(d["pages"]),
                }
            )
        return rows

    def coverage(self, dimension: str) -> dict[str, Any]:
        """Objective x region (dimension 'regions') or objective x theme ('themes') practice counts."""
        if dimension not in self._coverage:
            self._coverage[dimension] = self._count_coverage(dimension)
        return self._coverage[dimension]

    def _count_coverage(self, dimension: str) -> dict[str, Any]:
        key = {"regions": "region_id", "themes": "themes"}[dimension]
        vocab = self.site.vocab
        used = {term for r in self.practices for term in self._terms(r, key)}
        columns = [t for t in vocab.ids(dimension) if t in used]
        rows = []
        peak = 1
        for o in self.objectives:
            practices = self.declarations[o["number"]]["practices"]
            counts: dict[str, int] = defaultdict(int)
            for r in practices:
                for term in self._terms(r, key):
                    counts[term] += 1
            cells = [counts[c] for c in columns]
            peak = max([peak, *cells])
            rows.append({**o, "cells": cells, "total": len(practices)})
        return {
            "columns": [{"id": c, "label": vocab.label(dimension, c, self.lang)} for c in columns],
            "rows": rows,
            "peak": peak,
            "gaps": [r for r in rows if r["total"] == 0],
        }

    @staticmethod
    def _terms(row: Row, key: str) -> set[str]:
        """The terms of a row under `key`: its region id, or the ids of its themes (each once)."""
        value = row[key]
        return {value} if isinstance(value, str) else {item["id"] for item in value}

    def heatmap(self, dimension: str) -> dict[str, Any]:
        """Geometry of an SVG heat map of `coverage(dimension)`: cells with position and shade."""
        cov = self.coverage(dimension)
        # room for the rotated column labels: about 6 px per character at 11 px, at 60 degrees
        longest = max((len(c["label"]) for c in cov["columns"]), default=10)
        cell, label_w, head_h = 28, 220, 20 + round(longest * 6 * 0.87)
        cells = []
        for y, row in enumerate(cov["rows"]):
            for x, count in enumerate(row["cells"]):
                cells.append(
                    {
                        "x": label_w + x * cell,
                        "y": head_h + y * cell,
                        "count": count,
                        "shade": round(count / cov["peak"], 3),
                        "row": row["short_label"],
                        "column": cov["columns"][x]["label"],
                    }
                )
        return {
            **cov,
            "cell": cell,
            "label_w": label_w,
            "head_h": head_h,
            "width": label_w + cell * max(len(cov["columns"]), 1) + round(longest * 6 * 0.5) + 10,
            "height": head_h + cell * len(cov["rows"]) + 10,
            "cells_geo": cells,
        }

    # ------------------------------------------------------------------ open data
    def open_data_rows(self) -> list[dict[str, Any]]:
        """Flat records for practices.json / practices.csv: every fact, localised labels, absolute URLs."""
        base = self.site.config.site_url
        out = []
        for r in self.practices:
            out.append(
                {
                    "id": r["id"],
                    "title": r["title"],
                    "summary": r["summary"],
                    "url": base + r["href"],
                    "translated": r["translated"],
                    "city": r["city"],
                    "country_code": r["country_code"],
                    "country": r["country"],
                    "region_id": r["region_id"],
                    "region": r["region"],
                    "start_year": r["year"],
                    "themes": [t["id"] for t in r["themes"]],
                    "theme_labels": [t["label"] for t in r["themes"]],
                    "objectives": [o["number"] for o in r["objectives"]],
                    "objective_labels": [o["label"] for o in r["objectives"]],
                    "principles": [p["id"] for p in r["principles"]],
                    "principle_labels": [p["label"] for p in r["principles"]],
                    "programmes": [p["id"] for p in r["programmes"]],
                    "partners": r["partners"],
                    "source_urls": [s["url"] for s in r["sources"]],
                    "source_titles": [s["title"] for s in r["sources"]],
                }
            )
        return out

    def prefix(self) -> str:
        return lang_prefix(self.site, self.lang)

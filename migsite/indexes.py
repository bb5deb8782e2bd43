"""Practice indexes and the Global Compact cross-reference, computed once per language from the
validated records. Plain data (localised text and site-root-relative links); templates draw it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from . import opendata
from .corpus import Record, Site, practice
from .model import Practice, Recommendation, Spec, attribute, specs
from .ui import load_ui
from .values import STATUSES
from .views import lang_prefix, objective_path, page_href
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
        s, lang, p = self.site, self.lang, practice(r)
        vocab = s.vocab
        ui = load_ui(lang)
        row: Row = {
            "id": r.id,
            "path": r.path,
            "title": p.title,
            "summary": p.summary,
            "href": page_href(s, lang, r.path),
            "translated": r.translated,
            "doc": p,
            "city": p.city.get(lang),
            "country_code": p.country,
            "country": country_name(p.country, lang),
            "region_id": p.region,
            "region": vocab.label("regions", p.region, lang),
            "year": p.start_year,
            "status": p.status,
            "status_label": ui[f"practice_status_{p.status}"],
            "themes": [{"id": t, "label": vocab.label("themes", t, lang)} for t in p.themes],
            "objectives": [
                {"number": n, "label": vocab.objective_label(n, lang), "href": self.objective_href(n)}
                for n in p.objectives
            ],
            "principles": [{"id": t, "label": vocab.label("principles", t, lang)} for t in p.principles],
            "programmes": [{"id": t, "label": vocab.label("programmes", t, lang)} for t in p.programmes],
        }
        # data-* attributes of the row, read by filters.js: one per select filter of the model
        row["filter_values"] = {
            f["name"]: " ".join(map(str, self._filter_values(p, f["field"]))) for f in self._filter_fields
        }
        return row

    def objective_href(self, n: int) -> str | None:
        return (
            page_href(self.site, self.lang, objective_path(n)) if self.site.get(self.lang, objective_path(n)) else None
        )

    @cached_property
    def _filter_fields(self) -> list[dict[str, Any]]:
        """The select filters of the practice list: every model field marked `filter` but the year."""
        out = []
        for name, spec in specs(Practice).items():
            if spec.filter and spec.display != "year":
                many = spec.display in ("terms", "objectives")
                out.append(
                    {"name": name.removesuffix("s") if many else name, "field": name, "spec": spec, "list": many}
                )
        return out

    @staticmethod
    def _filter_values(p: Practice, name: str) -> tuple[Any, ...]:
        value = getattr(p, attribute(name))
        if value is None:
            return ()
        return tuple(value) if isinstance(value, tuple) else (value,)

    @cached_property
    def filters(self) -> dict[str, Any]:
        """The filters of the practice list, labelled and sorted for this language (from the model)."""
        rows = self.practices
        ui = load_ui(self.lang)
        vocab = self.site.vocab
        selects = []
        for f in self._filter_fields:
            spec: Spec = f["spec"]
            used = {v for r in rows for v in self._filter_values(r["doc"], f["field"])}
            match spec.display:
                case "term" | "terms":
                    vocabulary = spec.vocabulary or f["field"]
                    options = [
                        {"value": t, "label": vocab.label(vocabulary, t, self.lang)}
                        for t in vocab.ids(vocabulary)
                        if t in used
                    ]
                case "objectives":
                    options = [
                        {"value": str(n), "label": f"{n}. {vocab.objective_label(n, self.lang)}"} for n in sorted(used)
                    ]
                case "country":
                    options = sorted(
                        ({"value": c, "label": country_name(c, self.lang)} for c in used),
                        key=lambda o: o["label"].casefold(),
                    )
                case "status":
                    options = [{"value": v, "label": ui[f"practice_status_{v}"]} for v in STATUSES if v in used]
                case _:
                    options = [{"value": str(v), "label": str(v)} for v in sorted(used)]
            selects.append(
                {
                    "name": f["name"],
                    "label": ui[spec.label or f["field"]],
                    # "All regions", "Tous les pays", "Todos los temas": the word "all" agrees with its noun
                    "all": ui.get(f"filter_all_{f['name']}") or ui["filter_all"],
                    "options": options,
                    "list": f["list"],
                }
            )
        years = [r["year"] for r in rows if r["year"]]
        return {
            "selects": selects,
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
            countries: list[dict[str, Any]] = [
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
                    "count": sum(len(city["practices"]) for country in countries for city in country["cities"]),
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
            "summary": r.summary or "",
            "number": getattr(r.doc, "number", 0),
        }

    @cached_property
    def recommendations(self) -> list[Row]:
        rows = []
        for r in self.site.records(self.lang, "recommendation"):
            doc = r.doc
            assert isinstance(doc, Recommendation)
            row = self._page_row(r)
            row["objectives"] = [
                {"number": n, "label": self.site.vocab.objective_label(n, self.lang), "href": self.objective_href(n)}
                for n in doc.objectives
            ]
            row["audience"] = [self.site.vocab.label("audiences", a, self.lang) for a in doc.audience]
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
        """Flat records for practices.json / practices.csv: columns derived from the model, absolute URLs."""
        base = self.site.config.site_url
        return [
            {
                "id": r["id"],
                "title": r["title"],
                "summary": r["summary"],
                "url": base + r["href"],
                "translated": r["translated"],
                **opendata.fact_values(r["doc"], self.lang, self.site.vocab),
            }
            for r in self.practices
        ]

    @cached_property
    def open_data_columns(self) -> list[tuple[str, str]]:
        """(column, meaning in this language) of the open data files, from the model."""
        return opendata.columns(load_ui(self.lang))

    def prefix(self) -> str:
        return lang_prefix(self.site, self.lang)

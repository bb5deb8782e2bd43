"""Practice indexes and the Global Compact cross-reference: computed in plain Python, drawn in every language."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from urllib.parse import urljoin

import pytest
from htmlscan import parse, tags
from sitepaths import CONFIG, LANGS, PREFIX
from sitepaths import page as html

from migsite.corpus import load_site
from migsite.indexes import Indexes
from migsite.opendata import to_json

SITE = load_site(CONFIG)


def declared_pairs(lang: str) -> Counter:
    return Counter((r.path, n) for r in SITE.records(lang) for n in r.objectives)


@pytest.mark.parametrize("lang", LANGS)
def test_every_declared_pair_is_listed_once_under_its_objective(lang):
    idx = Indexes(SITE, lang)
    listed = Counter()
    for n, lists in idx.declarations.items():
        for kind in ("practices", "recommendations", "pages"):
            for row in lists[kind]:
                listed[(row["path"], n)] += 1
    assert listed == declared_pairs(lang)


@pytest.mark.parametrize("lang", LANGS)
def test_overview_counts_match_declarations(lang):
    idx = Indexes(SITE, lang)
    practices = Counter(n for r in SITE.records(lang, "practice") for n in r.objectives)
    recs = Counter(n for r in SITE.records(lang, "recommendation") for n in r.objectives)
    assert [o["number"] for o in idx.objectives] == list(range(1, 24))
    for o in idx.objectives:
        assert o["practices"] == practices[o["number"]]
        assert o["recommendations"] == recs[o["number"]]


@pytest.mark.parametrize("lang", LANGS)
def test_objective_pages_and_fact_boxes_are_symmetric_in_built_page(site_dir, lang):
    """Each (practice, objective) pair: one link on the objective page, one in the practice's box."""
    on_objective_pages = Counter()
    for n in range(1, 24):
        page = html(site_dir, lang, f"compact/objectives/{n:02d}/index.html")
        section = page.split('id="practices"', 1)[1].split('id="recommendations"', 1)[0]
        for a in tags(section, "a"):
            href = a.get("href", "")
            if "?objective=" in href:  # the link to the filtered list of practices, not a practice
                continue
            if "/practices/" in href or href.startswith("../../../practices/"):
                on_objective_pages[(href.rstrip("/").split("/")[-1], n)] += 1
    in_boxes = Counter()
    for r in SITE.records(lang, "practice"):
        page = html(site_dir, lang, f"practices/{r.id}/index.html")
        box = page.split('class="migsite-facts__objectives"', 1)[1].split("</dd>", 1)[0]
        for a in tags(box, "a"):
            in_boxes[(r.id, int(a["href"].rstrip("/").split("/")[-1]))] += 1
    expected = Counter((r.id, n) for r in SITE.records(lang, "practice") for n in r.objectives)
    assert on_objective_pages == expected
    assert in_boxes == expected


@pytest.mark.parametrize("lang", LANGS)
def test_recommendations_and_pages_cross_links_are_symmetric(site_dir, lang):
    """Recommendations and ordinary pages that declare objectives: listed there, boxed here."""
    listed, boxed, expected = Counter(), Counter(), Counter()
    records = [r for r in SITE.records(lang) if r.kind in ("recommendation", "page") and r.objectives]
    assert records, "some recommendations and pages declare objectives"
    by_url = {r.url: r.path for r in records}
    for n in range(1, 24):
        page = html(site_dir, lang, f"compact/objectives/{n:02d}/index.html")
        section = page.split('id="recommendations"', 1)[1].split("</article>", 1)[0]
        for a in tags(section, "a"):
            target = urljoin(f"/compact/objectives/{n:02d}/", a.get("href", "")).lstrip("/")
            if target in by_url:
                listed[(by_url[target], n)] += 1
    for r in records:
        expected.update((r.path, n) for n in r.objectives)
        page = html(site_dir, lang, r.url + "index.html")
        box = page.split('class="migsite-facts__objectives"', 1)[1].split("</dd>", 1)[0]
        for a in tags(box, "a"):
            boxed[(r.path, int(a["href"].rstrip("/").split("/")[-1]))] += 1
    assert listed == expected
    assert boxed == expected


@pytest.mark.parametrize("lang", LANGS)
def test_practice_table_is_complete_without_javascript(site_dir, lang):
    page = html(site_dir, lang, "practices/index.html")
    rows = [a for a in tags(page, "tr") if "data-region" in a]
    assert len(rows) == len(SITE.records(lang, "practice"))
    # the filters form is hidden until the script shows it; the table needs no script
    (form,) = [a for a in tags(page, "form") if "data-migsite-filters" in a]
    assert "hidden" in form


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["by-region", "by-theme", "by-year", "by-objective", "by-principle", "by-programme"])
def test_browsable_indexes_exist_and_link_practices(site_dir, lang, name):
    page = html(site_dir, lang, f"practices/{name}/index.html")
    linked = {
        a["href"].rstrip("/").split("/")[-1]
        for a in tags(page, "a")
        if "/practices/" in a.get("href", "") or a.get("href", "").startswith("../")
    }
    ids = {r.id for r in SITE.records(lang, "practice")}
    if name in ("by-region", "by-year", "by-theme", "by-principle", "by-objective"):
        assert ids <= linked, ids - linked  # every practice reachable


def test_country_names_are_localised_by_cldr():
    rows = {lang: {r["id"]: r for r in Indexes(SITE, lang).practices} for lang in LANGS}
    assert rows["en"]["nyc-idnyc"]["country"] == "United States"
    assert rows["fr"]["nyc-idnyc"]["country"] == "États-Unis"
    assert rows["es"]["nyc-idnyc"]["country"] == "Estados Unidos"


def test_coverage_matrix_and_gaps():
    idx = Indexes(SITE, "en")
    cov = idx.coverage("regions")
    totals = Counter(n for r in SITE.records("en", "practice") for n in r.objectives)
    for row in cov["rows"]:
        assert row["total"] == totals[row["number"]]
        assert sum(row["cells"]) == row["total"]  # one region per practice
    assert [r["number"] for r in cov["gaps"]] == [n for n in range(1, 24) if totals[n] == 0]
    assert idx.coverage("regions") is cov  # counted once, shared by the gap list, heat map and table


def test_coverage_by_theme_counts_each_practice_once_per_theme():
    idx = Indexes(SITE, "fr")
    cov = idx.coverage("themes")
    practices = SITE.records("fr", "practice")
    expected = Counter((n, t) for r in practices for n in set(r.objectives) for t in set(r.doc.themes))
    columns = [c["id"] for c in cov["columns"]]
    assert set(columns) == {t for r in practices for t in r.doc.themes}
    for row in cov["rows"]:
        assert row["cells"] == [expected[(row["number"], t)] for t in columns]
    assert cov["peak"] == max(expected.values())


@pytest.mark.parametrize("lang", LANGS)
def test_coverage_page_has_heat_map_tables_and_gap_list(site_dir, lang):
    page = html(site_dir, lang, "compact/coverage/index.html")
    assert len([t for t in tags(page, "table") if "migsite-heat" in (t.get("class") or "")]) == 2
    gaps = Indexes(SITE, lang).coverage("regions")["gaps"]
    assert len(tags(page, "ul", **{"class": "migsite-gaps"})) == (1 if gaps else 0)


@pytest.mark.parametrize("rows", [[], [{"id": "a", "themes": ["x", "é"]}, {"id": "b", "themes": []}]])
def test_open_data_json_is_one_document_with_one_practice_per_line(rows):
    columns = [("id", "Identifiant"), ("themes", "Thèmes")]
    text = to_json(rows, "fr", columns)
    assert json.loads(text) == {"language": "fr", "columns": dict(columns), "practices": rows}
    assert [json.loads(line.rstrip(",")) for line in text.splitlines() if line.startswith('{"id": ')] == rows
    assert "é" in text or not rows  # readable UTF-8, not \u escapes


@pytest.mark.parametrize("lang", LANGS)
def test_open_data_per_language(site_dir, lang):
    raw = (site_dir / PREFIX[lang] / "practices/practices.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    columns = [name for name, _ in Indexes(SITE, lang).open_data_columns]
    assert data["language"] == lang and list(data["columns"]) == columns
    assert len(data["practices"]) == len(SITE.records(lang, "practice"))
    lines = [json.loads(line.rstrip(",")) for line in raw.splitlines() if line.startswith('{"id": ')]
    assert lines == data["practices"]  # one practice per line: readable and diffable
    assert all(
        row["source_urls"] and all(u.startswith(("http://", "https://")) for u in row["source_urls"])
        for row in data["practices"]
    )
    text = (site_dir / PREFIX[lang] / "practices/practices.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == columns and len(rows) == len(data["practices"])
    # Spreadsheets in French or Spanish read UTF-8 by its byte-order mark; RFC 4180 ends records with CRLF.
    raw_csv = (site_dir / PREFIX[lang] / "practices/practices.csv").read_bytes()
    assert raw_csv.startswith(b"\xef\xbb\xbf") and raw_csv.count(b"\r\n") >= len(rows) + 1
    assert b"\n" not in raw_csv.replace(b"\r\n", b"")
    page = html(site_dir, lang, "practices/index.html")
    assert "practices.json" in page and "practices.csv" in page


@pytest.mark.parametrize("lang", LANGS)
def test_objective_page_shows_official_title_and_unofficial_marker(site_dir, lang):
    for n in (4, 15):
        page = html(site_dir, lang, f"compact/objectives/{n:02d}/index.html")
        title = SITE.vocab.objective_title(n, lang)
        assert title in " ".join(parse(page).text)
        unofficial = lang in SITE.vocab.objectives[n].unverified
        assert ('class="migsite-badge"' in page) == unofficial


@pytest.mark.parametrize(
    ("lang", "rel", "file"),
    [
        ("en", "practices/nyc-idnyc/index.html", "docs/practices/nyc-idnyc.md"),
        ("fr", "practices/nyc-idnyc/index.html", "docs_fr/practices/nyc-idnyc.md"),
        ("es", "practices/zurich-city-card/index.html", "docs/practices/zurich-city-card.md"),  # fallback: English file
    ],
)
def test_last_updated_date_is_localised_by_cldr(site_dir, lang, rel, file):
    import subprocess
    from datetime import UTC, datetime

    from babel.dates import format_date

    stamp = subprocess.run(["git", "log", "-1", "--format=%ct", "--", file], capture_output=True, text=True).stdout
    if not stamp.strip():
        pytest.skip(f"{file} is not committed yet")
    day = datetime.fromtimestamp(int(stamp), tz=UTC).date()
    # the page's "last updated" (the fact box also dates when its facts were last checked)
    assert day.isoformat() in [t["datetime"] for t in tags(html(site_dir, lang, rel), "time")]
    assert format_date(day, format="long", locale=lang) in html(site_dir, lang, rel)

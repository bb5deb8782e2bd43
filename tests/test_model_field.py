"""One declaration per field: adding a field to the practice model (and its label in the three
_ui.yaml files) changes the fact box, the filters, the open data and the data page in every language."""

from __future__ import annotations

import csv
import io
import json

from helpers import copy_project, mkdocs_build

FIELD = """    cost_band: str | None = fact(
        s.one_of(("low", "high"), "cost band"), display="text", factbox=True, filter=True, opendata=True
    )
"""
LABELS = {"docs": "Cost band", "docs_fr": "Tranche de coût", "docs_es": "Franja de coste"}
PREFIX = {"docs": "", "docs_fr": "fr/", "docs_es": "es/"}


def test_a_new_practice_field_reaches_every_view(tmp_path):
    project = copy_project(tmp_path / "project")
    model = project / "migsite/model.py"
    text = model.read_text(encoding="utf-8")
    anchor = "    last_verified: datetime.date = fact("
    assert anchor in text
    model.write_text(text.replace(anchor, FIELD + anchor, 1), encoding="utf-8")
    for folder, label in LABELS.items():
        with (project / folder / "_ui.yaml").open("a", encoding="utf-8") as ui:
            ui.write(f"cost_band: {label}\n")
    page = project / "docs/practices/nyc-idnyc.md"
    page.write_text(page.read_text(encoding="utf-8").replace("\nstatus:", "\ncost_band: high\nstatus:", 1))

    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr

    for folder, label in LABELS.items():
        root = site / PREFIX[folder]
        practice = (root / "practices/nyc-idnyc/index.html").read_text(encoding="utf-8")
        assert f">{label}</dt>" in practice and 'class="migsite-facts__cost_band"' in practice
        listing = (root / "practices/index.html").read_text(encoding="utf-8")
        assert 'name="cost_band"' in listing and 'data-cost_band="high"' in listing
        data = json.loads((root / "practices/practices.json").read_text(encoding="utf-8"))
        assert data["columns"]["cost_band"].startswith(label)
        assert {p["id"]: p["cost_band"] for p in data["practices"]}["nyc-idnyc"] == "high"
        rows = list(csv.DictReader(io.StringIO((root / "practices/practices.csv").read_text(encoding="utf-8-sig"))))
        assert {r["id"]: r["cost_band"] for r in rows}["nyc-idnyc"] == "high"
        columns_page = (root / "practices/data/index.html").read_text(encoding="utf-8")
        assert "<code>cost_band</code>" in columns_page and label in columns_page

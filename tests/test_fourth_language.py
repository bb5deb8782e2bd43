"""Adding a language is one config entry plus one folder; a right-to-left language renders RTL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import copy_project, mkdocs_build
from htmlscan import parse, tags

NEW = {
    "pt": {
        "name": "Português",
        "dir": "ltr",
        "index": "---\ntitle: Cidades e migração\nsummary: Como as cidades acolhem pessoas migrantes.\n---\n\n"
        "## Para quem\n\nPara autoridades municipais, pesquisadores e organizações da sociedade civil.\n",
        "ui": {"fallback_title": "Ainda não traduzido", "fallback_text": "Esta página ainda não foi traduzida."},
    },
    "ar": {
        "name": "العربية",
        "dir": "rtl",
        "index": "---\ntitle: المدن والهجرة\nsummary: كيف تستقبل المدن المهاجرين.\n---\n\n"
        "## لمن\n\nللمسؤولين في المدن.\n",
        "ui": {"fallback_title": "لم تُترجم بعد", "fallback_text": "لم تُترجم هذه الصفحة بعد."},
    },
}


def add_language(project: Path, code: str) -> None:
    """The two steps of TRANSLATING.md: one entry in mkdocs.yml, one folder docs_<code>/."""
    spec = NEW[code]
    mk = project / "mkdocs.yml"
    text = mk.read_text(encoding="utf-8")
    anchor = "# Sections only"
    entry = f"        - locale: {code}\n          name: {spec['name']}\n          build: true\n\n"
    assert anchor in text
    mk.write_text(text.replace(anchor, entry + anchor, 1), encoding="utf-8")
    folder = project / f"docs_{code}"
    folder.mkdir()
    (folder / "index.md").write_text(spec["index"], encoding="utf-8")
    ui = "".join(f'{k}: "{v}"\n' for k, v in spec["ui"].items())
    (folder / "_ui.yaml").write_text(ui, encoding="utf-8")


@pytest.fixture(scope="module")
def four_languages(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("fourth") / "project")
    for code in NEW:
        add_language(project, code)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.mark.parametrize("code", list(NEW))
def test_new_language_pages_and_direction(four_languages, code):
    site = four_languages / "site"
    home = (site / code / "index.html").read_text(encoding="utf-8")
    (html_tag,) = tags(home, "html")
    assert html_tag["lang"] == code
    (body,) = tags(home, "body")
    assert body.get("dir") == NEW[code]["dir"]
    assert NEW[code]["index"].split("title: ")[1].split("\n")[0] in " ".join(parse(home).text)


@pytest.mark.parametrize("code", list(NEW))
def test_new_language_fallback_notice_in_that_language(four_languages, code):
    page = (four_languages / "site" / code / "practices/nyc-idnyc/index.html").read_text(encoding="utf-8")
    text = " ".join(parse(page).text)
    assert NEW[code]["ui"]["fallback_title"] in text and NEW[code]["ui"]["fallback_text"] in text
    assert tags(page, "div", **{"class": "migsite-content", "lang": "en"})


@pytest.mark.parametrize("code", list(NEW))
def test_new_language_in_switcher_hreflang_and_search(four_languages, code):
    site = four_languages / "site"
    page = (site / "fr/practices/nyc-idnyc/index.html").read_text(encoding="utf-8")
    switcher = {a["hreflang"]: a["href"] for a in tags(page, "a") if "md-select__link" in (a.get("class") or "")}
    assert switcher[code] == f"../../../{code}/practices/nyc-idnyc/"
    alternates = {a["hreflang"] for a in tags(page, "link", rel="alternate")}
    assert code in alternates
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    # its one translated page, and the fact boxes (in its language) of the practices and recommendations
    # it has not translated yet: its own search index
    facts = len(list((four_languages / "docs/practices").glob("*.md"))) + len(
        list((four_languages / "docs/right-to-the-city/recommendations").glob("*.md"))
    )
    assert 1 < entry["languages"][code]["page_count"] <= 1 + facts


def test_status_report_includes_the_new_languages(four_languages):
    out = subprocess.run(
        [sys.executable, "-m", "migsite", "--root", str(four_languages), "status", "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(four_languages)},
    )
    data = {lang["lang"]: lang for lang in json.loads(out.stdout)["languages"]}
    assert set(data) == {"fr", "es", "pt", "ar"}
    assert data["pt"]["translated"] == 1 and data["pt"]["missing"] == data["pt"]["total"] - 1

"""`mkdocs serve` shows the three languages and reloads on an edit in any locale folder, and on an edit
of the UI strings (_ui.yaml), the vocabulary (migsite/data/vocabulary.yaml) or a template."""

from __future__ import annotations

import time

import pytest
from helpers import copy_project, fetch, mkdocs_serve

from migsite.preview import PREVIEW_FILE, preview_config, write_preview_config


def wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if needle in fetch(url):
            return True
        time.sleep(0.5)
    return False


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture()
def server(tmp_path):
    project = copy_project(tmp_path / "project")
    with mkdocs_serve(project) as base:
        assert wait_for(base + "es/", 'lang="es"', 120), "mkdocs serve did not come up"
        yield project, base
    assert list((tmp_path / "project-tmp").iterdir()) == [], "mkdocs serve left its temporary site behind"


def test_serve_reloads_edits_in_every_locale_folder(server):
    project, base = server
    assert 'lang="en"' in fetch(base) and 'lang="fr"' in fetch(base + "fr/")
    for folder, lang, heading in (
        ("docs_fr", "fr", "## Contexte"),
        ("docs_es", "es", "## Contexto"),
        ("docs", "", "## Context"),
    ):
        marker = f"Edited-{folder}-{time.monotonic_ns()}"
        edit(project / folder / "practices/nyc-idnyc.md", heading, f"{heading}\n\n{marker}\n")
        url = base + (f"{lang}/" if lang else "") + "practices/nyc-idnyc/"
        assert wait_for(url, marker, 90), f"edit in {folder} not served"


def test_serve_reloads_ui_strings_vocabulary_and_templates(server):
    """The domain's caches (load_ui, load_vocabulary, load_config) are cleared at each rebuild
    (hooks/lifecycle.py): the served page shows the edited strings, not the first build's."""
    project, base = server
    url = base + "fr/practices/nyc-idnyc/"
    assert "Amérique du Nord" in fetch(url)
    ui = f"Faits-{time.monotonic_ns()}"
    edit(project / "docs_fr" / "_ui.yaml", "facts_title: Faits essentiels", f"facts_title: {ui}")
    assert wait_for(url, ui, 90), "edit of docs_fr/_ui.yaml not served"
    region = f"Amerique-{time.monotonic_ns()}"
    edit(project / "migsite" / "data" / "vocabulary.yaml", "fr: Amérique du Nord", f"fr: {region}")
    assert wait_for(url, region, 90), "edit of vocabulary.yaml not served"
    template = f"Template-{time.monotonic_ns()}"
    facts = project / "overrides" / "partials" / "migsite" / "facts.html"
    facts.write_text(f"<!-- {template} -->\n" + facts.read_text(encoding="utf-8"), encoding="utf-8")
    assert wait_for(url, template, 90), "edit of a template not served"


def test_preview_config_builds_english_and_one_language():
    data = {
        "watch": ["migsite"],
        "plugins": [
            "other",
            {"i18n": {"languages": [{"locale": "en", "default": True}, {"locale": "fr"}, {"locale": "es"}]}},
        ],
    }
    config = preview_config(data, "es")
    assert config["INHERIT"] == "mkdocs.yml" and config["watch"] == ["migsite", "mkdocs.yml"]
    assert config["plugins"][0] == "other"
    assert [(x["locale"], x["build"]) for x in config["plugins"][1]["i18n"]["languages"]] == [
        ("en", True),
        ("fr", False),
        ("es", True),
    ]
    assert "build" not in data["plugins"][1]["i18n"]["languages"][1]  # a copy: mkdocs.yml's data untouched
    with pytest.raises(SystemExit):
        preview_config(data, "de")


def test_preview_serves_one_language_and_reloads_the_saved_page(tmp_path):
    """`python -m migsite.preview --lang fr`: English and French, dirty reload of the saved page."""
    project = copy_project(tmp_path / "project")
    write_preview_config(project, "fr")
    url_of = {lang: f"{prefix}practices/nyc-idnyc/" for lang, prefix in (("en", ""), ("fr", "fr/"), ("es", "es/"))}
    with mkdocs_serve(project, "-f", PREVIEW_FILE, "--dirty") as base:
        assert wait_for(base + url_of["fr"], 'lang="fr"', 120), "the preview did not come up"
        assert 'lang="en"' in fetch(base + url_of["en"])
        assert 'lang="es"' not in fetch(base + url_of["es"])  # not built
        marker = f"Saved-{time.monotonic_ns()}"
        edit(project / "docs_fr" / "practices/nyc-idnyc.md", "## Contexte", f"## Contexte\n\n{marker}\n")
        start = time.monotonic()
        assert wait_for(base + url_of["fr"], marker, 60), "the saved page was not rebuilt"
        print(f"preview latency: {time.monotonic() - start:.1f} s")  # the benchmark measures it properly
    assert list((tmp_path / "project-tmp").iterdir()) == []


def test_serve_reports_a_broken_page_then_serves_its_fix(server):
    """Each rebuild validates the whole content, much of it from the memo of the previous round
    (migsite/memo.py): an English fact made invalid stops the rebuild (the pages served stay the
    last good ones); the fix is served, and it reaches the translations, which inherit the facts."""
    project, base = server
    page = project / "docs" / "practices" / "nyc-idnyc.md"
    url = base + "fr/practices/nyc-idnyc/"
    year = '<dd class="migsite-facts__start_year">{}\n'
    assert year.format(2015) in fetch(url)
    edit(page, "country: US", "country: EU")  # not an ISO country: the rebuild fails
    marker = f"Broken-{time.monotonic_ns()}"
    edit(page, "## Context", f"## Context\n\n{marker}\n")
    assert not wait_for(base + "practices/nyc-idnyc/", marker, 15), "a page that fails validation was built"
    edit(page, "country: EU", "country: US")
    edit(page, "start_year: 2015", "start_year: 2014")
    assert wait_for(url, year.format(2014), 90), "the fixed English fact did not reach the French page"
    assert marker in fetch(base + "practices/nyc-idnyc/")

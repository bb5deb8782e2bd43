"""`mkdocs serve` shows the three languages and reloads on an edit in any locale folder, and on an edit
of the UI strings (_ui.yaml), the vocabulary (migsite/data/vocabulary.yaml) or a template."""

from __future__ import annotations

import time

import pytest
from helpers import copy_project, fetch, mkdocs_serve


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

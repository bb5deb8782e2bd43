"""`mkdocs serve` shows the three languages and reloads on an edit in any locale folder."""

from __future__ import annotations

import time

import pytest
from conftest import copy_project, fetch, mkdocs_serve


def wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if needle in fetch(url):
            return True
        time.sleep(0.5)
    return False


@pytest.fixture()
def server(tmp_path):
    project = copy_project(tmp_path / "project")
    with mkdocs_serve(project) as base:
        assert wait_for(base + "es/", 'lang="es"', 120), "mkdocs serve did not come up"
        yield project, base


def test_serve_reloads_edits_in_every_locale_folder(server):
    project, base = server
    assert 'lang="en"' in fetch(base) and 'lang="fr"' in fetch(base + "fr/")
    for folder, lang, heading in (
        ("docs_fr", "fr", "## Contexte"),
        ("docs_es", "es", "## Contexto"),
        ("docs", "", "## Context"),
    ):
        path = project / folder / "practices/nyc-idnyc.md"
        marker = f"Edited-{folder}-{time.monotonic_ns()}"
        text = path.read_text(encoding="utf-8")
        assert heading in text
        path.write_text(text.replace(heading, f"{heading}\n\n{marker}\n", 1), encoding="utf-8")
        url = base + (f"{lang}/" if lang else "") + "practices/nyc-idnyc/"
        assert wait_for(url, marker, 90), f"edit in {folder} not served"

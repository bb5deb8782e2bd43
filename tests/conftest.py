"""Shared fixtures: a strict build of the real site once per session (helpers are in tests/helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FALLBACK_PAGES, ROOT, copy_project, mkdocs_build


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per session with --strict into a temporary folder."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def fallback_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A strict build of a copy of the project without the translations in FALLBACK_PAGES."""
    project = copy_project(tmp_path_factory.mktemp("fallback") / "project")
    for lang, rel in FALLBACK_PAGES.items():
        (project / f"docs_{lang}" / rel).unlink()
    out = project / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out

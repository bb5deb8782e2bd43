"""Shared fixtures: a strict build of the real site once per session (helpers are in tests/helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT, mkdocs_build


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per session with --strict into a temporary folder."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out

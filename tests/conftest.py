"""Shared fixtures: a strict build of the real site once per session, and throwaway projects."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_ITEMS = ["mkdocs.yml", "docs", "docs_fr", "docs_es", "hooks", "overrides", "migsite", "pyproject.toml"]


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` (never with -q: in MkDocs 1.6.1 --strict -q exits 0 on warnings)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def copy_project(dest: Path) -> Path:
    """A copy of the project (without the staging links, which the build re-creates)."""
    dest.mkdir(parents=True, exist_ok=True)
    for item in PROJECT_ITEMS:
        src = ROOT / item
        if src.is_dir():
            shutil.copytree(src, dest / item, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / item)
    (dest / ".docs_i18n").mkdir(exist_ok=True)
    shutil.copy2(ROOT / ".docs_i18n" / ".gitignore", dest / ".docs_i18n" / ".gitignore")
    return dest


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per session with --strict into a temporary folder."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")

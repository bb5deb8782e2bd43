"""`python -m migsite validate` and `mkdocs build --strict` run the same checks: on each broken page
both fail, and both name the same file, line and field."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from helpers import copy_project, mkdocs_build

PAGE = "docs/practices/vienna-startwien.md"

# (what is broken, how to break it, the message both must print)
BROKEN = [
    (
        "generator",
        ("docs/practices/data.md", "generate: open-data-columns", "generate: open-data-colums"),
        "docs/practices/data.md:4: field 'generate'",
    ),
    ("region against country", (PAGE, "region: europe", "region: asia-pacific"), "field 'region'"),
    ("status missing", (PAGE, "\nstatus: ongoing", ""), "field 'status' is missing"),
    ("CLDR non-country", (PAGE, "country: AT", "country: EU"), "field 'country'"),
    ("URL with a stray ;", (PAGE, "url: https://", "url: https://x.org/a; https://"), "field 'sources'"),
    ("end year while ongoing", (PAGE, "status: ongoing", "status: ongoing\nend_year: 2020"), "field 'end_year'"),
    ("no official source, no reason", (PAGE, "type: official", "type: press", "all"), "field 'sources'"),
]


def run_validate(project) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "migsite", "validate"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project)},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(("what", "edit", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_validate_and_build_agree(tmp_path, what, edit, message):
    project = copy_project(tmp_path / "project")
    rel, old, new, *every = edit
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{rel} no longer contains {old!r}: update this test"
    path.write_text(text.replace(old, new, -1 if every else 1), encoding="utf-8")
    validate = run_validate(project)
    build = mkdocs_build(project, tmp_path / "site")
    assert validate.returncode == 1 and build.returncode == 1
    assert message in validate.stderr, validate.stderr
    assert message in build.stdout + build.stderr
    assert "Traceback" not in validate.stderr + build.stderr

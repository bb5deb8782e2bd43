"""A corpus of hostile and malformed contributions, each built alone in a copy of the project.

For each case: `python -m migsite validate` and `mkdocs build --strict` agree (both fail, or both
pass), a failure names the file (and line) and says what to do, nothing prints a traceback, and both
finish within a bounded time, whatever the input."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import ROOT, copy_project, mkdocs_build
from test_inputs import BOMB

PAGE = "docs/practices/nyc-idnyc.md"
FORMULA_TITLE = '=HYPERLINK("https://example.org/x","<img src=x onerror=alert(1)>") IDNYC'
BOUND = 60  # seconds for one validate or one build; a hang would run until killed


def edit(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def write(rel: str, content: str | bytes) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return apply


def prepend(rel: str, prefix: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        path.write_text(prefix + path.read_text(encoding="utf-8"), encoding="utf-8")

    return apply


def latin1(rel: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        path.write_bytes(path.read_text(encoding="utf-8").replace("## Context", "## Contexte é").encode("latin-1"))

    return apply


def practice_copy(rel: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text((root / PAGE).read_text(encoding="utf-8"), encoding="utf-8")

    return apply


@dataclass(frozen=True)
class Case:
    id: str
    change: Callable[[Path], None]
    named: str  # what the message must contain: the file, and the line where there is one
    advice: str  # and what to do


CASES = [
    Case("blank-line-before-front-matter", prepend(PAGE, "\n"), f"{PAGE}:1", "delete the blank lines"),
    Case(
        "bom-and-bad-value",
        lambda r: (edit(PAGE, "objectives: [4, 15]", "objectives: [99]")(r), prepend(PAGE, "\ufeff")(r)),
        PAGE,
        "from 1 to 23",
    ),
    Case("not-utf8", latin1(PAGE), PAGE, "Save the file with the UTF-8 encoding"),
    Case("alias-bomb", write("docs/practices/zz-bomb.md", BOMB), "docs/practices/zz-bomb.md:3", "write each value"),
    Case(
        "yaml-colon",
        edit(PAGE, "title: ", "title: Cities: "),
        PAGE,
        "Put the whole value in quotes",
    ),
    Case(
        "url-collision",
        practice_copy("docs/practices/nyc-idnyc/index.md"),
        "docs/practices/nyc-idnyc/index.md",
        "same address (practices/nyc-idnyc/)",
    ),
    Case("practice-outside-practices", practice_copy("docs/about-nyc.md"), "docs/about-nyc.md", "move the file"),
    Case("markdown-extension", write("docs/notes.markdown", "# Notes\n"), "docs/notes.markdown", "rename it to"),
    Case("stray-text-file", write("docs_fr/notes.txt", "draft"), "docs_fr/notes.txt", "Move it out of docs_fr/"),
    Case(
        "backup-file", write("docs/practices/nyc-idnyc.md.bak", "old"), "docs/practices/nyc-idnyc.md.bak", "Move it out"
    ),
    Case("script-file", write("docs/evil.js", "alert(1)"), "docs/evil.js", "Move it out"),
    Case("python-file", write("docs_es/x.py", "print(1)"), "docs_es/x.py", "Move it out"),
    Case(
        "script-tag",
        edit(PAGE, "## Context", '## Context\n\n<script src="../evil.js"></script>'),
        PAGE,
        "<script> is not allowed",
    ),
    Case(
        "event-handler",
        edit("docs_fr/" + PAGE[5:], "## Contexte", '## Contexte\n\n<img src=x onerror="alert(1)">'),
        "docs_fr/practices/nyc-idnyc.md",
        "onerror= runs script",
    ),
    Case(
        "javascript-link",
        edit(PAGE, "## Context", "## Context\n\n[click](javascript:alert(1))"),
        PAGE,
        "javascript: URL",
    ),
    Case(
        "meta-refresh",
        edit(PAGE, "## Context", '## Context\n\n<meta http-equiv="refresh" content="0;url=https://x">'),
        PAGE,
        "<meta> is not allowed",
    ),
    Case(
        "iframe",
        edit(PAGE, "## Context", '## Context\n\n<iframe src="https://example.org"></iframe>'),
        PAGE,
        "<iframe> is not allowed",
    ),
    Case(
        "attribute-list-handler",
        edit(PAGE, "## Context", '## Context { onclick="alert(1)" }'),
        PAGE,
        "onclick= runs script",
    ),
    Case(
        "svg-with-script",
        write("docs/img/x.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        "docs/img/x.svg",
        "<script> is not allowed",
    ),
    Case(
        "alias-bomb-in-ui-strings",
        write("docs_fr/_ui.yaml", BOMB.replace("---\n", "")),
        "docs_fr/_ui.yaml:2",
        "write each value out in full",
    ),
    Case("bidi-override-in-title", edit(PAGE, "title: ", "title: \u202egpj.exe "), PAGE, "U+202E"),
]


def run(cmd: list[str], project: Path) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    result = subprocess.run(
        cmd,
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)},
        capture_output=True,
        text=True,
        timeout=BOUND,
    )
    return result, time.monotonic() - start


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_hostile_input_fails_clearly_in_validate_and_build(case, tmp_path):
    project = copy_project(tmp_path / "project")
    case.change(project)
    validate, _ = run([sys.executable, "-m", "migsite", "validate"], project)
    start = time.monotonic()
    build = mkdocs_build(project, tmp_path / "site")
    elapsed = time.monotonic() - start
    assert elapsed < BOUND
    for name, result in (("validate", validate), ("build", build)):
        output = result.stdout + result.stderr
        assert result.returncode == 1, (name, output[-3000:])
        assert case.named in output and case.advice in output, (name, output[-3000:])
        assert "Traceback" not in output, (name, output[-3000:])
    assert "Aborted with a BuildError" not in build.stderr or case.named in build.stderr


def test_byte_order_mark_keeps_the_practice(tmp_path):
    """A BOM (Windows editors) changes nothing: the practice stays in the indexes and open data,
    and its hostile title is escaped as every other title is (and neutralised in the CSV file)."""
    project = copy_project(tmp_path / "project")
    path = project / PAGE
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: .*$", f"title: '{FORMULA_TITLE}'", text, count=1)
    path.write_text(text, encoding="utf-8")
    prepend(PAGE, "\ufeff")(project)
    validate, _ = run([sys.executable, "-m", "migsite", "validate"], project)
    practices = sum(
        "kind: practice" in p.read_text(encoding="utf-8") for p in (project / "docs/practices").glob("*.md")
    )
    assert validate.returncode == 0 and f"OK: {practices} practices" in validate.stdout, validate.stderr
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads((tmp_path / "site/practices/practices.json").read_text(encoding="utf-8"))
    assert len(data["practices"]) == practices and "nyc-idnyc" in [p["id"] for p in data["practices"]]
    html = (tmp_path / "site/practices/nyc-idnyc/index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert next(p for p in data["practices"] if p["id"] == "nyc-idnyc")["title"] == FORMULA_TITLE
    for prefix in ("", "fr/", "es/"):  # the English title, in English and in the other languages' files
        text = (tmp_path / "site" / prefix / "practices/practices.csv").read_text(encoding="utf-8-sig")
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
        if prefix == "":
            assert rows["nyc-idnyc"]["title"] == "'" + FORMULA_TITLE
        assert not [r["id"] for r in rows.values() if any(v.startswith(("=", "@")) for v in r.values())]


def test_leftover_folder_in_the_staging_folder_is_explained(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / ".docs_i18n/fr").mkdir()
    (project / ".docs_i18n/fr/draft.md").write_text("# Draft\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output and "IsADirectoryError" not in output
    assert ".docs_i18n/fr is a folder" in output and "docs_fr/" in output
    assert (project / ".docs_i18n/fr/draft.md").exists()  # nothing deleted


def test_empty_leftover_folder_is_replaced_by_the_link(tmp_path):
    import importlib.util

    from migsite.config import load_config

    spec = importlib.util.spec_from_file_location("migsite_i18n_folders", ROOT / "hooks" / "i18n_folders.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    project = copy_project(tmp_path / "project")
    (project / ".docs_i18n/fr").mkdir()
    module.stage_locale_folders(project / ".docs_i18n", project, load_config(project).languages)
    assert (project / ".docs_i18n/fr").is_symlink() and (project / ".docs_i18n/fr/index.md").is_file()


def test_missing_staging_folder_gets_a_hint_from_validate(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / ".docs_i18n/.gitignore").unlink()
    (project / ".docs_i18n").rmdir()
    validate, _ = run([sys.executable, "-m", "migsite", "validate"], project)
    assert validate.returncode == 1 and "git checkout -- .docs_i18n" in validate.stderr
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1 and ".docs_i18n" in build.stderr and "Traceback" not in build.stderr


def test_validate_from_another_folder(tmp_path):
    project = copy_project(tmp_path / "project")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result, _ = run([sys.executable, "-m", "migsite", "validate"], elsewhere)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "no mkdocs.yml in" in result.stderr and "--root" in result.stderr
    inside, _ = run([sys.executable, "-m", "migsite", "validate"], project / "docs_fr" / "practices")
    assert inside.returncode == 0 and "OK:" in inside.stdout, inside.stderr
    rooted, _ = run([sys.executable, "-m", "migsite", "--root", str(project), "validate"], elsewhere)
    assert rooted.returncode == 0, rooted.stderr


def test_broken_link_warnings_name_the_real_files(tmp_path):
    project = copy_project(tmp_path / "project")
    edit("docs_fr/practices/nyc-idnyc.md", "## Contexte", "## Contexte\n\nVoir [ceci](absente.md).\n")(project)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert (
        "Doc file 'docs_fr/practices/nyc-idnyc.md' contains a link 'absente.md', "
        "but the target 'docs_fr/practices/absente.md' is not found" in result.stderr
    ), result.stderr[-3000:]
    assert "'fr/practices" not in result.stderr

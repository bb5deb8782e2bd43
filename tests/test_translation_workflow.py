"""Translator and contributor workflow against temporary git repositories with real commits."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import copy_project, mkdocs_build
from htmlscan import parse, tags

from migsite.config import load_config
from migsite.corpus import load_site
from migsite.history import load_history
from migsite.status import translation_status
from migsite.structure import compare

PAGE = "practices/nyc-idnyc.md"


def git(root: Path, *args: str) -> str:
    env_args = ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    return subprocess.run(["git", "-C", str(root), *env_args, *args], check=True, capture_output=True, text=True).stdout


def commit_all(root: Path, message: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()


def states(root: Path, lang: str) -> dict[str, str]:
    config = load_config(root)
    (status,) = translation_status(load_site(config), load_history(root), [lang])
    return {p.path: p.state for p in status.pages}


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture()
def repo(tmp_path) -> Path:
    root = copy_project(tmp_path / "project")
    (root / "docs_es/practices/zurich-city-card.md").unlink()  # one page not yet translated
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "Initial content")
    return root


def test_fresh_repository_has_no_outdated_translation(repo):
    assert "outdated" not in states(repo, "fr").values()
    assert states(repo, "es")["practices/zurich-city-card.md"] == "missing"


def test_english_change_makes_translations_outdated_until_updated(repo):
    edit(repo, f"docs/{PAGE}", "## Context", "## Context\n\nA new sentence from a new source.\n")
    sha = commit_all(repo, "Add a sentence to the IDNYC page")
    assert states(repo, "fr")[PAGE] == "outdated" and states(repo, "es")[PAGE] == "outdated"
    (fr,) = translation_status(load_site(load_config(repo)), load_history(repo), ["fr"])
    assert next(p for p in fr.pages if p.path == PAGE).source_commit == sha
    # the French translator brings the page up to date: a commit to the translation
    edit(repo, f"docs_fr/{PAGE}", "## Contexte", "## Contexte\n\nUne nouvelle phrase tirée d'une nouvelle source.\n")
    commit_all(repo, "Update the French IDNYC page")
    assert states(repo, "fr")[PAGE] == "translated" and states(repo, "es")[PAGE] == "outdated"


def test_typo_fix_is_dismissible_without_retranslating(repo):
    edit(repo, f"docs/{PAGE}", "## Context", "## Context\n\nTypo fixd.\n")
    sha = commit_all(repo, "Fix a typo")
    assert states(repo, "es")[PAGE] == "outdated"
    # the translator acknowledges the English revision: no retranslation
    edit(repo, f"docs_es/{PAGE}", "---\n", f"---\ntranslation_of: '{sha[:10]}'\n")
    commit_all(repo, "Spanish IDNYC page checked against the typo fix")
    assert states(repo, "es")[PAGE] == "translated"
    # or the English author marks the commit so that no translator is bothered
    edit(repo, "docs/practices/sao-paulo-crai.md", "## Context", "## Context\n\nTypo.\n")
    commit_all(repo, "Fix a typo [skip translation]")
    assert states(repo, "fr")["practices/sao-paulo-crai.md"] == "translated"


def test_unknown_acknowledged_commit_is_reported(repo):
    edit(repo, f"docs_fr/{PAGE}", "---\n", "---\ntranslation_of: 0123456789abcdef\n")
    commit_all(repo, "Bad acknowledgement")
    (fr,) = translation_status(load_site(load_config(repo)), load_history(repo), ["fr"])
    page = next(p for p in fr.pages if p.path == PAGE)
    assert "not a commit of this repository" in page.note


def test_without_git_every_translation_counts_as_current(tmp_path):
    root = copy_project(tmp_path / "nogit")
    history = load_history(root / "docs")  # inside no repository? copy is not a git repo
    if history.available:  # tmp_path may sit inside a repository on some machines
        pytest.skip("temporary folder is inside a git repository here")
    assert "no git history" in history.reason
    assert "outdated" not in states(root, "fr").values()


def test_outdated_page_shows_notice_and_status_in_site_and_cli(repo):
    edit(repo, f"docs/{PAGE}", "## Context", "## Context\n\nA new sentence.\n")
    commit_all(repo, "Change the IDNYC page")
    site = repo / "site"
    result = mkdocs_build(repo, site)
    assert result.returncode == 0, result.stdout + result.stderr
    es = (site / "es/practices/nyc-idnyc/index.html").read_text(encoding="utf-8")
    notice = [a for a in tags(es, "aside") if "migsite-outdated" in (a.get("class") or "")]
    assert notice
    text = " ".join(parse(es).text)
    assert "El original en inglés ha cambiado" in text
    links = [a["href"] for a in tags(es, "a") if a.get("hreflang") == "en" and a.get("lang") == "en"]
    assert links == ["../../../practices/nyc-idnyc/"]
    fr_other = (site / "fr/practices/sao-paulo-crai/index.html").read_text(encoding="utf-8")
    assert not [a for a in tags(fr_other, "aside") if "migsite-outdated" in (a.get("class") or "")]
    status_page = (site / "fr/translation-status/index.html").read_text(encoding="utf-8")
    assert f"docs_fr/{PAGE}" in status_page
    cli = [sys.executable, "-m", "migsite", "--root", str(repo), "status"]
    env_cwd = {"cwd": repo, "capture_output": True, "text": True, "env": {**os.environ, "PYTHONPATH": str(repo)}}
    out = subprocess.run([*cli, "--format", "json"], **env_cwd)
    data = json.loads(out.stdout)
    fr = next(lang for lang in data["languages"] if lang["lang"] == "fr")
    assert fr["outdated"] == 1 and any(p["file"] == f"docs_fr/{PAGE}" for p in fr["pages"])
    assert subprocess.run([*cli, "--min-translated", "100"], **env_cwd).returncode == 1
    assert subprocess.run([*cli, "--min-translated", "50"], **env_cwd).returncode == 0


def test_structure_check_reports_file_and_line():
    source = "## A\n\nSee [x](../a.md) and ![img](i.png).\n\n!!! note\n    Hi\n\n## B\n\n```\ncode\n```\n"
    same = "## A'\n\nVoir [x](../a.md) et ![img](i.png).\n\n!!! note\n    Salut\n\n## B'\n\n```\ncode\n```\n"
    assert compare(source, same, "docs/p.md", "docs_fr/p.md") == []
    broken = "## A'\n\nVoir [x](../b.md).\n\n## B'\n\n### C\n"
    warnings = [str(w) for w in compare(source, broken, "docs/p.md", "docs_fr/p.md", first_line=5)]
    assert any(w.startswith("docs_fr/p.md:") and "3 headings where docs/p.md has 2" in w for w in warnings)
    assert any("links differ" in w and "missing ../a.md" in w and "docs_fr/p.md:7" in w for w in warnings)
    assert any("images differ" in w for w in warnings)
    assert any("admonitions" in w for w in warnings) and any("code blocks" in w for w in warnings)


def test_real_translations_have_the_structure_of_their_source():
    statuses = translation_status(load_site(load_config()), load_history(load_config().root))
    assert [str(w) for s in statuses for w in s.warnings] == []


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "migsite", "--root", str(root), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )


def test_new_practice_command_writes_a_valid_page(tmp_path):
    root = copy_project(tmp_path / "p")
    result = run_cli(
        root,
        "new-practice",
        "lyon-welcome-desk",
        "--title",
        "Welcome desk",
        "--summary",
        "A desk.",
        "--city",
        "Lyon",
        "--country",
        "FR",
        "--region",
        "europe",
        "--start-year",
        "2016",
        "--themes",
        "reception",
        "--objectives",
        "3,15",
        "--principles",
        "people-centred",
        "--source-title",
        "City page",
        "--source-url",
        "https://www.lyon.fr/",
        "--source-type",
        "official",
        "--status",
        "ongoing",
    )
    assert result.returncode == 0, result.stderr
    assert "OK:" in result.stdout and (root / "docs/practices/lyon-welcome-desk.md").exists()


def test_new_practice_without_values_is_explained_by_the_validator(tmp_path):
    root = copy_project(tmp_path / "p")
    result = run_cli(root, "new-practice", "lyon-desk")
    assert result.returncode == 1
    fields = (
        "title",
        "summary",
        "city",
        "country",
        "region",
        "status",
        "themes",
        "objectives",
        "principles",
        "sources",
    )
    for field in fields:
        assert "docs/practices/lyon-desk.md" in result.stderr and f"field '{field}'" in result.stderr, field


def test_translate_command_copies_words_not_facts(tmp_path):
    root = copy_project(tmp_path / "p")
    (root / "docs_fr/practices/vienna-startwien.md").unlink()  # a page to translate
    result = run_cli(root, "translate", "docs/practices/vienna-startwien.md", "--locale", "fr")
    assert result.returncode == 0, result.stderr
    text = (root / "docs_fr/practices/vienna-startwien.md").read_text(encoding="utf-8")
    head = text.split("---")[1]
    assert "title:" in head and "summary:" in head
    for fact in ("city:", "country:", "objectives:", "sources:", "kind:"):
        assert fact not in head
    assert run_cli(root, "validate").returncode == 0
    again = run_cli(root, "translate", "docs/practices/vienna-startwien.md", "--locale", "fr")
    assert again.returncode == 2 and "already exists" in again.stderr


def test_acknowledgement_then_real_update_is_up_to_date(repo):
    edit(repo, f"docs/{PAGE}", "## Context", "## Context\n\nTypo fixd.\n")
    typo = commit_all(repo, "Fix a typo")
    edit(repo, f"docs_es/{PAGE}", "---\n", f"---\ntranslation_of: '{typo[:10]}'\n")
    commit_all(repo, "Spanish IDNYC page checked against the typo fix")
    assert states(repo, "es")[PAGE] == "translated"
    edit(repo, f"docs/{PAGE}", "## Context", "## Context\n\nA real change, from a new source.\n")
    commit_all(repo, "A real change")
    assert states(repo, "es")[PAGE] == "outdated"
    # the translator follows the change and commits, leaving the old acknowledgement in place
    edit(repo, f"docs_es/{PAGE}", "## Contexto", "## Contexto\n\nUn cambio real, de una nueva fuente.\n")
    commit_all(repo, "Update the Spanish IDNYC page")
    assert states(repo, "es")[PAGE] == "translated"


@pytest.mark.parametrize(
    "message",
    [
        "Fix a typo\n\n[skip translation]",
        "Squash merge of #12 (#12)\n\n* Fix a typo [Skip Translation]\n\n* Fix another typo",
    ],
)
def test_skip_marker_in_the_commit_body(repo, message):
    edit(repo, f"docs/{PAGE}", "## Context", "## Context\n\nTypo.\n")
    commit_all(repo, message)
    assert states(repo, "fr")[PAGE] == "translated" and states(repo, "es")[PAGE] == "translated"


def test_status_says_why_an_acknowledgement_is_ignored(repo):
    edit(repo, f"docs/{PAGE}", "## Context", "## Context\n\nTypo fixd.\n")
    typo = commit_all(repo, "Fix a typo")
    edit(repo, f"docs_es/{PAGE}", "---\n", f"---\ntranslation_of: '{typo[:6]}'\n")
    result = run_cli(repo, "status", "--locale", "es")
    assert f"docs_es/{PAGE}: translation_of: '{typo[:6]}' has 6 characters; give at least 7" in result.stdout


def test_started_translation_stays_a_fallback_until_translated(repo):
    rel = "governance/newcomers.md"
    (repo / "docs" / rel).write_text(
        "---\ntitle: Newcomers\nsummary: How cities welcome newcomers.\n---\n\n## Context\n\n"
        "Cities open welcome desks for the people who arrive.\n",
        encoding="utf-8",
    )
    commit_all(repo, "A new English page")
    result = run_cli(repo, "translate", f"docs/{rel}", "--locale", "es")
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout
    commit_all(repo, "Start the Spanish page")
    assert states(repo, "es")[rel] == "started"
    site = load_site(load_config(repo))
    assert not site.get("es", rel).translated and site.get("es", rel).file == f"docs/{rel}"
    out = run_cli(repo, "status", "--locale", "es").stdout
    assert f"started   docs_es/{rel}" in out and "1 started" in out
    built = repo / "site"
    result = mkdocs_build(repo, built)
    assert result.returncode == 0, result.stderr[-3000:]
    page = (built / "es/governance/newcomers/index.html").read_text(encoding="utf-8")
    (html,) = tags(page, "html")
    assert html["lang"] == "es"
    assert [a for a in tags(page, "aside") if "migsite-fallback" in (a.get("class") or "")]
    assert [d for d in tags(page, "div") if "migsite-content" in (d.get("class") or "") and d.get("lang") == "en"]
    status_page = (built / "es/translation-status/index.html").read_text(encoding="utf-8")
    assert f"docs_es/{rel}" in status_page and "Empezadas" in status_page
    fr_status = (built / "fr/translation-status/index.html").read_text(encoding="utf-8")
    assert "\xa0%" in fr_status and not any(f"{n}.{d} %" in fr_status for n in range(100) for d in range(10))
    # half translated (the heading, not the paragraph): still started, and status says where
    edit(repo, f"docs_es/{rel}", "## Context", "## Contexto")
    assert states(repo, "es")[rel] == "started"
    out = run_cli(repo, "status", "--locale", "es").stdout
    assert f"docs_es/{rel}: translation started" in out and "1 paragraph still in English, the first on line 8" in out
    # readers get the English page, not the half-translated one
    result = mkdocs_build(repo, built)
    assert result.returncode == 0, result.stderr[-3000:]
    text = " ".join(parse((built / "es/governance/newcomers/index.html").read_text(encoding="utf-8")).text)
    assert "Context" in text and "Contexto" not in text
    # translated: the page becomes Spanish
    edit(repo, f"docs_es/{rel}", "Cities open welcome desks", "Las ciudades abren oficinas de acogida")
    assert states(repo, "es")[rel] == "translated"


def test_english_only_contribution_passes_the_content_tests(tmp_path):
    """Practices added in English only, as CONTRIBUTING.md says, pass the content tests: translation
    coverage is reported, not a condition (the publishing threshold is one setting, see TRANSLATING.md)."""
    root = copy_project(tmp_path / "p")
    shutil.copytree(Path(__file__).parent, root / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    prose = " ".join(["The city opened a desk where residents can ask about services in their own language."] * 5)
    cities = ["Lyon", "Lille", "Nantes", "Rennes", "Nice"]  # 57 translated practices + 5 in English: 92 %
    for i, city in enumerate(cities):
        result = run_cli(
            root, "new-practice", f"lyon-desk-{i}", "--title", f"Welcome desk of {city}", "--summary", "A desk.",
            "--city", city, "--country", "FR", "--region", "europe", "--start-year", "2016",
            "--themes", "reception", "--objectives", "3,15", "--principles", "people-centred",
            "--source-title", "City of Lyon", "--source-url", "https://www.lyon.fr/", "--source-type", "official",
            "--status", "ongoing",
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        path = root / f"docs/practices/lyon-desk-{i}.md"
        text = re.sub(r"^TODO.*$", prose, path.read_text(encoding="utf-8"), flags=re.M)  # the five sections
        path.write_text(text, encoding="utf-8")
    assert run_cli(root, "validate").returncode == 0
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_content_quality.py"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]


def build_with_ci(project: Path, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project), "CI": "true"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_depth_one_clone_fails_clearly_under_ci_and_a_full_clone_has_the_notices(repo, tmp_path):
    edit(repo, f"docs/{PAGE}", "## Context", "## Context\n\nA new sentence.\n")
    commit_all(repo, "Change the IDNYC page")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow)], check=True)
    result = build_with_ci(shallow, tmp_path / "shallow-site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "shallow" in output and "fetch-depth: 0" in output, output[-3000:]
    assert "Traceback" not in output
    status = subprocess.run(
        [sys.executable, "-m", "migsite", "--root", str(shallow), "status"],
        capture_output=True,
        text=True,
        env={**os.environ, "CI": "true", "PYTHONPATH": str(shallow)},
    )
    assert status.returncode == 1 and "git fetch --unshallow" in status.stderr
    full = tmp_path / "full"
    subprocess.run(["git", "clone", "-q", repo.as_uri(), str(full)], check=True)
    result = build_with_ci(full, tmp_path / "full-site")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    es = (tmp_path / "full-site/es/practices/nyc-idnyc/index.html").read_text(encoding="utf-8")
    assert [a for a in tags(es, "aside") if "migsite-outdated" in (a.get("class") or "")]

"""Reproducible builds: the same tree gives the same site, byte for byte.

Four strict builds of one snapshot of the project (so edits made meanwhile cannot differ between
them), each from its own folder (so no absolute path of the checkout can leak into the output):
two with the same SOURCE_DATE_EPOCH, one with the epoch a day and more later, and one without
the speed hooks (hooks/template_cache.py, hooks/gc_freeze.py), which must not change the output."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest
from helpers import copy_project, mkdocs_build

EPOCH = 1_767_225_600  # 2026-01-01T00:00:00Z
LATER = EPOCH + 86_400 * 40 + 3_600 * 5 + 17

# What the build's date (SOURCE_DATE_EPOCH, or today without it) may change, and nothing else:
# MkDocs writes it as every page's <lastmod> in sitemap.xml, and as the mtime field of the gzip
# header of sitemap.xml.gz. The publishing workflow sets SOURCE_DATE_EPOCH to the last commit's time.
DATED = {"sitemap.xml", "sitemap.xml.gz"}

SPEED_HOOKS = ("hooks/template_cache.py", "hooks/gc_freeze.py")


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() or p.is_symlink()}


def same(a: Path, b: Path, rel: str) -> bool:
    return filecmp.cmp(a / rel, b / rel, shallow=False)


def differing(a: Path, b: Path) -> list[str]:
    only = files(a) ^ files(b)
    assert not only, f"files in one build only: {sorted(only)}"
    return sorted(rel for rel in files(a) if not same(a, b, rel))


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("reproducible")
    first = copy_project(tmp / "checkout-first")
    for name in ("second", "later", "unpatched"):  # copies of the snapshot, made before any build
        shutil.copytree(first, tmp / f"checkout-{name}", symlinks=True)
    # The same tree without the speed hooks (every template compiled per language build; the default
    # garbage collection).
    config = tmp / "checkout-unpatched" / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for hook in SPEED_HOOKS:
        assert text.count(f"\n  - {hook}\n") == 1
        text = text.replace(f"\n  - {hook}\n", "\n")
    config.write_text(text, encoding="utf-8")
    sites = {}
    for name, epoch in (("first", EPOCH), ("second", EPOCH), ("later", LATER), ("unpatched", EPOCH)):
        project = tmp / f"checkout-{name}"
        with pytest.MonkeyPatch.context() as env:
            env.setenv("SOURCE_DATE_EPOCH", str(epoch))
            result = mkdocs_build(project, tmp / f"site-{name}")
        assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
        sites[name] = tmp / f"site-{name}"
    return sites


def test_two_builds_of_the_same_tree_are_identical(builds):
    assert len(files(builds["first"])) > 100
    assert differing(builds["first"], builds["second"]) == []


def test_the_speed_hooks_change_no_byte(builds):
    assert differing(builds["first"], builds["unpatched"]) == []


def test_only_the_sitemaps_depend_on_the_build_date(builds):
    assert differing(builds["first"], builds["later"]) == sorted(DATED)

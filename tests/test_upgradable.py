"""The build stays upgradable: no patch of a third-party module, and the domain package free of MkDocs.

A patch is an assignment (or `del`, or `setattr`) to an attribute of something imported from a
third-party package: `from mkdocs_static_i18n import folder; folder.create_i18n_file = fast`, or
`File.__new__ = ...`. Such code breaks silently on the next release of the package it patches.
Setting a public attribute of an object MkDocs hands to a hook (`file.edit_uri`, `env.bytecode_cache`)
is not a patch: the object is an argument, not an import."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path

import pytest
from ci import skip_or_fail
from helpers import copy_project, mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
LOCAL = {"migsite", "__future__"}


def python_files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)


def third_party_names(tree: ast.Module) -> set[str]:
    """The names a module binds to third-party modules or to objects imported from them."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if is_third_party(alias.name):
                    names.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and is_third_party(node.module):
            names.update(alias.asname or alias.name for alias in node.names)
    return names


def is_third_party(module: str) -> bool:
    top = module.split(".")[0]
    return top not in LOCAL and top not in sys.stdlib_module_names


def root_name(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute | ast.Subscript):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def patches(source: str, filename: str = "<source>") -> list[str]:
    """Every assignment to an attribute rooted in a third-party import, as 'file:line: code'."""
    tree = ast.parse(source, filename)
    imported = third_party_names(tree)
    found = []

    def check(target: ast.expr, node: ast.AST) -> None:
        if isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                check(element, node)
        elif isinstance(target, ast.Attribute) and root_name(target) in imported:
            found.append(f"{filename}:{node.lineno}: {ast.unparse(node).splitlines()[0]}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.Delete):
            for target in node.targets:
                check(target, node)
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            check(node.target, node)
        elif is_setattr(node) and root_name(node.args[0]) in imported:
            found.append(f"{filename}:{node.lineno}: {ast.unparse(node)}")
    return found


def is_setattr(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("setattr", "delattr")
        and bool(node.args)
    )


def test_no_hook_or_domain_module_patches_a_third_party_module():
    found = [hit for p in python_files("hooks", "migsite") for hit in patches(p.read_text(), str(p.relative_to(ROOT)))]
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        "from mkdocs_static_i18n import folder\nfolder.create_i18n_file = lambda *a: None\n",
        "import mkdocs.commands.build\nmkdocs.commands.build.get_files = None\n",
        "from mkdocs.structure.files import Files\nFiles.add_files_from_theme = None\n",
        "from mkdocs import utils as u\nu.clean_directory, x = None, 1\n",
        "import material\nsetattr(material, 'x', 1)\n",
        "from mkdocs.structure.files import File\ndel File.__new__\n",
    ],
)
def test_the_check_finds_a_patch(source):
    assert len(patches(source)) == 1


def test_the_check_allows_objects_handed_to_a_hook():
    source = (
        "from mkdocs.structure.files import Files\nimport os\n"
        "def on_files(files: Files, config):\n    for f in files:\n        f.edit_uri = 'x'\n"
        "    config.watch.append('x')\n    os.environ_copy = 1\n    return files\n"
    )
    assert patches(source) == []


def test_the_domain_package_does_not_import_the_engine():
    """migsite/ is plain Python: MkDocs (or its successor) only behind the hooks."""
    engine = {"mkdocs", "material", "mkdocs_static_i18n", "properdocs", "zensical"}
    found = []
    for path in python_files("migsite"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            modules = []
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            found += [f"{path.relative_to(ROOT)}:{node.lineno}: {m}" for m in modules if m.split(".")[0] in engine]
    assert found == []


GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site(tmp_path, monkeypatch):
    """The engine exit plan's first step (README, "Engine"): ProperDocs, a maintained fork of MkDocs 1.x
    (pinned in requirements-dev.txt), builds the same site; only the generator tag names it."""
    if importlib.util.find_spec("properdocs") is None:
        skip_or_fail("ProperDocs is not installed (pip install -r requirements-dev.txt)")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    project = copy_project(tmp_path / "project")
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        sites[engine] = tmp_path / f"site-{engine}"
        result = mkdocs_build(project, sites[engine], engine)
        assert result.returncode == 0, f"{engine}: strict build failed:\n{result.stdout}\n{result.stderr}"
    files = {name: sorted(p.relative_to(s) for s in [site] for p in site.rglob("*") if p.is_file())
             for name, site in sites.items()}  # fmt: skip
    assert files["mkdocs"] == files["properdocs"] and len(files["mkdocs"]) > 100
    tags, other = set(), []
    for rel in files["mkdocs"]:
        a, b = (sites[name].joinpath(rel).read_bytes() for name in sites)
        if a != b:
            tags.update(GENERATOR.findall(a) + GENERATOR.findall(b))
            if GENERATOR.sub(b"", a) != GENERATOR.sub(b"", b):
                other.append(str(rel))
    assert other == [], "ProperDocs builds these files differently (beyond the generator tag)"
    assert any(b"ProperDocs" in tag for tag in tags), tags


def test_the_tests_import_this_trees_domain_package():
    """pyproject.toml puts the checkout first on the path: an editable install of another checkout
    (a venv shared between worktrees) cannot stand in for this one."""
    import migsite.config

    assert Path(migsite.config.__file__).resolve().parent == ROOT / "migsite"

"""hooks/i18n_speed.py computes what mkdocs-static-i18n's own code computes, faster.

The fast `create_i18n_file` is compared with the plugin's original on every shape of path the
plugin meets (default-language and translated pages, README pages, assets, files outside any
locale folder, locale-looking folders that are not configured, non-ASCII names); paths it cannot
take on strings must go to the original. tests/test_reproducible.py builds the site with and without the
hook and compares the two byte for byte."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path, PurePath
from types import SimpleNamespace

import mkdocs_static_i18n
import pytest
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs_static_i18n import folder, reconfigure

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["en", "fr", "es"]
PATHS = [
    "en/index.md",
    "fr/index.md",
    "es/practices/amman-resilience.md",
    "en/practices/index.md",
    "fr/compact/objectives/15.md",
    "en/README.md",
    "fr/guide/README.md",
    "en/img/map.png",
    "fr/img/map.png",
    "en/_ui.yaml",
    "fr/assets/carte ville.svg",
    "es/glosario-ñandú.md",
    "index.md",
    "assets/site.css",
    "pt/index.md",  # a locale-looking folder that is not configured
    "de_DE/x.md",
    "enx/page.md",  # starts like a language code, is not one
    "en",
]
# Unnormalised spellings: File() normalises them, so they must come out as their plain twins do.
AWKWARD = ["./en/index.md", "en//index.md", "en/../fr/index.md", "/en/index.md"]


@pytest.fixture(scope="module")
def speed():
    spec = importlib.util.spec_from_file_location("migsite_i18n_speed", ROOT / "hooks" / "i18n_speed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    original = getattr(folder, "_migsite_original_create_i18n_file", folder.create_i18n_file)
    assert module.install(), "the pinned mkdocs-static-i18n version should be patched"
    return module, original


def attributes(file: File) -> dict:
    return {
        "src_uri": file.src_uri,
        "src_path": file.src_path,
        "src_dir": file.src_dir,
        "dest_dir": file.dest_dir,
        "dest_uri": file.dest_uri,
        "dest_path": file.dest_path,
        "url": file.url,
        "name": file.name,
        "abs_src_path": file.abs_src_path,
        "abs_dest_path": file.abs_dest_path,
        "use_directory_urls": file.use_directory_urls,
        "inclusion": file.inclusion,
        "edit_uri": file.edit_uri,
        "is_documentation_page": file.is_documentation_page(),
        "locale": file.locale,
        "locale_alternate_of": file.locale_alternate_of,
        "localization": file.localization,
        "norm_src_uri": file.norm_src_uri,
        "alternates": {k: v is file for k, v in file.alternates.items()},
    }


@pytest.mark.parametrize("use_directory_urls", [True, False])
@pytest.mark.parametrize("path", PATHS + AWKWARD)
def test_fast_create_i18n_file_matches_the_original(speed, path, use_directory_urls):
    module, original = speed
    config = SimpleNamespace(
        docs_dir="/srv/site/.docs_i18n", site_dir="/srv/site/public", use_directory_urls=use_directory_urls
    )
    for inclusion in (InclusionLevel.INCLUDED, InclusionLevel.NOT_IN_NAV):
        source = File(path, config.docs_dir, config.site_dir, use_directory_urls, inclusion=inclusion)
        for current in LANGUAGES:
            expected = attributes(original(source, current, "en", LANGUAGES, config))
            got = attributes(module.create_i18n_file(source, current, "en", LANGUAGES, config))
            assert got == expected, f"{path} built as {current}"


def test_awkward_paths_go_to_the_original(speed, monkeypatch):
    module, original = speed
    calls = []
    monkeypatch.setattr(
        folder, "_migsite_original_create_i18n_file", lambda *a: calls.append(a[0].src_uri) or original(*a)
    )
    config = SimpleNamespace(docs_dir="/d", site_dir="/s", use_directory_urls=True)
    module.create_i18n_file(File("en/a.md", "/d", "/s", True), "fr", "en", LANGUAGES, config)
    assert calls == []
    module.create_i18n_file(
        File("en/a.md", "/d", "/s", True, dest_uri="en//a/index.html"), "fr", "en", LANGUAGES, config
    )
    assert calls == ["en/a.md"]


def test_is_relative_to_matches_the_original(speed):
    module, _ = speed
    original = reconfigure._migsite_original_is_relative_to
    pairs = [
        ("/srv/site/.docs_i18n/en/index.md", "/srv/site/.docs_i18n"),
        ("/srv/site/.docs_i18n", "/srv/site/.docs_i18n"),
        ("/srv/site/.docs_i18n2/x.md", "/srv/site/.docs_i18n"),
        ("/srv/site/overrides/main.html", "/srv/site/.docs_i18n"),
        ("/x", "/"),
        ("/srv/a/../b", "/srv/b"),
        ("relative/x", "relative"),
    ]
    for path, prefix in pairs:
        assert module.is_relative_to(path, prefix) == original(path, prefix), (path, prefix)


def test_switcher_entries_are_copied_not_shared(speed):
    module, _ = speed
    plugin = SimpleNamespace(extra_alternate=[{"name": "English", "link": "/site/", "lang": "en"}])
    config = SimpleNamespace(extra=SimpleNamespace(alternate=None))
    file = SimpleNamespace(locale_alternate_of="en", alternates={})
    page = SimpleNamespace(url="practices/x/", file=file)
    module.reconfigure_page_context(plugin, {}, page, config, None)
    config.extra.alternate[0]["link"] = "changed"
    assert plugin.extra_alternate[0]["link"] == "/site/"


def test_patches_are_for_the_pinned_version_only():
    pinned = next(
        line.split("==", 1)[1].strip()
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.lower().startswith("mkdocs-static-i18n==")
    )
    spec = importlib.util.spec_from_file_location("migsite_i18n_speed_check", ROOT / "hooks" / "i18n_speed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.PATCHED_VERSION == pinned == mkdocs_static_i18n.version


def test_same_path_matches_pathlib(speed):
    module, _ = speed
    urls = [
        "",
        ".",
        "./",
        "fr/",
        "fr",
        "es/",
        "practices/x/",
        "practices/x",
        "404.html",
        "fr//",
        "./fr/",
        "a/./b/",
        "/",
    ]
    for a in urls:
        for b in [".", "fr", "es", "en"]:
            assert module.same_path(a, b) == (PurePath(a) == PurePath(b)), (a, b)


# ---------------------------------------------------------------------------- reused per round


@pytest.fixture()
def project_config(speed):
    """The real project's configuration, as the first language build of a round sees it."""
    from mkdocs.config import load_config

    module, _ = speed
    config = load_config(str(ROOT / "mkdocs.yml"))
    module._round.clear()
    yield config
    module._round.clear()


def file_facts(files) -> list[tuple]:
    return [(f.src_uri, f.abs_src_path, f.dest_uri, f.abs_dest_path, f.url, f.inclusion) for f in files]


def test_docs_are_walked_once_per_round(speed, project_config, monkeypatch):
    from mkdocs.commands import build as mkdocs_build

    module, _ = speed
    walks = []
    original = mkdocs_build._migsite_original_get_files
    monkeypatch.setattr(mkdocs_build, "_migsite_original_get_files", lambda c: walks.append(1) or original(c))
    first = module.get_files(project_config)
    second = module.get_files(project_config)
    assert len(walks) == 1
    assert second is not first and list(second) == list(first)  # a new collection, the same files
    assert file_facts(first) == file_facts(original(project_config))
    assert any(f.src_uri.startswith("fr/") for f in first)
    # The first language build of the next round walks again (the docs may have changed).
    i18n = SimpleNamespace(
        default_language="en", build_languages=["en", "fr", "es"], current_language="en", building=False
    )
    config = SimpleNamespace(plugins={"i18n": i18n}, theme=SimpleNamespace(static_templates=set()))
    module.on_config(config)
    module.get_files(project_config)
    assert len(walks) == 2
    i18n.current_language, i18n.building = "fr", True  # a nested language build keeps the walk
    module.on_config(config)
    module.get_files(project_config)
    assert len(walks) == 2


@pytest.mark.parametrize("sitemap", [True, False])
def test_theme_files_match_the_original(speed, project_config, sitemap):
    module, _ = speed
    original = Files._migsite_original_add_files_from_theme
    if sitemap:
        project_config.theme.static_templates.add("sitemap.xml")
    else:
        project_config.theme.static_templates.discard("sitemap.xml")
    env = project_config.theme.get_env()
    docs = module.get_files(project_config)
    # A file of docs_dir with a theme file's path wins over the theme's, in both versions.
    shadowed = "assets/images/favicon.png"
    docs.append(File(shadowed, project_config.docs_dir, project_config.site_dir, True))
    expected, got, again = Files(list(docs)), Files(list(docs)), Files(list(docs))
    original(expected, env, project_config)
    module.add_files_from_theme(got, env, project_config)
    module.add_files_from_theme(again, env, project_config)  # from the round's walk
    assert file_facts(got) == file_facts(expected) == file_facts(again)
    theme = [f for f in got if f.abs_src_path.startswith(tuple(project_config.theme.dirs))]
    assert len(theme) > 20 and not any(f.src_uri == shadowed for f in theme)
    assert any(os.path.isfile(os.path.join(d, shadowed)) for d in project_config.theme.dirs)
    assert any(f.src_uri == "sitemap.xml" for f in theme) is not sitemap


def test_alternates_are_made_once_per_round(speed):
    module, original = speed
    module._round.clear()
    calls = []
    config = SimpleNamespace(docs_dir="/d", site_dir="/s", use_directory_urls=True)

    def create(*args):
        calls.append(args[1])
        return original(*args)

    make = module.alternate_maker(create)
    source = File("fr/practices/x.md", "/d", "/s", True)
    first = make(source, "fr", "en", LANGUAGES, config)
    same = module.alternate_maker(create)(File("fr/practices/x.md", "/d", "/s", True), "fr", "en", LANGUAGES, config)
    other = make(source, "es", "en", LANGUAGES, config)
    assert same is first and other is not first and calls == ["fr", "es"]
    assert attributes(first) == attributes(original(source, "fr", "en", LANGUAGES, config))
    module._round.clear()

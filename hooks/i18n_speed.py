"""Make the i18n plugin's per-language builds cheaper, without changing a byte of the output.

mkdocs-static-i18n runs one MkDocs build per language, and in each of them it re-creates a File
object for every file of *every* language (plus one per alternate), with several `pathlib`
parses each: work that grows with languages x files, so the second and third languages cost more
than the first. Measured on the benchmark's 1000-practice site (3 300 pages): 1.2-1.4 s of a
20 s MkDocs build, against 0.06 s for English alone. This hook, one concern:

- replaces the plugin's `folder.create_i18n_file` and the `is_relative_to` its file loop calls
  with the same computations on strings, for the plain POSIX paths MkDocs gives them (anything
  else goes to the originals);
- copies the language switcher's entries per page with a shallow copy instead of `deepcopy`;
- renders sitemap.xml in the last language build only: the plugin's sitemap lists the pages of
  the languages built so far, so the earlier renderings were overwritten anyway;
- walks docs_dir and the theme folders once per round (`mkdocs build`, or one rebuild of `serve`)
  instead of once per language: the later language builds get new `Files` collections of the
  same source files (the plugin makes its own File objects from them and never changes them), and
  the theme's static files found by the first walk. Measured at 1000 practices (one core, best of
  five): 0.06 s for docs_dir and 0.06 s for the theme (14 500 files, most of them icons) a build;
- makes each alternate (a page's File in another language, used for its links) once per round
  instead of once per language build: the same arguments give the same File, which is only read.

The patches apply only to the pinned plugin version they were written against (another version,
or Windows paths, run unpatched, with a note in the log). tests/test_i18n_speed.py checks that the
fast function gives the same File attributes as the original for every shape of path;
tests/test_reproducible.py that the site built with this hook is byte-identical to the site built
without it."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from copy import deepcopy
from fnmatch import fnmatch
from pathlib import PurePath
from typing import Any

import jinja2
import mkdocs
import mkdocs_static_i18n
from mkdocs import utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs_static_i18n import folder, reconfigure
from mkdocs_static_i18n.config import RE_LOCALE

log = get_plugin_logger("migsite.i18n_speed")

PATCHED_VERSION = "1.3.1"
PATCHED_MKDOCS = "1.6.1"
SITEMAP = "sitemap.xml"
# What the language builds of one round share (walks, alternates); emptied when a round starts.
_round: dict[tuple, Any] = {}


def on_startup(**_: Any) -> None:
    install()


# After the i18n plugin's own on_config (-100), which picks the language being built.
@event_priority(-150)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = config.plugins["i18n"]
    order = [i18n.default_language, *(lang for lang in i18n.build_languages if lang != i18n.default_language)]
    if i18n.current_language == order[-1]:
        config.theme.static_templates.add(SITEMAP)
    else:
        config.theme.static_templates.discard(SITEMAP)
    if not i18n.building:  # the first language of a round: docs or theme may have changed since
        _round.clear()
    return config


# ---------------------------------------------------------------------------- helpers


def install() -> bool:
    """Patch the plugin once per process; False (and the plugin untouched) on another version."""
    if getattr(folder, "_migsite_original_create_i18n_file", None) is not None:
        return True
    if mkdocs_static_i18n.version != PATCHED_VERSION or os.sep != "/":
        # Info, not a warning: under --strict a warning would fail the build it only slows down.
        log.info(
            "mkdocs-static-i18n %s (patches written for %s, POSIX paths): building without speed-ups",
            mkdocs_static_i18n.version,
            PATCHED_VERSION,
        )
        return False
    folder._migsite_original_create_i18n_file = folder.create_i18n_file
    folder.create_i18n_file = create_i18n_file
    reconfigure._migsite_original_is_relative_to = reconfigure.is_relative_to
    reconfigure.is_relative_to = is_relative_to
    reconfigure.ExtendedPlugin.reconfigure_page_context = reconfigure_page_context
    original_alternates = reconfigure.ExtendedPlugin.reconfigure_files_alternates
    reconfigure.ExtendedPlugin._migsite_original_reconfigure_files_alternates = original_alternates
    reconfigure.ExtendedPlugin.reconfigure_files_alternates = reconfigure_files_alternates
    if mkdocs.__version__ == PATCHED_MKDOCS:  # the walks: MkDocs' own functions, copied below
        mkdocs_build._migsite_original_get_files = mkdocs_build.get_files
        mkdocs_build.get_files = get_files
        Files._migsite_original_add_files_from_theme = Files.add_files_from_theme
        Files.add_files_from_theme = add_files_from_theme
    else:
        log.info("MkDocs %s (walks reused for %s): walking once per language", mkdocs.__version__, PATCHED_MKDOCS)
    return True


def simple(path: str) -> bool:
    """A normalised relative POSIX path: what MkDocs' get_files gives for files in docs_dir."""
    return bool(path) and not (
        path.startswith(("/", "./", "../"))
        or path.endswith("/")
        or "\\" in path
        or "//" in path
        or "/./" in path
        or "/../" in path
        or path in (".", "..")
        or path.endswith(("/.", "/.."))
    )


def under(path: str, prefix: str) -> bool:
    """PurePath(path).is_relative_to(prefix) for simple paths."""
    return path == prefix or path.startswith(prefix + "/")


def below(path: str, prefix: str) -> str:
    """PurePath(path).relative_to(prefix).as_posix() for simple paths with under(path, prefix)."""
    return path[len(prefix) + 1 :] or "."


def is_relative_to(path: Any, prefix: Any) -> bool:
    """mkdocs_static_i18n.is_relative_to, as reconfigure_files calls it (file.abs_src_path,
    docs_dir): a string comparison for normalised absolute paths."""
    if isinstance(path, str) and isinstance(prefix, str) and normal_absolute(path) and normal_absolute(prefix):
        return path == prefix or path.startswith(prefix.rstrip("/") + "/")
    return reconfigure._migsite_original_is_relative_to(path, prefix)


def normal_absolute(path: str) -> bool:
    return path.startswith("/") and (path == "/" or simple(path[1:]))


def join(language: str, path: str) -> str:
    """PurePath(language, path).as_posix() for simple paths (PurePath drops a '.')."""
    return language if path == "." else f"{language}/{path}"


def create_i18n_file(
    file: File, current_language: str, default_language: str, all_languages: list, config: MkDocsConfig
) -> File:
    """mkdocs_static_i18n.folder.create_i18n_file (1.3.1), computed on strings."""
    src, dest = file.src_uri, file.dest_uri
    if not (simple(src) and simple(dest) and all(simple(lang) and "/" not in lang for lang in all_languages)):
        return folder._migsite_original_create_i18n_file(
            file, current_language, default_language, all_languages, config
        )
    # What File(file.src_path, docs_dir, file.dest_path, ..., dest_uri=file.dest_uri) sets, for
    # simple paths (where src_path == src_uri and dest_path == dest_uri), without its pathlib parse.
    new = File.__new__(File)
    new.src_uri = src
    new.src_dir = config.docs_dir
    new.dest_dir = dest
    new.use_directory_urls = config.use_directory_urls
    new.dest_uri = dest
    new.inclusion = file.inclusion
    dest_path = dest
    locale, localization = default_language, None
    first = src.split("/", 1)[0]
    for language in all_languages:  # the original's loop, break for break
        if under(src, language):
            locale = localization = language
            break
        if RE_LOCALE.match(first):
            locale = localization = first
            break
    if posixpath.basename(dest_path).endswith("README.html"):
        dest_path = posixpath.join(posixpath.dirname(dest_path), "index.html")
    if locale != current_language:
        if under(dest_path, locale):
            new.dest_uri = join(current_language, below(dest_path, locale))
        elif current_language != default_language:
            new.dest_uri = join(current_language, dest_path)
    elif locale == default_language:
        if under(dest_path, locale):
            new.dest_uri = below(dest_path, locale)
        elif current_language != default_language:
            new.dest_uri = join(current_language, dest_path)
    new.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, new.dest_uri))
    if new.name == "README":
        new.name = "index"
    new.url = new._get_url(config.use_directory_urls)
    new.alternates = {current_language: new}
    new.locale = locale
    new.locale_alternate_of = current_language
    new.localization = localization
    new.norm_src_uri = below(new.src_uri, localization) if localization else new.src_uri
    return new


def same_path(a: str, b: str) -> bool:
    """PurePath(a) == PurePath(b), on strings for the URLs MkDocs gives pages ('', 'x/', 'x/y/')."""
    a2, b2 = a.rstrip("/") or ".", b.rstrip("/") or "."
    if not a.startswith("/") and not b.startswith("/") and all(p == "." or simple(p) for p in (a2, b2)):
        return a2 == b2
    return PurePath(a) == PurePath(b)


def reconfigure_page_context(self: Any, context: dict, page: Any, config: MkDocsConfig, nav: Any) -> dict:
    """ExtendedPlugin.reconfigure_page_context (1.3.1) with a shallow copy of each switcher entry
    when it is a flat dict of strings (as the plugin makes them): deepcopy bought nothing but time."""
    if self.extra_alternate:
        config.extra.alternate = [
            dict(entry) if all(isinstance(v, str) for v in entry.values()) else deepcopy(entry)
            for entry in self.extra_alternate
        ]
        if same_path(page.url, ".") or same_path(page.url, page.file.locale_alternate_of):
            return context
        for extra_alternate in config.extra.alternate:
            alternate_lang = extra_alternate["lang"]
            if alternate_lang in page.file.alternates:
                extra_alternate["link"] = page.file.alternates[alternate_lang].url
    return context


# ---------------------------------------------------------------------------- reused per round


def get_files(config: MkDocsConfig) -> Files:
    """mkdocs.commands.build.get_files, walked once per round: a new `Files` of the same File
    objects for each language build (the i18n plugin reads them to make its own, and keeps them
    only as alternates' sources, which it reads too)."""
    key = ("docs", config.docs_dir, config.site_dir, config.use_directory_urls)
    if key not in _round:
        _round[key] = list(mkdocs_build._migsite_original_get_files(config))
    return Files(list(_round[key]))


def add_files_from_theme(self: Files, env: jinja2.Environment, config: MkDocsConfig) -> None:
    """Files.add_files_from_theme (MkDocs 1.6.1) with the theme folders walked once per round.

    The walk keeps each static file with the first theme folder that has it; the static templates
    (which the sitemap hook above changes between language builds) and the files of docs_dir
    (which win over the theme's) are checked on every call, as the original does."""
    key = ("theme", tuple(config.theme.dirs))
    if key not in _round:
        found = []
        for path in env.list_templates(filter_func=theme_static):
            folder_ = next((d for d in config.theme.dirs if os.path.isfile(os.path.join(d, path))), None)
            if folder_ is not None:
                found.append((path, folder_))
        _round[key] = found
    templates = config.theme.static_templates
    for path, folder_ in _round[key]:
        if any(fnmatch(path.lower(), t) for t in templates):
            continue
        if self.get_file_from_path(path) is None:
            self.append(File(path, folder_, config.site_dir, config.use_directory_urls))


# The original's filter without the static templates (they are checked on every call).
THEME_EXCLUDED = (
    *(".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*"),
    *(f"*{x}" for x in utils.markdown_extensions),
)


def theme_static(name: str) -> bool:
    lower = name.lower()
    return not any(fnmatch(lower, p) for p in THEME_EXCLUDED)


def reconfigure_files_alternates(
    self: Any, i18n_src_uris: dict, i18n_alternate_src_uris: dict, config: MkDocsConfig, create: Callable
) -> None:
    """ExtendedPlugin.reconfigure_files_alternates (1.3.1) with each alternate made once per round."""
    original = reconfigure.ExtendedPlugin._migsite_original_reconfigure_files_alternates
    return original(self, i18n_src_uris, i18n_alternate_src_uris, config, alternate_maker(create))


def alternate_maker(create: Callable) -> Callable:
    """`create` (the plugin's create_i18n_file), remembered per round for the arguments it reads:
    the source's src_uri, dest_uri and inclusion, the languages, and three settings."""

    def make(file: File, current: str, default: str, languages: list, config: MkDocsConfig) -> File:
        key = (
            "alternate",
            create,
            file.src_uri,
            file.dest_uri,
            file.inclusion,
            current,
            default,
            tuple(languages),
            config.docs_dir,
            config.site_dir,
            config.use_directory_urls,
        )
        made = _round.get(key)
        if made is None:
            made = _round[key] = create(file, current, default, languages, config)
        return made

    return make

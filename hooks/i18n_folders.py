"""Wire the locale folders docs/, docs_fr/, docs_es/ into the i18n plugin's folder mode.

The plugin expects docs_dir/<locale>/...; a hook cannot mount other folders in on_files (the
plugin drops them), so docs_dir is a git-ignored staging folder of relative symlinks
(en -> ../docs, fr -> ../docs_fr, ...) that this hook (re)creates on every build. It also
points "Edit this page" at the real file (docs_fr/x.md, not fr/x.md)."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from migsite.config import Language, languages_from_mkdocs


# Before every plugin: the staging folder must be complete before anything reads docs_dir.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    languages = site_languages(config)
    stage_locale_folders(Path(config.docs_dir), root, languages)
    name_real_paths(languages)
    # `mkdocs serve` reloads on edits in every locale folder, including one added later.
    for lang in languages:
        folder = str(root / lang.folder)
        if folder not in config.watch:
            config.watch.append(folder)
    return config


class RealPaths(logging.Filter):
    """MkDocs names files by their path in the staging folder ('fr/practices/x.md'); contributors know
    them as 'docs_fr/practices/x.md'. Rewrites MkDocs' link warnings accordingly (it changes no level)."""

    QUOTED = re.compile(r"((?:Doc file|the target|the doc|a link to) ')([a-z]{2,3}(?:[-_][A-Za-z]+)?)/")

    def __init__(self, folders: dict[str, str]):
        super().__init__()
        self.folders = folders

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and not record.args:
            record.msg = self.QUOTED.sub(self._real, record.msg)
        return True

    def _real(self, match: re.Match) -> str:
        return match.group(1) + self.folders.get(match.group(2), match.group(2)) + "/"


def name_real_paths(languages: tuple[Language, ...]) -> None:
    logger = logging.getLogger("mkdocs.structure.pages")
    for old in [f for f in logger.filters if isinstance(f, RealPaths) or type(f).__name__ == "RealPaths"]:
        logger.removeFilter(old)  # one filter, with this build's languages (hooks reload with `mkdocs serve`)
    logger.addFilter(RealPaths({lang.code: lang.folder for lang in languages}))


# After the i18n plugin (-100) has re-created the files from docs_dir.
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    folders = {lang.code: lang.folder for lang in site_languages(config)}
    for file in files.documentation_pages():
        locale, _, rest = file.src_uri.partition("/")
        if locale in folders and rest:
            file.edit_uri = f"{folders[locale]}/{rest}"
    return files


def site_languages(config: MkDocsConfig) -> tuple[Language, ...]:
    i18n = config.plugins["i18n"].config
    return languages_from_mkdocs({"plugins": [{"i18n": {"languages": [dict(lang) for lang in i18n.languages]}}]})


def stage_locale_folders(stage: Path, root: Path, languages: tuple[Language, ...]) -> None:
    """Make stage/<code> a relative symlink to root/<folder> for each language; idempotent."""
    stage.mkdir(exist_ok=True)
    for lang in languages:
        target = root / lang.folder
        if not target.is_dir():
            raise PluginError(f"Language '{lang.code}' is configured in mkdocs.yml but its folder {target} is missing")
        link = stage / lang.code
        relative = os.path.relpath(target, stage)
        if link.is_symlink() and os.readlink(link) == relative:
            continue
        if link.is_dir() and not link.is_symlink():
            try:
                link.rmdir()  # an empty leftover folder: nothing is lost
            except OSError:
                raise PluginError(
                    f"{link} is a folder, not the link to {lang.folder}/ that the build re-creates there (a leftover "
                    f"of another tool or a copy?). Pages belong in {lang.folder}/: move anything you need from it "
                    f"into {lang.folder}/, then delete {stage.name}/{lang.code}"
                ) from None
        elif link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(relative, target_is_directory=True)

"""What may be in a locale folder, and where: checks over files, before any page is built.

Everything in docs/, docs_fr/, ... is published as it is (MkDocs copies every file that is not a
page), so a draft, a backup or a script dropped there would be on the site. This module refuses,
naming the file:

- files other than pages (.md), images (.png .jpg .jpeg .gif .webp .avif .svg) and PDF documents,
  except each folder's _ui.yaml; hidden files (name starting with '.') are left out by MkDocs and
  ignored here;
- pages named .markdown, .mdown, .mkdn, .mkd or .MD: MkDocs would publish them without the
  content model knowing them; rename them to .md;
- two pages published at one address (x.md and x/index.md, or index.md and README.md);
- a practice page outside practices/ (or a subfolder of it), or named index.md or README.md: its id
  is its file name;
- a `_ui.yaml` that is not UTF-8, not a mapping, or not bounded YAML (as front matter: no anchors);
- in each page: raw HTML that runs script and bidirectional control characters in the front matter
  (migsite/markup.py); SVG images that carry script.

Called once by migsite.corpus.load_site, so `migsite validate` and the build report the same."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from . import frontmatter, inputs, markup
from .config import SiteConfig
from .errors import ContentError
from .memo import Memo

IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
ASSETS = (*IMAGES, ".pdf")
OTHER_MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd")
KIND_FOLDERS = {"practice": "practices"}  # kind -> the folder its pages must be in (or under)
UI_FILE = "_ui.yaml"


def url_of(rel: PurePosixPath) -> str:
    """The address of a page relative to its language root, as MkDocs makes it (directory URLs)."""
    parts = list(rel.parent.parts) if rel.stem in ("index", "README") else [*rel.parent.parts, rel.stem]
    return "/".join(parts) + "/" if parts else "/"


def check_project(config: SiteConfig, memo: Memo | None = None) -> list[ContentError]:
    """Every problem of every locale folder. With a memo (migsite/memo.py), a page whose text was
    checked before is not checked again; its front matter is parsed once for the loader too."""
    errors: list[ContentError] = []
    for lang in config.languages:
        root = config.root / lang.folder
        if root.is_dir():
            errors += _check_folder(root, lang.folder, lang.default, memo or Memo())
    return errors


def _check_folder(root: Path, folder: str, default: bool, memo: Memo) -> list[ContentError]:
    errors: list[ContentError] = []
    urls: dict[str, list[str]] = defaultdict(list)
    for path in sorted(root.rglob("*")):
        rel = PurePosixPath(path.relative_to(root).as_posix())
        if any(part.startswith(".") for part in rel.parts) or path.is_dir():
            continue  # MkDocs leaves hidden files out of the site
        file = f"{folder}/{rel}"
        suffix = rel.suffix.lower()
        if rel.suffix == ".md":
            urls[url_of(rel)].append(file)
            text = inputs.read_text(path, file)
            if not isinstance(text, ContentError):  # the loader reports it
                errors += memo.get(("layout", file, default, text), _check_page, text, rel, file, default, memo)
        elif str(rel) == UI_FILE:
            errors += _check_ui(path, file)
        elif suffix in (".md", *OTHER_MARKDOWN):
            errors.append(ContentError(file, None, None, f"pages must end in .md: rename it to {rel.stem}.md"))
        elif suffix == ".svg":
            text = inputs.read_text(path, file)
            errors += [text] if isinstance(text, ContentError) else markup.check_svg(text, file)
        elif suffix not in ASSETS:
            errors.append(
                ContentError(
                    file,
                    None,
                    None,
                    f"not a page or an image: every file in {folder}/ is published as it is, and only pages (.md), "
                    f"images ({' '.join(IMAGES)}) and PDF documents may be there. Move it out of {folder}/ "
                    "(a draft or a backup) or delete it",
                )
            )
    for url, files in urls.items():
        if len(files) > 1:
            for file in files:
                others = ", ".join(f for f in files if f != file)
                errors.append(
                    ContentError(
                        file,
                        None,
                        None,
                        f"published at the same address ({url}) as {others}: rename or merge one of them",
                    )
                )
    return errors


def _check_page(text: str, rel: PurePosixPath, file: str, default: bool, memo: Memo) -> list[ContentError]:
    parsed = memo.get(("parse", file, text), frontmatter.parse, text, file)
    if isinstance(parsed, ContentError):
        return []  # the loader reports it
    errors = markup.check_body(parsed.body, file, parsed.body_line)
    errors += markup.bidi_controls(parsed.meta, parsed.field_lines, file)
    kind = parsed.meta.get("kind")
    folder = KIND_FOLDERS.get(kind) if default and isinstance(kind, str) else None
    inside = folder is not None and (str(rel.parent) == folder or str(rel.parent).startswith(folder + "/"))
    if folder and (not inside or rel.stem in ("index", "README")):
        errors.append(
            ContentError(
                file,
                "kind",
                kind,
                f"a {kind} page to be in {file.split('/')[0]}/{folder}/ as <id>.md (it is listed and linked from "
                f"there): move the file, or remove 'kind: {kind}' if it is not a {kind}",
                parsed.field_lines.get("kind"),
            )
        )
    return errors


def missing_kind(meta: dict[str, Any], fields: dict[str, list[str]]) -> str | None:
    """What to say when front matter without `kind:` (so a plain page) has the fields of another kind."""
    extra = [name for name in meta if name not in fields.get("page", ())]
    if not extra:
        return None
    kinds = [kind for kind, names in fields.items() if kind != "page" and all(name in names for name in meta)]
    if len(kinds) != 1:
        return None
    return (
        f"the 'kind' field is missing: add the line 'kind: {kinds[0]}' at the top of the front matter (its fields "
        f"{', '.join(extra[:4])}{', ...' if len(extra) > 4 else ''} are those of a {kinds[0]} page; without 'kind', "
        "a page is a plain page)"
    )


def _check_ui(path: Path, file: str) -> list[ContentError]:
    """A language's UI strings: UTF-8, bounded YAML (no aliases), a mapping; read before the build uses them."""
    text = inputs.read_text(path, file)
    if isinstance(text, ContentError):
        return [text]
    unsafe = inputs.check_yaml(text, file, first_line=1, what="UI strings")
    if unsafe is not None:
        return [unsafe]
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return [inputs.yaml_error(text, exc, file, first_line=1, what="UI strings")]
    if data is not None and not isinstance(data, dict):
        return [ContentError(file, None, None, "the UI strings must be a mapping of key: text", 1)]
    return []

"""Command line: `python -m migsite validate` (more commands: see --help)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import yaml

from . import scaffold, status
from .config import SiteConfig, load_config, load_mkdocs_yml
from .corpus import Site, load_site
from .errors import ContentErrors
from .history import load_history, too_shallow
from .model import MODELS, json_schema
from .status import translation_status
from .values import SOURCE_TYPES, STATUSES
from .vocab import Vocabulary, load_vocabulary

SCHEMA_DIR = "schema"  # JSON Schemas of the front matter, for editors (see CONTRIBUTING.md)


class ProjectError(Exception):
    """No project where the command was asked to work: said in one line, without a traceback."""


def project_root(root: str) -> Path:
    """The folder with mkdocs.yml: --root, or (by default) the current folder or the nearest one above it."""
    start = Path(root).resolve()
    candidates = (start, *start.parents) if root == "." else (start,)
    for folder in candidates:
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise ProjectError(
        f"no mkdocs.yml in {start}{' or the folders above it' if root == '.' else ''}: run this command in the "
        "project folder (where mkdocs.yml is), or give it with --root PATH"
    )


def project_config(args: argparse.Namespace) -> SiteConfig:
    root = project_root(args.root)
    try:
        return load_config(root)
    except (ValueError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise ProjectError(f"{root / 'mkdocs.yml'}: cannot read the languages ({exc})") from None


def load(args: argparse.Namespace, brief: bool = False) -> Site | None:
    """The validated site, or None after printing every content error (or, brief, their number only:
    pre-commit runs validate and then the structure check, and each error should be printed once)."""
    try:
        return load_site(project_config(args))
    except ContentErrors as exc:
        if brief:
            n = len(exc.errors)
            print(f"{n} content error{'s' if n != 1 else ''}: see `python -m migsite validate`", file=sys.stderr)
        else:
            print(exc.report(), file=sys.stderr)
        return None


def stage_problem(config: SiteConfig) -> str | None:
    """MkDocs stops with "isn't an existing directory", and no hint, when the staging folder is missing."""
    stage = load_mkdocs_yml(config.root).get("docs_dir") or "docs"
    if (config.root / stage).is_dir():
        return None
    return (
        f"the staging folder {stage}/ is missing, so `mkdocs build` and `mkdocs serve` stop at once: restore it with "
        f"`git checkout -- {stage}` (or `mkdir {stage}`); the build fills it with links to the language folders"
    )


def cmd_validate(args: argparse.Namespace) -> int:
    site = load(args)
    if site is None:
        return 1
    config = site.config
    if problem := stage_problem(config):
        print(f"error: {problem}", file=sys.stderr)
        return 1
    counts = {lang: len(pages) for lang, pages in site.pages.items()}
    practices = len(site.practices(config.default.code))
    print(f"OK: {practices} practices; pages per language: {counts}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Write (or with --check, compare) the JSON Schemas of the front matter, one per kind and role."""
    root = Path(args.root).resolve()
    stale = []
    for name, text in schema_files(load_vocabulary()).items():
        path = root / SCHEMA_DIR / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path.relative_to(root)))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(root)}")
    if stale:
        print(f"out of date (run python -m migsite schema): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


def schema_files(vocab: Vocabulary) -> dict[str, str]:
    """File name -> JSON text of every kind's schema: `<kind>.json` (English) and `<kind>.translation.json`."""
    out = {}
    for kind, model in MODELS.items():
        for translation in (False, True):
            name = f"{kind}{'.translation' if translation else ''}.json"
            out[name] = json.dumps(json_schema(model, vocab, translation), ensure_ascii=False, indent=1) + "\n"
    return out


def cmd_status(args: argparse.Namespace) -> int:
    site = load(args, brief=args.structure_only)
    if site is None:
        return 1
    config = site.config
    history = load_history(config.root)
    if shallow := too_shallow(history):
        print(f"error: {shallow}", file=sys.stderr)
        return 1
    langs = [args.locale] if args.locale else None
    if args.locale and args.locale not in config.codes:
        print(f"unknown locale {args.locale!r}; the site has {', '.join(config.codes)}", file=sys.stderr)
        return 2
    statuses = translation_status(site, history, langs)
    if args.structure_only:
        warnings = [w for st in statuses for w in st.warnings]
        for warning in warnings:
            print(warning)
        return 1 if warnings else 0
    if args.format == "json":
        print(json.dumps(status.to_json(statuses), ensure_ascii=False, indent=1))
    else:
        if history.reason:
            print(f"note: {history.reason}")
        for st in statuses:
            s = st.summary()
            share = {state: st.percent_text(state, "en") for state in status.STATES}
            print(
                f"{st.lang}: {s['translated']}/{s['total']} up to date ({share['translated']}), "
                f"{s['outdated']} outdated ({share['outdated']}), {s['started']} started ({share['started']}), "
                f"{s['missing']} missing ({share['missing']})"
            )
            for page in st.pages:
                if page.state != "translated":
                    since = f" (English changed in {page.source_commit[:10]})" if page.source_commit else ""
                    print(f"  {page.state:9} {page.file}{since}")
                if page.note and page.note != history.reason:
                    print(f"  {'note':9} {page.file}: {page.note}")  # e.g. why an acknowledgement was ignored
            for warning in st.warnings:
                print(f"  {warning}")
    below = [
        st.lang for st in statuses if args.min_translated is not None and st.up_to_date_percent < args.min_translated
    ]
    if below:
        print(f"below {args.min_translated}% up to date: {', '.join(below)}", file=sys.stderr)
        return 1
    return 0


def cmd_new_practice(args: argparse.Namespace) -> int:
    config = project_config(args)
    try:
        path = scaffold.new_practice(config, args)
    except scaffold.ScaffoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {path.relative_to(config.root)}")
    return cmd_validate(args)


def cmd_translate(args: argparse.Namespace) -> int:
    config = project_config(args)
    try:
        path = scaffold.start_translation(config, args.page, args.locale)
    except scaffold.ScaffoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"wrote {path.relative_to(config.root)}: translate the title, the summary and the prose. Until its text "
        "differs from the English, readers get the English page and `status` counts it as started."
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m migsite", description=__doc__)
    parser.add_argument("--root", default=".", help="project root (where mkdocs.yml is)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="validate every page's front matter, without MkDocs").set_defaults(
        func=cmd_validate
    )

    sc = sub.add_parser("schema", help=f"write the front matter's JSON Schemas to {SCHEMA_DIR}/ (for editors)")
    sc.add_argument("--check", action="store_true", help="exit 1 if the committed schemas are out of date")
    sc.set_defaults(func=cmd_schema)

    st = sub.add_parser("status", help="translated / outdated / missing pages per language, and structure warnings")
    st.add_argument("--locale", help="one language only (default: every translation)")
    st.add_argument("--format", choices=["text", "json"], default="text")
    st.add_argument("--min-translated", type=float, metavar="PERCENT", help="exit 1 if a language is below this")
    st.add_argument("--structure-only", action="store_true", help="print structure warnings only; exit 1 if any")
    st.set_defaults(func=cmd_status)

    np = sub.add_parser("new-practice", help="write a new English practice page with every required field")
    np.add_argument("id", help="the page id: lower-case words and hyphens, e.g. lyon-welcome-desk")
    for name in ("title", "summary", "city", "country", "region", "source-title", "source-url"):
        np.add_argument(f"--{name}")
    np.add_argument("--status", choices=STATUSES)
    np.add_argument("--source-type", choices=SOURCE_TYPES)
    np.add_argument("--start-year", type=int)
    np.add_argument("--themes", help="comma-separated theme ids")
    np.add_argument("--objectives", help="comma-separated objective numbers")
    np.add_argument("--principles", help="comma-separated principle ids")
    np.set_defaults(func=cmd_new_practice)

    tr = sub.add_parser("translate", help="start a translation of an English page, with no facts to retype")
    tr.add_argument("page", help="the English page, e.g. docs/practices/nyc-idnyc.md")
    tr.add_argument("--locale", required=True)
    tr.set_defaults(func=cmd_translate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ProjectError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `status | head` closed the pipe: not an error of the content
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())

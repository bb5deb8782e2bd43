"""Command line: `python -m migsite validate` (more commands: see --help)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import load_config
from .corpus import load_site
from .errors import ContentErrors


def cmd_validate(args: argparse.Namespace) -> int:
    config = load_config(Path(args.root).resolve())
    try:
        site = load_site(config)
    except ContentErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    counts = {lang: len(pages) for lang, pages in site.pages.items()}
    practices = len(site.practices(config.default.code))
    print(f"OK: {practices} practices; pages per language: {counts}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m migsite", description=__doc__)
    parser.add_argument("--root", default=".", help="project root (where mkdocs.yml is)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="validate every page's front matter, without MkDocs").set_defaults(
        func=cmd_validate
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())

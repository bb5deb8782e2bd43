"""Structural comparison of a translation with its English source: headings, links, images,
admonitions and code blocks must match in number (links and images also in target)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

FENCE = re.compile(r"^(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+\S")
ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s+[\w-]+")
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


@dataclass(frozen=True)
class StructureWarning:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: warning: {self.message}"


@dataclass
class Outline:
    headings: list[tuple[int, int]]  # (line, level)
    links: list[tuple[int, str]]
    images: list[tuple[int, str]]
    admonitions: list[int]
    code_blocks: list[int]


@lru_cache(maxsize=4096)  # an English page is compared with each of its translations
def outline(body: str, first_line: int = 1) -> Outline:
    """The structure of a Markdown body (treat the result as read-only: it is cached)."""
    o = Outline([], [], [], [], [])
    in_code = False
    for i, line in enumerate(body.splitlines(), start=first_line):
        if ("```" in line or "~~~" in line) and FENCE.match(line.strip()):
            if not in_code:
                o.code_blocks.append(i)
            in_code = not in_code
            continue
        if in_code:
            continue
        if line.startswith("#") and (m := HEADING.match(line)):
            o.headings.append((i, len(m.group(1))))
        if ("!!!" in line or "???" in line) and ADMONITION.match(line):
            o.admonitions.append(i)
        if "](" in line:  # neither an image nor a link without it
            images = list(IMAGE.finditer(line))
            o.images += [(i, m.group(1)) for m in images]
            # a link's target, on the line of its "](": the link text may have started on a line before
            o.links += [
                (i, m.group(1))
                for m in TARGET.finditer(line)
                if not any(img.start() <= m.start() < img.end() for img in images)
            ]
    return o


# A UN document's address names its language (undocs.org/fr/A/RES/73/195): one document in each language.
_UN_DOC = re.compile(r"^(https?://undocs\.org/)[a-z]{2}/")


def same_target(url: str, aliases: Mapping[str, str]) -> str:
    """The link target a translation's link stands for: a per-language address of a source (`aliases`,
    from the English front matter) or of a UN document counts as the English one."""
    return _UN_DOC.sub(r"\1", aliases.get(url, url))


def compare(
    source: str,
    translation: str,
    source_file: str,
    file: str,
    first_line: int = 1,
    aliases: Mapping[str, str] | None = None,
) -> list[StructureWarning]:
    """Warnings for each structural difference, pointing at the translation's line where possible.

    `first_line` is the line of the translation file where its body starts (after front matter)."""
    a, b = outline(source), outline(translation, first_line)
    out: list[StructureWarning] = []

    def line_of(item: tuple[int, object] | int) -> int:
        return item[0] if isinstance(item, tuple) else item

    def count(what: str, xs: list[Any], ys: list[Any]) -> None:
        if len(xs) != len(ys):
            line = line_of(ys[min(len(xs), len(ys) - 1)]) if ys else first_line
            out.append(StructureWarning(file, line, f"{len(ys)} {what} where {source_file} has {len(xs)}"))

    count("headings", a.headings, b.headings)
    for (_, la), (line, lb) in zip(a.headings, b.headings, strict=False):
        if la != lb:
            out.append(StructureWarning(file, line, f"heading level {lb} where {source_file} has level {la}"))
            break
    count("admonitions", a.admonitions, b.admonitions)
    count("code blocks", a.code_blocks, b.code_blocks)
    aliases = aliases or {}
    for what, xs, ys in (("links", a.links, b.links), ("images", a.images, b.images)):
        targets_a = sorted(same_target(t, aliases) for _, t in xs)
        ys = [(ln, same_target(t, aliases)) for ln, t in ys]
        targets_b = sorted(t for _, t in ys)
        if targets_a != targets_b:
            missing = sorted(set(targets_a) - set(targets_b))
            extra = sorted(set(targets_b) - set(targets_a))
            line = next((ln for ln, t in ys if t in extra), ys[0][0] if ys else first_line)
            detail = []
            if missing:
                detail.append(f"missing {', '.join(missing[:3])}")
            if extra:
                detail.append(f"not in the source: {', '.join(extra[:3])}")
            if not detail:
                detail.append(f"{len(targets_b)} where the source has {len(targets_a)}")
            out.append(StructureWarning(file, line, f"{what} differ from {source_file} ({'; '.join(detail)})"))
    return out

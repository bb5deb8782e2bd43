"""Markup a contribution may not carry: anything that would run script or redirect readers.

Contributors write Markdown. Python-Markdown passes raw HTML through, and the site's
Content-Security-Policy allows scripts from the site itself ('self'), so a `<script src="../x.js">`
next to a `.js` file dropped into docs/ would run. The build therefore refuses, with file and line:

- the elements script, iframe, frame, frameset, object, embed, applet, base, meta, link, portal, form;
- event-handler attributes (onclick=, onerror=, ...), in HTML tags and in attribute lists `{ ... }`;
- javascript:, vbscript: and data:text/html URLs anywhere in the text (entities and spaces decoded
  first, so `java&#115;cript:` is caught too);
- bidirectional control characters (U+202A-U+202E, U+2066-U+2069) in front-matter text, which make
  "gpj.exe" display as "exe.jpg". The marks U+200E, U+200F and U+061C stay allowed: right-to-left
  text needs them and they reorder nothing.

Code is exempt: fenced code blocks and `code spans` are shown as text."""

from __future__ import annotations

import html
import re
from typing import Any

from .errors import ContentError

FORBIDDEN_ELEMENTS = (
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "meta",
    "link",
    "portal",
    "form",
)
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>?", re.S)
_EVENT_ATTR = re.compile(r"(?:^|[\s\"'/{.#])(on[a-z]+)\s*=", re.I)
_ATTR_LIST = re.compile(r"\{[:\s]?[^{}\n]*\}")
_BAD_SCHEME = re.compile(r"(javascript|vbscript|livescript):|data:text/html", re.I)
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1", re.S)


def _without_code(body: str) -> list[tuple[int, str]]:
    """(line index, text) of every line outside fenced code, with code spans blanked out."""
    out: list[tuple[int, str]] = []
    fence: str | None = None
    for i, line in enumerate(body.split("\n")):
        stripped = line.lstrip()
        m = _FENCE.match(stripped if fence is None else stripped)
        if fence is None and m:
            fence = m.group(2)[0] * len(m.group(2))
            continue
        if fence is not None:
            if stripped.startswith(fence) and not stripped[len(fence) :].strip(fence[0]).strip():
                fence = None
            continue
        out.append((i, _CODE_SPAN.sub(lambda s: " " * len(s.group(0)), line)))
    return out


def _normalised(text: str) -> str:
    """Entities decoded, then whitespace and control characters removed: how a browser reads a URL."""
    decoded = html.unescape(html.unescape(text))
    return re.sub(r"[\s\x00-\x1f\x7f]+", "", decoded)


def check_body(body: str, file: str, first_line: int = 1) -> list[ContentError]:
    """Every forbidden element, event handler and script URL in a Markdown body, with its line."""
    errors: list[ContentError] = []
    lines = _without_code(body)
    text = "\n".join(t for _, t in lines)
    line_of = [i for i, _ in lines]

    def line(offset: int) -> int:
        return line_of[min(text.count("\n", 0, offset), len(line_of) - 1)] + first_line

    seen: set[tuple[int, str]] = set()

    def add(offset: int, what: str) -> None:
        key = (line(offset), what)
        if key not in seen:
            seen.add(key)
            errors.append(ContentError(file, None, None, what, key[0]))

    for tag in _TAG.finditer(text):
        name = tag.group(2).lower()
        if ":" in name:  # an autolink such as <https://...>, not an element
            continue
        if name in FORBIDDEN_ELEMENTS and not tag.group(1):
            add(
                tag.start(),
                f"raw HTML <{name}> is not allowed in a page: it could run script or redirect readers. "
                "Remove it (write Markdown; a link to an outside page is [text](https://...))",
            )
        for attr in _EVENT_ATTR.finditer(tag.group(3) or ""):
            add(tag.start(), f"the HTML attribute {attr.group(1)}= runs script: remove it")
        scheme = _BAD_SCHEME.search(_normalised(tag.group(3) or ""))
        if scheme:  # also when the URL is split over lines
            add(tag.start(), f"a {scheme.group(0).lower()} URL runs script: link to an http(s) address instead")
    for attrs in _ATTR_LIST.finditer(text):
        for attr in _EVENT_ATTR.finditer(attrs.group(0)):
            add(attrs.start(), f"the attribute {attr.group(1)}= runs script: remove it")
    normalised_lines = [(offset, _normalised(chunk)) for offset, chunk in _line_chunks(text)]
    for offset, chunk in normalised_lines:
        m = _BAD_SCHEME.search(chunk)
        if m:
            add(offset, f"a {m.group(0).lower()} URL runs script: link to an http(s) address instead")
    return errors


def _line_chunks(text: str) -> list[tuple[int, str]]:
    chunks, offset = [], 0
    for piece in text.split("\n"):
        chunks.append((offset, piece))
        offset += len(piece) + 1
    return chunks


def check_svg(text: str, file: str) -> list[ContentError]:
    """An SVG image may not carry script: opened directly, it runs with the site's origin."""
    errors = check_body(text, file)
    if re.search(r"<\s*foreignObject", text, re.I):
        errors.append(ContentError(file, None, None, "an SVG image with <foreignObject> is not allowed: remove it"))
    return errors


def bidi_controls(meta: dict[str, Any], lines: dict[str, int], file: str) -> list[ContentError]:
    """Front-matter text with bidirectional control characters, which change how text is displayed."""
    errors = []
    for name, value in meta.items():
        found = sorted({f"U+{ord(c):04X}" for c in BIDI_CONTROLS.findall(_strings(value))})
        if found:
            errors.append(
                ContentError(
                    file,
                    None,
                    None,
                    f"field '{name}' contains the invisible bidirectional control character(s) {', '.join(found)}, "
                    "which change the order in which text is displayed: delete them",
                    lines.get(name),
                )
            )
    return errors


def _strings(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(_strings(k) + " " + _strings(v) for k, v in value.items())
    if isinstance(value, list):
        return " ".join(_strings(v) for v in value)
    return ""

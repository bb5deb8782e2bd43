"""Reading contributors' files safely: encoding, where the front matter starts, bounded YAML.

Each check returns a ContentError naming the file (and line) and saying what to do, never raises
and never echoes a huge value. Called by migsite.frontmatter and migsite.corpus.

- A UTF-8 byte-order mark (Windows editors write one) is dropped, as MkDocs drops it: the page reads
  the same with or without it.
- A file that is not UTF-8 fails with the line and column of the first bad byte.
- Blank lines or spaces before the opening `---`, and an opening `---` never closed, fail: MkDocs
  would not see that front matter either and would publish the YAML as text, with none of the
  page's fields checked.
- Front matter is parsed only if it is at most MAX_FRONT_MATTER characters, nested at most
  MAX_DEPTH levels and free of YAML anchors and aliases (`&name`, `*name`): an "alias bomb" of a few
  lines expands to billions of values. Parsing time and memory are then bounded by the size limit
  (tests/test_hostile_inputs.py measures the worst case)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import ContentError

MAX_FRONT_MATTER = 32 * 1024  # characters; the largest front matter of the site is under 2 000
MAX_DEPTH = 16  # nesting of lists and mappings; the site's deepest is 3 (sources: - title:)
BOM = "\ufeff"

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENING = re.compile(r"\A---[ \t]*\r?$", re.M)
_CLOSING = re.compile(r"^---[ \t]*\r?$", re.M)
_DOTS = re.compile(r"^\.\.\.[ \t]*\r?$", re.M)


def read_text(path: Path, file: str) -> str | ContentError:
    """The file's text without a byte-order mark, or an error saying where it is not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return ContentError(file, None, None, f"cannot be read ({exc.strerror or exc.__class__.__name__})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        guess = ""
        try:
            data.decode("cp1252")
            guess = " (it looks like Windows-1252 or Latin-1)"
        except UnicodeDecodeError:
            pass
        return ContentError(
            file,
            None,
            None,
            f"is not UTF-8 text{guess}: byte 0x{data[exc.start]:02x} at line {line}, column {column}. "
            "Save the file with the UTF-8 encoding (in most editors: Save as > Encoding > UTF-8)",
            line,
        )
    return text.removeprefix(BOM)


def front_matter_start(text: str, file: str) -> ContentError | None:
    """An error when the file seems to have front matter that MkDocs and migsite would not read."""
    if text.startswith("---"):
        if not _OPENING.match(text):
            return ContentError(
                file, None, None, "the opening '---' of the front matter must be alone on the first line", 1
            )
        rest = text[text.index("\n") + 1 :] if "\n" in text else ""
        closing = _CLOSING.search(rest)
        if closing and closing.end() == len(rest):
            line = text[: len(text) - len(rest) + closing.start()].count("\n") + 1
            return ContentError(
                file, None, None, "end the closing '---' of the front matter with a line break (press Enter)", line
            )
        if not closing:
            hint = " (not '...')" if _DOTS.search(rest) else ""
            return ContentError(
                file,
                None,
                None,
                f"the front matter opened on line 1 is never closed: add a line '---'{hint} after its last field",
                1,
            )
        return None
    stripped = text.lstrip(" \t\r\n")
    if stripped.startswith("---") and _OPENING.match(stripped):
        line = text[: len(text) - len(stripped)].count("\n") + 1
        return ContentError(
            file,
            None,
            None,
            f"the front matter's opening '---' is on line {line}: delete the blank lines or spaces before it, "
            "so that '---' is the very first line (otherwise the fields are published as text and never checked)",
            1,
        )
    return None


def check_yaml(raw: str, file: str, first_line: int = 2, what: str = "front matter") -> ContentError | None:
    """An error when front matter is too large, too deep or uses anchors/aliases; None when it is safe
    to construct. Reads YAML events only: nothing is expanded. Syntax errors are left to the loader."""
    if len(raw) > MAX_FRONT_MATTER:
        return ContentError(
            file,
            None,
            None,
            f"the {what} is {len(raw)} characters long, more than the limit of {MAX_FRONT_MATTER}"
            + (": keep long text in the body of the page" if what == "front matter" else ""),
            first_line - 1,
        )
    depth = 0
    try:
        for event in yaml.parse(raw, Loader=_Parser):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                return ContentError(
                    file,
                    None,
                    None,
                    f"YAML anchors and aliases ('&name', '*name') are not allowed in {what}: "
                    "write each value out in full",
                    mark.line + first_line if mark is not None else None,
                )
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    return ContentError(
                        file,
                        None,
                        None,
                        f"the {what} nests lists or mappings more than {MAX_DEPTH} levels deep",
                        mark.line + first_line if mark is not None else None,
                    )
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # the loader reports the syntax error with its line and advice
    return None


_KEY = re.compile(r"^\s*-?\s*([A-Za-z_][\w-]*)\s*:")


def yaml_error(
    raw: str, exc: yaml.YAMLError, file: str, first_line: int = 2, what: str = "front matter"
) -> ContentError:
    """A YAML syntax error as a contributor can act on it: the line, the field and what to do."""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None) or ""
    pmark = getattr(exc, "problem_mark", None)
    cmark = getattr(exc, "context_mark", None)
    mark = pmark or cmark
    if cmark is not None and any(w in context for w in ("quoted scalar", "flow sequence", "flow mapping")):
        mark = cmark  # where the quote or bracket was opened
    index = mark.line if mark is not None else None
    lines = raw.splitlines()
    field = None
    if index is not None:
        for i in range(min(index, len(lines) - 1), -1, -1):  # the field on the line, or the nearest above
            key = _KEY.match(lines[i])
            if key:
                field = key.group(1)
                break
    where = f"field '{field}'" if field else f"the {what}"
    if problem.startswith("duplicate key"):
        advice = f"{problem.replace('duplicate key', 'the field')} appears twice: keep only one"
        field = None
    elif "mapping values are not allowed" in problem:
        advice = (
            f"{where}: the value contains ': ' (or a line is indented too much). Put the whole value in quotes, "
            f'e.g. {field or "title"}: "Cities: a welcome", or remove the extra spaces at the start of the line'
        )
    elif "tab character" in problem or "\\t" in problem:
        advice = f"{where}: a tab is used for indentation; indent with spaces"
    elif "quoted scalar" in context:
        advice = f"{where}: a quote opened on this line is never closed: add the closing quote"
    elif "cannot start any token" in problem:
        advice = f"{where}: a value cannot start with '@' or '`': put the whole value in quotes"
    elif "flow sequence" in context or "flow mapping" in context:
        advice = f"{where}: a list in [ ] (or a mapping in {{ }}) is not closed, or an item contains a comma: "
        advice += "close it, or quote the item"
    elif "did not find expected key" in problem:
        advice = (
            f"{where}: text follows a closing quote. Put the whole value in quotes, and write a quote inside "
            "it twice ('') or use the other kind of quote"
        )
    elif "expected '-' indicator" in problem or "block collection" in context:
        advice = f"{where}: the items of a list must line up, each starting with '- ' at the same indentation"
    else:
        advice = f"{where}: {problem} (check the quotes, colons and indentation of this line)"
    line = index + first_line if index is not None else None
    return ContentError(file, None, None, f"malformed YAML {what}, {advice}", line)

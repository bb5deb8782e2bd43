"""Content errors: every problem names the file, the field, the value and what was expected."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ContentError:
    """One problem in one file."""

    file: str
    field: str | None
    value: Any
    expected: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.field is None:
            return f"{where}: {self.expected}"
        if self.value is None and "required field" in self.expected:
            return f"{where}: field '{self.field}' is missing: add it ({self.expected})"
        if self.value is None:
            return f"{where}: field '{self.field}' is empty; expected {self.expected}"
        expected = shorten(self.expected, 3 * MAX_VALUE)  # some name the bad values, which may be many
        return f"{where}: field '{self.field}': got {shorten(repr(self.value))}; expected {expected}"


MAX_VALUE = 200  # characters of a value quoted in a message: a long (or hostile) value is cut


def shorten(text: str, limit: int = MAX_VALUE) -> str:
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


class ContentErrors(Exception):
    """All the problems found in one load, raised together so a contributor fixes them in one go."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.line or 0, e.field or ""))
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.errors)
        head = f"{n} content error{'s' if n != 1 else ''}:"
        return "\n".join([head, *(f"  - {e}" for e in self.errors)])


class FieldError(ValueError):
    """Raised by a field check; the loader adds file and field."""

    def __init__(self, expected: str):
        super().__init__(expected)
        self.expected = expected

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
        got = "missing" if self.value is None else f"got {self.value!r}"
        return f"{where}: field '{self.field}': {got}; expected {self.expected}"


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

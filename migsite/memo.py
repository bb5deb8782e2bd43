"""Per-file results of loading the content, kept between the rounds of one process (`mkdocs serve`).

A rebuild of `mkdocs serve` loads every page of every language again. Most of that work depends on
one file's text only (parsing its front matter, checking its Markdown, typing its fields), so it is
kept here, keyed by everything it depends on (the file's name and text, the English text for a
translation, the vocabulary, today's date), and a rebuild after one saved page redoes the work of
that page only. Whatever reads other files (identities, duplicates, translation status) is redone.

The key is the content, not a modification time: a file saved with the same text reuses its result,
any other change misses the memo. Results not used in a round are dropped at the start of the next
one, so the memo holds at most two rounds' entries. Plain Python: no MkDocs import."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Hashable
from typing import Any, ParamSpec, TypeVar

T = TypeVar("T")
P = ParamSpec("P")


class Memo:
    """Results by key for this round, and the previous round's to reuse."""

    def __init__(self) -> None:
        self._now: dict[Hashable, Any] = {}
        self._before: dict[Hashable, Any] = {}
        self._context: Any = None
        self.hits = 0
        self.misses = 0

    def new_round(self, context: Any) -> None:
        """Start a round. `context` is what every result may depend on besides its key (compared by
        equality): when it differs from the previous round's, nothing is reused."""
        context = (context, datetime.date.today())
        self._before = self._now if context == self._context else {}
        self._now = {}
        self._context = context
        self.hits = self.misses = 0

    def get(self, key: Hashable, compute: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """The result of `compute(*args, **kwargs)` for `key`, computed unless a result is kept."""
        if key in self._now:
            self.hits += 1
            value: T = self._now[key]
            return value
        if key in self._before:
            self.hits += 1
            value = self._before.pop(key)
        else:
            self.misses += 1
            value = compute(*args, **kwargs)
        self._now[key] = value
        return value

    def clear(self) -> None:
        self._now, self._before, self._context = {}, {}, None

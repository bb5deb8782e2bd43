"""Typed values of front-matter facts: names with per-language forms, sources, reach, funding, acts."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The life of a practice, in the order a reader would expect them.
STATUSES = ("planned", "pilot", "ongoing", "ended", "unknown")
# official: the city's, a government's or an intergovernmental body's own site or document (UN bodies,
# the Council of Europe, ICMPD...). Networks and associations of cities (UCLG, the Mayors Migration
# Council, Eurocities...) are `ngo`: they report on a city's practice, they do not run it.
SOURCE_TYPES = ("official", "ngo", "academic", "press", "secondary")
CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class LocalText:
    """A name with a form per language; English is always there and is the fallback."""

    forms: dict[str, str]

    def get(self, lang: str) -> str:
        return self.forms.get(lang) or self.forms["en"]

    @property
    def en(self) -> str:
        return self.forms["en"]


@dataclass(frozen=True)
class Source:
    title: LocalText
    url: LocalText  # a UN document has one address per language
    type: str

    @property
    def official(self) -> bool:
        return self.type == "official"


@dataclass(frozen=True)
class Reach:
    number: int
    year: int | None
    source: str  # the url of one of the practice's sources


@dataclass(frozen=True)
class Funding:
    source: LocalText
    amount: int | float | None
    currency: str | None
    year: int | None


@dataclass(frozen=True)
class LegalAct:
    title: LocalText
    url: str | None
    year: int | None

"""Typed values of front-matter facts: names with per-language forms, sources, reach, funding, acts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

# The life of a practice, in the order a reader would expect them.
STATUSES = ("planned", "pilot", "ongoing", "ended", "unknown")
# official: the city's, a government's or an intergovernmental body's own site or document (UN bodies,
# the Council of Europe, ICMPD...). Networks and associations of cities (UCLG, the Mayors Migration
# Council, Eurocities...) are `ngo`: they report on a city's practice, they do not run it.
SOURCE_TYPES = ("official", "ngo", "academic", "press", "secondary")
CURRENCY = re.compile(r"^[A-Z]{3}$")
# A URL never ends in these in our sources: they are the tail of a sentence pasted with it.
TRAILING_PUNCTUATION = (";", ",", ".", ")", "]", ":", "'", '"')


def url_problem(url: str) -> str | None:
    """What is wrong with an address meant as a full http(s) URL (None: nothing). The one URL rule
    of front matter (migsite/schema.py) and of the objective data (migsite/vocab.py)."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or any(c.isspace() for c in url):
        return "an http(s) URL such as https://example.org/page"
    if url.endswith(TRAILING_PUNCTUATION):
        return f"a URL without the trailing {url[-1]!r} (punctuation pasted with it)"
    return None


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
class LastReported:
    """When a practice of unknown status was last shown active, and by which source."""

    year: int
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

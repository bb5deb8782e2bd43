"""Per-language search indexes (Material/lunr format)."""

from __future__ import annotations

from typing import Any


def localize_index(index: dict[str, Any], lang: str, prefix: str, other_prefixes: list[str]) -> dict[str, Any]:
    """Keep the entries of one language, relative to its root, with its stemmer only.

    `prefix` is the language's URL prefix ("fr/", or "" for the default language);
    entries under `other_prefixes` belong to other languages and are dropped."""
    docs = []
    for doc in index.get("docs", []):
        location: str = doc["location"]
        if any(location.startswith(p) for p in other_prefixes):
            continue
        if prefix:
            if not location.startswith(prefix):
                continue
            location = location[len(prefix) :]
        docs.append({**doc, "location": location})
    config = {**index.get("config", {}), "lang": [lang]}
    return {**index, "config": config, "docs": docs}

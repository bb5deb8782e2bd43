"""The committed JSON Schemas (schema/, for editors) are current, and accept every page the site has."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from migsite import frontmatter
from migsite.config import load_config
from migsite.model import MODELS

ROOT = Path(__file__).resolve().parents[1]


def test_committed_schemas_are_current():
    result = subprocess.run(
        [sys.executable, "-m", "migsite", "schema", "--check"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("lang", [lang.code for lang in load_config(ROOT).languages])
def test_every_page_matches_its_schema(lang):
    config = load_config(ROOT)
    folder = ROOT / config.language(lang).folder
    checked = 0
    for path in sorted(folder.rglob("*.md")):
        rel = path.relative_to(ROOT).as_posix()
        parsed = frontmatter.parse(path.read_text(encoding="utf-8"), rel)
        assert isinstance(parsed, frontmatter.Parsed), str(parsed)
        if lang == config.default.code:
            kind = parsed.meta.get("kind", "page")
            name = f"{kind}.json"
        else:
            english = ROOT / config.default.folder / path.relative_to(folder)
            en = frontmatter.parse(english.read_text(encoding="utf-8"), rel)
            assert isinstance(en, frontmatter.Parsed)
            name = f"{en.meta.get('kind', 'page')}.translation.json"
        schema = json.loads((ROOT / "schema" / name).read_text(encoding="utf-8"))
        errors = sorted(e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(parsed.meta))
        assert errors == [], f"{rel}: {errors}"
        checked += 1
    assert checked > 20 and set(MODELS) >= {"practice", "page"}


def test_schema_rejects_what_validate_rejects():
    schema = json.loads((ROOT / "schema/practice.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    good = {
        "kind": "practice", "title": "T", "summary": "S", "city": {"en": "Zurich", "es": "Zúrich"}, "country": "CH",
        "region": "europe", "status": "planned", "start_year": None, "themes": ["documentation"], "objectives": [4],
        "principles": ["human-rights"], "last_verified": "2026-11-27",
        "sources": [{"title": "City", "url": "https://www.stadt-zuerich.ch/", "type": "official"}],
    }  # fmt: skip
    assert list(validator.iter_errors(good)) == []
    for bad in ({"status": "running"}, {"objectives": [24]}, {"cty": "x"}, {"sources": [{"title": "x", "url": "y"}]}):
        assert list(validator.iter_errors({**good, **bad})), bad

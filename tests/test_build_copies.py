"""Builds of modified copies of the project: bad input fails clearly; hostile input renders as text."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from helpers import copy_project, mkdocs_build
from htmlscan import html_pages, parse

HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_CITY = '"><img src=x onerror=alert(1)>'
HOSTILE_PARTNER = "<svg onload=alert(2)>"

HOSTILE = f"""---
kind: practice
title: '{HOSTILE_TITLE}'
summary: '<b onmouseover=alert(3)>bold</b> summary'
city: '{HOSTILE_CITY}'
country: FR
region: europe
start_year: 2020
themes: [health]
objectives: [1, 15]
principles: [human-rights]
partners: ['{HOSTILE_PARTNER}']
status: ongoing
last_verified: 2026-11-20
implementing_body: '<img src=x onerror=alert(6)>'
sources:
  - title: '<iframe src=javascript:alert(4)>'
    url: https://example.org/?a=1&b="><script>alert(5)</script>
    type: official
---

## Context

Plain text.
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    (project / "docs/practices/zz-hostile.md").write_text(HOSTILE, encoding="utf-8")
    out = project / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def active_markup(html: str) -> list[str]:
    """Elements and attributes that would run script if the hostile strings had become markup."""
    found = []
    for tag, attrs in parse(html).tags:
        if tag in ("iframe",) or (tag == "img" and attrs.get("src") == "x"):
            found.append(tag)
        found += [f"{tag}[{name}]" for name in attrs if name.startswith("on")]
        found += [f"{tag}[{k}]" for k, v in attrs.items() if v and v.strip().lower().startswith("javascript:")]
    return found


def test_hostile_front_matter_renders_as_text_everywhere(hostile_site):
    pages = [p for p in html_pages(hostile_site) if "assets" not in p.parts]
    seen_title = seen_city = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert not active_markup(html), (path, active_markup(html))
        inline_scripts = re.findall(r"<script[^>]*>(.*?)</script>", html, re.S)
        assert not [s for s in inline_scripts if "alert(" in s], path
        text = " ".join(parse(html).text)
        seen_title += HOSTILE_TITLE in text
        seen_city += HOSTILE_CITY in text
    # the strings do appear, as text: the index, the fact box, the browsable indexes, in each language
    assert seen_title >= 3 * 4 and seen_city >= 3 * 3


def test_hostile_strings_are_plain_values_in_open_data(hostile_site):
    for prefix in ("", "fr/", "es/"):
        data = json.loads((hostile_site / prefix / "practices/practices.json").read_text(encoding="utf-8"))
        row = next(r for r in data["practices"] if r["id"] == "zz-hostile")
        assert row["title"] == HOSTILE_TITLE and row["city"] == HOSTILE_CITY
        text = (hostile_site / prefix / "practices/practices.csv").read_text(encoding="utf-8-sig")
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
        assert rows["zz-hostile"]["city"] == HOSTILE_CITY


def test_invalid_practice_fails_the_build_with_a_clear_message(tmp_path):
    project = copy_project(tmp_path / "project")
    bad = (
        (project / "docs/practices/nyc-idnyc.md")
        .read_text(encoding="utf-8")
        .replace("objectives: [4, 15]", "objectives: [4, 24]")
    )
    assert "[4, 24]" in bad
    (project / "docs/practices/nyc-idnyc.md").write_text(bad, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/practices/nyc-idnyc.md" in output and "field 'objectives'" in output and "1 to 23" in output
    assert "Traceback" not in output

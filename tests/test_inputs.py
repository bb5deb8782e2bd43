"""Reading contributors' files (migsite/inputs.py): byte-order marks, blank lines, encodings, bounded YAML,
and YAML syntax errors a contributor can act on. Without MkDocs; the builds are in test_hostile_inputs.py."""

from __future__ import annotations

import time

import pytest
from test_content_model import PRACTICE, errors_of, project

from migsite import frontmatter
from migsite.corpus import load_site

BOMB = """---
kind: practice
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
title: [*h, *h, *h, *h, *h, *h, *h, *h, *h]
---
"""


def test_byte_order_mark_is_read_like_mkdocs_reads_it(tmp_path):
    site = load_site(project(tmp_path, {"docs/practices/x.md": "\ufeff" + PRACTICE}))
    assert site.get("en", "practices/x.md").kind == "practice"
    assert [r.id for r in site.practices("en")] == ["x"]
    # and its fields are checked
    errors = errors_of(tmp_path / "b", {"docs/practices/x.md": "\ufeff" + PRACTICE.replace("[4, 15]", "[99]")})
    assert any("docs/practices/x.md:10" in e and "field 'objectives'" in e for e in errors)


@pytest.mark.parametrize("prefix", ["\n", "\n\n", "  \n", "\ufeff\n", " "])
def test_blank_lines_before_the_front_matter_fail(tmp_path, prefix):
    (err,) = errors_of(tmp_path, {"docs/practices/x.md": prefix + PRACTICE})
    assert err.startswith("docs/practices/x.md:1:") and "delete the blank lines or spaces before it" in err


def test_unclosed_front_matter_fails(tmp_path):
    (err,) = errors_of(tmp_path, {"docs/practices/x.md": PRACTICE.replace("---\n\n## Context", "\n## Context")})
    assert "docs/practices/x.md:1" in err and "never closed" in err
    (err,) = errors_of(tmp_path / "b", {"docs/x.md": "---\ntitle: X\n...\nText\n"})
    assert "(not '...')" in err


def test_closing_fence_without_line_break_fails(tmp_path):
    (err,) = errors_of(tmp_path, {"docs/x.md": "---\ntitle: X\n---"})
    assert err.startswith("docs/x.md:3:") and "line break" in err


def test_latin1_file_names_file_and_line(tmp_path):
    path = tmp_path / "docs/practices/x.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(PRACTICE.replace("Municipal ID card", "Carte d'identité").encode("latin-1"))
    errors = errors_of(tmp_path, {})
    (err,) = errors
    assert err.startswith("docs/practices/x.md:3:") and "not UTF-8" in err and "0xe9" in err
    assert "Windows-1252" in err and "UTF-8" in err


def test_latin1_translation_is_named(tmp_path):
    path = tmp_path / "docs_fr/practices/x.md"
    path.parent.mkdir(parents=True)
    path.write_bytes("---\ntitle: Carte d'identité\nsummary: Une carte.\n---\n".encode("latin-1"))
    (err,) = errors_of(tmp_path, {"docs/practices/x.md": PRACTICE})
    assert err.startswith("docs_fr/practices/x.md:2:") and "not UTF-8" in err


def test_alias_bomb_is_refused_quickly_without_expanding(tmp_path):
    start = time.monotonic()
    errors = errors_of(tmp_path, {"docs/practices/x.md": BOMB})
    assert time.monotonic() - start < 2
    (err,) = errors
    assert err.startswith("docs/practices/x.md:3:") and "anchors and aliases" in err and len(err) < 300


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a: " + "[" * 200 + "]" * 200, "more than 16 levels deep"),
        ("title: '" + "x" * 40_000 + "'", "more than the limit of 32768"),
        ("title: " + "{a: " * 5000 + "1" + "}" * 5000, "more than 16 levels deep"),
    ],
)
def test_oversized_or_deep_front_matter_is_refused_quickly(raw, expected):
    start = time.monotonic()
    result = frontmatter.parse(f"---\n{raw}\n---\n", "docs/x.md")
    assert time.monotonic() - start < 1
    assert not isinstance(result, frontmatter.Parsed) and expected in str(result) and len(str(result)) < 300


@pytest.mark.parametrize(
    ("line", "advice"),
    [
        ("title: Cities: a welcome", "field 'title': the value contains ': '"),
        ("title: 'Cities", "field 'title': a quote opened on this line is never closed"),
        ('title: "Cities" of welcome', "field 'title': text follows a closing quote"),
        ("title: @cities", "field 'title': a value cannot start with '@'"),
        ("title: [a, b", "field 'title': a list in [ ]"),
    ],
)
def test_yaml_syntax_errors_name_the_field_and_what_to_do(tmp_path, line, advice):
    text = PRACTICE.replace("title: Municipal ID card", line)
    (err,) = errors_of(tmp_path, {"docs/practices/x.md": text})
    assert err.startswith("docs/practices/x.md:3:") and advice in err


def test_markup_in_code_and_autolinks_is_not_refused():
    from migsite.markup import check_body

    body = (
        "Write `<script>` in code.\n\n```html\n<script>alert(1)</script>\n<iframe></iframe>\n```\n\n"
        "~~~\n<meta http-equiv=refresh>\n~~~\n\nSee <https://example.org/online=1> and <a@b.org>.\n"
        "Prices online = cheaper; a < b and <em>emphasis</em>, <abbr title='x'>UN</abbr>.\n"
    )
    assert check_body(body, "docs/x.md") == []


@pytest.mark.parametrize(
    "snippet",
    [
        '<a href="java&#115;cript:alert(1)">x</a>',
        "[x](JaVaScRiPt:alert(1))",
        "[x]: javascript:alert(1)",
        '<a href="  java\nscript:alert(1)">x</a>',
        '<object data="x.swf"></object>',
        "<svg><animate onbegin=alert(1)></svg>",
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        "<SCRIPT>alert(1)</SCRIPT>",
        "<base href=https://evil.example/>",
    ],
)
def test_obfuscated_script_is_refused_with_its_line(snippet):
    from migsite.markup import check_body

    errors = check_body(f"## Title\n\n{snippet}\n", "docs/x.md", first_line=10)
    assert errors and all(e.file == "docs/x.md" and e.line == 12 for e in errors), [str(e) for e in errors]


def test_bidi_overrides_refused_but_right_to_left_marks_allowed():
    from migsite.markup import bidi_controls

    assert bidi_controls({"title": "مدينة\u200f (x)", "summary": "a\u200eb"}, {}, "docs_ar/x.md") == []
    (err,) = bidi_controls({"title": "gpj\u202e.exe", "city": "x"}, {"title": 3}, "docs/x.md")
    assert str(err).startswith("docs/x.md:3:") and "U+202E" in str(err)
    assert len(bidi_controls({"sources": [{"title": "\u2067x"}]}, {}, "docs/x.md")) == 1


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+33 1 23 45 67 89", "'+33 1 23 45 67 89"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\n=1+1"),  # and a CR inside a cell becomes a line break, quoted
        ("-", "-"),
        ("-3", "-3"),
        ("+1.5", "+1.5"),
        ("São Paulo", "São Paulo"),
        ("Cities - and migration", "Cities - and migration"),
        ("", ""),
    ],
)
def test_csv_cells_that_would_run_as_formulas_are_neutralised(value, cell):
    import csv
    import io

    from migsite.opendata import to_csv

    row = {"id": "x", "city": value, "partners": [value, "UN-Habitat"], "start_year": 2015}
    (parsed,) = csv.DictReader(io.StringIO(to_csv([row], list(row)), newline=""))
    assert parsed["city"] == cell and parsed["start_year"] == "2015"
    # a list cell is judged as a whole: "- | UN-Habitat" would be a formula
    assert parsed["partners"].startswith("'") == value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_missing_kind_is_one_error_saying_to_add_it(tmp_path):
    (err,) = errors_of(tmp_path, {"docs/practices/x.md": PRACTICE.replace("kind: practice\n", "")})
    assert err.startswith("docs/practices/x.md:2:") and "add the line 'kind: practice'" in err


def test_missing_and_empty_fields_are_said_in_words(tmp_path):
    text = PRACTICE.replace("city: {en: New York City, fr: New York, es: Nueva York}\n", "")
    text = text.replace("summary: A city card for every resident.", "summary:")
    errors = errors_of(tmp_path, {"docs/practices/x.md": text})
    assert any("field 'city' is missing: add it" in e for e in errors), errors
    assert any("field 'summary' is empty; expected a non-empty text" in e for e in errors), errors
    assert not any("None" in e for e in errors)


def test_a_long_value_is_cut_in_messages(tmp_path):
    text = PRACTICE.replace("themes: [documentation, access-to-services]", "themes: [" + "x, " * 5000 + "y]")
    (err,) = errors_of(tmp_path, {"docs/practices/x.md": text})
    assert "field 'themes'" in err and "(25005 characters)" in err and len(err) < 1000


def test_a_broken_practice_does_not_cascade_into_not_found(tmp_path):
    rec = (
        "---\nkind: recommendation\ntitle: Open services\nsummary: For everyone.\nnumber: 1\nobjectives: [15]\n"
        "audience: [mayors]\npractices: [x]\nsources: [{title: C, url: 'https://uclg.org/', type: official}]\n---\n"
    )
    broken = PRACTICE.replace("title: Municipal ID card", "title: Cities: welcome")
    (err,) = errors_of(tmp_path, {"docs/practices/x.md": broken, "docs/rtc/open.md": rec})
    assert err.startswith("docs/practices/x.md:3:") and "malformed YAML" in err


def test_structure_check_does_not_repeat_validation_errors(tmp_path, capsys):
    from migsite.__main__ import main

    project(tmp_path, {"docs/practices/x.md": PRACTICE.replace("[4, 15]", "[24]")})
    (tmp_path / "mkdocs.yml").write_text(
        "site_url: https://example.org/\nplugins:\n  - i18n:\n      languages:\n"
        "        - {locale: en, name: English, default: true}\n        - {locale: fr, name: Français}\n"
    )
    assert main(["--root", str(tmp_path), "status", "--structure-only"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "1 content error: see `python -m migsite validate`"


def test_english_left_in_a_translation_is_found_by_paragraph():
    from migsite.scaffold import english_left, still_english

    english = (
        "## Context\n\nThe city opened a desk where every resident can ask about services.\n\n"
        "- The desk answers questions in twelve languages every working day.\n"
        "- Short item.\n\n```\ncode that is the same in every language, and long enough to count\n```\n\n"
        "[^1]: City of Lyon, annual report on the welcome desk and its many visitors: <https://lyon.fr/>\n"
    )
    assert still_english(english, english)
    half = english.replace("The city opened a desk where every resident", "La ville a ouvert un guichet où chacun")
    assert english_left(half, english) == [4] and still_english(half, english)
    done = half.replace("The desk answers questions in twelve languages", "Le guichet répond en douze langues")
    assert english_left(done, english) == [] and not still_english(done, english)
    assert not still_english("", "") and not still_english("Texte.", "")

"""The content model, without MkDocs: every kind of bad input gives file, field, value and expectation."""

from __future__ import annotations

from pathlib import Path

import pytest

from migsite.config import Language, SiteConfig
from migsite.corpus import load_site
from migsite.errors import ContentErrors

LANGS = (Language("en", "English", True), Language("fr", "Français", False), Language("es", "Español", False))

PRACTICE = """---
kind: practice
title: Municipal ID card
summary: A city card for every resident.
city: {en: New York City, fr: New York, es: Nueva York}
country: US
region: north-america
start_year: 2015
themes: [documentation, access-to-services]
objectives: [4, 15]
principles: [human-rights]
status: ongoing
last_verified: 2026-11-20
sources:
  - title: CMS report
    url: https://cmsny.org/idnyc/
    type: official
---

## Context

Text.
"""

FR_TRANSLATION = "---\ntitle: Carte d'identité municipale\nsummary: Une carte.\n---\n\n## Contexte\n"


def project(tmp_path: Path, files: dict[str, str]) -> SiteConfig:
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for lang in LANGS:
        (tmp_path / lang.folder).mkdir(exist_ok=True)
    return SiteConfig(tmp_path, LANGS, "https://example.org/", "")


def errors_of(tmp_path: Path, files: dict[str, str]) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        load_site(project(tmp_path, files))
    return [str(e) for e in info.value.errors]


def test_valid_practice_and_translation_inherits_facts(tmp_path):
    site = load_site(
        project(
            tmp_path,
            {
                "docs/practices/nyc-idnyc.md": PRACTICE,
                "docs_fr/practices/nyc-idnyc.md": FR_TRANSLATION,
            },
        )
    )
    fr = site.get("fr", "practices/nyc-idnyc.md")
    assert fr.translated and fr.title == "Carte d'identité municipale"
    assert fr.doc.objectives == (4, 15) and fr.doc.country == "US"
    assert fr.file == "docs_fr/practices/nyc-idnyc.md" and fr.source_file == "docs/practices/nyc-idnyc.md"
    es = site.get("es", "practices/nyc-idnyc.md")
    assert not es.translated and es.title == "Municipal ID card" and es.file == "docs/practices/nyc-idnyc.md"


def test_unknown_objective_24(tmp_path):
    (err,) = errors_of(tmp_path, {"docs/practices/x.md": PRACTICE.replace("[4, 15]", "[4, 24]")})
    assert "docs/practices/x.md:10" in err
    assert "field 'objectives'" in err and "[4, 24]" in err and "from 1 to 23" in err and "24 is not" in err


def test_unknown_theme(tmp_path):
    (err,) = errors_of(tmp_path, {"docs/practices/x.md": PRACTICE.replace("documentation,", "documentaion,")})
    assert "field 'themes'" in err and "'documentaion' unknown" in err and "access-to-services" in err


def test_missing_source(tmp_path):
    text = PRACTICE.split("sources:")[0] + "---\n"
    (err,) = errors_of(tmp_path, {"docs/practices/x.md": text})
    assert "docs/practices/x.md" in err and "field 'sources'" in err and "required" in err


def test_empty_sources(tmp_path):
    text = PRACTICE.split("sources:")[0] + "sources: []\n---\n"
    (err,) = errors_of(tmp_path, {"docs/practices/x.md": text})
    assert "field 'sources'" in err and "at least one source" in err


def test_non_http_url(tmp_path):
    (err,) = errors_of(
        tmp_path, {"docs/practices/x.md": PRACTICE.replace("https://cmsny.org/idnyc/", "javascript:alert(1)")}
    )
    assert "field 'sources'" in err and "javascript:alert(1)" in err and "http(s) URL" in err


def test_malformed_yaml_reports_its_line(tmp_path):
    text = PRACTICE.replace("region: north-america", "region: [north-america")
    (err,) = errors_of(tmp_path, {"docs/practices/x.md": text})
    assert err.startswith("docs/practices/x.md:") and "malformed YAML" in err
    line = int(err.split(":")[1])
    assert 7 <= line <= 9  # the unclosed bracket is on line 7; YAML notices it within two lines


def test_duplicate_yaml_key_is_an_error(tmp_path):
    text = PRACTICE.replace("start_year: 2015", "start_year: 2015\nstart_year: 2016")
    (err,) = errors_of(tmp_path, {"docs/practices/x.md": text})
    assert "docs/practices/x.md:9" in err and "'start_year' appears twice" in err


def test_translation_without_english_source(tmp_path):
    (err,) = errors_of(tmp_path, {"docs_fr/practices/ghost.md": "---\ntitle: Fantôme\n---\n"})
    assert "docs_fr/practices/ghost.md" in err and "docs/practices/ghost.md" in err and "does not exist" in err


def test_translation_setting_a_fact_differently_names_both_files(tmp_path):
    (err,) = errors_of(
        tmp_path,
        {
            "docs/practices/x.md": PRACTICE,
            "docs_fr/practices/x.md": "---\ntitle: X\nsummary: Y\nobjectives: [4, 16]\n---\n",
        },
    )
    assert "docs_fr/practices/x.md:4" in err and "field 'objectives'" in err
    assert "[4, 15]" in err and "docs/practices/x.md" in err


def test_translation_repeating_a_fact_identically_is_allowed(tmp_path):
    site = load_site(
        project(
            tmp_path,
            {
                "docs/practices/x.md": PRACTICE,
                "docs_fr/practices/x.md": "---\ntitle: X\nsummary: Y\nobjectives: [15, 4]\n---\n",
            },
        )
    )
    assert site.get("fr", "practices/x.md").doc.objectives == (4, 15)


def test_duplicate_practice_ids_across_folders(tmp_path):
    errs = errors_of(tmp_path, {"docs/practices/x.md": PRACTICE, "docs/practices/europe/x.md": PRACTICE})
    assert len(errs) == 2 and all("unique practice id" in e for e in errs)
    assert any("docs/practices/europe/x.md" in e and "also used by docs/practices/x.md" in e for e in errs)


def test_duplicate_objective_numbers(tmp_path):
    page = "---\nkind: objective\nnumber: 15\n---\n"
    errs = errors_of(tmp_path, {"docs/compact/objectives/15.md": page, "docs/compact/objectives/15b.md": page})
    assert all("unique objective number" in e for e in errs)


def test_unknown_field_is_not_silently_ignored(tmp_path):
    (err,) = errors_of(tmp_path, {"docs/practices/x.md": PRACTICE.replace("city: {en", "cty: Somewhere\ncity: {en")})
    assert "field 'cty'" in err and "a field of a practice page" in err


def test_unknown_kind_and_bad_country_and_year(tmp_path):
    errs = errors_of(
        tmp_path,
        {
            "docs/a.md": "---\nkind: pratice\n---\n",
            "docs/practices/x.md": PRACTICE.replace("country: US", "country: USA").replace("2015", "15"),
        },
    )
    assert any("docs/a.md" in e and "field 'kind'" in e and "'pratice'" in e for e in errs)
    assert any("field 'country'" in e and "ISO 3166-1 alpha-2" in e for e in errs)
    assert any("field 'start_year'" in e and "a year from 1900" in e for e in errs)


def test_recommendation_referring_to_unknown_practice(tmp_path):
    rec = """---
kind: recommendation
title: Open services
summary: For everyone.
number: 1
objectives: [15]
audience: [mayors]
practices: [nyc-idnyc, atlantis]
sources: [{title: Charter, url: "https://uclg.org/weact/human-mobility/", type: official}]
---
"""
    (err,) = errors_of(tmp_path, {"docs/practices/nyc-idnyc.md": PRACTICE, "docs/rtc/open.md": rec})
    assert "docs/rtc/open.md" in err and "field 'practices'" in err and "atlantis not found" in err


def test_all_errors_reported_together(tmp_path):
    errs = errors_of(
        tmp_path,
        {
            "docs/practices/a.md": PRACTICE.replace("[4, 15]", "[0]"),
            "docs/practices/b.md": PRACTICE.replace("north-america", "atlantis"),
        },
    )
    assert len(errs) == 2


def test_objective_page_title_comes_from_reference_data(tmp_path):
    site = load_site(
        project(
            tmp_path,
            {
                "docs/compact/objectives/15.md": "---\nkind: objective\nnumber: 15\n---\n",
                "docs_fr/compact/objectives/15.md": "---\n---\n",
            },
        )
    )
    assert site.get("en", "compact/objectives/15.md").title == "Provide access to basic services for migrants"
    assert site.get("fr", "compact/objectives/15.md").title == "Assurer l'accès des migrants aux services de base"
    assert site.get("es", "compact/objectives/15.md").title == "Proporcionar a los migrantes acceso a servicios básicos"


def test_cli_validate_reports_errors_without_traceback(tmp_path, capsys):
    from migsite.__main__ import main

    project(tmp_path, {"docs/practices/x.md": PRACTICE.replace("[4, 15]", "[24]")})
    (tmp_path / "mkdocs.yml").write_text(
        "site_url: https://example.org/\nplugins:\n  - i18n:\n      languages:\n"
        "        - {locale: en, name: English, default: true}\n        - {locale: fr, name: Français}\n"
    )
    assert main(["--root", str(tmp_path), "validate"]) == 1
    err = capsys.readouterr().err
    assert "docs/practices/x.md" in err and "objectives" in err and "Traceback" not in err


def test_page_display_options_are_checked(tmp_path):
    errs = errors_of(
        tmp_path,
        {"docs/a.md": "---\ntitle: A\nhide: [toc, sidebar]\nsearch: {exclude: yes please}\n---\n"},
    )
    assert any("field 'hide'" in e and "navigation, toc" in e for e in errs)
    assert any("field 'search'" in e and "exclude: true" in e for e in errs)


def test_country_codes_are_assigned_iso_codes_each_in_one_region():
    from babel import Locale

    from migsite.vocab import is_country_code, load_vocabulary

    regions = load_vocabulary().country_region
    assert len(regions) == 249 and set(regions.values()) == set(load_vocabulary().ids("regions"))
    for cldr_only in ("EU", "EZ", "UN", "ZZ", "XA", "XK", "QO", "001", "us"):
        assert not is_country_code(cldr_only)
    cldr = {c for c in Locale.parse("en").territories if len(c) == 2 and c.isalpha()}
    assert set(regions) <= cldr  # every code has a CLDR name


def test_region_must_be_the_countrys(tmp_path):
    (err,) = errors_of(tmp_path, {"docs/practices/x.md": PRACTICE.replace("region: north-america", "region: europe")})
    assert "field 'region'" in err and "'north-america', the region of US" in err


def test_same_practice_twice_is_reported_with_both_files(tmp_path):
    twin = PRACTICE.replace("title: Municipal ID card", "title: Municipal ID-card")
    errs = errors_of(tmp_path, {"docs/practices/x.md": PRACTICE, "docs/practices/y.md": twin})
    assert len(errs) == 1 and "docs/practices/x.md" in errs[0] and "docs/practices/y.md" in errs[0]


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("status: ongoing", "status: running", "status"),
        ("last_verified: 2026-11-20", "last_verified: 20/11/2026", "last_verified"),
        ("    type: official", "    type: blog", "sources"),
        ("    type: official", "    type: press", "sources"),  # no official source and no reason
        ("url: https://cmsny.org/idnyc/", "url: https://cmsny.org/idnyc/;", "sources"),
        (
            "principles: [human-rights]",
            "principles: [human-rights]\nreach: {number: 5, source: https://x.org/}",
            "reach",
        ),
        ("principles: [human-rights]", "principles: [human-rights]\nfunding: {source: City, amount: 5}", "funding"),
        ("city: {en: New York City, fr: New York,", "city: {fr: New York, xx1: a,", "city"),
    ],
)
def test_practice_record_v2_checks(tmp_path, old, new, field):
    assert old in PRACTICE
    errs = errors_of(tmp_path, {"docs/practices/x.md": PRACTICE.replace(old, new)})
    assert any(f"field '{field}'" in e for e in errs), errs


UNKNOWN = PRACTICE.replace("status: ongoing", "status: unknown")
CITED = "https://cmsny.org/idnyc/"


def seen(text: str, value: str) -> str:
    return text.replace("principles: [human-rights]", f"principles: [human-rights]\nlast_reported: {value}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (seen(PRACTICE, f"{{year: 2020, source: {CITED}}}"), "status is unknown"),
        (seen(UNKNOWN, "{year: 2020, source: https://x.org/}"), "also in 'sources'"),
        (seen(UNKNOWN, f"{{year: 2010, source: {CITED}}}"), "start year 2015"),
        (seen(UNKNOWN, f"{{year: 2027, source: {CITED}}}"), "up to last_verified"),
        (seen(UNKNOWN, "2020"), "a mapping"),
    ],
)
def test_last_reported_is_a_sourced_year_of_an_unknown_status(tmp_path, text, expected):
    errs = errors_of(tmp_path, {"docs/practices/x.md": text})
    assert any("field 'last_reported'" in e and expected in e for e in errs), errs


def test_last_reported_shows_as_a_key_fact_linked_to_its_source(tmp_path):
    from migsite.views import fact_box

    text = seen(UNKNOWN, f"{{year: 2021, source: {CITED}}}")
    site = load_site(project(tmp_path, {"docs/practices/x.md": text, "docs_fr/practices/x.md": FR_TRANSLATION}))
    rows = fact_box(site, site.get("fr", "practices/x.md"), "fr")["rows"]
    row = next(r for r in rows if r["key"] == "last_reported")
    assert row["primary"] and row["label"] == "Dernière activité attestée"
    assert row["items"] == [{"text": "2021", "href": CITED, "external": True}]
    keys = [r["key"] for r in rows]
    assert keys.index("last_reported") == keys.index("status") + 1  # read together


def test_localised_names_fall_back_to_english(tmp_path):
    site = load_site(project(tmp_path, {"docs/practices/x.md": PRACTICE.replace(", es: Nueva York", "")}))
    doc = site.get("es", "practices/x.md").doc
    assert doc.city.get("es") == "New York City" and doc.city.get("fr") == "New York"

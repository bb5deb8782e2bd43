"""Language-correct counts: every count string of every language, with 0, 1, 2 and 5, follows the CLDR
plural rules of its language; numbers and percentages are written as each language writes them; and
no page of the built site says "1 practices"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitepaths import LANGS

from migsite.l10n import MessageError, format_count, is_plural, number, parse_plural, percent, plural_category
from migsite.ui import load_ui

COUNT_KEYS = sorted(k for k, v in load_ui("en").items() if is_plural(str(v)))
# The plural noun of each language's count strings: after the number 1 it must be singular.
PLURAL_WORDS = {
    "en": r"practices|pages|cities|countries|languages|objectives",
    "fr": r"pratiques|pages|villes|langues|objectifs|affichées|trouvées",
    "es": r"prácticas|páginas|ciudades|países|idiomas|objetivos|mostradas|encontradas",
}


def test_there_are_count_strings() -> None:
    assert {"practices_count", "filter_count", "search_count"} <= set(COUNT_KEYS)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", COUNT_KEYS)
def test_every_count_string_in_every_language(lang: str, key: str) -> None:
    message = load_ui(lang)[key]
    assert is_plural(message), f"{lang}.{key} is not a plural message: {message!r}"
    var, forms = parse_plural(message)
    out = {n: format_count(message, lang, n=n, total=n) for n in (0, 1, 2, 5)}
    for n, text in out.items():
        assert "{" not in text and "#" not in text, (lang, key, n, text)
    # CLDR: 1 is "one" in all three languages, 2 and 5 are "other"; French "one" also covers 0.
    assert plural_category(lang, 1) == "one" and "one" in forms, (lang, key)
    assert out[2] != out[1] or forms["one"] == forms["other"]
    assert plural_category(lang, 0) == ("one" if lang == "fr" else "other")
    one = re.compile(rf"(?<![\d.,])1\s+(?:\S+\s+)?(?:{PLURAL_WORDS.get(lang, '$^')})\b")
    assert not one.search(out[1]), (lang, key, out[1])


def test_plural_forms_follow_cldr() -> None:
    fr = "{n, plural, one {# pratique affichée} many {# de pratiques affichées} other {# pratiques affichées}}"
    assert format_count(fr, "fr", n=0) == "0 pratique affichée"
    assert format_count(fr, "fr", n=1) == "1 pratique affichée"
    assert format_count(fr, "fr", n=2) == "2 pratiques affichées"
    assert format_count(fr, "fr", n=1_000_000) == "1\u202f000\u202f000 de pratiques affichées"
    en = "{total, plural, one {{n} of # practice shown} other {{n} of # practices shown}}"
    assert format_count(en, "en", n=1, total=1) == "1 of 1 practice shown"
    assert format_count(en, "en", n=0, total=1200) == "0 of 1,200 practices shown"


def test_numbers_and_percentages_per_language() -> None:
    assert number(1234, "en") == "1,234"
    assert number(1234, "fr") == "1\u202f234"
    assert number(12345, "es") == "12.345"
    assert percent(0.939, "en") == "93.9%"
    assert percent(0.939, "fr") == "93,9\u00a0%"
    assert percent(0.939, "es") == "93,9\u00a0%"


BAD = ["{n, plural, one {# x}}", "{n, plural, single {#} other {#s}}", "{n, plural, one {# x"]


@pytest.mark.parametrize("bad", BAD)
def test_malformed_plural_messages_are_refused(bad: str) -> None:
    with pytest.raises(MessageError):
        parse_plural(bad)


WRONG = {
    "en": re.compile(r"(?<![\w.,\-])\(?1 (practices|pages|cities|countries)\b"),
    "fr": re.compile(r"(?<![\w.,\-])\(?1 (pratiques|pages trouvées|villes)\b"),
    "es": re.compile(r"(?<![\w.,\-])\(?1 (prácticas|páginas|ciudades)\b"),
}


def test_no_page_of_the_built_site_says_1_practices(site_dir) -> None:
    found = []
    for page in sorted(site_dir.rglob("*.html")):
        text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
        text = re.sub(r"\s+", " ", text)
        for pattern in WRONG.values():
            found += [f"{page.relative_to(site_dir)}: {m.group(0)!r}" for m in pattern.finditer(text)]
    assert not found, found[:10]


# A colon typed in a template after a UI string: French spaces it (" :"), so the colon belongs to
# the language's string (e.g. ui.label_colon), not to the template.
UI_THEN_COLON = re.compile(r"ui\.[\w.]+(?:\([^)]*\))?\s*\|\s*e\s*}}:")


def test_no_template_types_a_colon_after_a_ui_string() -> None:
    root = Path(__file__).resolve().parent.parent / "overrides"
    found = [
        f"{path.relative_to(root)}:{n}"
        for path in sorted(root.rglob("*.html"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if UI_THEN_COLON.search(line)
    ]
    assert not found, f"a colon after a UI string in {found}: use ui.label_colon"


def test_the_colon_rule_finds_a_typed_colon() -> None:
    assert UI_THEN_COLON.search('<span>{{ ui.objectives | e }}: {% for o in r %}')
    assert not UI_THEN_COLON.search('<span>{{ ui.label_colon.format(label=ui.objectives) | e }} {% for o %}')

"""The content memo (migsite/memo.py): a second round in one process redoes the work of the files
that changed only, and still sees every change (the preview of `mkdocs serve` depends on both)."""

from __future__ import annotations

import dataclasses

import pytest
from helpers import copy_project

from migsite import corpus
from migsite.config import load_config
from migsite.corpus import load_site
from migsite.errors import ContentErrors
from migsite.memo import Memo
from migsite.vocab import load_vocabulary

PAGE = "practices/nyc-idnyc.md"


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def rounds(project):
    """Load the site as a round of `mkdocs serve` does; return (site, memo misses of the round)."""
    site = load_site(load_config(project))
    return site, corpus.MEMO.misses


def test_an_unchanged_round_redoes_nothing(project):
    corpus.MEMO.clear()
    first, cold = rounds(project)
    second, warm = rounds(project)
    assert cold > 3 * 118  # every page of every language was parsed, checked and typed
    assert warm == 0
    assert corpus.MEMO.hits >= cold
    assert second.pages == first.pages


def test_a_saved_translation_is_redone_alone_and_seen(project):
    corpus.MEMO.clear()
    rounds(project)
    path = project / "docs_fr" / PAGE
    path.write_text(path.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", encoding="utf-8")
    site, misses = rounds(project)
    assert misses == 3  # that file's parse, layout checks and translation
    assert site.get("fr", PAGE).body.rstrip().endswith("Une phrase ajoutée.")
    assert site.get("en", PAGE).body == load_site(load_config(project)).get("en", PAGE).body


def test_a_saved_english_page_redoes_its_translations_too(project):
    corpus.MEMO.clear()
    rounds(project)
    path = project / "docs" / PAGE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("start_year: 2015", "start_year: 2014"), encoding="utf-8")
    site, misses = rounds(project)
    assert misses == 3 + 2  # its parse, layout checks and typing, then the French and Spanish words
    assert corpus.practice(site.get("en", PAGE)).start_year == 2014
    assert corpus.practice(site.get("fr", PAGE)).start_year == 2014  # facts reach the translations


def test_an_error_introduced_then_fixed_is_seen_each_round(project):
    corpus.MEMO.clear()
    rounds(project)
    path = project / "docs_es" / PAGE
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("---\n", "---\ncountry: FR\n", 1), encoding="utf-8")
    for _ in range(2):  # the error is reported again from the memo, not only when first found
        with pytest.raises(ContentErrors) as caught:
            rounds(project)
        assert any(e.file == f"docs_es/{PAGE}" and e.field == "country" for e in caught.value.errors)
    path.write_text(good, encoding="utf-8")
    rounds(project)  # no error


def test_another_vocabulary_redoes_everything(project):
    corpus.MEMO.clear()
    rounds(project)
    vocab = load_vocabulary()
    themes = {k: v for k, v in vocab.terms["themes"].items() if k != "housing"}
    narrower = dataclasses.replace(vocab, terms={**vocab.terms, "themes": themes})
    with pytest.raises(ContentErrors) as caught:
        load_site(load_config(project), narrower)
    assert any(e.field == "themes" and "housing" in str(e.value) for e in caught.value.errors)
    load_site(load_config(project), vocab)
    assert corpus.MEMO.misses > 3 * 118


def test_memo_keeps_two_rounds_at_most():
    memo = Memo()
    calls = []
    memo.new_round("context")
    assert memo.get("a", calls.append, 1) is None
    memo.new_round("context")
    memo.get("a", calls.append, 2)  # kept from the previous round
    memo.new_round("context")
    memo.new_round("context")  # "a" was not used in the round before: dropped
    memo.get("a", calls.append, 3)
    memo.new_round("other context")
    memo.get("a", calls.append, 4)
    assert calls == [1, 3, 4]

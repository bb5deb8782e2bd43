"""The outdated-translation notice, in Chromium, on a copy of the project with real git commits."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browsing import Served, Tab, serving
from helpers import copy_project, mkdocs_build
from playwright.sync_api import expect
from test_translation_workflow import PAGE, commit_all, edit, git

pytestmark = pytest.mark.browser

NOTICE = {
    "fr": "L'original anglais a changé depuis la dernière mise à jour de cette traduction.",
    "es": "El original en inglés ha cambiado desde la última actualización de esta traducción.",
}


@pytest.fixture(scope="module")
def outdated(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    project = copy_project(tmp_path_factory.mktemp("outdated-browser") / "project")
    git(project, "init", "-q", "-b", "main")
    commit_all(project, "Initial content")
    edit(project, f"docs/{PAGE}", "## Context", "## Context\n\nA sentence added in English.\n")
    commit_all(project, "Change the English IDNYC page")
    out = project / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    with serving(out) as served:
        yield served


@pytest.mark.parametrize("lang", list(NOTICE))
def test_outdated_notice_is_visible_and_leads_to_the_english_page(tab: Tab, outdated: Served, lang: str) -> None:
    tab.open(outdated.url(lang, "practices/nyc-idnyc/"))
    notice = tab.page.locator("aside.migsite-outdated")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(NOTICE[lang])
    notice.locator("a").click()
    expect(tab.page).to_have_url(outdated.url("en", "practices/nyc-idnyc/"))
    expect(tab.page.locator("html")).to_have_attribute("lang", "en")
    expect(tab.page.locator("article")).to_contain_text("A sentence added in English.")


def test_up_to_date_translation_has_no_notice(tab: Tab, outdated: Served) -> None:
    tab.open(outdated.url("fr", "practices/sao-paulo-crai/"))
    expect(tab.page.locator("aside.migsite-outdated")).to_have_count(0)

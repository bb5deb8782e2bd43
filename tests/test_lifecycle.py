"""hooks/lifecycle.py states the order of every hook event; the hooks' priorities must agree with it.

MkDocs calls an event's handlers by decreasing priority, plugins before hooks and in the order of
mkdocs.yml among equals: this test computes that order from the priorities in the code (the hooks'
and the i18n plugin's) and compares it with the table, row by row."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from mkdocs_static_i18n.plugin import I18n

from migsite.config import load_mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent


def load_hook(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"lifecycle_test_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOOK_PATHS = [ROOT / rel for rel in load_mkdocs_yml(ROOT)["hooks"]]
HOOKS = {path.stem: load_hook(path) for path in HOOK_PATHS}
LIFECYCLE = HOOKS["lifecycle"]
ORDER = LIFECYCLE.ORDER


def priority(method) -> int:
    return getattr(method, "mkdocs_priority", 0)


def handlers() -> list[tuple[str, str, int]]:
    """(owner, event, priority) in registration order: the i18n plugin, then the hooks of mkdocs.yml."""
    out = []
    for cls in I18n.__mro__:
        if cls.__module__.startswith("mkdocs_static_i18n"):
            out += [(LIFECYCLE.I18N, name, priority(fn)) for name, fn in vars(cls).items() if name.startswith("on_")]
    for stem, module in HOOKS.items():
        out += [(stem, name, priority(fn)) for name, fn in vars(module).items() if name.startswith("on_")]
    return out


def actual_order(event: str) -> list[tuple[str, int]]:
    calls = [(owner, prio) for owner, name, prio in handlers() if name == event]
    return sorted(calls, key=lambda call: -call[1])  # stable: registration order among equals, as MkDocs


HOOK_EVENTS = sorted({name for owner, name, _ in handlers() if owner != LIFECYCLE.I18N})


def test_every_hook_event_has_its_row():
    assert sorted(ORDER) == HOOK_EVENTS


@pytest.mark.parametrize("event", HOOK_EVENTS)
def test_the_priorities_in_the_code_give_the_stated_order(event):
    assert actual_order(event) == [(owner, prio) for owner, prio, _ in ORDER[event]]


def test_every_row_says_why():
    assert all(len(why) > 10 for rows in ORDER.values() for _, _, why in rows)


def test_the_lifecycle_hook_is_registered_first():
    assert HOOK_PATHS[0].name == "lifecycle.py"


def test_a_new_round_clears_the_domain_caches(tmp_path):
    from migsite import ui

    (tmp_path / "docs").mkdir()
    config = "plugins:\n  - i18n:\n      languages:\n        - {locale: en, default: true}\n"
    (tmp_path / "mkdocs.yml").write_text(config)
    strings = tmp_path / "docs" / "_ui.yaml"
    strings.write_text("greeting: Hello\n")
    assert ui.load_ui("en", tmp_path)["greeting"] == "Hello"
    strings.write_text("greeting: Hi\n")
    assert ui.load_ui("en", tmp_path)["greeting"] == "Hello"  # cached
    assert LIFECYCLE.clear_caches() >= 3  # load_config, load_ui, load_vocabulary at least
    assert ui.load_ui("en", tmp_path)["greeting"] == "Hi"


def test_only_the_outer_build_starts_a_round():
    class Config:
        def __init__(self, building: bool) -> None:
            self.plugins = {"i18n": type("Plugin", (), {"building": building})()}

    assert LIFECYCLE.round_starts(Config(building=False))
    assert not LIFECYCLE.round_starts(Config(building=True))

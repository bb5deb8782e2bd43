"""hooks/gc_freeze.py freezes the objects a language build inherits, in one-shot builds only."""

from __future__ import annotations

import gc
import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def hook():
    spec = importlib.util.spec_from_file_location("migsite_gc_freeze", ROOT / "hooks" / "gc_freeze.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    gc.unfreeze()
    yield module
    gc.unfreeze()  # give the test process its collector back


@pytest.mark.parametrize("command", ["build", "gh-deploy"])
def test_a_one_shot_build_freezes_what_exists_at_each_language(hook, command):
    config = SimpleNamespace()
    hook.on_startup(command=command, dirty=False)
    assert hook.on_config(config) is config
    first = gc.get_freeze_count()
    assert first > 1000  # this process's modules, at least
    kept = [[i] for i in range(5000)]  # what a language build leaves to the next
    hook.on_config(config)
    assert gc.get_freeze_count() >= first + len(kept)


def test_serve_freezes_nothing(hook):
    hook.on_startup(command="serve", dirty=False)
    hook.on_config(SimpleNamespace())
    assert gc.get_freeze_count() == 0

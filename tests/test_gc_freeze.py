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
def test_a_one_shot_build_freezes_what_exists_at_each_phase(hook, command):
    config, nav, env = SimpleNamespace(), SimpleNamespace(), SimpleNamespace()
    hook.on_startup(command=command, dirty=False)
    assert hook.on_config(config) is config
    first = gc.get_freeze_count()
    assert first > 1000  # this process's modules, at least
    files = [[i] for i in range(5000)]  # what the next phase makes and keeps
    assert hook.on_nav(nav, config=config, files=files) is nav
    second = gc.get_freeze_count()
    assert second >= first + len(files)
    pages = [[i] for i in range(3000)]  # lists are tracked by the collector (a dict of ints is not)
    assert hook.on_env(env, config=config, files=files) is env
    assert gc.get_freeze_count() >= second + len(pages)


def test_serve_freezes_nothing(hook):
    hook.on_startup(command="serve", dirty=False)
    hook.on_config(SimpleNamespace())
    hook.on_nav(SimpleNamespace())
    hook.on_env(SimpleNamespace())
    assert gc.get_freeze_count() == 0

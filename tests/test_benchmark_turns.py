"""bench/benchmark.py: the two sides of a pair take turns on one core (alternate()).

The builds are replaced by fakes that end after a given number of polls, so that the turn logic is
checked without building anything: each lane's builds run in order, one at a time, and never at the
same time as the other lane's."""

from __future__ import annotations

import importlib.util
import sys
from itertools import pairwise
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def benchmark():
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("migsite_benchmark", ROOT / "bench" / "benchmark.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Fake:
    """A build that ends after `polls` polls while running; it records who runs when."""

    log: list[tuple[str, str]] = []
    work: dict[str, int] = {}

    def __init__(self, project: Path, site: Path, core: int | None = None) -> None:
        self.name, self.core, self.running, self.result = site.name, core, True, None
        self.left = Fake.work[self.name]
        Fake.log.append(("start", self.name))

    def pause(self) -> None:
        self.running = False
        Fake.log.append(("pause", self.name))

    def resume(self) -> None:
        self.running = True
        Fake.log.append(("resume", self.name))

    def poll(self, block: bool = False) -> bool:
        if self.result is None and self.running:
            self.left -= 1
            if self.left <= 0:
                self.result = {"site": self.name, "core": self.core}
                Fake.log.append(("end", self.name))
        return self.result is not None


def test_lanes_take_turns_and_run_in_order(benchmark, monkeypatch):
    monkeypatch.setattr(benchmark, "Build", Fake)
    monkeypatch.setattr(benchmark.time, "sleep", lambda s: None)
    Fake.log, Fake.work = [], {"full": 30, "en1": 4, "en2": 5, "en3": 6}
    p = Path("/nowhere")
    full, ens = benchmark.alternate(([(p, p / "full")], [(p, p / n) for n in ("en1", "en2", "en3")]), 3, turn=1e9)
    assert [r["site"] for r in full] == ["full"] and [r["site"] for r in ens] == ["en1", "en2", "en3"]
    assert {r["core"] for r in full + ens} == {3}
    running: set[str] = set()
    for event, name in Fake.log:  # at most one build runs at any moment (a new one starts paused)
        if event in ("start", "resume"):
            running.add(name)
        elif event in ("pause", "end"):
            running.discard(name)
        if event != "start":
            assert len(running) <= 1, Fake.log
    assert Fake.log.index(("end", "en1")) < Fake.log.index(("start", "en2"))
    assert Fake.log.index(("end", "en2")) < Fake.log.index(("start", "en3"))


def test_turns_switch_sides(benchmark, monkeypatch):
    """With short turns the two sides alternate until one has nothing left, then the other runs alone."""
    monkeypatch.setattr(benchmark, "Build", Fake)
    clock = iter(range(10**6))
    monkeypatch.setattr(benchmark.time, "perf_counter", lambda: next(clock))
    monkeypatch.setattr(benchmark.time, "sleep", lambda s: None)
    Fake.log, Fake.work = [], {"a": 6, "b": 2}
    p = Path("/nowhere")
    benchmark.alternate(([(p, p / "a")], [(p, p / "b")]), None, turn=1.5)
    b_ends = Fake.log.index(("end", "b"))
    before = [name for event, name in Fake.log[:b_ends] if event == "resume"]
    after = [name for event, name in Fake.log[b_ends:] if event == "resume"]
    assert before[:2] == ["a", "b"] and all(x != y for x, y in pairwise(before))
    assert after and set(after) == {"a"}

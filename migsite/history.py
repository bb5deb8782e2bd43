"""What git knows about each file: the commits that touched it, newest first.

One `git log` for the whole repository, parsed once; no per-file subprocess."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

SKIP_MARKER = "[skip translation]"  # in an English commit message: a change translators need not follow


@dataclass(frozen=True)
class Commit:
    sha: str
    order: int  # 0 = HEAD; larger = older (topological order)
    subject: str
    timestamp: int = 0  # committer time, seconds since the epoch

    @property
    def skips_translation(self) -> bool:
        return SKIP_MARKER in self.subject.lower()


@dataclass
class History:
    available: bool
    reason: str = ""
    commits: dict[str, Commit] = field(default_factory=dict)  # sha -> commit
    by_file: dict[str, list[Commit]] = field(default_factory=dict)  # path -> commits, newest first

    def of(self, path: str) -> list[Commit]:
        return self.by_file.get(path, [])

    def resolve(self, ref: str) -> Commit | None:
        """A commit from a full or abbreviated (at least 7 characters) hash."""
        ref = ref.strip().lower()
        if len(ref) < 7:
            return None
        matches = [c for sha, c in self.commits.items() if sha.startswith(ref)]
        return matches[0] if len(matches) == 1 else None


def load_history(root: Path) -> History:
    try:
        top = _git(root, "rev-parse", "--show-toplevel").strip()
        shallow = _git(root, "rev-parse", "--is-shallow-repository").strip() == "true"
        log = _git(root, "log", "--topo-order", "--no-renames", "--format=%x00%H%x1f%ct%x1f%s", "--name-only", "HEAD")
    except (OSError, subprocess.CalledProcessError) as exc:
        return History(False, f"no git history ({exc.__class__.__name__}): every translation counts as up to date")
    prefix = Path(root).resolve().relative_to(Path(top).resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    history = History(True, "shallow clone: history may be incomplete" if shallow else "")
    for order, chunk in enumerate(c for c in log.split("\x00") if c.strip()):
        header, _, names = chunk.partition("\n")
        sha, _, rest = header.partition("\x1f")
        timestamp, _, subject = rest.partition("\x1f")
        commit = Commit(sha, order, subject, int(timestamp or 0))
        history.commits[sha] = commit
        for name in names.splitlines():
            name = name.strip()
            if name and name.startswith(prefix):
                history.by_file.setdefault(name[len(prefix) :], []).append(commit)
    return history


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args], check=True, capture_output=True, text=True, timeout=120
    ).stdout

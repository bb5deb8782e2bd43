"""What git knows about each file: the commits that touched it, newest first.

One `git log` for the whole repository, parsed once; no per-file subprocess."""

from __future__ import annotations

import os
import re
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
    body: str = ""  # the message after the subject (a squash merge lists the squashed commits' messages there)

    @property
    def skips_translation(self) -> bool:
        """The marker anywhere in the message: the subject, the body, or a squashed commit's message."""
        return SKIP_MARKER in self.subject.lower() or SKIP_MARKER in self.body.lower()


@dataclass
class History:
    available: bool
    reason: str = ""
    shallow: bool = False  # a shallow clone: older commits are missing
    commits: dict[str, Commit] = field(default_factory=dict)  # sha -> commit
    by_file: dict[str, list[Commit]] = field(default_factory=dict)  # path -> commits, newest first

    def of(self, path: str) -> list[Commit]:
        return self.by_file.get(path, [])

    def resolve(self, ref: str) -> Commit | None:
        """A commit from a full or abbreviated (at least 7 characters) hash."""
        return self.lookup(ref)[0]

    def lookup(self, ref: str) -> tuple[Commit | None, str]:
        """(the commit, "") or (None, why not), the reason in words a translator can act on."""
        ref = ref.strip().lower()
        if not re.fullmatch(r"[0-9a-f]+", ref):
            return None, f"translation_of: {ref!r} is not a commit hash (hexadecimal digits, from `git log`)"
        if len(ref) < 7:
            return None, (
                f"translation_of: {ref!r} has {len(ref)} characters; give at least 7 of the commit's hash "
                "(`git log --oneline` shows them)"
            )
        matches = [c for sha, c in self.commits.items() if sha.startswith(ref)]
        if len(matches) > 1:
            return None, f"translation_of: {ref!r} matches {len(matches)} commits; give more characters of the hash"
        if not matches:
            hint = " (this clone is shallow: fetch the full history)" if "shallow" in self.reason else ""
            return None, f"translation_of: {ref!r} is not a commit of this repository{hint}"
        return matches[0], ""


def load_history(root: Path) -> History:
    try:
        top = _git(root, "rev-parse", "--show-toplevel").strip()
        shallow = _git(root, "rev-parse", "--is-shallow-repository").strip() == "true"
        log = _git(
            root, "log", "--topo-order", "--no-renames", "--format=%x00%H%x1f%ct%x1f%s%x1f%b%x1e", "--name-only", "HEAD"
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        return History(False, f"no git history ({exc.__class__.__name__}): every translation counts as up to date")
    prefix = Path(root).resolve().relative_to(Path(top).resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    history = History(True, "shallow clone: history may be incomplete" if shallow else "", shallow=shallow)
    for order, chunk in enumerate(c for c in log.split("\x00") if c.strip()):
        header, _, names = chunk.partition("\x1e")
        sha, timestamp, subject, body = (header.split("\x1f", 3) + ["", "", ""])[:4]
        commit = Commit(sha, order, subject, int(timestamp or 0), body.strip())
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


def in_ci() -> bool:
    """The environment variable CI set to a true value (GitHub Actions sets CI=true)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def too_shallow(history: History) -> str | None:
    """Under CI, a shallow clone is an error: every translation would count as up to date and every
    "last updated" date would be the last commit's. Elsewhere it stays a note in `status`."""
    if not (history.shallow and in_ci()):
        return None
    return (
        "the git history is shallow (a clone with --depth), so the build cannot tell which translations are "
        "outdated nor when each page was last updated, and CI is set. In GitHub Actions, give actions/checkout "
        "`fetch-depth: 0`; in a clone, run `git fetch --unshallow`."
    )

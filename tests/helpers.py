"""Helpers the tests share: build, copy and serve the project (import them: `from helpers import ...`)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from migsite.config import load_mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent
# A page per translation that the fallback tests remove from a copy of the project (conftest's
# fallback_site_dir): the real site may be fully translated, and the English fallback must still work.
FALLBACK_PAGES = {"fr": "practices/zurich-city-card.md", "es": "practices/nyc-idnyc.md"}
PROJECT_ITEMS = [
    ".github",
    "mkdocs.yml",
    "docs",
    "docs_fr",
    "docs_es",
    "hooks",
    "overrides",
    "migsite",
    "pyproject.toml",
]


def mkdocs_build(project: Path, site_dir: Path, engine: str = "mkdocs") -> subprocess.CompletedProcess:
    """`mkdocs build --strict` (never with -q: in MkDocs 1.6.1 --strict -q exits 0 on warnings); `engine`
    may name a compatible one, e.g. properdocs."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def copy_project(dest: Path) -> Path:
    """A copy of the project (without the staging links, which the build re-creates)."""
    dest.mkdir(parents=True, exist_ok=True)
    for item in PROJECT_ITEMS:
        src = ROOT / item
        if src.is_dir():
            shutil.copytree(src, dest / item, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / item)
    (dest / ".docs_i18n").mkdir(exist_ok=True)
    shutil.copy2(ROOT / ".docs_i18n" / ".gitignore", dest / ".docs_i18n" / ".gitignore")
    return dest


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    """The body of a loopback URL, or "" while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
            return response.read().decode("utf-8")
    except OSError:
        return ""


@contextmanager
def mkdocs_serve(project: Path, *args: str) -> Iterator[str]:
    """`mkdocs serve` of a project (a copy in pytest's tmp_path) on a free loopback port; yields the
    site's base URL. Its temporary site folder (mkdocs_*) is made beside the project, not in the
    system's temporary folder, and the server is stopped with SIGINT, so that it removes it."""
    port = free_port()
    tmp = project.parent / f"{project.name}-tmp"
    tmp.mkdir(exist_ok=True)
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *args],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project), "TMPDIR": str(tmp)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        # SIGINT must stop it, even when the tests run in the background (where `&` ignores SIGINT)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        mount = urlsplit(load_mkdocs_yml(project).get("site_url") or "/").path
        yield f"http://127.0.0.1:{port}{mount}"
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)

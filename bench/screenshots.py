"""Screenshots of the reader's main views, for a reviewer's eyes: every page of PAGES in every
language at a desktop size (1366x900) and a phone size (390x844), in Debian's Chromium.

    .venv/bin/python bench/screenshots.py                 # builds the site, writes bench-out/screenshots/
    .venv/bin/python bench/screenshots.py --no-build      # uses the site/ already built
    .venv/bin/python bench/screenshots.py --full --pages practices,coverage --langs fr

Each shot is `<lang>-<page>-<size>.png`: the first screen (what a reader sees before scrolling), or
the whole page with --full. Output is git-ignored (bench-out/). Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browsing import READER_PAGES  # noqa: E402
from browsing import SIZES as READER_SIZES  # noqa: E402
from chromium import CHROMIUM_ARGS  # noqa: E402

from migsite.config import load_config  # noqa: E402

CONFIG = load_config(ROOT)
PAGES = {**READER_PAGES, "data": "practices/data/"}  # the views the reader tests judge, and the data page
SIZES = {name: (size["width"], size["height"]) for name, size in READER_SIZES.items()}
MOUNT = "/site"


class Handler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        return super().translate_path(path[len(MOUNT) :] if path.startswith(MOUNT + "/") else path)

    def log_message(self, *args: Any) -> None:  # quiet
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-build", action="store_true", help="use the existing site/")
    parser.add_argument("--out", default=str(ROOT / "bench-out" / "screenshots"))
    parser.add_argument("--full", action="store_true", help="whole pages instead of the first screen")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated: " + ",".join(PAGES))
    parser.add_argument("--langs", default=",".join(CONFIG.codes))
    parser.add_argument("--sizes", default=",".join(SIZES))
    args = parser.parse_args()

    site = ROOT / "site"
    if not args.no_build:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=ROOT, check=True)
    executable = shutil.which("chromium")
    if not executable:
        print("Chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}{MOUNT}/"
    default = CONFIG.default.code
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            for size in args.sizes.split(","):
                width, height = SIZES[size]
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                for lang in args.langs.split(","):
                    prefix = "" if lang == default else f"{lang}/"
                    for name in args.pages.split(","):
                        page.goto(base + prefix + PAGES[name], wait_until="load")
                        path = out / f"{lang}-{name}-{size}.png"
                        page.screenshot(path=str(path), full_page=args.full)
                        print(path)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How the tests and the benchmark start Debian's Chromium (Playwright's own browsers cannot be
downloaded here): headless, no sandbox (root), and no background traffic to other hosts."""

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

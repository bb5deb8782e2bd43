"""One rule for tests that need an outside tool (Chromium, Java, vnu, check-jsonschema): a missing
tool skips locally, with the reason; when the environment variable CI is set (.ci/run installs
every tool), it is a failure, so CI cannot pass without running them."""

from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def skip_or_fail(reason: str) -> None:
    if in_ci():
        pytest.fail(f"{reason} -- CI is set, so this test may not be skipped", pytrace=False)
    pytest.skip(reason)

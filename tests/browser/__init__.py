"""Real-browser tests (Chromium through Playwright) of the built site, served over HTTP under /site/.

A package, so that its conftest does not shadow tests/conftest.py as the module `conftest`."""

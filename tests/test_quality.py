"""Quality gates on the built site: valid HTML (Nu Html Checker), no broken internal link or anchor,
a Content-Security-Policy that allows every inline script it has to, and the publishing workflow."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from ci import skip_or_fail
from helpers import FALLBACK_PAGES, copy_project, fetch, mkdocs_serve
from htmlscan import html_pages, parse

from migsite.config import load_config, load_mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent
CONFIG = load_config()
SITE_URL = CONFIG.site_url
LANGS = CONFIG.codes
PREFIX = {code: ("" if code == CONFIG.default.code else f"{code}/") for code in LANGS}


# --------------------------------------------------------------------------------- Nu Html Checker

# One page of every kind the build makes, relative to each language's root; every other page is
# validated too (one checker run for the whole site), these are the ones named in the report.
BROWSABLE = sorted(p.stem for p in (ROOT / "docs" / "practices").glob("by-*.md"))
PAGE_KINDS = {
    "home": "index.html",
    "page": "about/index.html",
    "practice": "practices/nyc-idnyc/index.html",
    "practices index": "practices/index.html",
    **{f"practices {name}": f"practices/{name}/index.html" for name in BROWSABLE},
    "objectives overview": "compact/objectives/index.html",
    "objective": "compact/objectives/15/index.html",
    "coverage matrix": "compact/coverage/index.html",
    "recommendations": "right-to-the-city/recommendations/index.html",
    "recommendation": "right-to-the-city/recommendations/legal-aid/index.html",
    "404": "404.html",
}
SAMPLE = [(lang, kind, PREFIX[lang] + rel) for lang in LANGS for kind, rel in PAGE_KINDS.items()]


@dataclass(frozen=True)
class Known:
    """An error of the checker in Material's own markup, which our templates do not produce."""

    message: str  # the checker's exact message
    tag: str  # the element it is about...
    css_class: str  # ...which carries this class
    attrs: dict[str, str] = field(default_factory=dict)  # ...and these attribute values
    why: str = ""

    def matches(self, message: str, tag: str, attrs: dict[str, str | None]) -> bool:
        return (
            message == self.message
            and tag == self.tag
            and self.css_class in (attrs.get("class") or "").split()
            and all(attrs.get(k) == v for k, v in self.attrs.items())
        )


# Material 9.8.2's markup, checked by the Nu Html Checker pinned in package.json (the npm registry's
# vnu-jar). Each of these comes from a template of Material that our overrides do not replace (forking
# Material's nav partials for this would freeze them at 9.8.2): filtered on the message *and* the
# element, so the same error on any element of ours still fails; test_every_filter_is_still_needed
# removes a filter once Material (or the checker) no longer gives its error.
MATERIAL_MARKUP = [
    Known(
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
        "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, "
        "or “week”.",
        "input", "md-toggle", {"type": "checkbox", "autocomplete": "off"},
        why="base.html writes the drawer and search toggles (checkboxes) with autocomplete=off, outside any "
        "block an override can replace (Firefox would otherwise restore their checked state on reload)",
    ),
    Known(
        "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
        "label", "md-nav__link", {"tabindex": ""},
        why="partials/nav-item.html sets tabindex to \"\" on the labels of nav sections",
    ),
    Known(
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
        "label", "md-nav__title", {"for": "__toc"},
        why="partials/toc.html: the __toc toggle is written only in the nav entry of the current page, and "
        "practices, objectives and recommendations are deliberately not nav entries",
    ),
]


VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_jar() -> Path:
    """The Nu Html Checker of package.json, installed by `npm ci --ignore-scripts` (the test command)."""
    if not VNU_JAR.is_file():
        skip_or_fail("the Nu Html Checker is not installed: run `npm ci --ignore-scripts` (package.json pins vnu-jar)")
    return VNU_JAR


def run_vnu(*paths: Path) -> list[dict]:
    java = shutil.which("java")
    if not java:
        skip_or_fail("Java is not installed (apt-get install default-jre-headless): the Nu Html Checker needs it")
    result = subprocess.run(
        [java, "-jar", str(vnu_jar()), "--format", "json", "--stdout", "--skip-non-html", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        return json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu gave no JSON report (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")


@cache
def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def element_at(path: Path, line: int, column: int) -> tuple[str, dict[str, str | None]]:
    """The start tag that ends at line:column (1-based, as the checker reports it)."""
    lines = _lines(path)
    text = "\n".join([*lines[: line - 1], lines[line - 1][:column]])
    start = text.rfind("<")
    found = parse(text[start:]).tags if start >= 0 else []
    return found[0] if found else ("", {})


def html_errors(messages: list[dict], used: set[int] | None = None) -> dict[Path, list[str]]:
    """Errors by file, less Material's known ones (the indexes of the filters used are added to `used`)."""
    out: dict[Path, list[str]] = {}
    for m in messages:
        if m.get("type") not in ("error", "non-document-error"):
            continue  # "info" (warnings and notes) does not fail
        path = Path(unquote(urlsplit(m.get("url", "")).path))
        if m.get("type") == "error" and "lastLine" in m:
            tag, attrs = element_at(path, m["lastLine"], m["lastColumn"])
            known = [i for i, k in enumerate(MATERIAL_MARKUP) if k.matches(m["message"], tag, attrs)]
            if known:
                if used is not None:
                    used.update(known)
                continue
        where = f"{path.name}:{m.get('lastLine', '?')}"
        out.setdefault(path, []).append(f"{where}: {m['message']} [{(m.get('extract') or '').strip()}]")
    return out


@pytest.fixture(scope="module")
def vnu_messages(site_dir: Path) -> list[dict]:
    """The whole built site through the checker, once (about 15 s)."""
    return run_vnu(site_dir)


@pytest.fixture(scope="module")
def vnu_errors(vnu_messages: list[dict]) -> dict[Path, list[str]]:
    return html_errors(vnu_messages)


def test_the_checker_is_the_pinned_one():
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["vnu-jar"]
    locked = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]["node_modules/vnu-jar"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned) and locked["version"] == pinned
    java = shutil.which("java")
    if not java:
        skip_or_fail("Java is not installed (apt-get install default-jre-headless): the Nu Html Checker needs it")
    result = subprocess.run([java, "-jar", str(vnu_jar()), "--version"], capture_output=True, text=True, timeout=60)
    assert result.stdout.split()[0] == pinned, result.stdout + result.stderr


def test_every_filter_is_still_needed(vnu_messages):
    """A filter of Material's markup that matches no message of the site is dead weight: remove it."""
    used: set[int] = set()
    html_errors(vnu_messages, used)
    unused = [MATERIAL_MARKUP[i].message for i in range(len(MATERIAL_MARKUP)) if i not in used]
    assert unused == []


@pytest.mark.parametrize(("lang", "kind", "rel"), SAMPLE, ids=[f"{lang}-{kind}" for lang, kind, _ in SAMPLE])
def test_page_kind_is_valid_html(site_dir, vnu_errors, lang, kind, rel):
    page = site_dir / rel
    assert page.is_file(), f"no {kind} page at {rel}: update PAGE_KINDS"
    errors = vnu_errors.get(page, [])
    assert not errors, f"{rel}:\n" + "\n".join(errors)


@pytest.mark.parametrize("lang", sorted(FALLBACK_PAGES))
def test_fallback_page_is_valid_html(fallback_site_dir, lang):
    """An English page served under /fr/ or /es/ (notice, lang attributes): from a copy of the project
    without that translation (the real site is fully translated)."""
    page = fallback_site_dir / PREFIX[lang] / FALLBACK_PAGES[lang].removesuffix(".md") / "index.html"
    assert "migsite-fallback" in page.read_text(encoding="utf-8")
    errors = html_errors(run_vnu(page)).get(page, [])
    assert not errors, f"{page}:\n" + "\n".join(errors)


def test_every_page_is_valid_html(site_dir, vnu_errors):
    assert BROWSABLE and len(html_pages(site_dir)) > len(SAMPLE)
    bad = {str(p.relative_to(site_dir)): e for p, e in vnu_errors.items()}
    assert not bad, "\n".join(f"{rel}: {len(e)} errors, first: {e[0]}" for rel, e in sorted(bad.items()))


def test_checker_reports_our_errors_and_filters_only_materials(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>t</title></head>\n<body>\n'
        '<p id="twice">a</p><p id="twice">b</p>\n'
        '<label class="md-nav__link" for="x" id="x_label" tabindex="">Material</label>\n'
        '<label class="migsite-label" tabindex="">Ours</label>\n'
        '<input id="x" type="checkbox">\n'
        "</body>\n</html>\n",
        encoding="utf-8",
    )
    errors = html_errors(run_vnu(page))[page]
    assert len(errors) == 2, errors
    assert "Duplicate ID" in errors[0]
    assert "tabindex" in errors[1] and "migsite-label" in errors[1]


# ------------------------------------------------------------------------------------------ links

# Every attribute whose value a browser fetches or follows (srcset holds a list).
LINK_ATTRS = {"href", "src", "srcset", "action", "data", "poster", "xlink:href"}
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:")


class _Page(HTMLParser):
    """The ids (and <a name>) of a page, and every URL it links to with its line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name == "data" and tag != "object":
                continue
            elif name == "srcset":
                self.links += [(self.getpos()[0], c.split()[0]) for c in value.split(",") if c.strip()]
            elif name in LINK_ATTRS:
                self.links.append((self.getpos()[0], value.strip()))

    handle_startendtag = handle_starttag


class LinkChecker:
    """Follows every internal URL of a built site to a file, and every #fragment to an id in it.

    Internal: relative URLs, and absolute ones under site_url (hreflang alternates, canonical links,
    the sitemap); URLs on other hosts are not fetched. A URL on the site's host outside its path is
    broken. A 404 page is served at any missing path, so its URLs must not be relative."""

    def __init__(self, site: Path, site_url: str) -> None:
        self.site = site
        self.site_url = site_url
        self.base = urlsplit(site_url)
        self._pages: dict[Path, _Page] = {}

    def page(self, path: Path) -> _Page:
        if path not in self._pages:
            p = _Page()
            p.feed(path.read_text(encoding="utf-8"))
            p.close()
            self._pages[path] = p
        return self._pages[path]

    def url_of(self, path: Path) -> str:
        rel = path.relative_to(self.site).as_posix()
        return self.site_url + (rel.removesuffix("index.html") if rel.split("/")[-1] == "index.html" else rel)

    def problem(self, page_url: str, link: str) -> str | None:
        """Why `link`, found on `page_url`, is broken; None if it is fine or not ours to check."""
        if not link or link.lower().startswith(SKIPPED_SCHEMES):
            return None
        url = urlsplit(urljoin(page_url, link))
        if url.scheme not in ("http", "https") or url.netloc != self.base.netloc:
            return None  # another host: external, not checked
        if not url.path.startswith(self.base.path):
            return "outside the site"
        rel = unquote(url.path[len(self.base.path) :])
        target = self.site / rel
        if rel == "" or rel.endswith("/"):
            target = target / "index.html"
        elif target.is_dir():
            return "a folder without its trailing slash"
        if not target.is_file():
            return "no such file"
        fragment = unquote(url.fragment)
        if fragment and fragment != "top":  # "#top" scrolls to the top without any element
            if target.suffix != ".html":
                return "a fragment on a file that is not a page"
            if fragment not in self.page(target).ids:
                return f"no element with id {fragment!r} in {target.relative_to(self.site)}"
        return None

    def broken(self) -> list[str]:
        out = []
        for path in html_pages(self.site):
            here = self.url_of(path)
            rel = path.relative_to(self.site)
            for line, link in self.page(path).links:
                if path.name == "404.html" and not re.match(r"^([a-z][a-z0-9+.-]*:|/|#)", link, re.I):
                    out.append(f"{rel}:{line}: {link} -- relative URL on a 404 page, which is served at any path")
                elif why := self.problem(here, link):
                    out.append(f"{rel}:{line}: {link} -- {why}")
        sitemap = self.site / "sitemap.xml"
        if sitemap.is_file():
            for el in ET.parse(sitemap).iter():  # noqa: S314 -- our own build's output
                link = el.text if el.tag.endswith("}loc") else el.get("href")
                if link and (why := self.problem(self.site_url, link.strip())):
                    out.append(f"sitemap.xml: {link} -- {why}")
        for index in sorted(self.site.glob("**/search/search_index.json")):
            root = self.url_of(index.parent.parent / "index.html")  # the language's root
            for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
                if why := self.problem(root, doc["location"]):
                    out.append(f"{index.relative_to(self.site)}: {doc['location']!r} -- {why}")
        return sorted(set(out))


def test_no_broken_internal_link_or_anchor(site_dir):
    checker = LinkChecker(site_dir, SITE_URL)
    broken = checker.broken()
    assert len(checker._pages) >= len(html_pages(site_dir))
    assert not broken, f"{len(broken)} broken:\n" + "\n".join(broken[:80])


def test_link_checker_finds_what_is_broken(tmp_path):
    site_url = "https://example.org/site/"

    def write(rel: str, body: str) -> None:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f"<!doctype html><html><body>\n{body}\n</body></html>", encoding="utf-8")

    write(
        "index.html",
        '<a href="a/">a</a><a href="a/#x">x</a><a href="./#here">here</a><a href="#top">top</a>'
        '<a href="https://example.org/site/a/#x">absolute</a><a href="https://other.example/x">external</a>'
        '<a href="mailto:x@example.org">mail</a><img src="a/pic.png" srcset="a/pic.png 1x, a/big.png 2x">'
        '<p id="here"></p>\n'
        '<a href="a/#nope">bad anchor</a><a href="missing/">missing</a><a href="a">no slash</a>'
        '<a href="/elsewhere/">outside</a><a href="https://example.org/site/gone/">absolute missing</a>',
    )
    write("a/index.html", '<h2 id="x">x</h2>')
    (tmp_path / "a" / "pic.png").write_bytes(b"")
    write("404.html", '<a href="/site/a/">ok</a><a href="a/">relative</a>')
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"docs": [
        {"location": "a/#x"}, {"location": "a/#gone"},
    ]}))
    broken = LinkChecker(tmp_path, site_url).broken()
    assert broken == sorted([
        "404.html:2: a/ -- relative URL on a 404 page, which is served at any path",
        "index.html:3: /elsewhere/ -- outside the site",
        "index.html:3: a -- a folder without its trailing slash",
        "index.html:3: a/#nope -- no element with id 'nope' in a/index.html",
        "index.html:3: https://example.org/site/gone/ -- no such file",
        "index.html:3: missing/ -- no such file",
        "index.html:2: a/big.png -- no such file",
        "search/search_index.json: 'a/#gone' -- no element with id 'gone' in a/index.html",
    ]), broken


# ------------------------------------------------------------------------- Content-Security-Policy

# Directives every page's policy must have, with exactly these sources (script-src is checked apart:
# 'self' and the hashes of the inline scripts).
REQUIRED_POLICY = {
    "default-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "worker-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
# Script types a browser runs (HTML's JavaScript MIME types, module, importmap, speculationrules);
# any other type, such as Material's application/json config, makes a data block, never executed.
JS_SUBTYPES = ("ecmascript", "javascript", "x-ecmascript", "x-javascript")
RUN_TYPES = {
    *(f"{top}/{sub}" for top in ("application", "text") for sub in JS_SUBTYPES),
    *(f"text/javascript1.{n}" for n in range(6)),
    *("text/jscript", "text/livescript", "module", "importmap", "speculationrules"),
}


def script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def is_executable(attrs: dict[str, str | None]) -> bool:
    """An inline script that runs, so one that script-src must allow (a script with src is fetched)."""
    if "src" in attrs:
        return False
    kind = attrs.get("type")
    if kind is None and attrs.get("language"):
        kind = "text/" + (attrs["language"] or "")
    kind = (kind or "").strip().lower()
    return kind == "" or kind.split(";")[0].strip() in RUN_TYPES


class _Policy(HTMLParser):
    """A page's CSP <meta>, its inline scripts, and what a policy without 'unsafe-inline' forbids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.policies: list[str] = []
        self.before_policy: list[str] = []  # elements that load or run something before the policy
        self.scripts: list[tuple[int, dict[str, str | None], str]] = []
        self.inline_styles: list[str] = []
        self.handlers: list[str] = []
        self._script: tuple[int, dict[str, str | None], list[str]] | None = None

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = dict(attrs_list)
        line = self.getpos()[0]
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(attrs.get("content") or "")
        elif tag in ("script", "link", "style") and not self.policies:
            self.before_policy.append(f"line {line}: <{tag}>")
        if tag == "script":
            self._script = (line, attrs, [])
        if tag == "style" or "style" in attrs:
            self.inline_styles.append(f"line {line}: <{tag}{' style' if 'style' in attrs else ''}>")
        for name, value in attrs_list:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.handlers.append(f"line {line}: <{tag} {name}>")

    def handle_startendtag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs_list)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script:
            self._script[2].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script:
            line, attrs, text = self._script
            self.scripts.append((line, attrs, "".join(text)))
            self._script = None


def parse_policy(policy: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for directive in policy.split(";"):
        name, *sources = directive.split()
        out[name.lower()] = sources
    return out


def analyse(html: str) -> _Policy:
    p = _Policy()
    p.feed(html)
    p.close()
    return p


@cache
def analyse_page(path: Path) -> _Policy:
    return analyse(path.read_text(encoding="utf-8"))


def csp_problems(html: str | _Policy) -> list[str]:
    """What is wrong with a page's policy, or in the page given its policy."""
    p = analyse(html) if isinstance(html, str) else html
    if len(p.policies) != 1:
        return [f"{len(p.policies)} Content-Security-Policy <meta> elements instead of one"]
    problems = [f"{what} comes before the policy <meta>" for what in p.before_policy]
    policy = parse_policy(p.policies[0])
    for name, sources in REQUIRED_POLICY.items():
        if policy.get(name) != sources:
            problems.append(f"{name} is {policy.get(name)}, expected {sources}")
    script_src = policy.get("script-src", [])
    if script_src[:1] != ["'self'"] or any(not s.startswith("'sha256-") for s in script_src[1:]):
        problems.append(f"script-src {script_src}: only 'self' and sha256 hashes of inline scripts")
    for line, attrs, text in p.scripts:
        if is_executable(attrs) and script_hash(text) not in script_src:
            problems.append(
                f"inline script at line {line} ({text.strip()[:60]!r}...) is blocked: add {script_hash(text)} "
                "to script_hashes in overrides/partials/migsite/csp.html"
            )
    if "'unsafe-inline'" not in policy.get("style-src", []):
        problems += [f"{s}: inline style, blocked by style-src" for s in p.inline_styles]
    problems += [f"{h}: inline handler or javascript: URL, blocked by script-src" for h in p.handlers]
    return problems




def test_every_page_has_a_policy_that_allows_its_inline_scripts(site_dir):
    problems = []
    for path in html_pages(site_dir):
        problems += [f"{path.relative_to(site_dir)}: {x}" for x in csp_problems(analyse_page(path))]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:60])


def test_policy_lists_no_stale_hash(site_dir):
    """A hash whose script no page has any more (after a Material upgrade, say) must go."""
    listed: set[str] = set()
    used: set[str] = set()
    for path in html_pages(site_dir):
        page = analyse_page(path)
        (policy,) = page.policies
        listed |= {s for s in parse_policy(policy)["script-src"] if s.startswith("'sha256-")}
        used |= {script_hash(text) for _, attrs, text in page.scripts if is_executable(attrs)}
    assert listed - used == set(), "remove from overrides/partials/migsite/csp.html"


def test_csp_check_catches_a_changed_script_and_inline_styles():
    allowed = "console.log(1)"
    head = (
        '<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="'
        + "; ".join(f"{k} {' '.join(v)}" for k, v in REQUIRED_POLICY.items())
        + f"; script-src 'self' {script_hash(allowed)}\"></head><body>"
    )
    good = head + f'<script>{allowed}</script><script type="application/json">{{}}</script></body></html>'
    assert csp_problems(good) == []
    typed = good.replace("<script>", '<script type="text/x-javascript">').replace(allowed, "alert(1)")
    assert any("is blocked" in x for x in csp_problems(typed))
    changed = head + "<script>console.log(2)</script></body></html>"
    assert any("is blocked: add 'sha256-" in x for x in csp_problems(changed))
    styled = head + '<svg><rect style="fill-opacity: .5"/></svg><a href="#" onclick="x()">x</a></body></html>'
    assert len(csp_problems(styled)) == 2
    late = good.replace("<meta http-equiv", '<script src="x.js"></script><meta http-equiv')
    assert csp_problems(late) == ["line 1: <script> comes before the policy <meta>"]
    assert len(csp_problems(good.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"))) == 1


def test_live_reload_runs_under_mkdocs_serve(tmp_path):
    """MkDocs injects a live-reload inline script that changes on every request: under `mkdocs serve`
    (and only there) script-src allows inline scripts, the rest of the policy is the same."""
    project = copy_project(tmp_path / "project")
    html = ""
    with mkdocs_serve(project) as base:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and "livereload" not in html:
            time.sleep(0.5)
            html = fetch(base)
    assert "livereload" in html, "mkdocs serve did not serve the home page with its live-reload script"
    (policy,) = analyse(html).policies
    served = parse_policy(policy)
    assert served.pop("script-src") == ["'self'", "'unsafe-inline'"]
    assert served == REQUIRED_POLICY


def test_material_scope_is_fixed_to_the_site_path():
    """Material's inline head script holds extra.scope (else each page's relative base URL): fixed, it is
    one script with one hash; it must stay the path of site_url (Material's storage scope by default)."""
    mkdocs = load_mkdocs_yml(ROOT)
    assert (mkdocs.get("extra") or {}).get("scope") == urlsplit(SITE_URL).path


def test_readme_headers_policy_is_the_meta_policy(site_dir):
    """README's `_headers` example for hosts that send real headers: the same policy as the <meta>, plus
    what only a header can carry (frame-ancestors)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^\s*Content-Security-Policy:\s*(.+)$", readme, re.M)
    assert match, "README.md has no `_headers` example with a Content-Security-Policy line"
    header = parse_policy(match.group(1))
    assert header.pop("frame-ancestors", None) == ["'none'"]
    # a header also covers Pagefind's search worker, which compiles WebAssembly
    header["script-src"] = [s for s in header["script-src"] if s != "'wasm-unsafe-eval'"]
    (meta,) = analyse_page(site_dir / "index.html").policies
    assert header == parse_policy(meta)


# ----------------------------------------------------------------------------- publishing workflow

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
QUIET = re.compile(r"(^|\s)(-q+|--quiet)(\s|$)")


def workflow_problems(wf: dict) -> list[str]:
    """What keeps the workflow from building the site strictly and deploying it to GitHub Pages."""
    problems = []
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` key as true
    if not isinstance(on, dict) or "main" not in ((on.get("push") or {}).get("branches") or []):
        problems.append("not run on push to main")
    jobs = wf.get("jobs") or {}
    build, deploy = jobs.get("build") or {}, jobs.get("deploy") or {}
    steps = build.get("steps") or []
    runs = [s.get("run", "") for s in steps]

    def index(pred) -> int:
        return next((i for i, s in enumerate(steps) if pred(s)), -1)

    order = {
        "checkout": index(lambda s: s.get("uses", "").startswith("actions/checkout@")),
        "setup-python 3.11": index(
            lambda s: s.get("uses", "").startswith("actions/setup-python@")
            and str((s.get("with") or {}).get("python-version")) == "3.11"
        ),
        "pip install -r requirements.txt": index(lambda s: "pip install -r requirements.txt" in s.get("run", "")),
        "mkdocs build --strict": index(lambda s: re.search(r"\bmkdocs build\b[^\n]*--strict", s.get("run", ""))),
        "upload-pages-artifact of site/": index(
            lambda s: s.get("uses", "").startswith("actions/upload-pages-artifact@")
            and str((s.get("with") or {}).get("path", "")).rstrip("/") in ("site", "./site")
        ),
    }
    problems += [f"build job lacks the step {name}" for name, i in order.items() if i < 0]
    if [i for i in order.values() if i >= 0] != sorted(i for i in order.values() if i >= 0):
        problems.append(f"build steps out of order: {order}")
    for run in runs + [s.get("run", "") for s in deploy.get("steps") or []]:
        for line in run.splitlines():
            if "mkdocs" in line and QUIET.search(line):
                problems.append(f"-q with mkdocs (--strict -q exits 0 on warnings in MkDocs 1.6.1): {line.strip()}")
            if "requirements-dev.txt" in line:
                problems.append(f"installs the test tools to publish: {line.strip()}")
    needs = deploy.get("needs")
    if "build" not in ([needs] if isinstance(needs, str) else needs or []):
        problems.append("deploy job does not need build")
    # the full history: translation status and "last updated" dates read git log (a shallow clone fails)
    for name, job in jobs.items():
        for step in job.get("steps") or []:
            checkout = step.get("uses", "").startswith("actions/checkout@")
            if checkout and str((step.get("with") or {}).get("fetch-depth")) != "0":
                problems.append(f"job {name}: checkout without fetch-depth: 0")
    # the tests (at least those without a browser) pass before anything is built or deployed
    testers = [
        name
        for name, job in jobs.items()
        if any(re.search(r"\bpytest\b", step.get("run", "")) for step in job.get("steps") or [])
    ]
    build_needs = build.get("needs")
    build_needs = [build_needs] if isinstance(build_needs, str) else build_needs or []
    if not testers:
        problems.append("no job runs the tests (pytest)")
    elif not set(testers) & set(build_needs):
        problems.append(f"build job does not need the test job ({', '.join(testers)})")
    for name in testers:
        for step in jobs[name].get("steps") or []:
            run = step.get("run", "")
            if re.search(r"\bpytest\b", run) and re.search(r"(--deselect|-k)\s|--co\b|--collect-only", run):
                problems.append(f"job {name}: the test step leaves tests out: {run.strip()}")
    if not any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy.get("steps") or []):
        problems.append("deploy job does not use actions/deploy-pages")
    if (deploy.get("environment") or {}).get("name") != "github-pages":
        problems.append("deploy job is not in the github-pages environment")
    permissions = {**(wf.get("permissions") or {}), **(deploy.get("permissions") or {})}
    for scope in ("pages", "id-token"):
        if permissions.get(scope) != "write":
            problems.append(f"permission {scope}: write missing")
    return problems


def test_publish_workflow_builds_strictly_and_deploys_to_pages():
    wf = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow_problems(wf) == []


def test_workflow_check_catches_a_quiet_build_and_a_missing_permission():
    wf = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    broken = copy.deepcopy(wf)
    for step in broken["jobs"]["build"]["steps"]:
        if "mkdocs build" in step.get("run", ""):
            step["run"] = step["run"].replace("--strict", "--strict -q")
    broken.get("permissions", {}).pop("id-token", None)
    broken["jobs"]["deploy"].get("permissions", {}).pop("id-token", None)
    problems = workflow_problems(broken)
    assert any("-q with mkdocs" in p for p in problems) and "permission id-token: write missing" in problems


def test_workflow_check_catches_a_shallow_checkout_and_an_untested_build():
    wf = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    shallow = copy.deepcopy(wf)
    for job in shallow["jobs"].values():
        for step in job.get("steps") or []:
            if step.get("uses", "").startswith("actions/checkout@"):
                step.pop("with", None)
    assert "job build: checkout without fetch-depth: 0" in workflow_problems(shallow)
    untested = copy.deepcopy(wf)
    untested["jobs"]["build"].pop("needs", None)
    assert any("build job does not need the test job" in p for p in workflow_problems(untested))
    no_tests = copy.deepcopy(wf)
    del no_tests["jobs"]["test"]
    no_tests["jobs"]["build"].pop("needs", None)
    assert "no job runs the tests (pytest)" in workflow_problems(no_tests)


def test_workflow_runs_every_test_but_the_browser_ones():
    wf = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    runs = [s.get("run", "") for s in wf["jobs"]["test"]["steps"]]
    (pytest_run,) = [r for r in runs if "pytest" in r]
    assert '-m "not browser"' in pytest_run and "requirements-dev.txt" in " ".join(runs)
    assert any(r.startswith("npm ci") for r in runs)  # the Nu Html Checker (package.json)
    # GitHub Actions sets CI=true: a missing tool (Java for the HTML checker) fails instead of skipping


def _schema_check(path: Path) -> subprocess.CompletedProcess:
    """The workflow against GitHub's workflow schema (SchemaStore's, vendored by check-jsonschema)."""
    try:
        import check_jsonschema  # noqa: F401
    except ImportError:
        skip_or_fail("check-jsonschema not installed (pip install -r requirements-dev.txt)")
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_publish_workflow_matches_github_schema(tmp_path):
    result = _schema_check(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    misspelt = tmp_path / "publish.yml"
    misspelt.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "runs_on:"), encoding="utf-8")
    assert _schema_check(misspelt).returncode != 0

"""Build, preview and page-weight benchmark of the site. A script, not a test:

    .venv/bin/python bench/benchmark.py [--sizes 100,500,1000] [--repeat 3] [--json out.json]

For each size N it copies the project (tests/helpers.py's file list), adds N synthetic practices in
every language (synthetic_practice(), the one function to adapt when the practice record changes)
and runs `mkdocs build --strict` of three variants, round after round, in turn:

  full            the site as it is;
  generators-off  hooks/generated.py removed from mkdocs.yml (the indexes are not drawn);
  english-only    every language but English set to the i18n plugin's `build: false`.

Each build is a child process; os.wait4 gives its CPU seconds (user + system, Pagefind included)
and its peak memory (the largest resident set of the build and of Pagefind); the MkDocs process
also reports its own peak at exit. Ratios compare medians of
CPU seconds, which other processes on the machine disturb less than wall-clock time.

Preview latency: `python -m migsite.preview --lang fr` (mkdocs serve --dirty, English and French)
on the real site and on the largest synthetic site; a French practice page is saved with a new
line, and the served page is polled every 50 ms until it shows the line.

Page weight, on the largest synthetic site served on 127.0.0.1 and opened in Chromium: every file a
first visit of a practice page, and a first search from the search page, downloads, counted at its
gzip size (level 6) for text and as is for Pagefind's files, which are compressed already."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # this tree's migsite, and the tests' helpers

from helpers import copy_project, fetch, free_port  # noqa: E402

from migsite.preview import PREVIEW_FILE, write_preview_config  # noqa: E402
from migsite.vocab import load_vocabulary  # noqa: E402

TARGETS = {"generators": 1.10, "linearity": 2.1, "preview_real": 2.0, "preview_1000": 5.0, "weight_kb": 150}
VARIANTS = ("full", "generators-off", "english-only")
PRACTICE_URL = "practices/{id}/"
KB = 1024

# ---------------------------------------------------------------------------------- synthetic practices

SENTENCES: dict[str, list[str]] = {}  # per locale folder: sentences of the real practices' prose


def sentences(project: Path, folder: str) -> list[str]:
    """The running text of the real practices of one language, cut into sentences: synthetic pages
    drawn from them compress and index about like the real ones."""
    if folder not in SENTENCES:
        lines = []
        for path in sorted((project / folder / "practices").glob("*.md")):
            body = path.read_text(encoding="utf-8").split("\n---", 2)[-1]
            lines += [s for s in body.splitlines() if s.strip() and s.lstrip()[0] not in "#-*|>!<`[0123456789"]
        text = re.sub(r"[<>*_`|{}\[\]]", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(lines)))
        SENTENCES[folder] = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 30]
    return SENTENCES[folder]


HEADINGS = {
    "en": ("Context", "What the city did", "Results", "Sources"),
    "fr": ("Contexte", "Ce qu'a fait la ville", "Résultats", "Sources"),
    "es": ("Contexto", "Qué hizo la ciudad", "Resultados", "Fuentes"),
}


def paragraph(rng: random.Random, pool: list[str], n: int) -> str:
    return " ".join(rng.choice(pool) for _ in range(n))


def synthetic_practice(i: int, langs: list[str], pools: dict[str, list[str]]) -> dict[str, str]:
    """The Markdown of practice bench-<i> per language: the facts in English, words in each language.
    Seeded by i: bench-0001 is the same page at every N. Follows the practice record of migsite/model.py."""
    vocab = load_vocabulary()
    rng = random.Random(i)  # noqa: S311 - not cryptography
    country, region = rng.choice(sorted(vocab.country_region.items()))
    city = "".join(("ba", "do", "ki", "lu", "ma", "ne", "ro", "sa", "ti", "vo")[int(d)] for d in f"{i:04d}").title()
    year = rng.randint(1995, 2025)
    facts = {
        "kind": "practice", "city": city, "country": country, "region": region, "start_year": year,
        "status": "ongoing", "last_verified": "2026-11-01",
        "themes": rng.sample(vocab.ids("themes"), 2), "objectives": sorted(rng.sample(range(1, 24), 3)),
        "principles": rng.sample(vocab.ids("principles"), 2),
        "sources": [
            {"title": f"City of {city}: welcome desk ({year})", "url": f"https://city.example.org/{i}",
             "type": "official"},
            {"title": f"Evaluation of the {city} welcome desk", "url": f"https://eval.example.net/{i}",
             "type": "secondary"},
        ],
    }  # fmt: skip
    files = {}
    for lang in langs:
        heads = HEADINGS.get(lang, HEADINGS["en"])
        pool = pools[lang]
        meta = {"title": f"{city} welcome desk {i} ({lang})", "summary": paragraph(rng, pool, 1)[:390]}
        if lang == langs[0]:
            meta = {"kind": facts["kind"], **meta, **{k: v for k, v in facts.items() if k != "kind"}}
        sources = "\n".join(f"- [{s['title']}]({s['url']})" for s in facts["sources"])
        body = [f"## {heads[0]}\n\n{paragraph(rng, pool, 5)}", f"## {heads[1]}\n\n{paragraph(rng, pool, 6)}",
                f"## {heads[2]}\n\n{paragraph(rng, pool, 3)}", f"## {heads[3]}\n\n{sources}"]  # fmt: skip
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        files[lang] = f"---\n{front}---\n\n" + "\n\n".join(body) + "\n"
    return files


def make_site(work: Path, n: int) -> Path:
    project = copy_project(work / "full")
    data = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    langs = [(x["locale"], "docs" if x.get("default") else f"docs_{x['locale']}") for x in i18n_languages(data)]
    langs.sort(key=lambda lang: lang[1] != "docs")
    pools = {code: sentences(project, folder) for code, folder in langs}
    for i in range(1, n + 1):
        for code, md in synthetic_practice(i, [c for c, _ in langs], pools).items():
            (project / dict(langs)[code] / "practices" / f"bench-{i:04d}.md").write_text(md, encoding="utf-8")
    return project


def i18n_languages(data: dict) -> list[dict]:
    return next(p["i18n"]["languages"] for p in data["plugins"] if isinstance(p, dict) and "i18n" in p)


def make_variants(work: Path, n: int) -> dict[str, Path]:
    full = make_site(work, n)
    variants = {"full": full}
    for name in VARIANTS[1:]:
        variants[name] = shutil.copytree(full, work / name, symlinks=True)
        config = variants[name] / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        if name == "generators-off":
            assert text.count("\n  - hooks/generated.py\n") == 1
            config.write_text(text.replace("\n  - hooks/generated.py\n", "\n"), encoding="utf-8")
        else:
            data = yaml.safe_load(text)
            for lang in i18n_languages(data):
                lang["build"] = bool(lang.get("default"))
            config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return variants


# ---------------------------------------------------------------------------------------------- builds


# `python -m mkdocs`, which writes at exit the peak memory of its own process (Pagefind excluded).
MKDOCS = ("import atexit, resource, runpy, sys; out = sys.argv.pop(1); atexit.register(lambda: open(out, 'w')"
          ".write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))); sys.argv[0] = 'mkdocs'; "
          "runpy.run_module('mkdocs', run_name='__main__')")  # fmt: skip


def build(project: Path, site: Path) -> dict[str, Any]:
    """`mkdocs build --strict` in a child process: CPU seconds, peak memory, pages written."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project), "SOURCE_DATE_EPOCH": "1767225600"}
    rss = site.parent / f"{site.name}.rss"
    with open(site.parent / f"{site.name}.log", "w") as log:
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-c", MKDOCS, str(rss), "build", "--strict", "-d", str(site)],
                                cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        tail = (site.parent / f"{site.name}.log").read_text(encoding="utf-8").splitlines()[-30:]
        raise SystemExit(f"benchmark: build of {project} failed:\n" + "\n".join(tail))
    pages = sum(1 for p in site.rglob("*.html") if not {"assets", "pagefind"} & set(p.relative_to(site).parts))
    result = {"cpu": usage.ru_utime + usage.ru_stime, "wall": time.monotonic() - start}
    result |= {"peak_mb": usage.ru_maxrss / KB, "mkdocs_mb": int(rss.read_text()) / KB, "pages": pages}
    shutil.rmtree(site)
    return result


def run_builds(work: Path, sizes: list[int], repeat: int) -> dict[int, dict[str, list[dict]]]:
    projects = {n: make_variants(work / f"n{n}", n) for n in sizes}
    runs: dict[int, dict[str, list[dict]]] = {n: {v: [] for v in VARIANTS} for n in sizes}
    for r in range(repeat):
        for n in sizes:
            for variant in VARIANTS if r % 2 == 0 else reversed(VARIANTS):  # ABC CBA ABC: drift cancels
                runs[n][variant].append(build(projects[n][variant], work / f"site-{n}-{variant}"))
                print(f"round {r + 1} N={n} {variant}: {runs[n][variant][-1]}", file=sys.stderr)
    return runs


# --------------------------------------------------------------------------------------------- preview


def preview_latency(project: Path, saves: int = 5) -> list[float]:
    """Seconds from saving a French practice page to the served page showing the change."""
    write_preview_config(project, "fr")
    port, tmp = free_port(), project.parent / "serve-tmp"
    tmp.mkdir(exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project), "TMPDIR": str(tmp)}
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", PREVIEW_FILE, "-a",
                             f"127.0.0.1:{port}"], cwd=project, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, preexec_fn=sigint_default)  # fmt: skip
    page = project / "docs_fr" / "practices" / "nyc-idnyc.md"
    url = f"http://127.0.0.1:{port}/site/fr/" + PRACTICE_URL.format(id="nyc-idnyc")
    try:
        deadline = time.monotonic() + 900
        while 'lang="fr"' not in fetch(url):
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit("benchmark: the preview did not come up")
            time.sleep(0.5)
        out = []
        for k in range(saves):
            time.sleep(2)  # let the server settle
            marker = f"Benchmark-save-{k}-{time.monotonic_ns()}"
            start = time.monotonic()
            page.write_text(page.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
            while marker not in fetch(url):
                if time.monotonic() - start > 120:
                    raise SystemExit("benchmark: a saved page did not show within 120 s")
                time.sleep(0.05)
            out.append(time.monotonic() - start)
        return out
    finally:
        proc.send_signal(signal.SIGINT)  # mkdocs serve removes its temporary site
        proc.wait(timeout=60)


def sigint_default() -> None:
    """In the child: SIGINT stops it, even when this script runs in the background (`&` ignores it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


# ------------------------------------------------------------------------------------------ page weight


def transfer_size(site: Path, url: str) -> int:
    path = site / unquote(urlsplit(url).path).removeprefix("/site/").lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    data = path.read_bytes() if path.is_file() else b""
    compressed = "/pagefind/" in url and not url.endswith((".js", ".json", ".css"))
    return len(data) if compressed else len(gzip.compress(data, 6, mtime=0))


def page_weight(site: Path) -> dict[str, Any]:
    """KB (compressed) of a first visit of a practice page, then of a first search from it (what the
    search adds: its page and script, Pagefind's script, WebAssembly, index chunks and fragments)."""
    from browsing import serving, wait_for_search_results
    from chromium import CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {}
    with serving(site) as served, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        urls: list[str] = []
        page.on("request", lambda request: urls.append(request.url))
        seen: set[str] = set()
        for name, rel in (("practice page", PRACTICE_URL.format(id="bench-0001")), ("search", "search/?q=migrants")):
            urls.clear()
            page.goto(served.base + rel, wait_until="load")
            if name == "search":
                wait_for_search_results(page)
            page.wait_for_timeout(500)  # anything the scripts fetch just after
            new = sorted({u for u in urls if u.startswith(served.base)} - seen)
            seen.update(new)
            sizes = {u.removeprefix(served.base): transfer_size(site, u) for u in new}
            out[name] = sum(sizes.values()) / KB
            out[f"{name} files"] = {u: round(n / KB, 1) for u, n in sorted(sizes.items(), key=lambda x: -x[1])}
        browser.close()
    return out


# ----------------------------------------------------------------------------------------------- report


def median(runs: list[dict], key: str = "cpu") -> float:
    return statistics.median(r[key] for r in runs)


def verdict(value: float, target: float) -> str:
    return f"{value:.2f} (target <= {target}: {'PASS' if value <= target else 'FAIL'})"


def report(runs: dict, latency: dict[str, list[float]], weight: dict[str, float], meta: dict) -> str:
    lines = [f"# Benchmark ({meta['date']}, {meta['machine']})", "",
             "| N | variant | CPU s (median) | CPU s (all runs) | pages | CPU ms/page | peak MB MkDocs / any |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    for n, by_variant in runs.items():
        for v, rs in by_variant.items():
            cpu, pages = median(rs), rs[0]["pages"]
            all_runs = ", ".join(f"{r['cpu']:.1f}" for r in rs)
            lines.append(f"| {n} | {v} | {cpu:.2f} | {all_runs} | {pages} | {1000 * cpu / pages:.1f} | "
                         f"{max(r['mkdocs_mb'] for r in rs):.0f} / {max(r['peak_mb'] for r in rs):.0f} |")  # fmt: skip
    lines += ["", "| N | generators on/off | three languages / English only |", "|---|---|---|"]
    for n, rs in runs.items():
        gen = median(rs["full"]) / median(rs["generators-off"])
        lines.append(f"| {n} | {verdict(gen, TARGETS['generators'])} | "
                     f"{median(rs['full']) / median(rs['english-only']):.2f} (reported, not judged) |")  # fmt: skip
    if 500 in runs and 1000 in runs:
        lin = median(runs[1000]["full"]) / median(runs[500]["full"])
        lines += ["", f"Linearity full(1000) / full(500), CPU: {verdict(lin, TARGETS['linearity'])}"]
    for name, values in latency.items():
        target = TARGETS["preview_real" if name == "real site" else "preview_1000"]
        lines += [f"Preview latency, {name} (s): {', '.join(f'{v:.2f}' for v in values)}; "
                  f"median {verdict(statistics.median(values), target)}; max {max(values):.2f}"]  # fmt: skip
    for name in ("practice page", "search"):
        if name in weight:
            kb = verdict(weight[name], TARGETS["weight_kb"])
            lines += [f"Page weight at {meta['largest']} practices, first {name}: {kb} KB: {weight[name + ' files']}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,500,1000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write every measurement as JSON")
    parser.add_argument("--skip-browser", action="store_true", help="no page-weight measurement")
    parser.add_argument("--skip-builds", action="store_true", help="preview latency and page weight only")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    meta = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "machine": f"{os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}",
            "load_before": os.getloadavg(), "largest": sizes[-1]}  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="migsite-bench-") as tmp:
        work = Path(tmp)
        runs = {} if args.skip_builds else run_builds(work, sizes, args.repeat)
        if args.json:
            args.json.write_text(json.dumps({"meta": meta, "runs": runs}, indent=1))
        latency = {"real site": preview_latency(copy_project(work / "preview-real"))}
        print(f"preview, real site: {latency['real site']}", file=sys.stderr)
        latency[f"{sizes[-1]} practices"] = preview_latency(make_site(work / "preview-big", sizes[-1]))
        weight = {}
        if not args.skip_browser:
            big = make_site(work / "weight", sizes[-1])
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(big)}
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(work / "weight-site")],
                           cwd=big, env=env, check=True)  # fmt: skip
            weight = page_weight(work / "weight-site")
    meta["load_after"] = os.getloadavg()
    text = report(runs, latency, weight, meta) + f"\nLoad average before / after: {meta['load_before']} / "
    print(text + f"{meta['load_after']}")
    if args.json:
        args.json.write_text(json.dumps({"meta": meta, "runs": runs, "latency": latency, "weight": weight}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

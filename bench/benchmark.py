"""Build-time and reader-weight benchmark of the site. A script, not a test:

    .venv/bin/python bench/benchmark.py [--sizes 100,500,1000] [--repeat 5] [--json out.json]

For each size N it copies the project (the test suite's file list, tests/conftest.py), adds N
synthetic but valid practices in English, French and Spanish, and times `mkdocs build --strict`
of three variants of the same copy:

  full             the site as it is: every hook, three languages;
  generators-off   hooks/generated.py removed from mkdocs.yml's hooks (the `generate:` lines stay:
                   the schema accepts them and nothing else reads them);
  english-only     the French and Spanish entries removed from the i18n plugin's languages, and the
                   Markdown of docs_fr/ and docs_es/ deleted (the folders and their other files stay).

The builds run in rounds (--repeat). In each round, for each size, two pairs run at once, each
on a core of its own: a full build and a generators-off build, and a full build and three
English-only builds (one per language, so that both sides take about as long). The two sides of a
pair take turns on their core, half a second each (see alternate()), so that they meet the same
core at almost the same moments, and the ratios compare their CPU seconds. The real site is built
once per round.

Then it serves the real site and the largest synthetic site on 127.0.0.1 with gzip and measures in
Chromium (Playwright + CDP) the bytes a reader downloads for a first visit to a practice page and
for a first search. See README.md, section "Benchmark", for what each figure means.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gzip
import http.client
import http.server
import json
import mimetypes
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
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from chromium import CHROMIUM_ARGS as BASE_CHROMIUM_ARGS  # noqa: E402
from helpers import copy_project  # noqa: E402  (the test suite's list of project files)

from migsite.config import load_config  # noqa: E402
from migsite.vocab import is_country_code, load_vocabulary  # noqa: E402

TARGETS = {
    "generators": 1.10,  # time(full) / time(generators-off), at every N
    "languages": 3.0,  # time(full) / time(english-only), at every N
    "linearity": 2.1,  # time(1000) / time(500), full build
    "page_kb": 150,  # first visit to a practice page, compressed bytes
    "search_kb": 150,  # first search, compressed bytes, at the largest N
}
VARIANTS = ("full", "generators-off", "english-only")
GENERATED_HOOK = "hooks/generated.py"
TIME = shutil.which("time", path="/usr/bin")  # GNU time, for -v (max RSS)
CHROMIUM_ARGS = [
    *BASE_CHROMIUM_ARGS,
    # Nothing leaves the machine: any other host fails to resolve (and is counted as off-host).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
QUERIES = {"en": "migrants", "fr": "migrants", "es": "migrantes"}
KB = 1024
MB = KB * KB


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ============================================================================ synthetic content


class Prose:
    """A first-order word Markov chain over the prose of the site's real practices in one language.

    The text reads as word salad, but its words, sentence lengths and, above all, its gzip ratio
    stay close to the real pages (3.9 against 3.4-3.6 for the real prose, measured), which is what
    the size of the search index depends on; a second-order chain reads better but repeats long
    runs of the real pages and compresses 40% better than they do. Numbers are redrawn per page."""

    def __init__(self, texts: list[str]) -> None:
        self.chain: dict[str, list[str]] = {}
        self.starts: list[tuple[str, str]] = []
        for text in texts:
            words = text.split()
            for i in range(len(words) - 1):
                self.chain.setdefault(words[i], []).append(words[i + 1])
                if (i == 0 or words[i - 1][-1] in ".!?") and words[i][:1].isupper():
                    self.starts.append((words[i], words[i + 1]))
        if len(self.starts) < 20:
            raise SystemExit("benchmark: too little practice prose to learn from (need the real practices)")

    def sentence(self, rng: random.Random) -> list[str]:
        words = list(rng.choice(self.starts))
        while words[-1][-1] not in ".!?" and len(words) < 40:
            nxt = self.chain.get(words[-1])
            if not nxt:
                break
            words.append(rng.choice(nxt))
        if words[-1][-1] not in ".!?":
            words[-1] = words[-1].rstrip(",;:") + "."
        return [_renumber(w, rng) for w in words]

    def paragraph(self, rng: random.Random, n_words: int) -> str:
        words: list[str] = []
        while len(words) < n_words:
            words += self.sentence(rng)
        return " ".join(words)


def _renumber(word: str, rng: random.Random) -> str:
    m = re.fullmatch(r"(\D*)(\d+)(\D*)", word)
    if not m:
        return word
    digits = m.group(2)
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        digits = str(rng.randint(1990, 2025))
    else:
        digits = str(rng.randint(10 ** (len(digits) - 1) if len(digits) > 1 else 0, 10 ** len(digits) - 1))
    return m.group(1) + digits + m.group(3)


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_SOURCES = re.compile(r"^##\s+(Sources|Fuentes)\b.*", re.S | re.M)


def practice_prose(project: Path, folder: str, practice_files: list[str]) -> list[str]:
    """Plain running text of the real practices in one language folder."""
    texts = []
    for rel in practice_files:
        path = project / folder / rel
        if not path.exists():
            continue
        body = path.read_text(encoding="utf-8").split("\n---", 2)[-1]
        body = _SOURCES.sub("", _LINK.sub(r"\1", body))
        lines = [
            line.lstrip("-*0123456789. ").strip()
            for line in body.splitlines()
            if line.strip() and not line.lstrip().startswith(("#", "!!!", "|", ">", "<", "```"))
        ]
        text = re.sub(r"[*_`<>{}|\[\]]", "", " ".join(lines))
        texts.append(text)
    return texts


THINGS = [
    ("Municipal welcome desk", "Guichet municipal d'accueil", "Oficina municipal de acogida"),
    ("Migrant advisory council", "Conseil consultatif des personnes migrantes", "Consejo consultivo de migrantes"),
    ("Local integration plan", "Plan local d'intégration", "Plan local de integración"),
    ("Intercultural mediation service", "Service de médiation interculturelle", "Servicio de mediación intercultural"),
    ("Language and orientation courses", "Cours de langue et d'orientation", "Cursos de idioma y orientación"),
    ("Housing support scheme", "Dispositif d'aide au logement", "Programa de apoyo a la vivienda"),
    ("Free legal aid clinic", "Permanence juridique gratuite", "Clínica de asistencia jurídica gratuita"),
    ("Health access programme", "Programme d'accès aux soins", "Programa de acceso a la salud"),
    ("Municipal identity card", "Carte d'identité municipale", "Tarjeta de identidad municipal"),
    ("Job-matching platform", "Plateforme de mise en relation pour l'emploi", "Plataforma de intermediación laboral"),
    ("Local migration observatory", "Observatoire local des migrations", "Observatorio local de migraciones"),
    ("Anti-rumour campaign", "Campagne anti-rumeurs", "Campaña antirrumores"),
]
GROUPS = [
    ("newcomers", "les nouveaux arrivants", "las personas recién llegadas"),
    ("refugees", "les personnes réfugiées", "las personas refugiadas"),
    ("migrant workers", "les travailleurs migrants", "las personas trabajadoras migrantes"),
    ("asylum seekers", "les demandeurs d'asile", "las personas solicitantes de asilo"),
    ("displaced families", "les familles déplacées", "las familias desplazadas"),
    ("migrant youth", "les jeunes migrants", "la juventud migrante"),
]
COUNTRIES = {
    "europe": "FR ES DE IT PT GR NL BE AT CH SE PL IE",
    "north-america": "US CA",
    "latin-america-caribbean": "BR MX CO EC AR CL PE CR",
    "middle-east-north-africa": "MA TN EG JO LB DZ",
    "sub-saharan-africa": "UG KE NG SN ZA GH ET",
    "middle-east-west-asia": "TR IQ GE AM",
    "asia-pacific": "JP KR PH ID AU IN BD",
}
SECTIONS = {
    "en": ("Context", "What the city did", "Who was involved", "Results", "Sources"),
    "fr": ("Contexte", "Ce qu'a fait la ville", "Qui a participé", "Résultats", "Sources"),
    "es": ("Contexto", "Qué hizo la ciudad", "Quiénes participaron", "Resultados", "Fuentes"),
}
OBJECTIVE_LINKS = {
    "en": ("On this site the practice is related to {links} of the Global Compact for Migration.", "objective {n}"),
    "fr": ("Sur ce site, la pratique est rattachée aux objectifs suivants du Pacte mondial : {links}.", "objectif {n}"),
    "es": ("En este sitio, la práctica se relaciona con {links} del Pacto Mundial para la Migración.", "objetivo {n}"),
}
TEMPLATES = {
    "en": (
        "{thing} for {group} in {city}",
        "{thing} set up by {city} in {year} for {group}: {themes}.",
        "an unknown year",
    ),
    "fr": (
        "{thing} pour {group} à {city}",
        "{thing} créé par {city} en {year} pour {group} : {themes}.",
        "une année inconnue",
    ),
    "es": (
        "{thing} para {group} en {city}",
        "{thing} creado por {city} en {year} para {group}: {themes}.",
        "un año desconocido",
    ),
}


def q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def city_pool(seed: int, regions: list[str]) -> list[tuple[str, str, str]]:
    """400 invented cities, each in a real country of its region; the same for every N."""
    rng = random.Random(f"{seed}:cities")  # noqa: S311 (not cryptography)
    syllables = [c + v for c in "bdklmnrstv" for v in "aeio"]
    pool = []
    for _ in range(400):
        name = "".join(rng.choice(syllables) for _ in range(rng.choice((2, 3, 3, 4)))).capitalize()
        region = rng.choice(regions)
        codes = [c for c in COUNTRIES.get(region, "FR").split() if is_country_code(c)] or ["FR"]
        pool.append((name, rng.choice(codes), region))
    return pool


def synthetic_practice(
    i: int,
    seed: int,
    langs: list[str],
    prose: dict[str, Prose],
    pool: list,
    objective_pages: set[int],
    taken: set | None = None,
) -> dict[str, str]:
    """The files of practice bench-<i> in each language: {lang: Markdown}. Seeded per id, so
    bench-0001 is the same page whatever N is."""
    vocab = load_vocabulary()
    rng = random.Random(f"{seed}:{i}")  # noqa: S311 (not cryptography)
    pid = f"bench-{i:04d}"
    city, country, region = rng.choice(pool)
    thing = rng.randrange(len(THINGS))
    group = rng.randrange(len(GROUPS))
    # The build refuses two practices of one city with near-identical titles: a practice whose city
    # and subject an earlier one already has moves to the next invented city of the pool (an
    # earlier id only, so bench-<i> is still the same whatever N).
    while taken is not None and (city, thing) in taken:
        city, country, region = pool[(pool.index((city, country, region)) + 1) % len(pool)]
    if taken is not None:
        taken.add((city, thing))
    year = None if rng.random() < 0.05 else rng.randint(1995, 2025)
    themes = rng.sample(vocab.ids("themes"), rng.randint(1, 3))
    objectives = sorted(rng.sample(sorted(vocab.objectives), rng.randint(1, 4)))
    principles = rng.sample(vocab.ids("principles"), rng.randint(1, 3))
    programmes = rng.sample(vocab.ids("programmes"), 1) if rng.random() < 0.3 else []
    slug = re.sub(r"[^a-z]+", "-", THINGS[thing][0].lower()).strip("-")
    sources = [
        {
            "title": f"{city} city council: {THINGS[thing][0]} ({year or 'report'})",
            "url": f"https://www.example.org/{slug}/{pid}",
        },
        {
            "title": f"Evaluation of the {THINGS[thing][0].lower()} in {city}",
            "url": f"http://archive.example.net/{pid}.html",
        },
    ]
    files = {}
    for lang in langs:
        k = ("en", "fr", "es").index(lang) if lang in ("en", "fr", "es") else 0
        title_t, summary_t, unknown = TEMPLATES.get(lang, TEMPLATES["en"])
        labels = ", ".join(vocab.label("themes", t, lang) for t in themes)
        title = title_t.format(thing=THINGS[thing][k], group=GROUPS[group][k], city=city)
        summary = summary_t.format(
            thing=THINGS[thing][k], city=city, year=year or unknown, group=GROUPS[group][k], themes=labels
        )
        words = prose.get(lang, prose["en"])
        sentence, link_text = OBJECTIVE_LINKS.get(lang, OBJECTIVE_LINKS["en"])
        links = ", ".join(
            f"[{link_text.format(n=n)}](../compact/objectives/{n:02d}.md)" for n in objectives if n in objective_pages
        )
        heads = SECTIONS.get(lang, SECTIONS["en"])
        bullets = "\n".join(f"- {words.paragraph(rng, 8)}" for _ in range(rng.randint(2, 3)))
        body = [
            f"## {heads[0]}\n\n{words.paragraph(rng, 60)}",
            f"## {heads[1]}\n\n{words.paragraph(rng, 65)}\n\n{bullets}"
            + (f"\n\n{sentence.format(links=links)}" if links else ""),
            f"## {heads[2]}\n\n{words.paragraph(rng, 50)}",
            f"## {heads[3]}\n\n{words.paragraph(rng, 30)}",
            # no Sources section: as on the real pages, the template lists the typed sources after the prose
        ]
        if lang == langs[0]:
            meta = [
                "kind: practice",
                f"title: {q(title)}",
                f"summary: {q(summary)}",
                f"city: {q(city)}",
                f"country: {country}",
                f"region: {region}",
                f"start_year: {year if year else 'null'}",
                f"themes: [{', '.join(themes)}]",
                f"objectives: [{', '.join(map(str, objectives))}]",
                f"principles: [{', '.join(principles)}]",
            ]
            if programmes:
                meta.append(f"programmes: [{', '.join(programmes)}]")
            # the practice record v2's required fields: a status, a check date, typed sources (one official)
            meta += ["status: ongoing", "last_verified: 2026-01-15"]
            meta.append("sources:")
            for s, kind in zip(sources, ("official", "academic"), strict=True):
                meta += [f"  - title: {q(s['title'])}", f"    url: {s['url']}", f"    type: {kind}"]
        else:  # a translation: title, summary and prose only
            meta = [f"title: {q(title)}", f"summary: {q(summary)}"]
        files[lang] = "---\n" + "\n".join(meta) + "\n---\n\n" + "\n\n".join(body) + "\n"
    return files


def add_practices(project: Path, n: int, seed: int) -> None:
    config = load_config(project)
    langs = [config.default, *[lang for lang in config.languages if not lang.default]]
    en_folder = project / config.default.folder
    real = sorted(
        p.relative_to(en_folder).as_posix()
        for p in (en_folder / "practices").glob("*.md")
        if re.search(r"^kind:\s*practice\s*$", p.read_text(encoding="utf-8"), re.M)
    )
    prose = {}
    for lang in langs:
        texts = practice_prose(project, lang.folder, real)
        if sum(len(t.split()) for t in texts) > 2000:
            prose[lang.code] = Prose(texts)
    if config.default.code not in prose:
        raise SystemExit("benchmark: no English practice prose to learn from")
    prose.setdefault("en", prose[config.default.code])
    objective_pages = {int(p.stem) for p in (en_folder / "compact" / "objectives").glob("[0-9][0-9].md")}
    pool = city_pool(seed, load_vocabulary().ids("regions"))
    taken: set = set()
    for i in range(1, n + 1):
        files = synthetic_practice(i, seed, [lang.code for lang in langs], prose, pool, objective_pages, taken)
        for lang in langs:
            target = project / lang.folder / "practices" / f"bench-{i:04d}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(files[lang.code], encoding="utf-8")


# ============================================================================ variants


def drop_hook(project: Path, hook: str) -> None:
    path = project / "mkdocs.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if line.strip() != f"- {hook}"]
    if len(kept) != len(lines) - 1:
        raise SystemExit(f"benchmark: mkdocs.yml has no hooks entry '- {hook}' (or several)")
    path.write_text("".join(kept), encoding="utf-8")


def keep_only_language(project: Path, code: str) -> None:
    """Remove every other entry of the i18n plugin's `languages:` (each `- locale: xx` block)."""
    path = project / "mkdocs.yml"
    out, skipping, indent = [], False, 0
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        m = re.match(r"^(\s*)- locale:\s*['\"]?([\w-]+)", line)
        if m:
            skipping, indent = m.group(2) != code, len(m.group(1))
        elif skipping and line.strip() and len(line) - len(line.lstrip()) <= indent:
            skipping = False
        if not skipping:
            out.append(line)
    path.write_text("".join(out), encoding="utf-8")
    load_config.cache_clear()
    codes = load_config(project).codes
    if codes != [code]:
        raise SystemExit(f"benchmark: could not reduce mkdocs.yml to '{code}' alone (got {codes})")


def make_variants(work: Path, n: int, seed: int) -> dict[str, Path]:
    full = copy_project(work / "full")
    add_practices(full, n, seed)
    off = work / "generators-off"
    shutil.copytree(full, off, symlinks=True)
    drop_hook(off, GENERATED_HOOK)
    english = work / "english-only"
    shutil.copytree(full, english, symlinks=True)
    config = load_config(english)
    keep_only_language(english, config.default.code)
    for lang in config.languages:
        if not lang.default:  # the folder and its other files stay; its pages go
            for md in (english / lang.folder).rglob("*.md"):
                md.unlink()
    # A second copy of the full site for the pair that runs at the same time as the other (see
    # run_pairs): every build stages its locale folders in its project (hooks/i18n_folders.py).
    twin = work / "full-twin"
    shutil.copytree(full, twin, symlinks=True)
    return {"full": full, "full-twin": twin, "generators-off": off, "english-only": english}


# ============================================================================ builds


class Build:
    """`mkdocs build --strict` of a project in a child process, into a new folder, optionally pinned
    to one core (the build and its child processes: Pagefind). It can be paused and resumed (see
    alternate()); `seconds` counts the wall-clock time it was allowed to run.

    Never into a folder just emptied: on ext4, creating files soon after many were deleted is slow
    (the inode allocator skips inodes freed in the last minute or so), which charged each build
    for the size of the previous one; measured, about 3 s more system time for Pagefind alone at 1000
    practices. The sites are removed together at the end of the run."""

    def __init__(self, project: Path, site: Path, core: int | None = None) -> None:
        if site.exists():
            raise SystemExit(f"benchmark: {site} exists; every build gets a new folder")
        self.project, self.site, self.core = project, site, core
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
        cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
        self.time_file = site.with_name(site.name + ".time.txt")
        if TIME:
            cmd = [TIME, "-v", "-o", str(self.time_file), *cmd]
        if core is not None:  # set the affinity, then become the build (the same pid, for wait4)
            cmd = [sys.executable, "-c", PIN, str(core), *cmd]
        self.out = tempfile.TemporaryFile()  # noqa: SIM115 (closed by poll(), when the build ends)
        self.active = 0.0
        self.since: float | None = time.perf_counter()
        # Its own process group, so that pausing it pauses Pagefind too.
        self.proc = subprocess.Popen(
            cmd, cwd=project, env=env, stdout=self.out, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.result: dict[str, Any] | None = None

    def pause(self) -> None:
        self._signal(signal.SIGSTOP)
        if self.since is not None:
            self.active += time.perf_counter() - self.since
            self.since = None

    def resume(self) -> None:
        if self.since is None:
            self.since = time.perf_counter()
        self._signal(signal.SIGCONT)

    def _signal(self, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError):  # it has just ended: poll() collects it
            os.killpg(self.proc.pid, sig)

    def poll(self, block: bool = False) -> bool:
        """True once the build has ended (and its figures are in `result`)."""
        if self.result is not None:
            return True
        pid, status, usage = os.wait4(self.proc.pid, 0 if block else os.WNOHANG)
        if pid == 0:
            return False
        if self.since is not None:
            self.active += time.perf_counter() - self.since
            self.since = None
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        self.out.seek(0)
        output = self.out.read().decode("utf-8", "replace")
        self.out.close()
        if self.proc.returncode != 0:
            raise SystemExit(f"benchmark: strict build of {self.project} failed:\n{output[-4000:]}")
        # wait4() reports the child with its own waited-for children (the build under GNU time).
        cpu = usage.ru_utime + usage.ru_stime
        if TIME:
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", self.time_file.read_text())
            rss = int(m.group(1)) * KB if m else None
        else:
            rss = usage.ru_maxrss * KB  # Linux: kilobytes
        files = [p for p in self.site.rglob("*") if p.is_file()]
        self.result = {
            "seconds": self.active,
            "cpu_seconds": cpu,
            "max_rss": rss,
            "bytes": sum(p.stat().st_size for p in files),
            "files": len(files),
            "load_average": os.getloadavg()[0],
            "core": self.core,
            "site": str(self.site),
        }
        return True


def build(project: Path, site: Path, core: int | None = None) -> dict[str, Any]:
    """One build alone: wall seconds, CPU seconds, peak RSS, output size (see Build)."""
    b = Build(project, site, core)
    b.poll(block=True)
    assert b.result is not None
    return b.result


PIN = "import os, sys; os.sched_setaffinity(0, {int(sys.argv[1])}); os.execv(sys.argv[2], sys.argv[2:])"
SLICE = 0.5  # seconds a side of an alternating pair runs before the other's turn (see alternate())


def cores() -> list[int | None]:
    """The cores this process may use, each to host one pair; [None] (unpinned) without affinity."""
    return sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else [None]


Job = tuple[Path, Path]  # project, site folder


def alternate(lanes: tuple[list[Job], list[Job]], core: int | None, turn: float | None = None) -> list[list[dict]]:
    """Two lanes of builds on one core, taking turns every `turn` seconds (each lane's builds one
    after the other); the figures of each lane's builds, in order.

    Both sides of the pair meet the same core within half a second, whatever slows it (on a
    shared VM, most likely other machines on the host). Run side by side on two cores instead,
    they met different cores, and the noise of one core fell on one side only. Each turn costs each
    side a refill of its caches; with turns of 0.1 s the ratios drifted with the machine's load
    (measured at 1000 practices, four rounds: 2.87, 2.97, 3.03, 3.09), with 0.5 s they did not
    (3.00, 2.97, 3.06, 2.98), and the builds cost about what they cost alone. When one lane has no
    build left, the other runs alone to its end."""
    turn = SLICE if turn is None else turn
    queues = [list(lane) for lane in lanes]
    results: list[list[dict]] = [[], []]
    running: list[Build | None] = [None, None]

    def start(i: int) -> None:
        running[i] = None
        if queues[i]:
            running[i] = Build(*queues[i].pop(0), core)
            running[i].pause()  # it waits for its turn (having run a few milliseconds at most)

    try:
        start(0)
        start(1)
        side = 0
        while running[0] or running[1]:
            side = side if running[side] else 1 - side
            b = running[side]
            assert b is not None
            b.resume()
            deadline = time.perf_counter() + turn
            ended = False
            while not (ended := b.poll()) and (left := deadline - time.perf_counter()) > 0:
                time.sleep(min(0.005, left))
            if ended:
                assert b.result is not None
                results[side].append(b.result)
                start(side)
            else:
                b.pause()
            side = 1 - side
    except BaseException:
        for b in running:
            if b is not None and b.result is None:
                b.resume()
                b.proc.kill()
        raise
    return results


def run_pairs(pairs: list[tuple[list[Job], list[Job]]], hosts: list[int | None]) -> list[list[list[dict]]]:
    """Each pair alternating on a core of its own, the pairs at the same time (one after the other
    when there are fewer cores than pairs)."""
    results: list[list[list[dict]]] = [[] for _ in pairs]
    failures: list[BaseException] = []

    def host(k: int, core: int | None) -> None:
        try:
            for i in range(k, len(pairs), len(hosts)):
                results[i] = alternate(pairs[i], core)
        except BaseException as exc:  # SystemExit included: a thread would swallow it
            failures.append(exc)

    threads = [threading.Thread(target=host, args=(k, core)) for k, core in enumerate(hosts[: len(pairs)])]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise failures[0]
    return results


# ============================================================================ checks


def check_site(site: Path, n: int, langs: list[tuple[str, str]], real_ids: list[str]) -> dict[str, Any]:
    """Every synthetic practice is in the output of every language; the size of the search indexes
    (Material's lunr indexes <lang>/search/search_index.json and/or a Pagefind bundle pagefind/),
    and for lunr the index bytes per practice page, real against synthetic (are the synthetic
    pages realistic?)."""
    out: dict[str, Any] = {}
    for code, prefix in langs:
        if n and not (site / prefix / "practices" / f"bench-{n:04d}" / "index.html").exists():
            raise SystemExit(f"benchmark: {prefix}practices/bench-{n:04d}/ missing from {site}")
        index = site / prefix / "search" / "search_index.json"
        if not index.exists():
            continue
        raw = index.read_bytes()
        docs = json.loads(raw)["docs"]
        out[f"lunr_{code}"] = stats = {
            "index_bytes": len(raw),
            "index_gzip_bytes": len(gzip.compress(raw, 6)),
            "index_docs": len(docs),
            "bench_pages_indexed": sum(1 for d in docs if re.fullmatch(r"practices/bench-\d+/", d["location"])),
        }
        for kind, ids in (("real", set(real_ids)), ("synthetic", None)):
            entries = [
                d
                for d in docs
                if (page := re.match(r"practices/([a-z0-9-]+)/", d["location"]))
                and (page.group(1) in ids if ids is not None else page.group(1).startswith("bench-"))
            ]
            pages = len({d["location"].split("#")[0] for d in entries})
            if pages:
                blob = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode()
                stats[f"{kind}_practice_index_bytes_per_page"] = round(len(blob) / pages)
                stats[f"{kind}_practice_index_gzip_bytes_per_page"] = round(len(gzip.compress(blob, 6)) / pages)
    bundle = site / "pagefind"
    if (bundle / "pagefind-entry.json").exists():
        files = [p for p in bundle.rglob("*") if p.is_file()]
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        out["pagefind"] = {
            "bytes": sum(p.stat().st_size for p in files),
            "files": len(files),
            "page_count": {lang: v.get("page_count") for lang, v in entry.get("languages", {}).items()},
        }
    if not out:
        raise SystemExit(f"benchmark: no search index found in {site}")
    return out


def practice_ids(project: Path) -> list[str]:
    folder = project / load_config(project).default.folder / "practices"
    return [
        path.stem
        for path in sorted(folder.glob("*.md"))
        if re.search(r"^kind:\s*practice\s*$", path.read_text(encoding="utf-8"), re.M)
        and not path.stem.startswith("bench-")
    ]


# ============================================================================ reader weight


class Server(http.server.ThreadingHTTPServer):
    """Static files of one site, gzip for text when the client accepts it, GitHub-Pages-like 404
    (the site's 404.html). Records every response: phase, path, status, header and body bytes."""

    daemon_threads = True
    TEXT = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")

    def __init__(self, root: Path) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.root = root.resolve()
        self.phase = "idle"
        self.records: list[dict[str, Any]] = []
        self.cache: dict[tuple[Path, bool], bytes] = {}
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def body(self, path: Path, compress: bool) -> bytes:
        with self.lock:
            if (path, compress) not in self.cache:
                data = path.read_bytes()
                self.cache[(path, compress)] = gzip.compress(data, 6, mtime=0) if compress else data
            return self.cache[(path, compress)]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Server

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def flush_headers(self) -> None:
        self._header_bytes = sum(len(chunk) for chunk in getattr(self, "_headers_buffer", []))
        super().flush_headers()

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        phase = self.server.phase
        rel = self.path.split("?", 1)[0].split("#", 1)[0]
        target = (self.server.root / rel.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        status = 200
        if not target.is_file() or self.server.root not in target.parents:
            status, target = 404, self.server.root / "404.html"
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and ctype.startswith(Server.TEXT)
        body = self.server.body(target, compress)
        self.send_response(status)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.server.records.append(
            {"phase": phase, "path": rel, "status": status, "headers": self._header_bytes, "body": len(body)}
        )
        self.wfile.write(body)


def is_search_asset(url: str) -> bool:
    """Files that serve search only: Material's search worker, lunr files and index; Pagefind."""
    return any(part in url for part in ("/assets/javascripts/workers/search", "/lunr/", "/pagefind/")) or url.endswith(
        "search/search_index.json"
    )


class CdpRecorder:
    """Network.loadingFinished encodedDataLength of every request of the page and of its workers
    (the search worker's importScripts), attached through Target.setAutoAttach."""

    def __init__(self, context: Any, page: Any) -> None:
        self.phase = "page"
        self.requests: dict[tuple[str, str], dict[str, Any]] = {}
        self.cdp = context.new_cdp_session(page)
        self.cdp.on("Network.requestWillBeSent", lambda e: self._sent(e, "page"))
        self.cdp.on("Network.loadingFinished", lambda e: self._finished(e, "page"))
        self.cdp.on("Target.attachedToTarget", self._attached)
        self.cdp.on("Target.receivedMessageFromTarget", self._message)
        self.cdp.send("Network.enable")
        self.cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False})

    def _sent(self, e: dict, session: str) -> None:
        url = e["request"]["url"]
        if not url.startswith("data:"):
            self.requests.setdefault((session, e["requestId"]), {"phase": self.phase, "url": url, "bytes": 0})

    def _finished(self, e: dict, session: str) -> None:
        if (session, e["requestId"]) in self.requests:
            self.requests[(session, e["requestId"])]["bytes"] = e["encodedDataLength"]

    def _attached(self, e: dict) -> None:
        sid = e["sessionId"]
        for i, method in enumerate(("Network.enable", "Runtime.runIfWaitingForDebugger"), 1):
            self.cdp.send(
                "Target.sendMessageToTarget", {"sessionId": sid, "message": json.dumps({"id": i, "method": method})}
            )

    def _message(self, e: dict) -> None:
        msg = json.loads(e["message"])
        if msg.get("method") == "Network.requestWillBeSent":
            self._sent(msg["params"], e["sessionId"])
        elif msg.get("method") == "Network.loadingFinished":
            self._finished(msg["params"], e["sessionId"])


RESULT_ITEMS = ".md-search-result__item, [data-migsite-search-results] > li, .pagefind-ui__result"
RESULT_STATUS = ".md-search-result__meta, [data-migsite-search-status]"


def wait_quiet(page: Any, server: Server, quiet_ms: int = 1000, limit_s: float = 30) -> None:
    """Until the server has had no request for `quiet_ms` (result fragments, highlighting...)."""
    deadline = time.monotonic() + limit_s
    count, still = len(server.records), 0
    while still < quiet_ms and time.monotonic() < deadline:
        page.wait_for_timeout(250)  # also lets Playwright deliver the CDP events
        still = still + 250 if len(server.records) == count else 0
        count = len(server.records)


def search(page: Any, server: Server, query: str) -> tuple[str, float | None, str]:
    """Type a query into the page's search box the way a reader would; wait for the first result.

    Material's search (a dialog over the page, lunr in a worker) or a plain search form in the
    header that opens the language's search page (`form[role=search]` with an input named q)."""
    material = page.locator("[data-md-component=search-query]")
    form = page.locator("header form[role=search] input[name=q], form[role=search] input[name=q]").first
    if material.count() and material.first.is_visible():
        kind, box = "Material (lunr)", material.first
    elif form.count() and form.is_visible():
        kind, box = "search form", form
    else:
        return "no search box", None, ""
    t0 = time.perf_counter()
    box.click()
    box.press_sequentially(query, delay=80)
    if kind == "search form":
        box.press("Enter")
    try:
        page.wait_for_selector(RESULT_ITEMS, timeout=180_000)
        seconds = time.perf_counter() - t0
        status = page.locator(RESULT_STATUS).first
        meta = status.inner_text().strip() if status.count() else ""
    except Exception:  # no result within the time limit: recorded as such
        seconds, meta = None, "no results"
    wait_quiet(page, server)
    return kind, seconds, meta


def reader_weight(browser: Any, server: Server, lang: str, prefix: str, path: str) -> dict[str, Any]:
    """A first visit (fresh context: empty cache) to a page, then a first search from it."""
    context = browser.new_context()
    page = context.new_page()
    rec = CdpRecorder(context, page)
    start_record = len(server.records)
    server.phase = rec.phase = "page"
    page.goto(f"{server.base}{prefix}{path}", wait_until="load")
    page.wait_for_load_state("networkidle")
    wait_quiet(page, server)
    server.phase = rec.phase = "search"
    query = QUERIES.get(lang, "migra")
    engine, seconds, meta = search(page, server, query)
    server.phase = "idle"
    context.close()

    records = server.records[start_record:]
    local = [r for r in rec.requests.values() if r["url"].startswith(server.base)]
    off_host = sorted({r["url"] for r in rec.requests.values() if not r["url"].startswith(server.base)})
    search_files = sorted({r["path"] for r in records if is_search_asset(r["path"])})
    lunr_indexes = [f for f in search_files if f.endswith("search_index.json")]
    pagefind_meta = [f for f in search_files if f.endswith(".pf_meta")]
    if lunr_indexes:
        right_language = lunr_indexes == [f"/{prefix}search/search_index.json"]
    elif pagefind_meta:
        right_language = all(Path(f).name.startswith(f"pagefind.{lang}_") for f in pagefind_meta)
    else:
        right_language = None

    def wire(phase: str | None = None, search: bool | None = None) -> int:
        return sum(
            r["headers"] + r["body"]
            for r in records
            if (phase is None or r["phase"] == phase) and (search is None or is_search_asset(r["path"]) == search)
        )

    def cdp(phase: str | None = None, search: bool | None = None) -> int:
        return sum(
            r["bytes"]
            for r in local
            if (phase is None or r["phase"] == phase) and (search is None or is_search_asset(r["url"]) == search)
        )

    # Off-host requests cannot be answered here; on the published site they would get the 404 page.
    probe = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    probe.request("GET", "/bench-probe/sitemap.xml", headers={"Accept-Encoding": "gzip"})
    probe.getresponse().read()
    probe.close()
    not_found = next(r for r in reversed(server.records) if r["path"] == "/bench-probe/sitemap.xml")
    server.records.remove(not_found)
    return {
        "lang": lang,
        "url": f"/{prefix}{path}",
        "search_engine": engine,
        "query": query,
        "results": meta,
        "seconds_to_results": seconds,
        # everything from navigation to network idle, search files fetched with the page included
        "page_view_bytes": wire("page"),
        "page_view_cdp_bytes": cdp("page"),
        "page_view_without_search_bytes": wire("page", search=False),
        "page_requests": sum(1 for r in records if r["phase"] == "page"),
        # the first search: what is requested from the first keystroke on, plus the search files
        # that came with the page view before it (Material fetches its index right after load)
        "first_search_bytes": wire("search") + wire("page", search=True),
        "first_search_cdp_bytes": cdp("search") + cdp("page", search=True),
        "after_typing_bytes": wire("search"),
        "after_typing_cdp_bytes": cdp("search"),
        "search_files": search_files,
        "search_language_ok": right_language,
        "off_host_requests": off_host,
        "off_host_404_estimate_bytes": len(off_host) * (not_found["headers"] + not_found["body"]),
        "responses": records,
    }


def measure_readers(sites: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if not chromium:
        raise SystemExit("benchmark: Debian's chromium is needed for the reader-weight figures (or use --no-browser)")
    results = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for site in sites:
                server = Server(site["dir"])
                threading.Thread(target=server.serve_forever, daemon=True).start()
                try:
                    # A practice page in every language (judged), then the practice table (for information).
                    pages = [
                        (code, prefix, f"practices/{site['practice']}/", "practice") for code, prefix in site["langs"]
                    ]
                    pages.append((*site["langs"][0], "practices/", "practice table"))
                    for code, prefix, path, kind in pages:
                        log(f"reader weight: {site['label']}, /{prefix}{path}")
                        row = reader_weight(browser, server, code, prefix, path)
                        results.append({"site": site["label"], "practices": site["n"], "page": kind, **row})
                finally:
                    server.shutdown()
                    server.server_close()
        finally:
            browser.close()
    return results


# ============================================================================ report


def median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def paired_groups(pairs: list[tuple[dict[str, Any], list[dict[str, Any]]]], key: str = "cpu_seconds") -> dict:
    """Ratios of each build to the median of the builds it is paired with (see alternate()): median,
    min and max; and, for information, the ratio of the fastest builds of each side (interference
    only ever adds time)."""
    ratios = [x[key] / statistics.median(y[key] for y in ys) for x, ys in pairs]
    best = min(x[key] for x, _ in pairs) / min(y[key] for _, ys in pairs for y in ys)
    return {"median": statistics.median(ratios), "min": min(ratios), "max": max(ratios), "best": best}


def summarize(builds: dict[int, dict[str, list[dict]]], pairs: dict[int, dict[str, list]]) -> dict[str, Any]:
    """Per size and variant: medians of wall and CPU seconds; ratios of the builds of each pair.

    The ratios compare CPU seconds (user+sys) of a full build and the build(s) that took turns with
    it on one core (see alternate()): CPU time does not count the time the other side or other
    processes held the core, and taking turns makes both sides share whatever slows the core. The
    median over the rounds is judged; ratios of the wall-clock time each side had the core are
    given alongside."""
    rows, ratios = [], {}
    for n, variants in sorted(builds.items()):
        for v, runs in variants.items():
            rows.append(
                {
                    "practices": n,
                    "variant": v,
                    "builds": len(runs),
                    "seconds": median(runs, "seconds"),
                    "seconds_min": min(r["seconds"] for r in runs),
                    "seconds_max": max(r["seconds"] for r in runs),
                    "cpu_seconds": median(runs, "cpu_seconds"),
                    "cpu_seconds_min": min(r["cpu_seconds"] for r in runs),
                    "cpu_seconds_max": max(r["cpu_seconds"] for r in runs),
                    "max_rss": max(r["max_rss"] or 0 for r in runs),
                    "bytes": runs[-1]["bytes"],
                    "files": runs[-1]["files"],
                }
            )
        ratios[n] = {
            name: {"cpu": paired_groups(groups), "wall": paired_groups(groups, "seconds")}
            for name, groups in pairs.get(n, {}).items()
        }
    linear = None
    if 500 in builds and 1000 in builds:  # the full builds of both sizes, in the order they ran
        by_order = [(x, [y]) for x, y in zip(builds[1000]["full"], builds[500]["full"], strict=True)]
        linear = {"cpu": paired_groups(by_order), "wall": paired_groups(by_order, "seconds")}
    return {"rows": rows, "ratios": ratios, "linearity_1000_over_500": linear}


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def kb(n: float) -> str:
    return f"{n / KB:.1f}"


def report(summary: dict[str, Any], readers: list[dict[str, Any]], sizes: list[int]) -> dict[str, str]:
    print("\nBuilds (`mkdocs build --strict`): medians over every build of the variant, (min-max)")
    print(
        f"{'N':>6} {'variant':<15} {'wall s':>7} {'(min-max)':>13} {'CPU s':>7} {'(min-max)':>13} "
        f"{'peak RSS MB':>11} {'output MB':>10} {'files':>7}"
    )
    for r in summary["rows"]:
        wall = f"{r['seconds_min']:.2f}-{r['seconds_max']:.2f}"
        cpu = f"{r['cpu_seconds_min']:.2f}-{r['cpu_seconds_max']:.2f}"
        print(
            f"{r['practices'] or 'real':>6} {r['variant']:<15} {r['seconds']:>7.2f} {wall:>13} "
            f"{r['cpu_seconds']:>7.2f} {cpu:>13} {r['max_rss'] / KB / KB:>11.0f} "
            f"{r['bytes'] / KB / KB:>10.1f} {r['files']:>7}"
        )

    def fmt(x: dict[str, dict[str, float]]) -> str:
        c, wall = x["cpu"], x["wall"]["median"]
        return f"{c['median']:.3f} ({c['min']:.3f}-{c['max']:.3f}; wall {wall:.3f}; best {c['best']:.3f})"

    verdicts: dict[str, str] = {}
    ratios = summary["ratios"]
    print(
        "\nRatios of CPU seconds, each full build to the build(s) that took turns with it on one core: median"
        " (min-max over rounds; median of wall ratios; ratio of the fastest builds)"
    )
    for n in sizes:
        print(
            f"  N={n:<5} with generators / generators off: {fmt(ratios[n]['generators'])}   "
            f"three languages / English only: {fmt(ratios[n]['languages'])}"
        )
    lin = summary["linearity_1000_over_500"]
    if lin:
        print(f"  full build, 1000 / 500 practices: {fmt(lin)}")
    for name in ("generators", "languages"):
        verdicts[name] = verdict(all(ratios[n][name]["cpu"]["median"] <= TARGETS[name] for n in sizes))
    verdicts["linearity"] = verdict(None if lin is None else lin["cpu"]["median"] <= TARGETS["linearity"])
    largest = 0
    if readers:
        print("\nReader weight: compressed bytes on the wire (gzip), KB = 1024 bytes; first visit with an empty cache")
        print(
            f"{'site':<16} {'page':<32} {'page view':>9} {'(CDP)':>7} {'w/o search':>10} {'first search':>12} "
            f"{'(CDP)':>7} {'after typing':>12} {'results in':>10}  search"
        )
        for r in readers:
            secs = r["seconds_to_results"]
            files = r["search_files"]
            index = next((f for f in files if f.endswith(("search_index.json", ".pf_meta"))), "")
            note = {True: "", False: "  WRONG LANGUAGE", None: ""}[r["search_language_ok"]]
            print(
                f"{r['site']:<16} {r['url']:<32} {kb(r['page_view_bytes']):>9} {kb(r['page_view_cdp_bytes']):>7} "
                f"{kb(r['page_view_without_search_bytes']):>10} {kb(r['first_search_bytes']):>12} "
                f"{kb(r['first_search_cdp_bytes']):>7} {kb(r['after_typing_bytes']):>12} "
                f"{(f'{secs:.1f} s' if secs is not None else 'none'):>10}  "
                f"{r['search_engine']}: {len(files)} files, {index}{note}"
            )
        off = sorted({u for r in readers for u in r["off_host_requests"]})
        if off:
            most = max(readers, key=lambda r: r["off_host_404_estimate_bytes"])
            print(
                f"  off-host requests (blocked here): up to {len(most['off_host_requests'])} per page view, "
                f"e.g. {off[0]}; on the published site each would get the 404 page: "
                f"est. +{kb(most['off_host_404_estimate_bytes'])} KB per page view, not counted above"
            )
        largest = max(r["practices"] for r in readers)
        verdicts["page_view"] = verdict(
            all(r["page_view_bytes"] <= TARGETS["page_kb"] * KB for r in readers if r["page"] == "practice")
        )
        verdicts["first_search"] = verdict(
            all(
                r["first_search_bytes"] <= TARGETS["search_kb"] * KB and r["seconds_to_results"] is not None
                for r in readers
                if r["practices"] == largest
            )
        )
    print("\nTargets (build ratios: median of the paired CPU ratios)")
    print(f"  with generators / generators off <= {TARGETS['generators']} at every N: {verdicts['generators']}")
    print(f"  three languages / English only <= {TARGETS['languages']} at every N: {verdicts['languages']}")
    lin_text = f"{lin['cpu']['median']:.3f}" if lin else "needs sizes 500 and 1000"
    print(f"  time(1000) / time(500) <= {TARGETS['linearity']} ({lin_text}): {verdicts['linearity']}")
    if readers:
        print(
            f"  first view of a practice page <= {TARGETS['page_kb']} KB, every site and language: "
            f"{verdicts['page_view']}"
        )
        print(
            f"  first search <= {TARGETS['search_kb']} KB at {largest} practices, every language "
            f"(search files fetched with the page + everything after the first keystroke): {verdicts['first_search']}"
        )
    return verdicts


# ============================================================================ main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,500,1000", help="comma-separated numbers of synthetic practices")
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="rounds; each builds the real site, then per size a full build taking turns with a generators-off "
        "build and a full build taking turns with three English-only builds (the median of the rounds' ratios "
        "is judged)",
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", type=Path, help="write every figure to this JSON file")
    parser.add_argument("--no-browser", action="store_true", help="skip the reader-weight measurements")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary folder)")
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if not sizes or sizes[0] < 1:
        parser.error("--sizes: positive numbers, e.g. 100,500,1000")
    started = time.perf_counter()
    if args.keep and args.keep.exists() and any(args.keep.iterdir()):
        parser.error(f"--keep: {args.keep} is not empty")
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="migsite-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    # Every build keeps its own output until the end (see Build): per round, about 0.45 MB per
    # practice (two full builds, one without generators, three English-only) plus the real site;
    # and the project copies.
    need = args.repeat * (sum(sizes) * 0.45 + 15) * MB + sum(sizes) * 0.05 * MB
    free = shutil.disk_usage(work).free
    if free < need * 1.2:
        parser.error(f"about {need / MB:.0f} MB of disk needed in {work}, {free / MB:.0f} MB free")
    rss_method = "GNU time -v (maximum resident set size)" if TIME else "os.wait4() rusage of the build process"
    log(f"working in {work}; peak memory via {rss_method}")
    config = load_config(ROOT)
    langs = [(lang.code, "" if lang.default else f"{lang.code}/") for lang in config.languages]
    checks: dict[int, Any] = {}
    try:
        # Every project first, then rounds: in each round every size and variant is built once,
        # so that a busy spell on a shared machine weighs on all of them alike (the ratios pair
        # the builds of one round).
        real = copy_project(work / "real" / "full")
        real_ids = practice_ids(real)
        projects: dict[int, dict[str, Path]] = {0: {"full": real}}
        for n in sizes:
            projects[n] = make_variants(work / f"n{n}", n, args.seed)
            log(f"N={n}: {n} practices x {len(langs)} languages written, {len(VARIANTS)} variants")
        builds: dict[int, dict[str, list[dict[str, Any]]]] = {
            n: {v: [] for v in (VARIANTS if n else ("full",))} for n in projects
        }
        pairs: dict[int, dict[str, list]] = {n: {"generators": [], "languages": []} for n in sizes}
        hosts = cores()
        if len(hosts) >= 2:
            hosts = hosts[:2]
            log(f"each pair alternating on one core (turns of {SLICE} s), the two pairs at once on cores {hosts}")
        else:
            where = "any core" if hosts[0] is None else f"core {hosts[0]}"
            log(f"each pair alternating on {where}, the pairs one after the other")

        count: dict[tuple[int, str], int] = {}

        def site(n: int, v: str) -> Path:  # a new folder for every build (see Build)
            count[n, v] = count.get((n, v), 0) + 1
            return projects[n][v].parent / f"site-{v}-{count[n, v]}"

        def note(r: int, n: int, v: str, run: dict[str, Any]) -> dict[str, Any]:
            builds[n][v].append({**run, "round": r + 1})
            log(
                f"round {r + 1}/{args.repeat} N={n} {v} (core {run['core']}): {run['seconds']:.2f} s wall, "
                f"{run['cpu_seconds']:.2f} s CPU, {(run['max_rss'] or 0) / KB / KB:.0f} MB"
            )
            return run

        for r in range(args.repeat):
            # The pairs swap cores from one round to the next, in case one core is the slower.
            order = hosts if r % 2 == 0 else hosts[::-1]
            note(r, 0, "full", build(real, site(0, "full"), order[0]))
            for n in sizes:
                v = projects[n]
                # full and generators-off taking turns on one core; full and english-only (built
                # once per language, so that the two lanes take about as long) on the other.
                english = [site(n, "english-only") for _ in langs]
                (full_g, (off,)), (full_l, ens) = run_pairs(
                    [
                        ([(v["full"], site(n, "full"))], [(v["generators-off"], site(n, "generators-off"))]),
                        ([(v["full-twin"], site(n, "full"))], [(v["english-only"], path) for path in english]),
                    ],
                    order,
                )
                pairs[n]["generators"].append((note(r, n, "full", full_g[0]), [note(r, n, "generators-off", off)]))
                pairs[n]["languages"].append(
                    (note(r, n, "full", full_l[0]), [note(r, n, "english-only", run) for run in ens])
                )
        for n in projects:
            checks[n] = check_site(Path(builds[n]["full"][-1]["site"]), n, langs, real_ids)
        # Chromium on the real site and on the largest synthetic one.
        browser_sites = [
            {
                "label": "real site",
                "n": 0,
                "dir": Path(builds[0]["full"][-1]["site"]),
                "langs": langs,
                "practice": real_ids[0],
            },
            {
                "label": f"{sizes[-1]} practices",
                "n": sizes[-1],
                "dir": Path(builds[sizes[-1]]["full"][-1]["site"]),
                "langs": langs,
                "practice": f"bench-{max(1, sizes[-1] // 2):04d}",
            },
        ]
        readers = [] if args.no_browser else measure_readers(browser_sites)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    summary = summarize(builds, pairs)
    print(
        f"\nReal site (no synthetic practices): full build {median(builds[0]['full'], 'seconds'):.2f} s wall, "
        f"{median(builds[0]['full'], 'cpu_seconds'):.2f} s CPU (medians)"
    )
    verdicts = report(summary, readers, sizes)
    elapsed = time.perf_counter() - started
    loads = [r["load_average"] for v in builds.values() for runs in v.values() for r in runs]
    if max(loads) > (os.cpu_count() or 1):
        print(
            f"WARNING: the machine was busy (load average up to {max(loads):.1f} on {os.cpu_count()} cores): "
            "wall-clock figures are inflated; the ratios pair the CPU seconds of the builds of one round."
        )
    print(
        f"\nBenchmark ran for {elapsed / 60:.1f} min on {os.cpu_count()} cores; load average after builds "
        f"{min(loads):.1f}-{max(loads):.1f}; peak memory via {rss_method}."
    )
    if args.json:
        data = {
            "date": datetime.datetime.now().isoformat(timespec="seconds"),
            "machine": {"cores": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
            "sizes": sizes,
            "repeat": args.repeat,
            "seed": args.seed,
            "peak_memory_method": rss_method,
            "targets": TARGETS,
            "verdicts": verdicts,
            "real_site_build": builds[0]["full"],
            "builds": {str(k): v for k, v in builds.items() if k},
            "summary": {**summary, "ratios": {str(k): v for k, v in summary["ratios"].items()}},
            "search_indexes": {str(k): v for k, v in checks.items()},
            "readers": readers,
            "benchmark_seconds": elapsed,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

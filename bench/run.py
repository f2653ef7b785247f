"""Benchmark: build synthetic corpora of 5, 50 and 500 documents and measure every stage.

Usage: .venv/bin/python bench/run.py [SIZES…]      (default 5 50 500; results go to stdout as a Markdown table)

The corpora are made from the five texts in raw/: copies with other years (the presiding country follows
the rotation), other titles and slugs, so that every page differs. Each corpus gets a project folder as in the
repository (mkdocs.yml beside raw/, vocabulary/, templates/). Measured per size: the generator's cold build
(`benelux-site build`), then `mkdocs build` (its hook finds the pages current and builds the search index),
the search-index step alone on the built site, peak memory of each, number of pages, size of the search index,
the generator's share of the whole build (alone and with the search-index step), and in headless Chromium the
time from the last keystroke of a query to its announced results on the search page (median and slowest of the
queries below).
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from helpers import build_site, project  # noqa: E402

from generator.core.layout import RECORDS  # noqa: E402
from generator.core.presidency import FIRST_YEAR, presiding_country  # noqa: E402

QUERIES = ["energie", "Noordrijn-Westfalen", "fietsen", "politieverdrag", "financiele steun", "overstromingen"]
PEAK = "import resource,subprocess,sys; r=subprocess.run(sys.argv[1:]); " \
       "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)"


def corpus(size: int, raw: Path) -> None:
    seeds = sorted((ROOT / "raw").glob("*.txt"))
    years = list(range(2026, FIRST_YEAR - 1, -1))
    for i in range(size):
        seed = seeds[i % len(seeds)]
        front, body = seed.read_text(encoding="utf-8").split("\n---\n", 1)
        year = years[(i // len(seeds)) % len(years)] if size > len(seeds) else int(re.search(r"year: (\d+)", front)[1])
        front = re.sub(r"year: \d+", f"year: {year}", front)
        front = re.sub(r"country: \w+", f"country: {presiding_country(year)}", front)
        number = i + 1
        front = re.sub(r"title: (.*)", lambda m, n=number: f"title: \"{m[1].strip(chr(34))} (nr. {n})\"", front, count=1)
        (raw / f"{year}-{i + 1:04d}-{seed.stem.split('-', 2)[-1]}.txt").write_text(f"{front}\n---\n{body}", encoding="utf-8")


@contextlib.contextmanager
def built_corpus(size: int) -> Iterator[Path]:
    """A project of `size` documents made by `corpus`, built as `make site` builds it; yields its folder."""
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        corpus(size, raw)
        yield build_site(Path(tmp) / "project", raw)


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int]:
    """Wall time in seconds and peak resident memory in MiB of a command."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", PEAK, *command], cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    peak_kib = int(result.stderr.strip().splitlines()[-1])
    return time.perf_counter() - start, peak_kib // 1024


def search_latency(site: Path) -> tuple[float, float]:
    """Median and slowest milliseconds from the last keystroke of a query to its announced results."""
    from browser import browser
    from helpers import serve
    times = []
    status = "document.getElementById('zoek-status').textContent"
    with serve(site) as base, browser() as chromium:
        page = chromium.new_page()  # type: ignore[attr-defined]
        page.goto(base + "/zoeken/")
        for query in QUERIES:
            page.fill("#zoek-term", "")
            page.type("#zoek-term", query[:-1], delay=120)  # a person typing
            page.wait_for_function(f"q => {status}.includes('“' + q + '”')", arg=query[:-1], timeout=300_000)
            started = time.perf_counter()
            page.keyboard.type(query[-1])
            page.wait_for_function(f"q => {status}.includes('“' + q + '”')", arg=query, timeout=300_000)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def measure(size: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "project"
        (Path(tmp) / "raw").mkdir()
        corpus(size, Path(tmp) / "raw")
        project(work, Path(tmp) / "raw")  # mkdocs.yml, templates/, vocabulary/ … beside raw/, as in the repository
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
        env.pop("SITE_URL", None)
        # The generator alone (cold), then MkDocs, whose hook finds the pages current (the same inputs) and builds
        # the search index after its build; the search-index step is also timed alone, on the built site.
        gen_time, gen_mem = timed([sys.executable, "-m", "generator", "build", "--out", str(work / "site_src")],
                                  work, env)
        docs_time, docs_mem = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], work, env)
        index_time, _ = timed([sys.executable, "-m", "generator", "search-index", "--out", str(work / "site_src"),
                               "--site", str(work / "site")], ROOT, env)
        site = work / "site"
        index = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
        median, slowest = search_latency(site)
        total = gen_time + docs_time
        return {"documents": size, "generator s": round(gen_time, 2), "generator MiB": gen_mem,
                "mkdocs s": round(docs_time, 1), "mkdocs MiB": docs_mem, "search-index s": round(index_time, 2),
                "pages": sum(1 for _ in site.rglob("index.html")),
                "search index MB": round(sum(p.stat().st_size for p in index) / 1e6, 2),
                "index records": len(json.loads((work / "site_src" / RECORDS).read_text(encoding="utf-8"))),
                "generator share": f"{gen_time / total:.1%}",
                "with search-index": f"{(gen_time + index_time) / total:.1%}",  # the hook's share of mkdocs
                "query ms (median / slowest)": f"{median:.0f} / {slowest:.0f}"}


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [5, 50, 500]
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    rows = []
    for size in sizes:
        rows.append(measure(size))
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    keys = list(rows[0])
    print("\n| " + " | ".join(keys) + " |\n|" + "---|" * len(keys))
    for row in rows:
        print("| " + " | ".join(str(row[k]) for k in keys) + " |")


if __name__ == "__main__":
    main()

"""Benchmark: build synthetic corpora of 5, 50 and 500 documents and measure every stage.

Usage: .venv/bin/python bench/run.py [SIZES…]      (default 5 50 500; results go to stdout as a Markdown table)

The corpora are made from the five texts in raw/: copies with other years (the presiding country follows
the rotation), other titles and slugs, so that every page differs. Each corpus gets a project folder as in the
repository (mkdocs.yml beside raw/, vocabulary/, templates/). Measured per size: the generator's cold build
(`benelux-site build`), then `mkdocs build` (its hook finds the pages current and adds the Dutch search terms),
the search-terms step alone on the built site, peak memory of each, number of pages, size of the search index,
the generator's share of the whole build (alone and with the search-terms step), and in headless Chromium the
time from typing a query to the rendered results (median and slowest of the queries below).
"""

from __future__ import annotations

import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from helpers import project  # noqa: E402

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


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int]:
    """Wall time in seconds and peak resident memory in MiB of a command."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", PEAK, *command], cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    peak_kib = int(result.stderr.strip().splitlines()[-1])
    return time.perf_counter() - start, peak_kib // 1024


def search_latency(site: Path) -> tuple[float, float]:
    """Median and slowest milliseconds from the last keystroke of a query to its final rendered results."""
    from browser import browser
    from helpers import serve
    times = []
    with serve(site) as base, browser() as chromium:
        page = chromium.new_page()  # type: ignore[attr-defined]
        page.goto(base + "/")
        page.click("input.md-search__input")
        page.wait_for_function("() => /Typ om/.test(document.querySelector('.md-search-result__meta').textContent)",
                               timeout=300_000)  # the index is built in the browser first
        page.evaluate("""() => { window.lastChange = 0;
            new MutationObserver(() => { window.lastChange = performance.now(); })
              .observe(document.querySelector('.md-search-result'), {childList: true, subtree: true, characterData: true}); }""")
        for query in QUERIES:
            page.fill("input.md-search__input", "")
            page.keyboard.press("Backspace")
            page.wait_for_function("() => /Typ om/.test(document.querySelector('.md-search-result__meta').textContent)")
            page.type("input.md-search__input", query[:-1], delay=120)  # a person typing
            _settle(page)
            started = page.evaluate("performance.now()")
            page.keyboard.type(query[-1])
            settled = _settle(page)
            times.append(max(0.0, settled - started))
    return statistics.median(times), max(times)


def _settle(page: object) -> float:
    """Wait until the result list has not changed for a second; return the time of its last change."""
    settled = -1.0
    while True:
        page.wait_for_timeout(250)  # type: ignore[attr-defined]
        last = page.evaluate("window.lastChange")  # type: ignore[attr-defined]
        if last == settled and page.evaluate("performance.now()") - last > 1000:  # type: ignore[attr-defined]
            return last
        settled = last


def measure(size: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "project"
        (Path(tmp) / "raw").mkdir()
        corpus(size, Path(tmp) / "raw")
        project(work, Path(tmp) / "raw")  # mkdocs.yml, templates/, vocabulary/ … beside raw/, as in the repository
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
        env.pop("SITE_URL", None)
        # The generator alone (cold), then MkDocs, whose hook finds the pages current (the same inputs) and adds
        # the search terms after its build; the search-index step is also timed alone, on the built site.
        gen_time, gen_mem = timed([sys.executable, "-m", "generator", "build", "--out", str(work / "site_src")],
                                  work, env)
        docs_time, docs_mem = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], work, env)
        index_time, _ = timed([sys.executable, "-m", "generator", "search-index", "--site", str(work / "site")], ROOT, env)
        site = work / "site"
        index = site / "search" / "search_index.json"
        median, slowest = search_latency(site)
        total = gen_time + docs_time
        return {"documents": size, "generator s": round(gen_time, 2), "generator MiB": gen_mem,
                "mkdocs s": round(docs_time, 1), "mkdocs MiB": docs_mem, "search-index s": round(index_time, 2),
                "pages": sum(1 for _ in site.rglob("index.html")),
                "search index MB": round(index.stat().st_size / 1e6, 2),
                "index entries": len(json.loads(index.read_text(encoding="utf-8"))["docs"]),
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

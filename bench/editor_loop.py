"""Benchmark: the editor's loop (cold build, nothing changed, one added document) for this code and a baseline.

Usage: .venv/bin/python bench/editor_loop.py [--runs N] [--baseline REF] [--site-sizes N…] [--generator-sizes N…]
(defaults: 3 runs, baseline the commit where this branch left main, `make site` at 5 and 50 documents, the generator alone at 5, 50 and 500)

The corpora are bench/run.py's. The baseline is `git archive REF` of this repository, run with this checkout's
virtual environment (same installed versions, so REF must need no other packages). Each code gets projects of its own (mkdocs.yml, Makefile,
templates/, overrides/, hooks/ of that code beside raw/ and vocabulary/), and the two codes take turns run by run,
so that a machine growing slower or faster moves both alike. Per run and size, on a fresh project each:
- `make site`: cold (nothing generated, nothing built; the raw files' anchor registers there, as in a clone), again with nothing changed, then after one new document
  in raw/ (the site is rebuilt as `make site` does it: site-current, `mkdocs build --strict`, site-record);
- the generator alone (`python -m generator build`): cold, nothing changed, one new document.
Printed: the median wall seconds and CPU seconds of each figure for both codes, and the ratio this / baseline of
the medians. On a shared machine the CPU seconds move less with the load than the wall seconds.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from run import corpus  # noqa: E402

from generator.core.layout import ANALYSIS, GENERATED, STATE  # noqa: E402

VENV = ROOT / ".venv"
LINKED = ("mkdocs.yml", "Makefile", "templates", "overrides", "hooks", "requirements.lock", "pyproject.toml")
"""What a project takes from the code it is built with, besides the generator (on PYTHONPATH)."""
GENERATE = [str(VENV / "bin" / "python"), "-m", "generator", "build"]
STEPS = ("cold", "nothing changed", "one added document")


def make_project(code: Path, folder: Path, raws: list[Path], size: int) -> Path:
    """A project of the first `size` raw files, with their anchor registers as a clone of the repository has
    them, built with `code`; the others wait in `folder/pending` (new documents have no register yet)."""
    (folder / "raw" / "anchors").mkdir(parents=True)
    (folder / "pending").mkdir()
    for i, raw in enumerate(raws):
        shutil.copy(raw, folder / ("raw" if i < size else "pending") / raw.name)
        register = raw.parent / "anchors" / f"{raw.stem}.tsv"
        if i < size and register.is_file():
            shutil.copy(register, folder / "raw" / "anchors" / register.name)
    for name in LINKED:
        (folder / name).symlink_to(code / name)
    (folder / "vocabulary").symlink_to(ROOT / "vocabulary")
    shutil.copytree(code / "site_src", folder / "site_src", ignore=shutil.ignore_patterns(*GENERATED, STATE, ANALYSIS))
    return folder


def registers(raws: Path) -> None:
    """The anchor register of every raw file in `raws`, as a first build writes them (in raws/anchors/)."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([*GENERATE, "--raw", str(raws), "--out", out], cwd=ROOT, check=True, capture_output=True)


def add_one(project: Path) -> None:
    pending = sorted((project / "pending").iterdir())
    shutil.move(pending[0], project / "raw" / pending[0].name)


def timed(command: list[str], project: Path, code: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user and system, of the command and every process it waited for)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(code)}
    env.pop("SITE_URL", None)
    before = _children_cpu()
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start, _children_cpu() - before
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} in {project} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return seconds


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def make_site() -> list[str]:
    # The environment's .installed is taken as made: the projects link the lock and pyproject of other codes.
    return ["make", "--no-print-directory", "-o", f"{VENV}/bin/.installed", f"VENV={VENV}", "site"]




def loop(command: list[str], project: Path, code: Path) -> list[tuple[float, float]]:
    """Cold, nothing changed, one added document: the seconds of each."""
    cold = timed(command, project, code)
    again = timed(command, project, code)
    add_one(project)
    return [cold, again, timed(command, project, code)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", default="", help="a commit (default: where this branch left main)")
    parser.add_argument("--site-sizes", type=int, nargs="*", default=[5, 50])
    parser.add_argument("--generator-sizes", type=int, nargs="*", default=[5, 50, 500])
    args = parser.parse_args()
    args.baseline = args.baseline or subprocess.run(["git", "-C", str(ROOT), "merge-base", "HEAD", "main"],
                                                    capture_output=True, text=True, check=True).stdout.strip()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"baseline {args.baseline} ({_commit(args.baseline)}), this code {_commit('HEAD')}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "baseline"
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
        codes = {"this": ROOT, "baseline": base}
        rows = []
        jobs = [("make site", size, make_site()) for size in args.site_sizes] + \
               [("generator", size, GENERATE) for size in args.generator_sizes]
        for what, size, command in jobs:
            raws_dir = Path(tmp) / f"raws-{size}"
            raws_dir.mkdir(exist_ok=True)
            if not any(raws_dir.iterdir()):
                corpus(size + args.runs, raws_dir)
                registers(raws_dir)
            raws = sorted(raws_dir.glob("*.txt"), key=lambda p: p.name.split("-")[1])  # in the order corpus made them
            seconds: dict[str, list[list[tuple[float, float]]]] = {name: [] for name in codes}
            for run in range(args.runs):
                for name, code in codes.items():
                    project = make_project(code, Path(tmp) / f"{what}-{size}-{name}-{run}".replace(" ", "-"),
                                           raws, size)
                    seconds[name].append(loop(command, project, code))
                    shutil.rmtree(project)
                    print(f"{what} {size} {name} run {run + 1}: "
                          + ", ".join(f"{wall:.2f} ({cpu:.2f} cpu)" for wall, cpu in seconds[name][-1]),
                          file=sys.stderr, flush=True)
            for i, step in enumerate(STEPS):
                figures = [statistics.median(r[i][k] for r in seconds[name]) for k in (0, 1)
                           for name in ("this", "baseline")]
                rows.append((what, size, step, *figures))
    print("\n| what | documents | step | wall s: this code | baseline | ratio | CPU s: this code | baseline | ratio |"
          "\n|---|---|---|---|---|---|---|---|---|")
    for what, size, step, wall, wall_base, cpu, cpu_base in rows:
        print(f"| {what} | {size} | {step} | {wall:.2f} | {wall_base:.2f} | {wall / wall_base:.2f} "
              f"| {cpu:.2f} | {cpu_base:.2f} | {cpu / cpu_base:.2f} |")


def _commit(ref: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", ref], capture_output=True, text=True,
                          check=True).stdout.strip()


if __name__ == "__main__":
    main()

"""An editor's builds, one after another in one project (analysis cache kept in site_src/), give the same
site_src/, site/ and anchor registers as a full build of the same input in a fresh project.

On the five texts of raw/ these steps change no old document's line-end hyphen (the test passes with the cache's
hyphen check switched off); that case is held on a fixture made for it, in test_cache.py."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from helpers import ROOT, build_site

from generator.core.layout import ANALYSIS, STATE


def files(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes; the build's own records (state, analysis cache) aside."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != STATE and ANALYSIS not in p.relative_to(folder).parts}


def entries(project: Path) -> dict[str, int]:
    """The analysis cache's entries and when each was written."""
    return {p.name: p.stat().st_mtime_ns for p in (project / "site_src" / ANALYSIS).iterdir()}


def add(raw: Path) -> None:
    """A new document: the newest one copied under the next year, as the README tells an editor to add one."""
    newest = sorted(raw.glob("*.txt"))[-1]
    text = newest.read_text(encoding="utf-8")
    year = int(newest.name[:4]) + 1
    lines = [f"year: {year}" if line.startswith("year:") else f"title: Kopie, voorzitterschap {year}"
             if line.startswith("title:") else line for line in text.split("\n")
             if not line.startswith(("country:", "date:", "slug:"))]
    (raw / f"{year}-kopie-incrementeel.txt").write_text("\n".join(lines), encoding="utf-8")


def edit(raw: Path) -> None:
    """A sentence added to the body of the oldest document, under its first paragraph."""
    oldest = sorted(raw.glob("*.txt"))[0]
    lines = oldest.read_text(encoding="utf-8").split("\n")
    end = lines.index("---", 1)
    blank = lines.index("", end + 2)
    lines.insert(blank, "Deze zin is toegevoegd om het bijwerken van een document na te gaan.")
    oldest.write_text("\n".join(lines), encoding="utf-8")


def remove(raw: Path) -> None:
    """The second oldest document taken out of the corpus (its anchor register stays, as git would keep it)."""
    sorted(raw.glob("*.txt"))[1].unlink()


STEPS: tuple[Callable[[Path], None], ...] = (add, edit, remove)
"""What the editor does between builds, in this order."""


def test_incremental_builds_give_the_site_of_a_full_build(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", raw)
    project = build_site(tmp_path / "editor", raw)
    for number, step in enumerate(STEPS):
        step(raw)
        before = entries(project)
        fresh_raw = tmp_path / f"raw-{number}"
        shutil.copytree(raw, fresh_raw)  # the input of this build, registers included, for the full build
        build_site(project, raw)
        kept = [name for name, written in entries(project).items() if before.get(name) == written]
        assert kept, f"after {step.__name__}: every document was analysed again, the cache was not used"
        full = build_site(tmp_path / f"full-{number}", fresh_raw)
        for folder in ("site_src", "site"):
            incremental, whole = files(project / folder), files(full / folder)
            assert sorted(incremental) == sorted(whole), f"after {step.__name__}: {folder}/ has other files"
            differ = [rel for rel in incremental if incremental[rel] != whole[rel]]
            assert not differ, f"after {step.__name__}: these files of {folder}/ differ: {differ[:10]}"
        assert files(raw / "anchors") == files(fresh_raw / "anchors"), f"after {step.__name__}: registers differ"

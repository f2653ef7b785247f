from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.analyse.corpus import analyse
from generator.core.records import Corpus
from generator.site import render, write

URL = "https://example.org/"


def test_only_changed_pages_are_written_and_stale_ones_removed(tmp_path: Path) -> None:
    (tmp_path / "stylesheets").mkdir()
    (tmp_path / "stylesheets" / "extra.css").write_text("/* hand-written */")
    first = write.write_pages({"index.md": "a\n", "themas/x.md": "x\n", "themas/y.md": "y\n"}, tmp_path)
    assert first.written == ("index.md", "themas/x.md", "themas/y.md")
    second = write.write_pages({"index.md": "a\n", "themas/x.md": "x2\n"}, tmp_path)
    assert second.written == ("themas/x.md",) and second.removed == ("themas/y.md",) and second.unchanged == 1
    assert (tmp_path / "stylesheets" / "extra.css").exists()
    assert not (tmp_path / "themas" / "y.md").exists()


def test_rendering_is_deterministic(root: Path, corpus: Corpus) -> None:
    again = analyse(raw_dir=root / "raw", vocabulary_dir=root / "vocabulary")
    assert render.render_site(corpus, root / "templates", site_url=URL) == render.render_site(
        again, root / "templates", site_url=URL)


PARALLEL = """
import json, os, sys
from pathlib import Path
from generator.analyse import corpus as analysis
from generator.core import parallel
from generator.site import render
root, serial = Path(sys.argv[1]), sys.argv[2] == "serial"
if serial:
    parallel.can_fork = lambda: False
else:
    assert parallel.can_fork(), "this process cannot fork: the test would compare serial with serial"
    analysis.PARALLEL_FROM = render.PARALLEL_FROM = 1
corpus = analysis.analyse(raw_dir=root / "raw", vocabulary_dir=root / "vocabulary")
pages = render.render_site(corpus, root / "templates", site_url="https://example.org/",
                           finish=lambda path, text: (os.getpid(), text))
print(json.dumps({"pages": {p: t for p, (_, t) in pages.items()},
                  "processes": len({pid for pid, _ in pages.values()})}))
"""


def _pages_in_a_fresh_process(root: Path, mode: str) -> dict[str, Any]:
    """Analyse and render in a fresh interpreter (pytest's own process has threads, and never forks)."""
    result = subprocess.run([sys.executable, "-c", PARALLEL, str(root), mode], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def test_parallel_processes_give_the_same_pages_as_one(root: Path) -> None:
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: pages are always made in this process")
    serial = _pages_in_a_fresh_process(root, "serial")
    forked = _pages_in_a_fresh_process(root, "parallel")
    assert serial["processes"] == 1 and forked["processes"] > 1
    assert list(forked["pages"]) == list(serial["pages"])
    assert forked["pages"] == serial["pages"]


def test_pages_staged_in_any_process_are_committed_together(root: Path, tmp_path: Path, corpus: Corpus) -> None:
    expected = render.render_site(corpus, root / "templates", site_url=URL)
    staged = render.render_site(corpus, root / "templates", site_url=URL,
                                finish=functools.partial(write.stage, tmp_path))
    assert not any((tmp_path / rel).exists() for rel in expected)  # nothing in place before the commit
    report = write.commit(tmp_path, staged)
    assert sorted(report.written) == sorted(expected)
    assert {rel: (tmp_path / rel).read_text(encoding="utf-8") for rel in expected} == expected
    assert not list(tmp_path.rglob(f"{write.TEMPORARY}*"))


def test_discarded_pages_leave_the_previous_ones(tmp_path: Path) -> None:
    write.write_pages({"index.md": "oud\n", "themas/a.md": "oud a\n"}, tmp_path)
    assert write.stage(tmp_path, "themas/a.md", "nieuw a\n") is not None
    assert write.stage(tmp_path, "index.md", "oud\n") is None  # unchanged: nothing staged
    write.discard(tmp_path)
    assert (tmp_path / "themas" / "a.md").read_text() == "oud a\n"
    assert not list(tmp_path.rglob(f"{write.TEMPORARY}*"))


def test_a_failed_write_leaves_every_page_as_it_was(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    write.write_pages({"themas/a.md": "oud a\n", "themas/b.md": "oud b\n"}, tmp_path)
    calls = []
    real = Path.write_bytes

    def failing(self: Path, data: bytes) -> int:
        calls.append(self)
        if len(calls) == 2:
            raise OSError("No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    try:
        write.write_pages({"themas/a.md": "nieuw a\n", "themas/b.md": "nieuw b\n"}, tmp_path)
    except OSError:
        pass
    else:
        raise AssertionError("the disk error was swallowed")
    assert (tmp_path / "themas" / "a.md").read_text() == "oud a\n" and (tmp_path / "themas" / "b.md").read_text() == "oud b\n"
    assert [p.name for p in (tmp_path / "themas").iterdir() if p.name.startswith(".")] == []

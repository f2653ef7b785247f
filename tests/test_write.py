from __future__ import annotations

import functools
from pathlib import Path

from generator import pipeline, render, write


def test_only_changed_pages_are_written_and_stale_ones_removed(tmp_path: Path) -> None:
    (tmp_path / "stylesheets").mkdir()
    (tmp_path / "stylesheets" / "extra.css").write_text("/* hand-written */")
    first = write.write_pages({"index.md": "a\n", "themas/x.md": "x\n", "themas/y.md": "y\n"}, tmp_path)
    assert first.written == ("index.md", "themas/x.md", "themas/y.md")
    second = write.write_pages({"index.md": "a\n", "themas/x.md": "x2\n"}, tmp_path)
    assert second.written == ("themas/x.md",) and second.removed == ("themas/y.md",) and second.unchanged == 1
    assert (tmp_path / "stylesheets" / "extra.css").exists()
    assert not (tmp_path / "themas" / "y.md").exists()


def test_rendering_is_deterministic(root: Path) -> None:
    def build() -> dict[str, str]:
        corpus = pipeline.analyse(raw_dir=root / "raw", vocabulary_dir=root / "vocabulary")
        return render.render_site(corpus, root / "templates")
    assert build() == build()


def test_parallel_processes_give_the_same_pages_as_one(root: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def build() -> dict[str, str]:
        corpus = pipeline.analyse(raw_dir=root / "raw", vocabulary_dir=root / "vocabulary")
        return render.render_site(corpus, root / "templates")
    serial = build()
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 1)
    monkeypatch.setattr(render, "PARALLEL_FROM", 1)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    parallel = build()
    assert list(parallel) == list(serial)
    assert parallel == serial


def test_pages_staged_in_any_process_are_committed_together(root: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    corpus = pipeline.analyse(raw_dir=root / "raw", vocabulary_dir=root / "vocabulary")
    expected = render.render_site(corpus, root / "templates")
    monkeypatch.setattr(render, "PARALLEL_FROM", 1)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    staged = render.render_site(corpus, root / "templates", finish=functools.partial(write.stage, tmp_path))
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

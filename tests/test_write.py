from __future__ import annotations

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

from __future__ import annotations

import os
import shutil
from pathlib import Path

from helpers import generate

from generator.core.layout import ANALYSIS, STATE


def test_bad_input_stops_the_build_and_leaves_the_output_alone(root: Path, tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(root / "raw", raw)
    assert generate(raw, out).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*.md")}
    bad = raw / "2027-be-prioriteitenbrief.txt"
    bad.write_text("---\ntitle: Nieuw\nkind: prioriteitenbrief\nyear: 2027\ncountry: Belgie\nissuer: X\n---\nTekst.\n")
    result = generate(raw, out)
    assert result.returncode == 1
    assert f"{bad}:5: 'country': unknown presiding country 'Belgie'" in result.stderr
    assert "fix: use one of: NL (Nederland), BE (België), LU (Luxemburg)" in result.stderr
    assert {p: p.read_bytes() for p in out.rglob("*.md")} == before


def test_a_second_run_writes_nothing(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(root / "raw", out)
    second = generate(root / "raw", out)
    assert second.returncode == 0
    assert "nothing changed since the last build: 0 files written" in second.stdout, second.stdout


def test_only_changed_pages_are_rewritten_and_removed_documents_disappear(root: Path, tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(root / "raw", raw)
    assert generate(raw, out).returncode == 0
    before = {p.relative_to(out).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*.md")}
    letter = raw / "2023-nl-prioriteitenbrief.txt"
    letter.write_text(letter.read_text(encoding="utf-8").replace("W.B. Hoekstra", "W.B. Hoekstra (minister)"),
                      encoding="utf-8")
    (raw / "2025-lu-resultatenoverzicht.txt").unlink()
    result = generate(raw, out)
    assert result.returncode == 0, result.stderr
    after = {p.relative_to(out).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*.md")}
    assert "documenten/2025-lu-resultatenoverzicht.md" not in after and "jaren/2025.md" not in after
    year_pages = {rel for rel in before if rel.startswith(("themas/", "regios/")) and rel.endswith("/2025.md")}
    assert year_pages, "themes of 2025 have a page for that year"
    assert set(before) - set(after) == {"documenten/2025-lu-resultatenoverzicht.md", "jaren/2025.md", *year_pages}
    rewritten = {rel for rel in after if after[rel][1] != before[rel][1]}
    assert rewritten == {rel for rel in after if after[rel][0] != before[rel][0]}, "a file was rewritten unchanged"
    assert "documenten/2023-nl-prioriteitenbrief.md" in rewritten and "themas/energie.md" in rewritten
    assert "documenten/2026-benelux-jaarplan.md" not in rewritten


def test_two_builds_are_byte_identical(root: Path, tmp_path: Path) -> None:
    """In two processes with different hash seeds: no page may depend on the order of a set or a dict of strings."""
    first, second = tmp_path / "a", tmp_path / "b"
    for out, seed in ((first, "1"), (second, "2")):
        result = generate(root / "raw", out, env={**os.environ, "PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
    def files_of(out: Path) -> list[Path]:  # the state and the analysis cache are the build's own, not pages
        return sorted(p.relative_to(out) for p in out.rglob("*")
                      if p.is_file() and p.name != STATE and p.relative_to(out).parts[0] != ANALYSIS)
    files = files_of(first)
    assert files == files_of(second)
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_a_build_that_fails_while_rendering_leaves_the_output_alone(root: Path, tmp_path: Path) -> None:
    raw, out, templates = tmp_path / "raw", tmp_path / "out", tmp_path / "templates"
    shutil.copytree(root / "raw", raw)
    shutil.copytree(root / "templates", templates)
    assert generate(raw, out).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (raw / "2026-nl-prioriteitenbrief.txt").write_text(
        (raw / "2026-nl-prioriteitenbrief.txt").read_text(encoding="utf-8") + "\nEen nieuwe alinea.\n", encoding="utf-8")
    document = templates / "document.md.j2"
    document.write_text(document.read_text(encoding="utf-8") + "{{ no_such_variable }}\n", encoding="utf-8")
    result = generate(raw, out, "--templates", str(templates))
    assert result.returncode != 0 and "no_such_variable" in result.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before  # no staged page left behind either

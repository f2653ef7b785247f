from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path


def run(root: Path, raw: Path, out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator", "build", "--raw", str(raw), "--out", str(out),
               "--vocabulary", str(root / "vocabulary"), "--templates", str(root / "templates")]
    return subprocess.run(command, cwd=root, capture_output=True, text=True)


def test_bad_input_stops_the_build_and_leaves_the_output_alone(root: Path, tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(root / "raw", raw)
    assert run(root, raw, out).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*.md")}
    bad = raw / "2027-be-prioriteitenbrief.txt"
    bad.write_text("---\ntitle: Nieuw\nkind: prioriteitenbrief\nyear: 2027\ncountry: Belgie\nissuer: X\n---\nTekst.\n")
    result = run(root, raw, out)
    assert result.returncode == 1
    assert f"{bad}:5: 'country': unknown presiding country 'Belgie'" in result.stderr
    assert "fix: use one of: NL (Nederland), BE (België), LU (Luxemburg)" in result.stderr
    assert {p: p.read_bytes() for p in out.rglob("*.md")} == before


def test_a_second_run_writes_nothing(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(root, root / "raw", out)
    second = run(root, root / "raw", out)
    assert second.returncode == 0
    assert re.search(r"pages written\s*│\s*0 \(unchanged \d+, removed 0\)", second.stdout), second.stdout

"""The editors' overrides (vocabulary/overrides.yml): the last word on one paragraph's themes and regions."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, generate

from generator.analyse import anchors
from generator.core.records import Corpus

RAW = ["2020-nl-resultatenbrief.txt", "2026-benelux-jaarplan.txt"]
ADDED = "2020-nl-resultatenbrief#h-institutionele-samenwerking-p1"
REMOVED = "2026-benelux-jaarplan#h-2-p3"


def _overrides(corpus: Corpus) -> str:
    """Two decisions, each with the fingerprint of its paragraph's text as the build names it."""
    prints = {f"{d.slug}#{p.id}": anchors.fingerprint(p.text) for d in corpus.documents for p in d.paragraphs}
    return f"""# test
- paragraph: {ADDED}
  fingerprint: {prints[ADDED]}
  add: [energie, hauts-de-france]
  reason: Test.

- paragraph: {REMOVED}
  fingerprint: {prints[REMOVED]}
  remove: [veiligheid]
  reason: Test.
"""


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path, Path]:
    raw, vocabulary, out = tmp_path / "raw", tmp_path / "vocabulary", tmp_path / "out"
    raw.mkdir()
    for name in RAW:
        shutil.copy(ROOT / "raw" / name, raw)
    shutil.copytree(ROOT / "vocabulary", vocabulary)
    return raw, vocabulary, out


def _links(page: Path) -> str:
    """The text of a theme or region page and of its year pages, where the passages are."""
    pages = [page, *sorted(page.with_suffix("").glob("*.md"))]
    return "".join(p.read_text(encoding="utf-8") for p in pages if p.exists())


def test_an_override_adds_and_removes_themes_and_regions_on_the_pages(workspace: tuple[Path, Path, Path],
                                                                     corpus: Corpus) -> None:
    raw, vocabulary, out = workspace
    assert generate(raw, out, vocabulary=vocabulary).returncode == 0
    doc, _, pid = ADDED.partition("#")
    gone_doc, _, gone_pid = REMOVED.partition("#")
    assert f"{doc}.md#{pid})" not in _links(out / "themas" / "energie.md")
    assert f"{gone_doc}.md#{gone_pid})" in _links(out / "themas" / "veiligheid.md")

    (vocabulary / "overrides.yml").write_text(_overrides(corpus), encoding="utf-8")
    result = generate(raw, out, vocabulary=vocabulary)
    assert result.returncode == 0, result.stderr
    assert f"{doc}.md#{pid})" in _links(out / "themas" / "energie.md")
    assert f"{doc}.md#{pid})" in _links(out / "regios" / "hauts-de-france.md")
    assert f"{gone_doc}.md#{gone_pid})" not in _links(out / "themas" / "veiligheid.md")
    assert f"{gone_doc}.md#{gone_pid})" in _links(out / "themas" / "crisisbeheersing.md"), "other themes stay"
    why = subprocess.run([sys.executable, "-m", "generator", "report", "--raw", str(raw), "--vocabulary",
                          str(vocabulary), "--paragraph", ADDED], cwd=ROOT, capture_output=True, text=True)
    assert "energie                  by the editors (overrides.yml)" in why.stdout, why.stdout

    # A rebuild keeps the decision, and the editors' report lists it with its file and line.
    assert generate(raw, out, vocabulary=vocabulary).returncode == 0
    assert f"{doc}.md#{pid})" in _links(out / "themas" / "energie.md")
    report = subprocess.run([sys.executable, "-m", "generator", "report", "--raw", str(raw), "--vocabulary",
                             str(vocabulary)], cwd=ROOT, capture_output=True, text=True)
    assert f"overrides.yml:2: {ADDED} +[energie, hauts-de-france] -[]: Test." in report.stdout, report.stdout


BAD = {
    "unknown paragraph": "- paragraph: 2020-nl-resultatenbrief#h-bestaat-niet-p1\n  add: [energie]\n  reason: x\n",
    "unknown slug": f"- paragraph: {ADDED}\n  add: [energy]\n  reason: x\n",
    "no reason": f"- paragraph: {ADDED}\n  add: [energie]\n",
    "a signature": "- paragraph: 2020-nl-resultatenbrief#h-benelux-top-p4\n  add: [energie]\n  reason: x\n",
    "a changed text": f"- paragraph: {ADDED}\n  fingerprint: 0000abcd\n  add: [energie]\n  reason: x\n",
    "no fingerprint": f"# the decision\n- paragraph: {ADDED}\n  add: [energie]\n  reason: x\n",
    "a misspelt key": f"- paragraph: {ADDED}\n  add: [energie]\n  reasn: x\n",
    "a number for a list": f"- paragraph: {ADDED}\n  add: 3\n  reason: x\n",
}
MESSAGES = {
    "unknown paragraph": "overrides.yml:1: document '2020-nl-resultatenbrief' has no paragraph "
                         "2020-nl-resultatenbrief#h-bestaat-niet-p1",
    "unknown slug": "overrides.yml:2: unknown theme or region 'energy' under 'add'",
    "no reason": "overrides.yml:1: the entry gives no reason",
    "a signature": "overrides.yml:1: 2020-nl-resultatenbrief#h-benelux-top-p4 is a part around the document's "
                   "content (signature), never a passage",
    "a changed text": f"overrides.yml:1: the text of {ADDED} has changed since this decision",
    "no fingerprint": f"overrides.yml:2: the entry for {ADDED} has no fingerprint of its text",
    "a misspelt key": "overrides.yml:3: unknown key 'reasn'\n    fix: did you mean 'reason'?",
    "a number for a list": "overrides.yml:2: 'add' is not a list of slugs: 3",
}


@pytest.mark.parametrize("case", BAD)
def test_a_bad_override_stops_the_build_naming_file_and_line(workspace: tuple[Path, Path, Path], case: str) -> None:
    raw, vocabulary, out = workspace
    assert generate(raw, out, vocabulary=vocabulary).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (vocabulary / "overrides.yml").write_text(BAD[case], encoding="utf-8")
    result = generate(raw, out, vocabulary=vocabulary)
    assert result.returncode == 1
    assert MESSAGES[case] in result.stderr, result.stderr
    assert "fix:" in result.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before, "the last good output is untouched"


def test_an_override_of_a_document_left_out_of_the_build_is_a_warning(workspace: tuple[Path, Path, Path]) -> None:
    raw, vocabulary, out = workspace
    (vocabulary / "overrides.yml").write_text("- paragraph: 2030-be-jaarplan#begin-p1\n  add: [energie]\n"
                                              "  reason: x\n", encoding="utf-8")
    result = generate(raw, out, vocabulary=vocabulary)
    assert result.returncode == 0
    assert "overrides.yml:1: warning: there is no document '2030-be-jaarplan' in raw/" in result.stdout + result.stderr


def test_no_override_touches_a_paragraph_of_the_held_out_test_half() -> None:
    """The test half's figure measures the rules: an editor's decision on one of its paragraphs would hide that."""
    entries = yaml.safe_load((ROOT / "vocabulary" / "overrides.yml").read_text(encoding="utf-8")) or []
    test_half = {line.split("\t")[0] for line in (ROOT / "tests" / "fixtures" / "labels-test.tsv")
                 .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    assert entries, "the shipped file has at least one real decision"
    assert {e["paragraph"] for e in entries} & test_half == set()

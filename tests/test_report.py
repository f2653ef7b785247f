from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from generator.core.records import Corpus
from generator.quality import report

ROOT = Path(__file__).resolve().parent.parent


def tiny_project(folder: Path) -> Corpus:
    """A project in `folder` with one new document (NEW_DOCUMENT) and a vocabulary of one theme and one region,
    analysed."""
    from generator.analyse.corpus import analyse
    for sub, name, text in (("raw", "2030-be-prioriteitenbrief.txt", NEW_DOCUMENT), ("vocabulary", "themes.yml", THEMES),
                            ("vocabulary", "regions.yml", REGIONS), ("vocabulary", "overrides.yml", ""),
                            ("vocabulary", "kinds.yml", (ROOT / "vocabulary" / "kinds.yml").read_text(encoding="utf-8"))):
        (folder / sub).mkdir(exist_ok=True)
        (folder / sub / name).write_text(text, encoding="utf-8")
    return analyse(raw_dir=folder / "raw", vocabulary_dir=folder / "vocabulary")


def test_report_lists_unthemed_and_crowded_paragraphs(corpus: Corpus) -> None:
    c = corpus
    text = report.editors_report(c)
    for doc in c.documents:
        assert doc.slug in text
        for p in doc.paragraphs:
            if not p.part and not p.themes:
                assert f"no theme    #{p.id} " in text
            if len(p.themes) > report.MANY:
                assert f"{len(p.themes)} themes    #{p.id} " in text


def test_report_explains_a_paragraph(corpus: Corpus) -> None:
    doc, p = next((d, p) for d in corpus.documents for p in d.paragraphs
                  if p.themes and p.regions and not any(e.by_editor for e in p.evidence))
    text = report.editors_report(corpus, f"{doc.slug}#{p.id}")
    for evidence in p.evidence:
        assert f"{evidence.kind:6} {evidence.slug:24} because of" in text
        if evidence.kind == "theme":
            assert evidence.detail.startswith(f"{evidence.slug} ") and evidence.detail in text
    assert "no paragraph" in report.editors_report(corpus, "bestaat-niet#p1")


NEW_DOCUMENT = """---
title: Prioriteiten 2030
kind: prioriteitenbrief
year: 2030
country: BE
issuer: Benelux Unie
---
1. Energie

De drie landen bouwen samen aan waterstof en aan wind op zee, voor een zekere energievoorziening.

De ministers komen tweemaal per jaar bijeen om de voortgang te bespreken met de partners.

2. Overig

Het secretariaat-generaal publiceert een jaarverslag over het werk van de Unie in dat jaar.
"""
THEMES = """- slug: energie
  label: Energie
  terms: [energie*, waterstof, {term: wind op zee, weight: 2}]
"""
REGIONS = """- slug: saarland
  label: Saarland
  terms: [saarland, sarre]
"""


def test_document_report_on_a_new_document(root: Path, tmp_path: Path) -> None:
    """An editor drops a new document into raw/ and reads every paragraph's scores, borderline ones first."""
    import re
    import subprocess
    import sys

    import yaml
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "2030-be-prioriteitenbrief.txt").write_text(NEW_DOCUMENT, encoding="utf-8")
    (tmp_path / "vocabulary").mkdir()
    (tmp_path / "vocabulary" / "themes.yml").write_text(THEMES, encoding="utf-8")
    (tmp_path / "vocabulary" / "regions.yml").write_text(REGIONS, encoding="utf-8")
    (tmp_path / "vocabulary" / "overrides.yml").write_text("", encoding="utf-8")
    shutil.copy(ROOT / "vocabulary" / "kinds.yml", tmp_path / "vocabulary")
    run = subprocess.run([sys.executable, "-m", "generator", "report", "--document", "2030-be-prioriteitenbrief",
                          "--raw", str(tmp_path / "raw"), "--vocabulary", str(tmp_path / "vocabulary")],
                         cwd=root, capture_output=True, text=True, check=True)
    lines = run.stdout.splitlines()
    print(run.stdout)
    assert lines[0].startswith("2030-be-prioriteitenbrief (") and re.search(r"3 paragraphs, [12] borderline", lines[0])
    order = [line.split()[0] for line in lines if line.startswith("#")]
    # No theme first, then the closer call (the heading and the neighbour), then the clear one.
    assert order == ["#h-2-p1", "#h-1-p2", "#h-1-p1"]
    # The terms with their weights (the heading's and neighbours' shares are tuning constants of classify).
    own = [line for line in lines if line.startswith("  kept     energie ") and "wind op zee" in line]
    assert own and own[0].endswith("(threshold 1)"), lines
    assert {part.split()[0] for part in own[0].split(" = ")[1].split(" (")[0].split(" + ")} == {
        "wind", "waterstof", "energie*", "kop"} and "wind op zee 2 + " in own[0], own
    context = r"  kept     energie [\d.]+ = kop 1 \+ buren [\d.]+ \(threshold 1\)"
    assert any(re.fullmatch(context, line) for line in lines), lines
    pasted = [line.split("override: ", 1)[1].replace("…", "De alinea gaat over de vergaderingen.")
              for line in lines if "override: " in line and "h-1-p2" in line]
    entry = yaml.safe_load(pasted[0])[0]
    assert entry == {"paragraph": "2030-be-prioriteitenbrief#h-1-p2", "add": [], "remove": ["energie"],
                     "reason": "De alinea gaat over de vergaderingen."}


def test_why_a_passage_is_there_is_for_editors_not_readers(root: Path, tmp_path: Path, corpus: Corpus) -> None:
    """Reader pages carry no "gevonden: …" notes; the editors' report explains every passage of a theme page."""
    import re
    import subprocess
    import sys
    subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(tmp_path)], cwd=root, check=True,
                   capture_output=True)
    counts = Counter(slug for d in corpus.documents for p in d.paragraphs for slug in p.themes)
    theme = counts.most_common(1)[0][0]
    page = "".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "themas" / theme).glob("*.md")))
    assert "*gevonden: " not in page
    passages = re.findall(r"\(\.\./\.\./documenten/([\w-]+)\.md#([\w-]+-p\d+)\)", page)
    assert len(passages) == len(set(passages)) >= counts[theme] > 0
    for document, paragraph in passages:
        assert theme in report.editors_report(corpus, f"{document}#{paragraph}")


def test_under_mkdocs_serve_a_changed_document_prints_its_report(root: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """The editor saves a raw file under `make serve`: the next build prints that document's report."""
    import importlib.util
    import os

    spec = importlib.util.spec_from_file_location("generator_hooks", root / "hooks" / "generator_hooks.py")
    assert spec and spec.loader
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    corpus = tiny_project(tmp_path)
    hooks.on_startup(command="serve", dirty=False)
    hooks._report_changed(corpus)
    assert capsys.readouterr().err == ""  # the first build of the session reports nothing
    hooks._report_changed(corpus)
    assert capsys.readouterr().err == ""  # nothing changed
    path = tmp_path / "raw" / "2030-be-prioriteitenbrief.txt"
    os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 10))
    hooks._report_changed(corpus)
    printed = capsys.readouterr().err
    assert printed.startswith("2030-be-prioriteitenbrief (") and "#h-1-p1 (line 10)" in printed

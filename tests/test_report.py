from __future__ import annotations

from pathlib import Path

from generator.core.records import Corpus
from generator.quality import report


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
    text = report.editors_report(corpus, "2026-nl-prioriteitenbrief#h-2-p2")
    assert "grenssamenwerking" in text and "because of 'samenwerking met noordrijn westfalen" in text
    assert "region noordrijn-westfalen" in text
    assert "no paragraph" in report.editors_report(corpus, "bestaat-niet#p1")


def test_why_a_passage_is_there_is_for_editors_not_readers(root: Path, tmp_path: Path, corpus: Corpus) -> None:
    """Reader pages carry no "gevonden: …" notes; the editors' report explains every passage of a theme page."""
    import re
    import subprocess
    import sys
    subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(tmp_path)], cwd=root, check=True,
                   capture_output=True)
    page = "".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "themas" / "water-en-klimaat").glob("*.md")))
    assert "gevonden" not in page
    passages = re.findall(r"\(\.\./\.\./documenten/([\w-]+)\.md#([\w-]+-p\d+)\)", page)
    assert len(passages) >= 10
    for document, paragraph in passages:
        assert "water-en-klimaat" in report.editors_report(corpus, f"{document}#{paragraph}")

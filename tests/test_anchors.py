"""Permanent passage ids (issue 22): a link to a passage keeps landing on the same text when the text around it
is corrected, when paragraphs are inserted, removed, split or merged, and when a heading is reworded."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator.analyse.corpus import analyse
from generator.core.inline import plain
from generator.core.problems import InputError
from generator.core.records import Corpus, Document
from generator.ingest import register

ROOT = Path(__file__).resolve().parent.parent
VOCABULARY = ROOT / "vocabulary"

LETTER = """---
title: Testbrief
kind: prioriteitenbrief
year: 2026
date: 2025-12-01
issuer: Minister van Buitenlandse Zaken
---
Geachte Voorzitter,

Met deze brief informeer ik uw Kamer over de prioriteiten van het voorzitterschap in het komende jaar.

1. Energie

De drie landen werken samen aan waterstof en wind op zee, met nieuwe verbindingen tussen de netten.

Het Pentalateraal Energieforum bespreekt de leveringszekerheid in de winter en de prijzen voor bedrijven.

2. Mobiliteit

De treinverbinding tussen Brussel en Amsterdam wordt sneller, met meer treinen per dag en per richting.

Voor het goederenvervoer over de weg komt er een digitale vrachtbrief in de drie landen van de Benelux.

Hoogachtend,
"""


def _corpus(raw: Path) -> Corpus:
    return analyse(raw_dir=raw, vocabulary_dir=VOCABULARY)


def _texts(doc: Document) -> dict[str, str]:
    """Every id of the document (sections and paragraphs, aliases too) → the text its link shows."""
    shown: dict[str, str] = {}
    for section in doc.sections:
        for alias in (section.id, *section.aliases):
            shown[alias] = plain(section.title or "")
        for p in section.paragraphs:
            for alias in (p.id, *p.aliases):
                shown[alias] = plain(p.text)
    return shown


def _rebuild(raw: Path, text: str) -> Document:
    """Write `text` as the document, analyse it with the register of the previous analysis, and keep the new
    register, as `benelux-site build` does."""
    (raw / "testbrief.txt").write_text(text, encoding="utf-8")
    corpus = _corpus(raw)
    register.write_all(raw, corpus.documents)
    return corpus.documents[0]


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    return folder


def test_a_new_document_keeps_the_segmenters_ids(raw: Path) -> None:
    first = _rebuild(raw, LETTER)
    assert [p.id for p in first.paragraphs] == ["begin-p1", "begin-p2", "h-1-p1", "h-1-p2", "h-2-p1", "h-2-p2",
                                                "h-2-p3"]
    assert register.register_path(raw, "testbrief").exists()
    assert _rebuild(raw, LETTER) == first, "the same text and its register give the same document"


def test_inserted_paragraphs_get_new_ids_and_every_old_link_shows_its_text(raw: Path) -> None:
    before = _texts(_rebuild(raw, LETTER))
    inserted = LETTER.replace("Met deze brief", "Een nieuwe eerste alinea, door de redactie toegevoegd aan de brief."
                              "\n\nMet deze brief").replace(
        "Het Pentalateraal", "Een ingevoegde alinea over de Noordzee en de windparken op zee voor de kust.\n\nHet "
        "Pentalateraal")
    after = _rebuild(raw, inserted)
    shown = _texts(after)
    assert {pid: shown.get(pid) for pid in before} == before
    new = [p.id for p in after.paragraphs if p.id not in before]
    assert new == ["begin-p3", "h-1-p3"], "new ids, never one that an earlier text had"


def test_a_corrected_paragraph_keeps_its_id_and_a_removed_one_lands_on_its_successor(raw: Path) -> None:
    _rebuild(raw, LETTER)
    corrected = LETTER.replace("met nieuwe verbindingen tussen", "met betere verbindingen tussen").replace(
        "Het Pentalateraal Energieforum bespreekt de leveringszekerheid in de winter en de prijzen voor bedrijven.\n\n",
        "")
    doc = _rebuild(raw, corrected)
    shown = _texts(doc)
    assert "betere verbindingen" in shown["h-1-p1"]
    assert [p.id for p in doc.sections[1].paragraphs] == ["h-1-p1"]
    # The removed paragraph's link lands on the passage after it (here the next heading's first paragraph).
    assert shown["h-1-p2"] == shown["h-2-p1"]
    entries = {a.id: a for a in doc.anchors}
    assert entries["h-1-p2"].gone_to == "h-2-p1"
    # Put back, the text gets its id back: the register still knows its fingerprint.
    restored = _texts(_rebuild(raw, LETTER))
    assert restored["h-1-p2"].startswith("Het Pentalateraal")


def test_a_split_paragraph_keeps_its_id_on_its_first_part_and_a_merged_one_on_its_text(raw: Path) -> None:
    before = _texts(_rebuild(raw, LETTER))
    split = LETTER.replace("wind op zee, met nieuwe verbindingen tussen de netten.",
                           "wind op zee.\n\nEr komen nieuwe verbindingen tussen de netten van de drie landen.")
    doc = _rebuild(raw, split)
    assert [p.id for p in doc.sections[1].paragraphs] == ["h-1-p1", "h-1-p3", "h-1-p2"]
    assert _texts(doc)["h-1-p1"].endswith("wind op zee.")
    merged = LETTER.replace("per dag en per richting.\n\nVoor het goederenvervoer", "per dag en per richting. "
                            "Voor het goederenvervoer")
    doc = _rebuild(raw, merged)
    shown = _texts(doc)
    assert shown["h-2-p1"] == shown["h-2-p2"], "the second half's link lands on the paragraph that holds its text"
    assert shown["h-2-p1"].startswith(before["h-2-p1"]) and shown["h-2-p1"].endswith(before["h-2-p2"])


def test_a_reworded_heading_keeps_its_section_id(raw: Path) -> None:
    _rebuild(raw, LETTER)
    doc = _rebuild(raw, LETTER.replace("2. Mobiliteit", "2. Mobiliteit en vervoer"))
    assert [s.id for s in doc.sections] == ["begin", "h-1", "h-2"]
    assert doc.sections[2].title == "2. Mobiliteit en vervoer"


def test_a_broken_register_stops_the_build_with_its_line(raw: Path) -> None:
    _rebuild(raw, LETTER)
    path = register.register_path(raw, "testbrief")
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[7] = "paragraph\tbegin-p1\tno key"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InputError) as stopped:
        _corpus(raw)
    problem = stopped.value.problems[0]
    assert problem.path == str(path) and problem.line == 8 and "version control" in problem.fix


def test_inserting_a_paragraph_moves_no_link_in_any_document(tmp_path: Path, corpus: Corpus) -> None:
    """Every document of raw/: a paragraph inserted at the start of its text and one in the middle of its longest
    section move no published anchor (before permanent ids, 5 of 369 did in two documents)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for doc in corpus.documents:
        shutil.copy(ROOT / doc.path if not Path(doc.path).is_absolute() else doc.path, raw)
    register.write_all(raw, corpus.documents)
    before = {d.slug: _texts(d) for d in corpus.documents}
    for doc in corpus.documents:
        path = raw / Path(doc.path).name
        lines = path.read_text(encoding="utf-8").split("\n")
        longest = max(doc.sections, key=lambda s: len(s.paragraphs))
        middle = longest.paragraphs[len(longest.paragraphs) // 2]
        at = {doc.paragraphs[0].line - 1: "Een door de redactie ingevoegde alinea aan het begin van de tekst.",
              middle.line - 1: "Een door de redactie ingevoegde alinea midden in de langste sectie van de tekst."}
        for index in sorted(at, reverse=True):
            lines[index:index] = [at[index], ""]
        path.write_text("\n".join(lines), encoding="utf-8")
    after = {d.slug: d for d in _corpus(raw).documents}
    moved = {f"{slug}#{pid}" for slug, texts in before.items() for pid, text in texts.items()
             if _texts(after[slug]).get(pid) != text}
    assert moved == set()
    for slug, doc in after.items():
        new = [p for p in doc.paragraphs if p.id not in before[slug]]
        assert len(new) >= 2 and all(re.fullmatch(r".+-p\d+", p.id) for p in new), slug
        assert replace(doc, anchors=()) != doc


def test_the_document_page_carries_the_link_of_a_removed_paragraph_on_its_successor(raw: Path, tmp_path: Path) -> None:
    from generator.build import build
    _rebuild(raw, LETTER)
    (raw / "testbrief.txt").write_text(LETTER.replace("Het Pentalateraal Energieforum bespreekt de "
                                                      "leveringszekerheid in de winter en de prijzen voor bedrijven.\n\n",
                                                      ""), encoding="utf-8")
    out = tmp_path / "docs"
    build(raw_dir=raw, vocabulary_dir=VOCABULARY, templates_dir=ROOT / "templates", out=out, site_url="")
    page = (out / "documenten" / "testbrief.md").read_text(encoding="utf-8")
    successor = next(line for line in page.split("\n") if "De treinverbinding" in line)
    assert successor.startswith('<span id="h-1-p2" class="oud-anker"></span>De treinverbinding'), successor
    gone = next(a for a in register.read(register.register_path(raw, "testbrief"))[0] if a.id == "h-1-p2")
    assert gone.gone_to == "h-2-p1"
